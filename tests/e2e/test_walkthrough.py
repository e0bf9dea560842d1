"""The real server (`kanta-onboarding serve`) on a loopback port, driven over HTTP from start to end."""

from __future__ import annotations

import re

import pytest

from harness.server import RunningServer

VENDOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
KELA_TOKEN = "tok-kela-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = (
    f"integrator:vendor-ajas:{VENDOR_TOKEN},integrator:kela-extranet:{KELA_TOKEN},"
    f"viewer:monitor:{VIEWER_TOKEN}"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("walkthrough"), tokens=TOKENS) as running:
        yield running


def ready(state):
    return sorted(t["element_id"] for t in state["ready_tasks"])


def test_a_kela_application_runs_from_start_to_end_over_http(server):
    status, headers, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={
            "process_key": "kela_application",
            "business_key": "0737546-2",
            "variables": {"region": "Uusimaa"},
        },
        headers={"Idempotency-Key": "start-0737546-2"},
    )
    assert status == 201, started
    assert (started["status"], ready(started), started["definition_version"]) == (
        "running",
        ["Task_send_application"],
        1,
    )
    instance = started["id"]

    # A retried start (same idempotency key) answers the same instance and starts nothing new.
    status, _, again = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={"process_key": "kela_application", "business_key": "0737546-2"},
        headers={"Idempotency-Key": "start-0737546-2"},
    )
    assert (status, again["id"]) == (201, instance)
    status, _, listed = server.call(
        "GET", "/api/v1/process-instances?business_key=0737546-2", token=VIEWER_TOKEN
    )
    assert (status, listed["total"]) == (200, 1)

    status, _, tasks = server.call("GET", f"/api/v1/tasks?instance_id={instance}", token=VIEWER_TOKEN)
    assert status == 200 and [t["element_id"] for t in tasks["items"]] == ["Task_send_application"]
    task_id = tasks["items"][0]["id"]
    status, _, task = server.call("GET", f"/api/v1/tasks/{task_id}", token=VIEWER_TOKEN)
    assert status == 200
    assert task["form"]["required"] == ["system_name", "access_point_oid"]
    assert task["data"] == {"region": "Uusimaa"}

    status, headers, refused = server.call(
        "POST", f"/api/v1/tasks/{task_id}/complete", token=VENDOR_TOKEN,
        json_body={"data": {"system_name": "eRA", "access_point_oid": "2.16.840"}},
    )  # fmt: skip
    assert status == 422 and headers["Content-Type"] == "application/problem+json"
    assert [(e["in"], e["field"]) for e in refused["errors"]] == [("body", "/data/access_point_oid")]
    status, _, unchanged = server.call("GET", f"/api/v1/process-instances/{instance}", token=VIEWER_TOKEN)
    assert ready(unchanged) == ["Task_send_application"] and unchanged["waiting_messages"] == []

    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    status, _, waiting = server.call(
        "POST", f"/api/v1/tasks/{task_id}/complete", token=VENDOR_TOKEN, json_body={"data": application}
    )
    assert status == 200, waiting
    assert ready(waiting) == []
    [waits] = waiting["waiting_messages"]
    assert (waits["name"], waits["element_id"], waits["correlation"]) == (
        "kela_decision",
        "Catch_kela_decision",
        {"by": "business_key"},
    )
    assert waits["schema"]["properties"]["decision"]["enum"] == ["approved", "rejected"]

    status, _, again = server.call(
        "POST", f"/api/v1/tasks/{task_id}/complete", token=VENDOR_TOKEN, json_body={"data": application}
    )
    assert status == 409 and again["type"].endswith("/conflict")

    status, _, fixing = server.call(
        "POST", "/api/v1/messages", token=KELA_TOKEN,
        json_body={"name": "kela_decision", "business_key": "0737546-2", "payload": {"decision": "rejected"}},
    )  # fmt: skip
    assert status == 200, fixing
    assert ready(fixing) == ["Task_fix_application"] and fixing["variables"]["decision"] == "rejected"

    fix_id = fixing["ready_tasks"][0]["id"]
    status, _, resend = server.call(
        "POST",
        f"/api/v1/tasks/{fix_id}/complete",
        token=VENDOR_TOKEN,
        json_body={"data": {"correction": "OID"}},
    )
    assert (status, ready(resend)) == (200, ["Task_send_application"])
    resend_id = resend["ready_tasks"][0]["id"]
    status, _, waiting = server.call(
        "POST", f"/api/v1/tasks/{resend_id}/complete", token=VENDOR_TOKEN, json_body={"data": application}
    )
    assert (status, [m["name"] for m in waiting["waiting_messages"]]) == (200, ["kela_decision"])

    status, _, done = server.call(
        "POST", "/api/v1/messages", token=KELA_TOKEN,
        json_body={"name": "kela_decision", "instance_id": instance, "payload": {"decision": "approved"}},
    )  # fmt: skip
    assert status == 200
    assert (done["status"], done["ready_tasks"], done["waiting_messages"]) == ("completed", [], [])
    assert done["ended_at"] is not None

    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{instance}/history", token=VIEWER_TOKEN
    )
    assert status == 200
    changes = [(e["kind"], e["actor"]) for e in history if e["kind"] != "element_completed"]
    assert changes == [
        ("instance_started", "integrator:vendor-ajas"),
        ("task_completed", "integrator:vendor-ajas"),
        ("message_received", "integrator:kela-extranet"),
        ("task_completed", "integrator:vendor-ajas"),
        ("task_completed", "integrator:vendor-ajas"),
        ("message_received", "integrator:kela-extranet"),
        ("instance_completed", "integrator:kela-extranet"),
    ]


def test_cancelling_over_http_ends_the_instance(server):
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={"process_key": "simple_onboarding"},
    )
    assert status == 201
    status, _, cancelled = server.call(
        "POST", f"/api/v1/process-instances/{started['id']}/cancel", token=VENDOR_TOKEN
    )
    assert (status, cancelled["status"], cancelled["ready_tasks"]) == (200, "cancelled", [])
    status, _, again = server.call(
        "POST", f"/api/v1/process-instances/{started['id']}/cancel", token=VENDOR_TOKEN
    )
    assert (status, again["reason"], again["values"]["status"]) == (409, "instance-ended", "cancelled")
    status, _, viewer = server.call(
        "POST", f"/api/v1/process-instances/{started['id']}/cancel", token=VIEWER_TOKEN
    )
    assert status == 403 and viewer["type"].endswith("/forbidden")


def test_a_first_start_without_tokens_prints_one_admin_token_once(tmp_path):
    with RunningServer(tmp_path, tokens="") as first:
        token = re.search(r"^\s{4}(\S{20,})$", first.output(), re.MULTILINE).group(1)
        status, _, definitions = first.call("GET", "/api/v1/process-definitions", token=token)
        assert status == 200 and "simple_onboarding" in [d["process_key"] for d in definitions]
        assert first.call("GET", "/api/v1/process-definitions", token="guess")[0] == 401
    with RunningServer(tmp_path, tokens="") as second:
        assert "admin token was created" not in second.output()
        assert second.call("GET", "/api/v1/tasks", token=token)[0] == 200
        status, _, resumed = second.call("GET", "/api/v1/process-definitions/simple_onboarding", token=token)
        assert (status, resumed["version"]) == (200, 1)  # same database, nothing redeployed
