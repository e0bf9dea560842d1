"""The instance list finds onboardings as a coordinator looks for them: a part of a Y-tunnus or of the
organisation's name, the version, the lane or step it waits at, a timer due before a date; sorted by start,
last change or due date; each row with its organisation, where it waits and when it is next due."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from .conftest import assert_problem, auth, fields_named


def listed(client, **query) -> list[dict]:
    response = client.get(f"/api/v1/process-instances?{urlencode(query)}", headers=auth("viewer"))
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def keys(items) -> list[str]:
    return [item["business_key"] for item in items]


@pytest.fixture
def onboardings(start, client, engine):
    """Three onboardings a minute apart: one waits at its first task, one for Kela's decision, one at two
    timers."""
    aurinko = start(business_key="0737546-2", organisation_name="Hoivakoti Aurinko Oy")
    engine.advance_clock("PT1M", actor="test:setup")
    kela = start("kela_application", business_key="1572860-0", organisation_name="Ajas Terveys Oy")
    (task,) = kela["ready_tasks"]
    client.post(
        f"/api/v1/tasks/{task['id']}/complete",
        json={"data": {"system_name": "eRA", "access_point_oid": "1.2.246.10"}},
        headers=auth("integrator"),
    )
    engine.advance_clock("PT1M", actor="test:setup")
    report = start("report_deadline", business_key="0112038-9", organisation_name="Lapin Hoiva")
    (task,) = report["ready_tasks"]
    client.post(
        f"/api/v1/tasks/{task['id']}/complete",
        json={"data": {"result": "passed"}},
        headers=auth("integrator"),
    )
    return aurinko, kela, report


def test_a_part_of_a_y_tunnus_or_of_the_organisation_s_name_finds_it_in_any_case(client, onboardings):
    assert keys(listed(client, q="0737")) == ["0737546-2"]
    assert keys(listed(client, q="aurinko")) == ["0737546-2"]
    assert set(keys(listed(client, q="HOIVA"))) == {"0737546-2", "0112038-9"}
    assert listed(client, q="%") == [] and listed(client, q="_") == []  # no wildcard: a character
    assert listed(client, q="Kela") == []


def test_each_row_says_its_organisation_where_it_waits_and_when_it_is_next_due(client, onboardings):
    rows = {row["business_key"]: row for row in listed(client)}
    assert rows["0737546-2"]["organisation_name"] == "Hoivakoti Aurinko Oy"
    assert rows["0737546-2"]["waiting"] == [
        {"kind": "task", "element_id": "Task_fill_customer_data", "name": "Fill in customer data"}
    ]
    assert rows["0737546-2"]["next_due_at"] is None
    assert [w["kind"] for w in rows["1572860-0"]["waiting"]] == ["message"]
    timers = [w for w in rows["0112038-9"]["waiting"] if w["kind"] == "timer"]
    assert {w["element_id"] for w in timers} == {"Timer_report_reminder", "Timer_give_up"}
    instance = client.get(
        f"/api/v1/process-instances/{onboardings[2]['id']}", headers=auth("viewer")
    ).get_json()
    assert rows["0112038-9"]["next_due_at"] == min(t["due_at"] for t in instance["pending_timers"])
    assert instance["waiting"] == rows["0112038-9"]["waiting"]  # one instance says the same


def test_filters_by_version_lane_step_and_due_date(client, onboardings):
    assert len(listed(client, version=1)) == 3 and listed(client, version=2) == []
    lane = onboardings[0]["ready_tasks"][0]["lane"]
    assert set(keys(listed(client, lane=lane))) == {"0737546-2", "0112038-9"}  # not Kela's: no task ready
    assert listed(client, lane="service provider") == []  # a lane is named exactly, as the choice gives it
    assert keys(listed(client, waiting_at="Catch_kela_decision")) == ["1572860-0"]
    assert keys(listed(client, waiting_at="Timer_give_up")) == ["0112038-9"]
    due = listed(client, waiting_at="Timer_give_up")[0]["next_due_at"]
    assert keys(listed(client, due_before="2100-01-01T00:00:00+00:00")) == ["0112038-9"]
    assert listed(client, due_before=due) == []  # before, not at


def test_sorting_by_start_last_change_and_due_date(client, onboardings):
    assert keys(listed(client)) == ["0112038-9", "1572860-0", "0737546-2"]  # newest first
    assert keys(listed(client, sort="started_at")) == ["0737546-2", "1572860-0", "0112038-9"]
    assert keys(listed(client, sort="-updated_at"))[0] == "0112038-9"
    assert keys(listed(client, sort="next_due_at"))[0] == "0112038-9"  # with no due date: last
    assert keys(listed(client, sort="-next_due_at"))[0] == "0112038-9"


def test_a_sort_or_a_date_it_does_not_know_is_refused_naming_the_parameter(client):
    for query, field in (
        ("sort=organisation", "/sort"),
        ("due_before=tomorrow", "/due_before"),
        ("version=0", "/version"),
    ):
        response = client.get(f"/api/v1/process-instances?{query}", headers=auth("viewer"))
        assert fields_named(assert_problem(response, 422, "invalid-request"), "query") == {field}


def test_the_openapi_document_lists_the_list_s_parameters(client):
    spec = client.get("/openapi.json").get_json()
    parameters = {p["name"] for p in spec["paths"]["/api/v1/process-instances"]["get"]["parameters"]}
    assert {"q", "version", "lane", "waiting_at", "due_before", "sort"} <= parameters
