"""How the engine reads diagrams and stores instances with SpiffWorkflow.

The diagrams speak the dialect Camunda Modeler and bpmn.io write (``camunda:formKey``,
``camunda:decisionRef``), so the parser is SpiffWorkflow's Camunda parser with one change:
a message delivered from outside merges its payload into the task data, as correlating a
message with variables does in Camunda.

Instances are stored without their spec: the spec of a definition version is stored once and
restored once per process, and an instance's state holds only its tasks and data.
"""

from __future__ import annotations

import json
from copy import deepcopy

from SpiffWorkflow.bpmn.serializer.default.workflow import BpmnWorkflowConverter, WorkflowConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.camunda.parser.CamundaParser import CamundaParser
from SpiffWorkflow.camunda.parser.event_parsers import CamundaEventDefinitionParser
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG
from SpiffWorkflow.camunda.serializer.event_definition import MessageEventDefinitionConverter
from SpiffWorkflow.camunda.specs.event_definitions import MessageEventDefinition as CamundaMessageEvent


class MessageEvent(CamundaMessageEvent):
    """A message whose payload (a JSON object) becomes task variables when it is caught.

    A message thrown inside a diagram with ``camunda:expression`` keeps Camunda's behaviour and
    lands in its result variable.
    """

    def throw(self, my_task):
        if self.expression is None:
            self.expression = "None"
        super().throw(my_task)

    def update_internal_data(self, my_task, event):
        my_task.internal_data[self.name] = event.payload

    def update_task_data(self, my_task):
        payload = my_task.internal_data.get(self.name)
        if isinstance(payload, dict) and set(payload) == {"payload", "result_var"}:
            super().update_task_data(my_task)
        elif isinstance(payload, dict):
            my_task.set_data(**deepcopy(payload))


class _MessageEventParser(CamundaEventDefinitionParser):
    def parse_message_event(self, message_event):
        parsed = super().parse_message_event(message_event)
        return MessageEvent(parsed.name, parsed.correlation_properties, parsed.expression, parsed.result_var)


def _with_message_events(parser_class):
    if not issubclass(parser_class, CamundaEventDefinitionParser):
        return parser_class
    return type(parser_class.__name__, (_MessageEventParser, parser_class), {})


class DiagramParser(CamundaParser):
    OVERRIDE_PARSER_CLASSES = {  # noqa: RUF012 (SpiffWorkflow reads this class attribute)
        tag: (_with_message_events(parser_class), spec_class)
        for tag, (parser_class, spec_class) in CamundaParser.OVERRIDE_PARSER_CLASSES.items()
    }


class _InstanceStateConverter(BpmnWorkflowConverter):
    """Converts a workflow to and from a dict that leaves out the spec (stored once per version)."""

    def to_dict(self, workflow):
        dct = WorkflowConverter.to_dict(self, workflow)
        dct["subprocesses"] = self.mapping_to_dict(workflow.subprocesses)
        dct["bpmn_events"] = self.registry.convert(workflow.bpmn_events)
        return dct

    def from_dict(self, dct, spec=None, subprocess_specs=None):
        workflow = self.target_class(spec, subprocess_specs, deserializing=True)
        workflow.tasks = self.mapping_from_dict(dct["tasks"], _uuid, workflow=workflow)
        workflow.task_tree = workflow.tasks.get(_uuid(dct["root"]))
        self.set_default_attributes(workflow, dct)
        self.subprocesses_from_dict(dct["subprocesses"], workflow)
        workflow.bpmn_events = self.registry.restore(dct.pop("bpmn_events", []))
        return workflow


def _uuid(value):
    from uuid import UUID

    return UUID(value)


def _registry(config):
    registry = BpmnWorkflowSerializer.configure(config)
    MessageEventDefinitionConverter(MessageEvent, registry)
    return registry


class Serializer:
    """Turns specs and instance states into JSON text and back."""

    def __init__(self):
        self._full = BpmnWorkflowSerializer(_registry(CAMUNDA_CONFIG))
        config = dict(CAMUNDA_CONFIG)
        config[BpmnWorkflow] = _InstanceStateConverter
        self._state = BpmnWorkflowSerializer(_registry(config))

    def dump_spec(self, spec: BpmnProcessSpec, subprocess_specs: dict) -> str:
        return json.dumps(
            {
                "spec": self._full.to_dict(spec),
                "subprocess_specs": {name: self._full.to_dict(s) for name, s in subprocess_specs.items()},
            },
            sort_keys=True,
        )

    def load_spec(self, text: str) -> tuple[BpmnProcessSpec, dict]:
        dct = json.loads(text)
        subprocess_specs = {name: self._full.from_dict(s) for name, s in dct["subprocess_specs"].items()}
        return self._full.from_dict(dct["spec"]), subprocess_specs

    def dump_state(self, workflow: BpmnWorkflow) -> str:
        return self._state.serialize_json(workflow)

    def load_state(self, text: str, spec: BpmnProcessSpec, subprocess_specs: dict) -> BpmnWorkflow:
        dct = json.loads(text)
        self._state.migrate(dct)
        return self._state.from_dict(dct, spec=spec, subprocess_specs=subprocess_specs)

    def dump_full(self, workflow: BpmnWorkflow) -> str:
        """SpiffWorkflow's own serialization, spec included: what stored bytes are measured against."""
        return self._full.serialize_json(workflow)
