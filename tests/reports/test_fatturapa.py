"""The FatturaPA XML: every kind of document valid against the official schema, a sample
read back field by field, broken files refused with a readable list of what is wrong."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from lxml import etree

from app.domain.invoices import InvoiceDocument
from reports.fatturapa import FatturaPAError, render_fatturapa, validate_fatturapa
from reports.fatturapa_schema import SCHEMA_FILE, latin
from tests.reports import invoice_samples as samples

NS = "{http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2}"


def _root(doc: InvoiceDocument) -> etree._Element:
    return etree.fromstring(render_fatturapa(doc))


def _text(root: etree._Element, path: str) -> str | None:
    return root.findtext(path)


@pytest.mark.parametrize("kind", sorted(samples.every_kind()))
def test_every_kind_is_valid_against_the_official_schema(kind: str) -> None:
    doc = samples.every_kind()[kind]
    xml = render_fatturapa(doc)
    validate_fatturapa(xml)
    assert render_fatturapa(doc) == xml  # deterministic
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_the_schema_is_the_official_one_shipped_unmodified() -> None:
    head = SCHEMA_FILE.read_text(encoding="utf-8-sig")[:600]
    assert 'targetNamespace="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"' in head
    assert 'version="1.2.3"' in head


def test_a_business_invoice_read_back_field_by_field() -> None:
    doc = samples.business_invoice()
    root = _root(doc)
    assert root.tag == f"{NS}FatturaElettronica"
    assert root.get("versione") == "FPR12"
    h = "FatturaElettronicaHeader/"
    t = h + "DatiTrasmissione/"
    assert _text(root, t + "IdTrasmittente/IdPaese") == "IT"
    assert _text(root, t + "IdTrasmittente/IdCodice") == "01879020517"
    assert _text(root, t + "ProgressivoInvio") == doc.transmission_progressive == "00001"
    assert _text(root, t + "FormatoTrasmissione") == "FPR12"
    assert _text(root, t + "CodiceDestinatario") == "M5UXCR1"
    assert root.find(t + "PECDestinatario") is None
    s = h + "CedentePrestatore/"
    assert _text(root, s + "DatiAnagrafici/IdFiscaleIVA/IdCodice") == "01879020517"
    assert _text(root, s + "DatiAnagrafici/CodiceFiscale") == "01879020517"
    assert _text(root, s + "DatiAnagrafici/Anagrafica/Denominazione") == "Cloud Provider Italia S.p.A."
    assert _text(root, s + "DatiAnagrafici/RegimeFiscale") == "RF01"
    assert [_text(root, s + f"Sede/{f}") for f in ("Indirizzo", "CAP", "Comune", "Provincia",
                                                   "Nazione")] == [
        "Via San Clemente 53", "24036", "Ponte San Pietro", "BG", "IT"]
    assert [_text(root, s + f"IscrizioneREA/{f}") for f in (
        "Ufficio", "NumeroREA", "CapitaleSociale", "StatoLiquidazione")] == [
        "BG", "434483", "4000000.00", "LN"]
    b = h + "CessionarioCommittente/"
    assert _text(root, b + "DatiAnagrafici/IdFiscaleIVA/IdPaese") == "IT"
    assert _text(root, b + "DatiAnagrafici/IdFiscaleIVA/IdCodice") == "12345678903"
    assert _text(root, b + "DatiAnagrafici/CodiceFiscale") == "12345678903"
    assert _text(root, b + "DatiAnagrafici/Anagrafica/Denominazione") == "Rossi Hosting S.r.l."
    assert _text(root, b + "Sede/Comune") == "Arezzo"
    g = "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/"
    assert _text(root, g + "TipoDocumento") == "TD01"
    assert _text(root, g + "Divisa") == "EUR"
    assert _text(root, g + "Data") == "2026-12-07"
    assert _text(root, g + "Numero") == doc.number == "FT 2026/000001"
    assert root.find(g + "DatiBollo") is None
    assert _text(root, g + "ImportoTotaleDocumento") == "311.71"
    assert _text(root, g + "Causale") == "Intervento tecnico RIT-000170: migrazione del sito"
    lines = root.findall("FatturaElettronicaBody/DatiBeniServizi/DettaglioLinee")
    assert [(_text(x, "NumeroLinea"), _text(x, "Quantita"), _text(x, "UnitaMisura"),
             _text(x, "PrezzoUnitario"), _text(x, "PrezzoTotale"), _text(x, "AliquotaIVA"))
            for x in lines] == [("1", "3.50", "ore", "60.00", "210.00", "22.00"),
                                ("2", "1.00", None, "45.50", "45.50", "22.00")]
    # typographic dashes and quotes are outside the schema's Latin-1: made plain
    assert _text(lines[0], "Descrizione") == (
        'Migrazione sito web su cloud server - "intervento" RIT-000170')
    (summary,) = root.findall("FatturaElettronicaBody/DatiBeniServizi/DatiRiepilogo")
    assert [_text(summary, f) for f in ("AliquotaIVA", "ImponibileImporto", "Imposta",
                                        "EsigibilitaIVA")] == ["22.00", "255.50", "56.21", "I"]
    assert summary.find("Natura") is None
    assert doc.xml_filename == "IT01879020517_00001.xml"


def test_a_consumer_has_a_tax_code_a_name_and_a_surname_and_no_recipient_code() -> None:
    root = _root(samples.consumer_invoice())
    b = "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/"
    assert root.find(b + "IdFiscaleIVA") is None
    assert _text(root, b + "CodiceFiscale") == "BNCMRA80A01D612Z"
    assert _text(root, b + "Anagrafica/Nome") == "Mario"
    assert _text(root, b + "Anagrafica/Cognome") == "Bianchi"
    assert root.find(b + "Anagrafica/Denominazione") is None
    assert _text(root, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario") == "0000000"


def test_a_business_without_code_gets_0000000_and_its_pec() -> None:
    buyer = replace(samples.BUSINESS, sdi_code="", pec="rossi@pec.example.it")
    xml = render_fatturapa(replace(samples.business_invoice(), buyer=buyer))
    validate_fatturapa(xml)
    root = etree.fromstring(xml)
    t = "FatturaElettronicaHeader/DatiTrasmissione/"
    assert _text(root, t + "CodiceDestinatario") == "0000000"
    assert _text(root, t + "PECDestinatario") == "rossi@pec.example.it"


def test_a_public_administration_gets_fpa12_and_its_six_character_office() -> None:
    root = _root(samples.public_invoice())
    assert root.get("versione") == "FPA12"
    t = "FatturaElettronicaHeader/DatiTrasmissione/"
    assert _text(root, t + "FormatoTrasmissione") == "FPA12"
    assert _text(root, t + "CodiceDestinatario") == "UF2B7D"
    # "Piazza della Libertà": à is Latin-1, kept
    assert _text(root, "FatturaElettronicaHeader/CessionarioCommittente/Sede/Indirizzo") == (
        "Piazza della Libertà 1")


def test_an_eu_business_reverse_charge_with_nature_law_and_stamp_duty() -> None:
    doc = samples.eu_reverse_charge_invoice()
    root = _root(doc)
    assert _text(root, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario") == "XXXXXXX"
    b = "FatturaElettronicaHeader/CessionarioCommittente/"
    assert _text(root, b + "DatiAnagrafici/IdFiscaleIVA/IdPaese") == "DE"
    assert _text(root, b + "DatiAnagrafici/IdFiscaleIVA/IdCodice") == "136695976"
    assert root.find(b + "Sede/Provincia") is None
    assert _text(root, b + "Sede/Nazione") == "DE"
    assert _text(root, "FatturaElettronicaBody/DatiBeniServizi/DettaglioLinee/Natura") == "N2.1"
    r = "FatturaElettronicaBody/DatiBeniServizi/DatiRiepilogo/"
    assert _text(root, r + "Natura") == "N2.1"
    assert _text(root, r + "AliquotaIVA") == "0.00"
    assert _text(root, r + "Imposta") == "0.00"
    assert _text(root, r + "RiferimentoNormativo") == "Art. 7-ter DPR 633/72"
    g = "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/"
    assert doc.stamp_duty == Decimal("2.00")
    assert _text(root, g + "DatiBollo/BolloVirtuale") == "SI"
    assert _text(root, g + "DatiBollo/ImportoBollo") == "2.00"
    # the stamp duty is the seller's: not in the document's total
    assert _text(root, g + "ImportoTotaleDocumento") == "180.00"


def test_no_stamp_duty_at_or_below_77_47() -> None:
    lines = (samples.line(1, "Piccolo intervento", "1", "77.47", rate="0.00", nature="N2.1"),)
    doc = samples.invoice(samples.EU_BUSINESS, lines)
    assert doc.stamp_duty == 0
    xml = render_fatturapa(doc)
    validate_fatturapa(xml)
    assert etree.fromstring(xml).find(
        "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/DatiBollo") is None


def test_mixed_rates_give_a_summary_row_each() -> None:
    xml = render_fatturapa(samples.with_mixed_rates())
    validate_fatturapa(xml)
    rows = etree.fromstring(xml).findall("FatturaElettronicaBody/DatiBeniServizi/DatiRiepilogo")
    assert [(r.findtext("AliquotaIVA"), r.findtext("Natura"), r.findtext("ImponibileImporto"),
             r.findtext("Imposta")) for r in rows] == [("22.00", None, "200.00", "44.00"),
                                                      ("0.00", "N4", "80.00", "0.00")]


def test_a_credit_note_is_td04_and_names_the_invoice_it_credits() -> None:
    root = _root(samples.credit_note())
    g = "FatturaElettronicaBody/DatiGenerali/"
    assert _text(root, g + "DatiGeneraliDocumento/TipoDocumento") == "TD04"
    assert _text(root, g + "DatiGeneraliDocumento/Numero") == "NC 2026/000001"
    assert _text(root, g + "DatiFattureCollegate/IdDocumento") == "FT 2026/000001"
    assert _text(root, g + "DatiFattureCollegate/Data") == "2026-12-07"


def test_a_long_reason_is_split_into_causali_of_200_characters() -> None:
    doc = replace(samples.business_invoice(), causale="Intervento " * 50)
    xml = render_fatturapa(doc)
    validate_fatturapa(xml)
    parts = etree.fromstring(xml).findall(
        "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/Causale")
    assert len(parts) == 3 and all(len(p.text or "") <= 200 for p in parts)


def test_a_document_against_the_schema_is_refused_with_every_fault_listed() -> None:
    buyer = replace(samples.BUSINESS, postcode="5210", province="Arezzo")
    xml = render_fatturapa(replace(samples.business_invoice(), buyer=buyer))
    with pytest.raises(FatturaPAError) as caught:
        validate_fatturapa(xml)
    message = str(caught.value)
    assert message.startswith("The FatturaPA XML is not valid (2 problems):")
    assert "Element 'CAP'" in message and "'5210'" in message
    assert "Element 'Provincia'" in message and "'AREZZO'" in message
    assert "{http" not in message  # namespaces left out: readable
    assert all(p.startswith("line ") for p in caught.value.problems)


def test_a_zero_rate_without_nature_and_wrong_sums_are_refused() -> None:
    doc = samples.eu_reverse_charge_invoice()
    bare = replace(doc, lines=(replace(doc.lines[0], nature=""),),
                   summaries=(replace(doc.summaries[0], nature="", vat=Decimal("1.00")),))
    with pytest.raises(FatturaPAError) as caught:
        validate_fatturapa(render_fatturapa(bare))
    problems = caught.value.problems
    assert any("line 1: VAT at 0 % needs its nature" in p for p in problems)
    assert any("Imposta 1.00 is not 0.00 % of 180.00" in p for p in problems)
    assert any("ImportoTotaleDocumento 180.00 is not the total of the summary, 181.00" in p
               for p in problems)


def test_a_nature_without_its_law_and_a_summary_off_its_lines_are_refused() -> None:
    doc = samples.eu_reverse_charge_invoice()
    off = replace(doc, summaries=(replace(doc.summaries[0], legal_reference="",
                                          taxable=Decimal("170.00")),),
                  total=Decimal("170.00"))
    with pytest.raises(FatturaPAError) as caught:
        validate_fatturapa(render_fatturapa(off))
    assert caught.value.problems == [
        "body 1: summary at 0.00 % N2.1: RiferimentoNormativo (the law of nature N2.1) is missing",
        "body 1: summary at 0.00 % N2.1: ImponibileImporto 170.00 is not the total of its "
        "lines, 180.00",
    ]


def test_not_xml_at_all_is_refused() -> None:
    with pytest.raises(FatturaPAError, match="not well-formed XML"):
        validate_fatturapa(b"<p:FatturaElettronica")


def test_an_entity_is_not_expanded() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<x>&e;</x>")
    with pytest.raises(FatturaPAError) as caught:
        validate_fatturapa(evil)
    assert "root:" not in str(caught.value)


def test_latin_keeps_latin_1_and_makes_the_rest_plain() -> None:
    assert latin("Città “Nuova” – 10 € … Łódź ☃") == 'Città "Nuova" - 10 EUR ... Lódz ?'
    assert latin("  a \n b\t c ") == "a b c"
    assert latin("abcdef", 3) == "abc"
