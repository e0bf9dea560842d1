"""Call activities pass data as Camunda Modeler's "In mappings" and "Out mappings" say.

``<camunda:in source="a" target="b"/>`` gives the called process the caller's ``a`` as ``b``;
``sourceExpression="${…}"`` gives it the value of an expression over the caller's variables (JUEL, translated
to Python before SpiffWorkflow reads the diagram: see ``dialects``);
``variables="all"`` gives it every variable. ``camunda:out`` does the same on the way back, from the called
process's variables at its end into the caller's. A variable a mapping names but the source lacks arrives
as null, as in Camunda. With mappings in one direction, only what they name crosses; a call activity with
no mapping in a direction passes every variable that way (what the engine did before mappings existed,
and what the catalogue's older diagrams expect). ``businessKey`` mappings change nothing: a called process
runs inside its caller's instance and shares its business key. ``local`` is accepted and has no effect:
the engine keeps one scope of variables per process.

A ``party`` entry in the call activity's Extension properties, ``from:<variable>``, says on whose behalf the
called process runs: the party its In mappings hand it in ``<variable>`` plays the called process's
``business-key`` lanes (engine/parties.py). The deploy refuses an entry that names no In mapping's target.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import asdict, dataclass

from SpiffWorkflow.bpmn.parser.task_parsers import SubprocessParser
from SpiffWorkflow.bpmn.serializer.default.task_spec import SubWorkflowConverter
from SpiffWorkflow.bpmn.specs.defaults import CallActivity
from SpiffWorkflow.camunda.parser.task_spec import CallActivityParser

from ..parties import field_of, party_entry_of


@dataclass(frozen=True)
class VariableMapping:
    source: str | None = None
    expression: str | None = None  # a Python expression over the source side's variables
    target: str | None = None
    all: bool = False


class MappedCallActivity(CallActivity):
    def __init__(
        self, wf_spec, bpmn_id, subworkflow_spec, in_mappings=(), out_mappings=(), callee_party=None, **kwargs
    ):
        super().__init__(wf_spec, bpmn_id, subworkflow_spec, **kwargs)
        self.in_mappings = list(in_mappings)
        self.out_mappings = list(out_mappings)
        # the called process's variable (an In mapping's target) naming the party it runs on behalf of
        self.callee_party = callee_party

    def copy_data(self, my_task, subworkflow):
        if not self.in_mappings:
            return super().copy_data(my_task, subworkflow)
        start = subworkflow.get_next_task(
            subworkflow.task_tree, skip_subprocesses=True, spec_name=subworkflow.spec.start.name
        )
        start.set_data(**_mapped(self.in_mappings, my_task))
        return None

    def update_data(self, my_task, subworkflow):
        if not self.out_mappings:
            return super().update_data(my_task, subworkflow)
        my_task.data.update(_mapped(self.out_mappings, subworkflow.last_task))
        return None


def _mapped(mappings: list[VariableMapping], source_task) -> dict:
    values = {}
    for mapping in mappings:
        if mapping.all:
            values.update(deepcopy(source_task.data))
        elif mapping.expression is not None:
            evaluate = source_task.workflow.script_engine.evaluate
            values[mapping.target] = evaluate(source_task, mapping.expression)
        elif mapping.source is not None:
            values[mapping.target or mapping.source] = deepcopy(source_task.data.get(mapping.source))
    return values


class MappedCallActivityParser(CallActivityParser):
    def create_task(self):
        return self.spec_class(
            self.spec,
            self.bpmn_id,
            subworkflow_spec=SubprocessParser.get_call_activity_spec(self),
            in_mappings=self._mappings("in"),
            out_mappings=self._mappings("out"),
            callee_party=self._callee_party(),
            **self.bpmn_attributes,
        )

    def _callee_party(self) -> str | None:
        rule = party_entry_of(self.node)
        return field_of(rule) if rule else None

    def _mappings(self, direction: str) -> list[VariableMapping]:
        mappings = []
        for node in self.xpath(f"./bpmn:extensionElements/camunda:{direction}"):
            if node.get("variables") == "all":
                mappings.append(VariableMapping(all=True))
            elif node.get("sourceExpression") is not None:
                expression = node.get("sourceExpression").strip()
                mappings.append(VariableMapping(expression=expression, target=node.get("target")))
            elif node.get("source") is not None:
                mappings.append(VariableMapping(source=node.get("source"), target=node.get("target")))
            # a businessKey mapping: the called process shares its caller's instance and business key
        return mappings


class MappedCallActivityConverter(SubWorkflowConverter):
    def to_dict(self, spec):
        dct = super().to_dict(spec)
        dct["in_mappings"] = [asdict(m) for m in spec.in_mappings]
        dct["out_mappings"] = [asdict(m) for m in spec.out_mappings]
        dct["callee_party"] = spec.callee_party
        return dct

    def from_dict(self, dct):
        dct["in_mappings"] = [VariableMapping(**m) for m in dct.get("in_mappings", [])]
        dct["out_mappings"] = [VariableMapping(**m) for m in dct.get("out_mappings", [])]
        dct.setdefault("callee_party", None)  # a version stored before call activities named a party
        return super().from_dict(dct)
