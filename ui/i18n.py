"""Loading the translations: every ``resources/i18n/*_<lang>.ts``, compiled on demand.

The ``.qm`` files are build products (``packaging/build_translations.py`` makes them;
the installed package carries them without the ``.ts``). From a fresh clone they do not
exist yet: they are compiled with ``lrelease`` into the
user's cache directory; if ``lrelease`` cannot be found, the ``.ts`` is read directly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"


def find_tool(name: str) -> str | None:
    """``lrelease`` or ``lupdate`` as PySide6 ships them (wrapper script or binary)."""
    candidates = [Path(sys.executable).with_name(f"pyside6-{name}")]
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
        candidates += [base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    import shutil

    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def cache_dir() -> Path:
    return Path(user_cache_dir("rit-desk", appauthor=False)) / "i18n"


def release(tool: str, ts: Path, qm: Path, *, timeout: float | None = None) -> bool:
    """Compile ``ts`` into ``qm`` with lrelease, atomically; True when ``qm`` changed.

    lrelease writes a temporary file in ``qm``'s folder, which then replaces ``qm`` in one
    step (``os.replace``), and only when its content differs: an app running from the same
    folder never loads a half-written catalogue (it used to fall back to English on an
    Italian screen when ``packaging/run.sh`` rebuilt the translations under it). An
    unchanged ``qm`` is only touched, so it stays newer than its ``.ts`` (:func:`qm_for`).
    """
    # subprocess, tempfile, ElementTree: only when a catalogue is compiled or read as text,
    # not at every start (issue 21)
    import subprocess
    import tempfile

    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{qm.name}.", suffix=".tmp", dir=qm.parent)
    os.close(fd)
    made = Path(name)
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(made)], check=True,
                       capture_output=True, timeout=timeout)
        content = made.read_bytes()
        if qm.is_file() and qm.read_bytes() == content:
            os.utime(qm)
            return False
        made.chmod(qm.stat().st_mode & 0o777 if qm.is_file() else 0o644)
        os.replace(made, qm)
        return True
    finally:
        made.unlink(missing_ok=True)


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` into ``qm`` with lrelease; False when it cannot be done."""
    import subprocess

    tool = find_tool("lrelease")
    if tool is None:
        return False
    try:
        release(tool, ts, qm, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return qm.is_file()


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def catalogues(lang: str, folder: Path | None = None) -> list[Path]:
    """The ``.ts`` names of ``lang``'s catalogues, present or only compiled.

    The installed package ships the compiled ``.qm`` files alone: their ``.ts`` name
    stands for them (``qm_for`` then finds the ``.qm`` beside it).
    """
    folder = folder or I18N_DIR
    names = {p.stem for p in folder.glob(f"*_{lang}.ts")}
    names |= {p.stem for p in folder.glob(f"*_{lang}.qm")}
    return [folder / f"{name}.ts" for name in sorted(names)]


def qm_for(ts: Path) -> Path | None:
    """An up-to-date ``.qm`` for ``ts``: next to it, in the cache, or freshly compiled."""
    beside = ts.with_suffix(".qm")
    if not ts.exists():  # the installed package: only the compiled catalogue
        return beside if beside.is_file() else None
    if _fresh(beside, ts):
        return beside
    cached = cache_dir() / beside.name
    if _fresh(cached, ts) or compile_ts(ts, cached):
        return cached
    return None


class TsTranslator(QTranslator):
    """A translator reading a ``.ts`` file directly (the fallback without lrelease)."""

    def __init__(self, ts: Path, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        import xml.etree.ElementTree as ET

        self._messages: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                      "vanished"):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                self._messages[(name, source)] = forms or [translation.text or ""]

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self._messages.get((context, source))
        if not forms:
            return None  # a null string: Qt asks the next translator (an empty one would win)
        form = forms[0] if n == 1 or len(forms) == 1 else forms[1]
        return form.replace("%n", str(n)) if n >= 0 else form

    def isEmpty(self) -> bool:
        return not self._messages


class EnglishPlurals(QTranslator):
    """English needs no translation, only plurals: ``"%n request(s)"`` reads "1 request"
    and "203 requests" (the sources mark a plural ``s`` as ``(s)``)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0 or "%n" not in source:
            return None
        return source.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own and every RIT Desk translation for ``lang``; keep the result alive."""
    installed: list[QTranslator] = []
    if lang == "en":
        plurals = EnglishPlurals(app)
        app.installTranslator(plurals)
        return [plurals]
    if lang not in LANGUAGES:
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    for ts in catalogues(lang):
        qm = qm_for(ts)
        translator: QTranslator
        translator = QTranslator(app)
        if (qm is None or not translator.load(str(qm))) and ts.exists():
            translator = TsTranslator(ts, app)
        app.installTranslator(translator)
        installed.append(translator)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def set_locale(lang: str) -> None:
    """Calendars, number spin boxes and date edits speak ``lang`` too."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy) if lang == "it"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def switch(app: QCoreApplication, installed: list[QTranslator], lang: str) -> list[QTranslator]:
    """Another language at once: the installed translators swapped for ``lang``'s."""
    uninstall(app, installed)
    translators = install(app, lang)
    set_locale(lang)
    return translators
