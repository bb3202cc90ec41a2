"""Every word printed on a quote, in Italian and English.

The wording of the kinds and of the service terms follows the provider's public
description of the service (``seed/richieste-interventi-tecnici.it.txt``).
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from app.domain import dates

Lang = Literal["it", "en"]

CATEGORY_LABELS: Final[dict[str, dict[Lang, str]]] = {
    "software": {
        "it": "Installazione e aggiornamento software",
        "en": "Software installation and upgrade",
    },
    "os_patches": {
        "it": "Installazione patch del sistema operativo",
        "en": "Operating system patches",
    },
    "ssl": {"it": "Installazione certificati SSL", "en": "SSL certificate installation"},
    "hardening": {"it": "Hardening del sistema", "en": "System hardening"},
    "tuning": {
        "it": "Analisi performance/configurazione e tuning",
        "en": "Performance/configuration analysis and tuning",
    },
    "backup": {"it": "Backup ad-hoc su Cloud Storage", "en": "Ad-hoc backup to Cloud Storage"},
    "network": {
        "it": "Configurazione firewall/load balancer e VPN",
        "en": "Firewall/load balancer and VPN setup",
    },
    "website_migration": {
        "it": "Migrazione siti web su server cloud",
        "en": "Website migration to a cloud server",
    },
    "p2v_v2v": {
        "it": "Migrazione Physical-to-Virtual (P2V) / Virtual-to-Virtual (V2V)",
        "en": "Physical-to-Virtual (P2V) / Virtual-to-Virtual (V2V) migration",
    },
    "custom_environment": {"it": "Setup ambienti ad-hoc", "en": "Ad-hoc environment setup"},
    "other": {"it": "Altro intervento", "en": "Other intervention"},
}

SERVICE_KIND_LABELS: Final[dict[str, dict[Lang, str]]] = {
    "cloud_server": {"it": "Cloud server", "en": "Cloud server"},
    "vps": {"it": "VPS", "en": "VPS"},
    "hosting": {"it": "Hosting", "en": "Hosting"},
    "cloud_storage": {"it": "Cloud storage", "en": "Cloud storage"},
    "dedicated_server": {"it": "Server dedicato", "en": "Dedicated server"},
    "other": {"it": "Altro servizio", "en": "Other service"},
}

# Keys are used by the renderer; ``{name}`` placeholders are filled with str.format.
TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "it": {
        "doc_title": "Preventivo",
        "pdf_title": "Preventivo {reference}",
        "pdf_subject": "Preventivo per intervento tecnico {request} – {subject}",
        "draft_mark": "BOZZA / DRAFT",
        "page_of": "pagina {page} di {total}",
        "vat_number": "P. IVA",
        "registered_office": "Sede legale",
        "rea": "REA",
        "share_capital": "Cap. soc.",
        "revision": "Revisione",
        "issue_date": "Data emissione",
        "request": "Richiesta",
        "valid_until_banner": "Offerta valida fino al {date}",
        "valid_until_note": (
            "Dopo questa data il preventivo non può più essere accettato; "
            "è possibile richiederne una nuova revisione."
        ),
        "customer": "Cliente",
        "customer_code": "Codice cliente",
        "customer_vat": "P. IVA / C.F.",
        "subject_heading": "Oggetto dell'intervento",
        "service": "Servizio",
        "category": "Tipologia di intervento",
        "request_subject": "Oggetto",
        "kind_heading": "Tipologia di preventivo",
        "kind_fixed": "A corpo",
        "kind_fixed_meaning": (
            "Il prezzo indicato è un prezzo finale omnicomprensivo per l'intervento "
            "richiesto: l'intervento è stato programmato e preventivato con certezza."
        ),
        "kind_hourly": "A consumo orario",
        "kind_hourly_meaning": (
            "Il prezzo indicato è un prezzo finale indicativo, calcolato sulle ore "
            "stimate, e potrebbe variare in fase di lavorazione. Qualsiasi variazione "
            "sarà comunicata e concordata con il cliente prima di essere applicata."
        ),
        "hourly_rate": "Tariffa oraria",
        "estimated_hours": "Ore stimate",
        "billing_increment": "Unità di fatturazione",
        "billing_increment_value": (
            "{minutes} minuti (ogni registrazione di lavoro è arrotondata per eccesso a multipli di "
            "{minutes} minuti)"
        ),
        "per_hour": "/ora",
        "col_description": "Descrizione",
        "col_quantity": "Quantità",
        "col_unit_price": "Prezzo unitario",
        "col_amount": "Importo",
        "hourly_line": "Intervento a consumo orario: ore stimate × tariffa oraria",
        "net": "Imponibile",
        "net_hourly": "Imponibile indicativo",
        "vat": "IVA {rate}",
        "total": "Totale",
        "total_hourly": "Totale indicativo",
        "taken": "Addebito sul credito",
        "taken_hourly": "Addebito indicativo sul credito",
        "notes": "Note",
        "terms_heading": "Condizioni del servizio",
        "term_free": (
            "La richiesta di un preventivo è gratuita e non comporta alcun obbligo né "
            "costo: il cliente è libero di accettare o rifiutare il preventivo proposto."
        ),
        "term_charge": (
            "L'importo concordato viene addebitato solo a intervento concluso, sul "
            "credito prepagato del cliente."
        ),
        "term_credit": (
            "Se al momento dell'addebito il credito non è sufficiente a coprire "
            "l'importo concordato, si applica la procedura di termine del credito "
            "(sospensione dei servizi); per riavviare il servizio è necessaria una "
            "ricarica a copertura dell'importo mancante."
        ),
        "term_validity": "Il preventivo può essere accettato entro il {date}.",
        "acceptance_heading": "Accettazione",
        "acceptance_text": (
            "Il cliente accetta il preventivo n. {reference} e le condizioni sopra "
            "indicate. L'accettazione può essere data anche dal Pannello di Controllo."
        ),
        "acceptance_place_date": "Luogo e data",
        "acceptance_signature": "Timbro e firma del cliente",
    },
    "en": {
        "doc_title": "Quote",
        "pdf_title": "Quote {reference}",
        "pdf_subject": "Quote for technical intervention {request} – {subject}",
        "draft_mark": "BOZZA / DRAFT",
        "page_of": "page {page} of {total}",
        "vat_number": "VAT no.",
        "registered_office": "Registered office",
        "rea": "REA no.",
        "share_capital": "Share capital",
        "revision": "Revision",
        "issue_date": "Issue date",
        "request": "Request",
        "valid_until_banner": "Offer valid until {date}",
        "valid_until_note": (
            "After this date the quote can no longer be accepted; a new revision "
            "can be requested."
        ),
        "customer": "Customer",
        "customer_code": "Customer code",
        "customer_vat": "VAT no. / Tax code",
        "subject_heading": "Intervention",
        "service": "Service",
        "category": "Type of intervention",
        "request_subject": "Subject",
        "kind_heading": "Type of quote",
        "kind_fixed": "Fixed price (a corpo)",
        "kind_fixed_meaning": (
            "The price stated is an all-inclusive final price for the requested "
            "intervention: the work has been planned and priced with certainty."
        ),
        "kind_hourly": "Hourly (a consumo orario)",
        "kind_hourly_meaning": (
            "The price stated is an indicative final price, based on the estimated "
            "hours, and may change while the work is done. Any variation will be "
            "communicated to and agreed with the customer before it applies."
        ),
        "hourly_rate": "Hourly rate",
        "estimated_hours": "Estimated hours",
        "billing_increment": "Billing increment",
        "billing_increment_value": (
            "{minutes} minutes (each work entry is rounded up to a multiple of "
            "{minutes} minutes)"
        ),
        "per_hour": "/hour",
        "col_description": "Description",
        "col_quantity": "Quantity",
        "col_unit_price": "Unit price",
        "col_amount": "Amount",
        "hourly_line": "Hourly intervention: estimated hours × hourly rate",
        "net": "Net amount",
        "net_hourly": "Indicative net amount",
        "vat": "VAT {rate}",
        "total": "Total",
        "total_hourly": "Indicative total",
        "taken": "Taken from the credit",
        "taken_hourly": "Indicatively taken from the credit",
        "notes": "Notes",
        "terms_heading": "Service terms",
        "term_free": (
            "Requesting a quote is free of charge and binds the customer to nothing: "
            "the customer is free to accept or reject the proposed quote."
        ),
        "term_charge": (
            "The agreed amount is charged only when the intervention is concluded, "
            "against the customer's prepaid credit."
        ),
        "term_credit": (
            "If at that moment the credit does not cover the agreed amount, the "
            "credit-exhaustion procedure applies (services are suspended); a top-up "
            "covering the missing amount restarts the service."
        ),
        "term_validity": "The quote can be accepted until {date}.",
        "acceptance_heading": "Acceptance",
        "acceptance_text": (
            "The customer accepts quote no. {reference} and the terms above. "
            "The quote can also be accepted from the Control Panel."
        ),
        "acceptance_place_date": "Place and date",
        "acceptance_signature": "Customer's stamp and signature",
    },
}


def text(lang: Lang, key: str, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def category_label(code: str, lang: Lang) -> str:
    """The human label of a request category; an unknown code is shown as is."""
    labels = CATEGORY_LABELS.get(code)
    return labels[lang] if labels else code


def service_kind_label(code: str, lang: Lang) -> str:
    """The human label of a kind of service ("Cloud server", never ``cloud_server``)."""
    labels = SERVICE_KIND_LABELS.get(code)
    return labels[lang] if labels else code


def format_date(value: date, lang: Lang) -> str:
    """``31/12/2026`` in Italian; ``31 Dec 2026`` in English (unambiguous everywhere);
    the desktop app writes its dates with the same function (``ui.labels.date_str``)."""
    return dates.format_date(value, lang)
