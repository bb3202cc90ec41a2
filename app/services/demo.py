"""A realistic demo data set, made through the same use cases staff and customers use.

Staff of every role, a few dozen customers with services and credit (some near zero),
about 200 requests over every state and category, quotes of both kinds, work,
variations, and at least one account in credit exhaustion. Deterministic (seeded).
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event
from stdnum import luhn

from app.db.database import Database
from app.domain.enums import Category, RequestState
from app.domain.errors import RitError
from app.domain.fiscal import Fiscal
from app.domain.vat_point import TOPUP
from app.services import (
    billing,
    catalogue,
    customers,
    quotes,
    requests,
    settings,
    staff,
    variations,
    work,
)
from app.services.quotes import LineInput, QuoteInput

#: the company's legal and fiscal data (complete: documents need every one)
COMPANY = {
    "company_vat_number": "IT01234560157",
    "company_tax_code": "01234560157",
    "company_street": "Via dei Server 12",
    "company_postcode": "52011",
    "company_city": "Bibbiena",
    "company_province": "AR",
    "company_country": "IT",
    "company_tax_regime": "RF01",
    "company_rea": "AR-123456",
    "company_share_capital": "€ 1.000.000,00 i.v.",
}
#: where the demo's customers are: (postcode, city, province)
PLACES = [("20121", "Milano", "MI"), ("00184", "Roma", "RM"), ("10121", "Torino", "TO"),
          ("40121", "Bologna", "BO"), ("50123", "Firenze", "FI"), ("80133", "Napoli", "NA"),
          ("35122", "Padova", "PD"), ("52100", "Arezzo", "AR")]


def partita_iva(seed: int) -> str:
    """A well-formed Italian VAT number (7 digits, office 015, Luhn check digit)."""
    body = f"{1000000 + seed * 7919 % 8999999:07d}015"
    return f"IT{body}{luhn.calc_check_digit(body)}"


def demo_fiscal(i: int) -> Fiscal:
    """A demo customer's fiscal data: a business with a Codice Destinatario, or (one in
    five) a PEC (a random source of its own: the demo's requests stay as they were)."""
    rng = random.Random(i)
    postcode, city, province = PLACES[i % len(PLACES)]
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7))
    return Fiscal(kind="business", vat_number=partita_iva(i), street=f"Via Roma {i}",
                  postcode=postcode, city=city, province=province,
                  sdi_code="" if i % 5 == 0 else code,
                  pec=f"amministrazione{i}@pec.example.it" if i % 5 == 0 else "")

STAFF = [
    ("admin", "Anna Amministratrice", "admin"),
    ("g.rossi", "Giulia Rossi", "team_lead"),
    ("m.bianchi", "Marco Bianchi", "team_lead"),
    ("l.ferrari", "Luca Ferrari", "technician"),
    ("s.romano", "Sara Romano", "technician"),
    ("a.colombo", "Andrea Colombo", "technician"),
    ("f.ricci", "Francesca Ricci", "technician"),
    ("d.greco", "Davide Greco", "technician"),
    ("e.conti", "Elena Conti", "finance"),
    ("p.gallo", "Paolo Gallo", "finance"),
]
TECHS = ["l.ferrari", "s.romano", "a.colombo", "f.ricci", "d.greco"]
LEADS = ["g.rossi", "m.bianchi"]

