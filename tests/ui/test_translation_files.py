"""The translation sources: every translatable module is covered, every plural is a plural."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_module() -> ModuleType:
    """packaging/build_translations.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "packaging" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "packaging"))
    spec.loader.exec_module(module)
    return module


def test_every_module_with_texts_is_a_translation_source() -> None:
    build = _build_module()
    covered = {path for name in build.SOURCES for path in build.sources_of(name)}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "self.tr(" in text or ".translate(" in text:
            assert path in covered, f"{path.relative_to(ROOT)} is in no SOURCES pattern"


def test_every_count_message_has_two_plural_forms() -> None:
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_it.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                if "%n" not in source:
                    continue
                where = f"{ts.name}: {context.findtext('name')}: {source}"
                assert message.get("numerus") == "yes", where
                translation = message.find("translation")
                assert translation is not None, where
                forms = [f.text or "" for f in translation.iter("numerusform")]
                assert len(forms) == 2 and all("%n" in f for f in forms), where


def test_plural_forms_survive_an_update(tmp_path: Path) -> None:
    build = _build_module()
    ts = tmp_path / "x_it.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="it_IT">\n<context>\n    <name>C</name>\n'
        '    <message numerus="yes">\n        <source>%n day(s)</source>\n'
        '        <translation>\n            <numerusform>%n giorno</numerusform>\n'
        '            <numerusform>%n giorni</numerusform>\n        </translation>\n'
        '    </message>\n</context>\n</TS>\n', encoding="utf-8")
    forms = build.plural_forms(ts)
    # what lupdate writes when the count is a variable: one form, no numerus
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="it_IT">\n<context>\n    <name>C</name>\n'
        '    <message>\n        <source>%n day(s)</source>\n'
        '        <translation>\n            </translation>\n    </message>\n'
        '    <message>\n        <source>%n hour(s)</source>\n'
        '        <translation type="unfinished"></translation>\n    </message>\n'
        '</context>\n</TS>\n', encoding="utf-8")
    assert build.restore_plurals(ts, forms) == 2
    root = ET.parse(ts).getroot()
    messages = {m.findtext("source"): m for m in root.iter("message")}
    day, hour = messages["%n day(s)"], messages["%n hour(s)"]
    assert day.get("numerus") == hour.get("numerus") == "yes"
    assert [f.text for f in day.iter("numerusform")] == ["%n giorno", "%n giorni"]
    hour_translation = hour.find("translation")
    assert hour_translation is not None and hour_translation.get("type") == "unfinished"
    assert len(list(hour_translation.iter("numerusform"))) == 2


def test_a_catalogue_is_replaced_atomically_and_only_when_it_changed(tmp_path: Path) -> None:
    """packaging/build_translations.py compiled each .qm in place: an app running from the
    same checkout read a half-written catalogue and showed English on an Italian screen."""
    from ui.i18n import find_tool, release

    tool = find_tool("lrelease")
    if tool is None:
        pytest.skip("lrelease is not installed")
    ts = tmp_path / "rit_desk_it.ts"
    ts.write_bytes((ROOT / "resources" / "i18n" / "rit_desk_it.ts").read_bytes())
    qm = tmp_path / "rit_desk_it.qm"
    assert release(tool, ts, qm) is True
    first = qm.stat()
    reader = qm.open("rb")  # an app that has the catalogue open
    before = reader.read()
    reader.seek(0)
    assert release(tool, ts, qm) is False  # same content: the file is left as it is
    assert qm.stat().st_ino == first.st_ino
    ts.write_text(ts.read_text(encoding="utf-8").replace(
        "<translation>Nuova</translation>", "<translation>Nuovissima</translation>", 1),
        encoding="utf-8")
    assert release(tool, ts, qm) is True
    assert qm.stat().st_ino != first.st_ino  # a new file moved into place, not rewritten
    assert reader.read() == before  # the reader still sees the whole old catalogue
    reader.close()
    assert qm.read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rit_desk_it.qm", "rit_desk_it.ts"]
