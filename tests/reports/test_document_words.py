"""What a customer reads on paper: labels, never internal codes; the real issue date in
the metadata; the company's legal details in the footer."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum

import pytest
from pypdf import PdfReader

from app.domain import enums
from reports.quote_pdf import render_quote
from reports.texts import category_label, service_kind_label
from tests.reports.pdf_inspect import all_text
from tests.reports.quote_samples import COMPANY, fixed_quote, hourly_quote

#: every code the services store, from every enum of the domain
CODES = sorted({str(member.value) for enum in vars(enums).values()
                if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum
                for member in enum} | set(enums.SERVICE_KINDS))


def codes_in(text: str) -> list[str]:
    """Codes as a program writes them: with an underscore (``cloud_server``), or alone in
    brackets (``(vps)``). A code that is also a word ("software", "accepted") is found by
    the checks of each field instead."""
    return [code for code in CODES
            if ("_" in code and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text))
            or f"({code})" in text]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_no_internal_code_reaches_the_paper(lang: str) -> None:
    """Every service kind and category, both kinds of quote: only labels are printed."""
    for kind in enums.SERVICE_KINDS:
        for category in enums.Category:
            for document in (fixed_quote(lang), hourly_quote(lang)):  # type: ignore[arg-type]
                document = replace(document, service_kind=kind, category=category.value)
                text = all_text(render_quote(document))
                assert codes_in(text) == [], (kind, category, text)
                assert f"({service_kind_label(kind, lang)})" in text  # type: ignore[arg-type]
                assert category_label(category.value, lang) in text  # type: ignore[arg-type]


def test_the_service_reads_as_people_say_it() -> None:
    text = all_text(render_quote(replace(fixed_quote("it"), service_name="cloud-server-officina",
                                         service_kind="cloud_server")))
    assert "cloud-server-officina (Cloud server)" in text and "cloud_server" not in text


def _created(pdf: bytes) -> datetime:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.modification_date == meta.creation_date
    return meta.creation_date


def test_the_metadata_carry_the_issue_date_and_reprints_are_identical() -> None:
    document = replace(fixed_quote("it"), issue_date=date(2026, 3, 14))
    first = render_quote(document)
    assert _created(first).date() == date(2026, 3, 14)
    assert render_quote(document) == first  # byte-identical, whatever the clock says
    other_day = render_quote(replace(document, issue_date=date(2026, 3, 15)))
    assert _created(other_day).date() == date(2026, 3, 15)


def test_the_legal_details_are_printed_when_set() -> None:
    plain = all_text(render_quote(fixed_quote("it")))
    assert "REA" not in plain and "Cap. soc." not in plain
    company = replace(COMPANY, rea="AR-123456", share_capital="€ 1.000.000,00 i.v.")
    italian = all_text(render_quote(replace(fixed_quote("it"), company=company)))
    assert ("Sede legale Via dell'Industria 12, 52100 Arezzo (AR), Italia · P. IVA "
            "IT01234567890 · REA AR-123456 · Cap. soc. € 1.000.000,00 i.v.") in italian
    english = all_text(render_quote(replace(hourly_quote("en"), company=company)))
    assert "REA no. AR-123456 · Share capital € 1.000.000,00 i.v." in english
