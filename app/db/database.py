"""The central database: engine, one transaction per use case, schema migrations.

What every connection gets is in :mod:`app.db.connection_hooks`, the readable errors in
:mod:`app.db.driver_errors`, the migration scripts read as text in
:mod:`app.db.migration_scripts`; their public names are named from here too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar, Token
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError

from app.config import shown_url
from app.db.connection_hooks import (  # noqa: F401 - refuse_nul: named from here too
    create_private,
    refuse_nul,
    refuse_nul_listener,
    sqlite_on_begin,
    sqlite_on_connect,
)
from app.db.driver_errors import first_line, translate_error
from app.db.identity import WORKSTATION, Identity
from app.db.migration_scripts import MIGRATIONS, migration_head, migration_revisions
from app.domain.documents import QuoteRenderer
from app.domain.errors import (
    DatabaseRefused,
    DatabaseUnavailable,
    PermissionDenied,
    RitError,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


def utcnow() -> datetime:
    """Naive UTC, the one time zone stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def describe(url: URL) -> str:
    """A URL fit for messages and logs: never the password."""
    return shown_url(url)


class Database:
    """A handle on the central database shared by every use case.

    ``clock`` gives "now" (naive UTC) so tests and the demo loader can move time;
    ``renderer`` turns a quote document into PDF bytes when a quote is sent.
    """

    def __init__(
        self,
        url: str | URL,
        *,
        clock: Callable[[], datetime] = utcnow,
        renderer: QuoteRenderer | None = None,
        pool_size: int = 5,
        echo: bool = False,
    ) -> None:
        self.url = make_url(url)
        self.clock = clock
        self.renderer = renderer
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.engine = self._create_engine(pool_size, echo)
        event.listen(self.engine, "before_cursor_execute", refuse_nul_listener)
        # The ORM (sqlalchemy.orm, ~0.1 s to import) is loaded with the first session: the
        # first window is drawn from Core reads (app.services.first_reads) before that.
        self._session_factory: sessionmaker[Session] | None = None
        self._identity: Identity | None = WORKSTATION if self.is_sqlite else None

    def _sessions(self) -> Session:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            self._session_factory = sessionmaker(self.engine, expire_on_commit=False,
                                                 autoflush=True, info={"rit_db": self})
        return self._session_factory()

    def _create_engine(self, pool_size: int, echo: bool) -> Engine:
        if self.is_sqlite:
            database = self.url.database
            if database and database != ":memory:":
                try:
                    # the embedded database is one person's: its folder and file are theirs
                    # alone (SQLite gives its -wal and -shm files the file's permissions)
                    Path(database).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                except OSError as exc:
                    raise DatabaseUnavailable.of(
                        "cannot create the folder of {database}: {strerror}",
                        database=database, strerror=exc.strerror
                    ) from None
            engine = create_engine(
                self.url,
                echo=echo,
                connect_args={"timeout": 30, "isolation_level": None, "check_same_thread": False},
            )
            if database and database != ":memory:":
                event.listen(engine, "do_connect", partial(create_private, Path(database)))
            event.listen(engine, "connect", sqlite_on_connect)
            event.listen(engine, "begin", sqlite_on_begin)
            return engine
        kwargs: dict[str, Any] = {
            "connect_timeout": 5, "application_name": "rit-desk",
            # an idle connection to a server the network lost (no reset ever comes) fails
            # within about a minute instead of never: the listening connection of the main
            # window is idle by nature (ui/live_updates.py)
            "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
            "keepalives_count": 3,
        }
        engine = create_engine(
            self.url,
            echo=echo,
            pool_size=pool_size,
            max_overflow=pool_size,
            connect_args=kwargs,
        )
        # The pool's pre-ping at every checkout; the charge path skips it for a connection
        # used in the last second (driver_autocommit: one round trip a charge less)
        event.listen(engine.pool, "connect", _note_used)
        event.listen(engine.pool, "checkin", _note_used)
        event.listen(engine.pool, "checkout", partial(_ping_if_idle, engine))
        return engine

    # -- time --------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # -- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One use case, one transaction: commit on success, roll back on any error.

        Database failures become :class:`RitError` subclasses with a readable message
        (see :meth:`translate`); a rollback or close that fails because the connection
        is gone is not a second error.
        """
        session = self._sessions()
        committing = False
        try:
            if self.is_sqlite:
                # Writers take SQLite's write lock up front: no lock upgrades, no deadlocks.
                session.connection(execution_options={"rit_write": write})
            yield session
            session.flush()
            committing = True
            session.commit()
        except BaseException as exc:
            _quietly(session.rollback)
            error = self.translate(exc)
            if error is None or error is exc:
                raise
            if committing and write and not self.is_sqlite and isinstance(error, DatabaseUnavailable):
                # The server went away while committing: whether it did is unknown
                # (SQLite's commit is atomic on the spot: it either happened or raised).
                error = DatabaseUnavailable.of(
                    "the connection to {database} was lost while saving: the change may have "
                    "been saved or not; reload and check before saving again ({detail})",
                    database=describe(self.url), detail=error.params.get("detail", ""))
                error.maybe_committed = True
            raise error from None
        finally:
            _quietly(session.close)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A read-only transaction at SQLAlchemy's Core level (no ORM session), for the
        few reads written in plain SQL; errors as in :meth:`transaction`."""
        with self._translated(), self.engine.connect() as connection:
            if self.is_sqlite:
                connection = connection.execution_options(rit_write=False)
            with connection.begin():
                yield connection

    @contextmanager
    def autocommit(self) -> Iterator[Connection]:
        """A connection whose every statement is its own transaction (PostgreSQL).

        For a use case that is one statement, such as a server function that moves
        money: one round trip, no BEGIN and COMMIT of its own. Errors as in
        :meth:`transaction`.
        """
        with self._translated(), self.engine.connect() as connection:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def driver_autocommit(self) -> Iterator[Any]:
        """PostgreSQL: the driver's own connection (psycopg), in autocommit, for the few
        fixed statements of the charge path, run thousands of times an hour: there
        SQLAlchemy's execution layer (parameters, result set-up, events) costs more
        client CPU than psycopg itself. Driver errors become SQLAlchemy's, then readable
        as everywhere (:meth:`translate`); a connection the driver found broken leaves
        the pool. No text with a NUL goes through it (:func:`refuse_nul`)."""
        import psycopg

        recent: Token[bool] | None = _RECENT_IS_ALIVE.set(True)  # no ping if used just now
        try:
            with self.autocommit() as connection:
                _RECENT_IS_ALIVE.reset(recent)  # type: ignore[arg-type]
                recent = None
                raw = connection.connection.driver_connection
                try:
                    yield raw
                except psycopg.Error as exc:
                    if raw is None or raw.broken or raw.closed:
                        connection.invalidate()
                    raise DBAPIError.instance(None, None, exc, psycopg.Error) from None
        finally:
            if recent is not None:
                _RECENT_IS_ALIVE.reset(recent)

    # -- who is signed in ----------------------------------------------------------------
    def identity(self) -> Identity:
        """Who the database says this session is (asked once, then kept)."""
        if self._identity is None:
            with self._translated(), self.engine.connect() as connection:
                self._identity = _read_identity(connection)
        return self._identity

    def acting(self, actor: str | None) -> str | None:
        """The staff member a use case acts for.

        On PostgreSQL the acting user is the login itself; only trusted maintenance (a
        superuser or a member of the schema's owner role) may name someone else, or no
        one. On SQLite the workstation's owner is trusted. ``None``: trusted maintenance
        acting for nobody in particular.
        """
        identity = self.identity()
        if identity.trusted:
            return actor
        if actor is not None and actor != identity.login:
            raise PermissionDenied.of("you are signed in as {login}", login=identity.login)
        return identity.login

    def translate(self, exc: BaseException) -> RitError | None:
        """The readable error for a database failure (None: not a database failure).

        Every way in to the database goes through here (:meth:`transaction` and the
        engine-level methods below), so no driver error reaches a user as a traceback.
        """
        return translate_error(exc, self.url)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Engine-level work (outside :meth:`transaction`): the same readable errors."""
        try:
            yield
        except Exception as exc:
            error = self.translate(exc)
            if error is None or error is exc:
                raise
            raise error from None

    def read(self) -> AbstractContextManager[Session]:
        """A read-only transaction (same as :meth:`transaction`, without the write lock)."""
        return self.transaction(write=False)

    def check_connection(self) -> None:
        """Raise :class:`DatabaseUnavailable` if the server cannot be reached or refuses us."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            raise DatabaseUnavailable.of(
                "cannot connect to {database}: {detail}",
                database=describe(self.url), detail=first_line(exc.orig)
            ) from None

    # -- schema --------------------------------------------------------------------------
    def upgrade_schema(self) -> None:
        """Create or upgrade the schema to the newest Alembic revision."""
        from alembic import command
        from alembic.config import Config
        from alembic.util.exc import CommandError

        self.check_connection()
        with self._translated():
            self._refuse_unknown_revision()
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            try:
                with self.engine.begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                    if not self.is_sqlite:
                        self._apply_privileges(connection)
            except CommandError as exc:  # e.g. a revision only a newer version knows
                raise DatabaseRefused.of("the database schema cannot be upgraded: {detail}",
                                         detail=first_line(exc)) from None
        if not self.is_sqlite:
            self._identity = None  # the roles may be new: ask again

    def _apply_privileges(self, connection: Connection) -> None:
        from app.db import privileges

        try:
            privileges.apply(connection)
        except privileges.PrivilegeError as exc:
            raise DatabaseRefused.of("the privileges cannot be applied: {detail}",
                                     detail=str(exc)) from None

    def schema_is_current(self) -> bool:
        """Whether the schema is at the newest migration.

        One query on ``alembic_version`` against the head read from the migration scripts
        as text: importing Alembic to ask it (about 0.25 s) is only paid when a migration
        actually has to run, or when the scripts are not a plain chain. A revision this
        version of RIT Desk does not know (a newer one migrated the database) is refused.
        """
        head = migration_head()
        if head is None:
            return self._schema_is_current_by_alembic()
        with self._translated():
            versions = self._stored_revisions()
            if versions is None:
                return False
            if versions == [head]:
                return True
            self._refuse_unknown_revision(versions)
            return False

    def _stored_revisions(self) -> list[str] | None:
        """The revisions in ``alembic_version`` (None: no such table)."""
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return list(connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalars().all())

    def _refuse_unknown_revision(self, versions: list[str] | None = None) -> None:
        stored = self._stored_revisions() if versions is None else versions
        known = migration_revisions()
        for revision in stored or ():
            if known is not None and revision not in known:
                raise DatabaseRefused.of(
                    "the database schema is at revision {revision}, which this version of "
                    "RIT Desk does not know: a newer version migrated it, use that one",
                    revision=revision)

    def _schema_is_current_by_alembic(self) -> bool:
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        with self._translated():
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            head = ScriptDirectory.from_config(config).get_current_head()
            with self.engine.connect() as connection:
                current = MigrationContext.configure(connection).get_current_revision()
            return current == head

    def dispose(self) -> None:
        self.engine.dispose()


