"""The installed package carries the compiled catalogues (.qm) without their .ts sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import i18n, labels


def test_compiled_catalogues_alone_are_found_and_loaded(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = i18n.catalogues("it")
    assert sources
    for ts in sources:
        qm = i18n.qm_for(ts)
        assert qm is not None, ts.name
        shutil.copyfile(qm, tmp_path / qm.name)
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    monkeypatch.setattr(i18n, "find_tool", lambda name: None)  # no lrelease, no .ts
    assert [p.name for p in i18n.catalogues("it")] == [p.name for p in sources]
    assert not any(p.exists() for p in i18n.catalogues("it"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, "it")
    try:
        assert labels.quote_kind_label("fixed") == "A corpo"
    finally:
        i18n.uninstall(app, installed)
    assert labels.quote_kind_label("fixed") == "Fixed price"
