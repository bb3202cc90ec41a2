"""Issue 17: every action of the real main window does something, for every role, on the
demo data. For each request state, on one request in that state, every workspace action
that is enabled is triggered as a user does it (its button, its item in the Request menu,
its shortcut) and must open its dialog or have its effect (a question asked, the state
changed and said). An action enabled but without effect fails: "Charge document" opened
nothing from the button, the menu and Ctrl+Shift+H, so no refund could be made."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import models
from app.db.database import Database
from app.domain.enums import RequestState
from app.services import demo, queries, quotes, staff
from app.services.dto import RequestDetail
from app.services.quotes import LineInput, QuoteInput
from tests.ui.conftest import fake_render
from tests.ui.questions import Questions
from ui.action_rules import action_states
from ui.context import AppContext
from ui.main_window import MainWindow

#: the demo's people, one of each role
USERS = {"technician": "s.romano", "team_lead": "g.rossi", "finance": "e.conti",
         "admin": "admin"}
#: the dialog each action opens (the others act at once, or after a question)
DIALOGS = {"assign": "AssignDialog", "set_priority": "PriorityDialog",
           "decline": "DeclineDialog", "new_quote": "QuoteComposerDialog",
           "edit_draft": "QuoteComposerDialog", "preview_pdf": "PdfPreviewDialog",
           "log_work": "WorkEntryDialog", "edit_work": "WorkEntryDialog",
           "variation": "VariationDialog", "complete": "CompletionDialog",
           "topup": "CreditDialog", "adjust": "CreditDialog",
           "charge_document": "ChargeDialog", "cancel_request": "CancelRequestDialog",
           "extend_quote": "ExtendQuoteDialog", "withdraw_variation": "WithdrawVariationDialog",
           "return_quote": "ReturnQuoteDialog",
           # Qt's own: the note's text, the file to attach (cancelled: nothing happens)
           "add_note": "QInputDialog", "attach": "QFileDialog"}
#: actions that ask before they act (answered No here: the request stays as it is)
ASKING = {"send_quote": "Send quote", "delete_draft": "Delete draft",
          "delete_work": "Delete work entry", "submit_quote": "Submit for approval",
          "approve_quote": "Send quote"}
#: how many requests of a state are looked at to pick the one offering the most actions
CANDIDATES = 12


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data set, made once for the module (each test works on a copy)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(f"sqlite:///{path}", renderer=fake_render)
    try:
        db.upgrade_schema()
        demo.load_demo(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    db = Database(f"sqlite:///{path}", renderer=fake_render)
    yield db
    db.dispose()


class DialogCloser:
    """Closes every modal dialog shortly after it opens, noting its class."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            self.seen.append(type(widget).__name__)
            QDialog.done(widget, int(QDialog.DialogCode.Rejected))


@pytest.fixture
def closer(qapp: QApplication) -> Iterator[DialogCloser]:
    closing = DialogCloser()
    yield closing
    closing.timer.stop()


def requests_by_state(db: Database, username: str, own: bool) -> dict[str, list[int]]:
    """Request numbers per state (a technician's own first)."""
    with db.read() as s:
        rows = s.execute(select(models.Request.id, models.Request.state,
                                models.Staff.username)
                         .outerjoin(models.Staff, models.Staff.id == models.Request.assignee_id)
                         .order_by(models.Request.id)).all()
    found: dict[str, list[int]] = {}
    for number, state, _assignee in rows:
        found.setdefault(str(state), []).append(int(number))
    if own:
        mine = {int(r[0]) for r in rows if r[2] == username}
        for numbers in found.values():
            numbers.sort(key=lambda n: n not in mine)
    return found


def richest(ctx: AppContext, numbers: list[int]) -> RequestDetail:
    """Of the first candidates, the request offering the most actions (with its first
    quote and work entry selected, as the tabs select them)."""
    details = [queries.request_detail(ctx.db, n) for n in numbers[:CANDIDATES]]

    def offered(d: RequestDetail) -> int:
        quote = next((q for q in d.quotes if q.state == "draft"), d.quotes[0] if d.quotes
                     else None)
        entry = d.work[0] if d.work else None
        return sum(s.enabled for s in action_states(ctx, d, quote=quote, entry=entry).values())

    return max(details, key=offered)


def takeable(ctx: AppContext, number: int) -> bool:
    return action_states(ctx, queries.request_detail(ctx.db, number))["take"].enabled


def open_window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    window = MainWindow(ctx, settings=settings, start="all")
    window.poll_timer.stop()
    window.persist_layout = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    if not window.is_ready:
        with qtbot.waitSignal(window.ready, timeout=20000):
            pass
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    return window


