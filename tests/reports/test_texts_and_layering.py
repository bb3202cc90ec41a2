"""The it/en texts are complete, and reports/ depends only on the domain."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from reports.texts import CATEGORY_LABELS, TEXTS, category_label, format_date, text

CATEGORIES = (
    "software", "os_patches", "ssl", "hardening", "tuning", "backup", "network",
    "website_migration", "p2v_v2v", "custom_environment", "other",
)
REPORTS = Path(__file__).resolve().parents[2] / "reports"


def test_both_languages_have_the_same_texts() -> None:
    assert set(TEXTS["it"]) == set(TEXTS["en"])
    for lang in ("it", "en"):
        assert all(value.strip() for value in TEXTS[lang].values())


def test_every_category_has_a_label_in_both_languages() -> None:
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    for code in CATEGORIES:
        it, en = category_label(code, "it"), category_label(code, "en")
        assert it and en and it != code and en != code
    assert category_label("ssl", "it") == "Installazione certificati SSL"
    assert category_label("ssl", "en") == "SSL certificate installation"


def test_placeholders_are_filled() -> None:
    assert text("it", "page_of", page=2, total=3) == "pagina 2 di 3"
    assert text("en", "page_of", page=2, total=3) == "page 2 of 3"


@pytest.mark.parametrize(
    ("lang", "expected"), [("it", "31/12/2026"), ("en", "31 Dec 2026")]
)
def test_dates(lang: str, expected: str) -> None:
    assert format_date(date(2026, 12, 31), lang) == expected  # type: ignore[arg-type]


def test_single_digit_days_and_months() -> None:
    assert format_date(date(2026, 3, 5), "it") == "05/03/2026"
    assert format_date(date(2026, 3, 5), "en") == "5 Mar 2026"


def test_reports_imports_only_the_domain_from_the_app() -> None:
    forbidden = ("app.db", "app.services", "sqlalchemy", "PySide6", "ui")
    for module in REPORTS.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                bad = name.startswith(forbidden[:2]) or top in forbidden[2:]
                assert not bad, f"{module.name} imports {name}"
