"""The Idempotency-Key of a message delivered to a waiting instance, on SQLite and on PostgreSQL: a repeat
is answered with the first answer (status and body) and delivered once, at the same moment too; another
message under the key is refused with 409, nothing stored; a key answers for KANTA_MESSAGE_KEY_HOURS."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from engine.store.models import MessageKey

from .conftest import assert_problem, auth
from .test_message_contracts import APPLICATION

BUSINESS_KEY = "2345678-5"
REJECTED = {"name": "kela_decision", "business_key": BUSINESS_KEY, "payload": {"decision": "rejected"}}
KEY = {"Idempotency-Key": "kela-decision-2345678-5-1"}


@pytest.fixture
def app(app_on_each_database):
    return app_on_each_database


def send(client, message: dict, key: dict = KEY):
    return client.post("/api/v1/messages", json=message, headers={**auth("integrator"), **key})


def complete(client, instance: dict, data: dict) -> dict:
    task = instance["ready_tasks"][0]["id"]
    response = client.post(f"/api/v1/tasks/{task}/complete", json={"data": data}, headers=auth("integrator"))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def waiting(client, start) -> dict:
    """An application waiting for Kela's decision."""
    return complete(client, start("kela_application", business_key=BUSINESS_KEY), APPLICATION)


def received(client, instance_id: str) -> int:
    """How many messages the instance's audit trail says it received."""
    history = client.get(f"/api/v1/process-instances/{instance_id}/history", headers=auth("viewer"))
    return sum(event["kind"] == "message_received" for event in history.get_json())


def keys_kept(app) -> int:
    with app.extensions["kanta_engine"].db.connect() as connection:
        return connection.execute(select(func.count()).select_from(MessageKey)).scalar_one()


def test_a_delivery_sent_again_with_its_key_is_answered_as_the_first_and_delivered_once(client, waiting):
    first = send(client, REJECTED)
    assert first.status_code == 200, first.get_json()
    assert first.get_json()["message_outcome"] == "delivered"
    assert [t["element_id"] for t in first.get_json()["ready_tasks"]] == ["Task_fix_application"]

    again = send(client, REJECTED)
    assert (again.status_code, again.get_data()) == (200, first.get_data())

    # The instance moves on and waits for a decision again: the retry still answers the first delivery,
    # and does not deliver a second decision.
    fixed = complete(client, first.get_json(), {"correction": "OID corrected"})
    complete(client, fixed, APPLICATION)
    late = send(client, REJECTED)
    assert (late.status_code, late.get_data()) == (200, first.get_data())
    assert received(client, waiting["id"]) == 1
    now = client.get(f"/api/v1/process-instances/{waiting['id']}", headers=auth("viewer")).get_json()
    assert [m["name"] for m in now["waiting_messages"]] == ["kela_decision"]


def test_another_message_under_a_delivered_key_is_refused_and_nothing_is_stored(client, waiting, stored):
    first = send(client, REJECTED)
    assert first.status_code == 200, first.get_json()
    before = stored()

    for other in (
        {**REJECTED, "payload": {"decision": "approved"}},
        {**REJECTED, "payload": {"decision": "rejected", "decision_note": "OID"}},
        {**REJECTED, "business_key": None, "instance_id": waiting["id"]},
    ):
        problem = assert_problem(send(client, other), 409, "conflict")
        assert waiting["id"] in problem["detail"]
        assert (problem["reason"], problem["values"]) == ("message-key-used", {"instance_id": waiting["id"]})
    assert stored() == before
    # the key is the sending party's and the message's only: another key delivers as before
    assert send(client, REJECTED, {"Idempotency-Key": "another"}).status_code == 404


def test_a_refused_delivery_keeps_no_key(client, waiting):
    refused = send(client, {**REJECTED, "payload": {"decision": "maybe"}})
    assert_problem(refused, 422, "invalid-data")
    assert keys_kept(client.application) == 0

    corrected = send(client, REJECTED)  # the same key, with the payload corrected
    assert corrected.status_code == 200, corrected.get_json()


def test_a_key_answers_for_its_hours_and_then_is_forgotten(client, waiting, clock, app):
    first = send(client, REJECTED)
    fixed = complete(client, first.get_json(), {"correction": "OID corrected"})
    complete(client, fixed, APPLICATION)

    clock.advance(hours=23, minutes=59)
    assert send(client, REJECTED).get_data() == first.get_data()
    clock.advance(minutes=2)  # past the default 24 hours: the same key delivers the message anew
    anew = send(client, REJECTED)
    assert anew.status_code == 200, anew.get_json()
    assert anew.get_data() != first.get_data()
    assert received(client, waiting["id"]) == 2

    # an expired key of another delivery is swept by the next delivery that keeps one
    fixed = complete(client, anew.get_json(), {"correction": "again"})
    complete(client, fixed, APPLICATION)
    clock.advance(hours=25)
    assert keys_kept(app) == 1
    assert send(client, REJECTED, {"Idempotency-Key": "next"}).status_code == 200
    assert keys_kept(app) == 1


def test_two_deliveries_with_one_key_at_once_deliver_once_and_answer_alike(app, waiting):
    at_once = 4
    barrier = threading.Barrier(at_once)
    clients = [app.test_client() for _ in range(at_once)]

    def deliver(client):
        barrier.wait(timeout=30)
        response = send(client, REJECTED)
        return response.status_code, response.get_data()

    with ThreadPoolExecutor(at_once) as pool:
        answers = list(pool.map(deliver, clients))

    assert {status for status, _ in answers} == {200}, answers
    assert len({body for _, body in answers}) == 1
    assert received(clients[0], waiting["id"]) == 1
