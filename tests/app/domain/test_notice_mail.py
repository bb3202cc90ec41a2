"""Every notice kind has an email in both languages, with nothing left unfilled."""

from __future__ import annotations

import pytest

from app.domain.credit_mail import TEXTS as CREDIT_TEXTS
from app.domain.enums import NoticeKind
from app.domain.notice_mail import TEXTS, mail_text

PAYLOAD = {"reference": "RIT-000012/1", "total": "475.80", "amount": "600.00",
           "balance": "-25.80", "threshold": "100.00", "missing": "25.80",
           "valid_until": "2026-12-31", "reason": "more work", "quote_kind": "fixed",
           "service": "web-1", "archive_at": "2026-12-14", "delete_at": "2026-12-24",
           "paid_until": "2026-12-06", "suspended": ["web-1"], "still_on": []}


@pytest.mark.parametrize("kind", list(NoticeKind))
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_kind_reads_in_both_languages(kind: NoticeKind, lang: str) -> None:
    assert kind.value in TEXTS or kind.value in CREDIT_TEXTS
    subject, text = mail_text(kind.value, PAYLOAD, lang, request=12, company="Nimbus")
    assert subject and "{" not in subject and "{" not in text
    assert text.startswith("Gentile cliente," if lang == "it" else "Dear customer,")
    assert text.rstrip().endswith("Nimbus")


def test_money_and_dates_the_customers_way() -> None:
    _, italian = mail_text("quote_reminder", PAYLOAD, "it", request=12, company="N")
    _, english = mail_text("quote_reminder", PAYLOAD, "en", request=12, company="N")
    assert "475,80\u00a0€" in italian and "31/12/2026" in italian and "RIT-000012" in italian
    assert "€475.80" in english and "31 Dec 2026" in english
    subject, _ = mail_text("something_new", {}, "fr", request=None, company="N")
    assert subject == "News about your account"  # an unknown language reads English


def test_the_credit_procedure_told_in_words_the_customer_reads() -> None:
    """Issue 19: the switch-off says when archiving will be and what is missing; the
    warnings say the day; a sentence without its facts is left out."""
    _, italian = mail_text("credit_exhausted", {
        "missing": "30.00", "balance": "-30.00", "suspended": ["srv", "web"], "still_on": [],
        "archive_at": "2026-12-14"}, "it", request=None, company="N")
    assert "mancano 30,00\u00a0€" in italian and "srv, web" in italian
    assert "archiviati il 14/12/2026" in italian and "canone mensile" not in italian
    _, english = mail_text("credit_exhausted", {
        "missing": "30.00", "suspended": [], "still_on": ["mail"], "archive_at": None},
        "en", request=None, company="N")
    assert "switched off" not in english and "stay on until their paid period ends: mail" \
        in english
    subject, text = mail_text("deletion_warning", {"service": "srv", "missing": "30.00",
                                                   "delete_at": "2026-12-24"},
                              "en", request=None, company="N")
    assert subject == "Your service srv will be deleted on 24 Dec 2026"
    assert "irreversibly" in text and "€30.00" in text
    subject, _ = mail_text("archive_warning", {"service": "{x}", "archive_at": "2026-12-14"},
                           "it", request=None, company="N")
    assert subject == "Il suo servizio {x} sarà archiviato il 14/12/2026"
