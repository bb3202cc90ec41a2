"""From the commit of a charge to the customer's email and to the stored charge document,
with the worker running in a process of its own as its own login (issue 18).

    python -m tests.perf.bench_worker_latency [--server postgresql+psycopg://postgres@127.0.0.1:5432]
                                              [--charges 50]

Makes a database of its own and two logins (a technician, the worker), all dropped at
the end. A test SMTP server (aiosmtpd) listens on 127.0.0.1 in this process. The worker
(``rit-desk worker``, signed in as the worker's login) is started and left to mail the
notices of the set-up; then, one at a time, the technician's own login completes a
request (the charge commits: t0) and this process waits for the "charged" email to
arrive (its attachment checked against the stored PDF) and, polling every 5 ms on a
connection of its own, for the charge document to be stored. Printed: median and range
of both over the charges, the load before and after, and the baseline measured in the
same run: a bare NOTIFY -> LISTEN round trip between two connections (what wakes the
worker), over as many samples.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import psycopg
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.db.identity import group_names, role_prefix
from app.services import billing, customers, quotes, requests, staff, work
from app.services import settings as settings_service
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import fake_renderer

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("rit-desk")


class Inbox:
    """Notes when each email arrives (perf_counter), by subject."""

    def __init__(self) -> None:
        self.arrived: dict[str, tuple[float, EmailMessage]] = {}
        self.lock = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        now = time.perf_counter()
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self.lock:
            self.arrived[str(message["Subject"])] = (now, message)
            self.lock.notify_all()
        return "250 OK"

    def wait(self, predicate: Any, timeout: float) -> tuple[float, EmailMessage] | None:
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                found = next((v for k, v in self.arrived.items() if predicate(k)), None)
                left = deadline - time.monotonic()
                if found is not None or left <= 0:
                    return found
                self.lock.wait(left)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _spread(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"median {statistics.median(ms):7.1f} ms, range {min(ms):7.1f}-{max(ms):7.1f} ms "
            f"(n={len(ms)})")


def _notify_baseline(dsn: dict[str, Any], samples: int) -> list[float]:
    """A bare NOTIFY committed by one connection until LISTEN on another sees it."""
    listener = psycopg.connect(**dsn, autocommit=True)
    sender = psycopg.connect(**dsn, autocommit=True)
    try:
        listener.execute("LISTEN bench_baseline")
        out = []
        for i in range(samples):
            start = time.perf_counter()
            sender.execute(f"NOTIFY bench_baseline, '{i}'")
            for _ in listener.notifies(timeout=10, stop_after=1):
                pass
            out.append(time.perf_counter() - start)
        return out
    finally:
        listener.close()
        sender.close()


def run(server: str, charges: int) -> int:
    admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
    run_id = secrets.token_hex(3)
    name = f"rit_bench_worker_{os.getpid()}_{run_id}"
    tech, worker_login = f"bw{run_id}_tech", f"bw{run_id}_worker"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(f"{server}/{name}")
    trusted = Database(url, renderer=fake_renderer)
    station: Database | None = None
    process: subprocess.Popen[str] | None = None
    inbox = Inbox()
    port = _free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        trusted.upgrade_schema()
        staff.add_staff(trusted, None, "adm", name="Ada Admin", role="admin", login=False)
        staff.add_staff(trusted, "adm", tech, name="Tom Tech", role="technician")
        staff.add_staff(trusted, "adm", "lead", name="Lea Lead", role="team_lead", login=False)
        staff.link_worker_login(trusted, worker_login)
        customers.add_customer(trusted, "adm", "ACME", name="Acme Srl", credit_amount="90000",
                               lang="en")
        customers.add_service(trusted, "adm", "ACME", name="web-1")
        customers.set_customer(trusted, "adm", "ACME", email="ops@acme.example")
        for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", str(port)),
                           ("smtp_from", "desk@nimbus.example")):
            settings_service.set_setting(trusted, "adm", key, value)
        numbers = []
        for _ in range(charges):
            number = requests.submit_request(trusted, "ACME", service="web-1", category="ssl",
                                             subject="Wildcard certificate")
            requests.take_request(trusted, tech, number)
            quote = quotes.create_quote(trusted, tech, number, QuoteInput(
                "fixed", date.today() + timedelta(days=30), lines=[LineInput("Work", "1", "100")]))
            quotes.send_quote(trusted, "lead", quote.id)
            quotes.accept_quote(trusted, quote.id)
            work.log_work(trusted, tech, number, hours="1")
            numbers.append(number)
        worker_url = url.set(username=worker_login).render_as_string(hide_password=False)
        command = [str(SCRIPT)] if SCRIPT.exists() else [
            sys.executable, "-c", "import sys; from ui.cli.main import main; sys.exit(main())"]
        process = subprocess.Popen([*command, "--db", worker_url, "worker", "--interval", "60"],
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, text=True)
        assert process.stderr is not None and process.stderr.readline() == "worker: started\n"
        pending = text("SELECT count(*) FROM notices WHERE delivery_state = 'pending'")
        deadline = time.monotonic() + 300
        while True:  # the set-up's notices mailed first
            with trusted.read() as session:
                if session.scalar(pending) == 0:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the worker did not mail the set-up's notices in 5 minutes")
            time.sleep(0.2)
        station = Database(url.set(username=tech))
        dsn = {"host": url.host, "port": url.port or 5432, "dbname": name,
               "user": url.username}
        load_before = os.getloadavg()
        to_mail: list[float] = []
        to_document: list[float] = []
        poll = psycopg.connect(**dsn, autocommit=True)
        for number in numbers:
            billing.complete_request(station, tech, number)
            t0 = time.perf_counter()
            stored_at = None
            deadline = time.monotonic() + 60
            while stored_at is None and time.monotonic() < deadline:
                row = poll.execute(
                    "SELECT d.pdf FROM charge_documents d JOIN charges c ON c.id = d.charge_id "
                    "WHERE c.request_id = %s AND d.pdf_sha256 IS NOT NULL", (number,)).fetchone()
                if row is not None:
                    stored_at, pdf = time.perf_counter(), bytes(row[0])
                else:
                    time.sleep(0.005)
            reference = f"RIT-{number:06d}"
            mailed = inbox.wait(lambda s, ref=reference: ref in s and "harg" in s, 60)
            if stored_at is None or mailed is None:
                raise SystemExit(f"{reference}: no document or no email within 60 s")
            (attached,) = mailed[1].iter_attachments()
            assert attached.get_content() == pdf, "the email's PDF is not the stored one"
            to_document.append(stored_at - t0)
            to_mail.append(mailed[0] - t0)
        poll.close()
        load_after = os.getloadavg()
        baseline = _notify_baseline(dsn, charges)
        print(f"charges: {charges}, one at a time; worker: its own process and login")
        print(f"load (1, 5, 15 min) before: {load_before[0]:.2f} {load_before[1]:.2f} "
              f"{load_before[2]:.2f}; after: {load_after[0]:.2f} {load_after[1]:.2f} "
              f"{load_after[2]:.2f}")
        print(f"commit -> email in the SMTP server:  {_spread(to_mail)}")
        print(f"commit -> charge document stored:    {_spread(to_document)}")
        print(f"baseline NOTIFY -> LISTEN round trip: {_spread(baseline)}")
        return 0
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        smtp.stop()
        if station is not None:
            station.dispose()
        trusted.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for login in (tech, worker_login):
                conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            for role in reversed(group_names(role_prefix(name)).values()):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--charges", type=int, default=50)
    args = parser.parse_args()
    return run(args.server, args.charges)


if __name__ == "__main__":
    raise SystemExit(main())
