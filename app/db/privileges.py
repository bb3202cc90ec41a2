"""Who may do what on PostgreSQL: the grants and row-level security of every table.

DESIGN.md's table of who may do what, enforced by the database itself. Applied by
:func:`apply` after every schema upgrade (``rit-desk init``), so it is always whole: it
revokes everything and grants exactly what is below.

The roles (``app/db/identity.py``): ``owner`` owns every table and function (and is the
only one who writes money, through the functions of migration 0007); every staff login
and the control panel are members of ``login`` (connect, read the schema version, ask
who they are); each staff login is also a member of the group of its role; the control
panel's logins are members of ``portal``. Everyone may read everything.

Adding a table (a migration that creates it):
1. add an entry to :data:`TABLES` below: who may INSERT, UPDATE (optionally only some
   columns), DELETE; row-level security policies if a role may touch only some rows;
2. if money moves through it, no staff role gets INSERT/UPDATE/DELETE: write a SECURITY
   DEFINER function (``SET search_path`` pinned, as in migration 0007) that checks who
   and what, and list it in :data:`FUNCTIONS` with the groups that may call it;
3. ``tests/app/test_privileges_pg.py`` fails for a table with no entry here (and
   :func:`apply` refuses such a database), and its matrix is where the new forbidden
   statements get their test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.db.identity import GROUPS, LOGIN, OWNER, PORTAL, STAFF_GROUPS, WORKER

TECH = "technician"
LEAD = "team_lead"
FINANCE = "finance"
ADMIN = "admin"

STAFF = (TECH, LEAD, FINANCE, ADMIN)
EVERYONE = (*STAFF, PORTAL)
WORKERS = (TECH, LEAD, ADMIN)  # who takes, quotes, logs work, completes
LEADS = (LEAD, ADMIN)
# WORKER (app/db/identity.py) is the back office's worker process (issue 18), not staff:
# it reads what its jobs read (READ_BY_WORKER), moves the deadlines through the
# lifecycle's checks (rit_moves knows its moves: migration 0022), marks notices mailed
# and stores the rendered documents (rit_store_document: it alone, beside trusted
# maintenance)

#: every column: the whole table
ALL: tuple[str, ...] = ()


@dataclass(frozen=True)
class Policy:
    """A row-level security policy: ``command`` is ALL, SELECT, INSERT, UPDATE or DELETE;
    ``using`` filters the rows a command sees, ``check`` the rows it writes."""

    name: str
    command: str
    roles: tuple[str, ...]
    using: str | None = None
    check: str | None = None


@dataclass(frozen=True)
class Rights:
    """What the groups may do with one table (SELECT: everyone, unless ``select``)."""

    select: tuple[str, ...] = EVERYONE
    insert: tuple[str, ...] = ()
    update: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group -> columns
    delete: tuple[str, ...] = ()
    policies: tuple[Policy, ...] = ()


def _update(groups: tuple[str, ...], columns: tuple[str, ...] = ALL) -> dict[str, tuple[str, ...]]:
    return dict.fromkeys(groups, columns)


def _read_all() -> Policy:
    return Policy("rit_read", "SELECT", (*EVERYONE, WORKER), using="true")


def _with_worker(rights: Rights) -> Rights:
    """``rights`` and the worker's SELECT (a table its jobs read)."""
    return replace(rights, select=(*rights.select, WORKER))


#: the tables the worker's jobs read (deadlines, deliveries, documents); it reads nothing
#: else (not the staff, the ledger, the work, attachments or notes)
READ_BY_WORKER = ("settings", "customers", "requests", "quotes", "variations",
                  "low_credit_alerts", "notices", "charges", "charge_documents", "credit_notes",
                  "audit_events", "invoices")


MINE = "rit_request_is_mine(request_id)"  # assigned to the session, or to nobody yet
ASSIGNED = "rit_request_assigned_to_me(request_id)"
CUSTOMER_COLUMNS = ("address", "vat_number", "kind", "tax_code", "sdi_code", "pec", "street",
                    "postcode", "city", "province", "country", "version")
REQUEST_COLUMNS = ("assignee_id", "state", "priority", "decline_reason", "quote_total_cents",
                   "quote_valid_until", "updated_at", "closed_at", "version")

