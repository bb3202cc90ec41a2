"""the staged credit-exhaustion procedure

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 05:20:00

Both databases (``app/domain/credit_steps.py`` says the rules, ``app/services/credit.py``
and ``app/services/credit_procedure.py`` apply them on the embedded file):

- ``services.billing`` (``hourly``, the default, or ``monthly``) and ``paid_until`` (the
  last day paid, monthly ones only);
- ``services.state``: ``active`` -> ``off`` -> ``archived`` -> ``deleted``, with the time
  of each step (``off_at``, ``archived_at``, ``deleted_at``) and of the two warnings sent
  before archiving and deletion (``archive_warned_at``, ``delete_warned_at``). The old
  ``status`` stays, kept in step: ``running`` exactly while the state is ``active``.

Existing rows: all ``hourly``; a ``running`` service is ``active``; a ``suspended`` one
(its account exhausted) is ``off`` as of this migration (``off_at`` = now): its customer
was never told of an archiving date, so the procedure's days count from the upgrade, and
nothing is archived or deleted without the notices the procedure promises. Downgrade:
the columns go (``status`` is already right: a deleted service stays suspended).

PostgreSQL only, the database enforces it (no login may UPDATE a service's state: only
billing and paid_until, by an admin or the control panel; checks of the shape):

- ``rit_post`` (0020's, built from it): at exhaustion the hourly services and the monthly
  ones past their paid period go ``off``; the notice says when archiving will be and who
  stays on; a covering top-up brings ``off`` and ``archived`` ones back (deleted stay).
- ``rit_services_status`` (0007's insert trigger): a new service's state and dates are
  the database's, as its status was.
- ``rit_tell`` (0020's): ``services_off`` is a server notice too; ``rit_log`` (0014's):
  the procedure's audit events are the server's own too.
- new ``rit_credit_due`` (the rules of ``credit_steps.due``, immutable) and
  ``rit_credit_sweep(p_at)``: the steps that come with time, for finance, admins and the
  worker (the time given is honoured for trusted maintenance only); customers locked with
  ``SKIP LOCKED``, so two sweeps never take a step twice.
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

#: (column, SQL type) added to services in place
NEW_COLUMNS = (("billing", "VARCHAR(10) NOT NULL DEFAULT 'hourly'"), ("paid_until", "DATE"),
               ("state", "VARCHAR(10) NOT NULL DEFAULT 'active'"), ("off_at", "TIMESTAMP"),
               ("archived_at", "TIMESTAMP"), ("deleted_at", "TIMESTAMP"),
               ("archive_warned_at", "TIMESTAMP"), ("delete_warned_at", "TIMESTAMP"))

#: PostgreSQL's checks of the shape (the services' own on the embedded file)
CHECKS = (
    ("ck_services_billing", "billing IN ('hourly', 'monthly') AND (billing = 'monthly') = "
                            "(paid_until IS NOT NULL)"),
    ("ck_services_state", "state IN ('active', 'off', 'archived', 'deleted') AND "
                          "(status = 'running') = (state = 'active')"),
)

NEW_FUNCTIONS = (
    "rit_credit_due(text, date, text, timestamp, timestamp, timestamp, timestamp, timestamp, "
    "integer, integer, integer)",
    "rit_credit_sweep(timestamp)",
)


def _setting(key: str, default: int) -> str:
    return f"coalesce((SELECT value::integer FROM settings WHERE key = '{key}'), {default})"


ARCHIVE_DAYS = _setting("credit_archive_days", 7)
DELETE_DAYS = _setting("credit_delete_days", 10)
NOTICE_DAYS = _setting("credit_notice_days", 2)

# -- rit_post ---------------------------------------------------------------------------
DECLARE = "DECLARE\n            v_was text;\n"
DECLARED = DECLARE + "            v_on text[];\n            v_archive text;\n"
EXHAUSTED_FROM = "IF balance < 0 AND v_was <> 'credit_exhausted' THEN"
EXHAUSTED_TO = "ELSIF balance < 0 THEN"
STAGED = f"""IF balance < 0 AND v_was <> 'credit_exhausted' THEN
                -- the staged procedure (migration 0024): the hourly services, and monthly
                -- ones past their paid period, go off now; the others at its end
                WITH s AS (UPDATE services SET status = 'suspended', state = 'off',
                                  off_at = p_at, archive_warned_at = NULL,
                                  delete_warned_at = NULL
                           WHERE customer_id = p_customer AND state = 'active'
                             AND NOT (billing = 'monthly' AND paid_until >= p_at::date)
                           RETURNING id, name)
                SELECT coalesce(array_agg(name ORDER BY id), '{{}}') INTO suspended FROM s;
                SELECT coalesce(array_agg(name ORDER BY id), '{{}}') INTO v_on FROM services
                WHERE customer_id = p_customer AND state = 'active';
                v_archive := CASE WHEN cardinality(suspended) > 0 THEN to_char(
                    p_at + make_interval(days => {ARCHIVE_DAYS}), 'YYYY-MM-DD') END;
                PERFORM rit_audit(p_at, p_actor, 'credit_exhausted', p_request, p_customer,
                    jsonb_build_object('balance', rit_money(balance), 'missing',
                                       rit_money(-balance), 'suspended', to_jsonb(suspended),
                                       'still_on', to_jsonb(v_on), 'archive_at', v_archive));
                PERFORM rit_notice(p_customer, p_request, 'credit_exhausted', p_at,
                    jsonb_build_object('balance', rit_money(balance), 'missing',
                                       rit_money(-balance), 'suspended', to_jsonb(suspended),
                                       'still_on', to_jsonb(v_on), 'archive_at', v_archive));
            ELSIF balance >= 0 AND v_was = 'credit_exhausted' THEN
                -- a covering top-up before deletion: off and archived ones back (migration
                -- 0024); deleted ones stay deleted
                WITH s AS (UPDATE services SET status = 'running', state = 'active',
                                  off_at = NULL, archived_at = NULL, archive_warned_at = NULL,
                                  delete_warned_at = NULL
                           WHERE customer_id = p_customer AND state IN ('off', 'archived')
                           RETURNING id, name)
                SELECT coalesce(array_agg(name ORDER BY id), '{{}}') INTO restarted FROM s;
                PERFORM rit_audit(p_at, p_actor, 'services_restarted', NULL, p_customer,
                    jsonb_build_object('balance', rit_money(balance),
                                       'restarted', to_jsonb(restarted)));
                PERFORM rit_notice(p_customer, NULL, 'service_restarted', p_at,
                    jsonb_build_object('balance', rit_money(balance),
                                       'restarted', to_jsonb(restarted)));
            """


def _earlier(name: str) -> object:
    return import_module(f"app.db.migrations.versions.{name}")


def rit_post(schema: str, *, staged: bool = True) -> str:
    """Migration 0020's rit_post, with the staged procedure when ``staged`` (the lead
    chains another change onto this text at a merge)."""
    statement: str = _earlier("0020_no_dead_ends")._rit_post(schema, told=True)  # type: ignore[attr-defined]
    if not staged:
        return statement
    assert statement.count(DECLARE) == 1 and statement.count(EXHAUSTED_FROM) == 1
    start = statement.index(EXHAUSTED_FROM)
    end = statement.index(EXHAUSTED_TO, start)
    statement = statement[:start] + STAGED + statement[end:]
    return statement.replace(DECLARE, DECLARED, 1)


# -- rit_services_status ----------------------------------------------------------------
STATUS_FROM = """SELECT CASE WHEN c.status = 'credit_exhausted' THEN 'suspended' ELSE 'running' END
            INTO NEW.status FROM customers c WHERE c.id = NEW.customer_id FOR SHARE;"""
STATUS_TO = """SELECT CASE WHEN c.status = 'credit_exhausted' AND NOT (NEW.billing = 'monthly'
                                AND NEW.paid_until >= rit_now()::date)
                   THEN 'off' ELSE 'active' END
            INTO NEW.state FROM customers c WHERE c.id = NEW.customer_id FOR SHARE;
            -- migration 0024: its state likewise (a monthly one within its paid period
            -- stays on), and the dates of the procedure are the database's
            NEW.status := CASE WHEN NEW.state = 'active' THEN 'running' ELSE 'suspended' END;
            NEW.off_at := CASE WHEN NEW.state = 'off' THEN rit_now() END;
            NEW.archived_at := NULL;
            NEW.deleted_at := NULL;
            NEW.archive_warned_at := NULL;
            NEW.delete_warned_at := NULL;"""


def rit_services_status(schema: str, *, staged: bool = True) -> str:
    """Migration 0007's insert trigger of services, setting the state when ``staged``."""
    statements: list[str] = _earlier(
        "0007_identity_and_money_functions")._statements(schema)  # type: ignore[attr-defined]
    [statement] = [s for s in statements if "CREATE FUNCTION rit_services_status(" in s]
    statement = statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if staged:
        assert STATUS_FROM in statement
        statement = statement.replace(STATUS_FROM, STATUS_TO, 1)
    return statement