COMPANIES = [
    "Alfa Web Solutions", "Bottega Digitale", "Caseificio Valtellina", "Delta Logistica",
    "Edilnova Costruzioni", "Farmacia San Marco", "Gelateria Aurora", "Hotel Belvedere",
    "Istituto Galilei", "Juventa Sport", "Kappa Assicurazioni", "Libreria del Corso",
    "Meccanica Brambilla", "Nordic Trading Ltd", "Oleificio Toscano", "Pixel Studio",
    "Quadrifoglio Onlus", "Ristorante Da Nino", "Studio Legale Moretti", "Tessitura Biellese",
    "Uliveto Cloud Labs", "Vetreria Muranese", "Winery Collio", "Xenia Travel",
    "Yacht Club Levante", "Zeta Informatica", "Agenzia Marittima Sud", "BrightPath Consulting",
    "Cantina Sociale Langhe", "Dolomiti Outdoor", "Energia Verde Srl", "Fonderia Lombarda",
    "GreenByte GmbH", "Harbor Analytics Ltd", "Immobiliare Aurelia", "Jolly Games",
]
SERVICE_KINDS = ["cloud_server", "vps", "hosting", "cloud_storage", "dedicated_server"]
SUBJECTS: dict[Category, list[tuple[str, str]]] = {
    Category.SOFTWARE: [("Aggiornamento Plesk all'ultima versione", "Plesk upgrade"),
                        ("Installazione PHP 8.3 e moduli", "PHP 8.3 with extensions"),
                        ("Upgrade MySQL 5.7 → 8.0", "MySQL 5.7 to 8.0 upgrade"),
                        ("Installazione MSSQL Express", "MSSQL Express install")],
    Category.OS_PATCHES: [("Patch di sicurezza Windows Server", "Windows Server security patches"),
                          ("Aggiornamento kernel Debian", "Debian kernel update")],
    Category.SSL: [("Installazione certificato SSL wildcard", "Wildcard SSL certificate"),
                   ("Rinnovo certificato SSL e-commerce", "Renew e-commerce SSL certificate")],
    Category.HARDENING: [("Hardening server Linux esposto", "Hardening of a public Linux server"),
                         ("Chiusura porte e fail2ban", "Close ports and set up fail2ban")],
    Category.TUNING: [("Analisi lentezza database", "Slow database analysis"),
                      ("Tuning Apache/PHP-FPM", "Apache / PHP-FPM tuning")],
    Category.BACKUP: [("Backup ad-hoc su Cloud Storage", "Ad-hoc backup to cloud storage")],
    Category.NETWORK: [("Configurazione VPN site-to-site", "Site-to-site VPN setup"),
                       ("Bilanciatore di carico per due nodi", "Load balancer for two nodes"),
                       ("Regole firewall per gestionale", "Firewall rules for ERP")],
    Category.WEBSITE_MIGRATION: [("Migrazione sito WordPress da hosting", "WordPress migration"),
                                 ("Migrazione siti da VPS esterno", "Sites from external VPS")],
    Category.P2V_V2V: [("Migrazione P2V server fisico", "P2V of a physical server"),
                       ("V2V da VMware a cloud", "V2V from VMware")],
    Category.CUSTOM_ENVIRONMENT: [("Ambiente Exchange + BES", "Exchange + BES environment"),
                                  ("Server streaming Red5", "Red5 streaming server")],
    Category.OTHER: [("Consulenza configurazione DNS", "DNS configuration advice")],
}
LINE_ITEMS = [
    ("Analisi preliminare e piano di intervento", Decimal("1"), Decimal("90.00")),
    ("Installazione e configurazione", Decimal("1"), Decimal("180.00")),
    ("Certificato SSL (1 anno)", Decimal("1"), Decimal("59.00")),
    ("Migrazione contenuti e database", Decimal("1"), Decimal("240.00")),
    ("Test funzionali e collaudo", Decimal("1"), Decimal("75.00")),
    ("Ora di lavoro sistemistico", Decimal("3"), Decimal("55.00")),
    ("Configurazione regole firewall", Decimal("4"), Decimal("35.00")),
]
#: the price list of routine interventions: (code, description, net price, unit, category)
CATALOGUE: list[tuple[str, str, str, str, Category | None]] = [
    ("SSL-DV", "Installazione certificato SSL DV (1 anno, incluso)", "79.00", "fixed",
     Category.SSL),
    ("SSL-WILDCARD", "Installazione certificato SSL wildcard (1 anno, incluso)", "189.00",
     "fixed", Category.SSL),
    ("SSL-INSTALL", "Installazione certificato SSL fornito dal cliente", "45.00", "fixed",
     Category.SSL),
    ("PHP-UPGRADE", "Aggiornamento PHP alla versione supportata, con moduli", "120.00", "fixed",
     Category.SOFTWARE),
    ("PLESK-LIC", "Installazione licenza Plesk e configurazione iniziale", "65.00", "fixed",
     Category.SOFTWARE),
    ("PLESK-UPGRADE", "Aggiornamento Plesk all'ultima versione stabile", "95.00", "fixed",
     Category.SOFTWARE),
    ("MYSQL-UPGRADE", "Upgrade MySQL/MariaDB con backup e verifica", "150.00", "fixed",
     Category.SOFTWARE),
    ("OS-PATCH", "Patch di sicurezza del sistema operativo e riavvio pianificato", "60.00",
     "fixed", Category.OS_PATCHES),
    ("HARDEN-BASE", "Hardening di base: SSH, fail2ban, firewall, utenti", "210.00", "fixed",
     Category.HARDENING),
    ("BACKUP-ONCE", "Backup ad-hoc su Cloud Storage con verifica del ripristino", "85.00",
     "fixed", Category.BACKUP),
    ("VPN-S2S", "Configurazione VPN site-to-site (un tunnel)", "240.00", "fixed",
     Category.NETWORK),
    ("WP-MIGRATE", "Migrazione sito WordPress da hosting esterno", "180.00", "fixed",
     Category.WEBSITE_MIGRATION),
    ("SYS-HOUR", "Ora di lavoro sistemistico", "55.00", "hour", None),
    ("SYS-HOUR-NIGHT", "Ora di lavoro sistemistico fuori orario", "80.00", "hour", None),
]

