"""Cancel an accepted or in-progress request (a team lead): nothing is charged, the
customer is told the reason."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.db.database import Database
from app.services import requests
from app.services.dto import RequestDetail
from ui import labels
from ui.dialogs.reason import ReasonDialog


class CancelRequestDialog(ReasonDialog):
    """The work logged so far, a required reason; "Cancel request" closes it with nothing
    charged."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            db, actor, request_number, parent=parent, title=self.tr("Cancel %1"),
            explanation=self.tr(
                "The request is closed as cancelled and nothing is charged: the work logged "
                "stays on record, unbilled. A variation awaiting the customer is withdrawn. "
                "The customer is told the reason."),
            ok_text=self.tr("Cancel &request"), cancel_text=self.tr("&Keep it open"))

    def show_facts(self, detail: RequestDetail) -> str:
        minutes = sum(entry.minutes for entry in detail.work)
        if not detail.work:
            return self.tr("No work logged; charged: nothing.")
        return self.tr("Work logged: %1 h; charged: nothing.").replace(
            "%1", labels.hours(minutes))

    def submit(self, reason: str, version: int | None) -> None:
        self.run(partial(requests.cancel_accepted, self._db, self._actor, self._number,
                         reason=reason, expected_version=version),
                 lambda _none: self.finish(reason))
