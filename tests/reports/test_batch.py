"""Batch rendering in worker processes and safe export to a folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.documents import QuoteDocument
from reports.batch import (
    MIN_BATCH_FOR_POOL,
    export_pdfs,
    iter_render,
    render_many,
    safe_filename,
)
from reports.quote_pdf import render_quote
from tests.reports.quote_samples import fixed_quote, hourly_quote


def _documents(count: int) -> list[QuoteDocument]:
    return [
        replace(fixed_quote("it") if n % 2 else hourly_quote("en"), request_number=500 + n)
        for n in range(count)
    ]


def test_worker_processes_give_the_same_bytes_in_order() -> None:
    documents = _documents(MIN_BATCH_FOR_POOL + 2)
    expected = [render_quote(document) for document in documents]
    assert render_many(documents, workers=2) == expected


def test_in_process_for_one_worker_or_tiny_batches() -> None:
    documents = _documents(3)
    expected = [render_quote(document) for document in documents]
    assert render_many(documents, workers=1) == expected
    assert render_many(documents, workers=2) == expected
    assert render_many([], workers=2) == []


def test_iter_render_yields_in_order() -> None:
    documents = _documents(2)
    assert list(iter_render(documents, workers=1)) == [render_quote(d) for d in documents]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RIT-000123-2", "RIT-000123-2.pdf"),
        ("RIT-000123-2.PDF", "RIT-000123-2.pdf"),
        ("../../etc/passwd", "etc_passwd.pdf"),
        ("/abs/path/", "abs_path.pdf"),
        ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("  .hidden. ", "hidden.pdf"),
        ("", "document.pdf"),
        ("...", "document.pdf"),
        ("CON", "_CON.pdf"),
        ("lpt1.txt", "_lpt1.txt.pdf"),
        ("Preventivo Bellà & Figli", "Preventivo Bellà & Figli.pdf"),
        ("tab\there\nnewline", "tab_here_newline.pdf"),
        ("x" * 300, "x" * 120 + ".pdf"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_export_writes_files_and_reports_progress(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "folder"
    calls: list[tuple[int, int]] = []
    items = [("RIT-000001-1", b"%PDF-1 one"), ("RIT-000002-1.pdf", b"%PDF-1 two")]
    paths = export_pdfs(items, folder, progress=lambda done, total: calls.append((done, total)))
    assert [p.name for p in paths] == ["RIT-000001-1.pdf", "RIT-000002-1.pdf"]
    assert [p.read_bytes() for p in paths] == [b"%PDF-1 one", b"%PDF-1 two"]
    assert calls == [(1, 2), (2, 2)]
    assert sorted(os.listdir(folder)) == ["RIT-000001-1.pdf", "RIT-000002-1.pdf"]  # no temp


def test_export_never_escapes_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    paths = export_pdfs([("../outside", b"x"), ("/abs/path", b"y")], folder)
    assert all(p.parent == folder for p in paths)
    assert not (tmp_path / "outside.pdf").exists()


def test_export_does_not_overwrite_other_files(tmp_path: Path) -> None:
    (tmp_path / "quote.pdf").write_bytes(b"someone else's file")
    paths = export_pdfs([("quote", b"new"), ("quote", b"newer"), ("quote", b"newest")],
                        tmp_path)
    assert (tmp_path / "quote.pdf").read_bytes() == b"someone else's file"
    assert [p.name for p in paths] == ["quote (2).pdf", "quote (3).pdf", "quote (4).pdf"]
    assert [p.read_bytes() for p in paths] == [b"new", b"newer", b"newest"]


def test_names_differing_only_in_case_do_not_clash(tmp_path: Path) -> None:
    """Windows and macOS folders ignore case: "Doc" and "doc" would be one file."""
    paths = export_pdfs([("Doc", b"1"), ("doc", b"2")], tmp_path)
    assert [p.name for p in paths] == ["Doc.pdf", "doc (2).pdf"]


def test_exporting_again_reuses_identical_files(tmp_path: Path) -> None:
    first = export_pdfs([("a", b"same"), ("b", b"other")], tmp_path)
    second = export_pdfs([("a", b"same"), ("b", b"other")], tmp_path)
    assert first == second
    assert sorted(os.listdir(tmp_path)) == ["a.pdf", "b.pdf"]


def test_cancel_stops_before_the_next_file(tmp_path: Path) -> None:
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        written.append(done)

    paths = export_pdfs(
        [(f"q{n}", b"pdf") for n in range(10)],
        tmp_path,
        progress=progress,
        cancelled=lambda: len(written) >= 3,
    )
    assert len(paths) == 3
    assert sorted(os.listdir(tmp_path)) == ["q0.pdf", "q1.pdf", "q2.pdf"]


def test_export_consumes_a_lazy_iterable_with_a_given_total(tmp_path: Path) -> None:
    consumed: list[str] = []

    def items() -> Iterator[tuple[str, bytes]]:
        for n in range(3):
            consumed.append(f"q{n}")
            yield f"q{n}", b"pdf"

    calls: list[tuple[int, int]] = []
    export_pdfs(items(), tmp_path, progress=lambda d, t: calls.append((d, t)), total=3)
    assert calls == [(1, 3), (2, 3), (3, 3)]
    calls.clear()
    export_pdfs(items(), tmp_path / "x", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, -1), (2, -1), (3, -1)]


def test_rendered_batch_exported(tmp_path: Path) -> None:
    documents = _documents(2)
    names = [f"{d.reference.replace('/', '-')}" for d in documents]
    paths = export_pdfs(zip(names, iter_render(documents, workers=1), strict=True), tmp_path)
    assert [p.name for p in paths] == ["RIT-000500-1.pdf", "RIT-000501-2.pdf"]
    assert paths[1].read_bytes() == render_quote(documents[1])
