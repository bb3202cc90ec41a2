"""The English texts of service errors, collected from ``app/`` (no import, no Qt).

An error raised as ``SomeError.of("template", ...)`` and a phrase marked with
``phrase("...")`` are shown in the GUI through ``QCoreApplication.translate("errors",
text)`` (``ui/errors.py``); this module lists those texts so that
``packaging/build_translations.py`` can keep ``resources/i18n/errors_<lang>.ts`` up to
date and the tests can check that each one is translated.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ERRORS = frozenset({"RitError", "ValidationError", "NotFoundError", "PermissionDenied",
                    "StateError", "ConflictError", "DatabaseUnavailable",
                    "DatabaseRefused", "LogoUnusable", "DocumentPreparing",
                    "DocumentNotStored"})
PHRASES = frozenset({"phrase", "Phrase"})


@dataclass(frozen=True)
class Site:
    """Where an error text (or an error without a template) appears."""

    text: str
    path: str
    line: int


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def scan(root: Path = ROOT) -> tuple[list[Site], list[Site]]:
    """(every template or phrase, every error raised without a template) in ``app/``."""
    texts: list[Site] = []
    untemplated: list[Site] = []
    for path in sorted((root / "app").rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "domain":
            continue  # the definitions themselves
        rel = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), rel)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if ((isinstance(func, ast.Attribute) and func.attr == "of"
                    and isinstance(func.value, ast.Name) and func.value.id in ERRORS)
                    or (isinstance(func, ast.Name) and func.id in PHRASES)):
                text = _literal(node.args[0]) if node.args else None
                if text is None:
                    untemplated.append(Site(ast.unparse(node), rel, node.lineno))
                else:
                    texts.append(Site(text, rel, node.lineno))
            elif isinstance(func, ast.Name) and func.id in ERRORS and node.args:
                untemplated.append(Site(ast.unparse(node), rel, node.lineno))
    return texts, untemplated


def texts(root: Path = ROOT) -> list[str]:
    """Every distinct template and phrase, in the order first met."""
    return list(dict.fromkeys(site.text for site in scan(root)[0]))


if __name__ == "__main__":
    found, missing = scan()
    for text in dict.fromkeys(site.text for site in found):
        print(text)
    for site in missing:
        print(f"without a template: {site.path}:{site.line}: {site.text}")
