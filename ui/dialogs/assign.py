"""Assign (or reassign) a request to a technician or team lead."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import requests, staff
from app.services.dto import RequestDetail, StaffView
from app.services.queries import request_detail
from app.services.workload import open_workload
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading

# the roles that work on requests (the services refuse anyone else)
WORKING_ROLES = ("technician", "team_lead", "admin")


@dataclass(frozen=True)
class _Loaded:
    detail: RequestDetail
    people: list[StaffView]
    workload: dict[str, int]


def _read(db: Database, number: int) -> _Loaded:
    return _Loaded(request_detail(db, number), staff.list_staff(db), open_workload(db))


#: the combo's first item: nobody chosen yet
CHOOSE = "\0choose"


class AssignDialog(ServiceDialog):
    """Pick the assignee from the active staff; ``result_value`` is the username or None."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._version: int | None = None
        self.setWindowTitle(self.tr("Assign %1").replace(
            "%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)
        self.current = QLabel("…")
        self.person = QComboBox()
        self.person.setMinimumWidth(300)
        form = QFormLayout()
        form.addRow(self.tr("Currently:"), self.current)
        person_label = QLabel(self.tr("Assign &to:"))
        person_label.setBuddy(self.person)
        form.addRow(person_label, self.person)

        self.ok_button = self.add_button(self.tr("&Assign"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.person.setFocus()
        self.load(partial(_read, db, request_number), self._loaded)

    def _loaded(self, loaded: _Loaded) -> None:
        detail = loaded.detail
        self._version = detail.version
        self.heading.setText(request_heading(detail))
        self.current.setText(detail.assignee_name or self.tr("Unassigned"))
        self.person.clear()
        # nobody chosen yet: Enter must not record "Sara Romano -> Sara Romano"
        self.person.addItem(self.tr("Choose a person…"), CHOOSE)
        if detail.assignee:
            self.person.addItem(self.tr("Nobody (unassign)"), None)
        for person in loaded.people:
            if person.active and person.role in WORKING_ROLES and \
                    person.username != detail.assignee:
                count = loaded.workload.get(person.username, 0)
                self.person.addItem(
                    f"{person.name} ({labels.role_label(person.role)}) · "
                    + self.tr("%n open request(s)", "", count), person.username)
        self.person.setCurrentIndex(0)

    def _submit(self) -> None:
        if self._version is None:
            return
        to = self.person.currentData()
        if to == CHOOSE:
            self.show_message(self.tr("Choose who takes the request over."))
            self.person.setFocus()
            return
        username = str(to) if to else None
        version = self._version
        self.run(partial(requests.assign_request, self._db, self._actor, self._number, username,
                         expected_version=version), self.finish)
