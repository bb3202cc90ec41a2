"""A small database made through the use cases, for driving the dialogs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db.database import Database
from app.services import customers, quotes, requests, staff, work
from app.services.quotes import LineInput, QuoteInput
from reports.quote_pdf import render_quote
from tests.conftest import sqlite_copy
from ui.i18n import I18N_DIR, compile_ts


@dataclass
class World:
    db: Database
    lead: str = "lea"
    tech: str = "tom"
    tech2: str = "tina"
    finance: str = "fin"
    admin: str = "adm"
    customer: str = "C001"
    poor: str = "C002"
    service: str = "web01"

    def new_request(self, customer: str | None = None, subject: str = "Install PHP 8.3") -> int:
        return requests.submit_request(self.db, customer or self.customer, service=self.service,
                                       category="software", subject=subject)

    def taken(self, actor: str | None = None, customer: str | None = None) -> int:
        number = self.new_request(customer)
        requests.take_request(self.db, actor or self.tech, number)
        return number

    def accepted(
        self,
        *,
        kind: str = "fixed",
        net: str = "100.00",
        hours: str = "5",
        actor: str | None = None,
        customer: str | None = None,
    ) -> int:
        """A request assigned to ``actor`` (the technician) with an accepted quote."""
        who = actor or self.tech
        number = self.taken(who, customer)
        today = self.db.today()
        if kind == "fixed":
            data = QuoteInput("fixed", today + timedelta(days=30),
                              lines=[LineInput("Work", "1", net)])
        else:
            data = QuoteInput("hourly", today + timedelta(days=30), hourly_rate="60",
                              estimated_hours=hours)
        draft = quotes.create_quote(self.db, who, number, data)
        sent = quotes.send_quote(self.db, self.lead, draft.id)
        quotes.accept_quote(self.db, sent.id)
        return number

    def in_progress(self, **kwargs: str) -> int:
        number = self.accepted(**kwargs)
        work.log_work(self.db, kwargs.get("actor") or self.tech, number, hours="1:00")
        return number


@pytest.fixture(scope="session")
def italian_qm(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The Italian translations compiled from the .ts sources with lrelease."""
    out = tmp_path_factory.mktemp("i18n")
    compiled = []
    for ts in sorted(I18N_DIR.glob("*_it.ts")):
        qm = out / ts.with_suffix(".qm").name
        assert compile_ts(ts, qm), f"lrelease cannot compile {ts}"
        compiled.append(qm)
    return compiled


@pytest.fixture(autouse=True)
def italian(qapp: QApplication, italian_qm: list[Path]) -> Iterator[list[QTranslator]]:
    """Italian, the default language."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    translators: list[QTranslator] = []
    for qm in italian_qm:
        translator = QTranslator()
        assert translator.load(str(qm))
        translators.append(translator)
    for translator in translators:
        qapp.installTranslator(translator)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def english(qapp: QApplication, italian: list[QTranslator]) -> None:
    """English instead: no translation installed."""
    for translator in italian:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def make_world(db: Database, *, login: bool = True) -> World:
    """Staff of every role and two customers (``login``: with database logins, which
    on PostgreSQL are the whole cluster's: tests there make none)."""
    w = World(db)
    staff.add_staff(db, None, w.admin, name="Ada Admin", role="admin", login=login)
    staff.add_staff(db, w.admin, w.lead, name="Lea Lead", role="team_lead", login=login)
    staff.add_staff(db, w.admin, w.tech, name="Tom Tech", role="technician", login=login)
    staff.add_staff(db, w.admin, w.tech2, name="Tina Tech", role="technician", login=login)
    staff.add_staff(db, w.admin, w.finance, name="Fin Ance", role="finance", login=login)
    customers.add_customer(db, w.admin, w.customer, name="Rossi S.r.l.", credit_amount="5000")
    customers.add_service(db, w.admin, w.customer, name=w.service)
    customers.add_customer(db, w.admin, w.poor, name="Bianchi SNC", credit_amount="50")
    customers.add_service(db, w.admin, w.poor, name=w.service)
    return w


@pytest.fixture
def world(tmp_path: Path, migrated_sqlite: Path) -> Iterator[World]:
    db = Database(sqlite_copy(migrated_sqlite, tmp_path / "t.sqlite3"), renderer=render_quote)
    yield make_world(db)
    db.dispose()
