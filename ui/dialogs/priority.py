"""Change a request's priority."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.db.database import Database
from app.services import requests
from app.services.dto import RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading


class PriorityDialog(ServiceDialog):
    """Pick the priority; ``result_value`` is the priority stored."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._version: int | None = None
        self.setWindowTitle(self.tr("Priority of %1").replace(
            "%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)
        self.priority = QComboBox()
        for code, label in labels.priorities():
            self.priority.addItem(label, code)
        form = QFormLayout()
        priority_label = QLabel(self.tr("&Priority:"))
        priority_label.setBuddy(self.priority)
        form.addRow(priority_label, self.priority)
        self.ok_button = self.add_button(self.tr("&Change"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.priority.setFocus()
        self.load(partial(request_detail, db, request_number), self._loaded)

    def _loaded(self, detail: RequestDetail) -> None:
        self._version = detail.version
        self.heading.setText(request_heading(detail))
        self.priority.setCurrentIndex(max(self.priority.findData(detail.priority), 0))

    def _submit(self) -> None:
        if self._version is None:
            return
        self.run(partial(requests.set_priority, self._db, self._actor, self._number,
                         str(self.priority.currentData()), expected_version=self._version),
                 self.finish)
