"""Issue 21: ``--read-db`` beside the embedded file is refused with one readable line,
nothing written; the answers of the reports say who answered (``read_from``). The real
standby: tests/app/test_standby_pg.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Cli, assert_one_line_failure, snapshot
from tests.conftest import sqlite_copy


@pytest.fixture
def cli(migrated_sqlite: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    url = sqlite_copy(migrated_sqlite, tmp_path / "desk.sqlite3")
    made = Cli(url, capsys)
    made.ok("staff", "add", "fin", "--name", "Fin", "--role", "finance")
    return made


def test_read_db_beside_the_embedded_file_is_refused(cli: Cli) -> None:
    before = snapshot(cli.url)
    for command in (["reports", "charges", "--from", "2026-11-01", "--to", "2026-11-30"],
                    ["customers", "list", "--at-risk"]):
        result = cli.run("--read-db", "postgresql://alice:s3cret@replica.example/ritdesk",
                         *command, actor="fin")
        assert_one_line_failure(result)
        assert result.err == ("rit-desk: a read database (--read-db) needs a PostgreSQL "
                              "primary: the embedded SQLite file has no standby\n")
    assert snapshot(cli.url) == before


def test_without_a_standby_the_primary_answered(cli: Cli) -> None:
    report = cli.ok("reports", "charges", "--from", "2026-11-01", "--to", "2026-11-30",
                    actor="fin")
    assert report["read_from"] == "primary"
    assert report["read_note"] == "read from the primary: no standby is configured"
    assert cli.ok("customers", "list", "--at-risk")["read_from"] == "primary"
