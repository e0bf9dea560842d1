"""Camunda 7 external-task workers, unchanged, against the real server (`kanta-onboarding serve` under its
gunicorn worker): the Camunda community's Python client (camunda-external-task-client-python3) and
pycamunda's external-task calls fetch, lock, fail, throw and complete the registry check's service task at
/engine-rest; a long poll waits for work without holding one of the server's threads."""

from __future__ import annotations

import shutil
import threading
import time

import pycamunda.externaltask
import pytest
import requests
from camunda.external_task.external_task_worker import ExternalTaskWorker

from harness.server import RunningServer
from tests.integration.test_external_tasks import DIAGRAM, TOPIC

WORKER_TOKEN = "tok-register-worker-0123456789abcdef0123"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"integrator:register-worker:{WORKER_TOKEN},viewer:monitor:{VIEWER_TOKEN}"
THREADS = 4  # each gunicorn worker's (api/server.py)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copy(DIAGRAM, processes / DIAGRAM.name)
    with RunningServer(tmp_path_factory.mktemp("workers"), tokens=TOKENS, processes=processes) as running:
        yield running


def start(server, business_id: str) -> str:
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=WORKER_TOKEN,
        json_body={"process_key": "registry_check", "variables": {"business_id": business_id}},
    )
    assert status == 201, started
    return started["id"]


def instance(server, instance_id: str) -> dict:
    status, _, found = server.call("GET", f"/api/v1/process-instances/{instance_id}", token=VIEWER_TOKEN)
    assert status == 200, found
    return found


def waiting_at(server, instance_id: str) -> list[str]:
    return [t["element_id"] for t in instance(server, instance_id)["ready_tasks"]]


def worker(server, worker_id: str, **config) -> ExternalTaskWorker:
    """The community client as its README sets it up, with the bearer token in its config."""
    settings = {
        "auth_bearer": {"access_token": WORKER_TOKEN},
        "maxTasks": 1,
        "lockDuration": 10_000,
        "asyncResponseTimeout": 3_000,
        "retries": 3,
        "retryTimeout": 0,
        "sleepSeconds": 0,
        **config,
    }
    return ExternalTaskWorker(worker_id=worker_id, base_url=f"{server.url}/engine-rest", config=settings)


def external_task(server, instance_id: str) -> dict:
    status, _, listed = server.call(
        "GET", f"/api/v1/external-tasks?instance_id={instance_id}", token=VIEWER_TOKEN
    )
    assert status == 200, listed
    [task] = listed["items"]
    return task


def test_the_community_worker_fails_then_completes_and_another_throws_a_bpmn_error(server):
    checked = start(server, "0737546-2")
    register = worker(server, "register-worker-1")
    seen = []

    def unreachable(task):
        seen.append(
            (task.get_process_instance_id(), task.get_variable("business_id"), task.get_business_key())
        )
        return task.failure("register unreachable", "connection refused", max_retries=3, retry_timeout=0)

    register.fetch_and_execute(TOPIC, unreachable)
    assert seen == [(checked, "0737546-2", None)]
    failed = external_task(server, checked)
    assert (failed["retries"], failed["error_message"], failed["worker_id"]) == (
        3,
        "register unreachable",
        None,
    )

    def found(task):
        return task.complete({"registered": True, "checked_id": task.get_variable("business_id")})

    register.fetch_and_execute(TOPIC, found)
    after = instance(server, checked)
    assert [t["element_id"] for t in after["ready_tasks"]] == ["Task_review"]
    assert (after["variables"]["registered"], after["variables"]["checked_id"]) == (True, "0737546-2")

    missing = start(server, "1234567-1")
    worker(server, "register-worker-2").fetch_and_execute(
        TOPIC, lambda task: task.bpmn_error("not-registered", "no entry", {"register_answer": "none"})
    )
    assert waiting_at(server, missing) == ["Task_ask_to_register"]
    assert instance(server, missing)["variables"]["register_answer"] == "none"

    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{checked}/history", token=VIEWER_TOKEN
    )
    assert status == 200
    worked = [
        (e["kind"], e["actor"], e["data"]["worker_id"]) for e in history if e["kind"].startswith("external")
    ]
    assert worked == [
        ("external_task_locked", "integrator:register-worker", "register-worker-1"),
        ("external_task_failed", "integrator:register-worker", "register-worker-1"),
        ("external_task_locked", "integrator:register-worker", "register-worker-1"),
        ("external_task_completed", "integrator:register-worker", "register-worker-1"),
    ]


def test_a_long_poll_answers_as_soon_as_work_comes(server):
    done: list[float] = []
    register = worker(server, "register-worker-3", asyncResponseTimeout=20_000)

    def poll():
        began = time.monotonic()
        register.fetch_and_execute(TOPIC, lambda task: task.complete({"registered": True}))
        done.append(time.monotonic() - began)

    polling = threading.Thread(target=poll)
    polling.start()
    time.sleep(2)
    assert not done  # nothing to do yet: the poll waits
    checked = start(server, "2345678-2")
    polling.join(timeout=10)
    assert done and 2 <= done[0] < 9, done  # answered once the work came (tests/e2e/test_long_poll_wakeup.py)
    assert waiting_at(server, checked) == ["Task_review"]


