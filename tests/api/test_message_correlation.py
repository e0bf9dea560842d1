"""A message whose contract correlates by a payload property finds the instance whose variable holds the
payload's value, through POST /api/v1/messages and /engine-rest/message, on SQLite and on PostgreSQL (by the
value each wait keeps of the variable, indexed and kept in step with it)."""

from __future__ import annotations

import json

import pytest

from .conftest import assert_problem, auth, fields_named
from .test_engine_rest import REST, error_of

CORRELATION = {"by": "variable", "property": "application_number", "variable": "kela_application_number"}
CONTRACT = {
    "type": "object",
    "properties": {"application_number": {"type": "string"}, "decision": {"enum": ["approved", "rejected"]}},
    "required": ["application_number", "decision"],
    "additionalProperties": False,
    "x-correlation": CORRELATION,
}
DIAGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Message_decision" name="kela_numbered_decision" />
  <bpmn:process id="numbered_application" isExecutable="true">
    <bpmn:startEvent id="Start_numbered">
      <bpmn:extensionElements><camunda:properties>
        <camunda:property name="start-variable" value="kela_application_number" />
      </camunda:properties></bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch_decision" name="Decision received">
      <bpmn:messageEventDefinition id="Def_decision" messageRef="Message_decision" />
    </bpmn:intermediateCatchEvent>
    <bpmn:exclusiveGateway id="Gateway_decided" default="Flow_rejected" />
    <bpmn:endEvent id="End_approved" />
    <bpmn:endEvent id="End_rejected" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_numbered" targetRef="Catch_decision" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Catch_decision" targetRef="Gateway_decided" />
    <bpmn:sequenceFlow id="Flow_approved" sourceRef="Gateway_decided" targetRef="End_approved">
      <bpmn:conditionExpression>decision == "approved"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_rejected" sourceRef="Gateway_decided" targetRef="End_rejected" />
  </bpmn:process>
</bpmn:definitions>
"""


@pytest.fixture
def app(app_on_each_database):
    app_on_each_database.extensions["kanta_engine"].deploy(
        {
            "numbered_application.bpmn": DIAGRAM.encode(),
            "messages/kela_numbered_decision.json": json.dumps(CONTRACT).encode(),
        },
        actor="analyst:test",
    )
    return app_on_each_database


@pytest.fixture
def waiting(start):
    def started(number, business_key=None):
        # one organisation may have several applications in hand, each with its own number
        return start(
            "numbered_application", business_key, allow_duplicate=True, kela_application_number=number
        )["id"]

    return started


def status_of(client, instance_id: str) -> str:
    return client.get(f"/api/v1/process-instances/{instance_id}", headers=auth("viewer")).get_json()["status"]


def deliver(client, payload: dict, **more):
    body = {"name": "kela_numbered_decision", "payload": payload, **more}
    return client.post("/api/v1/messages", json=body, headers=auth("integrator"))


def test_the_payloads_property_finds_the_instance_whose_variable_holds_it(client, waiting):
    first, second = waiting("K-2026-1"), waiting("K-2026-2")
    shown = client.get(f"/api/v1/process-instances/{second}", headers=auth("viewer")).get_json()
    assert shown["waiting_messages"][0]["correlation"] == CORRELATION

    delivered = deliver(client, {"application_number": "K-2026-2", "decision": "approved"})

    assert delivered.status_code == 200, delivered.get_json()
    assert (delivered.get_json()["id"], delivered.get_json()["status"]) == (second, "completed")
    assert status_of(client, first) == "running"  # the other application still waits
    gone = deliver(client, {"application_number": "K-2026-3", "decision": "approved"})
    nobody = assert_problem(gone, 404, "not-found")
    assert (nobody["reason"], nobody["values"]) == (
        "nobody-waits-or-starts",
        {"name": "kela_numbered_decision"},
    )
    assert "ei odota viestiä ”kela_numbered_decision”" in nobody["detail"]


def test_a_payload_without_the_property_is_refused_naming_it(client, waiting, stored):
    waiting("K-2026-1")
    before = stored()
    refused = assert_problem(deliver(client, {"decision": "approved"}), 422, "invalid-data")
    assert fields_named(refused) == {"/payload/application_number"}
    assert stored() == before


def test_a_value_of_another_type_is_no_match(client, waiting):
    held = waiting(20261)  # a number: the payload's text "20261" is not it
    refused = deliver(client, {"application_number": "20261", "decision": "approved"})
    assert_problem(refused, 404, "not-found")
    assert status_of(client, held) == "running"


def test_two_instances_holding_one_value_are_told_apart_by_correlation_keys_or_business_key(client, waiting):
    first, second = waiting("K-1", business_key="1234567-1"), waiting("K-1", business_key="7654321-7")
    both = deliver(client, {"application_number": "K-1", "decision": "rejected"})
    refused = assert_problem(both, 409, "conflict")
    assert (refused["reason"], refused["values"]["count"]) == ("several-waiting", 2)
    assert set(refused["values"]["instances"].split(", ")) == {first, second}
    assert refused["detail"].startswith("2 liittymistä odottaa viestiä ”kela_numbered_decision”")

    by_key = deliver(client, {"application_number": "K-1", "decision": "rejected"}, business_key="7654321-7")
    assert by_key.get_json()["id"] == second
    by_variable = deliver(
        client,
        {"application_number": "K-1", "decision": "approved"},
        correlation_keys={"kela_application_number": "K-1"},
        instance_id=first,
    )
    assert (by_variable.get_json()["id"], by_variable.get_json()["status"]) == (first, "completed")


def test_engine_rest_correlates_by_the_payload_and_by_local_correlation_keys(client, waiting):
    first, second = waiting("K-7"), waiting("K-8")

    def correlate(**body):
        return client.post(
            f"{REST}/message",
            json={"messageName": "kela_numbered_decision", "resultEnabled": True, **body},
            headers=auth("integrator"),
        )

    decision = {"decision": {"value": "approved", "type": "String"}}
    correlated = correlate(
        processVariables={"application_number": {"value": "K-8", "type": "String"}, **decision}
    )
    assert correlated.status_code == 200, correlated.get_json()
    assert correlated.get_json()[0]["execution"]["processInstanceId"] == second

    missing = correlate(processVariables=decision)
    assert "/processVariables/application_number" in error_of(missing, 400, "InvalidRequestException")
    local = correlate(
        localCorrelationKeys={"kela_application_number": {"value": "K-7", "type": "String"}},
        processVariables={"application_number": {"value": "K-7", "type": "String"}, **decision},
        processInstanceId=first,
    )
    assert local.get_json()[0]["execution"]["processInstanceId"] == first
    assert status_of(client, first) == "completed"


THROWER = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_kela" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Message_sent" name="kela_numbered_decision" />
  <bpmn:process id="kela_decides" isExecutable="true">
    <bpmn:startEvent id="Start_kela">
      <bpmn:extensionElements><camunda:properties>
        <camunda:property name="start-variable" value="application_number, decision" />
      </camunda:properties></bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:intermediateThrowEvent id="Throw_decision" name="Decision sent">
      <bpmn:messageEventDefinition id="Def_sent" messageRef="Message_sent" />
    </bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="End_kela" />
    <bpmn:sequenceFlow id="Flow_k1" sourceRef="Start_kela" targetRef="Throw_decision" />
    <bpmn:sequenceFlow id="Flow_k2" sourceRef="Throw_decision" targetRef="End_kela" />
  </bpmn:process>
</bpmn:definitions>
"""


