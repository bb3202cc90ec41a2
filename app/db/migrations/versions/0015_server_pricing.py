"""the server prices the charge; money bounds

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 02:30:00

PostgreSQL only (SQLite has no server functions: there ``app/domain/pricing.py`` prices
and the services bound the money, as before).

- ``rit_price``: the charge of a request from its facts, as ``app/domain/pricing.py``
  computes it: each work entry rounded up to the billing increment, minutes x rate /
  60 half-up to the cent (hourly), the ceiling (the last agreed variation, else the
  quote's net), net = the ceiling (fixed) or the work capped at it (hourly), VAT at the
  quote's rate half-up on the net, total = net + VAT. Integer cents throughout
  (``rit_round_div``: a quotient rounded half-up, exactly). Owner only; the
  differential test calls it as trusted maintenance.
- ``rit_charge`` takes the request, the acting user, the version the user saw and the
  figures the user confirmed (net, VAT, total; NULL: none shown), and prices the charge
  itself from what stands under the request's lock. The reference is the request's
  (``RIT-000123``), the time the server's (``rit_now()``: ``now()`` in UTC). A confirmed charge that no
  longer stands is refused (key ``charge_changed``, with the new figures), nothing
  written. ``p_at`` dates a charge only for trusted maintenance (a superuser or a member
  of the owner role, who may write the tables anyway: the demo loader, the tests' moved
  clocks); anyone else naming a time is refused (key ``charge_dated``). The old
  signature, which took the amounts, the reference and the time from the caller, is
  dropped.
- ``rit_post``: a top-up, an adjustment or a refund moves at least
  ``money_min_per_operation`` and at most ``money_max_per_operation`` (settings, admin
  only; defaults 0.01 and 100,000.00, as ``app/services/settings.py``), and never zero;
  otherwise refused (key ``money_bounds``) before any arithmetic, so a huge amount
  cannot overflow the balance. Charges are not bounded (what was agreed is charged).
- Logins stay inside their database. ``rit_login_here_only``: a login belongs to this
  database alone when every group it is a member of is one of this database's
  (``role_names``) and no object of another database (nor another database itself) is
  owned by it or granted to it (``pg_shdepend``). ``rit_staff_add`` links an existing
  login only if so, or for trusted maintenance (key ``login_elsewhere``), and never sets
  the password of a login it linked (key ``linked_password``); ``rit_staff_password``
  sets someone else's password only for such a login (trusted maintenance excepted).
  ``rit_portal_password`` (admin): the password of a control panel login of this
  database.
- ``rit_fail`` says this migration's refusals in words in psql (the app reads the key).
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OLD_CHARGE = ("rit_charge(integer, text, integer, integer, integer[], bigint, text, integer, "
              "boolean, bigint, bigint, bigint, text, timestamp)")
NEW_CHARGE = "rit_charge(integer, text, integer, bigint, bigint, bigint, timestamp)"
HERE_ONLY = "rit_login_here_only(text)"
PORTAL_PASSWORD = "rit_portal_password(text, text, text, timestamp)"
PRICE = "rit_price(text, bigint, bigint, bigint, integer, integer[], bigint)"
ROUND_DIV = "rit_round_div(numeric, numeric)"
#: the defaults of the bounds (app/services/settings.py DEFAULTS says the same)
MIN_DEFAULT = "0.01"
MAX_DEFAULT = "100000.00"
_LOCK_COMMENT = "-- the caller holds the customer's row lock"


def _migration(name: str) -> ModuleType:
    return import_module(f"app.db.migrations.versions.{name}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(f"DROP FUNCTION IF EXISTS {OLD_CHARGE}")
    for statement in _statements(schema):
        op.execute(statement)


def downgrade() -> None:
    """Back to migration 0012's rit_charge and 0007's rit_post."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for signature in (NEW_CHARGE, PRICE, ROUND_DIV, PORTAL_PASSWORD, HERE_ONLY):
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute(_migration("0012_charging_cheaper")._statements(schema)[-1])
    op.execute(_post(schema, bounded=False))
    op.execute(_fail(schema, ours=False))
    for name in ("rit_staff_add", "rit_staff_password"):
        op.execute(_staff_function(schema, name, guarded=False))


