"""The charging benchmark's start (tests/perf/bench_charging.py): a 16-worker run once
waited for ever at its start barrier for workers that had exited before it. Now a worker
that fails before the start, or dies without a word, stops the run at once with its
error; workers that all start are released together."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from typing import Any

import pytest

from tests.perf.bench_charging import WorkerFailed, collect, start_together


def waits_then_reports(index: int, barrier: Any, out: Any, fail: int, die: int) -> None:
    """A worker of these tests: ``fail`` raises before the start, ``die`` exits hard."""
    if index == fail:
        raise RuntimeError(f"worker {index} could not sign in")
    if index == die:
        os._exit(9)
    barrier.wait(60)
    out.put(("done", index))


@pytest.mark.parametrize(("fail", "die", "said"), [
    (2, -1, "worker 2 could not sign in"),
    (-1, 1, "worker 1 exited with code 9"),
], ids=["raises", "dies"])
def test_a_worker_gone_before_the_start_stops_the_run_at_once(fail: int, die: int,
                                                              said: str) -> None:
    ctx = mp.get_context("spawn")
    began = time.monotonic()
    with pytest.raises(WorkerFailed, match=said):
        start_together(ctx, waits_then_reports, [(fail, die)] * 4, timeout=600)
    assert time.monotonic() - began < 300  # not the barrier's 600 s (spawning is slow here)


def test_workers_that_all_start_are_released_together() -> None:
    ctx = mp.get_context("spawn")
    procs, out, _start = start_together(ctx, waits_then_reports, [(-1, -1)] * 3, timeout=600)
    found: list[Any] = []
    deadline = time.monotonic() + 120
    while len(found) < 3 and time.monotonic() < deadline:
        found.append(out.get(timeout=120))
    for proc in procs:
        proc.join(60)
    assert sorted(found) == [("done", 0), ("done", 1), ("done", 2)]


def test_a_run_stops_when_a_worker_dies_after_the_start() -> None:
    """(Said by the start when the worker is seen gone before the parent has woken up
    from the barrier, else by the collection of the outcomes: a failure either way.)"""
    ctx = mp.get_context("spawn")
    with pytest.raises(WorkerFailed, match="worker 1"):
        procs, out, _start = start_together(ctx, dies_after_the_start, [()] * 2, timeout=600)
        collect(procs, out, timeout=600)


def dies_after_the_start(index: int, barrier: Any, out: Any) -> None:
    barrier.wait(60)
    if index == 1:
        os._exit(9)
    out.put(("done", index))