TABLES: dict[str, Rights] = {
    "alembic_version": Rights(select=(LOGIN,)),
    "role_names": Rights(select=(LOGIN,)),
    "settings": Rights(insert=(ADMIN,), update=_update((ADMIN,)), delete=(ADMIN,)),
    # staff records and logins change only through rit_staff_* (admin)
    "staff": Rights(),
    # a customer starts with no credit (trigger customers_guard); credit moves only
    # through rit_post_credit and rit_charge, services' status with it; who adds
    # customers keeps their address and fiscal data (customers set, migration 0019); an
    # admin also their email and low-credit alert (migration 0018)
    "customers": Rights(insert=(ADMIN, PORTAL),
                        update={ADMIN: (*CUSTOMER_COLUMNS, "low_credit_alert_cents", "email"),
                                PORTAL: CUSTOMER_COLUMNS}),
    # the low-credit alerts sent: the worker's alone (its login, or trusted maintenance)
    # (UPDATE of a column: a row lock needs it, held while the clearing is audited)
    "low_credit_alerts": Rights(insert=(WORKER,), update=_update((WORKER,), ("at",)),
                                delete=(WORKER,)),
    # a service's state moves only with the credit (rit_post) and the procedure's sweep
    # (rit_credit_sweep, migration 0024); who adds services keeps its billing basis
    "services": Rights(insert=(ADMIN, PORTAL),
                       update=_update((ADMIN, PORTAL), ("billing", "paid_until"))),
    # a technician changes only requests assigned to them, or takes a free one; only the
    # control panel answers for the customer; only rit_charge completes (trigger
    # requests_guard, which says so where a policy would hide the row)
    "requests": Rights(
        insert=(PORTAL,),
        update={**_update(WORKERS, REQUEST_COLUMNS),
                PORTAL: ("state", "closed_at", "updated_at", "version"),
                WORKER: ("state", "updated_at", "version")}),  # the expiry at the date
    "request_search": Rights(),  # kept by a trigger of the owner's
    # a sent quote is immutable; technicians quote their own (or free) requests (trigger
    # quotes_guard for changes, a policy for new quotes)
    "quotes": Rights(
        insert=WORKERS,
        update={**_update(WORKERS), PORTAL: ("state", "answered_at", "answer_reason", "version"),
                WORKER: ("state", "reminded_at", "version")},  # expiry, reminder
        delete=WORKERS,
        policies=(
            _read_all(),
            Policy("rit_draft_own", "INSERT", (TECH,), check=f"created_by_id = rit_me() AND {MINE}"),
            Policy("rit_draft", "INSERT", LEADS, check="created_by_id = rit_me()"),
            Policy("rit_change", "UPDATE", (*WORKERS, PORTAL, WORKER), using="true",
                   check="true"),
            Policy("rit_delete", "DELETE", WORKERS, using="true"),
        )),
    # a technician never prices a price-list item below its list price (trigger
    # quote_lines_list_price, migration 0017)
    "quote_lines": Rights(insert=WORKERS, update=_update(WORKERS), delete=WORKERS),
    # the price list: kept by team leads and admins, never deleted (an item is retired)
    "catalogue_items": Rights(
        insert=LEADS,
        update=_update(LEADS, ("description", "unit", "price_cents", "category", "active",
                               "updated_at", "version"))),
    # notes and attachments: added as oneself by staff who may work on the request (a
    # technician: on requests assigned to them or to nobody yet); never changed or
    # deleted, by anyone (part of the request's record, as the audit is)
    "request_notes": Rights(
        insert=WORKERS,
        policies=(
            _read_all(),
            Policy("rit_note_own", "INSERT", (TECH,), check=f"staff_id = rit_me() AND {MINE}"),
            Policy("rit_note", "INSERT", LEADS, check="staff_id = rit_me()"),
        )),
    "attachments": Rights(
        insert=WORKERS,
        policies=(
            _read_all(),
            Policy("rit_attach_own", "INSERT", (TECH,),
                   check=f"created_by_id = rit_me() AND {MINE}"),
            Policy("rit_attach", "INSERT", LEADS, check="created_by_id = rit_me()"),
        )),
    # work is logged as oneself, by a technician only on requests assigned to them; a
    # technician changes only their own entries (trigger work_entries_guard)
    "work_entries": Rights(
        insert=WORKERS, update=_update(WORKERS), delete=WORKERS,
        policies=(
            _read_all(),
            Policy("rit_log_own", "INSERT", (TECH,), check=f"staff_id = rit_me() AND {ASSIGNED}"),
            Policy("rit_log", "INSERT", LEADS, check="staff_id = rit_me()"),
            Policy("rit_change", "UPDATE", WORKERS, using="true", check="true"),
            Policy("rit_delete", "DELETE", WORKERS, using="true"),
        )),
    # proposed as oneself (a technician: on their own requests); answered by the control
    # panel only, withdrawn by staff while pending (triggers variations_guard, 0014)
    "variations": Rights(
        insert=WORKERS,
        update={**_update(WORKERS, ("state", "version")),
                PORTAL: ("state", "answered_at", "version"),
                WORKER: ("state", "answered_at", "reminded_at", "version")},  # lapse, reminder
        policies=(
            _read_all(),
            Policy("rit_propose_own", "INSERT", (TECH,),
                   check=f"proposed_by_id = rit_me() AND {ASSIGNED}"),
            Policy("rit_propose", "INSERT", LEADS, check="proposed_by_id = rit_me()"),
            Policy("rit_answer", "UPDATE", (*WORKERS, PORTAL, WORKER), using="true",
                   check="true"),
        )),
    # money: written only by rit_charge and rit_post_credit (rit_refund: credit notes)
    "charges": Rights(),
    "ledger_entries": Rights(),
    # the charge's facts are written by a trigger of the owner's with the charge, a
    # refund's by rit_refund; the rendered PDF only through rit_store_document (once)
    "charge_documents": Rights(),
    "credit_notes": Rights(),
    # invoices and credit notes, and their series: written only by the database's
    # triggers with the top-up, charge or refund (rit_invoice_issue), their files only
    # by trusted maintenance (the worker: rit_store_invoice); read as charge documents
    # are (migration 0026)
    "invoices": Rights(select=(LEAD, FINANCE, ADMIN)),
    "invoice_series": Rights(select=(LEAD, FINANCE, ADMIN)),
    # written only by the database: the server functions, and rit_log / rit_tell for
    # the app's events (time, actor and subject set there; the login by a trigger)
    "audit_events": Rights(),
    # the worker marks its deliveries (the delivery columns alone, migration 0018)
    "notices": Rights(update={WORKER: ("delivery_state", "attempts", "next_attempt_at",
                                       "last_error", "sent_at", "message_id")}),
}
TABLES.update({table: _with_worker(TABLES[table]) for table in READ_BY_WORKER})

