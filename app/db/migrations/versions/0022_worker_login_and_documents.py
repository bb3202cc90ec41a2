"""the worker's own login; documents stored by the worker only

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 05:20:00

PostgreSQL only (the embedded SQLite file is one trusted workstation: no logins, no
server functions). Issue 18: the worker signs in with a login of its own (``rit-desk
init --worker LOGIN``), a member of the new group role ``worker`` (named as the others,
``role_names``; its grants are in ``app/db/privileges.py``), instead of trusted
maintenance. What it may do, the database decides:

- ``rit_is_worker()``: the session's login is a member of the worker's group;
- ``rit_moves`` (0020's, its body otherwise as it is): the worker moves a sent quote past
  its date and its request to ``expired`` (as a team lead's sweep and the control panel
  may), and a pending variation to ``lapsed`` (it alone); a move staff may make
  (``staff...``) is never the worker's;
- ``rit_log`` (0014's): the events of the worker's jobs (``quote_reminded``,
  ``variation_reminded``, ``variation_lapsed``, ``credit_low_alert``,
  ``credit_low_cleared``) are written only by the worker (and trusted maintenance); the
  worker writes those and ``quote_expired``, nothing else;
- ``rit_tell`` (0020's): likewise the notices ``quote_reminder``, ``variation_reminder``,
  ``variation_lapsed``; the worker tells those, ``quote_expired`` and ``credit_low`` (a
  server notice no staff login writes, about a customer), nothing else;
- ``rit_event_subject`` (0021's): a customer's low-credit alert written, or held for
  its deletion, by the transaction makes an event about that customer its change (the
  worker's login may not lock a customer's row: that needs UPDATE on customers);
- ``rit_store_document`` (0011's): a charge document or credit note is stored by the
  worker's login (or trusted maintenance) only: every staff login is refused, the one
  that made the charge too (issue 18: a technician stored "%PDF-1.4 FORGED..." for their
  own charge and finance was later handed it with ``sha256_ok: true``). The worker
  renders it from the stored facts.

Each replaced function is built from the latest earlier migration's text with asserted
replacements; the builders are functions (:func:`rit_moves`, :func:`rit_log`,
:func:`rit_tell`, :func:`rit_event_subject`, :func:`rit_store_document`) so a later migration can chain them.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

#: audit actions only the worker writes (and trusted maintenance)
WORKER_ACTIONS = ("quote_reminded", "variation_reminded", "variation_lapsed",
                  "credit_low_alert", "credit_low_cleared")
#: what else the worker writes: the expiry, as a team lead's sweep does
WORKER_ALSO = ("quote_expired",)
#: notice kinds only the worker writes (``credit_low`` is a server notice already)
WORKER_NOTICES = ("quote_reminder", "variation_reminder", "variation_lapsed")
WORKER_ALSO_NOTICES = ("quote_expired", "credit_low")

IS_WORKER = """
    CREATE OR REPLACE FUNCTION rit_is_worker() RETURNS boolean LANGUAGE sql STABLE
    SET search_path = {schema}, pg_temp AS $$
        -- the session's login is the worker's (a member of its group role)
        SELECT coalesce(pg_has_role(session_user, to_regrole(rit_role('worker')), 'MEMBER'),
                        false)
    $$"""

ROLE_CHECK = """            IF NOT (v_who LIKE '%portal%' AND v_portal
                    OR v_who LIKE 'staff%' AND NOT v_portal
                    OR v_who LIKE 'lead%' AND rit_is_lead()) THEN"""
ROLE_CHECK_WORKER = """            IF NOT (v_who LIKE '%portal%' AND v_portal
                    OR v_who LIKE 'staff%' AND NOT v_portal AND NOT rit_is_worker()
                    OR v_who LIKE 'lead%' AND rit_is_lead()
                    OR v_who LIKE '%worker' AND rit_is_worker()) THEN"""

STAFF_STORE = """            IF NOT rit_trusted() THEN
                SELECT st.id, st.role INTO v_me FROM staff st
                WHERE st.username = session_user AND st.active;
                IF v_me.id IS NULL OR (v_me.id <> v_doc.created_by_id
                                       AND v_me.role NOT IN ('finance', 'admin')) THEN
                    RAISE EXCEPTION USING ERRCODE = '42501',
                        MESSAGE = 'permission denied: only the login that made it, finance or '
                                  'an admin stores this document',
                        DETAIL = jsonb_build_object(
                            'key', 'store_document', 'number', v_doc.request_id,
                            'kind', p_kind, 'login', session_user)::text;
                END IF;
            END IF;"""
WORKER_STORE = """            IF NOT rit_trusted() AND NOT rit_is_worker() THEN
                RAISE EXCEPTION USING ERRCODE = '42501',
                    MESSAGE = 'permission denied: only the worker stores this document',
                    DETAIL = jsonb_build_object(
                        'key', 'store_document', 'number', v_doc.request_id,
                        'kind', p_kind, 'login', session_user)::text;
            END IF;"""
STORE_COMMENT = "        -- by the login that made it, finance, an admin or trusted maintenance."
STORE_COMMENT_WORKER = ("        -- by the worker's login (it renders them from the stored facts) or\n"
                        "        -- trusted maintenance; no staff login (migration 0022).")


def _migration(name: str) -> ModuleType:
    return import_module(f"app.db.migrations.versions.{name}")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def moves() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str],
                     dict[tuple[str, str], str]]:
    """0020's moves of requests, quotes and variations, with the worker's."""
    no_dead_ends = _migration("0020_no_dead_ends")
    requests = {**no_dead_ends.request_moves(), ("quoted", "expired"): "lead_portal_worker"}
    quotes = {**no_dead_ends.quote_moves(), ("sent", "expired"): "lead_portal_worker"}
    variations = {**no_dead_ends.variation_moves(), ("proposed", "lapsed"): "worker"}
    return requests, quotes, variations


def rit_moves(schema: str, *, worker: bool = True) -> str:
    """``rit_moves``: 0020's; with ``worker`` the worker's moves and role check."""
    no_dead_ends = _migration("0020_no_dead_ends")
    if not worker:
        return str(no_dead_ends._rit_moves(schema, no_dead_ends.request_moves(),
                                           no_dead_ends.quote_moves(),
                                           no_dead_ends.variation_moves()))
    statement: str = no_dead_ends._rit_moves(schema, *moves())
    assert ROLE_CHECK in statement
    return statement.replace(ROLE_CHECK, ROLE_CHECK_WORKER, 1)


EVENT_SUBJECT = "            v_customer := rit_event_subject(p_request, p_customer);\n"


def rit_log(schema: str, *, worker: bool = True) -> str:
    """``rit_log``: 0014's; with ``worker`` the worker's events are its own."""
    lifecycle = _migration("0014_lifecycle_enforced")
    [statement] = [s for s in lifecycle._statements(schema) if "CREATE FUNCTION rit_log(" in s]
    statement = statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if not worker:
        return statement
    assert statement.count(EVENT_SUBJECT) == 1
    check = f"""            IF NOT v_trusted AND rit_is_worker()
                    AND p_action NOT IN ({_in(WORKER_ACTIONS + WORKER_ALSO)}) THEN
                PERFORM rit_refuse('worker_event', format(
                    'the worker writes only the events of its jobs, not %s', p_action),
                    jsonb_build_object('action', p_action));
            END IF;
            IF NOT v_trusted AND p_action IN ({_in(WORKER_ACTIONS)}) AND NOT rit_is_worker() THEN
                PERFORM rit_refuse('server_event', format(
                    'a %s event is written only by the worker', p_action),
                    jsonb_build_object('action', p_action));
            END IF;