# -- rit_tell ---------------------------------------------------------------------------
def rit_tell(schema: str, *, staged: bool = True) -> str:
    """Migration 0023's rit_tell (0020's with the worker's notices of 0022 and the
    charged cancellation of 0023), refusing ``services_off`` to the app's logins too."""
    cancel = _earlier("0023_cancel_charging_work")
    statement: str = cancel.tell_function(schema, ours=True)  # type: ignore[attr-defined]
    if not staged:
        return statement
    before = "'credit_missing_more'"
    assert statement.count(before) == 1
    return statement.replace(before, before + ", 'services_off'", 1)


# -- rit_log ----------------------------------------------------------------------------
#: the procedure's audit events: the server's own (rit_post, rit_credit_sweep)
SERVER_ACTIONS = ("service_switched_off", "service_archive_warned", "service_archived",
                  "service_deletion_warned", "service_deleted")


def rit_log(schema: str, *, staged: bool = True) -> str:
    """Migration 0023's rit_log (0014's with the worker's events of 0022 and the charged
    cancellation of 0023), refusing this migration's events to the app's logins when
    ``staged`` (trusted maintenance, the worker on the embedded path, writes them)."""
    lifecycle = _earlier("0014_lifecycle_enforced")
    cancel = _earlier("0023_cancel_charging_work")
    statement: str = cancel.log_function(schema, ours=True)  # type: ignore[attr-defined]
    if staged:
        before = lifecycle._in(lifecycle.SERVER_ACTIONS)  # type: ignore[attr-defined]
        assert statement.count(before) == 1
        statement = statement.replace(before, lifecycle._in(  # type: ignore[attr-defined]
            (*lifecycle.SERVER_ACTIONS, *SERVER_ACTIONS)), 1)  # type: ignore[attr-defined]
    return statement


