"""A date a client sends outside the range its field takes is refused with 422 naming the field, whichever
client sent it: no year 0026 is stored."""

from __future__ import annotations

from .conftest import assert_problem, auth, fields_named


def test_a_task_s_date_in_year_26_is_refused_at_its_field_and_a_plausible_one_is_stored(
    client, start, stored
):
    instance = start("report_deadline", business_key="0112038-9")
    (task,) = instance["ready_tasks"]
    moved = client.post(
        f"/api/v1/tasks/{task['id']}/complete",
        json={"data": {"result": "passed"}},
        headers=auth("integrator"),
    ).get_json()
    (report,) = [t for t in moved["ready_tasks"] if t["element_id"] == "Task_report_test"]
    before = stored()
    for refused in ("0026-12-20", "2101-01-01"):
        response = client.post(
            f"/api/v1/tasks/{report['id']}/complete",
            json={"data": {"report_date": refused}},
            headers=auth("integrator"),
        )
        problem = assert_problem(response, 422, "invalid-data")
        assert fields_named(problem) == {"/data/report_date"}
        assert "kenttään käy" in problem["errors"][0]["message"]  # in Finnish, the default
    assert stored() == before
    done = client.post(
        f"/api/v1/tasks/{report['id']}/complete",
        json={"data": {"report_date": "2026-12-20"}},
        headers=auth("integrator"),
    )
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["variables"]["report_date"] == "2026-12-20"
