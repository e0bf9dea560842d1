"""A lane may be played by the party named in a field of the payload of the message that starts its process
(its contract, messages/<name>.json), as by a form's field: the payload is the instance's first data. A name
neither a form nor the starting message carries is refused as before."""

from __future__ import annotations

import json

import pytest

from engine import DefinitionInvalid

PROVIDER, VENDOR = "0737546-2", "2345678-0"
KEY = "vendor_configuration"
DIAGRAM = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1"
    targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="{KEY}" name="Vendor configuration" isExecutable="true">
    <bpmn:laneSet id="LaneSet_parties">
      <bpmn:lane id="Lane_provider" name="Service provider">
        <bpmn:extensionElements><camunda:properties>
          <camunda:property name="party" value="business-key" />
        </camunda:properties></bpmn:extensionElements>
        <bpmn:flowNodeRef>Start_vendor_chosen</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>End_configured</bpmn:flowNodeRef>
      </bpmn:lane>
      <bpmn:lane id="Lane_vendor" name="System vendor">
        <bpmn:extensionElements><camunda:properties>
          <camunda:property name="party" value="LANE_PARTY" />
        </camunda:properties></bpmn:extensionElements>
        <bpmn:flowNodeRef>Task_configure</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_vendor_chosen" name="Vendor chosen">
      <bpmn:messageEventDefinition id="Def_vendor_chosen" messageRef="Message_vendor_chosen" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_configure" name="Configure the system" camunda:formKey="forms/configure.json" />
    <bpmn:endEvent id="End_configured" name="Configured" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_vendor_chosen" targetRef="Task_configure" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_configure" targetRef="End_configured" />
  </bpmn:process>
  <bpmn:message id="Message_vendor_chosen" name="vendor_chosen" />
</bpmn:definitions>
"""
CONTRACT = {
    "type": "object",
    "x-correlation": {"by": "business_key"},
    "properties": {"vendor_business_id": {"type": "string"}},
    "required": ["vendor_business_id"],
}
FORM = {"type": "object", "properties": {"configured": {"type": "boolean"}}}


def files(lane_party: str) -> dict[str, bytes]:
    return {
        "vendor_configuration.bpmn": DIAGRAM.replace("LANE_PARTY", lane_party).encode(),
        "messages/vendor_chosen.json": json.dumps(CONTRACT).encode(),
        "forms/configure.json": json.dumps(FORM).encode(),
    }


def test_a_lane_played_by_a_field_only_the_starting_message_carries_is_valid_and_played(engine):
    engine.deploy(files("from:vendor_business_id"), actor="analyst:test")
    engine.deliver_message(
        "vendor_chosen",
        business_key=PROVIDER,
        payload={"vendor_business_id": VENDOR},
        actor=f"integrator:{PROVIDER}",
    )
    [instance] = engine.list_instances(process_key=KEY).items
    as_vendor = engine.get_instance(instance.id, party=VENDOR)
    assert [(t.element_id, t.lane) for t in as_vendor.ready_tasks] == [("Task_configure", "System vendor")]


def test_a_lane_played_by_a_field_nothing_carries_is_still_refused(engine):
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(files("from:vendor_id"), actor="analyst:test")
    [problem] = refused.value.problems
    assert (problem.file, problem.element_id) == ("vendor_configuration.bpmn", "Lane_vendor")
    assert 'the form field "vendor_id", which no user task\'s form in this diagram has' in problem.message
