"""Every word printed on the finance documents (charges report, credit statement,
charge document, credit note) and in their CSV exports, in Italian and English."""

from __future__ import annotations

from datetime import date
from typing import Final

from app.domain import cldr
from reports.texts import Lang, category_label, format_date

SERVICE_KINDS: Final[dict[str, dict[Lang, str]]] = {
    "cloud_server": {"it": "server cloud", "en": "cloud server"},
    "vps": {"it": "VPS", "en": "VPS"},
    "hosting": {"it": "hosting", "en": "hosting"},
    "cloud_storage": {"it": "cloud storage", "en": "cloud storage"},
    "dedicated_server": {"it": "server dedicato", "en": "dedicated server"},
    "other": {"it": "altro", "en": "other"},
}

TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "it": {
        # the charges report
        "report_title": "Report addebiti",
        "report_pdf_title": "Report addebiti dal {first} al {last}",
        "period": "Periodo",
        "period_value": "dal {first} al {last}",
        "grouped_by": "Raggruppato per",
        "by_customer": "cliente",
        "by_category": "tipologia di intervento",
        "by_technician": "tecnico",
        "by_month": "mese",
        "issued": "Emesso il",
        "col_customer": "Cliente",
        "col_category": "Tipologia di intervento",
        "col_technician": "Tecnico",
        "col_month": "Mese",
        "col_key": "Codice",
        "col_count": "Addebiti",
        "col_net": "Imponibile",
        "col_vat": "IVA",
        "col_total": "Totale",
        "col_refunds": "Storni",
        "col_refunded_net": "Imponibile stornato",
        "col_refunded_vat": "IVA stornata",
        "col_refunded": "Stornato",
        "total_row": "Totale",
        "no_charges": "Nessun addebito nel periodo.",
        "refunds_note": (
            "Gli storni (note di credito) emessi nel periodo sono indicati a parte, con il "
            "loro importo lordo restituito al credito del cliente: non sono sottratti dagli "
            "addebiti."
        ),
        "unassigned": "(non assegnata)",
        # the credit statement
        "statement_title": "Estratto conto",
        "statement_pdf_title": "Estratto conto {code} dal {first} al {last}",
        "statement_subject": "Estratto del credito prepagato di {name}",
        "statement_intro": (
            "Movimenti del credito prepagato nel periodo: ricariche, addebiti degli "
            "interventi conclusi, rettifiche e storni."
        ),
        "report_vat_topup": (
            "IVA assolta sulla ricarica del credito: gli addebiti prelevano l'imponibile "
            "e non portano IVA propria."
        ),
        "report_vat_charge": "IVA inclusa negli addebiti, all'aliquota di ciascun preventivo.",
        "statement_vat_topup": (
            "IVA assolta sulla ricarica del credito: il credito non comprende l'IVA e gli "
            "addebiti ne prelevano l'imponibile."
        ),
        "statement_vat_charge": (
            "Le ricariche sono registrate senza IVA; ogni addebito include l'IVA "
            "all'aliquota del suo preventivo."
        ),
        "opening": "Saldo iniziale al {date}",
        "closing": "Saldo finale al {date}",
        "closing_so_far": "Saldo a oggi, {date}",
        "credits": "Totale accrediti",
        "debits": "Totale addebiti",
        "col_date": "Data",
        "col_kind": "Movimento",
        "col_reference": "Riferimento",
        "col_reason": "Causale",
        "col_invoice": "Fattura o nota di credito",
        "col_amount": "Importo",
        "col_balance": "Saldo",
        "no_entries": "Nessun movimento nel periodo.",
        "kind_topup": "Ricarica",
        "kind_charge": "Addebito",
        "kind_adjustment": "Rettifica",
        "kind_refund": "Storno",
        "ref_initial credit": "credito iniziale",
        "ref_top-up": "ricarica",
        "ref_adjustment": "rettifica",
        # the charge document
        "charge_title": "Documento di addebito",
        "charge_pdf_title": "Documento di addebito {reference}",
        "charge_subject": "Addebito dell'intervento tecnico {reference} – {subject}",
        "charge_date": "Data addebito",
        "request": "Richiesta",
        "quote": "Preventivo",
        "computation_heading": "Calcolo dell'importo addebitato",
        "kind": "Tipologia",
        "kind_fixed": "A corpo",
        "kind_hourly": "A consumo orario",
        "quoted_net": "Importo del preventivo",
        "quoted_net_hourly": "Importo indicativo del preventivo",
        "agreed_amount": "Importo concordato",
        "agreed_ceiling": "Tetto concordato",
        "hours_logged": "Ore registrate",
        "hours_billable": "Ore fatturabili",
        "hours_billable_value": (
            "{hours} (ogni registrazione di lavoro arrotondata per eccesso a multipli di {minutes} minuti)"
        ),
        "hourly_rate": "Tariffa oraria",
        "per_hour": "/ora",
        "work_amount": "Valore delle ore (ore fatturabili × tariffa)",
        "cap_applied": "Tetto applicato",
        "cap_yes": "sì: l'importo addebitato è limitato al tetto concordato",
        "cap_no": "no",
        "variations_heading": "Variazioni concordate con il cliente",
        "col_agreed_on": "Concordata il",
        "col_new_amount": "Nuovo importo concordato",
        "net": "Imponibile",
        "vat": "IVA {rate}",
        "total": "Totale addebitato",
        "credit_heading": "Credito prepagato",
        "credit_before": "Credito prima dell'addebito",
        "credit_charged": "Addebito",
        "credit_after": "Credito dopo l'addebito",
        "charge_exhausted_note": (
            "Il credito non copriva l'importo: si applica la procedura di termine del credito "
            "e i servizi sono sospesi fino a una ricarica di almeno {missing}."
        ),
        "charge_terms": (
            "L'importo concordato è addebitato a intervento concluso, sul credito prepagato "
            "del cliente."
        ),
        # the credit note
        "note_title": "Nota di credito",
        "note_pdf_title": "Nota di credito {reference}",
        "note_subject": "Storno dell'addebito {charge} – {subject}",
        "note_number": "Numero",
        "note_date": "Data",
        "note_charge": "Addebito stornato",
        "note_charge_value": "{charge} del {date}",
        "note_reason": "Causale",
        "note_net": "Imponibile stornato",
        "note_vat": "IVA {rate} stornata",
        "note_total": "Totale restituito al credito",
        "note_charge_total": "Totale dell'addebito",
        "note_refunded_before": "Già stornato",
        "note_this_refund": "Questa nota di credito",
        "note_refundable_after": "Ancora stornabile",
        "note_credit_before": "Credito prima dello storno",
        "note_credit_after": "Credito dopo lo storno",
        "note_still_exhausted": (
            "Il credito resta negativo: i servizi restano sospesi fino a una ricarica di "
            "almeno {missing}."
        ),
        "note_restarted": (
            "Il credito è tornato a coprire gli addebiti: la procedura di termine del credito "
            "è conclusa e i servizi sono riavviati."
        ),
        "exhausted_note": (
            "Il saldo finale è negativo: si applica la procedura di termine del credito e i "
            "servizi restano sospesi fino a una ricarica di almeno {missing}."
        ),
    },
    "en": {
        "report_title": "Charges report",
        "report_pdf_title": "Charges report {first} to {last}",
        "period": "Period",
        "period_value": "{first} to {last}",
        "grouped_by": "Grouped by",
        "by_customer": "customer",
        "by_category": "type of intervention",
        "by_technician": "technician",
        "by_month": "month",
        "issued": "Issued on",
        "col_customer": "Customer",
        "col_category": "Type of intervention",
        "col_technician": "Technician",
        "col_month": "Month",
        "col_key": "Code",
        "col_count": "Charges",
        "col_net": "Net",
        "col_vat": "VAT",
        "col_total": "Total",
        "col_refunds": "Refunds",
        "col_refunded_net": "Net refunded",
        "col_refunded_vat": "VAT refunded",
        "col_refunded": "Refunded",
        "total_row": "Total",
        "no_charges": "No charges in this period.",
        "refunds_note": (
            "Refunds (credit notes) issued in the period are shown beside the charges, with "
            "the gross amount returned to the customer's credit: they are not subtracted "
            "from the charges."
        ),
        "unassigned": "(unassigned)",
        "statement_title": "Credit statement",
        "statement_pdf_title": "Credit statement {code} {first} to {last}",
        "statement_subject": "Statement of the prepaid credit of {name}",
        "statement_intro": (
            "Movements of the prepaid credit in the period: top-ups, charges for concluded "
            "interventions, adjustments and refunds."
        ),
        "report_vat_topup": (
            "VAT paid on the credit top-up: charges take the net amount and carry no VAT "
            "of their own."
        ),
        "report_vat_charge": "VAT included in the charges, at the rate of each quote.",
        "statement_vat_topup": (
            "VAT paid on the credit top-up: the credit is net of VAT and charges take "
            "their net amount."
        ),
        "statement_vat_charge": (
            "Top-ups are recorded without VAT; each charge includes VAT at the rate of "
            "its quote."
        ),
        "opening": "Opening balance on {date}",
        "closing": "Closing balance on {date}",
        "closing_so_far": "Balance as of today, {date}",
        "credits": "Total credits",
        "debits": "Total debits",
        "col_date": "Date",
        "col_kind": "Entry",
        "col_reference": "Reference",
        "col_reason": "Reason",
        "col_invoice": "Invoice or credit note",
        "col_amount": "Amount",
        "col_balance": "Balance",
        "no_entries": "No entries in this period.",
        "kind_topup": "Top-up",
        "kind_charge": "Charge",
        "kind_adjustment": "Adjustment",
        "kind_refund": "Refund",
        "ref_initial credit": "initial credit",
        "ref_top-up": "top-up",
        "ref_adjustment": "adjustment",
        "charge_title": "Charge document",
        "charge_pdf_title": "Charge document {reference}",
        "charge_subject": "Charge for technical intervention {reference} – {subject}",
        "charge_date": "Charge date",
        "request": "Request",
        "quote": "Quote",
        "computation_heading": "How the amount charged was computed",
        "kind": "Type",
        "kind_fixed": "Fixed price (a corpo)",
        "kind_hourly": "Hourly (a consumo orario)",
        "quoted_net": "Quoted amount",
        "quoted_net_hourly": "Indicative quoted amount",
        "agreed_amount": "Agreed amount",
        "agreed_ceiling": "Agreed ceiling",
        "hours_logged": "Hours logged",
        "hours_billable": "Billable hours",
        "hours_billable_value": (
            "{hours} (each work entry rounded up to a multiple of {minutes} minutes)"
        ),
        "hourly_rate": "Hourly rate",
        "per_hour": "/hour",
        "work_amount": "Value of the hours (billable hours × rate)",
        "cap_applied": "Ceiling applied",
        "cap_yes": "yes: the amount charged is limited to the agreed ceiling",
        "cap_no": "no",
        "variations_heading": "Variations agreed with the customer",
        "col_agreed_on": "Agreed on",
        "col_new_amount": "New agreed amount",
        "net": "Net amount",
        "vat": "VAT {rate}",
        "total": "Total charged",
        "credit_heading": "Prepaid credit",
        "credit_before": "Credit before the charge",
        "credit_charged": "Charge",
        "credit_after": "Credit after the charge",
        "charge_exhausted_note": (
            "The credit did not cover the amount: the credit-exhaustion procedure applies and "
            "the services are suspended until a top-up of at least {missing}."
        ),
        "charge_terms": (
            "The agreed amount is charged when the intervention is concluded, against the "
            "customer's prepaid credit."
        ),
        "note_title": "Credit note",
        "note_pdf_title": "Credit note {reference}",
        "note_subject": "Refund of charge {charge} – {subject}",
        "note_number": "Number",
        "note_date": "Date",
        "note_charge": "Charge refunded",
        "note_charge_value": "{charge} of {date}",
        "note_reason": "Reason",
        "note_net": "Net refunded",
        "note_vat": "VAT {rate} refunded",
        "note_total": "Total returned to the credit",
        "note_charge_total": "Total of the charge",
        "note_refunded_before": "Refunded before",
        "note_this_refund": "This credit note",
        "note_refundable_after": "Still refundable",
        "note_credit_before": "Credit before the refund",
        "note_credit_after": "Credit after the refund",
        "note_still_exhausted": (
            "The credit is still negative: the services stay suspended until a top-up of "
            "at least {missing}."
        ),
        "note_restarted": (
            "The credit covers the charges again: the credit-exhaustion procedure has ended "
            "and the services are restarted."
        ),
        "exhausted_note": (
            "The closing balance is negative: the credit-exhaustion procedure applies and "
            "the services stay suspended until a top-up of at least {missing}."
        ),
    },
}


