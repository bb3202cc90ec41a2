"""What the user is told after each action: one sentence from the service's result."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import billing, customers, queries, quotes, requests, variations, work
from app.services.quotes import LineInput, QuoteInput
from tests.ui.conftest import Desk
from ui import labels
from ui.feedback import FORMATTERS, Done, Feedback, feedback
from ui.workspace import Workspace


def ref(number: int) -> str:
    return f"RIT-{number:06d}"


def said(action: str, result: object, desk: Desk, number: int | None = None, *,
         target: object = None, lang: str = "en", customer: str = "") -> Feedback:
    detail = queries.request_detail(desk.db, number) if number else None
    return feedback(Done(action, result, detail, target, customer,
                         {"tina": "Tina Tech", "tom": "Tom Tech"}, lang))


def test_every_action_has_a_sentence() -> None:
    from ui.workspace_actions import action_texts

    actions = set(action_texts()) - {"preview_pdf"}  # previewing changes nothing
    # set_priority: the header's Change…; notice_retry: the Notices tab's Retry email
    assert actions | {"set_priority", "notice_retry"} == set(FORMATTERS)


def test_request_actions(desk: Desk, english: None) -> None:
    number = desk.numbers["new"]
    state = requests.take_request(desk.db, desk.tech, number)
    assert said("take", state, desk, number).text == \
        f"You took {ref(number)}: it is now “evaluating”."
    to = requests.assign_request(desk.db, desk.lead, number, desk.tech2)
    assert said("assign", to, desk, number).text == f"{ref(number)} assigned to Tina Tech."
    to = requests.assign_request(desk.db, desk.lead, number, None)
    assert said("assign", to, desk, number).text == f"{ref(number)} is now unassigned."
    priority = requests.set_priority(desk.db, desk.lead, number, "high")
    assert said("set_priority", priority, desk, number).text == \
        f"Priority of {ref(number)} set to “High”."
    requests.decline_request(desk.db, desk.lead, number, reason="not possible")
    assert said("decline", None, desk, number).text == \
        f"{ref(number)} declined: the customer is told the reason."


def test_quote_actions(desk: Desk, english: None) -> None:
    number = desk.numbers["evaluating"]
    valid = desk.db.today() + timedelta(days=30)
    draft = quotes.create_quote(desk.db, desk.tech, number,
                                QuoteInput("fixed", valid, lines=[LineInput("SSL", "2", "50")]))
    assert said("new_quote", draft, desk, number).text == \
        f"Draft quote {ref(number)}/1 saved: total €122.00."
    sent = quotes.send_quote(desk.db, desk.tech, draft.id)
    assert said("send_quote", sent, desk, number).text == (
        f"Quote {ref(number)}/1 sent to the customer: total €122.00, valid until "
        f"{labels.date_str(valid, 'en')}.")
    other = desk.numbers["draft"]
    old = queries.request_detail(desk.db, other).quotes[0]
    quotes.delete_draft(desk.db, desk.tech, old.id)
    assert said("delete_draft", None, desk, other, target=old).text == \
        f"Draft quote {ref(other)}/1 deleted."


def test_work_and_variation_actions(desk: Desk, english: None) -> None:
    number = desk.numbers["accepted"]
    shown = queries.request_detail(desk.db, number)  # accepted: the first entry starts it
    entry = work.log_work(desk.db, desk.tech, number, hours="1:10")
    day = labels.date_str(entry.work_date, "en")
    text = feedback(Done("log_work", entry, shown, lang="en")).text
    assert text == (f"Logged 1:10 on {day} for {ref(number)} (billable 1:15). "
                    f"The work has started: {ref(number)} is now in progress.")
    second = work.log_work(desk.db, desk.tech, number, hours="0:30")
    assert said("log_work", second, desk, number).text == \
        f"Logged 0:30 on {day} for {ref(number)} (billable 0:30)."
    edited = work.edit_work(desk.db, desk.tech, second.id, hours="0:45",
                            work_date=second.work_date)
    assert said("edit_work", edited, desk, number).text == \
        f"Work entry of {day} on {ref(number)} changed: 0:45."
    work.delete_work(desk.db, desk.tech, edited.id)
    assert said("delete_work", None, desk, number, target=edited).text == \
        f"Work entry of {day} on {ref(number)} deleted (0:45)."
    proposed = variations.propose_variation(desk.db, desk.tech, number, amount="180",
                                            reason="more work")
    assert said("variation", proposed, desk, number).text == (
        f"Variation of {ref(number)} proposed: new agreed amount €180.00 net, awaiting the "
        "customer's agreement.")


def _exhausting(desk: Desk) -> int:
    """A request of the poor customer (credit 50) whose completion charges 122.00."""
    number = desk.accepted("Backup", customer=desk.poor)
    work.log_work(desk.db, desk.tech, number, hours="1")
    return number


def test_completion_within_the_credit_is_a_plain_sentence(desk: Desk, english: None) -> None:
    number = desk.numbers["in_progress"]
    result = billing.complete_request(desk.db, desk.lead, number)
    outcome = said("complete", result, desk, number)
    assert outcome.text == f"{ref(number)} completed: charged €122.00; credit €4,878.00."
    assert not outcome.important


def test_completion_exhausting_the_credit_cannot_be_missed(desk: Desk, italian: None) -> None:
    number = _exhausting(desk)
    result = billing.complete_request(desk.db, desk.lead, number)
    outcome = said("complete", result, desk, number, lang="it")
    assert outcome.important
    assert outcome.text == (f"{ref(number)} completata: addebitati 122,00\u00a0€; credito -72,00\u00a0€; "
                            "credito esaurito, mancano 72,00\u00a0€; 1 servizio sospeso (web01).")


def test_credit_actions(desk: Desk, english: None) -> None:
    number = _exhausting(desk)
    billing.complete_request(desk.db, desk.lead, number)
    partial = customers.topup(desk.db, desk.finance, desk.poor, "50")
    outcome = said("topup", partial, desk, customer="Bianchi SNC")
    assert outcome.important and outcome.text == (
        "Top-up of €50.00 recorded for Bianchi SNC: credit -€22.00. Still €22.00 missing: "
        "the services stay suspended.")
    full = customers.adjust(desk.db, desk.finance, desk.poor, "30", reason="goodwill")
    outcome = said("adjust", full, desk, customer="Bianchi SNC")
    assert outcome.important and outcome.text == (
        "Credit of Bianchi SNC increased by €30.00: credit €8.00. Credit exhaustion is over: "
        "1 service restarted (web01).")
    down = customers.adjust(desk.db, desk.finance, desk.poor, "-10", reason="fee")
    outcome = said("adjust", down, desk, customer="Bianchi SNC")
    assert outcome.important and outcome.text == (
        "Credit of Bianchi SNC reduced by €10.00: credit -€2.00. Credit exhausted: "
        "1 service suspended (web01).")
    plain = customers.topup(desk.db, desk.finance, desk.customer, "10")
    assert not said("topup", plain, desk, customer="Rossi S.r.l.").important


def test_english_plurals(desk: Desk, english: None) -> None:
    from ui.feedback import _suspended

    assert _suspended(("a",)) == "1 service suspended (a)"
    assert _suspended(("a", "b")) == "2 services suspended (a, b)"


# -- where the sentence goes -----------------------------------------------------------------

def test_the_workspace_says_what_an_action_did(qtbot: QtBot, desk: Desk, english: None) -> None:
    number = desk.numbers["new"]
    ws = Workspace(desk.ctx(desk.tech))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.show_request(number)
    with qtbot.waitSignal(ws.outcome, timeout=5000) as outcome:
        ws.actions_by_name["take"].trigger()
    assert outcome.args[0].text == f"You took {ref(number)}: it is now “evaluating”."


class _Accepted(QDialog):
    """A dialog that the user accepted, with what its service call returned."""

    def __init__(self, result: object, parent: Workspace) -> None:
        super().__init__(parent)
        self.result_value = result

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted)


def test_a_dialog_action_is_told_from_its_result(qtbot: QtBot, desk: Desk, english: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    number = desk.numbers["accepted"]
    ws = Workspace(desk.ctx(desk.tech))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.show_request(number)
    entry = work.log_work(desk.db, desk.tech, number, hours="2")
    monkeypatch.setattr(ws, "make_dialog", lambda name: _Accepted(entry, ws))
    with qtbot.waitSignal(ws.outcome, timeout=5000) as outcome:
        ws.actions_by_name["log_work"].trigger()
    assert outcome.args[0].text.startswith(f"Logged 2:00 on {labels.date_str(entry.work_date, 'en')} for "
                                           f"{ref(number)}")


def test_the_main_window_keeps_what_matters_in_a_banner(qtbot: QtBot, desk: Desk,
                                                       settings: QSettings,
                                                       english: None) -> None:
    from tests.ui.test_main_window import open_window

    window = open_window(qtbot, desk, desk.lead, settings)
    window.show_outcome(Feedback("RIT-000001 assigned to Tina Tech."))
    assert window.statusBar().currentMessage() == "RIT-000001 assigned to Tina Tech."
    assert window.outcome_banner.isHidden()
    important = Feedback("RIT-000002 completed: charged €1.00; 1 service suspended (x).", True)
    window.show_outcome(important)
    assert not window.outcome_banner.isHidden()
    assert window.outcome_banner.label.text() == important.text
    window.show_outcome(Feedback("Work logged."))  # later, smaller news do not hide it
    assert not window.outcome_banner.isHidden()
    window.workspace.show_request(0)  # nor does another request
    assert not window.outcome_banner.isHidden()


def test_labels_date_in_sentences_follow_the_language(desk: Desk, italian: None) -> None:
    number = desk.numbers["accepted"]
    entry = work.log_work(desk.db, desk.tech, number, hours="1")
    text = said("log_work", entry, desk, number, lang="it").text
    assert labels.date_str(entry.work_date, "it") in text and text.startswith("Registrate 1:00")


def test_a_notice_retried(desk: Desk, english: None) -> None:
    number = desk.numbers["quoted"]
    assert said("notice_retry", None, desk, number).text == \
        f"The email of {ref(number)} will be sent again at the worker's next round."
