"""Fixtures for the GUI tests: a small database made through the services, a signed-in
context, and settings/caches kept in the test's temporary directory."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from app.db.database import Database
from app.domain.documents import QuoteDocument
from app.services import customers, quotes, requests, staff, work
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import (
    WAIT_MS,  # noqa: F401 - the GUI tests' deadline of every Qt wait
    sqlite_copy,
)
from ui import i18n
from ui.context import AppContext


def fake_render(document: QuoteDocument) -> bytes:
    return b"%PDF-1.4 fake " + document.reference.encode()


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings, the translation cache and the embedded database never touch the user's."""
    base = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(base))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.delenv("RIT_DESK_DB", raising=False)
    yield base


@dataclass
class Discards:
    """The questions the dialogs asked (their titles and texts), and the answer given:
    before discarding changed entries, before recording a top-up."""

    asked: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def discards(monkeypatch: pytest.MonkeyPatch) -> Discards:
    """No modal question of a dialog (ServiceDialog.ask_user) blocks a test: closing a
    dialog with changed entries (a test's end closes its widgets), or recording a top-up,
    is answered ``answer`` (Yes) and noted."""
    record = Discards()

    def answer(_parent: object, title: str, text: str) -> bool:
        record.asked.append(title)
        record.texts.append(text)
        return record.answer

    monkeypatch.setattr("ui.dialogs.base.ask", answer)
    return record


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "rit-desk.ini"), QSettings.Format.IniFormat)


@dataclass
class Desk:
    """A database with staff of every role, two customers and requests in several states."""

    db: Database
    lead: str = "lea"
    tech: str = "tom"
    tech2: str = "tina"
    finance: str = "fin"
    admin: str = "adm"
    customer: str = "C001"
    poor: str = "C002"
    service: str = "web01"
    numbers: dict[str, int] = field(default_factory=dict)

    def new_request(self, subject: str = "Install PHP 8.3", *, customer: str | None = None,
                    category: str = "software", priority: str = "normal") -> int:
        return requests.submit_request(self.db, customer or self.customer, service=self.service,
                                       category=category, subject=subject, priority=priority)

    def taken(self, subject: str, actor: str | None = None, **kw: str) -> int:
        number = self.new_request(subject, **kw)
        requests.take_request(self.db, actor or self.tech, number)
        return number

    def draft(self, number: int, actor: str | None = None, net: str = "100.00") -> int:
        data = QuoteInput("fixed", self.db.today() + timedelta(days=30),
                          lines=[LineInput("Work", "1", net)])
        return quotes.create_quote(self.db, actor or self.tech, number, data).id

    def accepted(self, subject: str, *, kind: str = "fixed", actor: str | None = None,
                 customer: str | None = None) -> int:
        who = actor or self.tech
        number = self.taken(subject, who, customer=customer or self.customer)
        if kind == "fixed":
            data = QuoteInput("fixed", self.db.today() + timedelta(days=30),
                              lines=[LineInput("Work", "1", "100.00")])
        else:
            data = QuoteInput("hourly", self.db.today() + timedelta(days=30),
                              hourly_rate="60", estimated_hours="2")
        quote = quotes.create_quote(self.db, who, number, data)
        sent = quotes.send_quote(self.db, self.lead, quote.id)
        quotes.accept_quote(self.db, sent.id)
        return number

    def ctx(self, username: str, lang: str = "en") -> AppContext:
        return AppContext(self.db, staff.get_staff(self.db, username), lang)


