"""Quote PDF benchmark: ``.venv/bin/python tests/perf/bench_pdf.py [--batch N]``.

Prints the median time to render one typical quote (in this process, fonts already
loaded) and the wall time for a batch rendered with ``render_many`` on every core
(pool start-up included). Targets on the 2-core reference machine: one quote
<= 20 ms, 1,000 quotes <= 12 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reports")]

from quote_samples import fixed_quote, hourly_quote  # noqa: E402

from app.domain.documents import QuoteDocument  # noqa: E402
from reports.batch import render_many  # noqa: E402
from reports.quote_pdf import render_quote  # noqa: E402

SINGLE_TARGET_MS = 20.0
BATCH_TARGET_S = 12.0


def _batch(count: int) -> list[QuoteDocument]:
    """Typical quotes, each different (number, language, kind)."""
    documents = []
    for number in range(count):
        base = fixed_quote("it") if number % 3 else hourly_quote("en")
        documents.append(replace(base, request_number=1000 + number, quote_id=number))
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000, help="documents in the batch")
    parser.add_argument("--runs", type=int, default=50, help="single-quote timings")
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    print(f"cores: {cores}")

    document = fixed_quote("it")
    render_quote(document)  # fonts, styles, logo: loaded once per process
    timings = []
    cpu_timings = []
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        pdf = render_quote(document)
        timings.append(time.perf_counter() - start)
        cpu_timings.append(time.process_time() - cpu_start)
    median_ms = statistics.median(timings) * 1000
    print(
        f"one quote: median {median_ms:.1f} ms over {args.runs} runs "
        f"(min {min(timings) * 1000:.1f}, max {max(timings) * 1000:.1f}; "
        f"CPU median {statistics.median(cpu_timings) * 1000:.1f} ms; "
        f"{len(pdf):,} bytes) target <= {SINGLE_TARGET_MS:.0f} ms"
    )

    documents = _batch(args.batch)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    results = render_many(documents, workers=cores)
    elapsed = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (children.ru_utime + children.ru_stime) - (
        children_before.ru_utime + children_before.ru_stime
    )
    assert len(results) == len(documents)
    print(
        f"batch of {len(documents):,}: {elapsed:.2f} s with {cores} worker processes "
        f"({elapsed / len(documents) * 1000:.1f} ms each; workers' CPU {worker_cpu:.1f} s, "
        f"start-up included) target <= {BATCH_TARGET_S:.0f} s for 1,000"
    )
    print(f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
          " (other processes competing for the cores slow both figures down)")
    ok = median_ms <= SINGLE_TARGET_MS and (
        args.batch != 1000 or elapsed <= BATCH_TARGET_S
    )
    print("within targets" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
