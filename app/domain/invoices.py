"""Invoices and credit notes as plain data (Italian rules), no SQL and no rendering.

The invoice service builds an :class:`InvoiceDocument` from what the database stored when
the document was issued; ``reports/`` renders it to the courtesy-copy PDF (art. 21 DPR
633/72) and to the FatturaPA 1.2 XML (FPR12) from the same object, so the two always say
the same thing. The zero-VAT natures (N1 ... N7 with their subcodes, as in the FatturaPA
specifications 1.2.x), the stamp duty ("imposta di bollo" of 2,00 EUR on amounts not
subject to VAT above 77,47 EUR, DPR 642/72) and the list of the company's legal data an
invoice cannot go without live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

Lang = Literal["it", "en"]
#: FatturaPA TipoDocumento: TD01 invoice, TD04 credit note
InvoiceType = Literal["TD01", "TD04"]
#: the printed series of each type: "FT 2026/000123", "NC 2026/000004"
SERIES: dict[str, str] = {"TD01": "FT", "TD04": "NC"}

STAMP_DUTY = Decimal("2.00")
#: the stamp duty is due where the amounts not subject to VAT exceed this
STAMP_DUTY_THRESHOLD = Decimal("77.47")
STAMP_DUTY_REFERENCE = "Imposta di bollo assolta in modo virtuale ai sensi del D.M. 17/06/2014"


@dataclass(frozen=True)
class Nature:
    """Why a line carries no VAT: its FatturaPA code, its words and its law."""

    code: str
    text_it: str
    text_en: str
    reference: str  # the default legal reference printed and written to the XML
    stamp_duty: bool  # whether its amounts count towards the stamp duty


NATURES: dict[str, Nature] = {n.code: n for n in (
    Nature("N1", "Escluse ex art. 15", "Excluded (art. 15)",
           "Art. 15 DPR 633/72", True),
    Nature("N2.1", "Non soggette ad IVA ai sensi degli artt. da 7 a 7-septies del DPR 633/72",
           "Outside the scope of Italian VAT (arts. 7 to 7-septies DPR 633/72)",
           "Art. 7-ter DPR 633/72", True),
    Nature("N2.2", "Non soggette - altri casi", "Not subject to VAT - other cases",
           "Art. 1, c. 54-89, L. 190/2014", True),
    Nature("N3.1", "Non imponibili - esportazioni", "Non-taxable - exports",
           "Art. 8, c. 1, DPR 633/72", False),
    Nature("N3.2", "Non imponibili - cessioni intracomunitarie",
           "Non-taxable - intra-Community supplies", "Art. 41 DL 331/93", False),
    Nature("N3.3", "Non imponibili - cessioni verso San Marino",
           "Non-taxable - supplies to San Marino", "Art. 71 DPR 633/72", False),
    Nature("N3.4", "Non imponibili - operazioni assimilate alle cessioni all'esportazione",
           "Non-taxable - treated as exports", "Art. 8-bis DPR 633/72", False),
    Nature("N3.5", "Non imponibili - a seguito di dichiarazioni d'intento",
           "Non-taxable - declaration of intent", "Art. 8, c. 1, lett. c), DPR 633/72",
           True),
    Nature("N3.6", "Non imponibili - altre operazioni che non concorrono alla formazione "
           "del plafond", "Non-taxable - other operations", "Art. 9 DPR 633/72", True),
    Nature("N4", "Esenti", "Exempt", "Art. 10 DPR 633/72", True),
    Nature("N5", "Regime del margine / IVA non esposta in fattura",
           "Margin scheme / VAT not shown", "Art. 36 DL 41/95", False),
    Nature("N6.1", "Inversione contabile - cessione di rottami e altri materiali di recupero",
           "Reverse charge - scrap and recovered materials",
           "Art. 74, c. 7 e 8, DPR 633/72", False),
    Nature("N6.2", "Inversione contabile - cessione di oro e argento",
           "Reverse charge - gold and silver", "Art. 17, c. 5, DPR 633/72", False),
    Nature("N6.3", "Inversione contabile - subappalto nel settore edile",
           "Reverse charge - building subcontracting", "Art. 17, c. 6, lett. a), DPR 633/72",
           False),
    Nature("N6.4", "Inversione contabile - cessione di fabbricati",
           "Reverse charge - buildings", "Art. 17, c. 6, lett. a-bis), DPR 633/72", False),
    Nature("N6.5", "Inversione contabile - cessione di telefoni cellulari",
           "Reverse charge - mobile phones", "Art. 17, c. 6, lett. b), DPR 633/72", False),
    Nature("N6.6", "Inversione contabile - cessione di prodotti elettronici",
           "Reverse charge - electronic products", "Art. 17, c. 6, lett. c), DPR 633/72",
           False),
    Nature("N6.7", "Inversione contabile - prestazioni comparto edile e settori connessi",
           "Reverse charge - building services", "Art. 17, c. 6, lett. a-ter), DPR 633/72",
           False),
    Nature("N6.8", "Inversione contabile - operazioni settore energetico",
           "Reverse charge - energy sector", "Art. 17, c. 6, lett. d-bis), DPR 633/72",
           False),
    Nature("N6.9", "Inversione contabile - altri casi", "Reverse charge - other cases",
           "Art. 17, c. 2, DPR 633/72", False),
    Nature("N7", "IVA assolta in altro stato UE", "VAT paid in another EU member state",
           "Art. 7-octies DPR 633/72", False),
)}


def nature_of(code: str) -> Nature | None:
    """The nature with this code (``"N2.1"``), or None."""
    return NATURES.get(code.strip().upper())


@dataclass(frozen=True)
class Party:
    """Seller (cedente/prestatore) or buyer (cessionario/committente) of an invoice.

    ``vat_number`` is without its country prefix (``country`` is the VAT country);
    ``name`` is the company name, or for a consumer "Nome Cognome" (``first_name`` and
    ``last_name`` then hold the parts FatturaPA wants separately)."""

    name: str
    vat_number: str = ""
    tax_code: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    province: str = ""  # two letters, Italian addresses only
    country: str = "IT"
    kind: str = "business"  # buyer: business | consumer | pa
    first_name: str = ""
    last_name: str = ""
    sdi_code: str = ""  # buyer: Codice Destinatario ("0000000" when none)
    pec: str = ""
    # seller only
    tax_regime: str = "RF01"
    rea_office: str = ""  # province of the Registro Imprese, e.g. "AR"
    rea_number: str = ""
    share_capital: Decimal | None = None  # paid-in share capital
    email: str = ""
    phone: str = ""

    @property
    def address_lines(self) -> tuple[str, ...]:
        place = " ".join(p for p in (self.postcode, self.city) if p)
        if self.province:
            place = f"{place} ({self.province})"
        lines = [self.street, place]
        if self.country and self.country != "IT":
            lines.append(self.country)
        return tuple(line for line in lines if line)


@dataclass(frozen=True)
class InvoiceLine:
    number: int  # 1, 2, ...
    description: str
    quantity: Decimal
    unit: str  # "" or e.g. "ore"
    unit_price: Decimal
    amount: Decimal  # quantity x unit price, rounded half-up to the cent
    vat_rate: Decimal  # percent, Decimal("22.00"); Decimal("0.00") with a nature
    nature: str = ""  # a key of NATURES where vat_rate is 0, else ""


@dataclass(frozen=True)
class VatSummary:
    """One row of the VAT summary (DatiRiepilogo): per rate, and per nature at 0 %."""

    vat_rate: Decimal
    nature: str
    taxable: Decimal
    vat: Decimal
    legal_reference: str = ""  # required where nature is set


@dataclass(frozen=True)
class InvoiceDocument:
    """Everything an invoice or credit note says, as stored when it was issued:
    rendering it twice gives the same bytes (PDF and XML)."""

    invoice_id: int  # unique across types and years
    type: InvoiceType
    year: int
    progressive: int  # within its type and year, from 1, without gaps
    issue_date: date  # the server's date when it was issued
    lang: Lang
    seller: Party
    buyer: Party
    lines: tuple[InvoiceLine, ...]
    summaries: tuple[VatSummary, ...]
    net: Decimal
    vat: Decimal
    stamp_duty: Decimal  # Decimal("0.00") or STAMP_DUTY (borne by the seller, not in total)
    total: Decimal  # net + vat
    reference: str  # what it is for: "RIT-000170", "Ricarica del credito", ...
    causale: str = ""  # the description of the operation (Causale)
    credited_number: str = ""  # TD04: the number of the invoice it credits
    credited_date: date | None = None

    @property
    def number(self) -> str:
        """As printed and as written to the XML's Numero: ``FT 2026/000123``."""
        return document_number(self.type, self.year, self.progressive)

    @property
    def transmission_progressive(self) -> str:
        """The file's progressive for the SDI: 5 characters, unique for the seller."""
        return base36(self.invoice_id).rjust(5, "0")

    @property
    def xml_filename(self) -> str:
        return f"{self.seller.country}{self.seller.vat_number}_{self.transmission_progressive}.xml"


