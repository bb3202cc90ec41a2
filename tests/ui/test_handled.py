"""The handlers' mark (tests/ui/handled.py): a new dialog is never taken for one handled
before, even when its Python wrapper gets the old one's ``id``, which the handlers once
remembered (a dialog left open, a test waiting in its ``exec()`` for ever: 2 hangs in 12
runs of ``test_the_workspace_dialogs_speak_italian`` before, none in 24 after)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.handled import handled, mark_handled


class _Dialog(QDialog):
    """A dialog of the app's kind: a Python subclass (its wrappers are all one size)."""


def _closed(dialog: QDialog) -> None:
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_new_dialog_with_a_handled_ones_id_is_not_handled(qapp: QApplication) -> None:
    reused = 0
    for _ in range(20):
        first = _Dialog()
        mark_handled(first)
        old = id(first)
        _closed(first)
        del first
        second = _Dialog()
        reused += id(second) == old  # what the id set took for "handled"
        assert not handled(second)
        _closed(second)
        del second
    assert reused > 0  # the case is real: Python gives the freed address again
