"""Every instant a record holds is answered in UTC: the answer right after a change and a later read spell the
same instant the same way, whatever zone the service's clock runs in; the clock's own time is shown in it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .conftest import auth

HELSINKI_WINTER = timezone(timedelta(hours=2))


def test_an_answer_and_a_later_read_spell_an_instant_the_same_way(client, start, clock):
    clock.set(datetime(2026, 1, 5, 9, 0, tzinfo=HELSINKI_WINTER))
    started = start("report_deadline", business_key="0112038-9")
    read = client.get(f"/api/v1/process-instances/{started['id']}", headers=auth("integrator")).get_json()

    (answered,) = started["ready_tasks"]
    (kept,) = read["ready_tasks"]
    assert answered["ready_since"] == kept["ready_since"] == "2026-01-05T07:00:00+00:00"
    assert started["started_at"] == read["started_at"] == "2026-01-05T07:00:00+00:00"
    clock = client.get("/api/v1/clock", headers=auth("integrator")).get_json()
    assert clock["now"] == "2026-01-05T09:00:00+02:00"
