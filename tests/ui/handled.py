"""Which modal dialogs a test's handler has dealt with already.

A handler polls ``QApplication.activeModalWidget()`` and must act once per dialog. It
marks the dialog itself (a property of the Qt object, gone with it), never remembers
``id(dialog)``: once a closed dialog's Python wrapper is freed, the next dialog's wrapper
often gets the same address, so an ``id`` set took the new dialog for the old one, left it
open, and the test waited in its ``exec()`` for ever (the idle hang of a GUI run, seen in
``test_the_workspace_dialogs_speak_italian`` with its CancelRequestDialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARK = "ritTestHandled"


def handled(dialog: QWidget) -> bool:
    """Whether a handler has dealt with this dialog already."""
    return bool(dialog.property(MARK))


def mark_handled(dialog: QWidget) -> None:
    dialog.setProperty(MARK, True)
