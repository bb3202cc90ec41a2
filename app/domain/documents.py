"""The quote as a document: plain data that ``reports/`` renders to PDF.

Nothing here knows about the database or reportlab; the quote service builds a
:class:`QuoteDocument` from the stored quote and hands it to a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from app.domain.references import quote_reference, request_reference

QuoteKind = Literal["fixed", "hourly"]


@dataclass(frozen=True)
class CompanyInfo:
    """The letterhead: who issues the quote."""

    name: str
    address_lines: tuple[str, ...]
    vat_number: str
    email: str = ""
    phone: str = ""
    website: str = ""
    logo_path: str | None = None  # a PNG or JPEG; None uses the logo shipped in resources/
    with_logo: bool = True  # False: no logo at all (the custom one cannot be drawn)
    rea: str = ""  # register of companies office and REA number, e.g. "AR-123456"
    share_capital: str = ""  # e.g. "€ 1.000.000,00 i.v."


@dataclass(frozen=True)
class CustomerInfo:
    """Who the quote is addressed to."""

    code: str
    name: str
    address_lines: tuple[str, ...] = ()
    vat_number: str = ""  # VAT number or fiscal code, where known


@dataclass(frozen=True)
class QuoteLineDoc:
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal  # quantity x unit price, rounded half-up to the cent


@dataclass(frozen=True)
class QuoteDocument:
    """Everything printed on a quote; rendering it twice gives the same bytes."""

    quote_id: int
    request_number: int
    revision: int
    lang: Literal["it", "en"]
    issue_date: date
    valid_until: date
    company: CompanyInfo
    customer: CustomerInfo
    service_name: str
    service_kind: str
    category: str  # category code, e.g. "ssl"
    request_subject: str
    kind: QuoteKind
    net: Decimal
    vat_rate: Decimal  # percent, e.g. Decimal("22.00")
    vat: Decimal
    total: Decimal
    lines: tuple[QuoteLineDoc, ...] = ()  # fixed-price quotes
    hourly_rate: Decimal | None = None  # hourly quotes
    estimated_hours: Decimal | None = None
    billing_increment_minutes: int = 15
    notes: str = ""
    draft: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    #: where VAT is charged when the quote was made (app/domain/vat_point.py)
    vat_point: str = "charge"
    #: at 0 % VAT: the nature (a key of app.domain.invoices.NATURES), its legal reference
    vat_nature: str = ""
    legal_reference: str = ""
    stamp_duty: Decimal = Decimal("0.00")  # the "bollo virtuale" where due

    @property
    def reference(self) -> str:
        return quote_reference(self.request_number, self.revision)

    @property
    def taken_from_credit(self) -> Decimal:
        """What the agreed amount takes from the credit: the net where VAT is paid on
        the top-up, net + VAT where it is charged with the work."""
        return self.net if self.vat_point == "topup" else self.total

    @property
    def request_ref(self) -> str:
        return request_reference(self.request_number)


@dataclass(frozen=True)
class QuoteIndexRow:
    """One sent quote in the index of a batch export (a CSV beside the PDFs)."""

    reference: str
    customer_code: str
    customer_name: str
    sent: date
    net: Decimal
    vat: Decimal
    total: Decimal
    sha256: str  # of the stored PDF: the file beside it has exactly this hash


class QuoteRenderer(Protocol):
    """Turns a quote document into PDF bytes (implemented in ``reports/``)."""

    def __call__(self, document: QuoteDocument) -> bytes: ...


def specimen(company: CompanyInfo, today: date) -> QuoteDocument:
    """A one-line draft quote to try a letterhead with (a new logo, say)."""
    one = Decimal("1.00")
    return QuoteDocument(
        quote_id=0, request_number=1, revision=1, lang="it", issue_date=today,
        valid_until=today, company=company, customer=CustomerInfo("SPECIMEN", "Specimen"),
        service_name="-", service_kind="other", category="other", request_subject="-",
        kind="fixed", net=one, vat_rate=Decimal("22.00"), vat=Decimal("0.22"),
        total=Decimal("1.22"), lines=(QuoteLineDoc("-", one, one, one),), draft=True)
