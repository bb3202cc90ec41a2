"""Every word printed on an invoice, a credit note and the VAT register, in Italian and
English (the terms of art. 21 DPR 633/72 and of the FatturaPA specifications)."""

from __future__ import annotations

from typing import Final

from app.domain.invoices import InvoiceType, Nature, nature_of
from reports.texts import Lang

TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "it": {
        "title_TD01": "Fattura",
        "title_TD04": "Nota di credito",
        "pdf_title": "{title} {number}",
        "courtesy": "Copia di cortesia: l'originale è la fattura elettronica trasmessa al SDI",
        "courtesy_other": "",
        "number": "Numero",
        "date": "Data",
        "reference": "Riferimento",
        "credited": "Storna la fattura",
        "credited_value": "{number} del {date}",
        "seller": "Cedente / prestatore",
        "buyer": "Cessionario / committente",
        "vat_number": "P. IVA",
        "tax_code": "C.F.",
        "rea": "REA",
        "rea_value": "{office} {number}",
        "share_capital": "Capitale sociale",
        "share_capital_value": "{amount} i.v.",
        "tax_regime": "Regime fiscale",
        "sdi_code": "Codice destinatario",
        "pec": "PEC",
        "causale": "Causale",
        "col_line": "N.",
        "col_description": "Descrizione",
        "col_quantity": "Quantità",
        "col_unit_price": "Prezzo unitario",
        "col_amount": "Importo",
        "col_vat": "IVA",
        "summary_heading": "Riepilogo IVA",
        "col_rate": "Aliquota / natura",
        "col_taxable": "Imponibile",
        "col_tax": "Imposta",
        "rate_nature": "{rate} – {code}",
        "net": "Totale imponibile",
        "vat": "Totale IVA",
        "total": "Totale documento",
        "stamp_duty": "Imposta di bollo",
        "stamp_duty_note": ("Imposta di bollo di {amount} assolta in modo virtuale ai sensi del "
                            "D.M. 17/06/2014, a carico del cedente e non compresa nel totale."),
        "nature_note": "{code} – {text}: {reference}.",
        "footer": "{title} {number} · {date}",
        # the VAT register
        "register_title": "Registro IVA delle fatture emesse",
        "register_pdf_title": "Registro IVA {month}",
        "register_period": "Periodo",
        "register_documents": "Documenti",
        "register_rows_heading": "Documenti del mese",
        "register_totals_heading": "Totali per aliquota e natura",
        "col_number": "Numero",
        "col_type": "Tipo",
        "col_date": "Data",
        "col_customer": "Cliente",
        "register_customer_name": "Ragione sociale",
        "col_rate_csv": "Aliquota",
        "col_nature": "Natura",
        "register_total": "Totale",
        "register_stamp": "Imposta di bollo assolta",
        "register_empty": "Nessuna fattura né nota di credito nel mese.",
        "type_TD01": "Fattura",
        "type_TD04": "Nota di credito",
    },
    "en": {
        "title_TD01": "Invoice",
        "title_TD04": "Credit note",
        "pdf_title": "{title} {number}",
        "courtesy": ("Courtesy copy: the original is the electronic invoice transmitted to the "
                     "SDI"),
        "courtesy_other": ("Copia di cortesia: l'originale è la fattura elettronica trasmessa "
                           "al SDI"),
        "number": "Number",
        "date": "Date",
        "reference": "Reference",
        "credited": "Credits invoice",
        "credited_value": "{number} of {date}",
        "seller": "Supplier",
        "buyer": "Customer",
        "vat_number": "VAT no.",
        "tax_code": "Tax code",
        "rea": "REA",
        "rea_value": "{office} {number}",
        "share_capital": "Share capital",
        "share_capital_value": "{amount} fully paid",
        "tax_regime": "Tax regime",
        "sdi_code": "Recipient code",
        "pec": "PEC",
        "causale": "Description",
        "col_line": "No.",
        "col_description": "Description",
        "col_quantity": "Quantity",
        "col_unit_price": "Unit price",
        "col_amount": "Amount",
        "col_vat": "VAT",
        "summary_heading": "VAT summary",
        "col_rate": "Rate / nature",
        "col_taxable": "Taxable",
        "col_tax": "VAT",
        "rate_nature": "{rate} – {code}",
        "net": "Total taxable",
        "vat": "Total VAT",
        "total": "Document total",
        "stamp_duty": "Stamp duty",
        "stamp_duty_note": ("Stamp duty of {amount} paid virtually under D.M. 17/06/2014, "
                            "borne by the supplier and not included in the total."),
        "nature_note": "{code} – {text}: {reference}.",
        "footer": "{title} {number} · {date}",
        "register_title": "VAT register of issued invoices",
        "register_pdf_title": "VAT register {month}",
        "register_period": "Period",
        "register_documents": "Documents",
        "register_rows_heading": "The month's documents",
        "register_totals_heading": "Totals by rate and nature",
        "col_number": "Number",
        "col_type": "Type",
        "col_date": "Date",
        "col_customer": "Customer",
        "register_customer_name": "Customer name",
        "col_rate_csv": "Rate",
        "col_nature": "Nature",
        "register_total": "Total",
        "register_stamp": "Stamp duty paid",
        "register_empty": "No invoice or credit note in the month.",
        "type_TD01": "Invoice",
        "type_TD04": "Credit note",
    },
}


def itext(lang: Lang, key: str, **values: object) -> str:
    """The invoice text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def document_title(kind: InvoiceType, lang: Lang) -> str:
    return itext(lang, f"title_{kind}")


def nature_text(code: str, lang: Lang) -> str:
    """The words of a zero-VAT nature (its code where unknown)."""
    nature: Nature | None = nature_of(code)
    if nature is None:
        return code
    return nature.text_it if lang == "it" else nature.text_en
