"""cancel after acceptance charging the work done so far

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 05:20:00

PostgreSQL only (the embedded SQLite file: ``app/services/cancel_charging.py`` makes the
same checks and writes in Python). Issue 19: a team lead cancels an accepted or
in-progress request and charges the work done so far.

- ``rit_cancel_charging(request, reason, acted_for, version, shown net/VAT/total, at)``:
  migration 0015's ``rit_charge`` (its text, changed by asserted replacements, so the two
  share one body: :func:`cancel_function`), granted to team leads and admins only, which
  prices with ``rit_price`` exactly as a completion does (each entry rounded up to the
  increment, capped at the last agreed variation or the quote) and differs in: who (team
  lead, admin), from where (``accepted`` or ``in_progress``), a reason required, a
  variation awaiting the customer withdrawn rather than refusing, a fixed-price request
  charged only when an agreed variation states the amount (key ``fixed_no_variation``),
  and the end: the open quotes and the pending variation withdrawn, the request
  ``cancelled`` (not ``completed``), the audit event ``request_cancelled_charged`` and the
  notice ``cancelled_charged`` (with the reason and the amounts). The charge, its
  document (the trigger of migration 0008), the credit posted through ``rit_post`` (the
  exhaustion procedure) and exactly once (the request locked, its state checked,
  ``charges.request_id`` unique) are ``rit_charge``'s.
- ``rit_charge`` runs one statement fewer: the request and its customer are locked by
  one ``SELECT ... FOR UPDATE OF r, c`` (the customer was locked by a statement of its
  own before the charge was written; the order, request then customer, is the same).
  Its refusals and their order are as they were (:func:`charge_function`).
- A request ends cancelled with a charge only through it: no login may write charges,
  ledger entries or documents (``app/db/privileges.py``), a closed request never changes
  (``rit_requests_guard``), and the event and notice that tell of it are the server's
  own: ``rit_log`` (0014's) and ``rit_tell`` (0020's) refuse them to the app's logins.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

CANCEL = ("rit_cancel_charging(integer, text, text, integer, bigint, bigint, bigint, "
          "timestamp)")
#: the event and the notice only the server writes (added to 0014's and 0020's lists)
SERVER_ACTION = "request_cancelled_charged"
SERVER_NOTICE = "cancelled_charged"


def _migration(name: str) -> ModuleType:
    return import_module(f"app.db.migrations.versions.{name}")


#: one statement fewer a charge: the customer locked with the request (was a statement
#: of its own before the insert; rit_post needs the lock, taken in the same order)
_LOCKS = (
    """SELECT r.state, r.version, r.customer_id, r.assignee_id INTO v_req
            FROM requests r WHERE r.id = p_request FOR UPDATE;""",
    """SELECT r.state, r.version, r.customer_id, r.assignee_id INTO v_req
            FROM requests r JOIN customers c ON c.id = r.customer_id
            WHERE r.id = p_request FOR UPDATE OF r, c;""")
_CUSTOMER_LOCK = ("""
            PERFORM 1 FROM customers WHERE id = v_req.customer_id FOR UPDATE;""", "")


def charge_function(schema: str, *, fewer: bool = True) -> str:
    """The latest ``rit_charge`` (migration 0015's) as CREATE OR REPLACE, with one
    statement fewer when ``fewer`` (this migration's)."""
    [statement] = [s for s in _migration("0015_server_pricing")._statements(schema)
                   if "CREATE FUNCTION rit_charge(" in s]
    statement = statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if fewer:
        for old, new in (_LOCKS, _CUSTOMER_LOCK):
            assert statement.count(old) == 1, old
            statement = statement.replace(old, new, 1)
    return statement


_SIGNATURE = (
    """CREATE OR REPLACE FUNCTION rit_charge(
            p_request integer, p_acted_for text DEFAULT NULL, p_version integer DEFAULT NULL,""",
    """CREATE OR REPLACE FUNCTION rit_cancel_charging(
            p_request integer, p_reason text, p_acted_for text DEFAULT NULL,
            p_version integer DEFAULT NULL,""")
_PURPOSE = (
    "-- Complete a request and charge it, exactly once,",
    "-- Cancel an accepted or in-progress request charging the work done so far\n"
    "        -- (rit_charge's body: the same pricing), exactly once,")
_WHO = (
    """'action', 'complete',
                                          'role', v_staff.role, 'user', v_staff.username);
            IF v_staff.role NOT IN ('technician', 'team_lead', 'admin') THEN
                PERFORM rit_fail('RD000', 'role', v_facts);
            END IF;""",
    """'action', 'cancel_request',
                                          'role', v_staff.role, 'user', v_staff.username);
            IF v_staff.role NOT IN ('team_lead', 'admin') THEN
                PERFORM rit_fail('RD000', 'role', v_facts);
            END IF;
            IF coalesce(btrim(p_reason), '') = '' THEN
                PERFORM rit_fail('RD000', 'reason_required', v_facts);
            END IF;""")
_FROM = (
    """IF v_req.state <> 'in_progress' THEN
                PERFORM rit_fail('RD000', 'state', v_facts || jsonb_build_object('state', v_req.state));""",
    """IF v_req.state NOT IN ('accepted', 'in_progress') THEN
                PERFORM rit_fail('RD000', 'state', v_facts || jsonb_build_object(
                    'state', v_req.state, 'action', 'cancel_accepted'));""")
_CHECKS = (
    """IF cardinality(v_f.minutes) = 0 THEN
                PERFORM rit_fail('RD000', 'no_work', v_facts);
            END IF;
            IF v_f.pending IS NOT NULL THEN
                PERFORM rit_fail('RD000', 'pending', v_facts || jsonb_build_object('pending', v_f.pending));
            END IF;
            IF v_f.quote_id IS NULL THEN
                PERFORM rit_fail('RD000', 'no_quote', v_facts);
            END IF;""",
    # a variation awaiting the customer is withdrawn with the request (below)
    """IF cardinality(v_f.minutes) = 0 THEN
                PERFORM rit_fail('RD000', 'no_work_to_charge', v_facts);
            END IF;
            IF v_f.quote_id IS NULL THEN
                PERFORM rit_fail('RD000', 'no_quote', v_facts);
            END IF;
            IF v_f.kind = 'fixed' AND v_f.agreed IS NULL THEN
                PERFORM rit_fail('RD000', 'fixed_no_variation', v_facts);
            END IF;""")
_END = (
    """UPDATE requests SET state = 'completed', closed_at = v_at, updated_at = v_at,
                                version = version + 1
            WHERE id = p_request;
            PERFORM rit_audit(v_at, v_staff.username, 'request_completed', p_request,
                v_req.customer_id, jsonb_build_object(
                    'kind', v_f.kind,""",
    """UPDATE variations SET state = 'withdrawn', version = version + 1
            WHERE request_id = p_request AND state = 'proposed';
            UPDATE quotes SET state = 'withdrawn', version = version + 1
            WHERE request_id = p_request AND state IN ('draft', 'submitted', 'sent');
            UPDATE requests SET state = 'cancelled', closed_at = v_at, updated_at = v_at,
                                version = version + 1
            WHERE id = p_request;
            PERFORM rit_audit(v_at, v_staff.username, 'request_cancelled_charged', p_request,
                v_req.customer_id, jsonb_build_object(
                    'reason', p_reason, 'kind', v_f.kind,""")
_NOTICE = (
    """'completed_charged', v_at,
                jsonb_build_object('net',""",
    """'cancelled_charged', v_at,
                jsonb_build_object('reason', p_reason, 'net',""")


def cancel_function(charge: str) -> str:
    """``rit_cancel_charging`` from the text of ``rit_charge`` (:func:`charge_function`,
    or the lead's chain of later changes to it): the same body, its ends changed."""
    for old, new in (_SIGNATURE, _PURPOSE, _WHO, _FROM, _CHECKS, _END, _NOTICE):
        assert charge.count(old) == 1, old
        charge = charge.replace(old, new, 1)
    return charge


def log_function(schema: str, *, ours: bool) -> str:
    """Migration 0022's ``rit_log`` (0014's with the worker's events), refusing this
    migration's event to the app's logins too when ``ours``."""
    earlier = _migration("0014_lifecycle_enforced")
    statement: str = _migration("0022_worker_login_and_documents").rit_log(schema, worker=True)
    if ours:
        before = earlier._in(earlier.SERVER_ACTIONS)
        assert statement.count(before) == 1
        statement = statement.replace(
            before, earlier._in((*earlier.SERVER_ACTIONS, SERVER_ACTION)), 1)
    return statement


def tell_function(schema: str, *, ours: bool) -> str:
    """Migration 0022's ``rit_tell`` (0020's with the worker's notices), refusing this
    migration's notice to the app's logins too when ``ours``."""
    earlier = _migration("0014_lifecycle_enforced")
    statement: str = _migration("0022_worker_login_and_documents").rit_tell(schema, worker=True)
    notices = (*earlier.SERVER_NOTICES, *_migration("0020_no_dead_ends").NEW_NOTICES)
    if ours:
        before = earlier._in(notices)
        assert statement.count(before) == 1
        statement = statement.replace(before, earlier._in((*notices, SERVER_NOTICE)), 1)
    return statement


def _schema() -> str | None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return None
    return str(bind.execute(sa.text("SELECT current_schema()")).scalar_one())


def upgrade() -> None:
    schema = _schema()
    if schema is None:
        return
    op.execute(charge_function(schema))
    op.execute(cancel_function(charge_function(schema)))
    op.execute(log_function(schema, ours=True))
    op.execute(tell_function(schema, ours=True))


def downgrade() -> None:
    schema = _schema()
    if schema is None:
        return
    op.execute(f"DROP FUNCTION IF EXISTS {CANCEL}")
    op.execute(charge_function(schema, fewer=False))
    op.execute(log_function(schema, ours=False))
    op.execute(tell_function(schema, ours=False))
