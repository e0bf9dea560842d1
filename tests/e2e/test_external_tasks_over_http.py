"""A worker drives service tasks over HTTP through the real server: fetch and lock by topic, fail into an
incident an admin retries, throw a BPMN error, complete with variables; every answer as documented."""

from __future__ import annotations

import shutil

import pytest

from harness.server import RunningServer
from tests.integration.test_external_tasks import DIAGRAM, TOPIC

WORKER_TOKEN = "tok-register-worker-0123456789abcdef0123"
ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789abcd"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = (
    f"integrator:register-worker:{WORKER_TOKEN},admin:operator:{ADMIN_TOKEN},viewer:monitor:{VIEWER_TOKEN}"
)
TASKS = "/api/v1/external-tasks"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copy(DIAGRAM, processes / DIAGRAM.name)
    data = tmp_path_factory.mktemp("external_tasks")
    with RunningServer(data, tokens=TOKENS, processes=processes) as running:
        yield running


def start(server) -> str:
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=WORKER_TOKEN,
        json_body={"process_key": "registry_check", "variables": {"business_id": "0737546-2"}},
    )
    assert status == 201, started
    return started["id"]


def fetch(server, worker="worker-1", **topic) -> list[dict]:
    body = {
        "worker_id": worker,
        "max_tasks": 1,
        "topics": [{"name": TOPIC, "lock_duration_ms": 60_000, **topic}],
    }
    status, _, locked = server.call("POST", f"{TASKS}/fetch-and-lock", token=WORKER_TOKEN, json_body=body)
    assert status == 200, locked
    return locked


def act(server, task_id: str, action: str, body: dict | None, token=WORKER_TOKEN):
    return server.call("POST", f"{TASKS}/{task_id}/{action}", token=token, json_body=body)


def test_a_worker_fetches_fails_and_after_the_admins_retry_completes(server):
    instance_id = start(server)
    status, _, listed = server.call("GET", f"{TASKS}?topic={TOPIC}&locked=false", token=VIEWER_TOKEN)
    assert status == 200 and [t["instance_id"] for t in listed["items"]] == [instance_id]

    [task] = fetch(server, variables=["business_id"])
    assert (task["instance_id"], task["worker_id"], task["variables"]) == (
        instance_id,
        "worker-1",
        {"business_id": "0737546-2"},
    )
    assert fetch(server, worker="worker-2") == []

    status, headers, problem = act(server, task["id"], "complete", {"worker_id": "worker-2"})
    assert (status, headers["Content-Type"]) == (409, "application/problem+json")
    assert (problem["reason"], problem["values"]["worker_id"]) == ("locked-by-another-worker", "worker-2")

    status, _, extended = act(
        server, task["id"], "extend-lock", {"worker_id": "worker-1", "new_duration_ms": 5000}
    )
    assert status == 200 and extended["lock_expires_at"] < task["lock_expires_at"]

    failure = {"worker_id": "worker-1", "error_message": "register unreachable", "retries": 0}
    status, _, failed = act(server, task["id"], "failure", failure)
    assert (status, failed["retries"], failed["worker_id"]) == (200, 0, None)
    assert fetch(server) == []
    status, _, incidents = server.call(
        "GET", f"/api/v1/incidents?instance_id={instance_id}", token=VIEWER_TOKEN
    )
    [incident] = incidents["items"]
    assert (incident["task_id"], incident["kind"], incident["message"]) == (
        task["id"],
        "external-task-failure",
        "register unreachable",
    )

    status, _, _ = server.call(
        "POST", f"/api/v1/incidents/{incident['id']}/retry", token=ADMIN_TOKEN, json_body={"retries": 2}
    )
    assert status == 200
    [again] = fetch(server)
    assert (again["id"], again["retries"]) == (task["id"], 2)

    status, _, moved = act(
        server, task["id"], "complete", {"worker_id": "worker-1", "variables": {"registered": True}}
    )
    assert status == 200, moved
    assert ([t["element_id"] for t in moved["ready_tasks"]], moved["variables"]["registered"]) == (
        ["Task_review"],
        True,
    )
    status, _, problem = act(server, task["id"], "complete", {"worker_id": "worker-1"})
    assert status == 404, problem

    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{instance_id}/history", token=VIEWER_TOKEN
    )
    actions = [
        (e["kind"], e["actor"]) for e in history if e["kind"].startswith(("external_task", "incident"))
    ]
    assert actions == [
        ("external_task_locked", "integrator:register-worker"),
        ("external_task_lock_extended", "integrator:register-worker"),
        ("external_task_failed", "integrator:register-worker"),
        ("incident_retried", "admin:operator"),
        ("external_task_locked", "integrator:register-worker"),
        ("external_task_completed", "integrator:register-worker"),
    ]


def test_a_bpmn_error_takes_the_boundary_path_and_unlock_gives_the_task_back(server):
    start(server)
    [task] = fetch(server)
    status, _, unlocked = act(server, task["id"], "unlock", None)
    assert (status, unlocked["worker_id"]) == (200, None)
    [task] = fetch(server, worker="worker-2")
    body = {"worker_id": "worker-2", "error_code": "not-registered", "variables": {"register_answer": "none"}}
    status, _, moved = act(server, task["id"], "bpmn-error", body)
    assert status == 200, moved
    assert [t["element_id"] for t in moved["ready_tasks"]] == ["Task_ask_to_register"]
    assert moved["variables"]["register_answer"] == "none"


@pytest.mark.parametrize(
    ("path", "body", "status", "field"),
    [
        ("fetch-and-lock", {"topics": [{"name": TOPIC, "lock_duration_ms": 1000}]}, 422, "/worker_id"),
        (
            "fetch-and-lock",
            {"worker_id": "w", "topics": [{"name": TOPIC}]},
            422,
            "/topics/0/lock_duration_ms",
        ),
        ("fetch-and-lock", {"worker_id": "w", "topics": []}, 422, "/topics"),
    ],
)
def test_refused_requests_name_the_field(server, path, body, status, field):
    answer, headers, problem = server.call("POST", f"{TASKS}/{path}", token=WORKER_TOKEN, json_body=body)
    assert (answer, headers["Content-Type"]) == (status, "application/problem+json")
    assert [e["field"] for e in problem["errors"]] == [field]


def test_an_unknown_task_is_404_and_a_viewer_may_not_act(server):
    status, _, _ = server.call("GET", f"{TASKS}/no-such-task", token=VIEWER_TOKEN)
    assert status == 404
    status, _, _ = act(server, "00000000-0000-0000-0000-000000000000", "unlock", None, token=VIEWER_TOKEN)
    assert status == 403
    status, _, _ = act(server, "00000000-0000-0000-0000-000000000000", "unlock", None)
    assert status == 404
