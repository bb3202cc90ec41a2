"""no dead ends in the lifecycle: cancelling after acceptance

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 03:30:00

PostgreSQL only (the embedded SQLite file: the services' own checks). Migration 0014's
lifecycle, widened where issue 19 opens a way out (its guard functions replaced with
CREATE OR REPLACE; 0014 itself is unchanged):

- requests: ``accepted``/``in_progress`` -> ``cancelled`` also by the control panel (was:
  team leads and admins only), and then only while no work is logged on the request
  (trigger ``requests_cancel_after_work``): after that the customer asks the technical
  department, whose team lead cancels with a reason.
- variations: ``proposed`` -> ``withdrawn`` also by the control panel, as part of the
  customer's cancellation (a pending variation is withdrawn with the request it belongs
  to; its audit event is the cancellation's).
- quotes: ``sent`` -> ``replaced`` by staff, when a quote is extended (a new revision with
  the same lines and a later date sent in its place; its audit event ``quote_extended``):
  in rit_moves and in migration 0016's rit_quotes_guard (its body otherwise as it is).
- notices that never went out: rit_post (migration 0015's, bounded) tells the customer
  when an account already exhausted stays exhausted: a top-up, adjustment or refund that
  does not cover (``credit_still_missing``) or a further charge (``credit_missing_more``),
  each with the amount, the balance and what is missing now. Both are the server's own
  notices: rit_tell (0014's) refuses them to the app's logins.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

CANCEL_GUARD = """
    CREATE OR REPLACE FUNCTION rit_requests_cancel_after_work() RETURNS trigger
    LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
    BEGIN
        -- the customer cancels an accepted request only while no work is logged on it
        IF NOT rit_privileged() AND rit_is_portal()
                AND EXISTS (SELECT 1 FROM work_entries WHERE request_id = NEW.id) THEN
            PERFORM rit_refuse('cancel_after_work', format(
                'RIT-%s has work logged: the technical department cancels it',
                lpad(NEW.id::text, 6, '0')), jsonb_build_object('number', NEW.id));
        END IF;
        RETURN NEW;
    END $$"""


def _lifecycle() -> ModuleType:
    return import_module("app.db.migrations.versions.0014_lifecycle_enforced")


def request_moves() -> dict[tuple[str, str], str]:
    moves = dict(_lifecycle().REQUEST_MOVES)
    moves[("accepted", "cancelled")] = "lead_portal"
    moves[("in_progress", "cancelled")] = "lead_portal"
    return moves


def quote_moves() -> dict[tuple[str, str], str]:
    return {**_lifecycle().QUOTE_MOVES, ("sent", "replaced"): "staff"}


SUPERSEDED = "('sent', 'superseded'), "


def _quotes_guard(schema: str, *, replaced: bool) -> str:
    """Migration 0016's rit_quotes_guard, with ``replaced`` also sent -> replaced."""
    approval = import_module("app.db.migrations.versions.0016_quote_approval")
    statement: str = approval._guard(schema, approval=True)
    assert SUPERSEDED in statement
    if replaced:
        statement = statement.replace(SUPERSEDED, SUPERSEDED + "('sent', 'replaced'), ", 1)
    return statement


def variation_moves() -> dict[tuple[str, str], str]:
    moves = dict(_lifecycle().VARIATION_MOVES)
    moves[("proposed", "withdrawn")] = "staff_portal"
    return moves


def _rit_moves(schema: str, requests: dict[tuple[str, str], str],
               quotes: dict[tuple[str, str], str],
               variations: dict[tuple[str, str], str]) -> str:
    """0014's rit_moves with the moves given (its body otherwise as it is)."""
    earlier = _lifecycle()
    [statement] = [s for s in earlier._statements(schema)
                   if "CREATE FUNCTION rit_moves(" in s]
    for old, new in ((earlier.REQUEST_MOVES, requests), (earlier.QUOTE_MOVES, quotes),
                     (earlier.VARIATION_MOVES, variations)):
        before = earlier._moves(old)
        assert before in statement
        statement = statement.replace(before, earlier._moves(new), 1)
    return statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


NEW_NOTICES = ("credit_still_missing", "credit_missing_more")
RESTART_END = "to_jsonb(restarted)));\n            END IF;"
STILL_EXHAUSTED = """to_jsonb(restarted)));
            ELSIF balance < 0 THEN
                -- still exhausted (issue 19): what is missing now
                PERFORM rit_notice(p_customer, p_request, CASE WHEN p_amount > 0
                    THEN 'credit_still_missing' ELSE 'credit_missing_more' END, p_at,
                    jsonb_build_object('ledger_kind', p_kind, 'amount', rit_money(p_amount),
                                       'balance', rit_money(balance),
                                       'missing', rit_money(-balance)));
            END IF;"""


def _rit_post(schema: str, *, told: bool) -> str:
    """Migration 0015's rit_post (bounded), telling the customer while still exhausted
    when ``told``."""
    statement: str = import_module("app.db.migrations.versions.0015_server_pricing")._post(
        schema, bounded=True)
    assert RESTART_END in statement
    return statement.replace(RESTART_END, STILL_EXHAUSTED, 1) if told else statement


def _rit_tell(schema: str, *, ours: bool) -> str:
    """0014's rit_tell, refusing this migration's server notices too when ``ours``."""
    earlier = _lifecycle()
    [statement] = [s for s in earlier._statements(schema) if "CREATE FUNCTION rit_tell(" in s]
    statement = statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if ours:
        before = earlier._in(earlier.SERVER_NOTICES)
        assert before in statement
        statement = statement.replace(
            before, earlier._in((*earlier.SERVER_NOTICES, *NEW_NOTICES)), 1)
    return statement


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_rit_moves(schema, request_moves(), quote_moves(), variation_moves()))
    op.execute(_quotes_guard(schema, replaced=True))
    op.execute(_rit_post(schema, told=True))
    op.execute(_rit_tell(schema, ours=True))
    op.execute(CANCEL_GUARD.format(schema=schema))
    op.execute("CREATE TRIGGER requests_cancel_after_work BEFORE UPDATE ON requests "
               "FOR EACH ROW WHEN (NEW.state = 'cancelled' AND OLD.state IN "
               "('accepted', 'in_progress')) EXECUTE FUNCTION rit_requests_cancel_after_work()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute("DROP TRIGGER IF EXISTS requests_cancel_after_work ON requests")
    op.execute("DROP FUNCTION IF EXISTS rit_requests_cancel_after_work()")
    earlier = _lifecycle()
    op.execute(_rit_moves(schema, earlier.REQUEST_MOVES, earlier.QUOTE_MOVES,
                          earlier.VARIATION_MOVES))
    op.execute(_quotes_guard(schema, replaced=False))
    op.execute(_rit_post(schema, told=False))
    op.execute(_rit_tell(schema, ours=False))