#: server functions -> the groups that may call them (every other function: the owner)
FUNCTIONS: dict[str, tuple[str, ...]] = {
    # priced by the server (migration 0015): the request, who, the version and figures seen
    "rit_charge(integer, text, integer, bigint, bigint, bigint, timestamp)": WORKERS,
    # cancelled charging the work done so far: team leads and admins (migration 0023)
    "rit_cancel_charging(integer, text, text, integer, bigint, bigint, bigint, timestamp)":
        LEADS,
    "rit_post_credit(text, text, bigint, text, text, text, boolean, integer, timestamp)":
        (FINANCE, ADMIN, PORTAL),
    # refunds (credit notes): finance and admin (migration 0008)
    "rit_refund(integer, bigint, text, text, timestamp)": (FINANCE, ADMIN),
    # a rendered charge document or credit note, stored once, by the worker alone (it
    # renders them from their stored facts; the function refuses every other login but
    # trusted maintenance: migration 0022)
    "rit_store_document(text, integer, bytea, timestamp)": (WORKER,),
    "rit_staff_add(text, text, text, text, boolean, text, timestamp)": (ADMIN,),
    "rit_staff_set_role(text, text, text, timestamp)": (ADMIN,),
    "rit_staff_deactivate(text, text, timestamp)": (ADMIN,),
    "rit_staff_password(text, text, text, timestamp)": (LOGIN,),
    # the control panel login's password: an admin's (the function says who may: 0015)
    "rit_portal_password(text, text, text, timestamp)": (LOGIN,),
    # the staged credit procedure's steps that come with time (migration 0024)
    "rit_credit_sweep(timestamp)": (FINANCE, ADMIN, WORKER),
    # one more try at mailing a notice: team leads and admins (migration 0018)
    "rit_notice_retry(integer)": LEADS,
    "rit_whoami()": (LOGIN,),
    # where VAT is due; the number of the invoice a top-up or charge issued (migration 0026)
    "rit_vat_point()": (LOGIN,),
    "rit_invoice_number(integer, integer)": (LOGIN,),
    # an invoice's rendered PDF and XML: the worker's (the function checks it too)
    "rit_store_invoice(integer, bytea, bytea, text, timestamp)": (WORKER,),
    # used in policies and triggers, which run with the caller's rights
    "rit_role(text)": (LOGIN,),
    "rit_trusted()": (LOGIN,),
    "rit_is_portal()": (LOGIN,),
    "rit_privileged()": (LOGIN,),
    "rit_me()": (LOGIN,),
    "rit_is_technician()": (LOGIN,),
    "rit_request_is_mine(integer)": (LOGIN,),
    "rit_request_assigned_to_me(integer)": (LOGIN,),
    "rit_quote_is_mine(integer)": (LOGIN,),
    "rit_fail(text, text, jsonb)": (LOGIN,),
    # the lifecycle (migration 0014): the app's audit events and notices, written by
    # the database; the triggers' helpers
    "rit_log(text, integer, integer, text, text, timestamp)": (LOGIN,),
    "rit_tell(text, integer, integer, text, timestamp)": (LOGIN,),
    "rit_refuse(text, text, jsonb)": (LOGIN,),
    "rit_is_lead()": (LOGIN,),
    "rit_now()": (LOGIN,),
    "rit_moves(text, text, text, jsonb)": (LOGIN,),
    "rit_is_worker()": (LOGIN,),  # migration 0022
}


