"""Every notice kind has an email in both languages, with nothing left unfilled."""

from __future__ import annotations

import pytest

from app.domain.enums import NoticeKind
from app.domain.notice_mail import TEXTS, mail_text

PAYLOAD = {"reference": "RIT-000012/1", "total": "475.80", "amount": "600.00",
           "balance": "-25.80", "threshold": "100.00", "missing": "25.80",
           "valid_until": "2026-12-31", "reason": "more work", "quote_kind": "fixed"}


@pytest.mark.parametrize("kind", list(NoticeKind))
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_kind_reads_in_both_languages(kind: NoticeKind, lang: str) -> None:
    assert kind.value in TEXTS
    subject, text = mail_text(kind.value, PAYLOAD, lang, request=12, company="Nimbus")
    assert subject and "{" not in subject and "{" not in text
    assert text.startswith("Gentile cliente," if lang == "it" else "Dear customer,")
    assert text.rstrip().endswith("Nimbus")


def test_money_and_dates_the_customers_way() -> None:
    _, italian = mail_text("quote_reminder", PAYLOAD, "it", request=12, company="N")
    _, english = mail_text("quote_reminder", PAYLOAD, "en", request=12, company="N")
    assert "475,80\u00a0€" in italian and "31/12/2026" in italian and "RIT-000012" in italian
    assert "€475.80" in english and "31 Dec 2026" in english
    subject, _ = mail_text("services_archived", {}, "fr", request=None, company="N")
    assert subject == "News about your account"  # an unknown language reads English