# -- the sweep --------------------------------------------------------------------------
DUE = """
    CREATE FUNCTION rit_credit_due(p_billing text, p_paid_until date, p_state text,
                                   p_off_at timestamp, p_archived_at timestamp,
                                   p_archive_warned timestamp, p_delete_warned timestamp,
                                   p_at timestamp, p_archive integer, p_delete integer,
                                   p_notice integer)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
        -- app/domain/credit_steps.py's due(), for a service of an exhausted account
        SELECT CASE
            WHEN p_state = 'active' THEN
                CASE WHEN p_billing = 'monthly' AND p_paid_until >= p_at::date THEN NULL
                     ELSE 'off' END
            WHEN p_state = 'off' AND p_archive_warned IS NULL THEN
                CASE WHEN p_at >= p_off_at + make_interval(days => p_archive - p_notice)
                     THEN 'archive_warning' END
            WHEN p_state = 'off' THEN
                CASE WHEN p_at >= greatest(p_off_at + make_interval(days => p_archive),
                                           p_archive_warned + make_interval(days => p_notice))
                     THEN 'archive' END
            WHEN p_state = 'archived' AND p_delete_warned IS NULL THEN
                CASE WHEN p_at >= p_archived_at + make_interval(days => p_delete - p_notice)
                     THEN 'deletion_warning' END
            WHEN p_state = 'archived' THEN
                CASE WHEN p_at >= greatest(p_archived_at + make_interval(days => p_delete),
                                           p_delete_warned + make_interval(days => p_notice))
                     THEN 'delete' END
        END
    $$"""

