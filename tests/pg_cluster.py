"""A PostgreSQL cluster of the test's own: a temporary directory, another port.

For tests that stop, restart or crash the server: never the shared one on 5432. The
binaries come from ``/usr/lib/postgresql/<version>/bin`` (the newest there); PostgreSQL
refuses to run as root, so as root the cluster is the ``postgres`` system user's
(``runuser -u postgres --``) and its directory theirs.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ClusterUnavailable(Exception):
    """Why no private cluster can be made here (the test is skipped with it)."""


def _binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if not found:
        raise ClusterUnavailable("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin "
                                 "(initdb, pg_ctl): install the postgresql package")
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PrivateCluster:
    """``initdb`` in a temporary directory, started on a free port with trust auth.

    ``replica_of``: instead of ``initdb``, a streaming replica (hot standby) of that
    running cluster: ``pg_basebackup -R`` (its ``standby.signal`` and
    ``primary_conninfo`` written for it), then started on its own port. initdb's
    defaults are what a primary needs for it (``wal_level = replica``, ten WAL senders,
    trusted replication connections from 127.0.0.1 in ``pg_hba.conf``).
    """

    def __init__(self, replica_of: PrivateCluster | None = None) -> None:
        self.bin = _binaries()
        self._as: list[str] = []
        self.dir = Path(tempfile.mkdtemp(prefix="rit-desk-pg-"))
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.dir)
                raise ClusterUnavailable("running as root without a 'postgres' system user "
                                         "to run PostgreSQL as") from None
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.data = self.dir / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        if replica_of is None:
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                      "--no-sync", "-E", "UTF8", "--locale=C")
        else:
            self._run("pg_basebackup", "-h", "127.0.0.1", "-p", str(replica_of.port),
                      "-U", "postgres", "-D", str(self.data), "-R", "-X", "stream",
                      "--no-sync", "-c", "fast")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self._as, str(self.bin / tool), *args], capture_output=True,
                              text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed: {done.stderr or done.stdout}")

    def _options(self) -> str:
        return (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c full_page_writes=off -c max_connections=40")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                  "-o", self._options(), "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast``: clients are disconnected, their transactions rolled back;
        ``immediate``: the server is killed (a crash: recovery on the next start)."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, "stop")

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):  # not running
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def private_cluster() -> Iterator[PrivateCluster]:
    """The body of a fixture: a cluster of the test's own (the test skipped where none can
    be made), removed afterwards."""
    import pytest

    try:
        made = PrivateCluster()
    except ClusterUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield made
    finally:
        made.remove()
