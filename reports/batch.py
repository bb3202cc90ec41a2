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
from pathlib import Path

from app.domain.documents import QuoteDocument
from reports.quote_pdf import render_quote

__all__ = ["export_pdfs", "iter_render", "render_many", "safe_filename"]

# Below this many documents a pool costs more (interpreter start-up) than it saves.
MIN_BATCH_FOR_POOL = 8
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
    # Chunks amortise the pickling round trips but keep results flowing.
    chunksize = max(1, min(32, len(documents) // (workers * 8)))
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

    assets.logo_reader(None)


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
