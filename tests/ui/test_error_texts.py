"""Service errors in the GUI's language: every template raised in app/ is translated,
the English message (the CLI's) is unchanged, and the workspace shows Italian."""

from __future__ import annotations

import importlib.util
import string
import sys
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from app.domain import permissions, states
from app.domain.errors import RitError, StateError, ValidationError, phrase
from app.domain.money import parse_amount, parse_hours
from app.services import billing, queries, quotes, requests
from tests.ui.conftest import Desk
from ui import labels
from ui.errors import error_text
from ui.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "errors_it.ts"


def _collector() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "error_templates", ROOT / "packaging" / "error_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _italian() -> dict[str, str]:
    out: dict[str, str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type") and translation.text:
                out[message.findtext("source") or ""] = translation.text
    return out


def _fields(text: str) -> set[tuple[str, str | None]]:
    return {(name, conv) for _, name, _, conv in string.Formatter().parse(text) if name}


def test_every_error_raised_in_app_has_a_template() -> None:
    _, untemplated = _collector().scan(ROOT)
    assert [f"{s.path}:{s.line}: {s.text}" for s in untemplated] == []


def test_every_template_has_an_italian_translation_with_the_same_fields() -> None:
    texts = _collector().texts(ROOT)
    assert len(texts) > 100
    italian = _italian()
    missing = [text for text in texts if text not in italian]
    assert missing == [], "add them to resources/i18n/errors_it.ts " \
        "(python packaging/build_translations.py lists them as unfinished)"
    wrong = [text for text in texts if _fields(text) != _fields(italian[text])]
    assert wrong == []


def test_the_english_message_is_the_formatted_template() -> None:
    exc = StateError.of("request {number} is {state} and cannot be {what}", number=12,
                        state="evaluating", what=states.ACTION_WORDS["complete"])
    assert exc.message == str(exc) == "request 12 is evaluating and cannot be completed"
    assert exc.template == "request {number} is {state} and cannot be {what}"
    with pytest.raises(ValidationError) as info:
        parse_amount("abc", phrase("line {index} unit price", index=2))
    assert info.value.message == "line 2 unit price is not a number: 'abc'"
    assert RitError("plain").message == "plain" and RitError("plain").template is None


def _raised(fn: object, *args: object, **kwargs: object) -> RitError:
    with pytest.raises(RitError) as info:
        fn(*args, **kwargs)  # type: ignore[operator]
    return info.value


def test_error_texts_in_italian(italian: None) -> None:
    exc = _raised(states.require, "complete", "evaluating", 12)
    assert error_text(exc) == "la richiesta RIT-000012 è in valutazione e non può essere completata"
    exc = _raised(permissions.check, "assign", "technician", username="tom")
    assert error_text(exc) == "tom (tecnico) non può assegnare richieste"
    exc = _raised(permissions.check_send_limit, "technician", "tom", Decimal("1500.00"),
                  Decimal("1000.00"))
    assert error_text(exc) == ("tom (tecnico) può inviare preventivi fino a 1.000,00\u00a0€ di "
                               "imponibile; questo è di 1.500,00\u00a0€: deve inviarlo un team leader "
                               "(invialo in approvazione)")
    exc = _raised(parse_hours, "25:00")
    assert error_text(exc) == ("il campo «ore» non può superare 24 ore in una sola "
                               "registrazione: '25:00'")
    exc = _raised(parse_amount, "1,234", phrase("line {index} unit price", index=3))
    assert error_text(exc) == "il campo «prezzo unitario della riga 3» ha più di due decimali: 1,234"
    exc = StateError.of("quote {quote} expired on {valid_until} and can no longer be "
                        "accepted: ask for a new quote", quote="RIT-000007/2",
                        valid_until=date(2026, 3, 31))
    assert error_text(exc) == ("il preventivo RIT-000007/2 è scaduto il 31/03/2026 e non può "
                               "più essere accettato: chiedi un nuovo preventivo")


def test_error_texts_stay_english_without_translation() -> None:
    exc = _raised(states.require, "complete", "evaluating", 12)
    assert error_text(exc) == exc.message
    assert error_text(RitError("as it is")) == "as it is"
    assert error_text(ValueError("boom")) == "boom"


def test_a_service_error_is_italian_in_the_workspace_banner(qtbot: QtBot, desk: Desk,
                                                            italian: None) -> None:
    number = desk.numbers["evaluating"]
    ws = Workspace(desk.ctx(desk.lead, "it"))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.show_request(number)
    exc = _raised(billing.complete_request, desk.db, desk.lead, number)
    assert exc.message == f"RIT-{number:06d} is evaluating and cannot be completed"  # the CLI's
    ws.show_error(exc)
    assert not ws.banner.isHidden()
    assert ws.banner.label.text() == (
        f"la richiesta RIT-{number:06d} è in valutazione e non può essere completata")


def test_a_failed_action_is_italian_in_the_workspace_banner(qtbot: QtBot, desk: Desk,
                                                            italian: None) -> None:
    number = desk.numbers["new"]
    ws = Workspace(desk.ctx(desk.tech, "it"))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.show_request(number)
    requests.take_request(desk.db, desk.tech2, number)  # another workstation, first
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.actions_by_name["take"].trigger()
    text = ws.banner.label.text()
    assert not ws.banner.isHidden()
    assert "request" not in text and f"la richiesta RIT-{number:06d}" in text, text


def test_records_are_named_as_people_find_them(qtbot: QtBot, desk: Desk, italian: None) -> None:
    """Requests by reference, quotes by reference and revision, a variation by its request
    and date, a work entry by its date and request: never a database id."""
    from app.services import variations, work

    number = desk.numbers["accepted"]
    ref = f"RIT-{number:06d}"
    work.log_work(desk.db, desk.tech, number, hours="1")
    proposed = variations.propose_variation(desk.db, desk.tech, number, amount="150",
                                            reason="more")
    exc = _raised(billing.complete_request, desk.db, desk.tech, number)
    assert exc.message == f"{ref} has a variation that still awaits the customer's answer"
    assert error_text(exc) == (f"la richiesta {ref} ha una variazione che attende ancora la "
                               "risposta del cliente")
    variations.agree_variation(desk.db, proposed.id)
    exc = _raised(variations.refuse_variation, desk.db, proposed.id)
    day = labels.date_str(proposed.proposed_at, "it")
    assert error_text(exc) == (f"la variazione della richiesta {ref} proposta il {day} è già "
                               "stata concordata")
    sent = next(q for q in queries.request_detail(desk.db, number).quotes)
    exc = _raised(quotes.update_draft, desk.db, desk.tech, sent.id,
                  quotes.QuoteInput("fixed", desk.db.today(),
                                    lines=[quotes.LineInput("x", "1", "1")]),
                  expected_version=sent.version)
    assert error_text(exc) == (f"il preventivo {ref}/1 è stato inviato e non può più essere "
                               "modificato")
    entry = queries.request_detail(desk.db, number).work[0]
    exc = _raised(work.delete_work, desk.db, desk.tech, entry.id, expected_version=-1)
    assert f"la registrazione di lavoro del {labels.date_str(entry.work_date, 'it')} sulla " \
        f"richiesta {ref}" in error_text(exc)
