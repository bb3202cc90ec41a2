"""Decline a request that is not feasible; the reason is told to the customer."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.db.database import Database
from app.services import requests
from ui.dialogs.reason import ReasonDialog


class DeclineDialog(ReasonDialog):
    """A required reason; "Decline" declines the request (open quotes are withdrawn)."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            db, actor, request_number, parent=parent, title=self.tr("Decline %1"),
            explanation=self.tr(
                "The request is not feasible. The customer is told the reason; open quotes "
                "are withdrawn."),
            ok_text=self.tr("&Decline request"))

    def submit(self, reason: str, version: int | None) -> None:
        self.run(partial(requests.decline_request, self._db, self._actor, self._number,
                         reason=reason, expected_version=version),
                 lambda _none: self.finish(reason))
