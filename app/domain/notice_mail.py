"""What a notice says to the customer by email, in the customer's language (issue 18).

Plain data in, subject and text out (no database, no Qt): :func:`mail_text` takes the
notice's kind and payload (as stored: amounts as ``"390.00"``, dates as ISO) and the
customer's language, ``it`` or ``en``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.credit_mail import credit_text
from app.domain.dates import format_date
from app.domain.money import format_eur
from app.domain.references import request_reference

#: kind -> language -> (subject, text); {request} is the request's reference, the rest
#: the payload's (money and dates written the customer's way)
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "request_received": {
        "en": ("We received your request {request}",
               "We received your request {request} and will look at it shortly."),
        "it": ("Abbiamo ricevuto la richiesta {request}",
               "Abbiamo ricevuto la richiesta {request} e la esamineremo a breve."),
    },
    "quote_proposed": {
        "en": ("Quote {reference} for your request {request}",
               "Our quote {reference} for your request {request} is attached: {total_vat}, "
               "valid until {valid_until}. You can accept or reject it in "
               "your control panel."),
        "it": ("Preventivo {reference} per la richiesta {request}",
               "In allegato il preventivo {reference} per la richiesta {request}: "
               "{total_vat}, valido fino al {valid_until}. Può accettarlo o rifiutarlo dal "
               "pannello di controllo."),
    },
    "quote_reminder": {
        "en": ("Quote {reference} expires on {valid_until}",
               "A reminder: our quote {reference} for your request {request} ({total_vat}) "
               "is valid until {valid_until}. You can accept or reject it in "
               "your control panel."),
        "it": ("Il preventivo {reference} scade il {valid_until}",
               "Le ricordiamo che il preventivo {reference} per la richiesta {request} "
               "({total_vat}) è valido fino al {valid_until}. Può accettarlo o "
               "rifiutarlo dal pannello di controllo."),
    },
    "quote_expired": {
        "en": ("Quote {reference} has expired",
               "Our quote {reference} for your request {request} expired on {valid_until} "
               "without an answer. Ask us for a new quote if you still need the work."),
        "it": ("Il preventivo {reference} è scaduto",
               "Il preventivo {reference} per la richiesta {request} è scaduto il "
               "{valid_until} senza risposta. Se l'intervento le serve ancora, ci chieda un "
               "nuovo preventivo."),
    },
    "variation_proposed": {
        "en": ("A change of price for your request {request}",
               "The work on your request {request} needs a new agreed amount of {amount} "
               "(net of VAT): {reason}. Please agree or refuse it in your control panel."),
        "it": ("Una variazione di prezzo per la richiesta {request}",
               "L'intervento sulla richiesta {request} richiede un nuovo importo concordato "
               "di {amount} (IVA esclusa): {reason}. La preghiamo di accettarlo o rifiutarlo "
               "dal pannello di controllo."),
    },
    "variation_reminder": {
        "en": ("Your answer is awaited on request {request}",
               "A reminder: the change of price to {amount} (net of VAT) on your request "
               "{request} awaits your answer in the control panel."),
        "it": ("Attendiamo la sua risposta sulla richiesta {request}",
               "Le ricordiamo che la variazione di prezzo a {amount} (IVA esclusa) sulla "
               "richiesta {request} attende la sua risposta nel pannello di controllo."),
    },
    "variation_lapsed": {
        "en": ("The change of price on request {request} has lapsed",
               "The change of price to {amount} on your request {request} was not answered "
               "and has lapsed: the amount agreed before stays as it was."),
        "it": ("La variazione di prezzo sulla richiesta {request} è decaduta",
               "La variazione di prezzo a {amount} sulla richiesta {request} non ha avuto "
               "risposta ed è decaduta: resta valido l'importo concordato in precedenza."),
    },
    "declined": {
        "en": ("Your request {request} was declined",
               "We are sorry: we cannot carry out your request {request}. {reason}"),
        "it": ("La richiesta {request} non è stata accolta",
               "Ci dispiace: non possiamo eseguire la richiesta {request}. {reason}"),
    },
    "completed_charged": {
        "en": ("Request {request} completed: {total} charged",
               "The work on your request {request} is completed and {total} was charged to "
               "your credit. The charge document is attached."),
        "it": ("Richiesta {request} completata: addebitati {total}",
               "L'intervento sulla richiesta {request} è completato e sono stati addebitati "
               "{total} sul suo credito. In allegato il documento di addebito."),
    },
    "cancelled_charged": {
        "en": ("Request {request} cancelled: {total} charged for the work done",
               "Your request {request} was cancelled: {reason}. The work done so far was "
               "charged to your credit: {total}. The charge document is attached."),
        "it": ("Richiesta {request} annullata: addebitati {total} per il lavoro svolto",
               "La richiesta {request} è stata annullata: {reason}. Il lavoro svolto finora "
               "è stato addebitato sul suo credito: {total}. In allegato il documento di "
               "addebito."),
    },
    "charge_refunded": {
        "en": ("Refund of {total} on request {request}",
               "We refunded {total} of the charge for your request {request} to your "
               "credit. The credit note is attached."),
        "it": ("Rimborso di {total} sulla richiesta {request}",
               "Abbiamo rimborsato sul suo credito {total} dell'addebito per la richiesta "
               "{request}. In allegato la nota di credito."),
    },
    "quote_extended": {
        "en": ("Quote {reference} extended to {valid_until}",
               "As agreed, our quote for your request {request} is now valid until "
               "{valid_until}: revision {reference}, with the same lines, replaces "
               "{replaced}. You can accept or reject it in your control panel."),
        "it": ("Preventivo {reference} prorogato al {valid_until}",
               "Come concordato, il preventivo per la richiesta {request} è ora valido fino "
               "al {valid_until}: la revisione {reference}, con le stesse voci, sostituisce "
               "{replaced}. Può accettarla o rifiutarla dal pannello di controllo."),
    },
    "variation_withdrawn": {
        "en": ("The change of price on request {request} is withdrawn",
               "We withdrew the change of price to {amount} (net of VAT) on your request "
               "{request}: {reason}. The amount agreed before stays; nothing is asked of "
               "you."),
        "it": ("La variazione di prezzo sulla richiesta {request} è ritirata",
               "Abbiamo ritirato la variazione di prezzo a {amount} (IVA esclusa) sulla "
               "richiesta {request}: {reason}. Resta l'importo concordato prima; non le è "
               "richiesto nulla."),
    },
    "request_cancelled": {
        "en": ("Your request {request} was cancelled",
               "Your request {request} was cancelled and nothing was charged: {reason}"),
        "it": ("La richiesta {request} è stata annullata",
               "La richiesta {request} è stata annullata senza alcun addebito: {reason}"),
    },
    "credit_still_missing": {
        "en": ("Your credit is still exhausted: {missing} missing",
               "Thank you: {amount} were credited and your balance is {balance}. Your "
               "credit is still exhausted: a top-up of at least {missing} restarts your "
               "services."),
        "it": ("Il suo credito è ancora esaurito: mancano {missing}",
               "Grazie: sono stati accreditati {amount} e il suo saldo è {balance}. Il "
               "credito è ancora esaurito: una ricarica di almeno {missing} riattiva i suoi "
               "servizi."),
    },
    "credit_missing_more": {
        "en": ("Your credit is exhausted: now {missing} missing",
               "A further charge was taken from your exhausted credit: your balance is "
               "{balance}, and a top-up of at least {missing} is now needed to restart your "
               "services."),
        "it": ("Il suo credito è esaurito: ora mancano {missing}",
               "Un ulteriore addebito è stato preso dal suo credito esaurito: il saldo è "
               "{balance}, e ora serve una ricarica di almeno {missing} per riattivare i "
               "suoi servizi."),
    },
    "credit_low": {
        "en": ("Your credit is running low",
               "Your balance is {balance}, below the alert threshold of {threshold} set on "
               "your account. Top up in your control panel to keep your services running."),
        "it": ("Il suo credito si sta esaurendo",
               "Il suo saldo è {balance}, sotto la soglia di avviso di {threshold} impostata "
               "sul suo account. Ricarichi il "
               "credito dal pannello di controllo per mantenere attivi i servizi."),
    },
}
#: any other kind (the server's own notices)
GENERIC = {
    "en": ("News about your account", "There is news about your account ({kind}): see your "
                                      "control panel."),
    "it": ("Novità sul suo account", "Ci sono novità sul suo account ({kind}): veda il "
                                     "pannello di controllo."),
}
GREETING = {"en": "Dear customer,", "it": "Gentile cliente,"}
SIGNATURE = {"en": "Kind regards,\n{company}", "it": "Cordiali saluti,\n{company}"}

MONEY_KEYS = ("total", "amount", "balance", "threshold", "missing", "net", "vat")
DATE_KEYS = ("valid_until", "archive_at", "delete_at", "paid_until")


#: a quote's amount and what it says of VAT, by the VAT point (app/domain/vat_point.py):
#: at the charge its total, VAT included; at the top-up its net, what the credit gives
#: (the customer paid VAT on their top-ups), as the attached PDF says
TOTAL_VAT = {
    "charge": {"it": "{total} IVA inclusa", "en": "{total} including VAT"},
    "topup": {"it": "{net}, IVA assolta sulla ricarica del credito",
              "en": "{net}, VAT paid on the credit top-up"},
}


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _money(value: Any, lang: str) -> str:
    try:
        return format_eur(Decimal(str(value)), lang)
    except (InvalidOperation, ValueError):
        return str(value)


def mail_text(kind: str, payload: Mapping[str, Any], lang: str, *, request: int | None,
              company: str, vat_point: str = "charge") -> tuple[str, str]:
    """(subject, text) of a notice for a customer whose language is ``lang``; a quote's
    total says VAT as ``vat_point`` (the setting) has it."""
    lang = lang if lang in ("it", "en") else "en"
    values = _Values({key: ", ".join(map(str, value)) if isinstance(value, list)
                      else "" if value is None else str(value)
                      for key, value in payload.items()})
    values["kind"] = kind
    values["request"] = request_reference(request) if request else ""
    for key in MONEY_KEYS:
        if key in payload:
            values[key] = _money(payload[key], lang)
    if "total" in payload:
        point = "topup" if vat_point == "topup" else "charge"
        values["total_vat"] = TOTAL_VAT[point][lang].format(
            total=values["total"], net=values["net"] if "net" in payload else values["total"])
    for key in DATE_KEYS:
        if key in payload:
            with contextlib.suppress(ValueError):
                values[key] = format_date(date.fromisoformat(str(payload[key])), lang)
    told = credit_text(kind, values, lang)
    if told is None:
        subject, body = TEXTS.get(kind, GENERIC)[lang]
        told = subject.format_map(values), body.format_map(values)
    text = "\n\n".join((GREETING[lang], told[1].strip(),
                        SIGNATURE[lang].format(company=company)))
    return told[0], text + "\n"
