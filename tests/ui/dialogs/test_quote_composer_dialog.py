"""The quote composer, driven through its widgets."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_cell, type_date, type_into
from ui.dialogs.base import from_qdate
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.quote_lines import AMOUNT


def _yes(title: str, text: str) -> bool:
    return True


def composer(qtbot: QtBot, world: World, number: int, actor: str | None = None,
             **kwargs: Any) -> QuoteComposerDialog:
    """The composer, answering Yes to the question before sending."""
    dialog = QuoteComposerDialog(world.db, actor or world.tech, number, **kwargs)
    dialog.confirm = _yes
    opened(qtbot, dialog)
    return dialog


def test_compose_and_send_a_fixed_quote(qtbot: QtBot, world: World) -> None:
    number = world.taken(world.lead)
    dialog = composer(qtbot, world, number, world.lead)
    assert dialog.vat_rate.text() == "22,00"  # the default from the settings
    today = world.db.today()
    assert from_qdate(dialog.valid_until.date()) == today + timedelta(days=30)
    type_cell(qtbot, dialog.table, 0, 0, "Installazione PHP 8.3")
    type_cell(qtbot, dialog.table, 0, 2, "250")
    qtbot.mouseClick(dialog.add_line_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, dialog.table, 1, 0, "Configurazione Plesk")
    type_cell(qtbot, dialog.table, 1, 1, "2")
    type_cell(qtbot, dialog.table, 1, 2, "80,50")
    assert dialog.table.item(1, AMOUNT).text() == "161,00\u00a0€"  # type: ignore[union-attr]
    assert dialog.net_value.text() == "411,00\u00a0€"
    assert dialog.vat_value.text() == "90,42\u00a0€"
    assert dialog.total_value.text() == "501,42\u00a0€"
    type_into(qtbot, dialog.rate, "")  # the hourly page is not used
    qtbot.keyClicks(dialog.notes, "Intervento in orario d'ufficio")

    click(qtbot, dialog, dialog.send_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    sent = dialog.result_value
    assert sent.stored_state == "sent"
    detail = request_detail(world.db, number)
    assert detail.state == "quoted"
    quote = detail.quotes[-1]
    assert quote.kind == "fixed"
    assert [(li.description, li.quantity, li.unit_price) for li in quote.lines] == [
        ("Installazione PHP 8.3", Decimal("1.00"), Decimal("250.00")),
        ("Configurazione Plesk", Decimal("2.00"), Decimal("80.50")),
    ]
    assert (quote.net, quote.vat, quote.total) == (
        Decimal("411.00"), Decimal("90.42"), Decimal("501.42"))
    assert quote.notes == "Intervento in orario d'ufficio"
    assert quote.pdf_sha256


def test_compose_an_hourly_quote_saved_as_draft(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    dialog = composer(qtbot, world, number)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # "Hourly"
    assert dialog.kind_code == "hourly"
    assert dialog.pages.currentIndex() == 1
    type_into(qtbot, dialog.rate, "60")
    type_into(qtbot, dialog.hours, "4,5")
    type_into(qtbot, dialog.vat_rate, "22")
    assert dialog.indicative.text() == "270,00\u00a0€"
    assert dialog.total_value.text() == "329,40\u00a0€"

    click(qtbot, dialog, dialog.save_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    draft = dialog.result_value
    assert draft.stored_state == "draft"
    assert draft.kind == "hourly"
    assert draft.hourly_rate == Decimal("60.00")
    assert draft.estimated_hours == Decimal("4.50")
    assert draft.net == Decimal("270.00")
    assert request_detail(world.db, number).state == "evaluating"


def test_editing_a_draft_keeps_one_draft(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    first = composer(qtbot, world, number)
    type_cell(qtbot, first.table, 0, 0, "Hardening")
    type_cell(qtbot, first.table, 0, 2, "300")
    click(qtbot, first, first.save_button)
    draft = first.result_value

    again = composer(qtbot, world, number, quote=draft)
    assert again.table.item(0, 0).text() == "Hardening"  # type: ignore[union-attr]
    type_cell(qtbot, again.table, 0, 2, "320")
    click(qtbot, again, again.save_button)

    assert again.result_value.id == draft.id
    assert again.result_value.net == Decimal("320.00")
    assert len(request_detail(world.db, number).quotes) == 1


def test_lines_can_be_reordered_and_removed(qtbot: QtBot, world: World) -> None:
    dialog = composer(qtbot, world, world.taken())
    type_cell(qtbot, dialog.table, 0, 0, "A")
    type_cell(qtbot, dialog.table, 0, 2, "10")
    qtbot.mouseClick(dialog.add_line_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, dialog.table, 1, 0, "B")
    type_cell(qtbot, dialog.table, 1, 2, "20")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert [t[0] for t in dialog.line_texts()] == ["B", "A"]
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert [t[0] for t in dialog.line_texts()] == ["A", "B"]
    qtbot.mouseClick(dialog.remove_line_button, Qt.MouseButton.LeftButton)
    assert [t[0] for t in dialog.line_texts()] == ["A"]
    assert dialog.net_value.text() == "10,00\u00a0€"


def test_a_technician_above_the_send_limit_submits_for_approval(qtbot: QtBot,
                                                                world: World) -> None:
    """Issue 17, item 6: above the limit the button says what will happen (no send that
    turns out to be a draft) and submits the quote for a team lead's approval."""
    number = world.taken()
    dialog = composer(qtbot, world, number)
    assert dialog.limit_hint.isVisible()
    assert "in approvazione" in dialog.limit_hint.text()
    type_cell(qtbot, dialog.table, 0, 0, "Migrazione P2V")
    type_cell(qtbot, dialog.table, 0, 2, "1000")
    assert dialog.send_button.text() == "Invia al &cliente"  # within the limit: sent
    type_cell(qtbot, dialog.table, 0, 2, "1500")
    assert dialog.send_button.text() == "Invia in &approvazione"
    asked: list[str] = []
    dialog.confirm = lambda title, text: asked.append(title + "\n" + text) is None  # type: ignore[func-returns-value]

    click(qtbot, dialog, dialog.send_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value.stored_state == "submitted"
    assert asked and "approvazione" in asked[0] and "1.000,00\u00a0€" in asked[0]
    detail = request_detail(world.db, number)
    assert detail.state == "evaluating"  # the customer is not told yet
    assert [q.stored_state for q in detail.quotes] == ["submitted"]


def test_a_past_validity_date_is_refused(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    dialog = composer(qtbot, world, number)
    type_cell(qtbot, dialog.table, 0, 0, "SSL")
    type_cell(qtbot, dialog.table, 0, 2, "90")
    yesterday = world.db.today() - timedelta(days=1)
    type_date(qtbot, dialog.valid_until, QDate(yesterday.year, yesterday.month, yesterday.day))
    assert dialog.valid_until.date() == QDate(yesterday.year, yesterday.month, yesterday.day)
    assert dialog.valid_error.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.busy
    assert dialog.isVisible()
    assert "nel passato" in dialog.valid_error.text()
    # nothing was saved:
    assert request_detail(world.db, number).quotes == ()


def test_wrong_fields_are_marked_inline(qtbot: QtBot, world: World) -> None:
    dialog = composer(qtbot, world, world.taken())
    type_cell(qtbot, dialog.table, 0, 0, "Tuning")
    type_cell(qtbot, dialog.table, 0, 1, "x")
    type_cell(qtbot, dialog.table, 0, 2, "100")
    type_into(qtbot, dialog.vat_rate, "150")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.lines_error.isVisible()
    assert "Riga 1" in dialog.lines_error.text()
    assert dialog.vat_error.isVisible()
    assert dialog.net_value.text() == "—"
    assert request_detail(world.db, dialog._number).quotes == ()


@pytest.mark.usefixtures("english")
def test_in_english_money_is_written_the_english_way(qtbot: QtBot, world: World) -> None:
    dialog = composer(qtbot, world, world.taken())
    assert dialog.save_button.text() == "Save &draft"
    assert dialog.valid_until.displayFormat() == "dd MMM yyyy"  # as the PDFs: 31 Dec 2026
    assert re.fullmatch(r"\d{2} [A-Z][a-z]{2} \d{4}", dialog.valid_until.text())
    type_cell(qtbot, dialog.table, 0, 0, "Migration")
    type_cell(qtbot, dialog.table, 0, 2, "1,234.50")
    assert dialog.net_value.text() == "€1,234.50"
    assert dialog.total_value.text() == "€1,506.09"
    click(qtbot, dialog, dialog.save_button)
    assert dialog.result_value.net == Decimal("1234.50")


def test_in_italian_thousands_separators_are_understood(qtbot: QtBot, world: World) -> None:
    dialog = composer(qtbot, world, world.taken())
    assert dialog.save_button.text() == "Salva &bozza"
    type_cell(qtbot, dialog.table, 0, 0, "Migrazione")
    type_cell(qtbot, dialog.table, 0, 2, "1.234,50")
    assert dialog.net_value.text() == "1.234,50\u00a0€"


def test_sending_asks_the_same_question_as_the_main_window(qtbot: QtBot, world: World) -> None:
    from ui import confirm

    number = world.taken(world.lead)
    dialog = composer(qtbot, world, number, world.lead)
    type_cell(qtbot, dialog.table, 0, 0, "Certificato")
    type_cell(qtbot, dialog.table, 0, 2, "100")
    dialog.confirm = lambda title, text: False  # the user says No
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.busy
    assert request_detail(world.db, number).quotes == ()  # nothing saved, nothing sent

    asked: list[tuple[str, str]] = []

    def answer(title: str, text: str) -> bool:
        asked.append((title, text))
        return True

    dialog.confirm = answer
    click(qtbot, dialog, dialog.send_button)
    detail = request_detail(world.db, number)
    sent = detail.quotes[-1]
    assert sent.stored_state == "sent"
    ref = f"RIT-{number:06d}/1"
    # the question the workspace asks for the same quote
    assert asked == [confirm.send_quote(ref, "fixed", sent.total, sent.valid_until,
                                        detail.customer.name, "it")]
    assert ref in asked[0][1] and detail.customer.name in asked[0][1]
