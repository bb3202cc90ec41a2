"""What the staged credit procedure's notices say by email (issue 19), in Italian and
English: plain data in, subject and text out (used by :mod:`app.domain.notice_mail`).

The values come already written the customer's way (money, dates, lists of names). A
sentence whose facts the notice does not carry is left out (no service switched off, no
service staying on), so every text reads whole.
"""

from __future__ import annotations

from collections.abc import Mapping

#: kind -> language -> (subject, [(sentence, the keys it needs)])
Sentences = list[tuple[str, tuple[str, ...]]]
TEXTS: dict[str, dict[str, tuple[str, Sentences]]] = {
    "credit_exhausted": {
        "en": ("Your credit is exhausted: {missing} missing", [
            ("Your credit is exhausted: {missing} are missing.", ()),
            ("Your services billed by the hour are switched off now: {suspended}.",
             ("suspended",)),
            ("Unless a top-up of at least {missing} arrives, they will be archived on "
             "{archive_at} (servers archived, network resources disconnected) and later "
             "deleted, irreversibly; we will write to you before each step.",
             ("archive_at",)),
            ("Your services paid monthly stay on until their paid period ends: {still_on}.",
             ("still_on",)),
            ("A top-up of at least {missing} in your control panel restarts them.", ()),
        ]),
        "it": ("Il suo credito è esaurito: mancano {missing}", [
            ("Il suo credito è esaurito: mancano {missing}.", ()),
            ("I suoi servizi a consumo orario sono spenti da ora: {suspended}.",
             ("suspended",)),
            ("Senza una ricarica di almeno {missing} saranno archiviati il {archive_at} "
             "(server archiviati, risorse di rete scollegate) e poi cancellati in modo "
             "irreversibile; le scriveremo prima di ogni passo.", ("archive_at",)),
            ("I suoi servizi a canone mensile restano attivi fino alla fine del periodo "
             "pagato: {still_on}.", ("still_on",)),
            ("Una ricarica di almeno {missing} dal pannello di controllo li riattiva.", ()),
        ]),
    },
    "services_off": {
        "en": ("Your service {service} is switched off", [
            ("The paid period of your service {service} ended on {paid_until} and your "
             "credit is exhausted ({missing} missing): the service is switched off.", ()),
            ("Unless a top-up of at least {missing} arrives, it will be archived on "
             "{archive_at}.", ("archive_at",)),
        ]),
        "it": ("Il suo servizio {service} è spento", [
            ("Il periodo pagato del servizio {service} è terminato il {paid_until} e il suo "
             "credito è esaurito (mancano {missing}): il servizio è spento.", ()),
            ("Senza una ricarica di almeno {missing} sarà archiviato il {archive_at}.",
             ("archive_at",)),
        ]),
    },
    "archive_warning": {
        "en": ("Your service {service} will be archived on {archive_at}", [
            ("Your credit is still exhausted ({missing} missing). On {archive_at} your "
             "service {service} will be archived: its servers archived and its network "
             "resources disconnected.", ()),
            ("A top-up of at least {missing} before then restarts it.", ()),
        ]),
        "it": ("Il suo servizio {service} sarà archiviato il {archive_at}", [
            ("Il suo credito è ancora esaurito (mancano {missing}). Il {archive_at} il "
             "servizio {service} sarà archiviato: i server archiviati e le risorse di rete "
             "scollegate.", ()),
            ("Una ricarica di almeno {missing} entro quella data lo riattiva.", ()),
        ]),
    },
    "services_archived": {
        "en": ("Your service {service} is archived", [
            ("Your service {service} is archived: its servers are archived and its network "
             "resources disconnected.", ()),
            ("Unless a top-up of at least {missing} arrives, it will be deleted on "
             "{delete_at}, irreversibly.", ("delete_at",)),
        ]),
        "it": ("Il suo servizio {service} è archiviato", [
            ("Il servizio {service} è archiviato: i server sono archiviati e le risorse di "
             "rete scollegate.", ()),
            ("Senza una ricarica di almeno {missing} sarà cancellato il {delete_at}, in modo "
             "irreversibile.", ("delete_at",)),
        ]),
    },
    "deletion_warning": {
        "en": ("Your service {service} will be deleted on {delete_at}", [
            ("Your credit is still exhausted ({missing} missing). On {delete_at} your "
             "archived service {service} will be deleted, irreversibly: its data cannot be "
             "recovered afterwards.", ()),
            ("A top-up of at least {missing} before then restarts it.", ()),
        ]),
        "it": ("Il suo servizio {service} sarà cancellato il {delete_at}", [
            ("Il suo credito è ancora esaurito (mancano {missing}). Il {delete_at} il "
             "servizio archiviato {service} sarà cancellato in modo irreversibile: i suoi "
             "dati non potranno più essere recuperati.", ()),
            ("Una ricarica di almeno {missing} entro quella data lo riattiva.", ()),
        ]),
    },
    "services_deleted": {
        "en": ("Your service {service} was deleted", [
            ("As announced, your service {service} was deleted because your credit stayed "
             "exhausted ({missing} missing).", ()),
        ]),
        "it": ("Il suo servizio {service} è stato cancellato", [
            ("Come annunciato, il servizio {service} è stato cancellato perché il suo credito "
             "è rimasto esaurito (mancano {missing}).", ()),
        ]),
    },
    "service_restarted": {
        "en": ("Your services are running again", [
            ("Thank you for your top-up: your balance is {balance} and your services are "
             "running again.", ()),
            ("Restarted: {restarted}.", ("restarted",)),
        ]),
        "it": ("I suoi servizi sono di nuovo attivi", [
            ("Grazie per la ricarica: il suo saldo è {balance} e i suoi servizi sono di "
             "nuovo attivi.", ()),
            ("Riattivati: {restarted}.", ("restarted",)),
        ]),
    },
}


def credit_text(kind: str, values: Mapping[str, str], lang: str) -> tuple[str, str] | None:
    """(subject, body) of a credit procedure notice; None for any other kind."""
    texts = TEXTS.get(kind)
    if texts is None:
        return None
    subject, sentences = texts[lang]
    body = " ".join(sentence.format_map(values) for sentence, needs in sentences
                    if all(values.get(key) for key in needs))
    return subject.format_map(values), body
