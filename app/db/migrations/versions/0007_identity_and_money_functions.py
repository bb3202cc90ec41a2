"""identity: audit logins, role names, money and staff moved by server functions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00

Both databases:
- ``audit_events.login``: the database login that wrote the event, set by the database
  (PostgreSQL: a trigger copies ``session_user``, whatever the client sent); ``actor``
  stays the staff member acted for.
- ``role_names``: the PostgreSQL group roles of this database (empty on SQLite), named
  after the database (``app/db/identity.py``).

PostgreSQL only: the functions through which money and staff logins move (SECURITY
DEFINER, owned by the database's owner role, with a pinned ``search_path``) and the
triggers that keep what grants cannot express (a request is completed only by a charge,
a sent quote is immutable and answered only by the control panel...). Who may call
what, the grants and the row-level security are applied by ``app/db/privileges.py``
after every upgrade.

Errors raised by these functions carry SQLSTATE ``RD000`` (``RD001``: the facts a charge
was computed from changed, retry), a key as message and the facts as JSON detail:
``app/db/server_errors.py`` turns them into the same readable errors as the Python path.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.db.identity import GROUPS, group_names, role_prefix

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: the technician send limit when the settings table has none (app.services.settings)
DEFAULT_TECH_SEND_LIMIT_CENTS = 100000


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("audit_events", sa.Column("login", sa.String(length=63), nullable=True))
    op.create_table(
        "role_names",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=63), nullable=False),
        sa.PrimaryKeyConstraint("role", name="pk_role_names"),
        sa.UniqueConstraint("name", name="uq_role_names_name"),
    )
    if bind.dialect.name != "postgresql":
        return
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    names = group_names(role_prefix(database))
    bind.execute(sa.text("INSERT INTO role_names (role, name) VALUES (:role, :name)"),
                 [{"role": group, "name": names[group]} for group in GROUPS])
    for statement in _statements(schema):
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for trigger, table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for signature in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_table("role_names")
    op.drop_column("audit_events", "login")


TRIGGERS = [
    ("audit_events_login", "audit_events"),
    ("customers_guard", "customers"),
    ("services_status", "services"),
    ("requests_guard", "requests"),
    ("quotes_guard", "quotes"),
    ("quote_lines_guard", "quote_lines"),
    ("variations_guard", "variations"),
    ("work_entries_guard", "work_entries"),
]

#: every function this migration creates (signatures, for privileges and downgrade)
FUNCTIONS = [
    "rit_role(text)",
    "rit_trusted()",
    "rit_is_portal()",
    "rit_privileged()",
    "rit_is_technician()",
    "rit_me()",
    "rit_request_is_mine(integer)",
    "rit_request_assigned_to_me(integer)",
    "rit_quote_is_mine(integer)",
    "rit_money(bigint)",
    "rit_fail(text, text, jsonb)",
    "rit_audit(timestamp, text, text, integer, integer, jsonb)",
    "rit_notice(integer, integer, text, timestamp, jsonb)",
    "rit_acting_staff(text)",
    "rit_post(integer, text, bigint, timestamp, text, text, text, integer, integer)",
    "rit_charge(integer, text, integer, integer, integer[], bigint, text, integer, boolean, "
    "bigint, bigint, bigint, text, timestamp)",
    "rit_post_credit(text, text, bigint, text, text, text, boolean, integer, timestamp)",
    "rit_whoami()",
    "rit_login_linked(text)",
    "rit_staff_add(text, text, text, text, boolean, text, timestamp)",
    "rit_staff_set_role(text, text, text, timestamp)",
    "rit_staff_deactivate(text, text, timestamp)",
    "rit_staff_password(text, text, text, timestamp)",
    "rit_audit_login()",
    "rit_customers_guard()",
    "rit_services_status()",
    "rit_requests_guard()",
    "rit_quotes_guard()",
    "rit_quote_lines_guard()",
    "rit_variations_guard()",
    "rit_work_guard()",
]


def _statements(schema: str) -> list[str]:
    path = f"SET search_path = {schema}, pg_temp"
    definer = f"SECURITY DEFINER {path}"
    return [
        # the trigger functions of migration 0004 write tables the caller may not write
        *(f"ALTER FUNCTION {name}() SECURITY DEFINER {path}"
          for name in ("rit_requests_customer_name", "rit_customers_name", "rit_request_search")),
        # -- who is acting -------------------------------------------------------------
        f"""
        CREATE FUNCTION rit_role(p_group text) RETURNS text LANGUAGE sql STABLE {path} AS $$
            SELECT name FROM role_names WHERE role = p_group
        $$""",
        f"""
        CREATE FUNCTION rit_trusted() RETURNS boolean LANGUAGE sql STABLE {path} AS $$
            -- trusted maintenance: a superuser, or a member of the schema's owner role
            SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
                OR EXISTS (SELECT 1 FROM pg_roles o WHERE o.rolname = rit_role('owner')
                           AND pg_has_role(session_user, o.oid, 'MEMBER'))
        $$""",
        f"""
        CREATE FUNCTION rit_is_portal() RETURNS boolean LANGUAGE sql STABLE {path} AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles p WHERE p.rolname = rit_role('portal')
                           AND pg_has_role(session_user, p.oid, 'MEMBER'))
        $$""",
        f"""
        CREATE FUNCTION rit_privileged() RETURNS boolean LANGUAGE sql STABLE {path} AS $$
            -- the owner's rights: inside a server function, or trusted maintenance
            SELECT EXISTS (SELECT 1 FROM pg_roles o WHERE o.rolname = rit_role('owner')
                           AND pg_has_role(current_user, o.oid, 'USAGE'))
        $$""",
        f"""
        CREATE FUNCTION rit_is_technician() RETURNS boolean LANGUAGE sql STABLE {path} AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles t WHERE t.rolname = rit_role('technician')
                           AND pg_has_role(session_user, t.oid, 'MEMBER'))
        $$""",
        f"""
        CREATE FUNCTION rit_me() RETURNS integer LANGUAGE sql STABLE {path} AS $$
            SELECT id FROM staff WHERE username = session_user AND active
        $$""",
        f"""
        CREATE FUNCTION rit_request_is_mine(p_request integer) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            -- assigned to the session's staff member, or to nobody yet
            SELECT EXISTS (SELECT 1 FROM requests WHERE id = p_request
                           AND (assignee_id = rit_me() OR assignee_id IS NULL))
        $$""",
        f"""
        CREATE FUNCTION rit_request_assigned_to_me(p_request integer) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            SELECT EXISTS (SELECT 1 FROM requests WHERE id = p_request
                           AND assignee_id = rit_me())
        $$""",
        f"""
        CREATE FUNCTION rit_quote_is_mine(p_quote integer) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            SELECT EXISTS (SELECT 1 FROM quotes WHERE id = p_quote
                           AND rit_request_is_mine(request_id))
        $$""",
        # -- helpers of the server functions -------------------------------------------
        f"""
        CREATE FUNCTION rit_money(p_cents bigint) RETURNS text LANGUAGE sql IMMUTABLE {path} AS $$
            SELECT (p_cents::numeric / 100)::numeric(20, 2)::text
        $$""",
        f"""
        CREATE FUNCTION rit_fail(p_code text, p_key text, p_facts jsonb) RETURNS void
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- The detail (JSON: the key and the facts) is what the app reads to say the
            -- same as its own checks (app/db/server_errors.py); the message is for psql.
            RAISE EXCEPTION USING ERRCODE = p_code,
                DETAIL = (p_facts || jsonb_build_object('key', p_key))::text,
                MESSAGE = CASE p_key
                    WHEN 'stale' THEN 'the facts of this charge changed meanwhile: price it again'
                    WHEN 'signed_in_as' THEN 'you are signed in as ' || session_user
                    WHEN 'needs_staff' THEN 'name the staff member acted for'
                    WHEN 'no_staff_record' THEN 'this login has no staff record'
                    WHEN 'role' THEN 'permission denied: the role of this login may not do this'
                    WHEN 'not_own' THEN 'permission denied: not a request of this login'
                    WHEN 'not_own_request' THEN
                        'permission denied: a technician changes only requests assigned to them'
                    WHEN 'not_own_entry' THEN
                        'permission denied: a technician changes only their own work entries'
                    WHEN 'not_portal' THEN 'permission denied: only the control panel may do this'
                    WHEN 'new_customer_credit' THEN
                        'permission denied: credit moves only through rit_post_credit'
                    WHEN 'request_completion' THEN
                        'permission denied: a request is completed only by its charge (rit_charge)'
                    WHEN 'customer_answer' THEN
                        'permission denied: only the control panel answers for the customer'
                    WHEN 'quote_sent' THEN 'permission denied: a sent quote cannot change'
                    WHEN 'quote_state' THEN 'permission denied: not a possible change of a quote'
                    WHEN 'send_limit' THEN
                        'permission denied: above the technicians'' send limit'
                    ELSE p_key END;
        END $$""",
        f"""
        CREATE FUNCTION rit_audit(p_at timestamp, p_actor text, p_action text,
                                  p_request integer, p_customer integer, p_details jsonb)
        RETURNS void LANGUAGE sql {path} AS $$
            INSERT INTO audit_events (at, actor, action, request_id, customer_id, details)
            VALUES (p_at, p_actor, p_action, p_request, p_customer, p_details::text)
        $$""",
        f"""
        CREATE FUNCTION rit_notice(p_customer integer, p_request integer, p_kind text,
                                   p_at timestamp, p_payload jsonb)
        RETURNS void LANGUAGE sql {path} AS $$
            INSERT INTO notices (customer_id, request_id, kind, at, payload)
            VALUES (p_customer, p_request, p_kind, p_at, p_payload::text)
        $$""",
        f"""
        CREATE FUNCTION rit_acting_staff(p_acted_for text) RETURNS staff
        LANGUAGE plpgsql STABLE {path} AS $$
        DECLARE
            v_staff staff;
            v_name text := session_user;
        BEGIN
            -- the login itself, or (trusted maintenance only) the staff member named
            IF rit_trusted() THEN
                IF p_acted_for IS NULL THEN
                    PERFORM rit_fail('RD000', 'needs_staff', '{{}}');
                END IF;
                v_name := p_acted_for;
            ELSIF p_acted_for IS NOT NULL AND p_acted_for <> session_user THEN
                PERFORM rit_fail('RD000', 'signed_in_as', jsonb_build_object('login', session_user));
            END IF;
            SELECT * INTO v_staff FROM staff WHERE username = v_name;
            IF NOT FOUND THEN
                IF v_name = session_user::text AND NOT rit_trusted() THEN
                    PERFORM rit_fail('RD000', 'no_staff_record', jsonb_build_object('login', v_name));
                END IF;
                PERFORM rit_fail('RD000', 'unknown_user', jsonb_build_object('username', v_name));
            END IF;
            IF NOT v_staff.active THEN
                PERFORM rit_fail('RD000', 'inactive_user', jsonb_build_object('username', v_name));
            END IF;
            RETURN v_staff;
        END $$""",
        # -- the credit ledger ---------------------------------------------------------
        f"""
        CREATE FUNCTION rit_post(p_customer integer, p_kind text, p_amount bigint, p_at timestamp,
                                 p_actor text, p_reference text, p_reason text,
                                 p_charge integer, p_request integer,
                                 OUT entry_id integer, OUT balance bigint, OUT status text,
                                 OUT suspended text[], OUT restarted text[])
        LANGUAGE plpgsql {path} AS $$
        #variable_conflict use_column
        DECLARE
            v_was text;
        BEGIN
            -- the caller holds the customer's row lock
            SELECT c.status INTO v_was FROM customers c WHERE c.id = p_customer;
            -- the ledger entry and the balance move in one statement: they cannot part
            WITH moved AS (
                UPDATE customers c
                SET balance_cents = c.balance_cents + p_amount,
                    status = CASE WHEN c.balance_cents + p_amount < 0
                                  THEN 'credit_exhausted' ELSE 'active' END,
                    version = c.version + 1
                WHERE c.id = p_customer
                RETURNING c.balance_cents
            )
            INSERT INTO ledger_entries (customer_id, kind, amount_cents, balance_after_cents, at,
                                        reference, reason, charge_id, actor)
            SELECT p_customer, p_kind, p_amount, moved.balance_cents, p_at, p_reference,
                   p_reason, p_charge, p_actor
            FROM moved
            RETURNING ledger_entries.id, ledger_entries.balance_after_cents
            INTO entry_id, balance;
            status := CASE WHEN balance < 0 THEN 'credit_exhausted' ELSE 'active' END;
            suspended := '{{}}';
            restarted := '{{}}';
            IF balance < 0 AND v_was <> 'credit_exhausted' THEN
                WITH s AS (UPDATE services SET status = 'suspended'
                           WHERE customer_id = p_customer AND status <> 'suspended'
                           RETURNING id, name)
                SELECT coalesce(array_agg(name ORDER BY id), '{{}}') INTO suspended FROM s;
                PERFORM rit_audit(p_at, p_actor, 'credit_exhausted', p_request, p_customer,
                    jsonb_build_object('balance', rit_money(balance), 'missing',
                                       rit_money(-balance), 'suspended', to_jsonb(suspended)));
                PERFORM rit_notice(p_customer, p_request, 'credit_exhausted', p_at,
                    jsonb_build_object('balance', rit_money(balance), 'missing',
                                       rit_money(-balance), 'suspended', to_jsonb(suspended)));
            ELSIF balance >= 0 AND v_was = 'credit_exhausted' THEN
                WITH s AS (UPDATE services SET status = 'running'
                           WHERE customer_id = p_customer AND status <> 'running'
                           RETURNING id, name)
                SELECT coalesce(array_agg(name ORDER BY id), '{{}}') INTO restarted FROM s;
                PERFORM rit_audit(p_at, p_actor, 'services_restarted', NULL, p_customer,
                    jsonb_build_object('balance', rit_money(balance),
                                       'restarted', to_jsonb(restarted)));
                PERFORM rit_notice(p_customer, NULL, 'service_restarted', p_at,
                    jsonb_build_object('balance', rit_money(balance),
                                       'restarted', to_jsonb(restarted)));
            END IF;
        END $$""",
        f"""
        CREATE FUNCTION rit_charge(
            p_request integer, p_acted_for text, p_version integer,
            p_quote integer, p_minutes integer[], p_agreed bigint,
            p_kind text, p_billable integer, p_capped boolean,
            p_net bigint, p_vat bigint, p_total bigint, p_reference text, p_at timestamp,
            OUT charge_id integer, OUT balance bigint, OUT status text, OUT suspended text[])
        LANGUAGE plpgsql {definer} AS $$
        #variable_conflict use_column
        -- Complete a request and charge it, exactly once. The client priced the charge
        -- (app/domain/pricing.py) from facts it read: the accepted quote, the last agreed
        -- variation, the work entries' minutes. Under the request's lock these are read
        -- again (a new snapshot: whatever a lock holder committed is seen) and compared:
        -- if anything moved the charge is refused with RD001 and the client prices again.
        -- Checked here without a copy of the pricing: who may, the state, one charge per
        -- request, net never above what the customer agreed (fixed: exactly that), VAT at
        -- the quote's rate on the net, total = net + VAT.
        DECLARE
            v_staff staff;
            v_req record;
            v_quote record;
            v_pending integer;
            v_agreed bigint;
            v_minutes integer[];
            v_ceiling bigint;
            v_post record;
            v_facts jsonb := jsonb_build_object('number', p_request);
        BEGIN
            v_staff := rit_acting_staff(p_acted_for);
            v_facts := v_facts || jsonb_build_object('action', 'complete', 'role', v_staff.role,
                                                     'user', v_staff.username);
            IF v_staff.role NOT IN ('technician', 'team_lead', 'admin') THEN
                PERFORM rit_fail('RD000', 'role', v_facts);
            END IF;
            SELECT r.state, r.version, r.customer_id, r.assignee_id INTO v_req
            FROM requests r WHERE r.id = p_request FOR UPDATE;
            IF NOT FOUND THEN
                PERFORM rit_fail('RD000', 'unknown_request', v_facts);
            END IF;
            IF v_staff.role = 'technician' AND v_req.assignee_id IS DISTINCT FROM v_staff.id THEN
                PERFORM rit_fail('RD000', 'not_own', v_facts);
            END IF;
            IF p_version IS NOT NULL AND v_req.version <> p_version THEN
                PERFORM rit_fail('RD000', 'request_changed', v_facts);
            END IF;
            IF v_req.state <> 'in_progress' THEN
                PERFORM rit_fail('RD000', 'state', v_facts || jsonb_build_object('state', v_req.state));
            END IF;
            -- the facts, read after the lock
            SELECT q.id, q.kind, q.net_cents, q.vat_rate_hundredths INTO v_quote
            FROM quotes q WHERE q.request_id = p_request AND q.state = 'accepted';
            SELECT v.id INTO v_pending FROM variations v
            WHERE v.request_id = p_request AND v.state = 'proposed' ORDER BY v.id LIMIT 1;
            SELECT v.amount_cents INTO v_agreed FROM variations v
            WHERE v.request_id = p_request AND v.state = 'agreed'
            ORDER BY v.answered_at DESC, v.id DESC LIMIT 1;
            SELECT coalesce(array_agg(w.minutes ORDER BY w.id), '{{}}') INTO v_minutes
            FROM work_entries w WHERE w.request_id = p_request;
            IF p_quote IS DISTINCT FROM v_quote.id OR p_minutes IS DISTINCT FROM v_minutes
                    OR p_agreed IS DISTINCT FROM v_agreed THEN
                PERFORM rit_fail('RD001', 'stale', v_facts);
            END IF;
            IF v_pending IS NOT NULL THEN
                PERFORM rit_fail('RD000', 'pending', v_facts || jsonb_build_object('pending', v_pending));
            END IF;
            IF cardinality(v_minutes) = 0 THEN
                PERFORM rit_fail('RD000', 'no_work', v_facts);
            END IF;
            IF v_quote.id IS NULL THEN
                PERFORM rit_fail('RD000', 'no_quote', v_facts);
            END IF;
            IF EXISTS (SELECT 1 FROM charges WHERE request_id = p_request) THEN
                PERFORM rit_fail('RD000', 'already_charged', v_facts);
            END IF;
            v_ceiling := coalesce(v_agreed, v_quote.net_cents);
            IF p_kind IS DISTINCT FROM v_quote.kind OR p_net < 0 OR p_billable < 0
                    OR p_vat <> round(p_net * v_quote.vat_rate_hundredths / 10000.0)
                    OR p_total <> p_net + p_vat
                    OR (v_quote.kind = 'fixed' AND p_net <> v_ceiling) THEN
                PERFORM rit_fail('RD000', 'bad_charge', v_facts);
            END IF;
            IF p_net > v_ceiling THEN
                PERFORM rit_fail('RD000', 'over_agreed', v_facts || jsonb_build_object(
                    'net', rit_money(p_net), 'ceiling', rit_money(v_ceiling)));
            END IF;
            PERFORM 1 FROM customers WHERE id = v_req.customer_id FOR UPDATE;
            INSERT INTO charges (request_id, customer_id, quote_id, kind, billable_minutes, capped,
                                 net_cents, vat_cents, total_cents, created_at, created_by_id)
            VALUES (p_request, v_req.customer_id, v_quote.id, p_kind, p_billable, p_capped,
                    p_net, p_vat, p_total, p_at, v_staff.id)
            RETURNING id INTO charge_id;
            v_post := rit_post(v_req.customer_id, 'charge', -p_total, p_at, v_staff.username,
                               p_reference, '', charge_id, p_request);
            UPDATE requests SET state = 'completed', closed_at = p_at, updated_at = p_at,
                                version = version + 1
            WHERE id = p_request;
            PERFORM rit_audit(p_at, v_staff.username, 'request_completed', p_request,
                v_req.customer_id, jsonb_build_object(
                    'kind', p_kind, 'billable_minutes', p_billable, 'capped', p_capped,
                    'net', rit_money(p_net), 'vat', rit_money(p_vat), 'total', rit_money(p_total),
                    'balance', rit_money(v_post.balance)));
            PERFORM rit_notice(v_req.customer_id, p_request, 'completed_charged', p_at,
                jsonb_build_object('net', rit_money(p_net), 'vat', rit_money(p_vat),
                                   'total', rit_money(p_total),
                                   'balance', rit_money(v_post.balance)));
            balance := v_post.balance;
            status := v_post.status;
            suspended := v_post.suspended;
        END $$""",
        f"""
        CREATE FUNCTION rit_post_credit(
            p_customer text, p_kind text, p_amount bigint, p_reference text, p_reason text,
            p_acted_for text, p_as_portal boolean, p_version integer, p_at timestamp,
            OUT customer_id integer, OUT entry_id integer, OUT balance bigint,
            OUT status text, OUT suspended text[], OUT restarted text[])
        LANGUAGE plpgsql {definer} AS $$
        #variable_conflict use_column
        -- Credit that moves without a charge: top-ups (finance and admin, or the control
        -- panel) and adjustments (finance and admin, with a reason). A further kind (a
        -- refund linked to its charge, say) is one more branch below, added by a later
        -- migration with CREATE OR REPLACE (and its own checks: who, how much at most).
        DECLARE
            v_actor text;
            v_customer record;
            v_post record;
            v_facts jsonb := jsonb_build_object('code', p_customer, 'kind', p_kind);
            v_action text := CASE p_kind WHEN 'topup' THEN 'topup' ELSE 'adjust' END;
            v_staff staff;
        BEGIN
            IF p_kind NOT IN ('topup', 'adjustment') THEN
                PERFORM rit_fail('RD000', 'credit_kind', v_facts);
            END IF;
            IF p_as_portal THEN
                IF NOT rit_is_portal() OR p_kind <> 'topup' THEN
                    PERFORM rit_fail('RD000', 'not_portal', jsonb_build_object('login', session_user));
                END IF;
                v_actor := 'portal';
            ELSIF p_acted_for IS NULL AND rit_trusted() THEN
                v_actor := session_user;
            ELSE
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.role NOT IN ('finance', 'admin') THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', v_action, 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            IF p_kind = 'topup' AND p_amount <= 0 OR p_kind = 'adjustment' AND p_amount = 0 THEN
                PERFORM rit_fail('RD000', 'credit_amount', v_facts);
            END IF;
            IF p_kind = 'adjustment' AND coalesce(btrim(p_reason), '') = '' THEN
                PERFORM rit_fail('RD000', 'credit_reason', v_facts);
            END IF;
            SELECT c.id, c.version INTO v_customer FROM customers c WHERE c.code = p_customer
            FOR UPDATE;
            IF NOT FOUND THEN
                PERFORM rit_fail('RD000', 'unknown_customer', v_facts);
            END IF;
            IF p_version IS NOT NULL AND v_customer.version <> p_version THEN
                PERFORM rit_fail('RD000', 'customer_changed', v_facts);
            END IF;
            v_post := rit_post(v_customer.id, p_kind, p_amount, p_at, v_actor, p_reference,
                               p_reason, NULL, NULL);
            IF p_kind = 'topup' THEN
                PERFORM rit_audit(p_at, v_actor, 'topup', NULL, v_customer.id, jsonb_build_object(
                    'amount', rit_money(p_amount), 'balance', rit_money(v_post.balance)));
            ELSE
                PERFORM rit_audit(p_at, v_actor, 'adjustment', NULL, v_customer.id,
                    jsonb_build_object('amount', rit_money(p_amount), 'reason', p_reason,
                                       'balance', rit_money(v_post.balance)));
            END IF;
            customer_id := v_customer.id;
            entry_id := v_post.entry_id;
            balance := v_post.balance;
            status := v_post.status;
            suspended := v_post.suspended;
            restarted := v_post.restarted;
        END $$""",
        # -- staff logins --------------------------------------------------------------
        f"""
        CREATE FUNCTION rit_whoami(OUT login text, OUT trusted boolean, OUT portal boolean,
                                   OUT username text, OUT name text, OUT role text,
                                   OUT active boolean)
        LANGUAGE sql STABLE {definer} AS $$
            SELECT session_user::text, rit_trusted(), rit_is_portal(), s.username, s.name,
                   s.role, s.active
            FROM (SELECT 1) one LEFT JOIN staff s ON s.username = session_user
        $$""",
        f"""
        CREATE FUNCTION rit_login_linked(p_username text) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles u, pg_roles g
                           WHERE u.rolname = p_username AND g.rolname = rit_role('login')
                           AND pg_has_role(u.oid, g.oid, 'MEMBER'))
        $$""",
        f"""
        CREATE FUNCTION rit_staff_add(p_username text, p_name text, p_role text,
                                      p_password text, p_login boolean, p_acted_for text,
                                      p_at timestamp)
        RETURNS SETOF staff LANGUAGE plpgsql {definer} AS $$
        -- A staff record and its login together. An existing login of that name (the
        -- same person in another RIT Desk database) is linked, its password unchanged
        -- unless one is given; a record made without a login (an older database) gets
        -- one. Only plain logins are linked: never a superuser or a role that may create
        -- roles or databases, replicate or bypass row security, never a group role.
        DECLARE
            v_actor text := session_user;
            v_staff staff;
            v_role record;
            v_existing staff;
        BEGIN
            IF NOT (p_acted_for IS NULL AND rit_trusted()) THEN
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.role <> 'admin' THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', 'manage', 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            IF p_username !~ '^[A-Za-z0-9._-]{{1,40}}$' OR p_username LIKE 'pg\\_%'
                    OR p_role NOT IN ('technician', 'team_lead', 'finance', 'admin') THEN
                PERFORM rit_fail('RD000', 'bad_staff', jsonb_build_object('username', p_username));
            END IF;
            SELECT * INTO v_existing FROM staff WHERE username = p_username;
            IF FOUND AND (NOT p_login OR rit_login_linked(p_username)) THEN
                PERFORM rit_fail('RD000', 'user_exists', jsonb_build_object('username', p_username));
            END IF;
            IF p_login THEN
                SELECT * INTO v_role FROM pg_roles WHERE rolname = p_username;
                IF NOT FOUND THEN
                    EXECUTE format('CREATE ROLE %I LOGIN', p_username);
                ELSIF NOT v_role.rolcanlogin OR v_role.rolsuper OR v_role.rolcreaterole
                        OR v_role.rolcreatedb OR v_role.rolreplication OR v_role.rolbypassrls THEN
                    PERFORM rit_fail('RD000', 'bad_login', jsonb_build_object('username', p_username));
                END IF;
                IF p_password IS NOT NULL THEN
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_password);
                END IF;
                EXECUTE format('GRANT %I, %I TO %I', rit_role('login'), rit_role(p_role),
                               p_username);
            END IF;
            IF v_existing.id IS NULL THEN
                INSERT INTO staff (username, name, role, active, created_at)
                VALUES (p_username, p_name, p_role, true, p_at) RETURNING * INTO v_existing;
            ELSE
                UPDATE staff SET name = p_name, role = p_role, active = true
                WHERE id = v_existing.id RETURNING * INTO v_existing;
            END IF;
            PERFORM rit_audit(p_at, v_actor, 'staff_added', NULL, NULL, jsonb_build_object(
                'username', p_username, 'role', p_role, 'login', p_login));
            RETURN NEXT v_existing;
        END $$""",
        f"""
        CREATE FUNCTION rit_staff_set_role(p_username text, p_role text, p_acted_for text,
                                           p_at timestamp)
        RETURNS SETOF staff LANGUAGE plpgsql {definer} AS $$
        DECLARE
            v_actor text := session_user;
            v_staff staff;
            v_target staff;
        BEGIN
            IF NOT (p_acted_for IS NULL AND rit_trusted()) THEN
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.role <> 'admin' THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', 'manage', 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            IF p_role NOT IN ('technician', 'team_lead', 'finance', 'admin') THEN
                PERFORM rit_fail('RD000', 'bad_staff', jsonb_build_object('username', p_username));
            END IF;
            SELECT * INTO v_target FROM staff WHERE username = p_username FOR UPDATE;
            IF NOT FOUND THEN
                PERFORM rit_fail('RD000', 'unknown_user', jsonb_build_object('username', p_username));
            END IF;
            IF v_target.role = 'admin' AND p_role <> 'admin' AND NOT EXISTS (
                    SELECT 1 FROM staff WHERE role = 'admin' AND active AND id <> v_target.id) THEN
                PERFORM rit_fail('RD000', 'last_admin', jsonb_build_object('username', p_username));
            END IF;
            IF v_target.active AND rit_login_linked(p_username) THEN
                EXECUTE format('REVOKE %I FROM %I', rit_role(v_target.role), p_username);
                EXECUTE format('GRANT %I TO %I', rit_role(p_role), p_username);
            END IF;
            UPDATE staff SET role = p_role WHERE id = v_target.id RETURNING * INTO v_staff;
            PERFORM rit_audit(p_at, v_actor, 'staff_role_changed', NULL, NULL, jsonb_build_object(
                'username', p_username, 'before', v_target.role, 'after', p_role));
            RETURN NEXT v_staff;
        END $$""",
        f"""
        CREATE FUNCTION rit_staff_deactivate(p_username text, p_acted_for text, p_at timestamp)
        RETURNS SETOF staff LANGUAGE plpgsql {definer} AS $$
        -- The record stays (the history names it); the login loses its working role in
        -- this database, so it can sign in only to be told it was deactivated.
        DECLARE
            v_actor text := session_user;
            v_staff staff;
            v_target staff;
        BEGIN
            IF NOT (p_acted_for IS NULL AND rit_trusted()) THEN
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.role <> 'admin' THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', 'manage', 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            SELECT * INTO v_target FROM staff WHERE username = p_username FOR UPDATE;
            IF NOT FOUND THEN
                PERFORM rit_fail('RD000', 'unknown_user', jsonb_build_object('username', p_username));
            END IF;
            IF v_target.role = 'admin' AND v_target.active AND NOT EXISTS (
                    SELECT 1 FROM staff WHERE role = 'admin' AND active AND id <> v_target.id) THEN
                PERFORM rit_fail('RD000', 'last_admin', jsonb_build_object('username', p_username));
            END IF;
            IF rit_login_linked(p_username) THEN
                EXECUTE format('REVOKE %I FROM %I', rit_role(v_target.role), p_username);
            END IF;
            UPDATE staff SET active = false WHERE id = v_target.id RETURNING * INTO v_staff;
            PERFORM rit_audit(p_at, v_actor, 'staff_deactivated', NULL, NULL,
                              jsonb_build_object('username', p_username));
            RETURN NEXT v_staff;
        END $$""",
        f"""
        CREATE FUNCTION rit_staff_password(p_username text, p_password text, p_acted_for text,
                                           p_at timestamp)
        RETURNS void LANGUAGE plpgsql {definer} AS $$
        -- Anyone their own password; an admin (or trusted maintenance) anyone's. The
        -- client sends a SCRAM verifier, never the password itself.
        DECLARE
            v_actor text := session_user;
            v_staff staff;
            v_role record;
        BEGIN
            IF NOT (p_acted_for IS NULL AND rit_trusted()) THEN
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.username <> p_username AND v_staff.role <> 'admin' THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', 'manage', 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            SELECT * INTO v_role FROM pg_roles WHERE rolname = p_username;
            IF NOT FOUND OR NOT rit_login_linked(p_username)
                    OR NOT EXISTS (SELECT 1 FROM staff WHERE username = p_username) THEN
                PERFORM rit_fail('RD000', 'no_login', jsonb_build_object('username', p_username));
            END IF;
            IF v_role.rolsuper OR v_role.rolcreaterole OR v_role.rolreplication
                    OR v_role.rolbypassrls THEN
                PERFORM rit_fail('RD000', 'bad_login', jsonb_build_object('username', p_username));
            END IF;
            IF p_password IS NULL OR p_password = '' THEN
                PERFORM rit_fail('RD000', 'bad_password', '{{}}');
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_password);
            PERFORM rit_audit(p_at, v_actor, 'password_changed', NULL, NULL,
                              jsonb_build_object('username', p_username));
        END $$""",
        # -- what grants cannot say: triggers ------------------------------------------
        f"""
        CREATE FUNCTION rit_audit_login() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- the login is the session's, whatever the client sent; a staff login acts
            -- only for itself, the control panel for a customer
            NEW.login := session_user;
            IF NOT rit_trusted() AND NOT (rit_is_portal() AND NEW.actor LIKE 'portal%') THEN
                NEW.actor := session_user;
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER audit_events_login BEFORE INSERT ON audit_events FOR EACH ROW "
        "EXECUTE FUNCTION rit_audit_login()",
        f"""
        CREATE FUNCTION rit_customers_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NOT rit_privileged() AND (NEW.balance_cents <> 0 OR NEW.status <> 'active') THEN
                PERFORM rit_fail('42501', 'new_customer_credit', '{{}}');
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER customers_guard BEFORE INSERT ON customers FOR EACH ROW "
        "EXECUTE FUNCTION rit_customers_guard()",
        f"""
        CREATE FUNCTION rit_services_status() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        BEGIN
            -- a new service runs unless its account is in credit exhaustion; the account
            -- is locked (as the owner: who adds services may not lock customers) so that
            -- a charge exhausting it meanwhile suspends this service too
            SELECT CASE WHEN c.status = 'credit_exhausted' THEN 'suspended' ELSE 'running' END
            INTO NEW.status FROM customers c WHERE c.id = NEW.customer_id FOR SHARE;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER services_status BEFORE INSERT ON services FOR EACH ROW "
        "EXECUTE FUNCTION rit_services_status()",
        f"""
        CREATE FUNCTION rit_requests_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF rit_privileged() THEN
                RETURN NEW;
            END IF;
            IF rit_is_technician() AND (OLD.assignee_id IS DISTINCT FROM rit_me()
                    AND OLD.assignee_id IS NOT NULL OR NEW.assignee_id IS DISTINCT FROM rit_me()) THEN
                -- a technician changes only requests assigned to them (or takes a free one)
                PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                    'number', NEW.id, 'user', session_user));
            END IF;
            IF NEW.state = OLD.state THEN
                RETURN NEW;
            END IF;
            IF NEW.state = 'completed' OR OLD.state = 'completed' THEN
                -- completed only by the charge function, and for good
                PERFORM rit_fail('42501', 'request_completion', jsonb_build_object('number', NEW.id));
            END IF;
            IF NEW.state IN ('accepted', 'rejected', 'cancelled') AND NOT rit_is_portal() THEN
                PERFORM rit_fail('42501', 'customer_answer', jsonb_build_object('number', NEW.id));
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER requests_guard BEFORE UPDATE ON requests FOR EACH ROW "
        "EXECUTE FUNCTION rit_requests_guard()",
        f"""
        CREATE FUNCTION rit_quotes_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        DECLARE
            v_limit bigint;
        BEGIN
            IF rit_privileged() THEN
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF rit_is_technician() AND NOT rit_request_is_mine(OLD.request_id) THEN
                PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                    'number', OLD.request_id, 'user', session_user));
            END IF;
            IF TG_OP = 'DELETE' THEN
                IF OLD.state <> 'draft' THEN
                    PERFORM rit_fail('42501', 'quote_sent', jsonb_build_object(
                        'number', OLD.request_id, 'revision', OLD.revision));
                END IF;
                RETURN OLD;
            END IF;
            IF OLD.state <> 'draft' AND (
                    (NEW.request_id, NEW.revision, NEW.kind, NEW.vat_rate_hundredths,
                     NEW.valid_until, NEW.notes, NEW.hourly_rate_cents,
                     NEW.estimated_hours_hundredths, NEW.billing_increment, NEW.net_cents,
                     NEW.vat_cents, NEW.total_cents, NEW.lang, NEW.created_by_id,
                     NEW.created_at, NEW.sent_by_id, NEW.sent_at)
                    IS DISTINCT FROM
                    (OLD.request_id, OLD.revision, OLD.kind, OLD.vat_rate_hundredths,
                     OLD.valid_until, OLD.notes, OLD.hourly_rate_cents,
                     OLD.estimated_hours_hundredths, OLD.billing_increment, OLD.net_cents,
                     OLD.vat_cents, OLD.total_cents, OLD.lang, OLD.created_by_id,
                     OLD.created_at, OLD.sent_by_id, OLD.sent_at)
                    OR (OLD.pdf IS NOT NULL AND NEW.pdf IS DISTINCT FROM OLD.pdf)
                    OR (OLD.pdf_sha256 IS NOT NULL
                        AND NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256)) THEN
                PERFORM rit_fail('42501', 'quote_sent', jsonb_build_object(
                    'number', NEW.request_id, 'revision', NEW.revision));
            END IF;
            IF NEW.state IS DISTINCT FROM OLD.state THEN
                IF NOT ((OLD.state, NEW.state) IN (('draft', 'sent'), ('draft', 'withdrawn'),
                        ('sent', 'withdrawn'), ('sent', 'superseded'), ('sent', 'expired'),
                        ('sent', 'accepted'), ('sent', 'rejected'))) THEN
                    PERFORM rit_fail('42501', 'quote_state', jsonb_build_object(
                        'number', NEW.request_id, 'revision', NEW.revision));
                END IF;
                IF NEW.state IN ('accepted', 'rejected') AND NOT rit_is_portal() THEN
                    PERFORM rit_fail('42501', 'customer_answer',
                                     jsonb_build_object('number', NEW.request_id));
                END IF;
                IF NEW.state = 'sent' AND EXISTS (
                        SELECT 1 FROM pg_roles t WHERE t.rolname = rit_role('technician')
                        AND pg_has_role(session_user, t.oid, 'MEMBER')) THEN
                    SELECT (value::numeric * 100)::bigint INTO v_limit FROM settings
                    WHERE key = 'tech_send_limit';
                    IF NEW.net_cents > coalesce(v_limit, {DEFAULT_TECH_SEND_LIMIT_CENTS}) THEN
                        PERFORM rit_fail('42501', 'send_limit', jsonb_build_object(
                            'number', NEW.request_id, 'revision', NEW.revision));
                    END IF;
                END IF;
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER quotes_guard BEFORE UPDATE OR DELETE ON quotes FOR EACH ROW "
        "EXECUTE FUNCTION rit_quotes_guard()",
        f"""
        CREATE FUNCTION rit_quote_lines_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        DECLARE
            v_quote integer := CASE TG_OP WHEN 'DELETE' THEN OLD.quote_id ELSE NEW.quote_id END;
            v_sent record;
        BEGIN
            IF NOT rit_privileged() THEN
                IF rit_is_technician() AND NOT rit_quote_is_mine(v_quote) THEN
                    PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                        'number', (SELECT request_id FROM quotes WHERE id = v_quote),
                        'user', session_user));
                END IF;
                SELECT request_id, revision INTO v_sent FROM quotes
                WHERE id = v_quote AND state <> 'draft';
                IF FOUND THEN
                    PERFORM rit_fail('42501', 'quote_sent', jsonb_build_object(
                        'number', v_sent.request_id, 'revision', v_sent.revision));
                END IF;
            END IF;
            RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
        END $$""",
        "CREATE TRIGGER quote_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON quote_lines "
        "FOR EACH ROW EXECUTE FUNCTION rit_quote_lines_guard()",
        f"""
        CREATE FUNCTION rit_work_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- work is logged as oneself (row-level security on insert); a technician
            -- changes only their own entries, nobody changes whose an entry is
            IF NOT rit_privileged() AND (
                    rit_is_technician() AND OLD.staff_id IS DISTINCT FROM rit_me()
                    OR TG_OP = 'UPDATE' AND NEW.staff_id IS DISTINCT FROM OLD.staff_id) THEN
                PERFORM rit_fail('42501', 'not_own_entry', jsonb_build_object(
                    'number', OLD.request_id, 'user', session_user));
            END IF;
            RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
        END $$""",
        "CREATE TRIGGER work_entries_guard BEFORE UPDATE OR DELETE ON work_entries "
        "FOR EACH ROW EXECUTE FUNCTION rit_work_guard()",
        f"""
        CREATE FUNCTION rit_variations_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF rit_privileged() THEN
                RETURN NEW;
            END IF;
            IF (NEW.request_id, NEW.amount_cents, NEW.reason, NEW.proposed_by_id, NEW.proposed_at)
                    IS DISTINCT FROM
                    (OLD.request_id, OLD.amount_cents, OLD.reason, OLD.proposed_by_id,
                     OLD.proposed_at)
                    OR (NEW.state IS DISTINCT FROM OLD.state
                        AND NOT (OLD.state = 'proposed' AND NEW.state IN ('agreed', 'refused')))
                    OR (NEW.state IS DISTINCT FROM OLD.state AND NOT rit_is_portal()) THEN
                PERFORM rit_fail('42501', 'customer_answer',
                                 jsonb_build_object('number', NEW.request_id));
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER variations_guard BEFORE UPDATE ON variations FOR EACH ROW "
        "EXECUTE FUNCTION rit_variations_guard()",
    ]
