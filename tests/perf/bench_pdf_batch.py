"""1,000 quote PDFs on every core, side by side with a plain reportlab prototype.

    python -m tests.perf.bench_pdf_batch [--batch 1000] [--runs 5] [--workers 2]

Each run renders the batch twice, alternated (so both share the machine's load): the
app's ``reports.batch.render_many`` over typical quotes (the samples of
``tests/reports/quote_samples.py``: the app's fonts, letterhead, lines, totals, VAT notes
and terms), and the prototype below, which is what a page of that shape costs in
reportlab with nothing of the app: the same embedded DejaVu Sans and logo, a
``SimpleDocTemplate`` with a heading, the customer's block, a table of the quote's lines,
the totals and a paragraph of terms,
in the same number of spawned processes (a ``ProcessPoolExecutor``, started within the
timing as the app's pool is). Prints the median and range of each, their ratio, the
workers' CPU, and the load.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import resource
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import resources
from app.domain.documents import QuoteDocument


def documents(count: int) -> list[QuoteDocument]:
    """Typical quotes, each different (number, language, kind): bench_pdf's batch."""
    from tests.perf.bench_pdf import _batch

    return _batch(count)


_NAMES = ("Officine Meccaniche Bellà & Figli S.r.l.", "Pâtisserie Müller GmbH",
          "Studio Associato Fabbri", "Ñandú Logística S.L.", "Tipografia Sant'Anna",
          "Søren Ærø ApS", "Caffè Nazionale S.n.c.", "Łódź Systems Sp. z o.o.")
_WORDS = ("installazione", "configurazione", "verifica", "migrazione", "backup", "firewall",
          "certificato", "aggiornamento", "analisi", "test", "documentazione", "così",
          "perché", "qualità", "server", "VPN", "più", "attività", "Plesk", "MySQL")


def varied_documents(count: int) -> list[QuoteDocument]:
    """Quotes that share less than :func:`documents`' (where every quote of a kind has the
    same customer, lines and amounts): each its own customer, dates, lines, amounts."""
    import random
    from dataclasses import replace
    from datetime import timedelta
    from decimal import Decimal

    from app.domain.documents import CustomerInfo
    from tests.reports.quote_samples import line

    rng = random.Random(7)
    result = []
    for document in documents(count):
        n = document.request_number
        customer = CustomerInfo(
            code=f"C-{rng.randrange(100000):06d}",
            name=f"{rng.choice(_NAMES)} {n}",
            address_lines=(f"Via {rng.choice(_WORDS).title()} {rng.randrange(1, 300)}",
                           f"{rng.randrange(10000, 99999)} Città {n % 97}"),
            vat_number=f"IT{rng.randrange(10**10, 10**11)}")
        changes: dict[str, Any] = {"customer": customer}
        if document.kind == "fixed":
            lines = tuple(
                line(" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(4, 18))).capitalize(),
                     str(rng.randrange(1, 9)), f"{rng.randrange(2000, 90000) / 100:.2f}")
                for _ in range(rng.randrange(1, 6)))
            net = sum((item.amount for item in lines), Decimal("0.00"))
            vat = (net * document.vat_rate / 100).quantize(Decimal("0.01"))
            changes.update(lines=lines, net=net, vat=vat, total=net + vat)
        issued = document.issue_date + timedelta(days=rng.randrange(365))
        changes.update(issue_date=issued, valid_until=issued + timedelta(days=30))
        result.append(replace(document, **changes))
    return result


FONTS = Path(resources.__file__).resolve().parent / "fonts"
LOGO = Path(resources.__file__).resolve().parent / "logo.png"


def app_many(batch: list[QuoteDocument], workers: int) -> list[bytes]:
    """The app's batch. Imported here, not with this module: the prototype's workers
    import this module, and must not load the app's ``reports`` (see
    :func:`prototype_setup`)."""
    from reports.batch import render_many

    return render_many(batch, workers=workers)