def test_waiting_long_polls_hold_none_of_the_servers_threads(server):
    """Twice as many polls as the server has threads wait at once; the API answers meanwhile, and each
    poll gets its empty answer when its time is up."""
    answers: list[tuple[int, object, float]] = []

    def poll(index: int):
        began = time.monotonic()
        response = requests.post(
            f"{server.url}/engine-rest/external-task/fetchAndLock",
            headers={"Authorization": f"Bearer {WORKER_TOKEN}"},
            json={
                "workerId": f"idle-{index}",
                "maxTasks": 1,
                "asyncResponseTimeout": 6_000,
                "topics": [{"topicName": "nobody-publishes-this", "lockDuration": 1_000}],
            },
            timeout=30,
        )
        answers.append((response.status_code, response.json(), time.monotonic() - began))

    polls = [threading.Thread(target=poll, args=(i,)) for i in range(2 * THREADS)]
    for thread in polls:
        thread.start()
    time.sleep(1.5)
    began = time.monotonic()
    status, _, _ = server.call("GET", "/api/v1/external-tasks", token=VIEWER_TOKEN)
    assert status == 200 and time.monotonic() - began < 1.0
    for thread in polls:
        thread.join(timeout=20)
    assert [(status, body) for status, body, _ in answers] == [(200, [])] * len(polls)
    assert all(5.5 <= waited < 12 for _, _, waited in answers), answers  # 6 s asked, plus a retry


def test_pycamunda_fetches_extends_unlocks_reads_fails_throws_and_completes(server):
    url = f"{server.url}/engine-rest"
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {WORKER_TOKEN}"

    def send(request):
        request.session = session
        return request()

    first = start(server, "3456789-3")
    fetch = pycamunda.externaltask.FetchAndLock(url, worker_id="pycamunda-1", max_tasks=5)
    fetch.add_topic(TOPIC, lock_duration=60_000, variables=["business_id"])
    [locked] = send(fetch)
    assert (locked.process_instance_id, locked.activity_id, locked.worker_id) == (
        first,
        "Task_check_register",
        "pycamunda-1",
    )
    assert locked.process_definition_id == "registry_check:1"
    assert locked.variables["business_id"].value == "3456789-3"

    send(pycamunda.externaltask.ExtendLock(url, locked.id_, new_duration=600_000, worker_id="pycamunda-1"))
    shown = send(pycamunda.externaltask.Get(url, locked.id_, request_error_details=False))
    assert shown.lock_expiration_time > locked.lock_expiration_time
    with pytest.raises(pycamunda.BadRequest, match="locked by another worker"):
        send(pycamunda.externaltask.Complete(url, locked.id_, worker_id="pycamunda-2"))
    send(pycamunda.externaltask.Unlock(url, locked.id_))
    listed = send(
        pycamunda.externaltask.GetList(url, topic_name=TOPIC, not_locked=True, request_error_details=False)
    )
    assert locked.id_ in [t.id_ for t in listed]

    fetch = pycamunda.externaltask.FetchAndLock(url, worker_id="pycamunda-2", max_tasks=1)
    fetch.add_topic(TOPIC, lock_duration=60_000)
    [again] = send(fetch)
    assert again.id_ == locked.id_
    send(pycamunda.externaltask.HandleFailure(url, again.id_, "pycamunda-2", "register down", "503", 0, 0))
    status, _, incidents = server.call("GET", f"/api/v1/incidents?instance_id={first}", token=VIEWER_TOKEN)
    assert status == 200
    assert [(i["kind"], i["message"]) for i in incidents["items"]] == [
        ("external-task-failure", "register down")
    ]

    second = start(server, "4567890-4")
    fetch = pycamunda.externaltask.FetchAndLock(url, worker_id="pycamunda-3", max_tasks=1)
    fetch.add_topic(TOPIC, lock_duration=60_000)
    [task] = send(fetch)
    assert task.process_instance_id == second
    thrown = pycamunda.externaltask.HandleBPMNError(
        url, task.id_, "pycamunda-3", "not-registered", "no entry"
    )
    thrown.add_variable("register_answer", "none", "String")
    send(thrown)
    assert waiting_at(server, second) == ["Task_ask_to_register"]

    third = start(server, "5678901-5")
    [task] = send(fetch)
    complete = pycamunda.externaltask.Complete(url, task.id_, worker_id="pycamunda-3")
    complete.add_variable("registered", True, "Boolean")
    complete.add_local_variable("raw_answer", "{}", "Json")
    send(complete)
    after = instance(server, third)
    assert [t["element_id"] for t in after["ready_tasks"]] == ["Task_review"]
    assert after["variables"]["registered"] is True and "raw_answer" not in after["variables"]
