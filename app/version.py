"""The version of RIT Desk: the one in ``pyproject.toml``, read from the installed metadata.

The source checkout is installed in development mode (``pip install -e``) and the
package's bundle carries the metadata of the build, so both answer the same way; a
checkout that was never installed reads ``pyproject.toml`` itself.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

DISTRIBUTION = "rit-desk"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        with PYPROJECT.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, ValueError):
        return "unknown"
