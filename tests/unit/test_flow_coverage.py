"""Path coverage: totals read from the diagrams, flows taken read from the audit trail's element_completed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from features.flow_coverage import Diagram, Taken, below_floor, measure

CATALOGUE = Path(__file__).resolve().parents[2] / "processes"
NODE_TAGS = (
    "startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|task|userTask|"
    "serviceTask|scriptTask|businessRuleTask|manualTask|sendTask|receiveTask|callActivity|subProcess|"
    "exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway"
)


@pytest.mark.parametrize("diagram_file", sorted(CATALOGUE.glob("*.bpmn")), ids=lambda p: p.stem)
def test_totals_are_the_flow_nodes_and_sequence_flows_of_the_bpmn_file(diagram_file):
    xml = diagram_file.read_text()
    diagram = Diagram.parse(diagram_file.stem, "", 1, xml)
    # Counted another way: the opening tags in the file's text.
    assert len(diagram.sequence_flows) == len(re.findall(r"<bpmn:sequenceFlow\b", xml))
    assert len(diagram.flow_nodes) == len(re.findall(rf"<bpmn:(?:{NODE_TAGS})\b", xml))


PARALLEL = """<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="p" name="P" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:parallelGateway id="Fork"/>
    <bpmn:userTask id="A"/>
    <bpmn:userTask id="B"/>
    <bpmn:parallelGateway id="Join"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Fork"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Fork" targetRef="A"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Fork" targetRef="B"/>
    <bpmn:sequenceFlow id="f4" sourceRef="A" targetRef="Join"/>
    <bpmn:sequenceFlow id="f5" sourceRef="B" targetRef="Join"/>
    <bpmn:sequenceFlow id="f6" sourceRef="Join" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>"""


def completed(element_id, *came_from, process="p"):
    data = {"process": process, "came_from": list(came_from)}
    return {"kind": "element_completed", "element_id": element_id, "data": data}


def test_a_join_counts_every_branch_that_arrived_and_nothing_else_counts():
    taken = Taken()
    taken.add_history(
        [
            {"kind": "instance_started", "element_id": None, "data": {}},
            completed("S"),
            completed("Fork", "S"),
            completed("A", "Fork"),
            completed("B", "Fork"),
            completed("Join", "A", "B"),
            completed("E", "Join", process="another"),  # the same id in another process is not this one's
        ]
    )
    coverage = measure([Diagram.parse("p", "P", 3, PARALLEL)], taken)["processes"]["p"]
    assert coverage["version"] == 3
    assert coverage["sequence_flows"] == {"covered": 5, "total": 6, "percent": 83.33, "missed": ["f6"]}
    assert coverage["flow_nodes"] == {"covered": 5, "total": 6, "percent": 83.33, "missed": ["E"]}
    floor = {"default": {"sequence_flows": 100.0, "flow_nodes": 80.0}}
    assert below_floor({"processes": {"p": coverage}}, floor) == [
        "p: sequence_flows 83.33 % < floor 100.0 % (missed: f6)"
    ]
    assert below_floor({"processes": {"p": coverage}}, {**floor, "p": {"sequence_flows": 80.0}}) == []


def test_a_diagram_with_a_doctype_is_refused_before_any_entity_is_read():
    hostile = PARALLEL.replace(
        '<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]>'
    )
    hostile = hostile.replace('id="A"', 'id="A" name="&x;"')
    with pytest.raises(ValueError, match="has a DOCTYPE"):
        Diagram.parse("p", "", 1, hostile)
