"""Refresh the translation sources and compile them.

    python packaging/build_translations.py           # lupdate every .ts, lrelease every .qm
    python packaging/build_translations.py --check   # also fail on unfinished entries

Each ``resources/i18n/<name>_<lang>.ts`` is refreshed from its own sources (below) with
``pyside6-lupdate``; every ``.ts`` is then compiled next to itself into a ``.qm`` (a build
product, not committed) with ``pyside6-lrelease``. The app compiles missing ``.qm`` files
on the fly (``ui/i18n.py``), so a fresh clone works without running this.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT))

from ui.i18n import find_tool  # noqa: E402 - after the path is set

#: translation file name (before ``_<lang>.ts``) -> the sources it covers
SOURCES: dict[str, list[str]] = {
    "rit_desk": ["ui/*.py"],
    "dialogs": ["ui/dialogs/*.py"],
}


def sources_of(name: str) -> list[Path]:
    files: list[Path] = []
    for pattern in SOURCES.get(name, []):
        files += sorted(p for p in ROOT.glob(pattern) if p.name != "__init__.py")
    return files


def lupdate(ts: Path) -> None:
    name = ts.stem.rsplit("_", 1)[0]
    files = sources_of(name)
    if not files:
        print(f"  {ts.name}: no sources listed, left as it is")
        return
    tool = find_tool("lupdate")
    if tool is None:
        sys.exit("pyside6-lupdate not found: install PySide6 (it ships lupdate)")
    subprocess.run([tool, "-silent", "-no-obsolete", *map(str, files), "-ts", str(ts)],
                   check=True, cwd=ROOT)
    print(f"  {ts.name}: refreshed from {len(files)} source files")


def lrelease(ts: Path) -> Path:
    tool = find_tool("lrelease")
    if tool is None:
        sys.exit("pyside6-lrelease not found: install PySide6 (it ships lrelease)")
    qm = ts.with_suffix(".qm")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
    return qm


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()  # our own file
    missing = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail when a translation is unfinished")
    parser.add_argument("--no-update", action="store_true", help="only compile (no lupdate)")
    args = parser.parse_args(argv)
    files = sorted(I18N.glob("*.ts"))
    if not args.no_update:
        print("lupdate:")
        for ts in files:
            lupdate(ts)
    print("lrelease:")
    failures = 0
    for ts in files:
        qm = lrelease(ts)
        missing = unfinished(ts)
        print(f"  {qm.relative_to(ROOT)}" + (f" ({len(missing)} unfinished)" if missing else ""))
        if missing and args.check:
            failures += len(missing)
            for entry in missing:
                print(f"    unfinished: {entry}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