def ftext(lang: Lang, key: str, **values: object) -> str:
    """The finance text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def month_name(key: str, lang: Lang) -> str:
    """``2026-11`` -> "novembre 2026" / "November 2026"."""
    year, month = key.split("-")
    return cldr.month(date(int(year), int(month), 1), lang, long=True)


def service_kind(code: str, lang: Lang) -> str:
    """A kind of service in words; an unknown kind as it is."""
    labels = SERVICE_KINDS.get(code)
    return labels[lang] if labels else code


def ledger_kind(kind: str, lang: Lang) -> str:
    """A ledger entry's kind in words; an unknown kind as it is."""
    return TEXTS[lang].get(f"kind_{kind}", kind)


def closing_label(last: date, issued: date, lang: Lang) -> str:
    """The closing balance's words: at the period's last day once it is over; a statement
    issued before then (on 07/12 for December) shows the balance at its issue date, "a
    oggi", never a balance "at 31/12" that nobody can know yet."""
    if issued < last:
        return ftext(lang, "closing_so_far", date=format_date(issued, lang))
    return ftext(lang, "closing", date=format_date(last, lang))


def ledger_reference(reference: str, lang: Lang) -> str:
    """A ledger entry's reference; the ones the services write themselves ("initial
    credit", "top-up", "adjustment") in words of ``lang``, anything typed as it is."""
    return TEXTS[lang].get(f"ref_{reference}", reference)


def group_label(by: str, key: str, label: str, lang: Lang) -> str:
    """How a charges report names one of its rows."""
    if by == "category":
        return category_label(key, lang)
    if by == "month":
        return month_name(key, lang)
    if by == "technician" and not key:
        return ftext(lang, "unassigned")
    return label or key


def group_heading(by: str, lang: Lang) -> str:
    return ftext(lang, f"col_{by}")


def date_range(first: date, last: date, lang: Lang) -> str:
    return ftext(lang, "period_value", first=format_date(first, lang),
                 last=format_date(last, lang))
