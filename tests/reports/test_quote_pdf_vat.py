"""The quote PDF says where VAT is charged (issue 20), and at 0 % why and under which law,
with the stamp duty where due; one page as before."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from reports.quote_pdf import render_quote
from tests.reports.pdf_inspect import all_text, page_texts
from tests.reports.quote_samples import fixed_quote, hourly_quote

D = Decimal


def test_at_the_topup_the_credit_gives_the_net() -> None:
    document = replace(fixed_quote(), vat_point="topup")
    text = all_text(render_quote(document))
    assert "IVA assolta sulla ricarica del credito" in text
    assert "Addebito sul credito" in text and "IVA 22%" not in text
    assert text.count("1.234,56 €") == 2  # the net and what is taken
    assert len(page_texts(render_quote(document))) == len(page_texts(render_quote(fixed_quote())))


def test_at_the_charge_vat_is_in_the_charge() -> None:
    text = all_text(render_quote(replace(hourly_quote(), vat_point="charge")))
    assert "VAT 22% included in the charge" in text


def test_at_zero_the_nature_its_law_and_the_stamp_duty() -> None:
    document = replace(fixed_quote(), vat_rate=D("0.00"), vat=D("0.00"),
                       total=fixed_quote().net, vat_nature="N2.1",
                       legal_reference="Art. 7-ter DPR 633/72", stamp_duty=D("2.00"))
    text = all_text(render_quote(document))
    assert "N2.1" in text and "Art. 7-ter DPR 633/72" in text
    assert "Imposta di bollo 2,00 € assolta in modo virtuale" in text
    assert "inclusa nell'addebito" not in text
