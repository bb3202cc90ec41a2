"""``reports charges``, ``customers statement`` and ``customers list --at-risk`` from the
command line, on SQLite and PostgreSQL: the JSON keys of the issue, CSV on standard
output, files in every format, and one readable line for every refusal."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.db.database import Database
from app.services import billing, customers, quotes, requests, staff, work
from app.services.quotes import LineInput, QuoteInput
from tests.cli.conftest import Cli, snapshot
from tests.conftest import FakeClock, fake_renderer


@pytest.fixture
def cli(make_cli: Callable[[str], Cli], db_url: str, cli_clock: FakeClock) -> Iterator[Cli]:
    """ACME charged 475.80 today; POOR (50.00 of credit) with accepted work of 475.80."""
    db = Database(db_url, clock=cli_clock, renderer=fake_renderer)
    # no database logins: the CLI acts for them as a trusted login (logins are cluster-wide)
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    for user, role in [("tech", "technician"), ("lead", "team_lead"), ("fin", "finance")]:
        staff.add_staff(db, "admin", user, name=user.title(), role=role, login=False)
    for code, credit in (("ACME", "1000"), ("POOR", "50")):
        customers.add_customer(db, "admin", code, name=f"{code.title()} Srl", credit_amount=credit)
        customers.add_service(db, "admin", code, name="web-1")
    for code in ("ACME", "POOR"):
        number = requests.submit_request(db, code, service="web-1", category="ssl",
                                         subject="Wildcard certificate")
        requests.take_request(db, "tech", number)
        quote = quotes.create_quote(db, "tech", number, QuoteInput(
            "fixed", cli_clock.now.date() + timedelta(days=10),
            lines=[LineInput("Work", "1", "390")]), send=True)
        quotes.accept_quote(db, quote.id)
        if code == "ACME":
            work.log_work(db, "tech", number, hours="1")
            billing.complete_request(db, "tech", number)
    db.dispose()
    yield make_cli(db_url)


#: who answered a read (issue 21): without --read-db, the primary
PRIMARY_ANSWERED = {"read_from": "primary",
                    "read_note": "read from the primary: no standby is configured"}


def today(clock: FakeClock) -> str:
    return clock.now.date().isoformat()


def test_charges_report_json(cli: Cli, cli_clock: FakeClock) -> None:
    day = today(cli_clock)
    data = cli.ok("reports", "charges", "--from", day, "--to", day, actor="lead")
    assert data == {"from": day, "to": day, "by": "customer", "count": 1, "net": "390.00",
                    "vat": "85.80", "total": "475.80", "refunded": "0.00",
                    "refunded_net": "0.00", "refunded_vat": "0.00", "refunds": 0,
                    "rows": [{"key": "ACME", "label": "Acme Srl", "count": 1, "net": "390.00",
                              "vat": "85.80", "total": "475.80", "refunded": "0.00",
                              "refunded_net": "0.00", "refunded_vat": "0.00", "refunds": 0}],
                    **PRIMARY_ANSWERED}
    by_category = cli.ok("reports", "charges", "--from", day, "--to", day, "--by", "category",
                         "--lang", "en", actor="fin")
    assert [(r["key"], r["label"]) for r in by_category["rows"]] == [
        ("ssl", "SSL certificate installation")]


def test_charges_report_csv_on_stdout_and_files(cli: Cli, cli_clock: FakeClock,
                                                tmp_path: Path) -> None:
    day = today(cli_clock)
    result = cli.run("reports", "charges", "--from", day, "--to", day, "--format", "csv",
                     actor="fin")
    assert result.code == 0 and result.err == ""
    lines = list(csv.reader(io.StringIO(result.out.lstrip("\ufeff")), delimiter=";"))
    assert lines[1] == ["ACME", "Acme Srl", "1", "390,00", "85,80", "475,80", "0", "0,00",
                        "0,00", "0,00"]
    for fmt, magic in (("pdf", b"%PDF"), ("csv", b"\xef\xbb\xbf"), ("json", b"{")):
        out = tmp_path / f"report.{fmt}"
        data = cli.ok("reports", "charges", "--from", day, "--to", day, "--format", fmt,
                      "-o", str(out), actor="fin")
        assert data["file"] == str(out) and data["bytes"] == out.stat().st_size > 0
        assert out.read_bytes().startswith(magic)


def test_statement(cli: Cli, cli_clock: FakeClock, tmp_path: Path) -> None:
    day = today(cli_clock)
    data = cli.ok("customers", "statement", "ACME", "--from", day, "--to", day, actor="fin")
    assert {k: data[k] for k in ("code", "opening", "closing")} == {
        "code": "ACME", "opening": "0.00", "closing": "524.20"}
    assert [(e["kind"], e["amount"], e["balance_after"], e["reference"])
            for e in data["entries"]] == [("topup", "1000.00", "1000.00", "initial credit"),
                                          ("charge", "-475.80", "524.20", "RIT-000001")]
    assert set(data["entries"][0]) >= {"at", "kind", "amount", "balance_after", "reference"}
    out = tmp_path / "estratto.pdf"
    cli.ok("customers", "statement", "ACME", "--from", day, "--to", day, "--format", "pdf",
           "-o", str(out), actor="lead")
    assert out.read_bytes().startswith(b"%PDF")


def test_customers_at_risk(cli: Cli) -> None:
    data = cli.ok("customers", "list", "--at-risk")
    assert data == {"customers": [{"code": "POOR", "name": "Poor Srl", "balance": "50.00",
                                   "status": "active", "requests": 1, "committed": "475.80",
                                   "shortfall": "425.80"}], **PRIMARY_ANSWERED}
    assert "POOR" in cli.run("customers", "list", "--at-risk").out


def test_refusals_write_nothing(cli: Cli, cli_clock: FakeClock, tmp_path: Path) -> None:
    day = today(cli_clock)
    before = snapshot(cli.url)
    assert "may not see charges reports" in cli.fails(
        "reports", "charges", "--from", day, "--to", day, actor="tech")
    assert "give --as USER" in cli.fails("reports", "charges", "--from", day, "--to", day)
    assert "before it starts" in cli.fails(
        "reports", "charges", "--from", day, "--to", "2000-01-01", actor="fin")
    assert "not a date" in cli.fails("reports", "charges", "--from", "1/11/2026", "--to", day,
                                     actor="fin")
    assert "invalid choice" in cli.fails("reports", "charges", "--from", day, "--to", day,
                                         "--by", "weekday", actor="fin")
    assert "-o FILE" in cli.fails("customers", "statement", "ACME", "--from", day, "--to", day,
                                  "--format", "pdf", actor="fin")
    assert "unknown customer: NOPE" in cli.fails("customers", "statement", "NOPE", "--from",
                                                 day, "--to", day, actor="fin")
    assert "cannot write" in cli.fails("customers", "statement", "ACME", "--from", day, "--to",
                                       day, "-o", str(tmp_path / "missing" / "x.json"), actor="fin")
    assert "two different lists" in cli.fails("customers", "list", "--at-risk", "--exhausted")
    assert snapshot(cli.url) == before


def test_charges_show_pdf_and_refund(cli: Cli, tmp_path: Path) -> None:
    shown = cli.ok("charges", "show", "RIT-000001", actor="lead")
    assert {k: shown[k] for k in ("request", "quote", "kind", "net", "vat", "total",
                                  "balance_before", "balance_after", "refundable_net")} == {
        "request": "RIT-000001", "quote": "RIT-000001/1", "kind": "fixed", "net": "390.00",
        "vat": "85.80", "total": "475.80", "balance_before": "1000.00",
        "balance_after": "524.20", "refundable_net": "390.00"}
    first = cli.ok("charges", "pdf", "RIT-000001", "-o", str(tmp_path / "a.pdf"), actor="fin")
    again = cli.ok("charges", "pdf", "1", "-o", str(tmp_path / "b.pdf"), actor="admin")
    stored = cli.ok("charges", "show", "RIT-000001", actor="fin")
    assert first["sha256"] == again["sha256"] == stored["sha256"] and stored["sha256_ok"] is True
    assert shown["sha256"] is None and shown["sha256_ok"] is None  # nothing stored then
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    refund = cli.ok("charges", "refund", "RIT-000001", "--net", "90", "--reason", "goodwill",
                    actor="fin")
    assert refund == {"refund": {"net": "90.00", "vat": "19.80", "total": "109.80"},
                      "balance": "634.00", "status": "active", "credit_note": "RIT-000001-NC1",
                      "missing": "0.00", "restarted": [],
                      "invoice": "NC 2026/000001"}  # the suite's VAT point: the charge
    rest = cli.ok("charges", "refund", "RIT-000001", "--reason", "all of it", actor="admin")
    assert rest["refund"] == {"net": "300.00", "vat": "66.00", "total": "366.00"}
    note = cli.ok("charges", "pdf", "RIT-000001", "--note", "2", "-o", str(tmp_path / "n.pdf"),
                  actor="fin")
    assert (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF") and note["bytes"] > 1000
    before = snapshot(cli.url)
    assert "refunded in full" in cli.fails("charges", "refund", "RIT-000001", "--reason", "x",
                                           actor="fin")
    assert "may not refund charges" in cli.fails("charges", "refund", "RIT-000001",
                                                 "--reason", "x", actor="lead")
    assert "has not been charged" in cli.fails("charges", "show", "RIT-000002", actor="fin")
    assert "may not see charges reports" in cli.fails("charges", "pdf", "RIT-000001", "-o",
                                                      str(tmp_path / "t.pdf"), actor="tech")
    assert snapshot(cli.url) == before


def test_completing_stores_the_charge_document(make_cli: Callable[[str], Cli],
                                               cli: Cli) -> None:
    shown = cli.ok("requests", "show", "RIT-000002", actor="tech")
    assert shown["state"] == "accepted"
    cli.ok("work", "log", "RIT-000002", "--hours", "1", actor="tech")
    done = cli.ok("requests", "complete", "RIT-000002", actor="tech")
    assert len(done["charge_document_sha256"]) == 64
    assert cli.ok("charges", "show", "RIT-000002", actor="fin")["sha256"] == \
        done["charge_document_sha256"]


def test_an_admin_bounds_credit_operations(cli: Cli) -> None:
    """``settings set money_max_per_operation`` (admin only); above it a top-up or an
    adjustment is one readable refusal and nothing is written (issue 16)."""
    assert "may not" in cli.fails("settings", "set", "money_max_per_operation", "500",
                                  actor="fin")
    cli.ok("settings", "set", "money_max_per_operation", "500", actor="admin")
    before = snapshot(cli.url)
    line = cli.fails("customers", "topup", "ACME", "--amount", "500.01", actor="fin")
    assert "500.01 is outside the limits of one credit operation (0.01 to 500.00)" in line
    line = cli.fails("customers", "adjust", "ACME", "--amount", "-9999", "--reason", "x",
                     actor="fin")
    assert "-9999.00 is outside the limits" in line
    assert snapshot(cli.url) == before
    assert cli.ok("customers", "topup", "ACME", "--amount", "500", actor="fin")["amount"] == "500.00"