SWEEP = f"""
    CREATE FUNCTION rit_credit_sweep(p_at timestamp)
    RETURNS TABLE (customer text, service text, step text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $$
    -- The steps of the staged procedure that come with time (app/services/
    -- credit_procedure.py does the same on the embedded file): each exhausted customer
    -- locked in turn, skipped while another transaction holds it (another sweep, a
    -- charge, a top-up): every step is taken once, with its audit event and notice.
    #variable_conflict use_variable
    DECLARE
        v_at timestamp := CASE WHEN rit_trusted() THEN coalesce(p_at, rit_now())
                               ELSE rit_now() END;
        v_archive integer := {ARCHIVE_DAYS};
        v_delete integer := {DELETE_DAYS};
        v_notice integer := {NOTICE_DAYS};
        v_customer record;
        v_service services%ROWTYPE;
        v_step text;
        v_id integer;
        v_facts jsonb;
    BEGIN
        IF NOT (rit_trusted() OR rit_is_worker()
                OR coalesce(pg_has_role(session_user, to_regrole(rit_role('finance')), 'MEMBER'), false)
                OR coalesce(pg_has_role(session_user, to_regrole(rit_role('admin')), 'MEMBER'), false)) THEN
            PERFORM rit_refuse('credit_sweep', 'only finance, an admin or the worker runs the '
                               'credit procedure''s sweep', jsonb_build_object('user', session_user));
        END IF;
        FOR v_customer IN
            SELECT c.id, c.code, c.balance_cents FROM customers c
            WHERE c.status = 'credit_exhausted' AND EXISTS (
                -- a step due: else nothing is locked (each one found is looked at again)
                SELECT 1 FROM services s WHERE s.customer_id = c.id AND s.state <> 'deleted'
                AND rit_credit_due(s.billing, s.paid_until, s.state, s.off_at, s.archived_at,
                                   s.archive_warned_at, s.delete_warned_at, v_at, v_archive,
                                   v_delete, v_notice) IS NOT NULL)
            ORDER BY c.id FOR NO KEY UPDATE SKIP LOCKED
        LOOP
            FOR v_id IN SELECT s.id FROM services s WHERE s.customer_id = v_customer.id
                        AND s.state <> 'deleted' ORDER BY s.id
            LOOP
                LOOP
                    SELECT * INTO v_service FROM services s WHERE s.id = v_id;
                    v_step := rit_credit_due(v_service.billing, v_service.paid_until,
                        v_service.state, v_service.off_at, v_service.archived_at,
                        v_service.archive_warned_at, v_service.delete_warned_at, v_at,
                        v_archive, v_delete, v_notice);
                    EXIT WHEN v_step IS NULL;
                    v_facts := jsonb_build_object('service', v_service.name,
                                                  'missing', rit_money(-v_customer.balance_cents));
                    IF v_step = 'off' THEN
                        UPDATE services SET state = 'off', status = 'suspended', off_at = v_at,
                               archive_warned_at = NULL, delete_warned_at = NULL WHERE id = v_id;
                        v_facts := v_facts || jsonb_build_object(
                            'paid_until', to_char(v_service.paid_until, 'YYYY-MM-DD'),
                            'archive_at', to_char(v_at + make_interval(days => v_archive),
                                                  'YYYY-MM-DD'));
                        PERFORM rit_audit(v_at, 'system', 'service_switched_off', NULL,
                                          v_customer.id, v_facts);
                        PERFORM rit_notice(v_customer.id, NULL, 'services_off', v_at, v_facts);
                    ELSIF v_step = 'archive_warning' THEN
                        UPDATE services SET archive_warned_at = v_at WHERE id = v_id;
                        v_facts := v_facts || jsonb_build_object('archive_at', to_char(greatest(
                            v_service.off_at + make_interval(days => v_archive),
                            v_at + make_interval(days => v_notice)), 'YYYY-MM-DD'));
                        PERFORM rit_audit(v_at, 'system', 'service_archive_warned', NULL,
                                          v_customer.id, v_facts);
                        PERFORM rit_notice(v_customer.id, NULL, 'archive_warning', v_at, v_facts);
                    ELSIF v_step = 'archive' THEN
                        UPDATE services SET state = 'archived', archived_at = v_at WHERE id = v_id;
                        v_facts := v_facts || jsonb_build_object('delete_at', to_char(
                            v_at + make_interval(days => greatest(v_delete, v_notice)),
                            'YYYY-MM-DD'));
                        PERFORM rit_audit(v_at, 'system', 'service_archived', NULL,
                                          v_customer.id, v_facts);
                        PERFORM rit_notice(v_customer.id, NULL, 'services_archived', v_at,
                                           v_facts);
                    ELSIF v_step = 'deletion_warning' THEN
                        UPDATE services SET delete_warned_at = v_at WHERE id = v_id;
                        v_facts := v_facts || jsonb_build_object('delete_at', to_char(greatest(
                            v_service.archived_at + make_interval(days => v_delete),
                            v_at + make_interval(days => v_notice)), 'YYYY-MM-DD'));
                        PERFORM rit_audit(v_at, 'system', 'service_deletion_warned', NULL,
                                          v_customer.id, v_facts);
                        PERFORM rit_notice(v_customer.id, NULL, 'deletion_warning', v_at,
                                           v_facts);
                    ELSE
                        UPDATE services SET state = 'deleted', deleted_at = v_at WHERE id = v_id;
                        PERFORM rit_audit(v_at, 'system', 'service_deleted', NULL,
                                          v_customer.id, v_facts);
                        PERFORM rit_notice(v_customer.id, NULL, 'services_deleted', v_at,
                                           v_facts);
                    END IF;
                    customer := v_customer.code;
                    service := v_service.name;
                    step := v_step;
                    RETURN NEXT;
                END LOOP;
            END LOOP;
        END LOOP;
    END $$"""