"""
    return statement.replace(EVENT_SUBJECT, check + EVENT_SUBJECT, 1)


TELL_CHECK = "            IF NOT v_trusted AND (p_kind IN ("


def rit_tell(schema: str, *, worker: bool = True) -> str:
    """``rit_tell``: 0020's; with ``worker`` the worker's notices are its own."""
    no_dead_ends = _migration("0020_no_dead_ends")
    statement: str = no_dead_ends._rit_tell(schema, ours=True)
    if not worker:
        return statement
    lifecycle = _migration("0014_lifecycle_enforced")
    before = lifecycle._in((*lifecycle.SERVER_NOTICES, *no_dead_ends.NEW_NOTICES))
    assert statement.count(TELL_CHECK + before) == 1
    worker_check = f"""            IF NOT v_trusted AND rit_is_worker() THEN
                IF p_kind NOT IN ({_in(WORKER_NOTICES + WORKER_ALSO_NOTICES)}) THEN
                    PERFORM rit_refuse('worker_notice', format(
                        'the worker tells only the notices of its jobs, not %s', p_kind),
                        jsonb_build_object('kind', p_kind));
                END IF;
            ELS"""
    after = lifecycle._in((*lifecycle.SERVER_NOTICES, *no_dead_ends.NEW_NOTICES,
                           *WORKER_NOTICES))
    return statement.replace(TELL_CHECK + before, worker_check + TELL_CHECK.lstrip()
                             + after, 1)


def rit_store_document(schema: str, *, worker: bool = True) -> str:
    """``rit_store_document``: 0011's; with ``worker`` stored by the worker alone."""
    statement: str = _migration("0011_store_document_guarded")._store_document(schema)
    if not worker:
        return statement
    assert STAFF_STORE in statement and STORE_COMMENT in statement
    return (statement.replace(STAFF_STORE, WORKER_STORE, 1)
            .replace(STORE_COMMENT, STORE_COMMENT_WORKER, 1))


