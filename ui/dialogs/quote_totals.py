"""The totals of the quote composer: net, VAT at its rate, total."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.domain.pricing import Totals
from ui import labels
from ui.dialogs.base import percent

DASH = "—"


class QuoteTotals(QWidget):
    """Net, VAT and total as the domain computes them from what is typed."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.net_value = QLabel()
        self.vat_caption = QLabel()
        self.vat_value = QLabel()
        self.total_value = QLabel()
        bold = QFont(self.total_value.font())
        bold.setBold(True)
        self.total_value.setFont(bold)
        total_caption = QLabel(self.tr("Total"))
        total_caption.setFont(bold)
        rows = [(QLabel(self.tr("Net")), self.net_value), (self.vat_caption, self.vat_value),
                (total_caption, self.total_value)]
        for row, (caption, value) in enumerate(rows):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(120)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        # where VAT is charged, in words (issue 20): set once the settings are read
        self.vat_point_note = QLabel()
        self.vat_point_note.setWordWrap(True)
        self.vat_point_note.setStyleSheet("color: palette(mid);")
        grid.addWidget(self.vat_point_note, len(rows), 0, 1, 2)
        grid.setRowStretch(len(rows) + 1, 1)
        self._point = ""

    def set_vat_point(self, point: str) -> None:
        self._point = point

    def _say_point(self, vat_rate: Decimal | None) -> None:
        if self._point == "topup":
            self.vat_point_note.setText(self.tr(
                "VAT paid on the credit top-up: the completion takes the net from the credit."))
        elif self._point and vat_rate:  # at 0 % the nature says why
            self.vat_point_note.setText(labels.vat_point_words(self._point, vat_rate, self._lang))
        else:
            self.vat_point_note.clear()

    def show_totals(self, totals: Totals | None, vat_rate: Decimal | None) -> None:
        """The figures (dashes while what is typed cannot be priced)."""
        lang = self._lang
        self.net_value.setText(labels.money(totals.net, lang) if totals else DASH)
        self.vat_value.setText(labels.money(totals.vat, lang) if totals else DASH)
        self.total_value.setText(labels.money(totals.total, lang) if totals else DASH)
        self.vat_caption.setText(self.tr("VAT %1").replace("%1", percent(vat_rate, lang))
                                 if vat_rate is not None else self.tr("VAT"))
        self._say_point(vat_rate)
