"""The request workspace: everything about the selected request, and what can be done now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConflictError, NotFoundError
from app.domain.references import quote_reference, request_reference
from app.services.dto import QuoteView, RequestDetail, WorkEntryView
from ui import confirm, labels
from ui.action_rules import ActionState, action_states, loading_states
from ui.banner import Banner
from ui.context import AppContext
from ui.errors import error_text
from ui.feedback import Done, Feedback, feedback
from ui.request_header import RequestHeader
from ui.tabs.attachments import AttachmentsTab
from ui.tabs.quotes import QuotesTab
from ui.tabs.timeline import HistoryTree, NoticesTree, VariationsTab
from ui.tabs.work import WorkTab
from ui.worker import BusyIndicator, run_async
from ui.workspace_actions import build_actions, make_dialog
from ui.workspace_extras import WorkspaceExtras

#: the action buttons under the facts, in order (finance sees the credit actions first)
BUTTONS = ("take", "assign", "decline", "new_quote", "log_work", "variation", "complete",
           "topup", "adjust", "charge_document")
FINANCE_BUTTONS = ("topup", "adjust", "charge_document", "take", "assign", "decline",
                   "new_quote", "log_work", "variation", "complete")


def _button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class Workspace(WorkspaceExtras, QWidget):
    """The selected request: facts, credit, the actions allowed now, and five tabs.

    Signals:
        changed(): something was changed from here (refresh counts and table).
        status(str): a short message for the status bar (errors).
        outcome(Feedback): what an action did, as one sentence (:mod:`ui.feedback`).
        loaded(int): a request's details have been shown (its number).
        acted_on(int): an action done here succeeded on this request (before changed()).
    """

    changed = Signal()
    acted_on = Signal(int)
    status = Signal(str)
    outcome = Signal(Feedback)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, *, busy: BusyIndicator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = busy
        self._number = 0
        self._detail: RequestDetail | None = None
        self._generation = 0
        # the request on screen is being re-read after an action done here: what is on
        # screen (and so every action's state) is from before the action
        self._rereading = False
        #: work was logged here on (request, minutes not charged before): once re-read,
        #: the workspace says if the ceiling was passed (:meth:`_check_ceiling`)
        self._ceiling_watch: tuple[int, int] | None = None
        #: confirmation asked before destructive or final direct actions (tests replace it)
        self.confirm: Callable[[str, str], bool] = lambda title, text: confirm.ask(
            self, title, text)
        #: username -> name of the staff, for the sentences after an action
        self.staff_names: dict[str, str] = {}
        self.init_extras(ctx)
        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self._states: dict[str, ActionState] = {}
        self._build_ui()
        self._connect_signals()
        self._update_actions()

    # -- construction ------------------------------------------------------------------------
    def _build_ui(self) -> None:
        lang = self._ctx.lang
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Select a request in the table to see it here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid); font-size: 13pt;")
        self.stack.addWidget(self.placeholder)
        content = QWidget(self)
        self.stack.addWidget(content)

        self.banner = Banner(content)
        self.header = RequestHeader(lang, content)
        self.title, self.state_chip = self.header.title, self.header.state_chip
        self.facts, self.credit_note = self.header.facts, self.header.credit_note
        # who and how urgent are changed where they are read
        self.header.attach("assignee", self.actions_by_name["assign"])
        self.header.attach("priority", self.actions_by_name["set_priority"])
        self.description = self.header.description

        buttons = QGridLayout()
        buttons.setSpacing(4)
        order = FINANCE_BUTTONS if self._ctx.role == "finance" else BUTTONS
        for i, name in enumerate(order):
            row, col = divmod(i, 3)
            buttons.addWidget(_button(self.actions_by_name[name], content), row, col)

        a = self.actions_by_name
        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.quotes_tab = QuotesTab(a, lang, self)
        self.work_tab = WorkTab(a, lang, self)
        self.variations_tab = VariationsTab(a, lang, self)
        self.history = HistoryTree(lang, self)
        self.notices = NoticesTree(lang, self)
        self.attachments_tab = AttachmentsTab(a, lang, self)
        self.attachments = self.attachments_tab.tree
        self.quotes, self.quote_lines = self.quotes_tab.tree, self.quotes_tab.lines
        self.work, self.work_bar = self.work_tab.tree, self.work_tab.bar
        self.work_summary = self.work_tab.summary
        self.variations = self.variations_tab.tree
        for page in (self.quotes_tab, self.work_tab, self.variations_tab, self.history,
                     self.notices, self.attachments_tab):
            self.tabs.addTab(page, "")
        self._retranslate_tabs()

        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _retranslate_tabs(self) -> None:
        files = len(self._detail.attachments) if self._detail is not None else 0
        titles = [self.tr("Quotes"), self.tr("Work"), self.tr("Variations"), self.tr("History"),
                  self.tr("Notices"),
                  self.tr("Attachments (%1)").replace("%1", str(files)) if files
                  else self.tr("Attachments")]
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def _connect_signals(self) -> None:
        a = self.actions_by_name
        # direct actions (the others open their dialog)
        a["take"].triggered.connect(self.take_request)
        a["send_quote"].triggered.connect(self.send_selected_quote)
        a["submit_quote"].triggered.connect(self.submit_selected_quote)
        a["approve_quote"].triggered.connect(self.approve_selected_quote)
        a["delete_draft"].triggered.connect(self.delete_selected_draft)
        a["delete_work"].triggered.connect(self.delete_selected_entry)
        for name in ("assign", "set_priority", "decline", "cancel_request", "complete",
                     "variation", "withdraw_variation", "new_quote", "edit_draft",
                     "preview_pdf", "extend_quote", "log_work", "edit_work", "topup", "adjust",
                     "return_quote", "charge_document"):
            a[name].triggered.connect(lambda _=False, n=name: self._dialog(n))
        # selections inside the tabs
        self.quotes_tab.selection_changed.connect(self._update_actions)
        self.quotes_tab.activated.connect(self._on_quote_activated)
        self.work_tab.selection_changed.connect(self._update_actions)
        self.work_tab.activated.connect(lambda: self._trigger("edit_work"))
        # notes and attachments
        self.connect_extras()

    # -- loading ---------------------------------------------------------------------------
    @property
    def number(self) -> int:
        return self._number

    @property
    def detail(self) -> RequestDetail | None:
        return self._detail

    @property
    def current(self) -> RequestDetail | None:
        """The details of the highlighted request, once they have arrived: None while
        another request is being loaded (what is on screen is then the previous one, and
        no action may act on it)."""
        d = self._detail
        return d if d is not None and self._number and d.number == self._number else None

    @property
    def loading(self) -> bool:
        """Another request is highlighted and its details have not arrived yet, or the
        request on screen is being re-read after an action done here (it shows the request
        as it was before the action). Every action is off meanwhile."""
        return bool(self._number) and (self.current is None or self._rereading)

    def _actionable(self) -> RequestDetail | None:
        """The request an action may act on: the highlighted one, once it is on screen as
        it now is (None while :attr:`loading`)."""
        return None if self.loading else self.current

    def show_request(self, number: int) -> None:
        """Show another request (0: none)."""
        if number != self._number:
            self.banner.hide()
            self._rereading = False
        self._number = number
        # until its details arrive every action is off: none may act on the request
        # still on screen (the one highlighted before)
        self._update_actions()
        if not number:
            self._generation += 1
            self._detail = None
            self.stack.setCurrentIndex(0)
            self._update_actions()
            return
        self.reload()

    def reload(self) -> None:
        """Re-read the request (after a change here or on another workstation)."""
        if not self._number:
            return
        from app.services import queries  # the services: imported after the first paint

        self._generation += 1
        generation, number, db = self._generation, self._number, self._ctx.db
        run_async(lambda: queries.request_detail(db, number),
                  lambda detail: self._loaded(generation, detail),
                  lambda exc: self._load_failed(generation, exc), self, busy=self._busy)

    def _loaded(self, generation: int, detail: RequestDetail) -> None:
        if generation != self._generation:
            return
        self._rereading = False
        self._detail = detail
        self._populate(detail)
        self.stack.setCurrentIndex(1)
        self._update_actions()
        self.loaded.emit(detail.number)
        self._check_ceiling(detail)

    def _check_ceiling(self, d: RequestDetail) -> None:
        """After work logged here: if more of it is now over the agreed ceiling, say how
        much will not be charged and offer to propose a variation."""
        watch, self._ceiling_watch = self._ceiling_watch, None
        w = d.work_summary
        if watch is None or watch[0] != d.number or w.minutes_not_charged <= watch[1] \
                or w.ceiling is None:
            return
        title, said, question = confirm.over_ceiling(
            request_reference(d.number), w.ceiling, w.minutes_not_charged,
            w.amount_not_charged, self._ctx.lang)
        self.outcome.emit(Feedback(said))
        variation = self.actions_by_name["variation"]
        if variation.isEnabled() and self.confirm(title, question):
            variation.trigger()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if self._rereading:
            self._rereading = False
            self._update_actions()
        if isinstance(exc, NotFoundError):
            self._detail = None
            self.stack.setCurrentIndex(0)
            self._update_actions()
        self.show_error(exc)

    def _populate(self, d: RequestDetail) -> None:
        self.header.fill(d)
        self.quotes_tab.fill(d)
        self.work_tab.fill(d)
        self.variations_tab.fill(d)
        self.history.fill(d)
        self.notices.fill(d)
        self.attachments_tab.fill(d)
        self._retranslate_tabs()

    # -- selections in the tabs ----------------------------------------------------------------
    def selected_quote(self) -> QuoteView | None:
        """The quote selected in the Quotes tab, if it is one of the highlighted request's."""
        quote = self.quotes_tab.selected()
        d = self._actionable()
        return quote if quote is not None and d is not None and \
            quote.request_number == d.number else None

    def selected_entry(self) -> WorkEntryView | None:
        """The work entry selected in the Work tab, if it is one of the highlighted
        request's."""
        entry = self.work_tab.selected()
        d = self._actionable()
        return entry if entry is not None and d is not None and \
            entry.request_number == d.number else None

    def _on_quote_activated(self, quote: QuoteView) -> None:
        self._trigger("edit_draft" if quote.state == "draft" else "preview_pdf")

    # -- actions -----------------------------------------------------------------------------
    def action_state(self, name: str) -> ActionState:
        return self._states[name]

    def _update_actions(self) -> None:
        if self.loading:
            self._states = loading_states(request_reference(self._number))
        else:
            self._states = action_states(self._ctx, self.current, quote=self.selected_quote(),
                                         entry=self.selected_entry())
        for name, state in self._states.items():
            action = self.actions_by_name[name]
            action.setEnabled(state.enabled)
            text = action.text().replace("&", "")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{text} ({shortcut})" if shortcut else text
            action.setToolTip(tip if state.enabled else f"{tip}\n{state.reason}")
        self._show_timer()

    def _trigger(self, name: str) -> None:
        action = self.actions_by_name[name]
        if action.isEnabled():
            action.trigger()

    def show_error(self, exc: BaseException) -> None:
        message = error_text(exc)
        if isinstance(exc, ConflictError):
            message = self.tr("Someone else changed this request: it has been reloaded.") + \
                "\n" + message
        self.banner.show_message(message)
        self.status.emit(message)

    def _done(self, done: Done) -> None:
        """An action succeeded: say what it did, show the request as it is now."""
        self.banner.hide()
        self.outcome.emit(feedback(done))
        self._reread_after_action()
        if done.request is not None:
            self.acted_on.emit(done.request.number)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self._reread_after_action()

    def _reread_after_action(self) -> None:
        """Re-read the request after an action done here; its actions are off until it
        arrives (they would offer what the request allowed before the action)."""
        if self._number:
            self._rereading = True
            self._update_actions()
        self.reload()

    def _run(self, fn: Callable[[], object], action: str, target: object = None) -> None:
        before = self.current
        run_async(fn, lambda result: self._done(self._what(action, result, before, target)),
                  self._failed, self, busy=self._busy)

    def _what(self, action: str, result: object, before: RequestDetail | None,
              target: object = None) -> Done:
        customer = before.customer.name if before is not None else ""
        return Done(action, result, before, target, customer, self.staff_names,
                    self._ctx.lang)

    def take_request(self) -> None:
        d = self._actionable()
        if d is None:
            return
        from app.services import requests as request_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: request_service.take_request(db, user, d.number,
                                                       expected_version=d.version), "take")

    def send_selected_quote(self) -> None:
        quote = self.selected_quote()
        d = self._actionable()
        if quote is None or d is None:
            return
        if not self.confirm(*confirm.send_quote(
                quote_reference(quote.request_number, quote.revision), quote.kind, quote.total,
                quote.valid_until, d.customer.name, self._ctx.lang)):
            return
        from app.services import quotes as quote_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.send_quote(db, user, quote.id,
                                                   expected_version=quote.version),
                  "send_quote")

    def submit_selected_quote(self) -> None:
        """A technician's draft above their sending limit goes to a team lead."""
        quote = self.selected_quote()
        if quote is None or self._actionable() is None or not self.confirm(*confirm.submit_quote(
                quote_reference(quote.request_number, quote.revision), quote.total,
                self._ctx.send_limit, self._ctx.lang)):
            return
        from app.services import quotes as quote_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.submit_quote(db, user, quote.id,
                                                     expected_version=quote.version),
                  "submit_quote")

    def approve_selected_quote(self) -> None:
        """A team lead approves a submitted quote: it is sent (the same question as a send)."""
        quote = self.selected_quote()
        d = self._actionable()
        if quote is None or d is None or not self.confirm(*confirm.send_quote(
                quote_reference(quote.request_number, quote.revision), quote.kind, quote.total,
                quote.valid_until, d.customer.name, self._ctx.lang)):
            return
        from app.services import quotes as quote_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.approve_quote(db, user, quote.id,
                                                      expected_version=quote.version),
                  "approve_quote")

    def delete_selected_draft(self) -> None:
        quote = self.selected_quote()
        if quote is None or not self.confirm(*confirm.delete_draft(
                quote_reference(quote.request_number, quote.revision))):
            return
        from app.services import quotes as quote_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.delete_draft(db, user, quote.id,
                                                     expected_version=quote.version),
                  "delete_draft", quote)

    def delete_selected_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self.confirm(*confirm.delete_work(
                labels.hours(entry.minutes), labels.date_str(entry.work_date, self._ctx.lang),
                request_reference(entry.request_number))):
            return
        from app.services import work as work_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: work_service.delete_work(db, user, entry.id,
                                                   expected_version=entry.version),
                  "delete_work", entry)

    def make_dialog(self, name: str) -> QDialog | None:
        """The dialog for a workspace action on the highlighted request (imported when first
        needed); none while that request is loading (the previous one is on screen, or
        this one as it was before an action)."""
        d = self._actionable()
        if d is None:
            return None
        return make_dialog(name, self._ctx, d, quote=self.selected_quote(),
                           entry=self.selected_entry(), parent=self)

    def _dialog(self, name: str) -> None:
        try:
            dialog = self.make_dialog(name)
        except ImportError:
            self.banner.show_message(self.tr("This dialog is not available in this build."))
            return
        if dialog is None:
            return
        before = self.current
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = getattr(dialog, "result_value", None)
        dialog.deleteLater()
        if accepted and name == "complete" and before is not None:
            # the charge document, from the facts stored with the charge: stored now
            from ui.finance.documents import after_charge

            db, number = self._ctx.db, before.number
            run_async(lambda: after_charge(db, number), None, None, self)
        if accepted and name in ("log_work", "edit_work") and before is not None:
            self._ceiling_watch = (before.number, before.work_summary.minutes_not_charged)
        if accepted and name != "preview_pdf":
            self._done(self._what(name, result, before))
