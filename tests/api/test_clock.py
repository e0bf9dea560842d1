"""The service's clock over HTTP: read it; on an adjustable clock, let time pass and see exactly the
timers due by then fire, none early; a system clock and bad durations are refused and change nothing."""

from __future__ import annotations

import pytest

from api.app import create_app
from api.settings import clock_from_setting
from tests.conftest import PROCESSES

from .conftest import actor, auth


def _report_started(client):
    started = client.post(
        "/api/v1/process-instances", json={"process_key": "report_deadline"}, headers=auth("integrator")
    ).get_json()
    (task,) = started["ready_tasks"]
    client.post(
        f"/api/v1/tasks/{task['id']}/complete", json={"data": {"result": "passed"}}, headers=auth("admin")
    )
    return started["id"]


def _timers_fired(client, instance_id):
    history = client.get(
        f"/api/v1/process-instances/{instance_id}/history", headers=auth("viewer")
    ).get_json()
    return [e["data"]["timers"] for e in history if e["kind"] == "timers_fired"]


def test_reading_the_clock(client, clock):
    answer = client.get("/api/v1/clock", headers=auth("viewer")).get_json()
    assert answer == {"now": clock.now().isoformat(), "adjustable": True}


def test_time_passes_and_exactly_the_due_timers_fire(client, clock):
    instance_id = _report_started(client)
    start = clock.now()

    answer = client.post("/api/v1/clock/advance", json={"duration": "P1DT23H59M"}, headers=auth("admin"))
    assert answer.status_code == 200
    assert answer.get_json()["moved_instances"] == []
    assert _timers_fired(client, instance_id) == []  # the reminder is due after two days, not before

    answer = client.post("/api/v1/clock/advance", json={"duration": "PT1M"}, headers=auth("admin")).get_json()
    assert answer["now"] == (start.replace(day=start.day + 2)).isoformat()
    assert answer["moved_instances"] == [instance_id]
    assert _timers_fired(client, instance_id) == [["Timer_report_reminder"]]
    instance = client.get(f"/api/v1/process-instances/{instance_id}", headers=auth("viewer")).get_json()
    assert sorted(t["element_id"] for t in instance["ready_tasks"]) == ["Task_remind", "Task_report_test"]
    assert [t["element_id"] for t in instance["pending_timers"]] == ["Timer_give_up"]


def test_moving_the_clock_is_audited_with_its_actor(client, engine):
    client.post("/api/v1/clock/advance", json={"duration": "P2W"}, headers=auth("admin"))
    with engine.db.connect() as connection:
        from sqlalchemy import text

        (row,) = connection.execute(
            text("SELECT actor, data FROM audit_events WHERE kind = 'clock_advanced'")
        )
    assert row.actor == actor("admin")
    assert '"duration": "P2W"' in row.data or row.data["duration"] == "P2W"


@pytest.mark.parametrize("duration", ["P0D", "-P1D", "three days", "P", "PT", "P999999999Y"])
def test_a_duration_that_does_not_move_time_on_is_refused(client, clock, stored, duration):
    before, time_before = stored(), clock.now()
    answer = client.post("/api/v1/clock/advance", json={"duration": duration}, headers=auth("admin"))
    assert answer.status_code == 422
    assert answer.content_type == "application/problem+json"
    assert "duration" in str(answer.get_json()["errors"])
    assert (stored(), clock.now()) == (before, time_before)


def test_a_service_on_the_system_clock_refuses_to_move_it(tmp_path, monkeypatch):
    from engine import clock as engine_clock

    monkeypatch.setattr(engine_clock, "_default", engine_clock.SystemClock())
    app = create_app(
        {
            "KANTA_DATABASE_URL": f"sqlite:///{tmp_path}/system.sqlite3",
            "KANTA_DATA_DIR": str(tmp_path),
            "KANTA_TOKENS": "admin:a:tok-admin-0123456789abcdef0123456789",
            "KANTA_TIMER_INTERVAL": 0,
            "KANTA_PROCESSES_DIR": str(PROCESSES),
        }
    )
    client = app.test_client()
    headers = {"Authorization": "Bearer tok-admin-0123456789abcdef0123456789"}
    assert client.get("/api/v1/clock", headers=headers).get_json()["adjustable"] is False
    answer = client.post("/api/v1/clock/advance", json={"duration": "P1D"}, headers=headers)
    app.extensions["kanta_engine"].close()
    assert answer.status_code == 409
    refused = answer.get_json()
    assert (refused["reason"], refused["values"]) == ("clock-not-adjustable", {})
    assert "järjestelmän aikaa" in refused["detail"]  # in Finnish, as no other language was asked for


@pytest.mark.parametrize(
    ("setting", "problem"),
    [("manual", "write system, adjustable"), ("adjustable@2026-01-05T09:00", "needs a timezone")],
)
def test_a_bad_clock_setting_says_what_to_write(setting, problem):
    with pytest.raises(ValueError, match=problem):
        clock_from_setting(setting)


def test_an_adjustable_clock_starts_where_it_is_told():
    assert clock_from_setting("adjustable@2026-01-05T09:00:00+02:00").now().isoformat() == (
        "2026-01-05T09:00:00+02:00"
    )
    assert clock_from_setting("system") is None
