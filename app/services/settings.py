"""Settings stored in the central database (shared by every workstation)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import fiscal
from app.domain.documents import CompanyInfo, specimen
from app.domain.enums import LedgerKind
from app.domain.errors import ValidationError, phrase
from app.domain.images import check_logo
from app.domain.money import parse_amount, parse_threshold, parse_vat_rate, parse_whole
from app.domain.texts import has_control, parse_email
from app.domain.vat_point import NEW_DATABASE_POINT, VatPoint, parse_vat_point
from app.services.common import audit, require

DEFAULTS: dict[str, str] = {
    "tech_send_limit": "1000.00",
    "billing_increment_minutes": "15",
    "default_vat_rate": "22.00",
    "quote_validity_days": "30",
    "company_name": "Nimbus Cloud S.p.A.",
    "company_address": "Via dei Server 12\n52011 Bibbiena (AR)\nItalia",
    "company_vat_number": "IT01234567890",
    "company_email": "interventi@nimbuscloud.example",
    "company_phone": "+39 0575 000000",
    "company_website": "www.nimbuscloud.example",
    "company_logo_path": "",
    # the legal details Italian law asks of an S.p.A.'s documents (printed when set)
    "company_rea": "",
    "company_share_capital": "",
    # the company's fiscal identification (app/domain/fiscal.py checks them)
    "company_tax_code": "",
    "company_street": "",
    "company_postcode": "",
    "company_city": "",
    "company_province": "",
    "company_country": "IT",
    "company_tax_regime": "",
    # the team lead's queues (app/services/attention.py)
    "lead_expiring_days": "7",
    "lead_variation_days": "3",
    "lead_unassigned_hours": "4",
    "lead_ceiling_percent": "80",
    # what one top-up, adjustment or refund may move (migration 0015 reads the same keys
    # with the same defaults on PostgreSQL)
    "money_min_per_operation": "0.01",
    "money_max_per_operation": "100000.00",
    # the worker's deadlines (app/services/worker.py)
    "quote_reminder_days": "3",
    "variation_reminder_days": "3",
    "variation_expiry_days": "14",
    "low_credit_alert": "0.00",
    # the staged credit procedure (app/domain/credit_steps.py; migration 0024 reads the
    # same keys with the same defaults on PostgreSQL)
    "credit_archive_days": "7",
    "credit_delete_days": "10",
    "credit_notice_days": "2",
    # mailing the notices (app/services/delivery.py; the password is never stored here)
    "smtp_host": "",
    "smtp_port": "25",
    "smtp_from": "interventi@nimbuscloud.example",
    "smtp_starttls": "no",
    "smtp_user": "",
    # reads from a hot standby (app/db/standby.py): the seconds it may be behind before
    # reports are read from the primary instead
    "standby_max_lag": "30",
    # where VAT is charged (app/domain/vat_point.py): a new database's point; migration
    # 0025 writes the point of each database (an upgraded one with data: charge)
    "vat_point": NEW_DATABASE_POINT,
}
#: the bounds of one credit operation: (lowest, highest)
MONEY_BOUNDS = ("money_min_per_operation", "money_max_per_operation")

#: whole-number settings: key -> (lowest, highest)
WHOLE: dict[str, tuple[int, int]] = {
    "billing_increment_minutes": (1, 480),
    "quote_validity_days": (1, 480),
    "lead_expiring_days": (0, 365),
    "lead_variation_days": (0, 365),
    "lead_unassigned_hours": (0, 1000),
    "lead_ceiling_percent": (1, 100),
    "quote_reminder_days": (0, 365),
    "variation_reminder_days": (0, 365),
    "variation_expiry_days": (1, 365),
    "credit_archive_days": (1, 365),
    "credit_delete_days": (1, 365),
    "credit_notice_days": (0, 30),
    "smtp_port": (1, 65535),
    "standby_max_lag": (0, 86400),
}

#: the company's fiscal settings, each with its check (Italian rules where they differ;
#: the country is the company's: an Italian company's postcode and province)
COMPANY_FISCAL: dict[str, Callable[[str], str]] = {
    "company_vat_number": lambda v: fiscal.check_vat_number(v),
    "company_tax_code": fiscal.check_tax_code,
    "company_postcode": lambda v: fiscal.check_postcode(v, "IT"),
    "company_province": lambda v: fiscal.check_province(v, "IT"),
    "company_country": fiscal.check_country,
    "company_tax_regime": fiscal.check_tax_regime,
}


@dataclass(frozen=True)
class Settings:
    tech_send_limit: Decimal
    billing_increment_minutes: int
    default_vat_rate: Decimal
    quote_validity_days: int
    company: CompanyInfo
    lead_expiring_days: int = 7
    lead_variation_days: int = 3
    lead_unassigned_hours: int = 4
    lead_ceiling_percent: int = 80
    money_min_per_operation: Decimal = Decimal(DEFAULTS["money_min_per_operation"])
    money_max_per_operation: Decimal = Decimal(DEFAULTS["money_max_per_operation"])
    vat_point: str = NEW_DATABASE_POINT  # where VAT is charged (issue 20)


def _raw(session: Session) -> dict[str, str]:
    values = dict(DEFAULTS)
    for row in session.scalars(select(m.Setting)):
        values[row.key] = row.value
    return values


def company_address_lines(values: Mapping[str, str]) -> tuple[str, ...]:
    """The company's address on a letterhead: its structured legal address (the one its
    invoices show: ``company_street``, ``company_postcode``, ``company_city``,
    ``company_province``, ``company_country``) where it is set, else the free-text
    ``company_address`` of before issue 20, so every document says the same."""
    street, city = values["company_street"].strip(), values["company_city"].strip()
    if not (street and city):
        return tuple(line for line in values["company_address"].splitlines() if line)
    place = " ".join(p for p in (values["company_postcode"].strip(), city) if p)
    province = values["company_province"].strip().upper()
    country = values["company_country"].strip().upper() or "IT"
    lines = [street, f"{place} ({province})" if province else place]
    if country != "IT":
        lines.append(country)
    return tuple(lines)


def company_info(stored: Mapping[str, str]) -> CompanyInfo:
    """The letterhead from stored ``company_*`` settings (the defaults where none)."""
    values = {**DEFAULTS, **stored}
    return CompanyInfo(
        name=values["company_name"],
        address_lines=company_address_lines(values),
        vat_number=values["company_vat_number"],
        email=values["company_email"],
        phone=values["company_phone"],
        website=values["company_website"],
        logo_path=values["company_logo_path"] or None,
        rea=values["company_rea"],
        share_capital=values["company_share_capital"],
    )


def load(session: Session) -> Settings:
    values = _raw(session)
    return Settings(
        tech_send_limit=Decimal(values["tech_send_limit"]),
        billing_increment_minutes=int(values["billing_increment_minutes"]),
        default_vat_rate=Decimal(values["default_vat_rate"]),
        quote_validity_days=int(values["quote_validity_days"]),
        company=company_info(values),
        lead_expiring_days=int(values["lead_expiring_days"]),
        lead_variation_days=int(values["lead_variation_days"]),
        lead_unassigned_hours=int(values["lead_unassigned_hours"]),
        lead_ceiling_percent=int(values["lead_ceiling_percent"]),
        money_min_per_operation=Decimal(values["money_min_per_operation"]),
        money_max_per_operation=Decimal(values["money_max_per_operation"]),
        vat_point=parse_vat_point(values["vat_point"]),
    )


def money_bounds(session: Session) -> tuple[Decimal, Decimal]:
    """(lowest, highest) amount one top-up, adjustment or refund may move."""
    stored = dict(session.execute(select(m.Setting.key, m.Setting.value)
                                  .where(m.Setting.key.in_(MONEY_BOUNDS))).tuples().all())
    low, high = ({**DEFAULTS, **stored}[key] for key in MONEY_BOUNDS)
    return Decimal(low), Decimal(high)


def vat_point(session: Session) -> VatPoint:
    """The VAT point in force."""
    row = session.get(m.Setting, "vat_point")
    return parse_vat_point(row.value if row else DEFAULTS["vat_point"])


def vat_point_of(db: Database) -> VatPoint:
    with db.read() as session:
        return vat_point(session)


def _vat_point_unused(session: Session, point: str) -> None:
    """The VAT point changes only while no charge and no top-up exists under it (on
    PostgreSQL the trigger of migration 0025 refuses the same, and waits for one being
    made). A change needs none under the point it leaves, so none exists at all."""
    used = session.scalar(select(
        exists().where(m.Charge.id.is_not(None)) | exists().where(
            m.LedgerEntry.kind == LedgerKind.TOPUP.value)))
    if used:
        raise ValidationError.of(
            "the VAT point cannot change: charges or top-ups were already recorded under "
            "{point}", point=point)


def get_settings(db: Database) -> Settings:
    with db.read() as session:
        return load(session)


def _validate(key: str, value: str) -> str:
    if key not in DEFAULTS:
        raise ValidationError.of("unknown setting: {key}", key=key)
    if key == "tech_send_limit":
        return str(parse_amount(value, phrase("technician send limit")))
    if key == "low_credit_alert":
        return str(parse_threshold(value, phrase("low-credit alert")))
    if key == "smtp_starttls":
        if value.strip().lower() not in ("yes", "no"):
            raise ValidationError.of("{key} is yes or no", key=key)
        return value.strip().lower()
    if key == "smtp_from":
        return parse_email(value)
    if key in MONEY_BOUNDS:
        return str(parse_amount(value, phrase("limit of one credit operation")))
    if key == "default_vat_rate":
        return str(parse_vat_rate(value))
    if key == "vat_point":
        return parse_vat_point(value)
    if key in WHOLE:
        low, high = WHOLE[key]
        return str(parse_whole(value, key, low, high))
    if key in COMPANY_FISCAL:
        return COMPANY_FISCAL[key](value)
    if len(value) > 500:
        raise ValidationError.of("{key} is too long", key=key)
    if has_control(value.strip(), allowed="\n\t"):  # a company's details are printed
        raise ValidationError.of("{what} contains control characters", what=key)
    if key == "company_logo_path" and value.strip():
        check_logo(value.strip())
    return value.strip()


def _try_logo(db: Database, path: str) -> None:
    """Render a specimen quote with the logo at ``path``: the renderer must draw it
    (a file can look like a PNG and not decode). Outside any transaction: it takes a
    moment, and holds no lock meanwhile."""
    check_logo(path)
    if db.renderer is not None:
        company = replace(get_settings(db).company, logo_path=path, with_logo=True)
        db.renderer(specimen(company, db.today()))


def set_setting(db: Database, actor: str, key: str, value: str) -> str:
    """Change a shared setting (admin). A new company logo is tried first: a PNG or JPEG of
    at most 2 MB and 4000 pixels a side that the renderer draws."""
    if key == "company_logo_path" and value.strip():
        _try_logo(db, value.strip())
    with db.transaction() as session:
        require(session, actor, "manage")
        clean = _validate(key, value)
        if key in MONEY_BOUNDS:
            low, high = {**dict(zip(MONEY_BOUNDS, money_bounds(session), strict=True)),
                         key: Decimal(clean)}.values()
            if low > high:
                raise ValidationError.of(
                    "the lowest amount of one credit operation ({low}) must not be above "
                    "the highest ({high})", low=low, high=high)
        row = session.get(m.Setting, key)
        old = row.value if row else DEFAULTS.get(key)
        if key == "vat_point" and clean != old:
            _vat_point_unused(session, old or NEW_DATABASE_POINT)
        if row is None:
            session.add(m.Setting(key=key, value=clean))
        else:
            row.value = clean
        audit(db, session, actor, "setting_changed", key=key, old=old, new=clean)
        return clean
