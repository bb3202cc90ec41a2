"""Notices mailed to customers by SMTP (issue 18): delivery states, retries, the list.

The worker (:mod:`app.services.worker`) mails each ``pending`` notice whose time has
come, in the customer's language (:mod:`app.domain.notice_mail`), with its PDF where
there is one (the quote PDF when proposed, the charge document when charged, the credit
note when refunded), and a Message-ID of its own. Each notice is locked (``SKIP
LOCKED``) while it is sent and marked in the same transaction: several workers never
send the same notice; a worker killed between the server's acceptance and the commit
may send it again once (the README says so). A failure is retried with backoff (1, 2,
4, 8 minutes); after :data:`MAX_ATTEMPTS` the notice is ``failed``, shown to team leads,
and ``notices retry ID`` tries again.

Settings (admin): ``smtp_host`` (empty: nothing is mailed, notices stay pending),
``smtp_port``, ``smtp_from``, ``smtp_starttls`` (yes/no), ``smtp_user``; the password
from ``RIT_DESK_SMTP_PASSWORD`` or the keyring (service ``rit-desk-smtp``, the user),
never stored in the database or printed.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import NoticeKind
from app.domain.errors import NotFoundError, StateError
from app.domain.notice_mail import mail_text
from app.domain.references import request_reference
from app.services import invoice_rules
from app.services import settings as settings_service
from app.services.common import audit, customer_by_code, require

PENDING, SENT, FAILED = "pending", "sent", "failed"
STATES = (PENDING, SENT, FAILED)
#: tries before a notice is failed
MAX_ATTEMPTS = 5
#: minutes before the next try after the n-th failure: 1, 2, 4, 8
BACKOFF_MINUTES = (1, 2, 4, 8)
KEYRING_SERVICE = "rit-desk-smtp"
PASSWORD_ENV = "RIT_DESK_SMTP_PASSWORD"
SMTP_TIMEOUT = 30.0
#: how long a notice waits for its document (the worker renders it) without that
#: counting as a failed attempt; after that each round counts, as any failure
DOCUMENT_PATIENCE = timedelta(hours=1)


class DocumentNotStored(StateError):
    """The notice's PDF is expected and not stored yet (the worker is rendering it)."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    starttls: bool
    user: str
    company: str
    vat_point: str = "charge"  # how a quote's total speaks of VAT in its email

    @classmethod
    def from_settings(cls, values: dict[str, str]) -> SmtpConfig:
        return cls(values["smtp_host"].strip(), int(values["smtp_port"]), values["smtp_from"],
                   values["smtp_starttls"] == "yes", values["smtp_user"].strip(),
                   values["company_name"])


def smtp_config(session: Session) -> SmtpConfig:
    values = {**settings_service.DEFAULTS,
              **dict(session.execute(select(m.Setting.key, m.Setting.value)).tuples().all())}
    return replace(SmtpConfig.from_settings(values), vat_point=invoice_rules.vat_point(session))


def smtp_password(user: str) -> str | None:
    """From the environment, else the keyring (never the database)."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not user:
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, user)
    except Exception:  # no keyring on a server: the environment is the way
        return None


class Mailer:
    """One SMTP connection for a round of deliveries, opened when first needed."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        if self._smtp is None:
            smtp = smtplib.SMTP(self.config.host, self.config.port, timeout=SMTP_TIMEOUT)
            try:
                if self.config.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.config.user:
                    smtp.login(self.config.user, smtp_password(self.config.user) or "")
            except BaseException:
                smtp.close()
                raise
            self._smtp = smtp
        try:
            self._smtp.send_message(message)
        except BaseException:
            self.close()  # a fresh connection for the next one
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None


# -- the message --------------------------------------------------------------------------
def message_id(notice: m.Notice, sender: str) -> str:
    domain = sender.rpartition("@")[2].strip("> ") or "rit-desk.invalid"
    return f"<notice-{notice.id}.{notice.at:%Y%m%d%H%M%S}@{domain}>"