def test_a_thrown_message_finds_the_instance_holding_its_property_whatever_the_business_keys(
    engine, client, waiting
):
    engine.deploy(
        {
            "kela_decides.bpmn": THROWER.encode(),
            "messages/kela_numbered_decision.json": json.dumps(CONTRACT).encode(),
        },
        actor="analyst:test",
    )
    other, receiver = waiting("K-10", business_key="1234567-1"), waiting("K-11", business_key="1234567-1")

    thrower = engine.start_instance(
        "kela_decides",
        actor="integrator:kela",
        business_key="kela-case-77",  # the receiver's business key is not Kela's
        variables={"application_number": "K-11", "decision": "approved"},
    )

    assert thrower.status == "completed"
    assert (status_of(client, receiver), status_of(client, other)) == ("completed", "running")


def test_a_wait_is_found_by_the_value_its_variable_holds_now(client, waiting, app):
    """The indexed value a wait is found by follows the variable: after an admin's correction the new
    number finds the instance and the old one no longer does; a long number is found too."""
    corrected = waiting("K-2026-OLD")
    long_number = "K-" + "9" * 300  # past what a wait keeps as itself: kept as its digest
    far = waiting(long_number)
    changed = client.post(
        f"/api/v1/process-instances/{corrected}/correct-variables",
        json={"set": {"kela_application_number": "K-2026-NEW"}},
        headers=auth("admin"),
    )
    assert changed.status_code == 200, changed.get_json()

    old = deliver(client, {"application_number": "K-2026-OLD", "decision": "approved"})
    assert_problem(old, 404, "not-found")
    new = deliver(client, {"application_number": "K-2026-NEW", "decision": "approved"})
    assert (new.get_json()["id"], new.get_json()["status"]) == (corrected, "completed")
    found = deliver(client, {"application_number": long_number, "decision": "rejected"})
    assert (found.get_json()["id"], found.get_json()["status"]) == (far, "completed")
    near = waiting("K-" + "9" * 299 + "8")  # the same first characters are not the same number
    assert_problem(
        deliver(client, {"application_number": long_number, "decision": "rejected"}), 404, "not-found"
    )
    assert status_of(client, near) == "running"