class PrivilegeError(Exception):
    """The database has a table this scheme does not know."""


def role_names(connection: Connection) -> dict[str, str]:
    """Group -> role name, as stored in the database (empty before migration 0007)."""
    if connection.execute(text("SELECT to_regclass('role_names')")).scalar() is None:
        return {}
    return dict(connection.execute(text("SELECT role, name FROM role_names")).tuples().all())


def apply(connection: Connection) -> dict[str, str]:
    """Create the group roles if needed and grant exactly :data:`TABLES` and
    :data:`FUNCTIONS` (PostgreSQL). Run by a superuser or a login that may create roles
    (``rit-desk init``); returns the role names."""
    names = role_names(connection)
    if not names:
        raise PrivilegeError("the schema has no role names: migrate it first")
    q = quote
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    unknown = sorted(set(_tables(connection, schema)) - set(TABLES))
    if unknown:
        raise PrivilegeError(f"no privileges defined for table(s) {', '.join(unknown)}: "
                             "add them to app/db/privileges.py")
    run = lambda sql: connection.execute(text(sql))  # noqa: E731
    _create_roles(connection, names)
    owner, login = q(names[OWNER]), q(names[LOGIN])
    database = q(connection.execute(text("SELECT current_database()")).scalar_one())
    groups = [q(names[g]) for g in GROUPS if g != OWNER]
    everyone = ", ".join(["PUBLIC", *groups])

    run(f"REVOKE CREATE ON SCHEMA {q(schema)} FROM PUBLIC")
    run(f"GRANT USAGE, CREATE ON SCHEMA {q(schema)} TO {owner}")
    run(f"GRANT USAGE ON SCHEMA {q(schema)} TO {login}")
    run(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC")
    run(f"GRANT CONNECT ON DATABASE {database} TO {login}")
    for kind, name in _owned_objects(connection, schema):
        run(f"ALTER {kind} {name} OWNER TO {owner}")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {q(schema)} FROM {everyone}")
    run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {q(schema)} FROM {everyone}")
    for signature in _functions(connection, schema):
        run(f"REVOKE ALL ON FUNCTION {signature} FROM {everyone}")
    _revoke_large_objects(connection)

    present = set(_tables(connection, schema))
    for table, rights in TABLES.items():
        if table not in present:
            continue  # a table of the other database (none today) or not yet created
        _grant_table(connection, names, table, rights)
    for signature, allowed in FUNCTIONS.items():
        run(f"GRANT EXECUTE ON FUNCTION {signature} TO {', '.join(q(names[g]) for g in allowed)}")
    return names


def _revoke_large_objects(connection: Connection) -> None:
    """No login may create, write or read large objects in this database (unbounded
    storage outside every table, with no trace): their functions are revoked from PUBLIC.
    Only a superuser may (PostgreSQL's bootstrap superuser owns them); an ``init`` run by
    the owner role leaves them as they are."""
    superuser = connection.execute(text(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
    if not superuser:
        return
    for signature in connection.execute(text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "WHERE p.pronamespace = 'pg_catalog'::regnamespace "
            "AND (p.proname LIKE 'lo\\_%' OR p.proname IN ('loread', 'lowrite'))")).scalars():
        connection.execute(text(f"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC"))


def quote(identifier: str) -> str:
    """An identifier quoted for SQL (role and table names come from our own tables)."""
    return '"' + identifier.replace('"', '""') + '"'


def _tables(connection: Connection, schema: str) -> list[str]:
    return list(connection.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s AND c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM "
        "pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"), {"s": schema}).scalars())


