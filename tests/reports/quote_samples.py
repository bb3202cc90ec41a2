"""Hand-built quote documents for the PDF tests and the benchmark (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from app.domain.documents import CompanyInfo, CustomerInfo, QuoteDocument, QuoteLineDoc

CENT = Decimal("0.01")

COMPANY = CompanyInfo(
    name="Nuvola Italia S.p.A.",
    address_lines=("Via dell'Industria 12", "52100 Arezzo (AR)", "Italia"),
    vat_number="IT01234567890",
    email="interventi@nuvola.example",
    phone="+39 0575 123456",
    website="www.nuvola.example",
)

CUSTOMER = CustomerInfo(
    code="C-004217",
    name="Officine Meccaniche Bellà & Figli S.r.l.",
    address_lines=("Corso d'Italia 221", "20122 Milano (MI)"),
    vat_number="IT09876543210",
)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def line(description: str, quantity: str, unit_price: str) -> QuoteLineDoc:
    q, p = Decimal(quantity), Decimal(unit_price)
    return QuoteLineDoc(description, q, p, _cents(q * p))


def fixed_quote(
    lang: Literal["it", "en"] = "it",
    lines: tuple[QuoteLineDoc, ...] | None = None,
    *,
    draft: bool = False,
    vat_rate: str = "22.00",
) -> QuoteDocument:
    """A fixed-price SSL quote: 1.234,56 net in the default three lines."""
    if lines is None:
        lines = (
            line("Installazione e configurazione certificato SSL wildcard su Plesk "
                 "(*.bella-figli.example), con redirect HTTP→HTTPS e verifica della catena",
                 "1", "450.00"),
            line("Hardening TLS: disattivazione protocolli obsoleti, HSTS, OCSP stapling",
                 "2", "180.00"),
            line("Verifica post-intervento e report all'utente", "1.5", "283.04"),
        )
    net = sum((item.amount for item in lines), Decimal("0.00"))
    rate = Decimal(vat_rate)
    vat = _cents(net * rate / 100)
    return QuoteDocument(
        quote_id=17,
        request_number=123,
        revision=2,
        lang=lang,
        issue_date=date(2026, 3, 5),
        valid_until=date(2026, 4, 4),
        company=COMPANY,
        customer=CUSTOMER,
        service_name="Cloud Server Pro srv-mi-0042",
        service_kind="cloud_server",
        category="ssl",
        request_subject="Certificato SSL wildcard e messa in sicurezza HTTPS dell'e-commerce",
        kind="fixed",
        net=net,
        vat_rate=rate,
        vat=vat,
        total=net + vat,
        lines=lines,
        notes="Intervento programmabile in orario notturno (22:00–06:00) su richiesta.",
        draft=draft,
    )


def hourly_quote(lang: Literal["it", "en"] = "en", *, draft: bool = False) -> QuoteDocument:
    """An hourly P2V migration: 12.5 h x 68.00 = 850.00 net, 187.00 VAT, 1,037.00."""
    hours, rate = Decimal("12.50"), Decimal("68.00")
    net = _cents(hours * rate)
    vat = _cents(net * Decimal("0.22"))
    return QuoteDocument(
        quote_id=18,
        request_number=4711,
        revision=1,
        lang=lang,
        issue_date=date(2026, 12, 1),
        valid_until=date(2026, 12, 31),
        company=COMPANY,
        customer=CustomerInfo(code="C-000988", name="O'Brien Hosting Ltd",
                              address_lines=("14 Harbour Street", "Dublin D02 X285",
                                             "Ireland")),
        service_name="VPS Linux vps-dub-7",
        service_kind="vps",
        category="p2v_v2v",
        request_subject="Migrate the physical mail server to a cloud server (P2V)",
        kind="hourly",
        net=net,
        vat_rate=Decimal("22.00"),
        vat=vat,
        total=net + vat,
        hourly_rate=rate,
        estimated_hours=hours,
        billing_increment_minutes=15,
        draft=draft,
    )


def long_quote(lang: Literal["it", "en"] = "it", count: int = 60) -> QuoteDocument:
    """``count`` lines of 10.00 each, every fifth with a long, wrapping description."""
    items = []
    for number in range(1, count + 1):
        description = f"Attività {number:02d}: configurazione componente"
        if number % 5 == 0:
            description += (" con analisi dei log, verifica delle dipendenze, test di "
                            "regressione e documentazione delle modifiche effettuate")
        items.append(line(description, "1", "10.00"))
    return fixed_quote(lang, tuple(items))


def as_draft(document: QuoteDocument) -> QuoteDocument:
    return replace(document, draft=True)