def document_number(kind: InvoiceType, year: int, progressive: int) -> str:
    return f"{SERIES[kind]} {year}/{progressive:06d}"


def base36(value: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if value < 0:
        raise ValueError("a negative identifier")
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if value == 0:
            return out


def stamp_duty_due(summaries: tuple[VatSummary, ...] | list[VatSummary]) -> Decimal:
    """The stamp duty a document carries: 2,00 where its amounts whose nature counts for
    it exceed 77,47, else 0,00."""
    exempt_of_vat = sum((s.taxable for s in summaries
                         if s.nature and (n := nature_of(s.nature)) is not None
                         and n.stamp_duty), Decimal("0.00"))
    return STAMP_DUTY if exempt_of_vat > STAMP_DUTY_THRESHOLD else Decimal("0.00")


#: the company's legal data no invoice may be issued without, with the setting holding each
LEGAL_DATA: tuple[tuple[str, str], ...] = (
    ("name", "company_name"),
    ("vat_number", "company_vat_number"),
    ("street", "company_street"),
    ("postcode", "company_postcode"),
    ("city", "company_city"),
    ("country", "company_country"),
    ("tax_regime", "company_tax_regime"),
    ("rea_office", "company_rea"),
    ("rea_number", "company_rea"),
    ("share_capital", "company_share_capital"),
)


def missing_legal_data(seller: Party) -> list[str]:
    """The settings to fill before an invoice can be issued, in order, without repeats."""
    missing: list[str] = []
    for attribute, setting in LEGAL_DATA:
        value = getattr(seller, attribute)
        if (value is None or value == "") and setting not in missing:
            missing.append(setting)
    if seller.country == "IT" and not seller.province and "company_province" not in missing:
        missing.append("company_province")
    return missing


#: the buyer's data an invoice cannot be made without, by the flag of ``customers set``
#: that sets each (FatturaPA 1.2: an Italian buyer's tax identity and address with a
#: five-digit CAP; a buyer abroad needs an address, the rest has the SDI's placeholders)
BUYER_FLAGS: dict[str, str] = {
    "tax_code": "--tax-code", "vat_number": "--vat-number", "street": "--street",
    "postcode": "--postcode", "city": "--city",
}


def missing_buyer_data(buyer: Party) -> list[str]:
    """The customer's fields to fill before an invoice to ``buyer`` can be made, in the
    order of :data:`BUYER_FLAGS` ("tax_code" standing for a tax code or a VAT number)."""
    italian = not buyer.country or buyer.country == "IT"
    missing: list[str] = []
    if italian and not buyer.vat_number.strip() and not buyer.tax_code.strip():
        missing.append("vat_number" if buyer.kind == "business" else "tax_code")
    if not buyer.street.strip():
        missing.append("street")
    if italian and not re.fullmatch(r"\d{5}", buyer.postcode.strip()):
        missing.append("postcode")
    if not buyer.city.strip():
        missing.append("city")
    return missing


def missing_buyer_fields(name: str, kind: str | None, vat_number: str | None,
                         tax_code: str | None, street: str | None, postcode: str | None,
                         city: str | None, country: str | None) -> tuple[str, ...]:
    """:func:`missing_buyer_data` of a customer's stored fields (None read as empty)."""
    return tuple(missing_buyer_data(Party(
        name=name, kind=kind or "consumer", vat_number=vat_number or "",
        tax_code=tax_code or "", street=street or "", postcode=postcode or "",
        city=city or "", country=country or "IT")))


@dataclass(frozen=True)
class VatRegisterRow:
    """One document's amounts at one rate (or nature) in the VAT register."""

    number: str
    type: InvoiceType
    issue_date: date
    customer: str  # customer code
    customer_name: str
    vat_rate: Decimal
    nature: str
    taxable: Decimal  # negative for a credit note
    vat: Decimal  # negative for a credit note


@dataclass(frozen=True)
class VatRegisterTotal:
    vat_rate: Decimal
    nature: str
    taxable: Decimal
    vat: Decimal


@dataclass(frozen=True)
class VatRegister:
    """A month's invoices and credit notes by rate and nature (``reports vat``)."""

    year: int
    month: int
    company: Party
    rows: tuple[VatRegisterRow, ...]
    totals: tuple[VatRegisterTotal, ...]  # per (rate, nature), in that order
    taxable: Decimal
    vat: Decimal
    stamp_duty: Decimal
    documents: int
