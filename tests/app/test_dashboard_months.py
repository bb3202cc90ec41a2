"""Issue 17: the dashboard's monthly charts show the months with data (at least the last
six), not a year of empty months with hairline bars; the hours chart names who works."""

from __future__ import annotations

from app.services import billing, dashboard, work
from app.services.dashboard import LEAST_MONTHS, MONTHS
from tests.app.conftest import World


def test_the_months_shown_start_at_the_first_with_data(world: World) -> None:
    empty = dashboard.dashboard(world.db)
    assert len(empty.months) == MONTHS  # nothing yet: the last twelve
    assert [row.month for row in empty.outcomes] == list(empty.months)
    number = world.accepted()  # a quote accepted this month
    work.log_work(world.db, "tech", number, hours="1:00")
    billing.complete_request(world.db, "tech", number)  # charged this month
    dash = dashboard.dashboard(world.db)
    assert len(dash.months) == LEAST_MONTHS and dash.months[-1] == empty.months[-1]
    assert [row.month for row in dash.outcomes] == list(dash.months)
    assert dash.outcomes[-1].accepted == 1
    assert any(month == dash.months[-1] for month, _ in dash.charged)


def test_the_hours_chart_names_the_technician(world: World) -> None:
    number = world.accepted("hourly")
    work.log_work(world.db, "tech", number, hours="4:00")
    bars = dashboard.dashboard(world.db).ceilings
    assert [(b.number, b.customer, b.technician) for b in bars] == [(number, "Acme Srl", "Tech")]
