"""The installed ``rit-desk`` console script, as a user runs it: no traceback ever."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import invoke

SCRIPT = Path(sys.executable).with_name("rit-desk")


def rit_desk(*args: str, cwd: Path,
             drop: tuple[str, ...] = (), env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[str]:
    """The console script run with this environment, without RIT_DESK_* and ``drop``
    (``env``: variables set on top)."""
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=cwd, env=script_env(drop, env),
                          check=False)


COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [
    sys.executable, "-c", "import sys; from ui.cli.main import main; sys.exit(main())"]


def script_env(drop: tuple[str, ...] = (), env: dict[str, str] | None = None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("RIT_DESK_") and k not in drop}
    return {**base, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **(env or {})}


def assert_clean_failure(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("rit-desk: "), result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_console_script_success_and_failures(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'rit.sqlite3'}"
    # set up in-process (fast); then run the real script as a user would
    for argv in (["init"], ["staff", "add", "admin", "--name", "Ada", "--role", "admin"],
                 ["--as", "admin", "customers", "add", "ACME", "--name", "Acme", "--credit",
                  "100"]):
        assert invoke(["--db", url, *argv]) == 0, capsys.readouterr()

    shown = rit_desk("--db", url, "customers", "show", "ACME", "--json", cwd=tmp_path)
    assert shown.returncode == 0 and shown.stderr == "", shown
    data = json.loads(shown.stdout)
    assert (data["code"], data["balance"], data["status"]) == ("ACME", "100.00", "active")

    assert_clean_failure(
        rit_desk("--db", url, "portal", "topup", "--customer", "ACME", "--amount", "0",
                 cwd=tmp_path), "top-up amount must be greater than zero")
    assert_clean_failure(  # a traceback before the fix of parse_hours
        rit_desk("--db", url, "--as", "admin", "work", "log", "1", "--hours", "²:00",
                 cwd=tmp_path), "hours must look like")
    assert_clean_failure(
        rit_desk("--db", "postgresql+psycopg://postgres@127.0.0.1:1/rit", "customers", "show",
                 "ACME", cwd=tmp_path), "cannot connect to")
    capsys.readouterr()
    assert invoke(["--db", url, "customers", "show", "ACME", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == data  # nothing was written by the failures


@pytest.mark.postgres
def test_console_script_unknown_postgresql_database(pg_url: str, tmp_path: Path) -> None:
    server = pg_url.rsplit("/", 1)[0]
    assert_clean_failure(
        rit_desk("--db", f"{server}/rit_desk_no_such_database", "customers", "show", "X",
                 cwd=tmp_path), 'database "rit_desk_no_such_database" does not exist')


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland display check")
def test_without_a_display_one_line_says_what_to_do(tmp_path: Path) -> None:
    result = rit_desk("--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", cwd=tmp_path,
                      drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert_clean_failure(result, "no display")
    assert "--screenshot" in result.stderr and "xvfb-run" in result.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # stopped before anything was opened


def test_a_reader_that_stops_early_ends_it_quietly(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """``rit-desk requests list | head -1``: the reader closes the pipe once it has what it
    wants; the command ends with 0 and says nothing (issue 16: a BrokenPipeError
    traceback)."""
    url = f"sqlite:///{tmp_path / 'rit.sqlite3'}"
    for argv in (["init"], ["staff", "add", "admin", "--name", "Ada", "--role", "admin"],
                 ["--as", "admin", "customers", "add", "ACME", "--name", "Acme"],
                 ["--as", "admin", "services", "add", "ACME", "--name", "web-1"],
                 *(["portal", "submit", "--customer", "ACME", "--service", "web-1",
                    "--category", "ssl", "--subject", f"Certificate {n}"] for n in range(3))):
        assert invoke(["--db", url, *argv]) == 0, capsys.readouterr()
    listing = [*COMMAND, "--db", url, "--as", "admin", "requests", "list"]
    for json_flag in ([], ["--json"]):
        read, write = os.pipe()
        os.close(read)  # the reader is gone before anything is written: a closed pipe
        try:
            done = subprocess.run([*listing, *json_flag], stdout=write, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL, text=True, timeout=120,
                                  cwd=tmp_path, env=script_env(), check=False)
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (0, ""), done
    # as a user types it
    piped = subprocess.run(f"{shlex.join(listing)} | head -1; exit ${{PIPESTATUS[0]}}",
                           shell=True, executable="/bin/bash", capture_output=True, text=True,
                           timeout=120, cwd=tmp_path, env=script_env(), check=False)
    assert (piped.returncode, piped.stderr) == (0, ""), piped
    assert piped.stdout.count("\n") == 1 and "Certificate" in piped.stdout
