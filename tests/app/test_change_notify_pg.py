"""Every role's login announces its changes (migration 0010's trigger runs for all)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from app.services import customers, requests
from tests.app.test_privileges_pg import Site, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


@pytest.fixture
def listener(site: Site) -> Iterator[psycopg.Connection[Any]]:  # noqa: F811
    conn = site.connect("admin")
    conn.autocommit = True
    conn.execute("LISTEN rit_desk_changes")
    yield conn
    conn.close()


def payloads(conn: psycopg.Connection[Any]) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=3, stop_after=1)]


def test_each_roles_commit_is_announced(site: Site,  # noqa: F811
                                        listener: psycopg.Connection[Any]) -> None:
    u = site.users
    number = requests.submit_request(site.login("portal"), "ACME", service="web-1",
                                     category="ssl", subject="Announced")
    assert payloads(listener) == [str(number)]  # the control panel's login
    requests.take_request(site.login("tech"), u["tech"], number)
    assert payloads(listener) == [str(number)]  # a technician's
    requests.set_priority(site.login("lead"), u["lead"], number, "urgent")
    assert payloads(listener) == [str(number)]  # a team lead's
    customers.topup(site.login("fin"), u["fin"], "ACME", "10")
    assert payloads(listener) == [""]  # finance's (no request: an empty payload)
    # a transaction that fails announces nothing
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do
        requests.take_request(site.login("tech2"), u["tech2"], number)
    assert list(listener.notifies(timeout=0.5, stop_after=1)) == []
