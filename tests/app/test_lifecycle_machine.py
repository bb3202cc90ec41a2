"""Issue 9, part 6 (c), in CI: a few hundred steps of the lifecycle state machine
(``tests/lifecycle_machine.py``) on SQLite and on PostgreSQL.

``derandomize=True``: CI runs the same examples every time, so it cannot turn red by the
luck of a draw; new examples are explored on demand by ``tests/perf/fault_injection.py``
(random seeds, ten thousand steps and more), which prints the seed of any failure so it
can be replayed here.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from app.db.database import Database
from tests.conftest import FakeClock, _truncate_pg, at_charge_point, fake_renderer
from tests.lifecycle_machine import machine_on, populate

#: (examples, steps per example) on each database
BUDGET = {"sqlite": (12, 30), "postgresql": (5, 24)}


def machine_settings(examples: int, steps: int, *, derandomize: bool = True) -> settings:
    return settings(max_examples=examples, stateful_step_count=steps, deadline=None,
                    derandomize=derandomize, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def sqlite_opener(folder: Path) -> Callable[[FakeClock], Database]:
    """Each example on a copy of one migrated, populated file."""
    template = folder / "template.sqlite3"
    db = Database(f"sqlite:///{template}", renderer=fake_renderer)
    db.upgrade_schema()
    at_charge_point(db)
    populate(db)
    db.dispose()
    copies = iter(range(10**9))

    def open_database(clock: FakeClock) -> Database:
        path = folder / f"example-{next(copies)}.sqlite3"
        shutil.copyfile(template, path)
        return Database(f"sqlite:///{path}", clock=clock, renderer=fake_renderer)

    return open_database


def postgresql_opener(url: str) -> Callable[[FakeClock], Database]:
    """Each example on the test database, emptied and populated again."""

    def open_database(clock: FakeClock) -> Database:
        _truncate_pg(url)
        db = Database(url, clock=clock, renderer=fake_renderer)
        populate(db)
        return db

    return open_database


@pytest.fixture
def opener(request: pytest.FixtureRequest, db_url: str, tmp_path: Path
           ) -> Iterator[tuple[str, Callable[[FakeClock], Database]]]:
    if db_url.startswith("sqlite"):
        yield "sqlite", sqlite_opener(tmp_path)
    else:
        yield "postgresql", postgresql_opener(db_url)


def test_the_lifecycle_keeps_the_money_right(opener: tuple[str, Callable[[FakeClock], Database]]
                                             ) -> None:
    backend, open_database = opener
    machine, counted = machine_on(open_database)
    examples, steps = BUDGET[backend]
    run_state_machine_as_test(machine, settings=machine_settings(examples, steps))
    assert counted.examples >= examples
    assert counted.steps >= examples * steps // 3  # the examples really ran steps
    assert counted.charges > 0 and counted.refused > 0
    print(f"\n{backend}: {counted.steps} steps in {counted.examples} examples, "
          f"{counted.charges} charges, {counted.refused} refusals checked")
