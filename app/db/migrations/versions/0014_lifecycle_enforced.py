"""the lifecycle enforced by PostgreSQL: what a row means, not only who writes it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 02:30:00

PostgreSQL only (the embedded SQLite file is one trusted workstation: the services' own
checks). Until now the database checked *who* writes a row; a login with ``psql`` could
still INSERT a variation already ``agreed`` or a quote already ``accepted``, rewrite the
work of a charged request, move ``closed_at`` or hand-write notices and audit events.
Here every row a staff or control-panel login may write is checked against DESIGN.md's
lifecycle by BEFORE triggers comparing OLD and NEW (one function call a row, no extra
round trip for the app), the owner's functions and trusted maintenance excepted
(``rit_privileged()``, as in migration 0007):

- requests: INSERTed only as ``new`` with nothing the system sets; moved only along the
  lifecycle by the roles that may (:data:`REQUEST_MOVES`); ``completed`` only by the
  charge; nothing changes on a completed, declined or cancelled request; ``closed_at``
  set by the server when declined or cancelled, ``decline_reason`` only when declined;
  the quote totals only as those of the request's sent quote, ``quoted`` only with a sent
  quote, ``accepted`` only with an accepted one, ``in_progress`` only with work (checks
  deferred to the commit: the app writes the request and its quote or work in either
  order).
- quotes (trigger ``quotes_lifecycle``, beside ``quotes_guard`` of migrations 0007 and
  0016, which keeps whose request, the frozen content of a sent or submitted quote and
  the send limit): INSERTed only as drafts on a request that may be quoted; moved only
  along :data:`QUOTE_MOVES` (with the approval of issue 17: draft -> submitted by who
  composes, submitted -> sent or -> draft by a team lead or admin), accepted or rejected
  only by the control panel and only up to the validity date (the server's date),
  expired only after it; nothing changes once answered, expired, superseded or
  withdrawn; at most one accepted revision per request (a unique index). Sent, accepted,
  rejected or expired only through the use case (checked at commit: its audit event in
  the same transaction; sent: the stored PDF matching its SHA-256, the request quoted,
  the customer's notice; accepted or rejected: the request with it).
- variations: INSERTed only as ``proposed`` on an accepted or in-progress request;
  agreed or refused only by the control panel, withdrawn only by staff (a technician:
  on their own requests), only while pending and the request open.
- work entries: INSERTed, changed or deleted only while the request is accepted or in
  progress (read under a key-share lock: a charge holding the request is waited for),
  by a technician only on requests assigned to them; never moved to another request.
- notices and audit events: no login may INSERT them any more (``app/db/privileges.py``);
  the app writes them through :func:`rit_log` and :func:`rit_tell` (SECURITY DEFINER):
  the time is the server's, the actor the login (trusted maintenance: whom it acts for;
  the control panel: ``portal:<the customer's code>``), the money events and notices are
  refused (only the server's functions write them), and an event about a request is
  accepted only in a transaction that wrote that request or holds it for update (its
  ``xmin`` or ``xmax`` is the current transaction's id: every use case locks its request
  first, and the app's clock may leave a touched row unchanged) or wrote one of its
  quotes, work entries or variations; about a customer only, likewise for that customer
  or one of its services. A login that may lock a row may write it, so this binds an
  event to a change the login may make, not to its wording: the details are the app's.
  ``audit_events.login`` stays the session's login (trigger ``audit_events_login``).

- every change audited (DESIGN.md): at commit, a request opened, a change of a request's
  state, assignee, priority or decline reason, a quote INSERTed or deleted, a work entry or a variation
  written comes with an audit event about that request written in the same transaction
  (trigger function ``rit_audited``): a change the lifecycle allows, made in plain SQL
  outside its use case, is refused. A quote's own moves are held by ``quotes_consistent``
  (sent, accepted, rejected, expired); between draft and submitted (issue 17's approval,
  whose own SQL moves them) they are not asked for an event.

Refusals carry SQLSTATE 42501 (``rit_refuse``) with a readable message for psql and the
key and facts as JSON detail (``app/db/server_errors.py``).
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: (from, to) -> who may: staff (technician, team lead, admin), lead (team lead, admin),
#: portal (the control panel), lead_portal. Anything else is refused.
REQUEST_MOVES: dict[tuple[str, str], str] = {
    ("new", "evaluating"): "staff",
    **{(s, "quoted"): "staff" for s in ("new", "evaluating", "quoted", "rejected", "expired")},
    **{(s, "declined"): "staff" for s in ("new", "evaluating", "rejected", "expired")},
    ("quoted", "accepted"): "portal",
    ("quoted", "rejected"): "portal",
    **{(s, "cancelled"): "portal" for s in ("new", "evaluating", "quoted", "rejected",
                                            "expired")},
    # DESIGN.md: a team lead closes an accepted request with a reason
    ("accepted", "cancelled"): "lead",
    ("in_progress", "cancelled"): "lead",
    ("quoted", "expired"): "lead_portal",  # the sweep
    ("accepted", "in_progress"): "staff",  # the first work entry
}

QUOTE_MOVES: dict[tuple[str, str], str] = {
    ("draft", "sent"): "staff",  # a technician up to the send limit
    ("draft", "submitted"): "staff",  # above it: for a team lead's approval (issue 17)
    ("submitted", "sent"): "lead",  # approved
    ("submitted", "draft"): "lead",  # returned with a reason
    ("draft", "withdrawn"): "staff_portal",  # the request declined or cancelled
    ("submitted", "withdrawn"): "staff_portal",
    ("sent", "withdrawn"): "staff_portal",
    ("sent", "superseded"): "staff",  # a newer revision sent
    ("sent", "expired"): "lead_portal",  # the sweep, after the validity date
    ("sent", "accepted"): "portal",
    ("sent", "rejected"): "portal",
}

VARIATION_MOVES: dict[tuple[str, str], str] = {
    ("proposed", "agreed"): "portal",
    ("proposed", "refused"): "portal",
    ("proposed", "withdrawn"): "staff",
}

#: audit actions and notice kinds only the server's own functions write (money, staff)
SERVER_ACTIONS = ("topup", "adjustment", "refund", "request_completed", "credit_exhausted",
                  "services_restarted", "staff_added", "staff_role_changed",
                  "staff_deactivated", "password_changed")
SERVER_NOTICES = ("completed_charged", "charge_refunded", "credit_exhausted", "credit_low",
                  "service_restarted", "services_archived", "services_deleted",
                  "archive_warning", "deletion_warning")

TRIGGERS = [
    ("requests_new", "requests"),
    ("requests_consistent", "requests"),
    ("quotes_lifecycle", "quotes"),
    ("quotes_consistent", "quotes"),
    ("variations_guard", "variations"),
    ("work_entries_guard", "work_entries"),
    ("requests_audited", "requests"),
    ("requests_opened_audited", "requests"),
    ("quotes_audited", "quotes"),
    ("work_entries_audited", "work_entries"),
    ("variations_audited", "variations"),
]

#: the functions this migration creates (for privileges and downgrade)
FUNCTIONS = [
    "rit_refuse(text, text, jsonb)",
    "rit_is_lead()",
    "rit_now()",
    "rit_moves(text, text, text, jsonb)",
    "rit_requests_new()",
    "rit_requests_consistent()",
    "rit_quotes_lifecycle()",
    "rit_quotes_consistent()",
    "rit_event_subject(integer, integer)",
    "rit_log(text, integer, integer, text, text, timestamp)",
    "rit_tell(text, integer, integer, text, timestamp)",
    "rit_audited()",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for statement in _statements(schema):
        op.execute(statement)


def downgrade() -> None:
    """Back to migration 0007's guards (only UPDATE and DELETE checked; its bodies of the
    guards replaced here); the triggers, indexes and functions of this migration go.
    ``app/db/privileges.py`` of that time gave the logins INSERT on notices and audit
    events again."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for trigger, table in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    op.execute("DROP INDEX IF EXISTS uq_quotes_one_accepted")
    op.execute("DROP INDEX IF EXISTS uq_variations_one_pending")
    earlier = import_module("app.db.migrations.versions.0007_identity_and_money_functions")
    for statement in earlier._statements(schema):
        if any(f"CREATE FUNCTION {name}()" in statement for name in REPLACED):
            op.execute(statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute("CREATE TRIGGER variations_guard BEFORE UPDATE ON variations FOR EACH ROW "
               "EXECUTE FUNCTION rit_variations_guard()")
    op.execute("CREATE TRIGGER work_entries_guard BEFORE UPDATE OR DELETE ON work_entries "
               "FOR EACH ROW EXECUTE FUNCTION rit_work_guard()")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")


#: the guards of migration 0007 whose bodies this migration replaces
REPLACED = ("rit_requests_guard", "rit_variations_guard", "rit_work_guard")


def _moves(moves: dict[tuple[str, str], str]) -> str:
    """A SQL CASE: (from, to) -> who may, NULL for a move that does not exist."""
    whens = " ".join(f"WHEN '{a}>{b}' THEN '{who}'" for (a, b), who in moves.items())
    return f"CASE p_from || '>' || p_to {whens} END"


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _statements(s: str) -> list[str]:
    path = f"SET search_path = {s}, pg_temp"
    definer = f"SECURITY DEFINER {path}"
    member = "coalesce(pg_has_role(session_user, to_regrole({s}.rit_role('{g}')), 'MEMBER'), false)"
    return [
        # -- helpers -------------------------------------------------------------------
        f"""
        CREATE FUNCTION rit_refuse(p_key text, p_message text, p_facts jsonb) RETURNS void
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- a refusal of the lifecycle: the message for psql, the key and the facts
            -- for the app (app/db/server_errors.py)
            RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'permission denied: ' || p_message,
                DETAIL = (p_facts || jsonb_build_object('key', p_key))::text;
        END $$""",
        f"""
        CREATE FUNCTION rit_is_lead() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT {member.format(s=s, g='team_lead')} OR {member.format(s=s, g='admin')}
        $$""",
        """
        CREATE FUNCTION rit_now() RETURNS timestamp LANGUAGE sql STABLE AS $$
            -- the server's time, naive UTC as the app stores it (app.db.database.utcnow)
            SELECT (now() AT TIME ZONE 'UTC')::timestamp
        $$""",
        f"""
        CREATE FUNCTION rit_moves(p_table text, p_from text, p_to text, p_facts jsonb)
        RETURNS void LANGUAGE plpgsql {path} AS $$
        -- Whether the session may move a row of p_table from p_from to p_to (the tables
        -- of migration 0014): refused with the reason, or nothing.
        DECLARE
            v_who text := CASE p_table
                WHEN 'requests' THEN {_moves(REQUEST_MOVES)}
                WHEN 'quotes' THEN {_moves(QUOTE_MOVES)}
                WHEN 'variations' THEN {_moves(VARIATION_MOVES)} END;
            v_portal boolean := rit_is_portal();
            v_facts jsonb := p_facts || jsonb_build_object('from', p_from, 'to', p_to,
                                                           'table', p_table);
        BEGIN
            IF v_who IS NULL THEN
                PERFORM rit_refuse('lifecycle', format('%s cannot go from %s to %s',
                    rtrim(p_table, 's'), p_from, p_to), v_facts);
            END IF;
            IF v_who = 'portal' AND NOT v_portal THEN
                PERFORM rit_refuse('customer_answer',
                    'only the control panel answers for the customer', v_facts);
            END IF;
            IF NOT (v_who LIKE '%portal%' AND v_portal
                    OR v_who LIKE 'staff%' AND NOT v_portal
                    OR v_who LIKE 'lead%' AND rit_is_lead()) THEN
                PERFORM rit_refuse('lifecycle_role', format(
                    'the role of %s may not move a %s from %s to %s', session_user,
                    rtrim(p_table, 's'), p_from, p_to), v_facts || jsonb_build_object(
                    'user', session_user));
            END IF;
        END $$""",
        # -- requests ------------------------------------------------------------------
        f"""
        CREATE FUNCTION rit_requests_new() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- the control panel opens a request: new, nobody's, nothing the system sets
            IF NOT rit_privileged() AND (NEW.state <> 'new' OR NEW.assignee_id IS NOT NULL
                    OR NEW.closed_at IS NOT NULL OR NEW.decline_reason IS NOT NULL
                    OR NEW.quote_total_cents IS NOT NULL OR NEW.quote_valid_until IS NOT NULL) THEN
                PERFORM rit_refuse('request_new', 'a request is opened only as new, '
                    'with no assignee, quote or closing', jsonb_build_object('state', NEW.state));
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER requests_new BEFORE INSERT ON requests FOR EACH ROW "
        "EXECUTE FUNCTION rit_requests_new()",
        f"""
        CREATE OR REPLACE FUNCTION rit_requests_guard() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        DECLARE
            v_facts jsonb;
        BEGIN
            IF rit_privileged() THEN
                RETURN NEW;
            END IF;
            v_facts := jsonb_build_object('number', OLD.id, 'user', session_user,
                                          'state', OLD.state);
            IF rit_is_technician() AND (OLD.assignee_id IS DISTINCT FROM rit_me()
                    AND OLD.assignee_id IS NOT NULL OR NEW.assignee_id IS DISTINCT FROM rit_me()) THEN
                -- a technician changes only requests assigned to them (or takes a free one)
                PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                    'number', NEW.id, 'user', session_user));
            END IF;
            IF NEW.state = 'completed' AND OLD.state <> 'completed' THEN
                -- completed only by the charge function
                PERFORM rit_fail('42501', 'request_completion', jsonb_build_object('number', NEW.id));
            END IF;
            IF OLD.state IN ('completed', 'declined', 'cancelled') THEN
                -- closed for good: its money, dates and history stay as they were
                PERFORM rit_refuse('request_closed', format('RIT-%s is %s: it can no longer change',
                    lpad(OLD.id::text, 6, '0'), OLD.state), v_facts);
            END IF;
            IF NEW.state <> OLD.state THEN
                PERFORM rit_moves('requests', OLD.state, NEW.state, v_facts);
            END IF;
            IF NEW.state IN ('declined', 'cancelled') AND NEW.state <> OLD.state THEN
                NEW.closed_at := rit_now();
            ELSIF NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
                PERFORM rit_refuse('request_system', 'only the database sets closed_at',
                                   v_facts || jsonb_build_object('column', 'closed_at'));
            END IF;
            IF NEW.decline_reason IS DISTINCT FROM OLD.decline_reason AND NOT (
                    NEW.state = 'declined' AND coalesce(btrim(NEW.decline_reason), '') <> '') THEN
                PERFORM rit_refuse('request_system', 'a decline reason is given only by declining',
                                   v_facts || jsonb_build_object('column', 'decline_reason'));
            END IF;
            RETURN NEW;
        END $$""",
        f"""
        CREATE FUNCTION rit_requests_consistent() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        -- At commit (the app writes a request and its quote or work in either order): a
        -- request shows the totals of its sent (or accepted) quote, is quoted only with a
        -- sent quote, accepted only with an accepted one, in progress only with work.
        DECLARE
            v_req requests;
            v_facts jsonb;
        BEGIN
            IF rit_privileged() THEN
                RETURN NULL;
            END IF;
            SELECT * INTO v_req FROM requests WHERE id = NEW.id;
            v_facts := jsonb_build_object('number', v_req.id, 'state', v_req.state);
            IF (v_req.quote_total_cents, v_req.quote_valid_until)
                    IS DISTINCT FROM (OLD.quote_total_cents, OLD.quote_valid_until)
                    OR v_req.state = 'quoted' THEN
                IF NOT EXISTS (SELECT 1 FROM quotes q WHERE q.request_id = v_req.id
                               AND q.state IN ('sent', 'accepted')
                               AND q.total_cents = v_req.quote_total_cents
                               AND q.valid_until = v_req.quote_valid_until) THEN
                    PERFORM rit_refuse('request_system',
                        'a request shows the totals of its sent quote, set by sending it',
                        v_facts || jsonb_build_object('column', 'quote_total_cents'));
                END IF;
            END IF;
            IF v_req.state = 'accepted' AND NOT EXISTS (
                    SELECT 1 FROM quotes q WHERE q.request_id = v_req.id AND q.state = 'accepted') THEN
                PERFORM rit_refuse('request_system', 'a request is accepted only with its quote',
                    v_facts || jsonb_build_object('column', 'state'));
            END IF;
            IF v_req.state = 'in_progress' AND NOT EXISTS (
                    SELECT 1 FROM work_entries w WHERE w.request_id = v_req.id) THEN
                PERFORM rit_refuse('request_system', 'a request is in progress only with work logged',
                    v_facts || jsonb_build_object('column', 'state'));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE CONSTRAINT TRIGGER requests_consistent AFTER UPDATE ON requests "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ("
        "OLD.quote_total_cents IS DISTINCT FROM NEW.quote_total_cents "
        "OR OLD.quote_valid_until IS DISTINCT FROM NEW.quote_valid_until "
        "OR OLD.state IS DISTINCT FROM NEW.state AND NEW.state IN ('quoted', 'accepted', "
        "'in_progress')) "
        "EXECUTE FUNCTION rit_requests_consistent()",
        # -- quotes --------------------------------------------------------------------
        f"""
        CREATE FUNCTION rit_quotes_lifecycle() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        -- Beside rit_quotes_guard (migrations 0007 and 0016: whose request, a sent or
        -- submitted quote's content frozen, the send limit, the approval's columns):
        -- composed only as a draft, moved only along QUOTE_MOVES by who may, answered
        -- only up to the validity date, expired only after it, frozen once answered.
        DECLARE
            v_facts jsonb := jsonb_build_object('number', NEW.request_id, 'revision', NEW.revision);
            v_state text;
        BEGIN
            IF rit_privileged() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.state <> 'draft' OR NEW.sent_at IS NOT NULL OR NEW.sent_by_id IS NOT NULL
                        OR NEW.answered_at IS NOT NULL OR NEW.answer_reason IS NOT NULL
                        OR NEW.pdf IS NOT NULL OR NEW.pdf_sha256 IS NOT NULL THEN
                    PERFORM rit_refuse('quote_new', 'a quote is composed only as a draft',
                                       v_facts || jsonb_build_object('state', NEW.state));
                END IF;
                SELECT state INTO v_state FROM requests WHERE id = NEW.request_id;
                IF v_state NOT IN ('new', 'evaluating', 'quoted', 'rejected', 'expired') THEN
                    PERFORM rit_fail('42501', 'state', jsonb_build_object(
                        'number', NEW.request_id, 'state', v_state, 'action', 'draft_quote'));
                END IF;
                RETURN NEW;
            END IF;
            IF OLD.state NOT IN ('draft', 'submitted', 'sent') AND NEW IS DISTINCT FROM OLD THEN
                -- answered, expired, superseded or withdrawn: for good
                PERFORM rit_fail('42501', 'quote_sent', v_facts);
            END IF;
            IF (NEW.answered_at, NEW.answer_reason) IS DISTINCT FROM (OLD.answered_at, OLD.answer_reason)
                    AND NOT (NEW.state IN ('accepted', 'rejected') AND OLD.state = 'sent') THEN
                PERFORM rit_fail('42501', 'customer_answer', v_facts);
            END IF;
            IF NEW.state IS DISTINCT FROM OLD.state THEN
                PERFORM rit_moves('quotes', OLD.state, NEW.state, v_facts);
                IF NEW.state IN ('accepted', 'rejected') AND NEW.valid_until < rit_now()::date THEN
                    PERFORM rit_refuse('quote_expired', format(
                        'quote RIT-%s/%s expired on %s and can no longer be answered',
                        lpad(NEW.request_id::text, 6, '0'), NEW.revision, NEW.valid_until),
                        v_facts || jsonb_build_object('valid_until', NEW.valid_until));
                END IF;
                IF NEW.state = 'expired' AND NEW.valid_until >= rit_now()::date THEN
                    PERFORM rit_refuse('quote_valid', format(
                        'quote RIT-%s/%s is valid until %s: it does not expire before',
                        lpad(NEW.request_id::text, 6, '0'), NEW.revision, NEW.valid_until),
                        v_facts || jsonb_build_object('valid_until', NEW.valid_until));
                END IF;
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER quotes_lifecycle BEFORE INSERT OR UPDATE ON quotes FOR EACH ROW "
        "EXECUTE FUNCTION rit_quotes_lifecycle()",
        "CREATE UNIQUE INDEX uq_quotes_one_accepted ON quotes (request_id) "
        "WHERE state = 'accepted'",
        f"""
        CREATE FUNCTION rit_quotes_consistent() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        -- At commit: a quote is sent, accepted, rejected or expired only through its use
        -- case, that is with the rest of what the use case writes in the same transaction:
        -- its audit event; sent: its stored PDF (bytes and their SHA-256), the request
        -- quoted and the customer's notice; accepted or rejected: the request with it.
        DECLARE
            v_xid xid := pg_current_xact_id()::xid;
            v_q record;
            v_ok boolean;
        BEGIN
            IF rit_privileged() THEN
                RETURN NULL;
            END IF;
            SELECT q.id, q.request_id, q.revision, q.state, q.pdf IS NOT NULL
                   AND q.pdf_sha256 = encode(sha256(q.pdf), 'hex') AS stored, r.state AS request
            INTO v_q FROM quotes q JOIN requests r ON r.id = q.request_id WHERE q.id = NEW.id;
            IF NOT FOUND OR v_q.state NOT IN ('sent', 'accepted', 'rejected', 'expired') THEN
                RETURN NULL;
            END IF;
            v_ok := EXISTS (SELECT 1 FROM audit_events a WHERE a.request_id = v_q.request_id
                            AND a.action = 'quote_' || v_q.state AND a.xmin = v_xid)
                AND CASE v_q.state
                    WHEN 'sent' THEN v_q.stored AND v_q.request = 'quoted' AND EXISTS (
                        SELECT 1 FROM notices n WHERE n.request_id = v_q.request_id
                        AND n.kind = 'quote_proposed' AND n.xmin = v_xid)
                    WHEN 'expired' THEN true
                    ELSE v_q.request = v_q.state END;
            IF NOT v_ok THEN
                PERFORM rit_refuse('quote_use_case', format(
                    'quote RIT-%s/%s is %s only through its use case (with its document, its '
                    'request, its audit event and the customer''s notice)',
                    lpad(v_q.request_id::text, 6, '0'), v_q.revision, v_q.state),
                    jsonb_build_object('number', v_q.request_id, 'revision', v_q.revision,
                                       'quote_state', v_q.state));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE CONSTRAINT TRIGGER quotes_consistent AFTER UPDATE ON quotes "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state "
        "AND NEW.state IN ('sent', 'accepted', 'rejected', 'expired')) "
        "EXECUTE FUNCTION rit_quotes_consistent()",
        # -- variations ----------------------------------------------------------------
        f"""
        CREATE OR REPLACE FUNCTION rit_variations_guard() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        DECLARE
            v_facts jsonb;
            v_state text;
        BEGIN
            IF rit_privileged() THEN
                RETURN NEW;
            END IF;
            v_facts := jsonb_build_object('number', NEW.request_id);
            SELECT state INTO v_state FROM requests WHERE id = NEW.request_id;
            IF TG_OP = 'INSERT' THEN
                IF NEW.state <> 'proposed' OR NEW.answered_at IS NOT NULL THEN
                    PERFORM rit_refuse('variation_new', 'a variation is proposed, never agreed '
                        'or answered by who proposes it', v_facts || jsonb_build_object(
                        'state', NEW.state));
                END IF;
            ELSIF (NEW.request_id, NEW.amount_cents, NEW.reason, NEW.proposed_by_id, NEW.proposed_at)
                    IS DISTINCT FROM
                    (OLD.request_id, OLD.amount_cents, OLD.reason, OLD.proposed_by_id,
                     OLD.proposed_at)
                    OR NEW.state = OLD.state AND NEW.answered_at IS DISTINCT FROM OLD.answered_at THEN
                PERFORM rit_fail('42501', 'customer_answer', v_facts);
            ELSIF NEW.state <> OLD.state THEN
                PERFORM rit_moves('variations', OLD.state, NEW.state, v_facts);
                IF rit_is_technician() AND NOT rit_request_assigned_to_me(NEW.request_id) THEN
                    PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                        'number', NEW.request_id, 'user', session_user));
                END IF;
            ELSE
                RETURN NEW;
            END IF;
            IF v_state NOT IN ('accepted', 'in_progress') THEN
                PERFORM rit_fail('42501', 'state', v_facts || jsonb_build_object(
                    'state', v_state, 'action', CASE TG_OP WHEN 'INSERT' THEN 'propose_variation'
                    ELSE 'answer_variation' END));
            END IF;
            RETURN NEW;
        END $$""",
        "DROP TRIGGER variations_guard ON variations",
        "CREATE TRIGGER variations_guard BEFORE INSERT OR UPDATE ON variations FOR EACH ROW "
        "EXECUTE FUNCTION rit_variations_guard()",
        "CREATE UNIQUE INDEX uq_variations_one_pending ON variations (request_id) "
        "WHERE state = 'proposed'",
        # -- work entries --------------------------------------------------------------
        f"""
        CREATE OR REPLACE FUNCTION rit_work_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        DECLARE
            v_row work_entries := CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            v_req record;
        BEGIN
            IF rit_privileged() THEN
                RETURN v_row;
            END IF;
            -- work is logged as oneself (row-level security on insert); a technician
            -- changes only their own entries, nobody changes whose an entry is
            IF TG_OP <> 'INSERT' AND (rit_is_technician() AND OLD.staff_id IS DISTINCT FROM rit_me()
                    OR TG_OP = 'UPDATE' AND NEW.staff_id IS DISTINCT FROM OLD.staff_id) THEN
                PERFORM rit_fail('42501', 'not_own_entry', jsonb_build_object(
                    'number', OLD.request_id, 'user', session_user));
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.request_id IS DISTINCT FROM OLD.request_id THEN
                PERFORM rit_refuse('work_moved', 'a work entry stays on its request',
                    jsonb_build_object('number', OLD.request_id));
            END IF;
            -- the request as it stands: a charge holding it is waited for
            SELECT r.state, r.assignee_id INTO v_req FROM requests r
            WHERE r.id = v_row.request_id FOR KEY SHARE;
            IF v_req.state NOT IN ('accepted', 'in_progress') THEN
                PERFORM rit_refuse('work_closed', format(
                    'RIT-%s is %s: its work can no longer change',
                    lpad(v_row.request_id::text, 6, '0'), v_req.state),
                    jsonb_build_object('number', v_row.request_id, 'state', v_req.state));
            END IF;
            IF rit_is_technician() AND v_req.assignee_id IS DISTINCT FROM rit_me() THEN
                PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                    'number', v_row.request_id, 'user', session_user));
            END IF;
            RETURN v_row;
        END $$""",
        "DROP TRIGGER work_entries_guard ON work_entries",
        "CREATE TRIGGER work_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON work_entries "
        "FOR EACH ROW EXECUTE FUNCTION rit_work_guard()",
        # -- notices and audit events: written by the database -------------------------
        f"""
        CREATE FUNCTION rit_event_subject(p_request integer, p_customer integer)
        RETURNS integer LANGUAGE plpgsql STABLE {path} AS $$
        -- The customer an event of the session's transaction is about, after checking
        -- that the change it records is this transaction's: the request written or held
        -- for update by it (xmin or xmax: the use cases lock the request first; a login
        -- that may lock a row may write it), or one of its quotes, work entries or
        -- variations written by it (the expiry sweep's case); else the customer (or one
        -- of its services) likewise. Trusted maintenance: as given.
        DECLARE
            v_xid xid := pg_current_xact_id()::xid;
            v_customer integer;
        BEGIN
            IF p_request IS NOT NULL THEN
                SELECT r.customer_id INTO v_customer FROM requests r WHERE r.id = p_request
                AND (r.xmin = v_xid OR r.xmax = v_xid
                     OR EXISTS (SELECT 1 FROM quotes q WHERE q.request_id = r.id AND q.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM work_entries w
                                WHERE w.request_id = r.id AND w.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM variations v
                                WHERE v.request_id = r.id AND v.xmin = v_xid));
            ELSIF p_customer IS NOT NULL THEN
                SELECT c.id INTO v_customer FROM customers c WHERE c.id = p_customer
                AND (c.xmin = v_xid OR c.xmax = v_xid
                     OR EXISTS (SELECT 1 FROM services v
                                WHERE v.customer_id = c.id AND v.xmin = v_xid));
            ELSIF {member.format(s=s, g='admin')} THEN
                RETURN NULL;  -- an admin's setting (an event about nothing in particular)
            END IF;
            IF v_customer IS NULL AND NOT rit_trusted() THEN
                PERFORM rit_refuse('event_unwritten', 'an event is written only with the change '
                    'it records, in the same transaction',
                    jsonb_build_object('request', p_request, 'customer', p_customer));
            END IF;
            RETURN coalesce(v_customer, p_customer);
        END $$""",
        f"""
        CREATE FUNCTION rit_log(p_action text, p_request integer, p_customer integer,
                                p_details text, p_actor text, p_at timestamp)
        RETURNS void LANGUAGE plpgsql {definer} AS $$
        -- The app's audit events (app.services.common.audit). The database sets the time
        -- (the server's), the login (trigger audit_events_login) and the actor: the login
        -- itself; trusted maintenance whom it acts for; the control panel
        -- portal:<the customer's code>. The money and staff events are the server
        -- functions' own.
        DECLARE
            v_trusted boolean := rit_trusted();
            v_customer integer;
            v_actor text := session_user;
        BEGIN
            IF p_action IN ({_in(SERVER_ACTIONS)}) AND NOT v_trusted THEN
                PERFORM rit_refuse('server_event', format(
                    'a %s event is written only by the database''s own functions', p_action),
                    jsonb_build_object('action', p_action));
            END IF;
            v_customer := rit_event_subject(p_request, p_customer);
            IF v_trusted THEN
                v_actor := coalesce(p_actor, session_user);
            ELSIF rit_is_portal() AND p_actor LIKE 'portal%' THEN
                v_actor := 'portal:' || coalesce(
                    (SELECT code FROM customers WHERE id = v_customer), '');
            END IF;
            INSERT INTO audit_events (at, actor, action, request_id, customer_id, details)
            VALUES (CASE WHEN v_trusted THEN coalesce(p_at, rit_now()) ELSE rit_now() END,
                    v_actor, p_action, p_request, v_customer, coalesce(p_details, '{{}}'));
        END $$""",
        f"""
        CREATE FUNCTION rit_tell(p_kind text, p_request integer, p_customer integer,
                                 p_payload text, p_at timestamp)
        RETURNS void LANGUAGE plpgsql {definer} AS $$
        -- The app's notices to the customer (app.services.common.notify): about a request
        -- written in this transaction, to its customer, at the server's time; what money
        -- and credit notices say is the server functions' own.
        DECLARE
            v_trusted boolean := rit_trusted();
            v_customer integer;
        BEGIN
            IF NOT v_trusted AND (p_kind IN ({_in(SERVER_NOTICES)}) OR p_request IS NULL) THEN
                PERFORM rit_refuse('server_notice', format(
                    'a %s notice is written only by the database''s own functions', p_kind),
                    jsonb_build_object('kind', p_kind));
            END IF;
            v_customer := rit_event_subject(p_request, p_customer);
            INSERT INTO notices (customer_id, request_id, kind, at, payload)
            VALUES (v_customer, p_request, p_kind,
                    CASE WHEN v_trusted THEN coalesce(p_at, rit_now()) ELSE rit_now() END,
                    coalesce(p_payload, '{{}}'));
        END $$""",
        # -- every change audited in its transaction ------------------------------------
        f"""
        CREATE FUNCTION rit_audited() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        -- At commit: a change of a request's lifecycle (its state, assignee, priority; its
        -- quotes, work and variations) comes with an audit event about that request written
        -- in the same transaction (DESIGN.md: every change writes an append-only audit event
        -- in the same transaction), as the use cases (rit_log) and the server functions do.
        -- TG_ARGV[0]: 'self' for requests, else the row names its request.
        DECLARE
            v_request integer;
        BEGIN
            IF rit_privileged() THEN
                RETURN NULL;
            END IF;
            IF TG_ARGV[0] = 'self' THEN
                v_request := NEW.id;
            ELSIF TG_OP = 'DELETE' THEN
                v_request := OLD.request_id;
            ELSE
                v_request := NEW.request_id;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.request_id = v_request
                           AND a.xmin = pg_current_xact_id()::xid) THEN
                PERFORM rit_refuse('unaudited', format(
                    'a change of RIT-%s is made only with its audit event, in one transaction '
                    '(through its use case)', lpad(v_request::text, 6, '0')),
                    jsonb_build_object('number', v_request, 'table', TG_TABLE_NAME));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE CONSTRAINT TRIGGER requests_audited AFTER UPDATE ON requests "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ("
        "(OLD.state, OLD.assignee_id, OLD.priority, OLD.decline_reason) IS DISTINCT FROM "
        "(NEW.state, NEW.assignee_id, NEW.priority, NEW.decline_reason)) "
        "EXECUTE FUNCTION rit_audited('self')",
        "CREATE CONSTRAINT TRIGGER requests_opened_audited AFTER INSERT ON requests "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rit_audited('self')",
        "CREATE CONSTRAINT TRIGGER quotes_audited AFTER INSERT OR DELETE ON quotes "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rit_audited('row')",
        "CREATE CONSTRAINT TRIGGER work_entries_audited AFTER INSERT OR UPDATE OR DELETE "
        "ON work_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rit_audited('row')",
        "CREATE CONSTRAINT TRIGGER variations_audited AFTER INSERT OR UPDATE ON variations "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rit_audited('row')",
    ]
