"""Message contracts over HTTP: a waiting message and its process publish the payload's JSON Schema and its
correlation; a payload the schema refuses is refused field by field before anything runs."""

from __future__ import annotations

import io
import json

from tests.conftest import PROCESSES

from .conftest import assert_problem, auth, fields_named

APPLICATION = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
CONTRACT = json.loads((PROCESSES / "messages" / "kela_decision.json").read_text())
SCHEMA = {key: value for key, value in CONTRACT.items() if key != "x-correlation"}


def waiting_for_kela(client, start) -> dict:
    started = start("kela_application", business_key="2345678-5")
    task = started["ready_tasks"][0]["id"]
    response = client.post(
        f"/api/v1/tasks/{task}/complete", json={"data": APPLICATION}, headers=auth("integrator")
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_a_waiting_message_says_its_name_payload_schema_correlation_sender_and_since_when(
    client, start, clock
):
    waiting = waiting_for_kela(client, start)

    assert waiting["waiting_messages"] == [
        {
            "name": "kela_decision",
            "element_id": "Catch_kela_decision",
            "schema": SCHEMA,
            "correlation": {"by": "business_key"},
            "lane": "Kela",  # the lane the diagram draws the catch in
            "waiting_since": clock.now().isoformat(),
        }
    ]
    again = client.get(f"/api/v1/process-instances/{waiting['id']}", headers=auth("viewer")).get_json()
    assert again["waiting_messages"] == waiting["waiting_messages"]


def test_a_message_awaited_keeps_its_since_when_while_the_instance_changes_otherwise(client, start, clock):
    waiting = waiting_for_kela(client, start)
    since = waiting["waiting_messages"][0]["waiting_since"]

    clock.advance(days=3)
    corrected = client.post(
        f"/api/v1/process-instances/{waiting['id']}/correct-variables",
        json={"set": {"system_name": "eRA 2"}},
        headers=auth("admin"),
    )
    assert corrected.status_code == 200, corrected.get_json()
    assert corrected.get_json()["waiting_messages"][0]["waiting_since"] == since
    again = client.get(f"/api/v1/process-instances/{waiting['id']}", headers=auth("viewer")).get_json()
    assert again["variables"]["system_name"] == "eRA 2"
    assert again["waiting_messages"][0]["waiting_since"] == since


def test_a_process_definition_lists_the_contracts_of_its_messages(client):
    definition = client.get("/api/v1/process-definitions/kela_application", headers=auth("viewer")).get_json()
    assert definition["messages"] == [
        {"name": "kela_decision", "schema": SCHEMA, "correlation": {"by": "business_key"}}
    ]
    simple = client.get("/api/v1/process-definitions/simple_onboarding", headers=auth("viewer")).get_json()
    assert simple["messages"] == []


def test_a_payload_the_schema_refuses_is_refused_naming_each_field_and_nothing_is_stored(
    client, start, stored
):
    waiting = waiting_for_kela(client, start)
    before = stored()

    message = {
        "name": "kela_decision",
        "business_key": "2345678-5",
        "payload": {"decision": "ok", "decision_note": 1},
    }
    problem = assert_problem(
        client.post("/api/v1/messages", json=message, headers=auth("integrator")), 422, "invalid-data"
    )

    assert fields_named(problem) == {"/payload/decision", "/payload/decision_note"}
    assert 'the payload of message "kela_decision" does not satisfy its schema' in problem["detail"]
    assert stored() == before
    accepted = {**message, "payload": {"decision": "approved"}}
    done = client.post("/api/v1/messages", json=accepted, headers=auth("integrator")).get_json()
    assert done["status"] == "completed"
    history = client.get(
        f"/api/v1/process-instances/{waiting['id']}/history", headers=auth("viewer")
    ).get_json()
    [received] = [event for event in history if event["kind"] == "message_received"]
    assert received["data"] == {"name": "kela_decision", "payload": {"decision": "approved"}}


def test_a_deployment_needs_a_contract_for_every_message_a_diagram_catches(client, stored):
    diagram = (
        (PROCESSES / "messages.bpmn").read_bytes().replace(b'name="kela_decision"', b'name="kela_reply"')
    )
    forms = {name: (PROCESSES / "forms" / name).read_bytes() for name in ("application.json", "fix.json")}
    before = stored()

    def deploy(*contracts):
        sent = {"messages.bpmn": diagram, **forms, **dict(contracts)}
        files = [(io.BytesIO(content), name) for name, content in sent.items()]
        return client.post(
            "/api/v1/process-definitions",
            data={"files": files},
            content_type="multipart/form-data",
            headers=auth("analyst"),
        )

    problem = assert_problem(deploy(), 422, "definition-invalid")
    assert [(p["element_id"], p["message"][:71]) for p in problem["problems"]] == [
        ("Catch_kela_decision", 'intermediate catch event "Kela decision received" catches message "kela')
    ]
    assert "messages/kela_reply.json" in problem["problems"][0]["message"]
    assert stored() == before

    # A browser sends no folder: the schema's "x-correlation" says it is a message's contract.
    deployed = deploy(("kela_reply.json", json.dumps(CONTRACT).encode()))
    assert deployed.status_code == 201, deployed.get_json()
    [definition] = deployed.get_json()["deployed"]
    assert definition["messages"] == [
        {"name": "kela_reply", "schema": SCHEMA, "correlation": {"by": "business_key"}}
    ]