def prototype_setup() -> None:
    """Per process, as any reportlab program embedding a Unicode font does: the same
    DejaVu Sans files the app embeds (a PDF that shows € and accents the same
    everywhere), registered once.

    reportlab keeps one font object per typeface: registering DejaVu Sans under another
    name after the app has registered it hands back the app's object (with what the app
    keeps per process). So the prototype's process must not have loaded the app's
    ``reports``; it refuses to run if it has."""
    import sys

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "reports.assets" in sys.modules:
        raise RuntimeError("the prototype's process has loaded the app's reports")

    pdfmetrics.registerFont(TTFont("ProtoSans", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("ProtoSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))


def prototype_pdf(document: QuoteDocument) -> bytes:
    """A quote page in plain reportlab (the same fonts and logo; no app code)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        Image,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        style.fontName = "ProtoSans-Bold" if style.name.startswith(("Title", "Heading")) \
            else "ProtoSans"
    out = io.BytesIO()
    story: list[Any] = [Image(str(LOGO), width=40, height=40),
                        Paragraph(f"Preventivo RIT-{document.request_number:06d}",
                                  styles["Title"]),
                        Paragraph(document.customer.name, styles["Normal"])]
    story += [Paragraph(line, styles["Normal"]) for line in document.customer.address_lines]
    story.append(Spacer(1, 12))
    rows: list[list[Any]] = [["Descrizione", "Q.tà", "Prezzo", "Importo"]]
    rows += [[Paragraph(line.description, styles["Normal"]), str(line.quantity),
              f"{line.unit_price:.2f}", f"{line.amount:.2f}"] for line in document.lines]
    rows += [["", "", "Imponibile", f"{document.net:.2f}"],
             ["", "", "IVA", f"{document.vat:.2f}"],
             ["", "", "Totale", f"{document.total:.2f}"]]
    table = Table(rows, colWidths=[260, 50, 80, 80], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "ProtoSans", 9),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
                               ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                               ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                               ("GRID", (0, 0), (-1, -4), 0.25, colors.grey)]))
    story += [table, Spacer(1, 12),
              Paragraph("Il preventivo è valido fino alla data indicata; l'intervento è "
                        "addebitato sul credito prepagato a completamento.", styles["Normal"])]
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def prototype_many(batch: list[QuoteDocument], workers: int) -> list[bytes]:
    chunksize = max(1, min(32, len(batch) // (workers * 8)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=prototype_setup) as pool:
        return list(pool.map(prototype_pdf, batch, chunksize=chunksize))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--varied", action="store_true",
                   help="each quote its own customer, dates, lines and amounts")
    args = p.parse_args()
    batch = (varied_documents if args.varied else documents)(args.batch)
    load = [os.getloadavg()[0]]
    wall: dict[str, list[float]] = {"app": [], "prototype": []}
    cpu: dict[str, list[float]] = {"app": [], "prototype": []}
    for run in range(args.runs):
        for name, render in (("app", lambda: app_many(batch, args.workers)),
                             ("prototype", lambda: prototype_many(batch, args.workers))):
            before, start = children_cpu(), time.perf_counter()
            pdfs = render()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(children_cpu() - before)
            assert len(pdfs) == len(batch) and all(pdf.startswith(b"%PDF") for pdf in pdfs)
            load.append(os.getloadavg()[0])
            print(f"  run {run + 1} {name:<9} {wall[name][-1]:6.2f} s wall, "
                  f"{cpu[name][-1]:6.2f} s workers' CPU, load {load[-1]:.2f}")
    print(f"bench_pdf_batch: {args.batch:,} {'varied ' if args.varied else ''}quotes, "
          f"{args.workers} processes, {args.runs} runs "
          f"each, alternated; {os.cpu_count()} cores; load {min(load):.2f}-{max(load):.2f}")
    for name in wall:
        print(f"  {name:<9} median {statistics.median(wall[name]):6.2f} s "
              f"(range {min(wall[name]):.2f}-{max(wall[name]):.2f}), workers' CPU median "
              f"{statistics.median(cpu[name]):.2f} s")
    ratio = statistics.median(wall["app"]) / statistics.median(wall["prototype"])
    cpu_ratio = statistics.median(cpu["app"]) / statistics.median(cpu["prototype"])
    print(f"  app / prototype: {ratio:.2f} wall, {cpu_ratio:.2f} CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
