"""``rit-desk keyring``: with a keyring backend the password is kept; without one, said so."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from tests.cli.conftest import invoke
from tests.cli.test_subprocess_cli import rit_desk

URL = "postgresql+psycopg://alice@db.example:5432/ritdesk"


class MemoryKeyring(KeyringBackend):
    """A keyring backend holding its secrets in a dict (stands in for the Secret Service)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object], str]:
    capsys.readouterr()
    code = invoke(["--json", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out else {}), err


def test_remember_status_forget_with_a_keyring(memory_keyring: MemoryKeyring,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code, data, _ = run(capsys, "--db", URL, "keyring", "status")
    assert code == 0
    assert data == {"available": True, "backend": MemoryKeyring.name, "message": "",
                    "database": URL, "remembered": False}
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    code, data, _ = run(capsys, "--db", URL, "keyring", "remember")
    assert (code, data) == (0, {"database": URL, "remembered": True})
    assert memory_keyring.secrets == {("rit-desk", "alice@db.example:5432/ritdesk"): "s3cret"}
    code, data, _ = run(capsys, "--db", URL, "keyring", "status")
    assert data["remembered"] is True
    assert "s3cret" not in json.dumps(data)
    code, data, _ = run(capsys, "--db", URL, "keyring", "forget")
    assert (code, data) == (0, {"database": URL, "remembered": False})
    assert memory_keyring.secrets == {}


def test_bad_uses_are_clear_errors(memory_keyring: MemoryKeyring,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RIT_DESK_DB", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    for argv, message in (
            (["keyring", "remember"], "give the PostgreSQL server with --db"),
            (["--db", "sqlite:///x.sqlite3", "keyring", "remember"], "only a PostgreSQL"),
            (["--db", "postgresql://alice:pw@h/d", "keyring", "remember"], "without its password"),
            (["--db", URL, "keyring", "remember"], "no password given")):
        code, data, err = run(capsys, *argv)
        assert (code, data) == (2, {}), argv
        assert err.startswith("rit-desk: ") and message in err, err
        assert "pw" not in err
    assert memory_keyring.secrets == {}


def test_without_a_keyring_the_status_says_the_password_is_asked(tmp_path: Path) -> None:
    """The installed script as on a workstation without a Secret Service."""
    result = rit_desk("keyring", "status", cwd=tmp_path,
                      env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.returncode == 0, result
    assert result.stdout.startswith("keyring: none (no keyring backend is available")
    assert "asked each time" in result.stdout


def test_remembering_without_a_keyring_fails_clearly(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    try:
        code, data, err = run(capsys, "--db", URL, "keyring", "remember")
    finally:
        keyring.set_keyring(previous)
    assert (code, data) == (2, {})
    assert "cannot be remembered" in err and "s3cret" not in err
