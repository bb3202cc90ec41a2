"""The FatturaPA 1.2 XML of an invoice or a credit note, and its validation.

:func:`render_fatturapa` writes the file the SDI intermediary transmits (FPR12 between
private parties, FPA12 to a public administration: its 6-character office code only goes
with FPA12), from the same :class:`~app.domain.invoices.InvoiceDocument` the courtesy PDF
is rendered from. :func:`validate_fatturapa` checks a file against the official XML
schema shipped in ``resources/fatturapa/`` (the Agenzia delle Entrate's
``Schema_del_file_xml_FatturaPA_v1.2.3.xsd`` and the W3C xmldsig schema it imports),
with lxml (libxml2), offline, then against the SDI's own arithmetic and nature rules the
schema cannot express. No database here: plain data in, bytes out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree

from app.domain.invoices import InvoiceDocument, InvoiceLine, Party, VatSummary
from reports.fatturapa_schema import FatturaPAError, latin, validate_fatturapa

__all__ = ["NS", "FatturaPAError", "fatturapa_format", "render_fatturapa",
           "validate_fatturapa"]

NS = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"
DS = "http://www.w3.org/2000/09/xmldsig#"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: CodiceDestinatario of a business or consumer with no code (delivered by PEC, or to
#: the buyer's tax drawer), and of a buyer abroad (the SDI delivers to nobody)
NO_CODE = "0000000"
FOREIGN_CODE = "XXXXXXX"
#: CAP of an address abroad, and IdCodice of a buyer abroad without a VAT number
FOREIGN_POSTCODE = "00000"
FOREIGN_ID = "99999999999"

CENT = Decimal("0.01")


def fatturapa_format(doc: InvoiceDocument) -> str:
    """``FPA12`` to a public administration, ``FPR12`` to anyone else."""
    return "FPA12" if doc.buyer.kind == "pa" else "FPR12"


def render_fatturapa(doc: InvoiceDocument) -> bytes:
    """The FatturaPA XML of ``doc`` (UTF-8, deterministic bytes). Not validated here:
    call :func:`validate_fatturapa` on the result before storing it."""
    version = fatturapa_format(doc)
    root = etree.Element(f"{{{NS}}}FatturaElettronica", nsmap={"p": NS, "ds": DS, "xsi": XSI})
    root.set("versione", version)
    header = _sub(root, "FatturaElettronicaHeader")
    _transmission(_sub(header, "DatiTrasmissione"), doc, version)
    _seller(_sub(header, "CedentePrestatore"), doc.seller)
    _buyer(_sub(header, "CessionarioCommittente"), doc.buyer)
    body = _sub(root, "FatturaElettronicaBody")
    general = _sub(body, "DatiGenerali")
    _general_document(_sub(general, "DatiGeneraliDocumento"), doc)
    if doc.type == "TD04" and doc.credited_number:
        linked = _sub(general, "DatiFattureCollegate")
        _sub(linked, "IdDocumento", latin(doc.credited_number, 20))
        if doc.credited_date is not None:
            _sub(linked, "Data", doc.credited_date.isoformat())
    goods = _sub(body, "DatiBeniServizi")
    for line in doc.lines:
        _line(_sub(goods, "DettaglioLinee"), line)
    for summary in doc.summaries:
        _summary(_sub(goods, "DatiRiepilogo"), summary)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True))


# ------------------------------------------------------------------------- header


def _transmission(node: etree._Element, doc: InvoiceDocument, version: str) -> None:
    sender = _sub(node, "IdTrasmittente")
    _sub(sender, "IdPaese", doc.seller.country or "IT")
    _sub(sender, "IdCodice", doc.seller.vat_number)
    _sub(node, "ProgressivoInvio", doc.transmission_progressive)
    _sub(node, "FormatoTrasmissione", version)
    code = recipient_code(doc.buyer)
    _sub(node, "CodiceDestinatario", code)
    if code == NO_CODE and doc.buyer.pec:
        _sub(node, "PECDestinatario", doc.buyer.pec.strip())


def recipient_code(buyer: Party) -> str:
    """The buyer's Codice Destinatario as the SDI wants it (see :data:`NO_CODE`)."""
    if buyer.country and buyer.country != "IT":
        return FOREIGN_CODE
    code = buyer.sdi_code.strip().upper()
    return code or NO_CODE


def _seller(node: etree._Element, seller: Party) -> None:
    personal = _sub(node, "DatiAnagrafici")
    vat = _sub(personal, "IdFiscaleIVA")
    _sub(vat, "IdPaese", seller.country or "IT")
    _sub(vat, "IdCodice", seller.vat_number)
    if seller.tax_code:
        _sub(personal, "CodiceFiscale", seller.tax_code.strip().upper())
    _name(_sub(personal, "Anagrafica"), seller)
    _sub(personal, "RegimeFiscale", seller.tax_regime or "RF01")
    _address(_sub(node, "Sede"), seller)
    if seller.rea_office and seller.rea_number:
        rea = _sub(node, "IscrizioneREA")
        _sub(rea, "Ufficio", seller.rea_office.strip().upper())
        _sub(rea, "NumeroREA", latin(seller.rea_number, 20))
        if seller.share_capital is not None:
            _sub(rea, "CapitaleSociale", amount(seller.share_capital))
        _sub(rea, "StatoLiquidazione", "LN")


