"""POST /api/v1/messages for a process whose start message's contract declares ``"x-one-instance-per"``:
one business key starts an instance per value of the declared field (201 each), and a second message with
the same value is 409 already-running, problem+json naming the running instance and the value; on SQLite
and on PostgreSQL."""

from __future__ import annotations

import json

import pytest

from .conftest import assert_problem, auth

PRODUCER, COUNTY_A, COUNTY_B = "2345678-0", "6060606-3", "1572860-0"
CONTRACT = {
    "type": "object",
    "x-correlation": {"by": "business_key"},
    "x-one-instance-per": ["county_business_id"],
    "properties": {"county_business_id": {"type": "string"}},
    "required": ["county_business_id"],
}
DIAGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs"
    targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Message_in_use" name="in_use_for_county" />
  <bpmn:process id="county_part" isExecutable="true">
    <bpmn:startEvent id="Start_in_use"><bpmn:messageEventDefinition messageRef="Message_in_use" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_readiness" />
    <bpmn:endEvent id="End_done" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_in_use" targetRef="Task_readiness" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_readiness" targetRef="End_done" />
  </bpmn:process>
</bpmn:definitions>
"""


@pytest.fixture
def app(app_on_each_database):
    app_on_each_database.extensions["kanta_engine"].deploy(
        {
            "county_part.bpmn": DIAGRAM.encode(),
            "messages/in_use_for_county.json": json.dumps(CONTRACT).encode(),
        },
        actor="analyst:test",
    )
    return app_on_each_database


def in_use(client, county: str, language: str | None = None):
    body = {"name": "in_use_for_county", "business_key": PRODUCER, "payload": {"county_business_id": county}}
    headers = auth("integrator") | ({"Accept-Language": language} if language else {})
    return client.post("/api/v1/messages", json=body, headers=headers)


def test_one_business_key_starts_one_instance_per_county_and_the_same_county_is_409(client):
    first, second = in_use(client, COUNTY_A), in_use(client, COUNTY_B)
    assert (first.status_code, second.status_code) == (201, 201)
    started = [first.get_json(), second.get_json()]
    assert [s["message_outcome"] for s in started] == ["started", "started"]
    assert [s["business_key"] for s in started] == [PRODUCER, PRODUCER]
    assert [s["variables"]["county_business_id"] for s in started] == [COUNTY_A, COUNTY_B]

    problem = assert_problem(in_use(client, COUNTY_A, "en"), 409, "already-running")

    assert [r["instance_id"] for r in problem["running"]] == [started[0]["id"]]
    assert problem["values"]["instance_id"] == started[0]["id"]
    assert problem["values"]["one_instance_per"] == {"county_business_id": COUNTY_A}
    assert started[0]["id"] in problem["detail"] and COUNTY_A in problem["detail"]
    assert problem["reason"] == "already-running-for-values"
    for language, words in (("fi", "Y-tunnuksella"), ("sv", "FO-numret")):
        worded = assert_problem(in_use(client, COUNTY_A, language), 409, "already-running")["detail"]
        assert words in worded and COUNTY_A in worded and started[0]["id"] in worded, worded
        assert "allow_duplicate" not in worded  # a message has no such choice
    listed = client.get(
        "/api/v1/process-instances?process_key=county_part", headers=auth("viewer")
    ).get_json()
    assert sorted(i["id"] for i in listed["items"]) == sorted(s["id"] for s in started)