def upgrade() -> None:
    for column, kind in NEW_COLUMNS:
        op.execute(f"ALTER TABLE services ADD COLUMN {column} {kind}")
    bind = op.get_bind()
    now = "(now() AT TIME ZONE 'UTC')" if bind.dialect.name == "postgresql" else \
        "CURRENT_TIMESTAMP"
    op.execute(f"UPDATE services SET state = 'off', off_at = {now} WHERE status = 'suspended'")
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for name, check in CHECKS:
        op.execute(f"ALTER TABLE services ADD CONSTRAINT {name} CHECK ({check})")
    op.execute(rit_post(schema))
    op.execute(rit_services_status(schema))
    op.execute(rit_tell(schema))
    op.execute(rit_log(schema))
    op.execute(DUE)
    op.execute(SWEEP.format(schema=schema))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for signature in reversed(NEW_FUNCTIONS):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
        op.execute(rit_log(schema, staged=False))
        op.execute(rit_tell(schema, staged=False))
        op.execute(rit_services_status(schema, staged=False))
        op.execute(rit_post(schema, staged=False))
        for name, _check in reversed(CHECKS):
            op.execute(f"ALTER TABLE services DROP CONSTRAINT {name}")
    # in place on both (as 0018: no table copy, which earlier triggers would break)
    for column, _kind in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE services DROP COLUMN {column}")