def attachment(session: Session, notice: m.Notice, payload: dict[str, Any]
               ) -> tuple[str, bytes | None] | None:
    """(file name, PDF) a notice carries (PDF None: expected, not stored yet); None: none."""
    number = notice.request_id
    if notice.kind == NoticeKind.QUOTE_PROPOSED and payload.get("quote"):
        quote = session.get(m.Quote, int(payload["quote"]))
        if quote is None:
            return None
        name = f"{request_reference(quote.request_id)}-{quote.revision}.pdf"
        return name, quote.pdf
    if notice.kind in (NoticeKind.COMPLETED_CHARGED, NoticeKind.CANCELLED_CHARGED,
                       NoticeKind.CHARGE_REFUNDED) and number:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == number))
        if charge is None:
            return None
        if notice.kind in (NoticeKind.COMPLETED_CHARGED, NoticeKind.CANCELLED_CHARGED):
            document = session.get(m.StoredChargeDocument, charge.id)
            return f"{request_reference(number)}-charge.pdf", document.pdf if document else None
        note = session.scalar(select(m.CreditNote).where(
            m.CreditNote.charge_id == charge.id,
            m.CreditNote.sequence == int(payload.get("credit_note") or 1)))
        return (f"{request_reference(number)}-credit-note-{payload.get('credit_note', 1)}.pdf",
                note.pdf if note else None)
    return None


def compose(session: Session, notice: m.Notice, customer: m.Customer,
            config: SmtpConfig) -> EmailMessage:
    """The email of a notice (StateError: it cannot be composed yet, or ever)."""
    if not customer.email:
        raise StateError.of("customer {code} has no email address", code=customer.code)
    payload = json.loads(notice.payload or "{}")
    if payload.get("quote") and "net" not in payload:  # what the credit gives, at the top-up
        quote = session.get(m.Quote, int(payload["quote"]))
        if quote is not None:
            payload["net"] = str(quote.net)
    subject, body = mail_text(notice.kind, payload, customer.lang, request=notice.request_id,
                              company=config.company, vat_point=config.vat_point)
    message = EmailMessage()
    message["From"] = formataddr((config.company, config.sender))
    message["To"] = formataddr((customer.name, customer.email))
    message["Subject"] = subject
    message["Message-ID"] = notice.message_id or message_id(notice, config.sender)
    message.set_content(body)
    attached = attachment(session, notice, payload)
    if attached is not None:
        name, pdf = attached
        if pdf is None:
            raise DocumentNotStored.of("the document of notice {notice} is not stored yet",
                                       notice=notice.id)
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    message["Content-Language"] = customer.lang  # last: set_content drops Content-* headers
    return message


# -- the worker's job --------------------------------------------------------------------
def _due(stmt: Any, now: datetime) -> Any:
    """On the notice row itself (not a subquery): PostgreSQL checks these conditions again
    on the newest version of a row locked after another worker committed it, so a notice
    another worker just sent is not taken (a subquery would answer from the old snapshot)."""
    return stmt.where(
        m.Notice.delivery_state == PENDING,
        (m.Notice.next_attempt_at.is_(None)) | (m.Notice.next_attempt_at <= now))


def deliver_due(db: Database) -> Iterable[tuple[str, str, str, bool]]:
    """Mail every pending notice whose time has come: (job, subject, detail, ok) each."""
    with db.read() as session:
        config = smtp_config(session)
        if not config.host:
            return
        candidates = session.scalars(_due(select(m.Notice.id), db.now())
                                     .order_by(m.Notice.id)).all()
    mailer = Mailer(config)
    try:
        for ident in candidates:
            with db.transaction() as session:
                stmt = _due(select(m.Notice).where(m.Notice.id == ident), db.now()
                            ).execution_options(populate_existing=True)
                if not db.is_sqlite:
                    stmt = stmt.with_for_update(skip_locked=True)
                notice = session.scalar(stmt)
                if notice is None:
                    continue  # another worker's, or no longer due
                yield _deliver_one(db, session, mailer, notice, config)
    finally:
        mailer.close()