def _functions(connection: Connection, schema: str) -> list[str]:
    """Every function of the schema that is not an extension's, as a signature."""
    return list(connection.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON "
        "n.oid = p.pronamespace WHERE n.nspname = :s AND NOT EXISTS (SELECT 1 FROM pg_depend d "
        "WHERE d.objid = p.oid AND d.deptype = 'e')"), {"s": schema}).scalars())


def _owned_objects(connection: Connection, schema: str) -> list[tuple[str, str]]:
    """(kind, name) of the schema's objects not yet the owner's: tables, views, sequences
    not owned by a column, functions; never an extension's."""
    rows = connection.execute(text("""
        SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                              WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
               c.oid::regclass::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = :s AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                          AND d.deptype IN ('e', 'a', 'i'))
        UNION ALL
        SELECT 'FUNCTION', p.oid::regprocedure::text
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = :s
          AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    """), {"s": schema, "owner": role_names(connection)[OWNER]}).tuples().all()
    return list(rows)


def _create_roles(connection: Connection, names: dict[str, str]) -> None:
    existing = set(connection.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": list(names.values())}
    ).scalars())
    if names[LOGIN] in existing:  # roles of that name are ours unless another database uses them
        elsewhere = connection.execute(text(
            "SELECT d.datname FROM pg_database d, aclexplode(d.datacl) a, pg_roles r "
            "WHERE r.rolname = :login AND a.grantee = r.oid AND d.datname <> current_database()"
        ), {"login": names[LOGIN]}).scalars().first()
        if elsewhere is not None:
            raise PrivilegeError(f"the role {names[LOGIN]} already serves the database "
                                 f"{elsewhere}: its roles cannot be shared")
    for group in GROUPS:
        name = names[group]
        if name not in existing:
            extra = " CREATEROLE" if group == OWNER else ""
            connection.execute(text(f"CREATE ROLE {quote(name)} NOLOGIN{extra}"))
    # the portal's logins, the worker's and every staff login connect through the login group
    connection.execute(text(f"GRANT {quote(names[LOGIN])} TO {quote(names[PORTAL])}"))
    connection.execute(text(f"GRANT {quote(names[LOGIN])} TO {quote(names[WORKER])}"))
    superuser = connection.execute(text(
        "SELECT rolsuper FROM pg_roles WHERE rolname = session_user")).scalar_one()
    if not superuser:  # whoever runs init stays trusted maintenance
        connection.execute(text(f"GRANT {quote(names[OWNER])} TO session_user"))
    version = int(connection.execute(text("SHOW server_version_num")).scalar_one())
    if version >= 160000:  # PostgreSQL 16: granting a role needs its ADMIN OPTION
        for group in GROUPS:
            if group != OWNER:
                connection.execute(text(
                    f"GRANT {quote(names[group])} TO {quote(names[OWNER])} WITH ADMIN OPTION"))


