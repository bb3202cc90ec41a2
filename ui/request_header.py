"""The top of the workspace: the request's reference and subject, state, facts, description."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import RequestDetail
from ui import labels
from ui.service_states import state_summary
from ui.tabs.common import RequestPart

STATE_COLOURS = {
    "new": "#1565c0", "evaluating": "#6a1b9a", "quoted": "#b35c00", "accepted": "#2e7d32",
    "in_progress": "#00838f", "completed": "#37474f", "declined": "#8d6e63",
    "rejected": "#8d6e63", "expired": "#8d6e63", "cancelled": "#8d6e63",
}

FACTS = ("customer", "service", "category", "priority", "assignee", "opened", "credit",
         "agreed")


class RequestHeader(RequestPart, QWidget):
    """Title, state chip, the facts grid, the credit (or decline) note and the description."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("workspaceTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.state_chip = QLabel(self)
        self.state_chip.setObjectName("stateChip")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)

        self.facts: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self._fact_rows: dict[str, QHBoxLayout] = {}
        self._attached: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, key in enumerate(FACTS):
            row, col = divmod(i, 2)
            caption = QLabel(self)
            caption.setStyleSheet("color: palette(dark);")
            value = QLabel(self)
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignTop)
            cell = QHBoxLayout()
            cell.setContentsMargins(0, 0, 0, 0)
            cell.setSpacing(4)
            cell.addWidget(value, 1)
            grid.addLayout(cell, row, col * 2 + 1)
            self._fact_rows[key] = cell
            self.facts[key] = value
            self.captions[key] = caption
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.description = QLabel(self)
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setContentsMargins(6, 4, 6, 4)
        scroll = QScrollArea(self)
        scroll.setWidget(self.description)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setMaximumHeight(84)
        scroll.setMinimumHeight(48)
        self.description_box = scroll

        self.credit_note = QLabel(self)
        self.credit_note.setObjectName("creditNote")
        self.credit_note.setWordWrap(True)
        self.credit_note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(self.credit_note)
        layout.addWidget(self.description_box)
        self.retranslate()

    def attach(self, key: str, action: QAction) -> None:
        """A small button beside a fact that changes it (e.g. the assignee)."""
        button = QToolButton(self)
        # not the action as its default one: every change of the action (enabled, tooltip)
        # put the action's long text back on the button ('Cambia priorità', squeezed to
        # 'Cambi…orità' at 1366x768) in place of the short 'Change…'
        button.clicked.connect(action.trigger)

        def follow(button: QToolButton = button, action: QAction = action) -> None:
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())

        action.changed.connect(follow)
        follow()
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setObjectName(f"change_{key}")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._fact_rows[key].addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._attached[key] = button
        self._label_attached()

    def _label_attached(self) -> None:
        for button in self._attached.values():
            button.setText(self.tr("Change…"))

    def translate_texts(self) -> None:
        captions = {
            "customer": self.tr("Customer"), "service": self.tr("Service"),
            "category": self.tr("Category"), "priority": self.tr("Priority"),
            "assignee": self.tr("Assignee"), "opened": self.tr("Opened"),
            "credit": self.tr("Credit"), "agreed": self.tr("Agreed"),
        }
        for key, caption in captions.items():
            self.captions[key].setText(caption + ":")
        self._label_attached()

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        self._detail = d
        self.title.setText(f"{labels.request_ref(d.number)} — {d.subject}")
        colour = STATE_COLOURS.get(d.state, "#37474f")
        self.state_chip.setText(labels.state_label(d.state))
        self.state_chip.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 9px; padding: 2px 10px;"
            " font-weight: bold;")
        c, s = d.customer, d.service
        self.facts["customer"].setText(f"{c.name} ({c.code})")
        service = f"{s.name} · {labels.service_kind_label(s.kind)}"
        stage = state_summary(s, lang)  # its state in the credit procedure, next step
        if stage:
            service += f" · <b style='color:#c62828'>{escape(stage)}</b>"
        elif s.status != "running":
            service += f" · <b style='color:#c62828'>{labels.service_status_label(s.status)}</b>"
        self.facts["service"].setText(service)
        self.facts["category"].setText(labels.category_label(d.category))
        self.facts["priority"].setText(labels.priority_label(d.priority))
        self.facts["assignee"].setText(
            (d.assignee_name and f"{d.assignee_name} ({d.assignee})") or self.tr("Unassigned"))
        self.facts["opened"].setText(labels.datetime_str(d.created_at, lang))
        credit = f"{labels.money(c.balance, lang)} · {labels.account_status_label(c.status)}"
        if c.status == "credit_exhausted":
            credit = f"<b style='color:#c62828'>{credit}</b>"
        self.facts["credit"].setText(credit)
        self.facts["agreed"].setText(self._agreed_text(d))
        if c.status == "credit_exhausted":
            self.credit_note.setText(self.tr(
                "Credit exhausted: %1 missing. The customer's services are switched off, "
                "archived and deleted in stages; a top-up covering it restarts those not yet "
                "deleted.").replace("%1", labels.money(c.missing, lang)))
            self.credit_note.setStyleSheet("color: #c62828;")
            self.credit_note.show()
        elif d.state == "declined" and d.decline_reason:
            self.credit_note.setText(self.tr("Declined: %1").replace("%1", d.decline_reason))
            self.credit_note.setStyleSheet("color: palette(dark);")
            self.credit_note.show()
        else:
            self.credit_note.hide()
        self.description.setText(d.description or self.tr("(no description)"))

    def _agreed_text(self, d: RequestDetail) -> str:
        lang = self._lang
        if d.charge is not None and d.charge.refunded:
            return self.tr("charged %1 on %2, %3 refunded: %4 still charged").replace(
                "%1", labels.money(d.charge.total, lang)).replace(
                "%2", labels.date_str(d.charge.created_at, lang)).replace(
                "%3", labels.money(d.charge.refunded, lang)).replace(
                "%4", labels.money(d.charge.total - d.charge.refunded, lang))
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
