"""Issue 10: who acted is shown as people know them, never as the audit's internal code:
"Tom Tech (tom)" for a staff member, "Control panel · C001" for the customer's control
panel (translated), in the History tab, the variations and the customer's ledger."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services import customers, queries, requests
from tests.ui.conftest import Desk
from ui import labels
from ui.tabs.timeline import HistoryTree


def history_rows(qtbot: QtBot, desk: Desk, number: int, lang: str) -> list[tuple[str, str]]:
    tree = HistoryTree(lang)
    qtbot.addWidget(tree)
    tree.fill(queries.request_detail(desk.db, number))
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(item.text(1), item.text(3)) for item in items if item is not None]


def test_history_names_people_and_the_control_panel(qtbot: QtBot, desk: Desk,
                                                    english: None) -> None:
    number = desk.numbers["evaluating"]
    requests.assign_request(desk.db, desk.lead, number, desk.tech2)
    rows = history_rows(qtbot, desk, number, "en")
    who = [w for w, _ in rows]
    assert "Control panel · C001" in who  # submitted from the customer's control panel
    assert "Tom Tech (tom)" in who and "Lea Lead (lea)" in who
    assert not any(w.startswith("portal") or w in ("tom", "lea") for w in who), who
    assigned = next(d for w, d in rows if w == "Lea Lead (lea)")
    assert assigned == "Tom Tech (tom) → Tina Tech (tina)"


def test_history_in_italian(qtbot: QtBot, desk: Desk, italian: None) -> None:
    who = [w for w, _ in history_rows(qtbot, desk, desk.numbers["evaluating"], "it")]
    assert "Pannello di controllo · C001" in who
    assert "Tom Tech (tom)" in who


def test_the_ledger_names_who_recorded_it(desk: Desk, english: None) -> None:
    customers.topup(desk.db, desk.finance, desk.customer, "100.00", reference="transfer 12")
    seen = customers.get_customer(desk.db, desk.customer)
    shown = [labels.actor_label(e.actor, seen.people) for e in seen.ledger]
    assert "Fin Ance (fin)" in shown
    assert not any(s == "fin" or s.startswith("portal") for s in shown), shown


def test_actor_labels() -> None:
    people = {"s.romano": "Sara Romano"}
    assert labels.actor_label("s.romano", people) == "Sara Romano (s.romano)"
    assert labels.actor_label("portal:C1022", people) == "Control panel · C1022"
    assert labels.actor_label("portal", people) == "Control panel"
    assert labels.actor_label("gone", people) == "gone"  # no longer on the staff
    assert labels.actor_label("", people) == ""
