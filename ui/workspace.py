"""The request workspace: everything about the selected request, and what can be done now."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConflictError, NotFoundError
from app.services import queries
from app.services import quotes as quote_service
from app.services import requests as request_service
from app.services import work as work_service
from app.services.dto import QuoteView, RequestDetail, WorkEntryView
from ui import labels
from ui.action_rules import ActionState, action_states
from ui.context import AppContext
from ui.details_format import describe
from ui.errors import error_text
from ui.worker import BusyIndicator, run_async

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

STATE_COLOURS = {
    "new": "#1565c0", "evaluating": "#6a1b9a", "quoted": "#b35c00", "accepted": "#2e7d32",
    "in_progress": "#00838f", "completed": "#37474f", "declined": "#8d6e63",
    "rejected": "#8d6e63", "expired": "#8d6e63", "cancelled": "#8d6e63",
}

BAR_STYLE = {
    "": "QProgressBar::chunk { background: #2e7d32; }",
    "near": "QProgressBar::chunk { background: #e0a100; }",
    "over": "QProgressBar::chunk { background: #c62828; }",
}


def action_texts() -> dict[str, tuple[str, str]]:
    """Workspace action -> (menu/button text, shortcut)."""
    return {
        "take": (Q.translate("Workspace", "&Take request"), "Ctrl+T"),
        "assign": (Q.translate("Workspace", "&Assign…"), "Ctrl+Shift+A"),
        "decline": (Q.translate("Workspace", "&Decline…"), "Ctrl+Shift+D"),
        "new_quote": (Q.translate("Workspace", "&New quote…"), "Ctrl+N"),
        "edit_draft": (Q.translate("Workspace", "&Edit draft…"), "Ctrl+E"),
        "send_quote": (Q.translate("Workspace", "&Send quote"), "Ctrl+Shift+S"),
        "delete_draft": (Q.translate("Workspace", "Delete draft"), ""),
        "preview_pdf": (Q.translate("Workspace", "Quote &PDF…"), "Ctrl+P"),
        "log_work": (Q.translate("Workspace", "&Log work…"), "Ctrl+L"),
        "edit_work": (Q.translate("Workspace", "Edit work entry…"), "Ctrl+Shift+L"),
        "delete_work": (Q.translate("Workspace", "Delete work entry"), ""),
        "variation": (Q.translate("Workspace", "Propose &variation…"), "Ctrl+Shift+V"),
        "complete": (Q.translate("Workspace", "&Complete and charge…"), "Ctrl+Shift+C"),
        "topup": (Q.translate("Workspace", "Top-&up…"), "Ctrl+Shift+U"),
        "adjust": (Q.translate("Workspace", "Credit ad&justment…"), ""),
    }


def _tree(headers: list[str], parent: QWidget) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(False)
    tree.header().setStretchLastSection(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return tree


def _right(item: QTreeWidgetItem, *columns: int) -> None:
    for column in columns:
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class Banner(QFrame):
    """An inline message above the workspace (errors, conflicts), closed by the user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, *, error: bool = True) -> None:
        colour = "#fdecea; border: 1px solid #e57373" if error else \
            "#e8f4fd; border: 1px solid #64b5f6"
        self.setStyleSheet(f"#banner {{ background: {colour}; border-radius: 4px; }}")
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class Workspace(QWidget):
    """The selected request: facts, credit, the actions allowed now, and five tabs.

    Signals:
        changed(): something was changed from here (refresh counts and table).
        status(str): a short message for the status bar.
        loaded(int): a request's details have been shown (its number).
    """

    changed = Signal()
    status = Signal(str)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, *, busy: BusyIndicator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = busy
        self._number = 0
        self._detail: RequestDetail | None = None
        self._generation = 0
        #: confirmation asked before destructive or final direct actions (tests replace it)
        self.confirm: Callable[[str, str], bool] = self._ask
        self.actions_by_name: dict[str, QAction] = {}
        self._states: dict[str, ActionState] = {}
        self._build_actions()
        self._build_ui()
        self._connect_signals()
        self._update_actions()

    # -- construction ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        for name, (text, shortcut) in action_texts().items():
            action = QAction(text, self)
            action.setObjectName(f"action_{name}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.actions_by_name[name] = action

    def _build_ui(self) -> None:
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Select a request in the table to see it here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid); font-size: 13pt;")
        self.stack.addWidget(self.placeholder)
        content = QWidget(self)
        self.stack.addWidget(content)

        self.banner = Banner(content)
        self.title = QLabel(content)
        self.title.setObjectName("workspaceTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.state_chip = QLabel(content)
        self.state_chip.setObjectName("stateChip")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)

        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        names = [
            ("customer", self.tr("Customer")), ("service", self.tr("Service")),
            ("category", self.tr("Category")), ("priority", self.tr("Priority")),
            ("assignee", self.tr("Assignee")), ("opened", self.tr("Opened")),
            ("credit", self.tr("Credit")), ("agreed", self.tr("Agreed")),
        ]
        for i, (key, caption) in enumerate(names):
            row, col = divmod(i, 2)
            cap = QLabel(caption + ":", content)
            cap.setStyleSheet("color: palette(dark);")
            value = QLabel(content)
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cap, row, col * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, col * 2 + 1)
            self.facts[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.description = QLabel(content)
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setContentsMargins(6, 4, 6, 4)
        scroll = QScrollArea(content)
        scroll.setWidget(self.description)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setMaximumHeight(84)
        scroll.setMinimumHeight(48)
        self.description_box = scroll

        self.credit_note = QLabel(content)
        self.credit_note.setObjectName("creditNote")
        self.credit_note.setWordWrap(True)
        self.credit_note.hide()

        buttons = QGridLayout()
        buttons.setSpacing(4)
        order = ["take", "assign", "decline", "new_quote", "log_work", "variation", "complete",
                 "topup", "adjust"]
        if self._ctx.role == "finance":
            order = ["topup", "adjust", "take", "assign", "decline", "new_quote", "log_work",
                     "variation", "complete"]
        for i, name in enumerate(order):
            row, col = divmod(i, 3)
            buttons.addWidget(_button(self.actions_by_name[name], content), row, col)

        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self._build_quotes_tab()
        self._build_work_tab()
        self._build_variations_tab()
        self.history = _tree([self.tr("When"), self.tr("Who"), self.tr("What"),
                              self.tr("Details")], self)
        self.history.setObjectName("historyTree")
        self.tabs.addTab(self.history, self.tr("History"))
        self.notices = _tree([self.tr("When"), self.tr("Notice"), self.tr("Details")], self)
        self.notices.setObjectName("noticesTree")
        self.tabs.addTab(self.notices, self.tr("Notices"))

        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(self.credit_note)
        layout.addWidget(self.description_box)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _tab_buttons(self, parent: QWidget, *names: tuple[str, str]) -> QHBoxLayout:
        """Buttons under a tab's list, mirroring the workspace actions (short captions)."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for name, text in names:
            button = QPushButton(text, parent)
            action = self.actions_by_name[name]
            button.setObjectName(f"button_{name}")
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: self._mirror(b, a))
            row.addWidget(button)
        row.addStretch(1)
        return row

    @staticmethod
    def _mirror(button: QPushButton, action: QAction) -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    def _build_quotes_tab(self) -> None:
        page = QWidget(self)
        self.quotes = _tree([self.tr("Rev."), self.tr("Kind"), self.tr("State"), self.tr("Net"),
                             self.tr("VAT"), self.tr("Total"), self.tr("Valid until"),
                             self.tr("Sent")], page)
        self.quotes.setObjectName("quotesTree")
        self.quote_lines = QLabel(page)
        self.quote_lines.setObjectName("quoteLines")
        self.quote_lines.setWordWrap(True)
        self.quote_lines.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.quote_lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.quote_lines.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.quotes, 1)
        layout.addWidget(self.quote_lines, 0)
        layout.addLayout(self._tab_buttons(
            page, ("edit_draft", self.tr("Edit…")), ("send_quote", self.tr("Send…")),
            ("delete_draft", self.tr("Delete")), ("preview_pdf", self.tr("PDF…"))))
        self.tabs.addTab(page, self.tr("Quotes"))

    def _build_work_tab(self) -> None:
        page = QWidget(self)
        self.work_summary = QLabel(page)
        self.work_summary.setObjectName("workSummary")
        self.work_summary.setWordWrap(True)
        self.work_bar = QProgressBar(page)
        self.work_bar.setObjectName("workBar")
        self.work_bar.setRange(0, 100)
        self.work_bar.setTextVisible(True)
        self.work = _tree([self.tr("Date"), self.tr("Who"), self.tr("Duration"),
                           self.tr("Billable"), self.tr("Note")], page)
        self.work.setObjectName("workTree")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.work_summary)
        layout.addWidget(self.work_bar)
        layout.addWidget(self.work, 1)
        layout.addLayout(self._tab_buttons(
            page, ("log_work", self.tr("Log work…")), ("edit_work", self.tr("Edit…")),
            ("delete_work", self.tr("Delete"))))
        self.tabs.addTab(page, self.tr("Work"))

    def _build_variations_tab(self) -> None:
        page = QWidget(self)
        self.variations = _tree([self.tr("Proposed"), self.tr("By"),
                                 self.tr("New agreed amount"), self.tr("State"),
                                 self.tr("Reason")], page)
        self.variations.setObjectName("variationsTree")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.variations, 1)
        layout.addLayout(self._tab_buttons(page, ("variation", self.tr("Propose variation…"))))
        self.tabs.addTab(page, self.tr("Variations"))

    def _connect_signals(self) -> None:
        a = self.actions_by_name
        # request actions
        a["take"].triggered.connect(self.take_request)
        a["assign"].triggered.connect(lambda: self._dialog("assign"))
        a["decline"].triggered.connect(lambda: self._dialog("decline"))
        a["complete"].triggered.connect(lambda: self._dialog("complete"))
        a["variation"].triggered.connect(lambda: self._dialog("variation"))
        # quotes
        a["new_quote"].triggered.connect(lambda: self._dialog("new_quote"))
        a["edit_draft"].triggered.connect(lambda: self._dialog("edit_draft"))
        a["send_quote"].triggered.connect(self.send_selected_quote)
        a["delete_draft"].triggered.connect(self.delete_selected_draft)
        a["preview_pdf"].triggered.connect(lambda: self._dialog("preview_pdf"))
        # work
        a["log_work"].triggered.connect(lambda: self._dialog("log_work"))
        a["edit_work"].triggered.connect(lambda: self._dialog("edit_work"))
        a["delete_work"].triggered.connect(self.delete_selected_entry)
        # credit
        a["topup"].triggered.connect(lambda: self._dialog("topup"))
        a["adjust"].triggered.connect(lambda: self._dialog("adjust"))
        # selections inside the tabs
        self.quotes.currentItemChanged.connect(self._on_quote_selected)
        self.work.currentItemChanged.connect(lambda *_: self._update_actions())
        self.quotes.itemActivated.connect(self._on_quote_activated)
        self.work.itemActivated.connect(lambda *_: self._trigger("edit_work"))

    # -- loading ---------------------------------------------------------------------------
    @property
    def number(self) -> int:
        return self._number

    @property
    def detail(self) -> RequestDetail | None:
        return self._detail

    def show_request(self, number: int) -> None:
        """Show another request (0: none)."""
        if number != self._number:
            self.banner.hide()
        self._number = number
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
        self._generation += 1
        generation, number, db = self._generation, self._number, self._ctx.db
        run_async(lambda: queries.request_detail(db, number),
                  lambda detail: self._loaded(generation, detail),
                  lambda exc: self._load_failed(generation, exc), self, busy=self._busy)

    def _loaded(self, generation: int, detail: RequestDetail) -> None:
        if generation != self._generation:
            return
        self._detail = detail
        self._populate(detail)
        self.stack.setCurrentIndex(1)
        self._update_actions()
        self.loaded.emit(detail.number)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, NotFoundError):
            self._detail = None
            self.stack.setCurrentIndex(0)
            self._update_actions()
        self.show_error(exc)

    # -- showing -----------------------------------------------------------------------------
    def _populate(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        self.title.setText(f"{labels.request_ref(d.number)} — {d.subject}")
        colour = STATE_COLOURS.get(d.state, "#37474f")
        self.state_chip.setText(labels.state_label(d.state))
        self.state_chip.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 9px; padding: 2px 10px;"
            " font-weight: bold;")
        c, s = d.customer, d.service
        self.facts["customer"].setText(f"{c.name} ({c.code})")
        service = f"{s.name} · {labels.service_kind_label(s.kind)}"
        if s.status != "running":
            service += f" · <b style='color:#c62828'>{labels.service_status_label(s.status)}</b>"
        self.facts["service"].setText(service)
        self.facts["category"].setText(labels.category_label(d.category))
        self.facts["priority"].setText(labels.priority_label(d.priority))
        self.facts["assignee"].setText(
            (d.assignee_name and f"{d.assignee_name} ({d.assignee})") or self.tr("nobody"))
        self.facts["opened"].setText(labels.datetime_str(d.created_at, lang))
        credit = f"{labels.money(c.balance, lang)} · {labels.account_status_label(c.status)}"
        if c.status == "credit_exhausted":
            credit = f"<b style='color:#c62828'>{credit}</b>"
        self.facts["credit"].setText(credit)
        self.facts["agreed"].setText(self._agreed_text(d))
        if c.status == "credit_exhausted":
            self.credit_note.setText(self.tr(
                "Credit exhausted: %1 missing. The customer's services are suspended until a "
                "top-up covers it.").replace("%1", labels.money(c.missing, lang)))
            self.credit_note.setStyleSheet("color: #c62828;")
            self.credit_note.show()
        elif d.state == "declined" and d.decline_reason:
            self.credit_note.setText(self.tr("Declined: %1").replace("%1", d.decline_reason))
            self.credit_note.setStyleSheet("color: palette(dark);")
            self.credit_note.show()
        else:
            self.credit_note.hide()
        self.description.setText(d.description or self.tr("(no description)"))
        self._fill_quotes(d)
        self._fill_work(d)
        self._fill_variations(d)
        self._fill_history(d)
        self._fill_notices(d)

    def _agreed_text(self, d: RequestDetail) -> str:
        lang = self._ctx.lang
        if d.charge is not None:
            return self.tr("charged %1 on %2").replace(
                "%1", labels.money(d.charge.total, lang)).replace(
                "%2", labels.date_str(d.charge.created_at, lang))
        quote = d.agreed_quote
        if quote is None:
            current = d.current_quote
            if current is not None and current.state == "sent":
                return self.tr("quote %1 sent, awaiting the customer").replace(
                    "%1", labels.money(current.total, lang))
            return "—"
        ceiling = d.work_summary.ceiling
        amount = labels.money(ceiling if ceiling is not None else quote.net, lang)
        return self.tr("%1 net (%2)").replace("%1", amount).replace(
            "%2", labels.quote_kind_label(quote.kind))

    def _fill_quotes(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        keep = self.selected_quote()
        self.quotes.clear()
        select: QTreeWidgetItem | None = None
        for q in reversed(d.quotes):
            item = QTreeWidgetItem([
                str(q.revision), labels.quote_kind_label(q.kind), labels.quote_state_label(q.state),
                labels.money(q.net, lang), labels.money(q.vat, lang), labels.money(q.total, lang),
                labels.date_str(q.valid_until, lang), labels.date_str(q.sent_at, lang),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, q.id)
            _right(item, 0, 3, 4, 5)
            if q.state in ("superseded", "withdrawn", "expired", "rejected"):
                for col in range(8):
                    item.setForeground(col, self.palette().placeholderText())
            self.quotes.addTopLevelItem(item)
            if keep is not None and keep.id == q.id:
                select = item
        if select is None and self.quotes.topLevelItemCount():
            select = self.quotes.topLevelItem(0)
        if select is not None:
            self.quotes.setCurrentItem(select)
        else:
            self.quote_lines.setText(self.tr("No quote yet."))

    def _quote_by_id(self, quote_id: object) -> QuoteView | None:
        if self._detail is None:
            return None
        return next((q for q in self._detail.quotes if q.id == quote_id), None)

    def selected_quote(self) -> QuoteView | None:
        item = self.quotes.currentItem()
        return None if item is None else self._quote_by_id(item.data(0, Qt.ItemDataRole.UserRole))

    def _on_quote_selected(self, *_: Any) -> None:
        quote = self.selected_quote()
        if quote is not None:
            self.quote_lines.setText(self._quote_text(quote))
        self._update_actions()

    def _on_quote_activated(self, *_: Any) -> None:
        quote = self.selected_quote()
        self._trigger("edit_draft" if quote is not None and quote.state == "draft"
                      else "preview_pdf")

    def _quote_text(self, q: QuoteView) -> str:
        lang = self._ctx.lang
        rows: list[str] = []
        if q.kind == "hourly":
            rows.append(self.tr("Hourly rate %1 × %2 estimated hours: indicative %3 net").replace(
                "%1", labels.money(q.hourly_rate, lang)).replace(
                "%2", labels.number(q.estimated_hours, lang)).replace(
                "%3", labels.money(q.net, lang)))
        for line in q.lines:
            rows.append(f"{line.description}: {labels.number(line.quantity, lang)} × "
                        f"{labels.money(line.unit_price, lang)} = "
                        f"<b>{labels.money(line.amount, lang)}</b>")
        rows.append(self.tr("VAT %1%: %2 · total <b>%3</b>").replace(
            "%1", labels.number(q.vat_rate, lang)).replace(
            "%2", labels.money(q.vat, lang)).replace("%3", labels.money(q.total, lang)))
        if q.notes:
            rows.append(f"<i>{q.notes}</i>")
        return "<br>".join(rows)

    def _fill_work(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        keep = self.selected_entry()
        self.work.clear()
        select = None
        for e in d.work:
            item = QTreeWidgetItem([labels.date_str(e.work_date, lang), e.staff_name,
                                    labels.hours(e.minutes), labels.hours(e.billable_minutes),
                                    e.note])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(4, e.note)
            _right(item, 2, 3)
            self.work.addTopLevelItem(item)
            if keep is not None and keep.id == e.id:
                select = item
        if select is not None:
            self.work.setCurrentItem(select)
        w = d.work_summary
        text = self.tr("Logged %1 (billable %2).").replace(
            "%1", labels.hours(w.logged_minutes)).replace("%2", labels.hours(w.billable_minutes))
        if w.usage is not None and w.ceiling is not None and w.work_amount is not None:
            percent = int(min(w.usage * 100, Decimal(999)))
            text += " " + self.tr("%1 of the agreed ceiling of %2.").replace(
                "%1", labels.money(w.work_amount, lang)).replace(
                "%2", labels.money(w.ceiling, lang))
            self.work_bar.setValue(min(percent, 100))
            self.work_bar.setFormat(f"{percent}%")
            self.work_bar.setStyleSheet(BAR_STYLE.get(w.warning, ""))
            self.work_bar.setProperty("warning", w.warning)
            self.work_bar.show()
            if w.warning == "over":
                text += " <b style='color:#c62828'>" + self.tr(
                    "The ceiling is reached: further hours will not be charged. "
                    "Agree a variation with the customer.") + "</b>"
            elif w.warning == "near":
                text += " <b style='color:#b35c00'>" + self.tr(
                    "Over 80% of the ceiling: agree a variation in time if more work is "
                    "needed.") + "</b>"
        else:
            self.work_bar.hide()
            self.work_bar.setProperty("warning", "")
            if w.ceiling is not None:
                text += " " + self.tr("Fixed price: %1 net whatever the hours.").replace(
                    "%1", labels.money(w.ceiling, lang))
        self.work_summary.setText(text)

    def selected_entry(self) -> WorkEntryView | None:
        item = self.work.currentItem()
        if item is None or self._detail is None:
            return None
        entry_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self._detail.work if e.id == entry_id), None)

    def _fill_variations(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        self.variations.clear()
        for v in reversed(d.variations):
            item = QTreeWidgetItem([labels.datetime_str(v.proposed_at, lang), v.proposed_by,
                                    labels.money(v.amount, lang),
                                    labels.variation_state_label(v.state), v.reason])
            item.setToolTip(4, v.reason)
            _right(item, 2)
            self.variations.addTopLevelItem(item)

    def _fill_history(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        self.history.clear()
        for event in reversed(d.history):
            details = describe(event.action, event.details, lang)
            item = QTreeWidgetItem([labels.datetime_str(event.at, lang), event.actor,
                                    labels.action_label(event.action), details])
            item.setToolTip(3, details)
            self.history.addTopLevelItem(item)

    def _fill_notices(self, d: RequestDetail) -> None:
        lang = self._ctx.lang
        self.notices.clear()
        for notice in reversed(d.notices):
            details = describe(notice.kind, notice.payload, lang)
            item = QTreeWidgetItem([labels.datetime_str(notice.at, lang),
                                    labels.notice_label(notice.kind), details])
            item.setToolTip(2, details)
            self.notices.addTopLevelItem(item)

    # -- actions -----------------------------------------------------------------------------
    def action_state(self, name: str) -> ActionState:
        return self._states[name]

    def _update_actions(self) -> None:
        self._states = action_states(self._ctx, self._detail, quote=self.selected_quote(),
                                     entry=self.selected_entry())
        for name, state in self._states.items():
            action = self.actions_by_name[name]
            action.setEnabled(state.enabled)
            text = action.text().replace("&", "")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{text} ({shortcut})" if shortcut else text
            action.setToolTip(tip if state.enabled else f"{tip}\n{state.reason}")

    def _trigger(self, name: str) -> None:
        action = self.actions_by_name[name]
        if action.isEnabled():
            action.trigger()

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, exc: BaseException) -> None:
        message = error_text(exc)
        if isinstance(exc, ConflictError):
            message = self.tr("Someone else changed this request: it has been reloaded.") + \
                "\n" + message
        self.banner.show_message(message)
        self.status.emit(message)

    def _done(self, message: str) -> None:
        self.banner.hide()
        self.status.emit(message)
        self.reload()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.reload()

    def _run(self, fn: Callable[[], object], message: str) -> None:
        run_async(fn, lambda _result: self._done(message), self._failed, self, busy=self._busy)

    def take_request(self) -> None:
        d = self._detail
        if d is None:
            return
        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: request_service.take_request(db, user, d.number,
                                                       expected_version=d.version),
                  self.tr("You took %1.").replace("%1", labels.request_ref(d.number)))

    def send_selected_quote(self) -> None:
        quote = self.selected_quote()
        if quote is None or self._detail is None:
            return
        text = self.tr("Send revision %1 (%2, total %3) to %4? A sent quote cannot be changed.")
        text = text.replace("%1", str(quote.revision)).replace(
            "%2", labels.quote_kind_label(quote.kind)).replace(
            "%3", labels.money(quote.total, self._ctx.lang)).replace(
            "%4", self._detail.customer.name)
        if not self.confirm(self.tr("Send quote"), text):
            return
        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.send_quote(db, user, quote.id,
                                                   expected_version=quote.version),
                  self.tr("Quote sent to the customer."))

    def delete_selected_draft(self) -> None:
        quote = self.selected_quote()
        if quote is None or not self.confirm(
                self.tr("Delete draft"),
                self.tr("Delete draft revision %1?").replace("%1", str(quote.revision))):
            return
        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: quote_service.delete_draft(db, user, quote.id,
                                                     expected_version=quote.version),
                  self.tr("Draft deleted."))

    def delete_selected_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self.confirm(
                self.tr("Delete work entry"),
                self.tr("Delete %1 logged on %2?").replace("%1", labels.hours(entry.minutes))
                .replace("%2", labels.date_str(entry.work_date, self._ctx.lang))):
            return
        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: work_service.delete_work(db, user, entry.id,
                                                   expected_version=entry.version),
                  self.tr("Work entry deleted."))

    def make_dialog(self, name: str) -> QDialog | None:
        """The dialog for a workspace action (imported when first needed)."""
        d = self._detail
        if d is None:
            return None
        db, user, number = self._ctx.db, self._ctx.username, d.number
        if name in ("new_quote", "edit_draft"):
            from ui.dialogs.quote_composer import QuoteComposerDialog

            quote = self.selected_quote() if name == "edit_draft" else None
            return QuoteComposerDialog(db, user, number, quote=quote, parent=self)
        if name == "preview_pdf":
            from ui.dialogs.pdf_preview import PdfPreviewDialog

            selected = self.selected_quote()
            return None if selected is None else PdfPreviewDialog(db, user, selected.id,
                                                                  parent=self)
        if name in ("log_work", "edit_work"):
            from ui.dialogs.work_entry import WorkEntryDialog

            entry = self.selected_entry() if name == "edit_work" else None
            return WorkEntryDialog(db, user, number, entry=entry, parent=self)
        if name == "variation":
            from ui.dialogs.variation import VariationDialog

            return VariationDialog(db, user, number, parent=self)
        if name == "complete":
            from ui.dialogs.completion import CompletionDialog

            return CompletionDialog(db, user, number, parent=self)
        if name == "decline":
            from ui.dialogs.decline import DeclineDialog

            return DeclineDialog(db, user, number, parent=self)
        if name == "assign":
            from ui.dialogs.assign import AssignDialog

            return AssignDialog(db, user, number, parent=self)
        if name in ("topup", "adjust"):
            from ui.dialogs.credit import CreditDialog

            return CreditDialog(db, user, d.customer.code, mode=name, parent=self)
        return None

    def _dialog(self, name: str) -> None:
        try:
            dialog = self.make_dialog(name)
        except ImportError:
            self.banner.show_message(self.tr("This dialog is not available in this build."))
            return
        if dialog is None:
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted and name != "preview_pdf":
            self._done(self.tr("Saved."))
