"""A process's oversight over HTTP: how many running instances wait at each step, which pending timers are
overdue or due soon, and which instances are late (a reminder fired and they still wait where it reminds)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

from engine import oversight as oversight_module  # its list limit, made small

from .conftest import assert_problem, auth

OVERSIGHT = "/api/v1/process-definitions/report_deadline/oversight"


def complete(client, instance: dict, element_id: str, data: dict) -> dict:
    task = next(t for t in instance["ready_tasks"] if t["element_id"] == element_id)
    response = client.post(
        f"/api/v1/tasks/{task['id']}/complete", json={"data": data}, headers=auth("integrator")
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def read(client, query: str = "") -> dict:
    response = client.get(OVERSIGHT + query, headers=auth("viewer"))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def counts(oversight: dict) -> dict[tuple[str, str], int]:
    return {(w["element_id"], w["kind"]): w["instances"] for w in oversight["waiting"]}


@pytest.fixture
def reporting(client, start):
    """Two instances at "Report the test" (a reminder after two days, giving up after thirty), one still at
    "Run the deployment test", and an instance of another process that is no business of this one's."""
    first = complete(client, start("report_deadline", "0737546-2"), "Task_run_test", {"result": "passed"})
    second = complete(client, start("report_deadline", "1572860-0"), "Task_run_test", {"result": "passed"})
    running = start("report_deadline", "2345678-5")
    start("simple_onboarding", "0112038-9")
    return first, second, running


def test_it_counts_the_running_instances_at_each_step_by_the_kind_of_wait(client, reporting):
    oversight = read(client)

    assert counts(oversight) == {
        ("Task_run_test", "task"): 1,
        ("Task_report_test", "task"): 2,
        ("Timer_report_reminder", "timer"): 2,
        ("Timer_give_up", "timer"): 2,
    }
    assert oversight["process_key"] == "report_deadline"
    assert oversight["late"] == [] and oversight["overdue"] == []


def test_an_ended_instance_is_not_counted(client, reporting):
    running = reporting[2]
    response = client.post(f"/api/v1/process-instances/{running['id']}/cancel", headers=auth("integrator"))
    assert response.status_code == 200

    assert ("Task_run_test", "task") not in counts(read(client))


def test_due_soon_lists_the_timers_due_within_the_days_asked_soonest_first(client, reporting, clock):
    first = reporting[0]
    in_two_days = (clock.now() + timedelta(days=2)).isoformat()

    soon = read(client)["due_soon"]
    assert [(t["business_key"], t["element_id"], t["due_at"]) for t in soon] == [
        ("0737546-2", "Timer_report_reminder", in_two_days),
        ("1572860-0", "Timer_report_reminder", in_two_days),
    ]
    assert soon[0]["instance_id"] == first["id"] and soon[0]["name"] == "Two days passed"

    month = read(client, "?due_within_days=31")
    assert (
        sorted(t["element_id"] for t in month["due_soon"])
        == ["Timer_give_up"] * 2 + ["Timer_report_reminder"] * 2
    )


def test_a_timer_past_its_due_time_that_has_not_fired_is_overdue(client, reporting, clock):
    clock.advance(days=3)  # no timer worker has run yet

    oversight = read(client)
    assert [(t["business_key"], t["element_id"]) for t in oversight["overdue"]] == [
        ("0737546-2", "Timer_report_reminder"),
        ("1572860-0", "Timer_report_reminder"),
    ]
    assert oversight["due_soon"] == []


def test_an_instance_is_late_while_it_waits_where_a_reminder_fired(client, engine, reporting, clock):
    first, second, _ = reporting
    clock.advance(days=3)
    engine.fire_due_timers()
    fired_at = clock.now().isoformat()

    oversight = read(client)
    assert [
        (late["business_key"], late["element_id"], late["name"], late["waiting_at"], late["fired_at"])
        for late in oversight["late"]
    ] == [
        ("0737546-2", "Timer_report_reminder", "Two days passed", "Task_report_test", fired_at),
        ("1572860-0", "Timer_report_reminder", "Two days passed", "Task_report_test", fired_at),
    ]
    assert counts(oversight)[("Task_remind", "task")] == 2
    assert oversight["overdue"] == []

    # Reported: no longer late, though the reminder did fire.
    now_first = client.get(f"/api/v1/process-instances/{first['id']}", headers=auth("viewer")).get_json()
    complete(client, now_first, "Task_report_test", {"report_date": "2026-01-08"})
    assert [late["instance_id"] for late in read(client)["late"]] == [second["id"]]


def test_it_reads_the_same_few_statements_whatever_the_number_of_instances(client, engine, start):
    def statements_for_oversight() -> int:
        seen = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine.db, "before_cursor_execute", listener)
        try:
            read(client)
        finally:
            event.remove(engine.db, "before_cursor_execute", listener)
        return len(seen)

    start("report_deadline", "0737546-2")
    few = statements_for_oversight()
    for number in range(12):
        complete(
            client, start("report_deadline", f"instance-{number}"), "Task_run_test", {"result": "passed"}
        )
    assert statements_for_oversight() == few


def test_an_unknown_process_is_404_and_a_wrong_horizon_422(client):
    response = client.get("/api/v1/process-definitions/no_such_process/oversight", headers=auth("viewer"))
    assert_problem(response, 404, "not-found")
    response = client.get(OVERSIGHT + "?due_within_days=0", headers=auth("viewer"))
    problem = assert_problem(response, 422, "invalid-request")
    assert [e["field"] for e in problem["errors"]] == ["/due_within_days"]


def test_each_count_is_the_instance_list_filtered_by_where_they_wait(client, reporting):
    first, second, running = reporting
    for element_id, kind in (
        ("Task_report_test", "task"),
        ("Timer_give_up", "timer"),
        ("Task_run_test", "task"),
    ):
        response = client.get(
            f"/api/v1/process-instances?process_key=report_deadline&status=running&waiting_at={element_id}",
            headers=auth("viewer"),
        )
        assert response.status_code == 200
        page = response.get_json()
        assert page["total"] == counts(read(client))[(element_id, kind)]
        expected = {running["id"]} if element_id == "Task_run_test" else {first["id"], second["id"]}
        assert {i["id"] for i in page["items"]} == expected


def test_the_totals_count_every_instance_when_the_lists_stop_at_their_limit(
    client, engine, reporting, clock, monkeypatch
):
    monkeypatch.setattr(oversight_module, "LIST_LIMIT", 1)
    oversight = read(client, "?due_within_days=31")
    assert (len(oversight["due_soon"]), oversight["due_soon_total"]) == (1, 4)

    clock.advance(days=3)
    assert (len(read(client)["overdue"]), read(client)["overdue_total"]) == (1, 2)
    engine.fire_due_timers()
    oversight = read(client)
    assert (len(oversight["late"]), oversight["late_total"], oversight["overdue_total"]) == (1, 2, 0)
