"""Running off the GUI thread, and the labels and formats every panel uses."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from ui import labels
from ui.details_format import describe
from ui.worker import BusyIndicator, run_async


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    main = threading.get_ident()
    seen: list[tuple[int, int]] = []
    busy = BusyIndicator(QProgressBar(), cursor=False)
    worker = run_async(lambda: threading.get_ident(),
                       lambda worker_thread: seen.append((worker_thread, threading.get_ident())),
                       busy=busy)
    assert busy.busy
    with qtbot.waitSignal(worker.finished, timeout=5000):
        pass
    assert seen and seen[0][0] != main and seen[0][1] == main
    assert not busy.busy


def test_errors_arrive_as_exceptions(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    worker = run_async(lambda: 1 // 0, lambda _r: None, errors.append)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ZeroDivisionError)


def test_money_and_dates() -> None:
    assert labels.money(Decimal("1234.5"), "it") == "1.234,50\u00a0€"
    assert labels.money(None, "it") == ""
    assert labels.date_str(date(2026, 12, 31), "it") == "31/12/2026"
    assert labels.date_str(datetime(2026, 12, 31, 8, 5), "en") == "31 Dec 2026"
    stored = datetime(2026, 12, 31, 8, 5)  # naive UTC, as the database keeps it
    shown = stored.replace(tzinfo=UTC).astimezone()
    assert labels.datetime_str(stored, "it") == shown.strftime("%d/%m/%Y %H:%M")
    assert labels.hours(135) == "2:15"


def test_every_code_has_a_label() -> None:
    from app.domain import enums

    checks = [
        (enums.RequestState, labels.state_label), (enums.Category, labels.category_label),
        (enums.Priority, labels.priority_label), (enums.Role, labels.role_label),
        (enums.QuoteKind, labels.quote_kind_label), (enums.QuoteState, labels.quote_state_label),
        (enums.VariationState, labels.variation_state_label),
        (enums.AccountStatus, labels.account_status_label),
        (enums.ServiceStatus, labels.service_status_label),
        (enums.LedgerKind, labels.ledger_kind_label), (enums.NoticeKind, labels.notice_label),
    ]
    for enum, label in checks:
        for member in enum:
            assert label(member.value) != member.value or member.value in ("VPS",), member


def test_audit_details_are_readable() -> None:
    text = describe("quote_sent", {"total": "122.00", "valid_until": "2026-12-31",
                                   "kind": "fixed", "sha256": "abc"}, "it")
    assert text == "total: 122,00\u00a0€ · valid until: 31/12/2026 · kind: Fixed price"
    assert describe("request_assigned", {"before": None, "after": "tom"}, "en") == \
        "unassigned → tom"


def test_a_read_finishing_as_the_app_quits_says_nothing(qtbot: QtBot) -> None:
    """A job whose answer comes back once the object it reports through is gone (the
    application quitting while a count is read) ends quietly, with no traceback."""
    import shiboken6

    from ui.worker import _Dispatcher, _Job

    dispatcher = _Dispatcher()
    done = _Job(lambda: 42, 1, dispatcher)
    failed = _Job(lambda: 1 / 0, 2, dispatcher)
    shiboken6.delete(dispatcher)
    done.run()
    failed.run()
