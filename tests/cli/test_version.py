"""``rit-desk --version``: the version of pyproject.toml, the one place it is written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app import version as version_module
from tests.cli.test_subprocess_cli import rit_desk

ROOT = Path(__file__).resolve().parents[2]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_version_prints_the_pyproject_version(tmp_path: Path) -> None:
    result = rit_desk("--version", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"rit-desk {project_version()}\n"


def test_version_without_installed_metadata_reads_pyproject(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(version_module, "DISTRIBUTION", "rit-desk-not-installed")
    assert version_module.version() == project_version()
