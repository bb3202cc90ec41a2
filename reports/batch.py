"""Many quotes at once: render in worker processes, write files safely.

Rendering is CPU-bound pure Python, so batches use processes, not threads. Workers
are *spawned* (fresh interpreters), never forked: the GUI calls this from a worker
thread of a Qt application, and forking a process that runs threads is unsafe.

Nothing here touches Qt; a GUI runs these functions off its event loop and passes
``progress`` and ``cancelled`` callbacks.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from app.domain.documents import QuoteDocument, QuoteIndexRow
from reports.quote_pdf import render_quote
from reports.texts import Lang, format_date

__all__ = ["export_pdfs", "index_csv", "iter_render", "pdf_name", "period_folder",
           "render_many", "safe_filename", "selection_folder", "write_index"]

# Below this many documents a pool costs more (interpreter start-up) than it saves.
MIN_BATCH_FOR_POOL = 8
#: documents sent to a worker at a time, at most
CHUNK_MOST = 8
_MAX_NAME_CHARS = 120
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def render_many(documents: Sequence[QuoteDocument], workers: int = 2) -> list[bytes]:
    """Render every document; the result is in the same order as ``documents``.

    ``workers`` processes share the work (``workers <= 1`` or a tiny batch renders
    in this process). The bytes are the same as :func:`render_quote` gives.
    """
    return list(iter_render(documents, workers))


def iter_render(documents: Sequence[QuoteDocument], workers: int = 2) -> Iterator[bytes]:
    """Like :func:`render_many`, yielding each PDF (in order) as soon as it is ready.

    Useful with :func:`export_pdfs` to write files while the rest still renders.
    Stopping the iteration early (``close()``) cancels what has not started.
    """
    if workers <= 1 or len(documents) < MIN_BATCH_FOR_POOL:
        for document in documents:
            yield render_quote(document)
        return
    workers = min(workers, os.cpu_count() or 1, len(documents))
    # Chunks amortise the round trips (a document pickles in ~20 µs, a quote renders in
    # ~6 ms) but stay small: the last chunk is what one process renders while the other
    # may have nothing left, and results flow sooner.
    chunksize = max(1, min(CHUNK_MOST, len(documents) // (workers * 8)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_warm_up) as pool:
        results = pool.map(render_quote, documents, chunksize=chunksize)
        try:
            yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _warm_up() -> None:
    """Runs once in each worker: fonts, styles and the default logo get loaded."""
    from reports import assets, styles  # noqa: F401  (importing styles registers the fonts)

    assets.logo_image(None)


def safe_filename(name: str, suffix: str = ".pdf") -> str:
    """``name`` made safe as a file name on Windows, macOS and Linux, ending in ``suffix``.

    Path separators, control and reserved characters become ``_``; leading dots and
    trailing dots or spaces go; reserved device names (``CON``...) get a ``_``.
    """
    text = unicodedata.normalize("NFC", name).strip()
    if text.lower().endswith(suffix.lower()):
        text = text[: -len(suffix)]
    # Path components: keep their names, drop "." and "..", join with "_".
    parts = [part for part in re.split(r"[/\\]+", text) if part.strip(" .")]
    text = _UNSAFE.sub("_", "_".join(parts)).strip(" .")
    text = text.lstrip(".")
    if not text:
        text = "document"
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return text[:_MAX_NAME_CHARS].rstrip(" .") + suffix


#: the folder of an export, named for its period: {"it": ..., "en": ...}
FOLDER_NAMES = {"it": "Preventivi", "en": "Quotes"}
SELECTED_NAMES = {"it": "Preventivi selezionati", "en": "Selected quotes"}
INDEX_NAMES = {"it": "indice.csv", "en": "index.csv"}
INDEX_HEADINGS = {
    "it": ["Riferimento", "Codice cliente", "Cliente", "Data", "Imponibile", "IVA", "Totale",
           "SHA-256"],
    "en": ["Reference", "Customer code", "Customer", "Date", "Net", "VAT", "Total", "SHA-256"],
}


def period_folder(since: date, until: date, lang: Lang) -> str:
    """``Preventivi 2026-12`` for a whole month, else ``Preventivi 2026-12-01 2026-12-15``."""
    first = since.replace(day=1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if since == first and until == last:
        return f"{FOLDER_NAMES[lang]} {since:%Y-%m}"
    if since == until:
        return f"{FOLDER_NAMES[lang]} {since.isoformat()}"
    return f"{FOLDER_NAMES[lang]} {since.isoformat()} {until.isoformat()}"


def selection_folder(today: date, lang: Lang) -> str:
    return f"{SELECTED_NAMES[lang]} {today.isoformat()}"


def pdf_name(reference: str) -> str:
    """The file of a quote: ``RIT-000191-r1.pdf`` for ``RIT-000191/1``."""
    return f"{reference.replace('/', '-r')}.pdf"


def index_csv(rows: Sequence[QuoteIndexRow], lang: Lang) -> bytes:
    """The CSV index of an export: reference, customer, date, net, VAT, total, SHA-256
    (Italian: ``;`` and ``,`` decimals; English: ``,`` and ``.``; UTF-8 with BOM)."""
    from reports.finance_csv import csv_bytes, csv_number, csv_text

    table = [INDEX_HEADINGS[lang]]
    table += [[csv_text(r.reference), csv_text(r.customer_code), csv_text(r.customer_name),
               format_date(r.sent, lang) if lang == "it" else r.sent.isoformat(),
               csv_number(r.net, lang), csv_number(r.vat, lang), csv_number(r.total, lang),
               r.sha256] for r in rows]
    return csv_bytes(table, lang)


def write_index(folder: Path, rows: Sequence[QuoteIndexRow], lang: Lang) -> Path:
    """The index beside the PDFs (replaced by a later export into the same folder)."""
    target = folder / INDEX_NAMES[lang]
    temp = target.with_suffix(".part")
    temp.write_bytes(index_csv(rows, lang))
    os.replace(temp, target)
    return target


def export_pdfs(
    items: Iterable[tuple[str, bytes]],
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    total: int | None = None,
) -> list[Path]:
    """Write each ``(file name, PDF bytes)`` into ``folder``; return the paths written.

    - Names are sanitised (:func:`safe_filename`); ``folder`` is created if missing.
    - Nothing is overwritten: a file already there with the same bytes is reused
      (exporting twice is harmless), otherwise the new file gets `` (2)``, `` (3)``...
    - Each file appears complete or not at all (temporary file, then rename).
    - ``progress(done, total)`` is called after each file (``total`` is
      ``len(items)`` when it has one, else the ``total`` argument, else -1).
    - ``cancelled()`` is checked before each file; when it returns true the export
      stops and the files already written are returned.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if total is None:
        total = len(items) if isinstance(items, Sized) else -1
    written: list[Path] = []
    used: set[str] = set()
    for done, (name, data) in enumerate(items, start=1):
        if cancelled is not None and cancelled():
            break
        written.append(_write_unique(folder, safe_filename(name), data, used))
        if progress is not None:
            progress(done, total)
    return written


def _write_unique(folder: Path, filename: str, data: bytes, used: set[str]) -> Path:
    stem, suffix = os.path.splitext(filename)
    attempt = 1
    while True:
        candidate = filename if attempt == 1 else f"{stem} ({attempt}){suffix}"
        attempt += 1
        if candidate.casefold() in used:  # two items of this batch with the same name
            continue
        target = folder / candidate
        if target.exists():
            if _same_content(target, data):
                used.add(candidate.casefold())
                return target
            continue
        if _write_new(target, data):
            used.add(candidate.casefold())
            return target


def _same_content(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_new(target: Path, data: bytes) -> bool:
    """Create ``target`` with ``data``; False if the name was taken meanwhile."""
    try:
        # Reserve the name: fails if another file (or exporter) got there first.
        placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    os.close(placeholder)
    temp_name = ""
    try:
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=".export-", suffix=".part", delete=False
        ) as temp:
            temp_name = temp.name
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)  # temporary files are private; exports are not
        os.replace(temp_name, target)
    except BaseException:
        for leftover in (temp_name, str(target)):
            if leftover:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
        raise
    return True
