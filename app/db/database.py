"""The central database: engine, one transaction per use case, schema migrations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.documents import QuoteRenderer
from app.domain.errors import ConflictError, DatabaseUnavailable, RitError

MIGRATIONS = Path(__file__).with_name("migrations")


def utcnow() -> datetime:
    """Naive UTC, the one time zone stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def describe(url: URL) -> str:
    """A URL fit for messages and logs: never the password."""
    return url.render_as_string(hide_password=True)


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
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)

    def _create_engine(self, pool_size: int, echo: bool) -> Engine:
        if self.is_sqlite:
            database = self.url.database
            if database and database != ":memory:":
                try:
                    Path(database).parent.mkdir(parents=True, exist_ok=True)
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
            event.listen(engine, "connect", _sqlite_on_connect)
            event.listen(engine, "begin", _sqlite_on_begin)
            return engine
        kwargs: dict[str, Any] = {"connect_timeout": 5, "application_name": "rit-desk"}
        return create_engine(
            self.url,
            echo=echo,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=True,
            connect_args=kwargs,
        )

    # -- time --------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # -- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One use case, one transaction: commit on success, roll back on any error.

        Database failures become :class:`RitError` subclasses with a readable message.
        """
        session = self._sessions()
        try:
            if self.is_sqlite:
                # Writers take SQLite's write lock up front: no lock upgrades, no deadlocks.
                session.connection(execution_options={"rit_write": write})
            yield session
            session.commit()
        except RitError:
            session.rollback()
            raise
        except StaleDataError:
            session.rollback()
            raise ConflictError.of(
                "another workstation changed this record in the meantime: reload and try again"
            ) from None
        except IntegrityError as exc:
            session.rollback()
            raise ConflictError.of(
                "the change conflicts with data saved in the meantime: reload and try again ({detail})",
                detail=_first_line(exc.orig)
            ) from None
        except (OperationalError, InterfaceError) as exc:
            session.rollback()
            raise DatabaseUnavailable.of(
                "the database {database} cannot be used: {detail}",
                database=describe(self.url), detail=_first_line(exc.orig)
            ) from None
        except DBAPIError as exc:
            session.rollback()
            raise DatabaseUnavailable.of("database error: {detail}", detail=_first_line(exc.orig)) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

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
                database=describe(self.url), detail=_first_line(exc.orig)
            ) from None

    # -- schema --------------------------------------------------------------------------
    def upgrade_schema(self) -> None:
        """Create or upgrade the schema to the newest Alembic revision."""
        from alembic import command
        from alembic.config import Config

        self.check_connection()
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def schema_is_current(self) -> bool:
        """Whether the schema is at the newest migration.

        One query on ``alembic_version`` against the head read from the migration scripts
        as text: importing Alembic to ask it (about 0.25 s) is only paid when a migration
        actually has to run, or when the scripts are not a plain chain.
        """
        head = migration_head()
        if head is None:
            return self._schema_is_current_by_alembic()
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return False
            versions = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalars().all()
        return list(versions) == [head]

    def _schema_is_current_by_alembic(self) -> bool:
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        return current == head

    def dispose(self) -> None:
        self.engine.dispose()


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]+)?=\s*(?:["']([^"']+)["']|None)\s*$""",
                       re.MULTILINE)


@cache
def migration_head(versions: Path = MIGRATIONS / "versions") -> str | None:
    """The newest revision of a plain chain of migration scripts, read as text.

    ``None`` when the scripts are not one simple chain (a merge, a branch, a revision
    written some other way): then only Alembic can tell.
    """
    parents: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        found = {m.group(1): m.group(2) for m in _REVISION.finditer(script.read_text("utf-8"))}
        revision = found.get("revision")
        if revision is None or "down_revision" not in found:
            return None
        parents[revision] = found["down_revision"]
    children = set(parents.values())
    heads = [r for r in parents if r not in children]
    roots = [r for r, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or any(
            p is not None and p not in parents for p in parents.values()):
        return None
    return heads[0]


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    write = conn.get_execution_options().get("rit_write", True)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
