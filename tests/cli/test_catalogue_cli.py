"""Issue 19 from the command line: the price list, quotes made from it, notes and
attachments. On PostgreSQL each step runs as the real login of whoever acts, so the
grants and row-level security of migration 0017 are what allows or refuses it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.db.models import MAX_ATTACHMENT_BYTES
from tests.cli.conftest import Team, snapshot
from tests.cli.test_lifecycle_cli import setup_world, submit, valid_until
from tests.conftest import FakeClock


def test_price_list_and_a_quote_from_it(team: Team, db_url: str, cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    item = cli.ok("catalogue", "add", "ssl-dv", "--description", "SSL certificate install",
                  "--price", "79", "--category", "ssl", actor=u["lead"])["item"]
    assert item == {"code": "SSL-DV", "description": "SSL certificate install", "unit": "fixed",
                    "price": "79.00", "category": "ssl", "active": True,
                    "updated_at": item["updated_at"]}
    cli.ok("catalogue", "add", "SYS-HOUR", "--description", "System work", "--price", "55",
           "--unit", "hour", actor=u["admin"])
    cli.ok("catalogue", "add", "PHP", "--description", "PHP upgrade", "--price", "120",
           "--category", "software", actor=u["lead"])
    assert "may not change the price list" in cli.fails(
        "catalogue", "add", "X", "--description", "x", "--price", "1", actor=u["tech"])
    listed = cli.ok("catalogue", "list", "--category", "ssl", actor=u["fin"])["items"]
    assert [i["code"] for i in listed] == ["SSL-DV", "SYS-HOUR"]
    assert cli.ok("catalogue", "show", "php", actor=u["tech"])["item"]["price"] == "120.00"

    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    before = snapshot(db_url)
    assert "unknown catalogue item: NOPE" in cli.fails(
        "quotes", "create", number, "--fixed", "--item", "NOPE",
        "--valid-until", valid_until(cli_clock), actor=u["tech"])
    assert "CODE or CODE:QTY" in cli.fails(
        "quotes", "create", number, "--fixed", "--item", "SSL-DV:",
        "--valid-until", valid_until(cli_clock), actor=u["tech"])
    assert "--line and --item belong to --fixed quotes" in cli.fails(
        "quotes", "create", number, "--hourly", "--rate", "60", "--hours", "2", "--item", "PHP",
        "--valid-until", valid_until(cli_clock), actor=u["tech"])
    assert snapshot(db_url) == before
    quote = cli.ok("quotes", "create", number, "--fixed", "--item", "SSL-DV",
                   "--line", "Check the chain;1;30", "--item", "sys-hour:2",
                   "--valid-until", valid_until(cli_clock), actor=u["tech"])
    assert (quote["net"], quote["total"]) == ("219.00", "267.18")
    shown = cli.ok("quotes", "show", quote["quote"], actor=u["tech"])
    assert [(li["description"], li["amount"], li["item"]) for li in shown["lines"]] == [
        ("SSL certificate install", "79.00", "SSL-DV"), ("Check the chain", "30.00", None),
        ("System work", "110.00", "SYS-HOUR")]

    retired = cli.ok("catalogue", "retire", "SSL-DV", actor=u["lead"])["item"]
    assert retired["active"] is False
    assert cli.ok("quotes", "show", quote["quote"], actor=u["tech"])["lines"] == shown["lines"]
    assert [i["code"] for i in cli.ok("catalogue", "list", actor=u["tech"])["items"]] == [
        "PHP", "SYS-HOUR"]
    assert "SSL-DV" in [i["code"] for i in cli.ok("catalogue", "list", "--all",
                                                  actor=u["tech"])["items"]]
    other = submit(cli, "ACME", "web-1")
    assert "SSL-DV is retired" in cli.fails(
        "quotes", "create", other, "--fixed", "--item", "SSL-DV",
        "--valid-until", valid_until(cli_clock), actor=u["lead"])
    changed = cli.ok("catalogue", "set", "PHP", "--price", "130", "--category", "any",
                     actor=u["admin"])["item"]
    assert (changed["price"], changed["category"]) == ("130.00", None)


def test_notes_and_attachments(team: Team, db_url: str, tmp_path: Path) -> None:
    cli, u = setup_world(team), team.users
    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    assert cli.ok("requests", "note", number, "--text", "Customer called", actor=u["tech"]) == {
        "request": number, "note": 1}
    log = tmp_path / "nginx.log"
    log.write_bytes(b"upstream timed out\n")
    added = cli.ok("requests", "attach", number, str(log), actor=u["tech"])["attachment"]
    assert (added["filename"], added["media_type"], added["size"], added["sha256"]) == (
        "nginx.log", "text/plain", 19, hashlib.sha256(b"upstream timed out\n").hexdigest())

    before = snapshot(db_url)
    renamed = tmp_path / "invoice.pdf"
    renamed.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200)  # an executable
    assert "is not a PDF, PNG, JPEG or plain text file" in cli.fails(
        "requests", "attach", number, str(renamed), actor=u["tech"])
    big = tmp_path / "big.log"
    big.write_bytes(b"a" * (MAX_ATTACHMENT_BYTES + 1))
    assert "at most 10485760 bytes" in cli.fails("requests", "attach", number, str(big),
                                                 actor=u["tech"])
    assert "cannot read" in cli.fails("requests", "attach", number, str(tmp_path / "none.txt"),
                                      actor=u["tech"])
    assert "(finance) may not add notes" in cli.fails(
        "requests", "note", number, "--text", "x", actor=u["fin"])
    assert "(finance) may not add notes" in cli.fails(
        "requests", "attach", number, str(log), actor=u["fin"])
    assert snapshot(db_url) == before

    listed = cli.ok("requests", "attachments", number, actor=u["fin"])
    assert listed == {"request": number, "attachments": [added]}
    out = tmp_path / "copy.log"
    written = cli.ok("requests", "attachment", added["id"], "-o", str(out), actor=u["fin"])
    assert out.read_bytes() == b"upstream timed out\n"
    assert written["sha256"] == added["sha256"]
    history = cli.ok("requests", "show", number, actor=u["fin"])["history"]
    assert [(h["action"], h["details"].get("text")) for h in history[-2:]] == [
        ("note_added", "Customer called"), ("file_attached", None)]
