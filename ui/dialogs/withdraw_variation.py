"""Withdraw the variation awaiting the customer: a reason, told to the customer."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.db.database import Database
from app.services import variations
from app.services.dto import RequestDetail
from ui import labels
from ui.dialogs.reason import ReasonDialog


class WithdrawVariationDialog(ReasonDialog):
    """The pending variation of a request, and a required reason; the agreed amount stays
    as it was."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        self._variation: int | None = None
        super().__init__(
            db, actor, request_number, parent=parent,
            title=self.tr("Withdraw the variation of %1"),
            explanation=self.tr(
                "The customer is told that the variation is withdrawn, and why. The agreed "
                "amount stays as it was; a new variation can be proposed afterwards."),
            ok_text=self.tr("&Withdraw variation"))

    def show_facts(self, detail: RequestDetail) -> str:
        pending = [v for v in detail.variations if v.state == "proposed"]
        if not pending:
            self.ok_button.setEnabled(False)
            return self.tr("No variation is awaiting the customer.")
        v = pending[-1]
        self._variation = v.id
        return (self.tr("Proposed on %1 by %2: new agreed amount %3 net (%4).")
                .replace("%1", labels.datetime_str(v.proposed_at, self.lang))
                .replace("%2", labels.person(v.proposed_by, detail.people))
                .replace("%3", labels.money(v.amount, self.lang))
                .replace("%4", v.reason))

    def submit(self, reason: str, version: int | None) -> None:
        if self._variation is None:
            return
        self.run(partial(variations.withdraw_variation, self._db, self._actor, self._variation,
                         reason=reason),
                 self.finish)
