"""Which database answered the reads that may be stale by seconds (issue 21).

Reports, statements, the dashboard, the batch export and the at-risk list are read from
a hot standby when the profile (or ``--read-db``) names one and it is close enough
behind; otherwise from the primary (:mod:`app.db.standby` decides). Here: the words
for who answered (:func:`answer_text`), a note beside a report (:class:`ReadSourceNote`)
and the status bar's :class:`StandbyLabel`, which asks every few seconds how far behind
the standby is. Without a standby both stay hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.db import standby
from app.db.standby import ReadAnswer
from ui.errors import error_text
from ui.worker import run_async

if TYPE_CHECKING:
    from app.db.database import Database

# how often the status bar asks how far behind the standby is
PROBE_INTERVAL_MS = 15_000

Q = QCoreApplication  # Q.translate("ReadSource", text): literal, for lupdate


def _seconds(value: float) -> str:
    """Seconds as the user's locale writes them (a tenth under ten)."""
    return QLocale().toString(float(value), "f", 1 if value < 10 else 0)


def lag_text(answer: ReadAnswer) -> str:
    """How far behind the standby was ("" when not measured)."""
    if answer.lag_seconds == 0 and not answer.lag_bytes:
        return Q.translate("ReadSource", "up to date")
    if answer.lag_seconds is not None:
        return Q.translate("ReadSource", "%1 s behind").replace(
            "%1", _seconds(answer.lag_seconds))
    if answer.lag_bytes:
        return Q.translate("ReadSource", "behind, how long unknown")
    return ""


def reason_text(answer: ReadAnswer) -> str:
    """Why the primary answered, in the user's language ("" when the standby did)."""
    reasons = {
        standby.NO_STANDBY: Q.translate("ReadSource", "no standby is configured"),
        standby.AWAY: Q.translate("ReadSource", "the standby cannot be reached"),
        standby.NOT_A_STANDBY: Q.translate("ReadSource", "the standby server is not a standby"),
        standby.BEHIND: Q.translate(
            "ReadSource", "the standby is more than %1 s behind").replace(
            "%1", str(answer.max_lag)),
        standby.LOST: Q.translate("ReadSource", "the standby went away during the read"),
    }
    return reasons.get(answer.reason or "", "")


def answer_text(answer: ReadAnswer) -> str:
    """One line: who answered, and why the primary did or how far behind the standby is."""
    if answer.from_standby:
        lag = lag_text(answer)
        return Q.translate("ReadSource", "Read from the standby (%1)").replace("%1", lag)
    return Q.translate("ReadSource", "Read from the primary: %1").replace(
        "%1", reason_text(answer))


# the colours of the two cases: a note, not an alarm (the primary answers correctly)
STANDBY_STYLE = "QLabel { color: palette(dark); }"
PRIMARY_STYLE = "QLabel { color: #8a5a00; }"


class ReadSourceNote(QLabel):
    """Under a report: which database answered it (hidden without a standby)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readSource")
        self.setWordWrap(True)
        self._db = db
        self.hide()

    def show_answer(self, answer: ReadAnswer) -> None:
        if self._db.standby is None:
            return
        self.setText(answer_text(answer))
        self.setToolTip(error_text(answer.error) if answer.error else "")
        self.setStyleSheet(STANDBY_STYLE if answer.from_standby else PRIMARY_STYLE)
        self.show()


class StandbyLabel(QLabel):
    """In the status bar: how far behind the standby is, or that the primary answers the
    reports and why; asked off the GUI thread every :data:`PROBE_INTERVAL_MS`."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standbyState")
        self._db = db
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(PROBE_INTERVAL_MS)
        self.timer.timeout.connect(self.probe)
        self.hide()
        if db.standby is not None:
            self.setText(Q.translate("ReadSource", "Standby: measuring…"))
            self.show()
            self.timer.start()
            QTimer.singleShot(0, self.probe)

    @Slot()
    def probe(self) -> None:
        found = self._db.standby
        if found is None or self._asking:
            return
        self._asking = True
        run_async(found.measure, self._measured, self._failed, self)

    def _measured(self, answer: ReadAnswer) -> None:
        self._asking = False
        if answer.from_standby:
            lag = lag_text(answer)
            self.setText(Q.translate("ReadSource", "Standby: %1").replace("%1", lag))
        else:
            self.setText(Q.translate("ReadSource", "Reports from the primary: %1").replace(
                "%1", reason_text(answer)))
        self.setToolTip(error_text(answer.error) if answer.error else answer_text(answer))
        self.setStyleSheet(STANDBY_STYLE if answer.from_standby else PRIMARY_STYLE)

    def _failed(self, exc: BaseException) -> None:  # the primary itself did not answer
        self._asking = False
        self.setText(Q.translate("ReadSource", "Standby: not measured"))
        self.setToolTip(error_text(exc))