def _post(schema: str, *, bounded: bool) -> str:
    """Migration 0007's rit_post, with the bounds checked first when ``bounded``."""
    statements: list[str] = _migration("0007_identity_and_money_functions")._statements(schema)
    post = next(s for s in statements if "CREATE FUNCTION rit_post(" in s)
    post = post.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if bounded:
        post = post.replace(_LOCK_COMMENT, _BOUNDS.format(s=schema) + _LOCK_COMMENT, 1)
    return post


def _fail(schema: str, *, ours: bool) -> str:
    """Migration 0007's rit_fail, with a readable message (for psql) for this
    migration's keys when ``ours`` (the app reads the key and the facts, not this)."""
    statements: list[str] = _migration("0007_identity_and_money_functions")._statements(schema)
    function = next(s for s in statements if "CREATE FUNCTION rit_fail(" in s)
    function = function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    return function.replace("ELSE p_key END;", _MESSAGES + "ELSE p_key END;", 1) if ours else function


_MESSAGES = """WHEN 'charge_changed' THEN
                        'the charge is not the one shown: it is priced by the database'
                    WHEN 'charge_dated' THEN
                        'permission denied: a charge is dated by the database'
                    WHEN 'money_bounds' THEN
                        'the amount is outside the limits of one credit operation'
                    WHEN 'login_elsewhere' THEN
                        'permission denied: the login belongs to another database too'
                    WHEN 'linked_password' THEN
                        'an existing login is linked and keeps its password'
                    WHEN 'no_portal_login' THEN 'not a login of this database''s control panel'
                    """


def _staff_function(schema: str, name: str, *, guarded: bool) -> str:
    """Migration 0007's rit_staff_add or rit_staff_password, with the logins kept inside
    their database when ``guarded``."""
    statements: list[str] = _migration("0007_identity_and_money_functions")._statements(schema)
    function = next(s for s in statements if f"CREATE FUNCTION {name}(" in s)
    function = function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if guarded:
        for old, new in _GUARDS[name]:
            assert old in function, (name, old)
            function = function.replace(old, new, 1)
    return function


_LINKED = """IF v_role.rolname IS NOT NULL THEN
                    -- an existing login: linked only if it belongs to this database alone
                    -- (or by trusted maintenance), and never given a password here
                    IF NOT rit_trusted() AND NOT rit_login_here_only(p_username) THEN
                        PERFORM rit_fail('42501', 'login_elsewhere',
                                         jsonb_build_object('username', p_username));
                    END IF;
                    IF p_password IS NOT NULL THEN
                        PERFORM rit_fail('RD000', 'linked_password',
                                         jsonb_build_object('username', p_username));
                    END IF;
                ELSIF p_password IS NOT NULL THEN"""
_OTHERS = """IF v_staff.username IS DISTINCT FROM p_username AND NOT rit_trusted()
                    AND NOT rit_login_here_only(p_username) THEN
                -- someone else's password: only of a login of this database alone
                PERFORM rit_fail('42501', 'login_elsewhere',
                                 jsonb_build_object('username', p_username));
            END IF;
            IF p_password IS NULL OR p_password = '' THEN"""
_GUARDS: dict[str, list[tuple[str, str]]] = {
    "rit_staff_add": [("IF p_password IS NOT NULL THEN", _LINKED)],
    "rit_staff_password": [("IF p_password IS NULL OR p_password = '' THEN", _OTHERS)],
}


_BOUNDS = """IF p_kind IN ('topup', 'adjustment', 'refund') THEN
                PERFORM {s}.rit_money_bounds(p_kind, p_amount);
            END IF;
            """


