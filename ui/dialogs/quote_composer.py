"""The quote composer: a draft quote (fixed price or hourly), saved or sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from functools import partial

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain import permissions
from app.domain.errors import RitError, ValidationError, phrase
from app.domain.money import parse_amount, parse_estimated_hours, parse_vat_rate
from app.domain.pricing import Totals, fixed_totals, hourly_totals
from app.domain.references import quote_reference
from app.domain.texts import check_text
from app.services.common import MAX_TEXT
from app.services.dto import CatalogueItemView, QuoteView, RequestDetail
from app.services.quotes import MAX_VALIDITY_DAYS, LineInput, QuoteInput
from ui import labels
from ui.confirm import ask
from ui.confirm import send_quote as send_question
from ui.confirm import submit_quote as submit_question
from ui.dialogs.base import (
    ServiceDialog,
    capitalised,
    from_qdate,
    request_heading,
    resize_within_screen,
    separator,
    to_qdate,
    with_error,
)
from ui.dialogs.date_edit import DateEdit
from ui.dialogs.quote_composer_calls import (
    ComposerContext,
    SendOutcome,
    read_context,
    store_and_send,
    store_draft,
    typed_number,
)
from ui.dialogs.quote_lines import QuoteLinesEditor
from ui.dialogs.quote_nature import NaturePicker
from ui.dialogs.quote_totals import QuoteTotals


class QuoteComposerDialog(ServiceDialog):
    """Compose a quote for a request, save it as a draft or send it.

    ``quote``: a draft to edit; any other quote (rejected, expired...) is the starting
    point of a new revision.
    """

    def __init__(
        self,
        db: Database,
        actor: str,
        request_number: int,
        quote: QuoteView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._draft = quote if quote is not None and quote.stored_state == "draft" else None
        self._template = quote
        self._detail: RequestDetail | None = None
        #: asked before the quote goes to the customer, as in the main window (tests
        #: replace it)
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask(self, title, text)
        #: asks for a price-list item (tests may replace it; by default the picker)
        self.pick_item: Callable[[], CatalogueItemView | None] = self._pick_from_list
        self._catalogue: tuple[CatalogueItemView, ...] = ()
        self._validated = False
        #: the signed-in user's role and the technicians' sending limit, once read: above
        #: it a technician's "Send" becomes "Submit for approval"
        self._role = ""
        self._limit: Decimal | None = None
        self._today = db.today()
        self._increment = 15
        self.setWindowTitle(self.tr("Quote for %1").replace(
            "%1", labels.request_ref(request_number)))
        self._build()
        self._fill(quote)
        self._connect_signals()
        self._recompute()
        self.kind.setFocus()
        self.load(partial(read_context, db, actor, request_number), self._context_loaded,
                  self._context_failed)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(labels.request_ref(self._number))
        self.heading.setWordWrap(True)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)

        self.kind = QComboBox()
        self.kind.addItem(labels.quote_kind_label("fixed"), "fixed")
        self.kind.addItem(labels.quote_kind_label("hourly"), "hourly")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_lines_page())
        self.pages.addWidget(self._build_hourly_page())

        self.vat_rate = QLineEdit()
        self.vat_rate.setMaximumWidth(120)
        vat_box, self.vat_error = with_error(self.vat_rate)
        self.nature_picker = NaturePicker(self.lang)  # at 0 %: why, under which law

        self.valid_until = DateEdit()
        self.valid_until.setMinimumDate(to_qdate(self._today - timedelta(days=3650)))
        self.valid_until.setDate(to_qdate(self._today + timedelta(days=30)))
        self.valid_until.setMaximumWidth(160)
        valid_box, self.valid_error = with_error(self.valid_until)

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Shown on the quote (optional)"))
        self.notes.setFixedHeight(64)
        notes_box, self.notes_error = with_error(self.notes)

        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        vat_label = QLabel(self.tr("&VAT rate (%):"))
        vat_label.setBuddy(self.vat_rate)
        valid_label = QLabel(self.tr("Valid &until:"))
        valid_label.setBuddy(self.valid_until)
        notes_label = QLabel(self.tr("N&otes:"))
        notes_label.setBuddy(self.notes)

        self.limit_hint = QLabel()
        self.limit_hint.setWordWrap(True)
        self.limit_hint.setStyleSheet("color: palette(mid);")
        self.limit_hint.hide()

        self.save_button = self.add_button(
            self.tr("Save &draft"), QDialogButtonBox.ButtonRole.AcceptRole, self._save)
        self.save_button.setDefault(True)
        self.send_button = self.add_button(
            self.tr("S&end to customer"), QDialogButtonBox.ButtonRole.ActionRole, self._send)
        self.add_cancel()

        top = QFormLayout()
        top.addRow(kind_label, self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        rest = QFormLayout()
        rest.addRow(vat_label, vat_box)
        rest.addRow(self.nature_picker)
        rest.addRow(valid_label, valid_box)
        rest.addRow(notes_label, notes_box)
        bottom.addLayout(rest, 3)
        bottom.addSpacing(16)
        self.totals = QuoteTotals(self.lang)
        self.net_value, self.vat_value = self.totals.net_value, self.totals.vat_value
        self.total_value = self.totals.total_value
        bottom.addWidget(self.totals, 2)
        layout.addWidget(separator())
        layout.addLayout(bottom)
        layout.addWidget(self.limit_hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 780, 600)

    def _build_lines_page(self) -> QWidget:
        self.lines = QuoteLinesEditor(self.lang)
        # the editor's parts, as tests and keyboard users know them
        self.table, self.lines_error = self.lines.table, self.lines.error
        self.add_line_button, self.remove_line_button = (self.lines.add_button,
                                                         self.lines.remove_button)
        self.catalogue_button = self.lines.catalogue_button
        self.catalogue_button.setEnabled(False)  # until the price list is read
        self.up_button, self.down_button = self.lines.up_button, self.lines.down_button
        return self.lines

    def _build_hourly_page(self) -> QWidget:
        page = QWidget()
        self.rate = QLineEdit()
        self.rate.setMaximumWidth(160)
        rate_box, self.rate_error = with_error(self.rate)
        self.hours = QLineEdit()
        self.hours.setMaximumWidth(160)
        hours_box, self.hours_error = with_error(self.hours)
        self.indicative = QLabel()
        self.hourly_note = QLabel()
        self.hourly_note.setWordWrap(True)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        rate_label = QLabel(self.tr("Hourly &rate (€):"))
        rate_label.setBuddy(self.rate)
        hours_label = QLabel(self.tr("Estimated &hours:"))
        hours_label.setBuddy(self.hours)
        form.addRow(rate_label, rate_box)
        form.addRow(hours_label, hours_box)
        form.addRow(self.tr("Indicative net total:"), self.indicative)
        form.addRow(self.hourly_note)
        return page

    def _connect_signals(self) -> None:
        # kind and totals
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.lines.changed.connect(self._recompute)
        self.lines.catalogue_requested.connect(self._add_from_list)
        for edit in (self.rate, self.hours, self.vat_rate):
            edit.textChanged.connect(self._recompute)
        self.vat_rate.textChanged.connect(
            lambda _text: self.nature_picker.set_zero_vat(self._vat() == 0))
        self.valid_until.dateChanged.connect(self._recompute)
        self.valid_until.typed.connect(lambda _ok: self._recompute())
        self.notes.textChanged.connect(self._recompute)

    # -- filling -----------------------------------------------------------------------
    def _fill(self, quote: QuoteView | None) -> None:
        if quote is None:
            self.lines.add_line()
            self._kind_changed()
            return
        self.kind.setCurrentIndex(0 if quote.kind == "fixed" else 1)
        for line in quote.lines:
            self.lines.add_line(line.description, typed_number(line.quantity, self.lang),
                                typed_number(line.unit_price, self.lang), item=line.item)
        if not quote.lines:
            self.lines.add_line()
        if quote.hourly_rate is not None:
            self.rate.setText(typed_number(quote.hourly_rate, self.lang))
        if quote.estimated_hours is not None:
            self.hours.setText(typed_number(quote.estimated_hours, self.lang))
        self.vat_rate.setText(typed_number(quote.vat_rate, self.lang))
        self.nature_picker.set_values(quote.vat_nature, quote.legal_reference)
        if self._draft is not None or quote.valid_until >= self._today:
            self.valid_until.setDate(to_qdate(quote.valid_until))
        self.notes.setPlainText(quote.notes)
        self._kind_changed()
        if self._draft is not None:
            self.setWindowTitle(self.tr("Quote %1 (draft)").replace(
                "%1", f"{labels.request_ref(self._number)}/{quote.revision}"))

    def _context_loaded(self, context: ComposerContext) -> None:
        conf, detail = context.settings, context.detail
        self._detail = detail
        self.heading.setText(request_heading(detail))
        self._increment = conf.billing_increment_minutes
        self.totals.set_vat_point(conf.vat_point)
        if not self.vat_rate.text().strip():
            self.vat_rate.setText(typed_number(conf.default_vat_rate, self.lang))
        if self._template is None:
            self.valid_until.setDate(
                to_qdate(self._today + timedelta(days=conf.quote_validity_days)))
        self._role, self._limit = context.me.role, conf.tech_send_limit
        self._catalogue = context.catalogue
        self.catalogue_button.setEnabled(bool(context.catalogue))
        if context.me.role == "technician":  # the services' rule, mirrored: not below the list
            self.lines.floors = {i.code: i.price for i in context.catalogue}
            self.limit_hint.setText(self.tr(
                "You may send quotes up to %1 net; above that amount you submit them for a "
                "team lead's approval."
            ).replace("%1", labels.money(conf.tech_send_limit, self.lang)))
            self.limit_hint.show()
        self._kind_changed()

    def _context_failed(self, exc: BaseException) -> None:
        self.show_message(self.error_text(exc))
        if not self.vat_rate.text().strip():
            self.vat_rate.setText(typed_number(Decimal("22"), self.lang))

    # -- lines -------------------------------------------------------------------------
    def _pick_from_list(self) -> CatalogueItemView | None:
        from ui.dialogs.catalogue_picker import pick

        return pick(self, self._catalogue, self._detail.category if self._detail else "",
                    self.lang)

    def _add_from_list(self) -> None:
        item = self.pick_item()
        if item is not None:
            self.lines.insert_line(item.description, "1", typed_number(item.price, self.lang),
                                   item=item.code)

    def line_texts(self) -> list[tuple[str, str, str]]:
        """(description, quantity, unit price) as typed, without fully blank rows."""
        return self.lines.line_texts()

    # -- live totals and validation ----------------------------------------------------
    def _rate(self) -> Decimal:
        return parse_amount(self.rate.text(), lang=self.lang)

    def _hours(self) -> Decimal:
        return parse_estimated_hours(self.hours.text(), lang=self.lang)

    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        fixed = self.kind_code == "fixed"
        self.pages.setCurrentIndex(0 if fixed else 1)
        self.hourly_note.setText(self.tr(
            "Indicative final price: the work is billed by the hour in %1-minute increments, "
            "never above the agreed amount; any variation is communicated to and agreed "
            "with the customer first."
        ).replace("%1", str(self._increment)))
        self._recompute()

    def _recompute(self) -> None:
        """Net, VAT and total from what is typed, with the domain's pricing rules."""
        errors = self._check()
        self.lines.show_amounts(mark_errors=self._validated)
        totals = self._totals()
        self.send_button.setText(self.tr("Submit for &approval") if self._over_limit(totals)
                                 else self.tr("S&end to customer"))
        self.totals.show_totals(totals, self._vat())
        self.indicative.setText(labels.money(totals.net, self.lang) if totals else "—")
        self.valid_error.show_message(errors.get("valid_until", ""))
        if self._validated:
            self._show_errors(errors)
            if not errors and self.message.text() == self._fields_message():
                self.show_message("")  # corrected: the request to correct goes
        else:  # a control character or a paste too long: said as it is typed
            self.notes_error.show_message(errors.get("notes", ""))

    def _over_limit(self, totals: Totals | None) -> bool:
        """Above the technicians' sending limit: a team lead approves it."""
        return totals is not None and self._limit is not None and \
            permissions.needs_approval(self._role, totals.net, self._limit)

    def _vat(self) -> Decimal | None:
        try:
            return parse_vat_rate(self.vat_rate.text(), lang=self.lang)
        except ValidationError:
            return None

    def _totals(self) -> Totals | None:
        vat = self._vat()
        if vat is None:
            return None
        if self.kind_code == "fixed":
            lines = self.lines.parsed_lines()
            if not lines:
                return None
            return fixed_totals(((q, p) for _, q, p in lines), vat)
        try:
            return hourly_totals(self._rate(), self._hours(), vat)
        except ValidationError:
            return None

    def _check(self) -> dict[str, str]:
        """Field -> translated message for every field that is wrong now."""
        errors: dict[str, str] = {}
        valid_until = from_qdate(self.valid_until.date())
        if self.valid_until.problem():
            errors["valid_until"] = self.valid_until.problem()
        elif valid_until < self._today:
            errors["valid_until"] = self.tr("The validity date cannot be in the past.")
        elif valid_until > self._today + timedelta(days=MAX_VALIDITY_DAYS):
            errors["valid_until"] = self.tr("The validity date must be within a year.")
        if self._vat() is None:
            errors["vat"] = self.tr("Enter a VAT rate from 0 to 100, e.g. 22.")
        try:  # the service's rule: at most 5,000 characters, no control characters
            check_text(self.notes.toPlainText(), phrase("notes"), MAX_TEXT, required=False)
        except ValidationError as exc:
            errors["notes"] = capitalised(self.error_text(exc))
        if self.kind_code == "fixed":
            line_error = self.lines.check()
            if line_error:
                errors["lines"] = line_error
        else:
            try:
                self._rate()
            except ValidationError:
                errors["rate"] = self.tr("Enter the hourly rate in euro, e.g. 60.00.")
            try:
                self._hours()
            except ValidationError:
                errors["hours"] = self.tr("Enter the estimated hours, e.g. 4 or 2.5.")
        return errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.vat_error.show_message(errors.get("vat", ""))
        self.notes_error.show_message(errors.get("notes", ""))
        self.lines_error.show_message(errors.get("lines", ""))
        self.rate_error.show_message(errors.get("rate", ""))
        self.hours_error.show_message(errors.get("hours", ""))

    # -- saving and sending ------------------------------------------------------------
    def quote_input(self) -> QuoteInput:
        """What is typed, read in the GUI's language, as the services take it (raises
        ValidationError when wrong)."""
        fixed = self.kind_code == "fixed"
        lines = self.lines.numbers() if fixed else []
        items = self.lines.line_items() if fixed else []
        vat = self.vat_rate.text().strip()
        nature, reference = self.nature_picker.values()
        return QuoteInput(
            kind=self.kind_code,
            valid_until=from_qdate(self.valid_until.date()),
            lines=[LineInput(d, q, p, item=code)
                   for (d, q, p), code in zip(lines, items, strict=True)],
            hourly_rate=None if fixed else self._rate(),
            estimated_hours=None if fixed else self._hours(),
            vat_rate=parse_vat_rate(vat, lang=self.lang) if vat else None,
            notes=self.notes.toPlainText(),
            nature=nature,
            legal_reference=reference,
        )

    def _ready(self) -> QuoteInput | None:
        self._validated = True
        self._recompute()
        errors = self._check()
        self._show_errors(errors)
        self.valid_error.show_message(errors.get("valid_until", ""))
        if errors:
            self.show_message(self._fields_message())
            return None
        return self.quote_input()

    def _fields_message(self) -> str:
        return self.tr("Correct the fields marked in red.")

    def _save(self) -> None:
        data = self._ready()
        if data is not None:
            self.run(partial(store_draft, self._db, self._actor, self._number, self._draft, data),
                     self._saved)

    def _saved(self, view: QuoteView) -> None:
        self._draft = view
        self.finish(view)

    def reference(self) -> str:
        """The quote's reference: the draft's, or the next revision's."""
        if self._draft is not None:
            return quote_reference(self._number, self._draft.revision)
        revisions = [q.revision for q in self._detail.quotes] if self._detail else []
        return quote_reference(self._number, max(revisions, default=0) + 1)

    def _send(self) -> None:
        data = self._ready()
        totals = self._totals()
        if data is None or totals is None:
            return
        customer = self._detail.customer.name if self._detail is not None else ""
        submit = self._over_limit(totals)
        if submit and self._limit is not None:
            question = submit_question(self.reference(), totals.total, self._limit, self.lang)
        else:
            question = send_question(self.reference(), self.kind_code, totals.total,
                                     data.valid_until, customer, self.lang)
        if not self.confirm(*question):
            return
        self.run(partial(store_and_send, self._db, self._actor, self._number, self._draft, data,
                         submit), self._send_done)

    def _send_done(self, outcome: SendOutcome) -> None:
        self._draft = outcome.saved
        if outcome.sent is not None:
            self.finish(outcome.sent)
            return
        self._result = outcome.saved
        self.mark_clean()  # saved as a draft: closing now loses nothing
        error = outcome.error or RitError("")
        self.show_message(self.tr("The draft was saved but not sent: %1").replace(
            "%1", self.error_text(error)))

    @property
    def draft(self) -> QuoteView | None:
        """The draft as last saved by this dialog (or the one it was opened on)."""
        return self._draft