#: the final state each demo request reaches, with how many of each
PLAN: list[tuple[RequestState, int]] = [
    (RequestState.NEW, 24), (RequestState.EVALUATING, 22), (RequestState.QUOTED, 26),
    (RequestState.ACCEPTED, 16), (RequestState.IN_PROGRESS, 30), (RequestState.COMPLETED, 46),
    (RequestState.DECLINED, 10), (RequestState.REJECTED, 10), (RequestState.EXPIRED, 10),
    (RequestState.CANCELLED, 8),
]


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: int) -> None:
        self.now += timedelta(**delta)


#: where the demo data charge VAT (app/domain/vat_point.py)
VAT_POINT = TOPUP


def load_demo(db: Database, *, seed: int = 7, progress: Callable[[str], None] | None = None) -> None:
    """Fill an empty database with the demo data set (needs ``db.renderer`` for quotes)."""
    rng = random.Random(seed)
    real_clock = db.clock
    end = real_clock()
    clock = _Clock(end - timedelta(days=150))
    db.clock = clock
    try:
        _load(db, rng, clock, end, progress)
    finally:
        db.clock = real_clock
    quotes.expire_quotes(db)


def create_demo_file(target: Path, make: Callable[[str], Database] = Database) -> None:
    """Make the SQLite file ``target`` with the schema and the demo data, all or nothing.

    The demo is thousands of use cases, each its own transaction: loaded in place, a
    first start closed after a few seconds left a database of 33 requests for good,
    taken for the real thing afterwards. So the file is made under another name next to
    it (what an interrupted start left there is thrown away first), closed whole (its
    write-ahead log folded in, nothing left beside it) and only then renamed to
    ``target``, atomically: ``target`` exists only once it is complete. Until then
    nothing waits for the disk (``synchronous=OFF``): an unfinished file is never used.
    ``make`` opens a URL (the desktop app's gives the quote PDF renderer).
    """
    building = building_path(target)
    for leftover in _sqlite_files(building):
        leftover.unlink(missing_ok=True)
    db = make(f"sqlite:///{building}")
    event.listen(db.engine, "connect", _no_sync)
    try:
        db.upgrade_schema()
        load_demo(db)
    finally:
        db.dispose()
    with closing(sqlite3.connect(building)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    if mode != "delete" or any(f.exists() for f in _sqlite_files(building)[1:]):
        raise RuntimeError(f"the demo database {building} could not be closed whole")
    fd = os.open(building, os.O_RDONLY)
    try:
        os.fsync(fd)  # on disk before it takes the real name
    finally:
        os.close(fd)
    os.replace(building, target)


def building_path(target: Path) -> Path:
    """Where :func:`create_demo_file` makes ``target`` before it is complete."""
    return target.with_name(target.name + ".building")


def _sqlite_files(path: Path) -> list[Path]:
    """A SQLite database's file, then the files of its logs."""
    return [path] + [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]


def _no_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def _load(db: Database, rng: random.Random, clock: _Clock, end: datetime,
          progress: Callable[[str], None] | None) -> None:
    say = progress or (lambda _msg: None)
    say("staff")
    for username, name, role in STAFF:
        # no database logins: the demo's people are not real (give one a login with "staff add")
        staff.add_staff(db, None if username == "admin" else "admin", username, name=name,
                        role=role, login=False)
    say("price list")
    for code, description, price, unit, category in CATALOGUE:
        catalogue.add_item(db, "g.rossi", code, description=description, price=price, unit=unit,
                           category=category.value if category else None)
    for key, value in COMPANY.items():
        settings.set_setting(db, "admin", key, value)
    # the provider's model (issue 20): the credit is net of VAT, charges take the net
    settings.set_setting(db, "admin", "vat_point", VAT_POINT)
    say("customers")
    accounts: list[tuple[str, list[str], str]] = []
    for i, company in enumerate(COMPANIES, start=1):
        code = f"C{1000 + i}"
        credit = rng.choice(["150.00", "300.00", "800.00", "1500.00", "3000.00", "6000.00"])
        if i % 9 == 0:
            credit = "40.00"  # near zero
        lang = "en" if company.endswith(("Ltd", "GmbH", "Consulting", "Analytics")) else "it"
        customers.add_customer(db, "admin", code, name=company, credit_amount=credit, lang=lang,
                               data=demo_fiscal(i))
        names = []
        for k in range(rng.randint(1, 3)):
            kind = rng.choice(SERVICE_KINDS)
            name = f"{kind.replace('_', '-')}-{code.lower()}-{k + 1}"
            customers.add_service(db, "admin", code, name=name, kind=kind)
            names.append(name)
        accounts.append((code, names, lang))
    # The one account that the demo drives into credit exhaustion.
    customers.add_customer(db, "admin", "C0999", name="Officina Meccanica Pellegrini",
                           credit_amount="120.00",
                           data=Fiscal(kind="business", vat_number=partita_iva(999),
                                       sdi_code="M5UXCR1", street="Via Emilia 88",
                                       postcode="40100", city="Bologna", province="BO"))
    customers.add_service(db, "admin", "C0999", name="cloud-server-officina", kind="cloud_server")
    # paid monthly: it stays on through its paid period when the credit runs out (issue 19)
    customers.add_service(db, "admin", "C0999", name="hosting-officina", kind="hosting",
                          billing="monthly", paid_until=(end + timedelta(days=20)).date())

    say("requests")
    plan = [state for state, count in PLAN for _ in range(count)]
    rng.shuffle(plan)
    categories = list(Category)
    span = (end - clock.now).total_seconds()
    for index, target in enumerate(plan):
        clock.now = end - timedelta(seconds=span) + timedelta(seconds=span * index / len(plan))
        clock.now = clock.now.replace(microsecond=0)
        code, services, lang = rng.choice(accounts)
        _one(db, rng, clock, end, code, rng.choice(services), categories[index % len(categories)],
             target, lang)
    clock.now = end - timedelta(days=2)
    _exhaustion_case(db, clock)


def _one(db: Database, rng: random.Random, clock: _Clock, end: datetime, code: str, service: str,
         category: Category, target: RequestState, lang: str = "it") -> None:
    subject_it, subject_en = rng.choice(SUBJECTS[category])
    if lang == "en":
        subject = subject_en
        description = f"{subject_en}. Requested from the control panel for the service {service}."
    else:
        subject = subject_it
        description = f"{subject_it}. Richiesta aperta dal Pannello di Controllo per il servizio {service}."
    if target in (RequestState.EXPIRED,):
        clock.now = min(clock.now, end - timedelta(days=40))
    priority = rng.choices(["low", "normal", "high", "urgent"], weights=[2, 6, 3, 1])[0]
    number = requests.submit_request(
        db, code, service=service, category=category.value, subject=subject,
        description=description,
        priority=priority,
    )
    if target is RequestState.NEW:
        return
    tech = rng.choice(TECHS)
    lead = rng.choice(LEADS)
    clock.advance(hours=rng.randint(1, 20))
    if rng.random() < 0.3:
        requests.assign_request(db, lead, number, tech)
        requests.take_request(db, tech, number)
    else:
        requests.take_request(db, tech, number)
    if target is RequestState.EVALUATING:
        return
    if target is RequestState.DECLINED:
        clock.advance(hours=3)
        requests.decline_request(db, tech, number,
                                 reason="Intervento non eseguibile sull'architettura attuale")
        return
    if target is RequestState.CANCELLED and rng.random() < 0.5:
        requests.cancel_request(db, number)
        return
    hourly = rng.random() < 0.45
    clock.advance(hours=rng.randint(2, 30))
    validity = 10 if target is RequestState.EXPIRED else rng.choice([15, 30, 45])
    if target is RequestState.QUOTED:
        remaining = (end - clock.now).days
        validity = max(validity, remaining + rng.randint(-2, 20))
        validity = max(validity, remaining + 1) if rng.random() < 0.85 else validity
    valid_until = (clock.now + timedelta(days=validity)).date()
    if hourly:
        data = QuoteInput(kind="hourly", valid_until=valid_until,
                          hourly_rate=rng.choice(["50.00", "55.00", "60.00", "65.00"]),
                          estimated_hours=str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12])),
                          notes="Stima basata sulle informazioni fornite nella richiesta.")
    else:
        lines = rng.sample(LINE_ITEMS, rng.randint(1, 4))
        data = QuoteInput(kind="fixed", valid_until=valid_until,
                          lines=[LineInput(d, q, p) for d, q, p in lines])
    quote = quotes.create_quote(db, tech, number, data)
    sender = tech if quote.net <= Decimal("1000") else lead
    quote = quotes.send_quote(db, sender, quote.id)
    if target in (RequestState.QUOTED, RequestState.EXPIRED):
        return
    clock.advance(hours=rng.randint(4, 72))
    if target is RequestState.CANCELLED:
        requests.cancel_request(db, number)
        return
    if target is RequestState.REJECTED:
        quotes.reject_quote(db, quote.id, reason="Preferiamo rimandare l'intervento")
        return
    quotes.accept_quote(db, quote.id)
    if target is RequestState.ACCEPTED:
        return
    # Work around the estimate: mostly within it, sometimes over (so warnings show).
    estimate = int((quote.estimated_hours or Decimal(rng.randint(2, 6))) * 60)
    total = int(estimate * rng.uniform(0.5, 1.25))
    entries = rng.randint(1, 4)
    for _ in range(entries):
        clock.advance(hours=rng.randint(3, 30))
        if clock.now >= end:
            clock.now = end - timedelta(minutes=5)
        minutes = max(15, min(8 * 60, round(total / entries / 5) * 5))
        work.log_work(db, tech, number, hours=f"{minutes // 60}:{minutes % 60:02d}",
                      note=rng.choice(["Analisi", "Configurazione", "Test", "Verifica finale"]))
    if hourly and rng.random() < 0.35:
        detail_amount = quote.net + Decimal(rng.choice([60, 110, 165]))
        variation = variations.propose_variation(
            db, tech, number, amount=detail_amount,
            reason="Lavoro aggiuntivo emerso durante l'intervento")
        clock.advance(hours=5)
        if rng.random() < 0.8:
            variations.agree_variation(db, variation.id)
        else:
            variations.refuse_variation(db, variation.id)
    if target is RequestState.COMPLETED:
        clock.advance(hours=2)
        try:
            preview = billing.preview_charge(db, number)
            if preview.exhausts_credit:
                # Customers usually top up before the work is charged.
                customers.topup(db, None, code, (-preview.balance_after + Decimal("200")),
                                reference="ricarica pannello")
                clock.advance(minutes=30)
            billing.complete_request(db, tech, number)
        except RitError:
            return


def _exhaustion_case(db: Database, clock: _Clock) -> None:
    """C0999: a fixed quote larger than the credit; completion exhausts the credit."""
    number = requests.submit_request(db, "C0999", service="cloud-server-officina",
                                     category=Category.P2V_V2V.value,
                                     subject="Migrazione P2V del gestionale di officina",
                                     description="Il server fisico del gestionale va migrato "
                                     "sul cloud server, con verifica dei dati dopo la migrazione.",
                                     priority="high")
    requests.take_request(db, "l.ferrari", number)
    quote = quotes.create_quote(db, "l.ferrari", number, QuoteInput(
        kind="fixed", valid_until=(clock.now + timedelta(days=30)).date(),
        lines=[LineInput("Migrazione P2V server gestionale", Decimal(1), Decimal("420.00")),
               LineInput("Verifica post-migrazione", Decimal(1), Decimal("80.00"))]))
    quotes.send_quote(db, "l.ferrari", quote.id)
    clock.advance(hours=6)
    quotes.accept_quote(db, quote.id)
    clock.advance(hours=20)
    work.log_work(db, "l.ferrari", number, hours="6:30", note="Migrazione e collaudo")
    clock.advance(hours=1)
    billing.complete_request(db, "l.ferrari", number)
