"""A definition version stored before the engine took decisions itself holds SpiffWorkflow's business rule
task with its table's Python cells; loaded now, it decides as it did, its cells read as Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.camunda.parser.CamundaParser import CamundaParser
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG

from engine.bpmn import Serializer
from engine.bpmn.decisions import DecisionTask
from engine.decisions import PYTHON, DecisionFailure, decide

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "processes"


def stored_the_old_way() -> str:
    parser = CamundaParser()
    parser.add_bpmn_file(str(FIXTURES / "decision.bpmn"))
    parser.add_dmn_file(str(FIXTURES / "obligation.dmn"))
    old = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(CAMUNDA_CONFIG))
    spec = parser.get_spec("obligation_check")
    return json.dumps({"spec": old.to_dict(spec), "subprocess_specs": {}})


def python(expression, names):
    return eval(expression, {}, dict(names))  # the test's own cells: the engine runs them in its sandbox


def test_an_old_business_rule_task_is_read_as_a_decision_task_with_python_cells():
    spec, _ = Serializer().load_spec(stored_the_old_way())
    task = spec.task_specs["Rule_obligation"]
    assert isinstance(task, DecisionTask)
    decisions = task.read_decisions()
    [decision] = decisions.values()
    assert {cell.dialect for rule in decision.rules for cell in rule.inputs} == {PYTHON}
    decided = decide(decisions, task.decision_ref, {"licence": "health", "has_patient_system": True}, python)
    assert decided == {"service": "patient_data_repository"}  # FIRST: the first matching rule
    decided = decide(decisions, task.decision_ref, {"licence": "none", "has_patient_system": False}, python)
    assert decided == {"service": "none"}


def test_an_old_unique_table_still_refuses_two_matching_rules():
    stored = stored_the_old_way().replace('"hit_policy": "FIRST"', '"hit_policy": "UNIQUE"')
    spec, _ = Serializer().load_spec(stored)
    task = spec.task_specs["Rule_obligation"]
    with pytest.raises(DecisionFailure) as failure:
        decide(
            task.read_decisions(),
            task.decision_ref,
            {"licence": "social", "has_patient_system": True},
            python,
        )
    assert "is UNIQUE but rules 2 and 3 match" in str(failure.value)