def show(qtbot: QtBot, window: MainWindow, number: int) -> None:
    ws = window.workspace
    if ws.current is not None and ws.current.number == number and not ws.loading:
        return
    with qtbot.waitSignal(ws.loaded, timeout=20000):
        window.select_request(number)
    qtbot.waitUntil(lambda: not ws.loading, timeout=20000)


def select_rows(window: MainWindow) -> None:
    """In the Quotes tab a draft if there is one; in the Work tab the first entry."""
    ws = window.workspace
    assert ws.detail is not None
    drafts = {q.id for q in ws.detail.quotes if q.state == "draft"}
    for i in range(ws.quotes.topLevelItemCount()):
        item = ws.quotes.topLevelItem(i)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) in drafts:
            ws.quotes.setCurrentItem(item)
    first = ws.work.topLevelItem(0)
    if first is not None and ws.work.currentItem() is None:
        ws.work.setCurrentItem(first)


def buttons_of(window: MainWindow, name: str) -> list[QAbstractButton]:
    """The buttons that trigger action ``name`` (under the facts, in a tab, in the
    header)."""
    ws = window.workspace
    action = ws.actions_by_name[name]
    found: list[QAbstractButton] = [b for b in ws.findChildren(QToolButton)
                                    if b.defaultAction() is action]
    found += [b for b in ws.findChildren(QAbstractButton) if b.objectName() == f"button_{name}"]
    header = {"assign": "change_assignee", "set_priority": "change_priority"}.get(name)
    found += [b for b in ws.findChildren(QAbstractButton) if b.objectName() == header]
    return found


def click_button(qtbot: QtBot, window: MainWindow, button: QAbstractButton) -> None:
    tabs = window.workspace.tabs
    for i in range(tabs.count()):
        page = tabs.widget(i)
        if not button.isVisible() and page is not None and page.isAncestorOf(button):
            tabs.setCurrentIndex(i)
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_menu_item(qtbot: QtBot, window: MainWindow, action: QAction) -> None:
    """Opens the menu bar's menu holding ``action`` and clicks the item."""
    menu = next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions())
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    rect = menu.actionGeometry(action)
    assert rect.isValid() and action.isVisible()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())
    if menu.isVisible():
        menu.hide()


def press_shortcut(qtbot: QtBot, window: MainWindow, action: QAction) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    QTest.keySequence(window.table.view, action.shortcut())


def ways(qtbot: QtBot, window: MainWindow,
         name: str) -> list[tuple[str, Callable[[], None]]]:
    """How a user triggers action ``name``: each of its buttons, the menu, the shortcut."""
    action = window.workspace.actions_by_name[name]
    found: list[tuple[str, Callable[[], None]]] = [
        (f"button {b.objectName() or b.text()}", partial(click_button, qtbot, window, b))
        for b in buttons_of(window, name)]
    found.append(("menu", lambda: click_menu_item(qtbot, window, action)))
    if not action.shortcut().isEmpty():
        found.append(("shortcut", lambda: press_shortcut(qtbot, window, action)))
    return found


def check_dialog(qtbot: QtBot, window: MainWindow, closer: DialogCloser, number: int,
                 name: str, trigger: Callable[[], None], how: str) -> None:
    before = len(closer.seen)
    trigger()
    qtbot.waitUntil(lambda: len(closer.seen) > before, timeout=10000)
    assert closer.seen[before:] == [DIALOGS[name]], (number, name, how)
    assert window.workspace.current is not None and window.workspace.number == number


def check_question(window: MainWindow, asked: list[str], number: int, name: str,
                   trigger: Callable[[], None], how: str) -> None:
    before = len(asked)
    trigger()
    assert asked[before:] == [ASKING[name]], (number, name, how)


def check_timer(qtbot: QtBot, window: MainWindow, closer: DialogCloser, number: int,
                trigger: Callable[[], None], how: str) -> None:
    """The timer starts; a running one, stopped, proposes its work entry (closed unsaved
    here: the timer runs on) or, on a request that takes no more work, stops."""
    timers = window.workspace.timers
    running = timers.elapsed_minutes(number) is not None
    before = len(closer.seen)
    trigger()
    if running:
        qtbot.waitUntil(lambda: len(closer.seen) > before
                        or timers.elapsed_minutes(number) is None, timeout=10000)
        assert closer.seen[before:] in ([], ["WorkEntryDialog"]), (number, how)
    else:
        qtbot.waitUntil(lambda: timers.elapsed_minutes(number) is not None, timeout=10000)