def _deliver_one(db: Database, session: Session, mailer: Mailer, notice: m.Notice,
                 config: SmtpConfig) -> tuple[str, str, str, bool]:
    customer = session.get(m.Customer, notice.customer_id)
    assert customer is not None
    subject = f"{notice.id} ({notice.kind}, {customer.code})"
    try:
        message = compose(session, notice, customer, config)
    except DocumentNotStored as exc:
        if db.now() - notice.at < DOCUMENT_PATIENCE:  # mailed with it, once it is stored
            return "notice_waiting", subject, str(exc), True
        message = None
    except StateError:
        message = None
    notice.attempts += 1
    try:
        if message is None:  # the same refusal again, counted as a failed attempt
            message = compose(session, notice, customer, config)
        notice.message_id = str(message["Message-ID"])
        mailer.send(message)
    except (StateError, smtplib.SMTPException, OSError, ValueError) as exc:
        notice.last_error = (str(exc) or type(exc).__name__)[:500]
        if notice.attempts >= MAX_ATTEMPTS:
            notice.delivery_state = FAILED
            notice.next_attempt_at = None
            return "notice_failed", subject, notice.last_error, False
        notice.next_attempt_at = db.now() + timedelta(
            minutes=BACKOFF_MINUTES[min(notice.attempts, len(BACKOFF_MINUTES)) - 1])
        return ("notice_retry_later", subject,
                f"{notice.last_error} (attempt {notice.attempts})", False)
    notice.delivery_state = SENT
    notice.sent_at = db.now()
    notice.last_error = None
    notice.next_attempt_at = None
    return "notice_sent", subject, f"to {customer.email}", True


# -- the list and the retry -------------------------------------------------------------
@dataclass(frozen=True)
class DeliveryView:
    id: int
    kind: str
    customer: str
    request: int | None
    state: str
    attempts: int
    sent_at: datetime | None
    error: str | None
    at: datetime
    message_id: str | None


def list_notices(db: Database, actor: str, *, customer: str | None = None,
                 state: str | None = None, limit: int = 500) -> list[DeliveryView]:
    """The notices and their delivery, newest first (team leads and admins)."""
    if state is not None and state not in STATES:
        raise StateError.of("a delivery state is pending, sent or failed: {state}", state=state)
    with db.read() as session:
        require(session, actor, "deliveries")
        stmt = (select(m.Notice, m.Customer.code).join(m.Customer,
                                                       m.Customer.id == m.Notice.customer_id)
                .order_by(m.Notice.id.desc()).limit(limit))
        if customer is not None:
            stmt = stmt.where(m.Notice.customer_id == customer_by_code(db, session, customer).id)
        if state is not None:
            stmt = stmt.where(m.Notice.delivery_state == state)
        return [DeliveryView(n.id, n.kind, code, n.request_id, n.delivery_state, n.attempts,
                             n.sent_at, n.last_error, n.at, n.message_id)
                for n, code in session.execute(stmt).tuples()]


_RETRY = text("SELECT rit_notice_retry(:notice)")


def retry(db: Database, actor: str, notice_id: int) -> DeliveryView:
    """One more round of tries for a failed (or waiting) notice: pending again, now."""
    with db.transaction() as session:
        staff = require(session, actor, "deliveries")
        # (PostgreSQL: rit_notice_retry locks it; a lead may not UPDATE notices)
        notice = session.scalar(select(m.Notice).where(m.Notice.id == notice_id))
        if notice is None:
            raise NotFoundError.of("unknown notice: {notice}", notice=notice_id)
        if notice.delivery_state not in (FAILED, PENDING):
            raise StateError.of("notice {notice} is {state}: only a failed or pending notice "
                                "is retried", notice=notice_id, state=notice.delivery_state)
        if db.is_sqlite:
            audit(db, session, staff.username, "notice_retry", request_id=notice.request_id,
                  customer_id=notice.customer_id, notice=notice.id, attempts=notice.attempts,
                  error=notice.last_error)
            notice.delivery_state, notice.attempts, notice.next_attempt_at = PENDING, 0, None
        else:  # no login writes notices: the database's function (audited there)
            session.execute(_RETRY, {"notice": notice_id})
            session.expire(notice)
        session.flush()
        session.refresh(notice)
        code = session.get(m.Customer, notice.customer_id)
        assert code is not None
        return DeliveryView(notice.id, notice.kind, code.code, notice.request_id,
                            notice.delivery_state, notice.attempts, notice.sent_at,
                            notice.last_error, notice.at, notice.message_id)
