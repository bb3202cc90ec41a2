"""A day (and a few weeks) of the back office running by itself (issue 18), end to end on
both databases, with a real SMTP server and a moved clock: a quote proposed and mailed
with its PDF, its reminder and its expiry; a variation reminded, lapsed, and the completion
it no longer blocks; the charge mailed with its document; a delivery that failed and was
retried by a team lead. ``pytest -s`` prints the day as it went."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from app.db import models as m
from app.services import billing, customers, delivery, variations, work, worker
from app.services.demo import partita_iva
from tests.app.conftest import World
from tests.app.test_delivery import Inbox, inbox, mailing  # noqa: F401 - the fixtures
from tests.conftest import FakeClock
from ui.finance.documents import renderers


def _round(world: World, day: list[str], clock: FakeClock) -> list[str]:
    """One round of the worker (documents rendered as the real worker does); its jobs."""
    done = worker.run_once(world.db, renderers=renderers())
    for d in done:
        day.append(f"{clock.now:%d/%m %H:%M} worker: {d.job} {d.subject} {d.detail}".rstrip())
    return [d.job for d in done]


def _mail(inbox_of: Inbox, day: list[str], subject_has: str) -> list[bytes]:
    """The attachments of the one email whose subject has ``subject_has``."""
    [msg] = [msg for _to, msg in inbox_of.messages if subject_has in str(msg["Subject"])]
    files = list(msg.iter_attachments())
    day.append(f"      mail to {msg['To']}: {msg['Subject']!s} "
               f"[{', '.join(str(f.get_filename()) for f in files)}]")
    return [f.get_content() for f in files]


def test_a_day_in_the_life(world: World, mailing: Inbox, clock: FakeClock) -> None:  # noqa: F811
    db, day = world.db, list[str]()
    # ACME's fiscal data, complete: its invoices (VAT at the charge, as the suite's
    # databases) are valid FatturaPA documents the worker stores beside the charge's
    customers.set_customer(db, "admin", "ACME", kind="business", vat_number=partita_iva(7),
                           sdi_code="M5UXCR1", street="Via Roma 1", postcode="52100",
                           city="Arezzo", province="AR")
    # a quote proposed: its email carries the quote PDF, byte for byte
    number = world.request()
    quote_id = world.fixed_quote(number)  # valid 30 days
    ref = f"RIT-{number:06d}"
    assert _round(world, day, clock).count("notice_sent") == 2
    [pdf] = _mail(mailing, day, f"Quote {ref}/1")
    with db.read() as session:
        quote = session.get(m.Quote, quote_id)
        assert quote is not None and pdf == quote.pdf

    # three days before its validity ends: reminded, once
    clock.now += timedelta(days=27)
    assert _round(world, day, clock) == ["quote_reminder", "notice_sent"]
    assert _round(world, day, clock) == []
    _mail(mailing, day, "expires")

    # past its date: expired at that date, the customer told
    clock.now += timedelta(days=4)
    assert _round(world, day, clock) == ["quote_expired", "notice_sent"]

    # a variation left unanswered: reminded after 3 days, lapsed after 14, and the
    # completion it blocked goes through (the agreed amount as it was)
    other = world.accepted()  # fixed 390.00 + VAT
    work.log_work(db, "tech", other, hours="2")
    variations.propose_variation(db, "tech", other, amount="600", reason="more disks")
    _round(world, day, clock)
    clock.now += timedelta(days=3)
    assert "variation_reminder" in _round(world, day, clock)
    clock.now += timedelta(days=11)
    assert "variation_lapsed" in _round(world, day, clock)
    charged = billing.complete_request(db, "tech", other)
    assert charged.net == Decimal("390.00")  # the lapsed variation changed nothing
    day.append(f"{clock.now:%d/%m %H:%M} desk: RIT-{other:06d} completed, charged "
               f"{charged.total} (net {charged.net})")

    # the charge: its document rendered and stored, then mailed with it
    jobs = _round(world, day, clock)
    assert "notice_sent" in jobs
    [document] = _mail(mailing, day, "completed")
    with db.read() as session:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == other))
        assert charge is not None
        stored = session.get(m.StoredChargeDocument, charge.id)
        assert stored is not None and document == stored.pdf

    # a delivery that failed (the server refusing five times) and a team lead's retry
    mailing.refuse = True
    world.request()
    for wait in (0, 1, 2, 4, 8):
        clock.now += timedelta(minutes=wait)
        _round(world, day, clock)
    [failed] = delivery.list_notices(db, "lead", state="failed")
    mailing.refuse = False
    delivery.retry(db, "lead", failed.id)
    day.append(f"{clock.now:%d/%m %H:%M} lead: notices retry {failed.id}")
    assert _round(world, day, clock) == ["notice_sent"]
    assert delivery.list_notices(db, "lead", state="failed") == []
    print("\n" + "\n".join(day))