def check_take(qtbot: QtBot, window: MainWindow, number: int,
               trigger: Callable[[], None], how: str) -> None:
    ws = window.workspace
    show(qtbot, window, number)
    assert ws.actions_by_name["take"].isEnabled(), (number, how)
    with qtbot.waitSignal(ws.outcome, timeout=20000) as outcome:
        trigger()
    assert "You took" in outcome.args[0].text, (number, how)
    qtbot.waitUntil(lambda: not ws.loading, timeout=20000)
    assert ws.current is not None and ws.current.state == "evaluating"
    assert "You took" in window.statusBar().currentMessage()


@pytest.mark.parametrize("role", list(USERS))
def test_every_enabled_action_does_something_in_the_real_window(
        qtbot: QtBot, demo_db: Database, settings: QSettings, closer: DialogCloser,
        role: str) -> None:
    ctx = AppContext(demo_db, staff.get_staff(demo_db, USERS[role]), "en")
    by_state = requests_by_state(demo_db, ctx.username, own=role == "technician")
    window = open_window(qtbot, ctx, settings)
    ws = window.workspace
    questions = Questions(False)  # the request stays as it is
    ws.confirm = questions
    asked = questions.asked
    # the demo has no draft quote: the richest evaluating request gets one (as its
    # assignee would compose it) so the draft's actions are offered too
    evaluating = richest(ctx, by_state["evaluating"])
    if role != "finance":
        quotes.create_quote(demo_db, ctx.username, evaluating.number, QuoteInput(
            "fixed", demo_db.today() + timedelta(days=30),
            lines=[LineInput("Configuration", "2", "90.00")]))
    exercised: set[str] = set()
    taken: set[int] = set()
    for state in RequestState:
        numbers = by_state[state.value]
        chosen = richest(ctx, numbers)
        number = chosen.number
        show(qtbot, window, number)
        select_rows(window)
        enabled = [n for n, a in ws.actions_by_name.items() if a.isEnabled()]
        for name in enabled:
            for how, trigger in ways(qtbot, window, name):
                if name == "take":
                    # taking changes the request: each way takes another one of this state
                    other = next(n for n in numbers if n != number and n not in taken
                                 and takeable(ctx, n))
                    taken.add(other)
                    check_take(qtbot, window, other, trigger, how)
                    show(qtbot, window, number)
                    select_rows(window)
                elif name == "timer":
                    check_timer(qtbot, window, closer, number, trigger, how)
                elif name in ASKING:
                    check_question(window, asked, number, name, trigger, how)
                else:
                    assert name in DIALOGS, f"{name}: enabled, but this test knows no effect"
                    check_dialog(qtbot, window, closer, number, name, trigger, how)
            exercised.add(name)
    expected = {"technician": {"take", "edit_draft", "send_quote", "log_work", "preview_pdf",
                               "complete"},
                "team_lead": {"take", "assign", "decline", "send_quote", "complete",
                              "charge_document"},
                "finance": {"topup", "adjust", "charge_document", "preview_pdf"},
                "admin": {"take", "assign", "topup", "charge_document", "complete"}}[role]
    assert expected <= exercised, expected - exercised
    assert window.open_dialogs() == [] or all(not d.isVisible() for d in window.open_dialogs())



#: the main window's own menu actions (not a request's) and the window each opens
WINDOW_ACTIONS = {"price_list_action": "PriceListWindow"}


@pytest.mark.parametrize("role", list(USERS))
def test_every_window_action_opens_its_window(qtbot: QtBot, demo_db: Database,
                                               settings: QSettings, closer: DialogCloser,
                                               role: str) -> None:
    """File > Price list… (Ctrl+Shift+T), from its menu item and its shortcut, for every
    role (read-only but open for technicians and finance)."""
    ctx = AppContext(demo_db, staff.get_staff(demo_db, USERS[role]), "en")
    window = open_window(qtbot, ctx, settings)
    for name, dialog in WINDOW_ACTIONS.items():
        action = getattr(window.menus, name)
        assert action.isEnabled(), name
        for how, trigger in (("menu", partial(click_menu_item, qtbot, window, action)),
                             ("shortcut", partial(press_shortcut, qtbot, window, action))):
            seen = closer.seen[:]
            trigger()
            qtbot.waitUntil(partial(_more, closer, len(seen)), timeout=10000)
            assert closer.seen[len(seen):] == [dialog], (name, how)


def _more(closer: DialogCloser, count: int) -> bool:
    return len(closer.seen) > count