def make_desk(db: Database) -> Desk:
    d = Desk(db)
    staff.add_staff(db, None, d.admin, name="Ada Admin", role="admin", login=False)
    staff.add_staff(db, d.admin, d.lead, name="Lea Lead", role="team_lead", login=False)
    staff.add_staff(db, d.admin, d.tech, name="Tom Tech", role="technician", login=False)
    staff.add_staff(db, d.admin, d.tech2, name="Tina Tech", role="technician", login=False)
    staff.add_staff(db, d.admin, d.finance, name="Fin Ance", role="finance", login=False)
    customers.add_customer(db, d.admin, d.customer, name="Rossi S.r.l.", credit_amount="5000")
    customers.add_service(db, d.admin, d.customer, name=d.service)
    customers.add_customer(db, d.admin, d.poor, name="Bianchi SNC", credit_amount="50")
    customers.add_service(db, d.admin, d.poor, name=d.service)
    n = d.numbers
    n["new"] = d.new_request("Renew the SSL certificate", category="ssl", priority="urgent")
    n["new2"] = d.new_request("Zabbix agent", customer=d.poor, category="other", priority="low")
    n["evaluating"] = d.taken("Harden SSH access", category="hardening")
    n["draft"] = d.taken("Tune MySQL buffers", category="tuning")
    d.draft(n["draft"])
    n["quoted"] = d.taken("Backup to cloud storage", category="backup")
    sent = quotes.send_quote(db, d.lead, d.draft(n["quoted"]))
    assert sent.state == "sent"
    n["accepted"] = d.accepted("Migrate the website", kind="hourly")
    n["in_progress"] = d.accepted("Install Plesk", actor=d.tech2)
    work.log_work(db, d.tech2, n["in_progress"], hours="1:30", note="first pass")
    return d


@dataclass(frozen=True)
class DeskTemplate:
    """The database make_desk makes, made once for the run, and its requests' numbers."""

    path: Path
    numbers: dict[str, int]


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory,
                  migrated_sqlite: Path) -> DeskTemplate:
    path = tmp_path_factory.mktemp("desk") / "desk.sqlite3"
    db = Database(sqlite_copy(migrated_sqlite, path), renderer=fake_render)
    try:
        numbers = dict(make_desk(db).numbers)
    finally:
        db.dispose()  # the write-ahead log folded into the file
    return DeskTemplate(path, numbers)


@pytest.fixture
def desk_db(tmp_path: Path, migrated_sqlite: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database (a copy of the run's migrated file)."""
    db = Database(sqlite_copy(migrated_sqlite, tmp_path / "desk.sqlite3"), renderer=fake_render)
    yield db
    db.dispose()


@pytest.fixture
def desk(desk_db: Database, desk_template: DeskTemplate) -> Desk:
    """``make_desk(desk_db)``, as a copy of the run's desk (made once: some 30 use cases,
    about a second a test at load 8): the same people, requests and numbers."""
    desk_db.dispose()  # nothing of the file it replaces stays open
    sqlite_copy(desk_template.path, Path(str(desk_db.url.database)))
    return Desk(desk_db, numbers=dict(desk_template.numbers))


def _installed(lang: str) -> Iterator[None]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, lang)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy) if lang == "it"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        yield
    finally:
        i18n.uninstall(app, installed)
        QLocale.setDefault(before)


@pytest.fixture
def italian(qapp: object) -> Iterator[None]:
    """The Italian translation installed, as the app installs it."""
    yield from _installed("it")


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    """English as the app runs it (plurals: "1 request", "2 requests")."""
    yield from _installed("en")


@dataclass
class Server:
    """The test server's database, with logins named for the run (dropped at the end)."""

    url: URL
    run: str
    made: list[str]

    def login(self, key: str, *, role: str | None = "technician", active: bool = True,
              can_log_in: bool = True) -> str:
        """A login; with ``role`` a staff member of that role, else just a login."""
        name = f"{self.run}_{key}"
        self.made.append(name)
        db = Database(self.url)
        try:
            if role is not None:
                staff.add_staff(db, None, name, name=key.title(), role=role)
                if not active:
                    staff.deactivate(db, None, name)
            with db.engine.begin() as conn:
                if role is None:
                    conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))
                if not can_log_in:
                    conn.execute(text(f'ALTER ROLE "{name}" NOLOGIN'))
        finally:
            db.dispose()
        return name


@pytest.fixture
def server(pg_url: str) -> Iterator[Server]:
    made: list[str] = []
    yield Server(make_url(pg_url), f"sd{secrets.token_hex(3)}", made)
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        for name in made:
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    engine.dispose()
