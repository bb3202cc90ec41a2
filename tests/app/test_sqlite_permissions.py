"""Issue 9, part 5: the embedded SQLite file and its folder are created readable by the
user only (before, with the umask: readable by everyone on the machine)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app import config
from app.db.database import Database
from ui.cli import main as cli_main


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most desktops run with: files readable by everyone."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_is_the_users_alone(tmp_path: Path) -> None:
    path = tmp_path / "data" / "rit-desk" / "rit.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade_schema()
        with db.engine.connect() as conn:  # WAL: the -wal and -shm files exist while open
            conn.execute(text("SELECT count(*) FROM customers"))
            assert mode(path.parent) == 0o700
            assert mode(path) == 0o600
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                assert side.exists() and mode(side) == 0o600, suffix
    finally:
        db.dispose()


def test_the_embedded_default_made_by_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("RIT_DESK_DB", raising=False)
    path = config.default_sqlite_path()
    assert path.is_relative_to(tmp_path)
    assert cli_main.main(["init"]) == 0
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_what_exists_keeps_the_permissions_its_owner_gave(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o750)
    path = folder / "team.sqlite3"
    path.touch(mode=0o640)
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade_schema()
    finally:
        db.dispose()
    assert (mode(folder), mode(path)) == (0o750, 0o640)
