"""``rit-desk worker [--once]`` and ``customers set --low-credit-alert`` (issue 18): on
PostgreSQL the admin sets the threshold as their own login, the worker runs as trusted
maintenance; the foreground worker stops cleanly on SIGTERM."""

from __future__ import annotations

import io
import signal
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.cli.conftest import LoginCli, Team, invoke
from tests.cli.test_identity_cli import _password_of
from tests.cli.test_lifecycle_cli import setup_world, submit, valid_until
from tests.cli.test_subprocess_cli import COMMAND, script_env
from tests.conftest import FakeClock


def test_worker_once_keeps_the_deadlines(team: Team, cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    worker = team.maintenance
    assert worker.ok("worker", "--once") == {"done": []}
    assert worker.run("worker", "--once").out == "nothing due\n"
    shown = cli.ok("customers", "set", "ACME", "--low-credit-alert", "800", actor=u["admin"])
    assert shown["low_credit_alert"] == "800.00"
    cli.ok("customers", "adjust", "ACME", "--amount", "-300", "--reason", "test", actor=u["fin"])
    done = worker.ok("worker", "--once")["done"]
    assert [(d["job"], d["subject"], d["ok"]) for d in done] == [("credit_low", "ACME", True)]
    assert worker.ok("worker", "--once") == {"done": []}
    cli_clock.now += timedelta(days=1)
    assert cli.ok("customers", "set", "ACME", "--low-credit-alert", "default",
                  actor=u["admin"])["low_credit_alert"] is None
    assert [d["job"] for d in worker.ok("worker", "--once")["done"]] == ["credit_low_cleared"]
    notices = cli.ok("portal", "notices", "--customer", "ACME")
    assert "credit_low" in str(notices)


def test_a_threshold_only_from_an_admin(team: Team) -> None:
    cli, u = setup_world(team), team.users
    message = cli.fails("customers", "set", "ACME", "--low-credit-alert", "10", actor=u["fin"])
    assert "manage staff and settings" in message, message
    message = cli.fails("customers", "set", "ACME", "--low-credit-alert", "-1", actor=u["admin"])
    assert "low-credit alert" in message


def test_foreground_worker_stops_on_sigterm(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'rit.sqlite3'}"
    assert invoke(["--db", url, "init"]) == 0, capsys.readouterr()
    process = subprocess.Popen([*COMMAND, "--db", url, "worker", "--interval", "3600"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL, env=script_env())
    try:
        assert process.stderr is not None
        assert process.stderr.readline() == "worker: started\n"  # its first round runs
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "SIGTERM, stopping" in err and "Traceback" not in err
    assert out.endswith("worker: stopped\n")


def test_notices_list_and_retry(team: Team, cli_clock: FakeClock) -> None:
    from tests.app.test_delivery import free_port

    cli, u = setup_world(team), team.users
    worker = team.maintenance
    cli.ok("customers", "set", "ACME", "--email", "ops@acme.example", actor=u["admin"])
    for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", str(free_port()))):
        cli.ok("settings", "set", key, value, actor=u["admin"])  # nobody listens there
    cli.ok("portal", "submit", "--customer", "ACME", "--service", "web-1", "--category",
           "ssl", "--subject", "Renew the certificate")
    for _ in range(5):
        worker.ok("worker", "--once")
        cli_clock.now += timedelta(minutes=10)
    listed = cli.ok("notices", "list", "--customer", "ACME", actor=u["lead"])["notices"]
    assert [set(n) >= {"id", "kind", "customer", "request", "state", "attempts", "sent_at",
                       "error"} for n in listed] == [True]
    (notice,) = listed
    assert (notice["kind"], notice["customer"], notice["state"], notice["attempts"],
            notice["sent_at"]) == ("request_received", "ACME", "failed", 5, None)
    assert notice["error"]
    assert cli.ok("notices", "list", "--state", "sent", actor=u["lead"]) == {"notices": []}
    assert "see and retry the delivery" in cli.fails("notices", "retry", notice["id"],
                                                     actor=u["tech"])
    retried = cli.ok("notices", "retry", notice["id"], actor=u["lead"])
    assert (retried["state"], retried["attempts"]) == ("pending", 0)
    assert "unknown notice" in cli.fails("notices", "retry", 999999, actor=u["lead"])


def test_the_systemd_unit_runs_the_worker_once_configured() -> None:
    import configparser

    path = Path(__file__).parents[2] / "packaging" / "debian" / "rit-desk-worker.service"
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string(path.read_text(encoding="utf-8"))
    assert unit["Service"]["ExecStart"] == "/usr/bin/rit-desk worker"
    assert unit["Service"]["KillSignal"] == "SIGTERM"  # the worker's clean stop
    assert unit["Unit"]["ConditionPathExists"] == "/etc/rit-desk/worker.env"  # disabled until
    assert unit["Service"]["EnvironmentFile"] == "/etc/rit-desk/worker.env"  # configured
    build = (path.parents[1] / "build.sh").read_text(encoding="utf-8")
    assert "lib/systemd/system/rit-desk-worker.service" in build
    assert "systemctl enable" not in build


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_worker_signs_in_with_its_own_login(team: Team, db_url: str, cli_clock: FakeClock,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``init --worker LOGIN --password-stdin`` makes the worker's login (a SCRAM verifier
    stored, the password never printed); ``worker --once`` runs as it and stores the
    charge document that ``charges show`` said was being prepared; a staff login is
    refused with a clear message."""
    if not isinstance(team.cli, LoginCli):
        pytest.skip("logins: PostgreSQL only")
    cli, u = setup_world(team), team.users
    login = f"{u['admin'].rsplit('_', 1)[0]}_worker"
    team.logins.append(login)
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("worker-secret\n"))
        result = team.maintenance.run("init", "--worker", login, "--password-stdin")
        assert result.code == 0 and "worker-secret" not in result.out + result.err
        assert f"worker login {login}" in result.out
        assert str(_password_of(db_url, login)).startswith("SCRAM-SHA-256$")
        number = submit(cli, "ACME", "web-1")
        cli.ok("requests", "take", number, actor=u["tech"])
        quote = cli.ok("quotes", "create", number, "--fixed", "--line", "Work;1;100",
                       "--valid-until", valid_until(cli_clock), actor=u["tech"])
        cli.ok("quotes", "send", quote["quote"], actor=u["tech"])
        cli.ok("portal", "accept", quote["quote"])
        cli.ok("work", "log", number, "--hours", "1", actor=u["tech"])
        done = cli.ok("requests", "complete", number, actor=u["tech"])
        assert done["charge_document_sha256"] is None  # not the workstation's
        shown = cli.ok("charges", "show", number, actor=u["fin"])
        assert (shown["document"], shown["sha256"]) == ("preparing", None)
        assert "is the worker running" in cli.fails("charges", "pdf", number, "-o", "x.pdf",
                                                    "--wait", "0", actor=u["fin"])
        assert "its own login" in cli.fails("worker", "--once", actor=u["tech"])
        jobs = [d["job"] for d in cli.ok("worker", "--once", actor=login)["done"]]
        assert "document_stored" in jobs
        stored = cli.ok("charges", "show", number, actor=u["fin"])
        assert (stored["document"], stored["sha256_ok"]) == ("stored", True)
    finally:
        engine = create_engine(db_url)
        with engine.begin() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        engine.dispose()
