"""packaging/apt_install.sh waits for another apt instead of failing at once.

apt-get and dpkg-query are stand-ins on PATH: the real ones would need root and the
network. The stand-in apt-get fails as apt 2.6 does while the lock is held by another
process ("Could not get lock ..."), as many times as the test says.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "apt_install.sh"

FAKE_APT_GET = """#!/usr/bin/env bash
echo "$*" >> "$FAKE_DIR/calls"
count=$(cat "$FAKE_DIR/count" 2>/dev/null || echo 0)
if [ "$count" -lt "$FAKE_LOCKED" ]; then
  echo $((count + 1)) > "$FAKE_DIR/count"
  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 42 (apt-get)" >&2
  echo "E: Unable to lock directory /var/lib/apt/lists/" >&2
  exit 100
fi
if [ -n "${FAKE_BROKEN:-}" ]; then echo "E: The repository is broken" >&2; exit 100; fi
"""


def _run(tmp_path: Path, *, locked: int, wait: str = "600",
         broken: bool = False) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in (("apt-get", FAKE_APT_GET),
                       ("dpkg-query", "#!/bin/sh\nexit 1\n"),  # never heard of it: missing
                       ("sudo", '#!/bin/sh\nexec "$@"\n')):
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_DIR": str(tmp_path),
           "FAKE_LOCKED": str(locked), "RIT_DESK_APT_LOCK_WAIT": wait,
           "RIT_DESK_APT_LOCK_POLL": "0"}
    if broken:
        env["FAKE_BROKEN"] = "1"
    done = subprocess.run(["bash", str(SCRIPT), "test", "some-package"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    calls = (tmp_path / "calls").read_text().splitlines() if (tmp_path / "calls").exists() else []
    return done, calls


def test_a_held_package_lists_lock_is_waited_for(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, locked=3)
    assert done.returncode == 0, done.stderr
    assert "another apt holds the package lists, waiting" in done.stdout
    assert [c.split()[-1] for c in calls] == ["-qq"] * 4 + ["some-package"]
    assert [c for c in calls if "update" in c.split()] == calls[:4]
    # every call waits for dpkg's own lock too (apt-get does that itself)
    assert all("DPkg::Lock::Timeout=600" in c for c in calls)


def test_the_wait_has_a_deadline(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, locked=1000, wait="0")
    assert done.returncode == 1
    assert "Could not get lock" in done.stderr
    assert not [c for c in calls if "install" in c.split()]


def test_another_failure_is_not_waited_for(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, locked=0, broken=True)
    assert done.returncode == 1
    assert "The repository is broken" in done.stderr
    assert len(calls) == 1
