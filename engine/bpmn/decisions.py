"""A business rule task takes its decision with the engine's own DMN evaluator (engine/decisions), not
SpiffWorkflow's: SpiffWorkflow reads one decision per file, evaluates every cell as Python (so a FEEL cell
such as ``not("x")`` silently never matches), runs UNIQUE as a first match and knows no DRD.

The task's spec carries the decision ``camunda:decisionRef`` names and every decision it requires, as the
texts they were read from: a definition version keeps the decisions it was deployed with. Python cells run
in the instance's sandboxed script engine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.bpmn.serializer.helpers.spec import TaskSpecConverter
from SpiffWorkflow.bpmn.specs.mixins.bpmn_spec_mixin import BpmnSpecMixin
from SpiffWorkflow.camunda.parser.task_spec import CamundaTaskParser

from ..decisions import PYTHON, Decision, DecisionFailure, decide
from ..vocabulary import CAMUNDA_NS


class DecisionTask(BpmnSpecMixin):
    def __init__(self, wf_spec, bpmn_id, decision_ref: str, decisions: Mapping[str, dict], **kwargs):
        super().__init__(wf_spec, bpmn_id, **kwargs)
        self.decision_ref = decision_ref
        self.decisions = dict(
            decisions
        )  # decision id -> Decision.as_dict(), the referenced and required ones
        self._read: dict[str, Decision] | None = None

    def read_decisions(self) -> dict[str, Decision]:
        if self._read is None:  # once per loaded spec, not per run
            self._read = {key: Decision.from_dict(value) for key, value in self.decisions.items()}
        return self._read

    def _run_hook(self, my_task):
        script_engine = my_task.workflow.script_engine

        def evaluate(expression: str, names: Mapping[str, Any]) -> Any:
            return script_engine.evaluate(my_task, expression, external_context=dict(names))

        try:
            outputs = decide(self.read_decisions(), self.decision_ref, my_task.data, evaluate)
        except DecisionFailure as failure:
            raise WorkflowTaskException(str(failure), task=my_task) from failure
        for name, value in outputs.items():
            _assign(my_task.data, name, value)
        return super()._run_hook(my_task)


def _assign(data: dict, name: str, value: Any) -> None:
    """An output named ``a.b`` sets ``b`` inside the object ``a``, as SpiffWorkflow's evaluator did."""
    *parents, last = name.split(".")
    for parent in parents:
        if not isinstance(data.get(parent), dict):
            data[parent] = {}
        data = data[parent]
    data[last] = value


class DecisionTaskParser(CamundaTaskParser):
    @staticmethod
    def get_decision_ref(node) -> str:  # SpiffWorkflow's parser lists a diagram's dependencies with it
        return node.get(f"{{{CAMUNDA_NS}}}decisionRef", "")

    def create_task(self):
        decision_ref = self.get_decision_ref(self.node)
        decisions = self.process_parser.parser.decisions_for(decision_ref)
        if decisions is None:
            raise ValidationException(f"no DMN file defines decision '{decision_ref}'", node=self.node)
        return self.spec_class(
            self.spec, self.bpmn_id, decision_ref=decision_ref, decisions=decisions, **self.bpmn_attributes
        )


class DecisionTaskConverter(TaskSpecConverter):
    def to_dict(self, spec):
        dct = self.get_default_attributes(spec)
        dct["decision_ref"] = spec.decision_ref
        dct["decisions"] = spec.decisions
        return dct

    def from_dict(self, dct):
        return self.task_spec_from_dict(dct)


class StoredBusinessRuleTaskConverter(TaskSpecConverter):
    """A spec stored before the engine took decisions itself holds SpiffWorkflow's business rule task, its
    table's cells as Python: it is read as a decision task whose cells are declared Python, so an instance
    of an older version decides as it did (its UNIQUE table still refusing two matching rules)."""

    def to_dict(self, spec):  # nothing is stored in this form any more
        raise TypeError("business rule tasks are stored as decision tasks")

    def from_dict(self, dct):
        table = dct.pop("decision_table")
        dct["typename"] = DecisionTask.__name__
        dct["decision_ref"] = table["id"]
        dct["decisions"] = {table["id"]: _stored_table(table)}
        return self.registry.restore(dct)


def _stored_table(table: dict) -> dict:
    columns = {column["id"]: column for column in table["inputs"]}
    return Decision.from_dict(
        {
            "id": table["id"],
            "name": table["name"],
            "file": "",
            "hit_policy": table["hit_policy"],
            "aggregation": None,
            "inputs": [
                [c["id"], c["label"], c["expression"] or "", PYTHON, c["typeRef"] or ""]
                for c in columns.values()
            ],
            "outputs": [[c["id"], c["name"], c["label"], c["typeRef"] or ""] for c in table["outputs"]],
            "rules": [
                [
                    rule["id"],
                    [[(entry["lhs"] or [None])[0] or "-", PYTHON] for entry in rule["input_entries"]],
                    [[entry["text"] or "", PYTHON] for entry in rule["output_entries"]],
                ]
                for rule in table["rules"]
            ],
            "required": [],
        }
    ).as_dict()