def _grant_table(connection: Connection, names: dict[str, str], table: str,
                 rights: Rights) -> None:
    run = lambda sql: connection.execute(text(sql))  # noqa: E731
    role = lambda group: quote(names[group])  # noqa: E731
    t = quote(table)
    if rights.select:
        run(f"GRANT SELECT ON {t} TO {', '.join(role(g) for g in rights.select)}")
    if rights.insert:
        run(f"GRANT INSERT ON {t} TO {', '.join(role(g) for g in rights.insert)}")
    for group, columns in rights.update.items():
        cols = f" ({', '.join(quote(c) for c in columns)})" if columns else ""
        run(f"GRANT UPDATE{cols} ON {t} TO {role(group)}")
    if rights.delete:
        run(f"GRANT DELETE ON {t} TO {', '.join(role(g) for g in rights.delete)}")
    if rights.insert:
        for sequence in connection.execute(text(
                "SELECT pg_get_serial_sequence(:t, a.attname) FROM pg_attribute a "
                "WHERE a.attrelid = to_regclass(:t) AND a.attnum > 0 AND NOT a.attisdropped "
                "AND pg_get_serial_sequence(:t, a.attname) IS NOT NULL"), {"t": table}).scalars():
            run(f"GRANT USAGE ON SEQUENCE {sequence} TO "
                f"{', '.join(role(g) for g in rights.insert)}")
    for policy in connection.execute(text(
            "SELECT policyname FROM pg_policies WHERE tablename = :t AND schemaname = "
            "current_schema()"), {"t": table}).scalars().all():
        run(f"DROP POLICY {quote(policy)} ON {t}")
    if not rights.policies:
        run(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY")
        return
    run(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    for policy in rights.policies:
        sql = (f"CREATE POLICY {quote(policy.name)} ON {t} FOR {policy.command} "
               f"TO {', '.join(role(g) for g in policy.roles)}")
        if policy.using is not None:
            sql += f" USING ({policy.using})"
        if policy.check is not None:
            sql += f" WITH CHECK ({policy.check})"
        run(sql)


def drop_roles(connection: Connection, names: Mapping[str, str]) -> None:
    """Drop a database's group roles (after the database itself was dropped)."""
    for group in reversed(GROUPS):
        name = names.get(group)
        if name:
            connection.execute(text(f"DROP ROLE IF EXISTS {quote(name)}"))


def _plain_login(connection: Connection, login: str) -> bool:
    """Make ``login`` a plain login if it is no role yet (True: made now); refuse an
    existing role that is not a plain login."""
    role = connection.execute(text(
        "SELECT rolcanlogin, rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication "
        "OR rolbypassrls FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    if role is None:
        connection.execute(text(f"CREATE ROLE {quote(login)} LOGIN"))
        return True
    if not role[0] or role[1]:
        raise PrivilegeError(f"the role {login} is not a plain login")
    return False


def link_portal(connection: Connection, login: str) -> None:
    """Make ``login`` (a new role, or an existing plain login) a login of the control
    panel: a member of the ``portal`` group."""
    names = role_names(connection)
    _plain_login(connection, login)
    connection.execute(text(f"GRANT {quote(names[PORTAL])} TO {quote(login)}"))


def link_worker(connection: Connection, login: str) -> None:
    """Make ``login`` (a new role, or an existing plain login of no staff role and not the
    control panel's) a login of the worker: a member of the ``worker`` group."""
    names = role_names(connection)
    if not _plain_login(connection, login):
        other = connection.execute(text(
            "SELECT g.rolname FROM pg_auth_members am JOIN pg_roles u ON u.oid = am.member "
            "JOIN pg_roles g ON g.oid = am.roleid WHERE u.rolname = :r AND g.rolname = ANY(:g)"),
            {"r": login, "g": [names[g] for g in (OWNER, *STAFF_GROUPS, PORTAL)]}).scalars().first()
        if other is not None:
            raise PrivilegeError(f"the login {login} is a member of {other}: the worker's login "
                                 "is of its own (no staff role, not the control panel)")
    connection.execute(text(f"GRANT {quote(names[WORKER])} TO {quote(login)}"))