def _buyer(node: etree._Element, buyer: Party) -> None:
    personal = _sub(node, "DatiAnagrafici")
    foreign = bool(buyer.country) and buyer.country != "IT"
    if buyer.vat_number or (foreign and not buyer.tax_code):
        vat = _sub(personal, "IdFiscaleIVA")
        _sub(vat, "IdPaese", buyer.country or "IT")
        _sub(vat, "IdCodice", buyer.vat_number.strip().upper() or FOREIGN_ID)
    if buyer.tax_code and not foreign:
        _sub(personal, "CodiceFiscale", buyer.tax_code.strip().upper())
    _name(_sub(personal, "Anagrafica"), buyer)
    _address(_sub(node, "Sede"), buyer)


def _name(node: etree._Element, party: Party) -> None:
    if party.kind == "consumer" and party.first_name and party.last_name:
        _sub(node, "Nome", latin(party.first_name, 60))
        _sub(node, "Cognome", latin(party.last_name, 60))
    else:
        _sub(node, "Denominazione", latin(party.name, 80))


def _address(node: etree._Element, party: Party) -> None:
    italian = not party.country or party.country == "IT"
    _sub(node, "Indirizzo", latin(party.street, 60))
    _sub(node, "CAP", party.postcode.strip() if italian else _foreign_postcode(party.postcode))
    _sub(node, "Comune", latin(party.city, 60))
    if italian and party.province:
        _sub(node, "Provincia", party.province.strip().upper())
    _sub(node, "Nazione", party.country or "IT")


def _foreign_postcode(postcode: str) -> str:
    code = postcode.strip()
    return code if len(code) == 5 and code.isdigit() else FOREIGN_POSTCODE


# --------------------------------------------------------------------------- body


def _general_document(node: etree._Element, doc: InvoiceDocument) -> None:
    _sub(node, "TipoDocumento", doc.type)
    _sub(node, "Divisa", "EUR")
    _sub(node, "Data", doc.issue_date.isoformat())
    _sub(node, "Numero", doc.number)
    if doc.stamp_duty > 0:
        stamp = _sub(node, "DatiBollo")
        _sub(stamp, "BolloVirtuale", "SI")
        _sub(stamp, "ImportoBollo", amount(doc.stamp_duty))
    _sub(node, "ImportoTotaleDocumento", amount(doc.total))
    for part in _chunks(doc.causale or doc.reference, 200):
        _sub(node, "Causale", part)


def _line(node: etree._Element, line: InvoiceLine) -> None:
    _sub(node, "NumeroLinea", str(line.number))
    _sub(node, "Descrizione", latin(line.description, 1000))
    _sub(node, "Quantita", decimals(line.quantity))
    if line.unit:
        _sub(node, "UnitaMisura", latin(line.unit, 10))
    _sub(node, "PrezzoUnitario", decimals(line.unit_price))
    _sub(node, "PrezzoTotale", decimals(line.amount))
    _sub(node, "AliquotaIVA", amount(line.vat_rate))
    if line.nature:
        _sub(node, "Natura", line.nature)


def _summary(node: etree._Element, summary: VatSummary) -> None:
    _sub(node, "AliquotaIVA", amount(summary.vat_rate))
    if summary.nature:
        _sub(node, "Natura", summary.nature)
    _sub(node, "ImponibileImporto", amount(summary.taxable))
    _sub(node, "Imposta", amount(summary.vat))
    _sub(node, "EsigibilitaIVA", "I")
    if summary.nature and summary.legal_reference:
        _sub(node, "RiferimentoNormativo", latin(summary.legal_reference, 100))


# ------------------------------------------------------------------------ helpers


def _sub(parent: etree._Element, tag: str, value: str | None = None) -> etree._Element:
    node = etree.SubElement(parent, tag)
    if value is not None:
        node.text = value
    return node


def amount(value: Decimal) -> str:
    """``1234.50``: two decimals, rounded half-up (Amount2DecimalType)."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def decimals(value: Decimal) -> str:
    """Two to eight decimals (Amount8DecimalType, QuantitaType): ``3.00``, ``12.3456``."""
    exponent = value.as_tuple().exponent
    places = 2 if not isinstance(exponent, int) else min(max(-exponent, 2), 8)
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"


def _chunks(value: str, size: int) -> Iterable[str]:
    text = latin(value, len(value) + 1)
    while text:
        head, text = text[:size], text[size:].lstrip()
        if head.strip():
            yield head.rstrip()