def _statements(s: str) -> list[str]:
    definer = f"SECURITY DEFINER SET search_path = {s}, pg_temp"
    return [
        """
        CREATE OR REPLACE FUNCTION rit_round_div(p_n numeric, p_d numeric) RETURNS bigint
        LANGUAGE sql IMMUTABLE AS $$
            -- p_n / p_d rounded half away from zero (Python's ROUND_HALF_UP), exactly
            SELECT (sign(p_n) * div(2 * abs(p_n) + p_d, 2 * p_d))::bigint
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_price(
            p_kind text, p_quote_net bigint, p_vat_rate bigint, p_hourly_rate bigint,
            p_increment integer, p_minutes integer[], p_agreed bigint,
            OUT billable integer, OUT work bigint, OUT ceiling bigint, OUT capped boolean,
            OUT net bigint, OUT vat bigint, OUT total bigint)
        LANGUAGE plpgsql IMMUTABLE AS $$
        -- app/domain/pricing.py's compute_charge in cents: amounts in cents, the VAT rate
        -- in hundredths of a percent (22.00 % = 2200), the last agreed variation or NULL
        BEGIN
            IF p_increment IS NULL OR p_increment <= 0
                    OR p_kind NOT IN ('fixed', 'hourly')
                    OR (p_kind = 'hourly' AND p_hourly_rate IS NULL) THEN
                RAISE EXCEPTION 'rit_price: not a priceable quote (%, increment %, rate %)',
                    p_kind, p_increment, p_hourly_rate;
            END IF;
            SELECT coalesce(sum(ceil(m::numeric / p_increment) * p_increment), 0)::integer
            INTO billable FROM unnest(p_minutes) AS m;
            ceiling := coalesce(p_agreed, p_quote_net);
            IF p_kind = 'fixed' THEN
                work := NULL;
                capped := false;
                net := ceiling;
            ELSE
                work := {s}.rit_round_div(billable::numeric * p_hourly_rate, 60);
                capped := work > ceiling;
                net := least(work, ceiling);
            END IF;
            vat := {s}.rit_round_div(net::numeric * p_vat_rate, 10000);
            total := net + vat;
        END $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_money_bounds(p_kind text, p_amount bigint) RETURNS void
        LANGUAGE plpgsql STABLE AS $$
        -- a top-up, an adjustment or a refund moves between the bounds of the settings
        DECLARE
            v_min bigint;
            v_max bigint;
        BEGIN
            SELECT (coalesce(max(value) FILTER (WHERE key = 'money_min_per_operation'),
                             '{MIN_DEFAULT}')::numeric * 100)::bigint,
                   (coalesce(max(value) FILTER (WHERE key = 'money_max_per_operation'),
                             '{MAX_DEFAULT}')::numeric * 100)::bigint
            INTO v_min, v_max
            FROM {s}.settings
            WHERE key IN ('money_min_per_operation', 'money_max_per_operation');
            IF p_amount IS NULL OR abs(p_amount::numeric) < greatest(v_min, 1)
                    OR abs(p_amount::numeric) > v_max THEN
                PERFORM {s}.rit_fail('RD000', 'money_bounds', jsonb_build_object(
                    'kind', p_kind,
                    'amount', CASE WHEN p_amount IS NULL THEN NULL
                                   ELSE (p_amount::numeric / 100.00)::numeric(22, 2)::text END,
                    'min', {s}.rit_money(v_min), 'max', {s}.rit_money(v_max)));
            END IF;
        END $$""",
        _fail(s, ours=True),
        _post(s, bounded=True),
        f"""
        CREATE OR REPLACE FUNCTION rit_login_here_only(p_username text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
            -- every group of the login is this database's, and nothing of another
            -- database (nor another database) is owned by it or granted to it
            SELECT NOT EXISTS (
                       SELECT 1 FROM pg_catalog.pg_auth_members am
                       JOIN pg_catalog.pg_roles u ON u.oid = am.member
                       JOIN pg_catalog.pg_roles g ON g.oid = am.roleid
                       WHERE u.rolname = p_username
                         AND g.rolname NOT IN (SELECT name FROM {s}.role_names))
               AND NOT EXISTS (
                       SELECT 1 FROM pg_catalog.pg_shdepend d
                       JOIN pg_catalog.pg_roles u ON u.oid = d.refobjid
                       WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass
                         AND u.rolname = p_username
                         AND (d.dbid NOT IN (0, (SELECT oid FROM pg_catalog.pg_database
                                                 WHERE datname = current_database()))
                              OR (d.classid = 'pg_catalog.pg_database'::regclass
                                  AND d.objid <> (SELECT oid FROM pg_catalog.pg_database
                                                  WHERE datname = current_database()))))
        $$""",
        _staff_function(s, "rit_staff_add", guarded=True),
        _staff_function(s, "rit_staff_password", guarded=True),
        f"""
        CREATE OR REPLACE FUNCTION rit_portal_password(p_login text, p_password text,
                                                       p_acted_for text, p_at timestamp)
        RETURNS void LANGUAGE plpgsql {definer} AS $$
        -- An admin (or trusted maintenance) sets the password of a control panel login
        -- of this database (a member of its portal group that belongs to it alone). The
        -- client sends a SCRAM verifier, never the password itself.
        DECLARE
            v_actor text := session_user;
            v_staff staff;
        BEGIN
            IF NOT (p_acted_for IS NULL AND rit_trusted()) THEN
                v_staff := rit_acting_staff(p_acted_for);
                IF v_staff.role <> 'admin' THEN
                    PERFORM rit_fail('RD000', 'role', jsonb_build_object(
                        'action', 'manage', 'role', v_staff.role, 'user', v_staff.username));
                END IF;
                v_actor := v_staff.username;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members am
                           JOIN pg_catalog.pg_roles u ON u.oid = am.member
                           JOIN pg_catalog.pg_roles g ON g.oid = am.roleid
                           WHERE u.rolname = p_login AND g.rolname = rit_role('portal')
                             AND u.rolcanlogin AND NOT (u.rolsuper OR u.rolcreaterole
                                 OR u.rolcreatedb OR u.rolreplication OR u.rolbypassrls)) THEN
                PERFORM rit_fail('RD000', 'no_portal_login', jsonb_build_object('login', p_login));
            END IF;
            IF NOT rit_trusted() AND NOT rit_login_here_only(p_login) THEN
                PERFORM rit_fail('42501', 'login_elsewhere', jsonb_build_object('username', p_login));
            END IF;
            IF p_password IS NULL OR p_password = '' THEN
                PERFORM rit_fail('RD000', 'bad_password', '{{}}');
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
            PERFORM rit_audit(p_at, v_actor, 'portal_password_changed', NULL, NULL,
                              jsonb_build_object('login', p_login));
        END $$""",
        f"""
        CREATE FUNCTION rit_charge(
            p_request integer, p_acted_for text DEFAULT NULL, p_version integer DEFAULT NULL,
            p_shown_net bigint DEFAULT NULL, p_shown_vat bigint DEFAULT NULL,
            p_shown_total bigint DEFAULT NULL, p_at timestamp DEFAULT NULL,
            OUT charge_id integer, OUT net bigint, OUT vat bigint, OUT total bigint,
            OUT balance bigint, OUT status text, OUT suspended text[])
        LANGUAGE plpgsql {definer} AS $$
        #variable_conflict use_column
        -- Complete a request and charge it, exactly once, priced here (rit_price) from
        -- what stands under the request's lock: the accepted quote, the last agreed
        -- variation, the work entries. The caller sends no amount, reference or time;
        -- the figures the user confirmed (p_shown_*) must still stand.
        DECLARE
            v_staff staff;
            v_req record;
            v_f record;
            v_p record;
            v_at timestamp;
            v_reference text;
            v_post record;
            v_facts jsonb;
        BEGIN
            v_staff := rit_acting_staff(p_acted_for);
            v_facts := jsonb_build_object('number', p_request, 'action', 'complete',
                                          'role', v_staff.role, 'user', v_staff.username);
            IF v_staff.role NOT IN ('technician', 'team_lead', 'admin') THEN
                PERFORM rit_fail('RD000', 'role', v_facts);
            END IF;
            IF p_at IS NOT NULL AND NOT rit_trusted() THEN
                PERFORM rit_fail('42501', 'charge_dated', v_facts);
            END IF;
            v_at := coalesce(p_at, rit_now());  -- the server's time (migration 0014)
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
            -- the facts, read after the lock, in one statement
            SELECT q.id AS quote_id, q.kind, q.net_cents, q.vat_rate_hundredths,
                   q.hourly_rate_cents, q.billing_increment,
                   (SELECT v.id FROM variations v
                    WHERE v.request_id = p_request AND v.state = 'proposed'
                    ORDER BY v.id LIMIT 1) AS pending,
                   (SELECT v.amount_cents FROM variations v
                    WHERE v.request_id = p_request AND v.state = 'agreed'
                    ORDER BY v.answered_at DESC, v.id DESC LIMIT 1) AS agreed,
                   (SELECT coalesce(array_agg(w.minutes ORDER BY w.id), '{{}}')
                    FROM work_entries w WHERE w.request_id = p_request) AS minutes,
                   EXISTS (SELECT 1 FROM charges c WHERE c.request_id = p_request) AS charged
            INTO v_f
            FROM (SELECT 1) AS one
            LEFT JOIN quotes q ON q.request_id = p_request AND q.state = 'accepted';
            -- the order of app/services/billing.py's checks
            IF cardinality(v_f.minutes) = 0 THEN
                PERFORM rit_fail('RD000', 'no_work', v_facts);
            END IF;
            IF v_f.pending IS NOT NULL THEN
                PERFORM rit_fail('RD000', 'pending', v_facts || jsonb_build_object('pending', v_f.pending));
            END IF;
            IF v_f.quote_id IS NULL THEN
                PERFORM rit_fail('RD000', 'no_quote', v_facts);
            END IF;
            IF v_f.charged THEN
                PERFORM rit_fail('RD000', 'already_charged', v_facts);
            END IF;
            v_p := rit_price(v_f.kind::text, v_f.net_cents, v_f.vat_rate_hundredths,
                             v_f.hourly_rate_cents, v_f.billing_increment, v_f.minutes,
                             v_f.agreed);
            IF (p_shown_net IS NOT NULL OR p_shown_vat IS NOT NULL OR p_shown_total IS NOT NULL)
                    AND (p_shown_net IS DISTINCT FROM v_p.net
                         OR p_shown_vat IS DISTINCT FROM v_p.vat
                         OR p_shown_total IS DISTINCT FROM v_p.total) THEN
                PERFORM rit_fail('RD000', 'charge_changed', v_facts || jsonb_build_object(
                    'shown', coalesce(rit_money(p_shown_total), '-'),
                    'net', rit_money(v_p.net), 'vat', rit_money(v_p.vat),
                    'total', rit_money(v_p.total)));
            END IF;
            -- RIT-000123 (app/domain/references.py: request_reference)
            v_reference := 'RIT-' || CASE WHEN p_request < 1000000
                                          THEN lpad(p_request::text, 6, '0')
                                          ELSE p_request::text END;
            PERFORM 1 FROM customers WHERE id = v_req.customer_id FOR UPDATE;
            INSERT INTO charges (request_id, customer_id, quote_id, kind, billable_minutes, capped,
                                 net_cents, vat_cents, total_cents, created_at, created_by_id)
            VALUES (p_request, v_req.customer_id, v_f.quote_id, v_f.kind, v_p.billable,
                    v_p.capped, v_p.net, v_p.vat, v_p.total, v_at, v_staff.id)
            RETURNING id INTO charge_id;
            v_post := rit_post(v_req.customer_id, 'charge', -v_p.total, v_at, v_staff.username,
                               v_reference, '', charge_id, p_request);
            UPDATE requests SET state = 'completed', closed_at = v_at, updated_at = v_at,
                                version = version + 1
            WHERE id = p_request;
            PERFORM rit_audit(v_at, v_staff.username, 'request_completed', p_request,
                v_req.customer_id, jsonb_build_object(
                    'kind', v_f.kind, 'billable_minutes', v_p.billable, 'capped', v_p.capped,
                    'net', rit_money(v_p.net), 'vat', rit_money(v_p.vat),
                    'total', rit_money(v_p.total), 'balance', rit_money(v_post.balance)));
            PERFORM rit_notice(v_req.customer_id, p_request, 'completed_charged', v_at,
                jsonb_build_object('net', rit_money(v_p.net), 'vat', rit_money(v_p.vat),
                                   'total', rit_money(v_p.total),
                                   'balance', rit_money(v_post.balance)));
            net := v_p.net;
            vat := v_p.vat;
            total := v_p.total;
            balance := v_post.balance;
            status := v_post.status;
            suspended := v_post.suspended;
        END $$""",
    ]
