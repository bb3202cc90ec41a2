"""Notes and attachments in the main window (issue 19): attached by the shortcut and the
tab's button, refused files said in the banner with nothing added, Open and Save
writing the very bytes, a note in the History; finance may not attach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.services import attachments
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LOG = b"2026-12-07 02:00 nginx: upstream timed out\n"


def shown(qtbot: QtBot, desk: Desk, settings: QSettings, user: str, number: int) -> MainWindow:
    window = open_window(qtbot, desk, user, settings)
    if window.table.queue != "all":  # a window opened again starts where the last one was
        with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
            window.queues.select_queue("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() > 0, timeout=10000)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        assert window.table.select_number(number)
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.attachments_tab)
    return window


def tab_button(window: MainWindow, name: str) -> QPushButton:
    button = window.workspace.attachments_tab.findChild(QPushButton, f"button_{name}")
    assert isinstance(button, QPushButton)
    return button


def first_file(window: MainWindow) -> QTreeWidgetItem:
    row = window.workspace.attachments.topLevelItem(0)
    assert row is not None
    return row


def test_attach_open_save_and_note(qtbot: QtBot, desk: Desk, settings: QSettings,
                                   tmp_path: Path) -> None:
    number = desk.numbers["evaluating"]  # tom's
    window = shown(qtbot, desk, settings, desk.tech, number)
    ws = window.workspace
    log = tmp_path / "nginx.log"
    log.write_bytes(LOG)
    ws.choose_attachment = lambda: str(log)
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.keyClick(window.table.view, Qt.Key.Key_F, CTRL_SHIFT)  # Attach file…
    assert ws.attachments.topLevelItemCount() == 1
    row = ws.attachments.topLevelItem(0)
    assert row is not None
    assert [row.text(i) for i in (0, 1, 2, 4)] == ["nginx.log", "Text", f"{len(LOG)} B",
                                                    "Tom Tech (tom)"]
    assert ws.tabs.tabText(ws.tabs.indexOf(ws.attachments_tab)) == "Attachments (1)"
    assert ws.history.topLevelItem(0).text(2) == "File attached"  # type: ignore[union-attr]

    # a renamed executable: refused in the banner, nothing added
    fake = tmp_path / "invoice.pdf"
    fake.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100)
    ws.choose_attachment = lambda: str(fake)
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.mouseClick(tab_button(window, "attach"), Qt.MouseButton.LeftButton)
    assert "invoice.pdf is not a PDF, PNG, JPEG or plain text file" in ws.banner.text()
    assert len(attachments.list_attachments(desk.db, number)) == 1

    # Open and Save, once a file is selected
    assert not tab_button(window, "open_attachment").isEnabled()
    ws.attachments.setCurrentItem(first_file(window))
    opened: list[Path] = []

    def open_path(path: Path) -> bool:
        opened.append(path)
        return True

    ws.open_path = open_path
    qtbot.mouseClick(tab_button(window, "open_attachment"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].name == "nginx.log" and opened[0].read_bytes() == LOG
    target = tmp_path / "saved.log"
    ws.choose_save_path = lambda name: str(target) if name == "nginx.log" else ""
    with qtbot.waitSignal(ws.status, timeout=10000) as said:
        qtbot.mouseClick(tab_button(window, "save_attachment"), Qt.MouseButton.LeftButton)
    assert target.read_bytes() == LOG and "saved.log" in said.args[0]

    # a note, from the tab's button, in the History
    ws.ask_note = lambda: "Customer called: wait for Monday"
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.mouseClick(tab_button(window, "add_note"), Qt.MouseButton.LeftButton)
    top = ws.history.topLevelItem(0)
    assert top is not None
    assert top.text(1).startswith("Tom Tech")
    assert (top.text(2), top.text(3)) == ("Note", "note: Customer called: wait for Monday")


def test_finance_may_not_attach_but_may_save(qtbot: QtBot, desk: Desk, settings: QSettings,
                                             tmp_path: Path) -> None:
    number = desk.numbers["evaluating"]
    attachments.attach(desk.db, desk.tech, number, "shot.png", b"\x89PNG\r\n\x1a\n" + b"x" * 10)
    window = shown(qtbot, desk, settings, desk.finance, number)
    ws = window.workspace
    assert not ws.actions_by_name["attach"].isEnabled()
    assert not tab_button(window, "attach").isEnabled()
    assert "Not available to your role (Finance)" in ws.action_state("add_note").reason
    ws.attachments.setCurrentItem(first_file(window))
    target = tmp_path / "copy.png"
    ws.choose_save_path = lambda name: str(target)
    with qtbot.waitSignal(ws.status, timeout=10000):
        qtbot.mouseClick(tab_button(window, "save_attachment"), Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"\x89PNG")
