"""The charges report and a customer's credit statement in the desktop app: choose the
period (and grouping, language), preview, print, export PDF or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.db.standby import ReadAnswer
from app.domain.finance import GROUPINGS
from app.domain.periods import add_months
from app.services import charges_report, statements
from ui import labels
from ui.dialogs.base import from_qdate
from ui.dialogs.date_edit import DateEdit
from ui.finance.document_dialog import DocumentDialog, Made, Q
from ui.read_source import ReadSourceNote


@dataclass(frozen=True)
class ReportOptions:
    first: date
    last: date
    by: str
    lang: str


@dataclass(frozen=True)
class StatementOptions:
    code: str
    first: date
    last: date
    lang: str | None  # None: the customer's


def _date_edit(value: date, parent: QWidget) -> DateEdit:
    edit = DateEdit(value, parent)
    edit.setMaximumDate(QDate(2100, 12, 31))
    return edit


class _PeriodDialog(DocumentDialog):
    """Options: a period (two dates), a language; the Show button remakes the document."""

    def __init__(self, db: Database, actor: str, first: date, last: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self.first = _date_edit(first, self)
        self.first.setObjectName("periodFirst")
        self.last = _date_edit(last, self)
        self.last.setObjectName("periodLast")
        self.language = QComboBox(self)
        self.language.setObjectName("documentLanguage")
        self.form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(self.last)
        period.addStretch(1)
        self.period_row = QWidget(self)
        self.period_row.setLayout(period)
        self.show_button = self.add_button("", QDialogButtonBox.ButtonRole.ActionRole,
                                           self.show_document)
        self.show_button.setObjectName("documentShow")
        self.source = ReadSourceNote(db, self)  # which database answered (issue 21)

    def show_document(self) -> None:
        """Made from the standby when there is one close enough behind (issue 21), else
        from the primary; the note under the heading says which."""
        self.heading.setText(Q.translate("DocumentDialog", "Preparing the document…"))
        make, actor, options = type(self).make, self._actor, self.options()
        self.load(partial(self._db.reads, lambda read: make(read, actor, options)),
                  self._routed, self._failed)

    def _routed(self, arrived: tuple[Made, ReadAnswer]) -> None:
        made, answer = arrived
        self.source.show_answer(answer)
        self._made(made)

    def finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.heading)
        layout.addWidget(self.source)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        for widget in (self.first, self.last, self.language):
            widget.setEnabled(enabled)

    def _period(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())


class ChargesReportDialog(_PeriodDialog):
    """What was charged in a period, grouped by customer, category, technician or month."""

    def __init__(self, db: Database, actor: str, *, today: date | None = None,
                 lang: str = "it", parent: QWidget | None = None) -> None:
        day = today or date.today()
        this_month = day.replace(day=1)
        previous = add_months(this_month, -1)
        super().__init__(db, actor, previous, this_month - timedelta(days=1), parent)
        self.setObjectName("chargesReportDialog")
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("reportGrouping")
        names = {"customer": self.tr("Customer"), "category": self.tr("Category"),
                 "technician": self.tr("Technician"), "month": self.tr("Month")}
        for by in GROUPINGS:
            self.grouping.addItem(names[by], by)
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if lang == "en" else 0)
        self.setWindowTitle(self.tr("Charges report"))
        self.form.addRow(self.tr("Period:"), self.period_row)
        self.form.addRow(self.tr("Grouped by:"), self.grouping)
        self.form.addRow(self.tr("Language:"), self.language)
        self.show_button.setText(self.tr("&Show"))
        self.finish_layout()
        self.show_document()

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        if hasattr(self, "grouping"):
            self.grouping.setEnabled(enabled)

    def options(self) -> ReportOptions:
        first, last = self._period()
        return ReportOptions(first, last, str(self.grouping.currentData()),
                             str(self.language.currentData()))

    @staticmethod
    def make(db: Database, actor: str, options: ReportOptions) -> Made:
        from reports.finance_csv import charges_csv
        from reports.finance_pdf import render_charges_report
        from reports.finance_texts import date_range, ftext

        report = charges_report.charges_report(db, actor, options.first, options.last,
                                               by=options.by, lang=options.lang)
        totals, lang = report.totals, report.lang
        heading = "{title} {period}: {count} · {net} {net_label} · {total} {total_label}".format(
            title=ftext(lang, "report_title"), period=date_range(report.first, report.last, lang),
            count=f"{totals.count} {ftext(lang, 'col_count').lower()}",
            net=labels.money(totals.net, lang), net_label=ftext(lang, "col_net").lower(),
            total=labels.money(totals.total, lang), total_label=ftext(lang, "col_total").lower())
        if totals.refunds:
            heading += f" · {labels.money(totals.refunded, lang)} " \
                       f"{ftext(lang, 'col_refunded').lower()}"
        name = f"{ftext(lang, 'report_title')} {report.first.isoformat()} {report.last.isoformat()}"
        return Made(render_charges_report(report), charges_csv(report), heading, name)


class StatementDialog(_PeriodDialog):
    """A customer's credit statement for a period, in the customer's language by default."""

    def __init__(self, db: Database, actor: str, code: str, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        day = today or date.today()
        super().__init__(db, actor, day.replace(month=1, day=1), day, parent)
        self.setObjectName("statementDialog")
        self.code = code
        self.language.addItem(self.tr("The customer's"), None)
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        self.setWindowTitle(self.tr("Credit statement %1").replace("%1", code))
        self.form.addRow(self.tr("Period:"), self.period_row)
        self.form.addRow(self.tr("Language:"), self.language)
        self.show_button.setText(self.tr("&Show"))
        self.finish_layout()
        self.show_document()

    def options(self) -> StatementOptions:
        first, last = self._period()
        lang = self.language.currentData()
        return StatementOptions(self.code, first, last, None if lang is None else str(lang))

    @staticmethod
    def make(db: Database, actor: str, options: StatementOptions) -> Made:
        from reports.finance_csv import statement_csv
        from reports.finance_pdf import render_statement
        from reports.finance_texts import closing_label, date_range, ftext
        from reports.texts import format_date

        found = statements.statement(db, actor, options.code, options.first, options.last,
                                     lang=options.lang)
        lang = found.lang
        heading = "{title} {code} · {name} · {period}: {opening} → {closing}".format(
            title=ftext(lang, "statement_title"), code=found.customer.code,
            name=found.customer.name, period=date_range(found.first, found.last, lang),
            opening=ftext(lang, "opening", date=format_date(found.first, lang)) + " "
            + labels.money(found.opening, lang),
            closing=closing_label(found.last, found.issued, lang) + " "
            + labels.money(found.closing, lang))
        name = f"{ftext(lang, 'statement_title')} {found.customer.code} " \
               f"{found.first.isoformat()} {found.last.isoformat()}"
        return Made(render_statement(found), statement_csv(found), heading, name)
