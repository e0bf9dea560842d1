"""Starts of one business key at the same moment, through two gunicorn workers on one PostgreSQL: the check
for a running onboarding and the insert of a new one are one step, so of N at once exactly one starts."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harness.postgres import create_database
from harness.server import RunningServer
from tests.scale.conftest import Client

pytestmark = pytest.mark.postgres

BETWEEN_INSTANCES = Path(__file__).parents[1] / "fixtures" / "between_instances"
AT_ONCE = 8
ROUNDS = 3
PROBLEMS = "https://kanta-onboarding.example/problems/"


@pytest.fixture(scope="module")
def server(postgres_server, tmp_path_factory):
    url = create_database(postgres_server.url, "kanta_simultaneous_starts")
    with RunningServer(
        tmp_path_factory.mktemp("simultaneous"), database_url=url, processes=BETWEEN_INSTANCES, workers=2
    ) as running:
        yield running


def _at_once(server, calls: list) -> list[tuple[int, dict]]:
    """Send ``calls`` (each (path, body, headers)) at the same moment, each on a connection of its own."""
    barrier = threading.Barrier(len(calls))
    clients = [Client(server.url) for _ in calls]
    for client in clients:  # connected before the barrier, so the requests leave together
        assert client.call("GET", "/healthz")[0] == 200

    def send(index):
        path, body, headers = calls[index]
        barrier.wait(timeout=30)
        return clients[index].call("POST", path, body, headers)

    try:
        with ThreadPoolExecutor(len(calls)) as pool:
            return list(pool.map(send, range(len(calls))))
    finally:
        for client in clients:
            client.close()


def _instances(server, process_key: str, business_key: str) -> list[dict]:
    with Client(server.url) as client:
        status, page = client.call(
            "GET", f"/api/v1/process-instances?process_key={process_key}&business_key={business_key}"
        )
    assert status == 200, page
    return page["items"]


def test_simultaneous_starts_of_one_business_key_start_one_onboarding(server):
    for round_ in range(ROUNDS):
        business_key = f"start-{round_}"
        start = {"process_key": "joining_application", "business_key": business_key, "allow_duplicate": False}
        answers = _at_once(server, [("/api/v1/process-instances", start, None)] * AT_ONCE)

        statuses = sorted(status for status, _ in answers)
        assert statuses == [201] + [409] * (AT_ONCE - 1), answers
        [started] = [body for status, body in answers if status == 201]
        for status, refused in answers:
            if status == 409:
                assert refused["type"] == PROBLEMS + "already-running"
                assert [r["instance_id"] for r in refused["running"]] == [started["id"]]
        assert [i["id"] for i in _instances(server, "joining_application", business_key)] == [started["id"]]


def test_simultaneous_starts_that_allow_a_duplicate_all_start(server):
    start = {"process_key": "joining_application", "business_key": "duplicates", "allow_duplicate": True}
    answers = _at_once(server, [("/api/v1/process-instances", start, None)] * 4)
    assert [status for status, _ in answers] == [201] * 4, answers
    assert len(_instances(server, "joining_application", "duplicates")) == 4


def test_the_same_message_sent_at_once_starts_one_instance(server):
    for round_ in range(ROUNDS):
        business_key = f"message-{round_}"
        message = {
            "name": "joining_application_sent",
            "business_key": business_key,
            "payload": {"organisation": "Oy"},
        }
        answers = _at_once(server, [("/api/v1/messages", message, None)] * AT_ONCE)

        assert sorted(status for status, _ in answers) == [201] + [409] * (AT_ONCE - 1), answers
        [started] = [body for status, body in answers if status == 201]
        assert started["message_outcome"] == "started"
        assert {body["type"] for status, body in answers if status == 409} == {PROBLEMS + "already-running"}
        assert [i["id"] for i in _instances(server, "kela_decision", business_key)] == [started["id"]]


def test_a_message_sent_at_once_with_one_idempotency_key_answers_one_instance(server):
    message = {"name": "joining_application_sent", "business_key": "keyed", "payload": {"organisation": "Oy"}}
    headers = {"Idempotency-Key": "joining-keyed-1"}
    answers = _at_once(server, [("/api/v1/messages", message, headers)] * AT_ONCE)

    first = answers[0][1]["id"]
    assert [status for status, _ in answers] == [201] * AT_ONCE, answers
    assert {(body["id"], body["message_outcome"]) for _, body in answers} == {(first, "started")}
    assert [i["id"] for i in _instances(server, "kela_decision", "keyed")] == [first]

    # The key belongs to that start: another business key with it is refused, naming the instance.
    with Client(server.url) as client:
        elsewhere = {**message, "business_key": "other"}
        status, refused = client.call("POST", "/api/v1/messages", elsewhere, headers)
    assert (status, refused["type"]) == (409, PROBLEMS + "conflict"), refused
    assert first in refused["detail"]


def test_two_instances_throwing_one_start_message_at_once_start_one_instance(server):
    business_key = "thrown-at-once"
    start = {"process_key": "joining_application", "business_key": business_key, "allow_duplicate": True}
    started = _at_once(server, [("/api/v1/process-instances", start, None)] * 2)
    tasks = [body["ready_tasks"][0]["id"] for _, body in started]

    data = {"data": {"organisation": "Oy"}}
    completions = [(f"/api/v1/tasks/{task}/complete", data, None) for task in tasks]
    answers = _at_once(server, completions)

    assert sorted(status for status, _ in answers) == [200, 422], answers
    [refused] = [body for status, body in answers if status == 422]
    assert (refused["type"], refused["element_id"]) == (PROBLEMS + "message-undelivered", "Send_application")
    [deciding] = _instances(server, "kela_decision", business_key)
    assert deciding["id"] in refused["detail"]


def test_a_delivery_sent_at_once_with_one_idempotency_key_is_delivered_once(server):
    business_key = "delivered-keyed"
    start = {"process_key": "joining_application", "business_key": business_key}
    with Client(server.url) as client:
        status, application = client.call("POST", "/api/v1/process-instances", start)
        assert status == 201, application
        task = application["ready_tasks"][0]["id"]
        status, waiting = client.call(
            "POST", f"/api/v1/tasks/{task}/complete", {"data": {"organisation": "Oy"}}
        )
    assert [m["name"] for m in waiting["waiting_messages"]] == ["joining_decision"], waiting

    decision = {"name": "joining_decision", "business_key": business_key, "payload": {"decision": "approved"}}
    headers = {"Idempotency-Key": "joining-decision-delivered-1"}
    answers = _at_once(server, [("/api/v1/messages", decision, headers)] * AT_ONCE)

    assert {status for status, _ in answers} == {200}, answers
    assert {json.dumps(body, sort_keys=True) for _, body in answers} == {
        json.dumps(answers[0][1], sort_keys=True)
    }
    assert answers[0][1]["message_outcome"] == "delivered"
    with Client(server.url) as client:
        status, history = client.call("GET", f"/api/v1/process-instances/{application['id']}/history")
    assert status == 200, history
    assert sum(event["kind"] == "message_received" for event in history) == 1