SERVICES_OF_CUSTOMER = """
                     OR EXISTS (SELECT 1 FROM services v
                                WHERE v.customer_id = c.id AND v.xmin = v_xid));"""
ALERT_OF_CUSTOMER = """
                     OR EXISTS (SELECT 1 FROM services v
                                WHERE v.customer_id = c.id AND v.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM low_credit_alerts a WHERE a.customer_id = c.id
                                AND (a.xmin = v_xid OR a.xmax = v_xid)));"""


def rit_event_subject(schema: str, *, worker: bool = True) -> str:
    """``rit_event_subject``: 0021's; with ``worker`` a customer's low-credit alert written
    (or held for its deletion) by this transaction is a change about that customer (the
    worker's: no other login writes those rows)."""
    statement: str = _migration("0021_events_of_notes_and_price_list")._subject(
        schema, new_tables=True)
    if not worker:
        return statement
    assert statement.count(SERVICES_OF_CUSTOMER) == 1
    return statement.replace(SERVICES_OF_CUSTOMER, ALERT_OF_CUSTOMER, 1)


def _apply(worker: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    if worker:
        owner = bind.execute(sa.text("SELECT name FROM role_names WHERE role = 'owner'")
                             ).scalar_one()
        assert owner.endswith("_owner")
        bind.execute(sa.text("INSERT INTO role_names (role, name) VALUES ('worker', :name) "
                             "ON CONFLICT (role) DO NOTHING"),
                     {"name": owner.removesuffix("_owner") + "_worker"})
        op.execute(IS_WORKER.format(schema=schema))
    for build in (rit_moves, rit_event_subject, rit_log, rit_tell, rit_store_document):
        op.execute(build(schema, worker=worker))
    if not worker:
        # (the group role and its name stay: the role is the cluster's, dropped with the
        # database's other roles)
        op.execute("DROP FUNCTION IF EXISTS rit_is_worker()")


def upgrade() -> None:
    _apply(True)


def downgrade() -> None:
    _apply(False)