def _read_identity(connection: Connection) -> Identity:
    """The session's identity on PostgreSQL (before migration 0007: superuser or not)."""
    migrated, login, superuser = connection.exec_driver_sql(
        "SELECT to_regprocedure('rit_whoami()') IS NOT NULL, session_user, "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user)").one()
    if not migrated:
        return Identity(str(login), bool(superuser))
    trusted, portal, name, role, active, worker = connection.exec_driver_sql(
        "SELECT trusted, portal, name, role, active, coalesce(pg_has_role(session_user, "
        "to_regrole(rit_role('worker')), 'MEMBER'), false) FROM rit_whoami()").one()
    return Identity(str(login), bool(trusted), bool(portal), name, role, bool(active),
                    bool(worker))


def _quietly(action: Callable[[], object]) -> None:
    """Roll back or close a session whose connection may be gone: the transaction is
    void either way, and the error that brought us here is the one to report."""
    try:
        action()
    except Exception:
        return


#: the charge path (Database.driver_autocommit) pings a pooled connection only when it
#: was idle for longer than this; every other checkout pings
PING_AFTER_IDLE = 1.0
_RECENT_IS_ALIVE: ContextVar[bool] = ContextVar("rit_recent_is_alive", default=False)


def _note_used(_dbapi_connection: Any, record: Any, *_args: Any) -> None:
    if record is not None:
        record.info["rit_used"] = time.monotonic()


def _ping_if_idle(engine: Engine, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """The pool's pre-ping (a dead connection is replaced before anyone uses it). On the
    charge path, not for a connection used in the last :data:`PING_AFTER_IDLE` seconds:
    it worked a moment ago, and a connection dropped since fails that charge's first
    statement (nothing written, the readable "cannot be used", the connection replaced),
    as one dropped between a ping and the statement would."""
    used = record.info.get("rit_used")
    if (_RECENT_IS_ALIVE.get() and used is not None
            and time.monotonic() - used < PING_AFTER_IDLE):
        return
    try:
        engine.dialect.do_ping(dbapi_connection)
    except Exception as exc:
        raise DisconnectionError(f"the pooled connection is gone: {exc}") from exc
    record.info["rit_used"] = time.monotonic()
