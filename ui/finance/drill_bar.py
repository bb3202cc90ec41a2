"""The strip above the queue table when it shows the requests of one dashboard bar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DrillBar(QFrame):
    """"Dashboard: <what the bar counted>" and a button back to the whole queue.

    Signals:
        cleared(): the user asked for the whole queue again.
        back(): the user asked to go back to the dashboard.
    """

    cleared = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillBar")
        self.setStyleSheet("#drillBar { background: #e8f4fd; border: 1px solid #64b5f6;"
                           " border-radius: 4px; }")
        self.label = QLabel(self)
        self.label.setObjectName("drillTitle")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("drillBack")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("drillClear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.back_button)
        layout.addWidget(self.clear_button)
        self.back_button.clicked.connect(self.back)
        self.clear_button.clicked.connect(self.cleared)
        self._title = ""
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the dashboard"))
        self.clear_button.setText(self.tr("Show the whole queue"))
        self._show_title()

    def show_title(self, title: str) -> None:
        self._title = title
        self._show_title()
        self.show()

    def _show_title(self) -> None:
        self.label.setText(self.tr("Dashboard: %1").replace("%1", self._title))

    def title(self) -> str:
        return self._title if self.isVisible() else ""
