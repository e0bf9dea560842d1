"""How the engine stores SpiffWorkflow's specs and instance states.

Instances are stored without their spec: the spec of a definition version is stored once and
restored once per process, and an instance's state holds only its tasks and data.
"""

from __future__ import annotations

import json
from functools import lru_cache
from uuid import UUID

from SpiffWorkflow.bpmn.serializer.config import DEFAULT_CONFIG
from SpiffWorkflow.bpmn.serializer.default.task_spec import (
    ConditionalGatewayConverter,
    ParallelGatewayConverter,
)
from SpiffWorkflow.bpmn.serializer.default.workflow import (
    BpmnWorkflowConverter,
    TaskConverter,
    WorkflowConverter,
)
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.specs.defaults import (
    InclusiveGateway,
    ParallelGateway,
    ParallelMultiInstanceTask,
    SequentialMultiInstanceTask,
)
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG
from SpiffWorkflow.camunda.serializer.event_definition import MessageEventDefinitionConverter
from SpiffWorkflow.camunda.specs.business_rule_task import BusinessRuleTask
from SpiffWorkflow.task import Task

from .call_activity import MappedCallActivity, MappedCallActivityConverter
from .decisions import DecisionTask, DecisionTaskConverter, StoredBusinessRuleTaskConverter
from .external_task import ExternalTask, ExternalTaskConverter
from .joins import BranchMergingInclusiveGateway, BranchMergingParallelGateway
from .message_event import MessageEvent
from .user_task import AssignedUserTask, AssignedUserTaskConverter


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

    def mapping_to_dict(self, mapping, **kwargs):
        # SpiffWorkflow's, with the tasks' and subprocesses' ids as text read from the texts made before
        return {_text(k): self.registry.convert(v, **kwargs) for k, v in mapping.items()}


@lru_cache(maxsize=1 << 14)  # about 5 MB when full, ids kept: the trees of a few hundred instances
def _id_text(task_id: UUID) -> str:
    """A task's id as text. Every write stores every task's id about four times (its key, its own, its
    parent's and its children's), and ``UUID.__str__`` is Python formatting an integer: ten times a
    lookup. An id never changes, so neither does its text; the cache is bounded, a miss only formats."""
    return str(task_id)


def _text(value) -> str:
    return _id_text(value) if value.__class__ is UUID else str(value)


class _TaskStateConverter(TaskConverter):
    """SpiffWorkflow's dict of a task (3.2's ``TaskConverter.to_dict``), key for key and value for value,
    made with one lookup of the parent instead of three and the ids' texts from ``_id_text``: the state of
    every task is made again at every write."""

    def to_dict(self, task):
        parent = task.parent
        if parent is None:
            data, delta = task.data, {}
        else:
            before, after = parent.data, task.data
            data = {}
            delta = {
                # DeepMerge.get_updated_keys and get_deleted_keys
                "updates": {k: after[k] for k in after if k not in before or after[k] != before[k]},
                "deletions": [key for key in before if key not in after],
            }
        return {
            "id": _id_text(task.id),
            "parent": _id_text(task._parent) if parent is not None else None,
            "children": [_id_text(child) for child in task._children],
            "last_state_change": task.last_state_change,
            "state": task.state,
            "task_spec": task.task_spec.name,
            "triggered": task.triggered,
            "internal_data": self.registry.convert(task.internal_data),
            "data": data,
            "delta": delta,
        }


class _JoinConverter:
    """Stores a join under SpiffWorkflow's own type name: a spec stored before joins kept every branch's
    writes loads as one that does, and a stored spec's text (and so its content hash) does not change."""

    def __init__(self, target_class, registry):
        super().__init__(target_class, registry, typename=target_class.kind)


class _ParallelJoinConverter(_JoinConverter, ParallelGatewayConverter):
    pass


class _InclusiveJoinConverter(_JoinConverter, ConditionalGatewayConverter):
    pass


def _uuid(value):
    from uuid import UUID

    return UUID(value)


_JOINS_REPLACED = (ParallelGateway, InclusiveGateway)  # by the joins that keep every branch's writes

# The Camunda parser makes SpiffWorkflow's default multi-instance specs for every activity but a user task;
# the Camunda serializer configuration knows only its own, so theirs are added.
_CONFIG = {
    **{spec: converter for spec, converter in CAMUNDA_CONFIG.items() if spec not in _JOINS_REPLACED},
    **{spec: DEFAULT_CONFIG[spec] for spec in (ParallelMultiInstanceTask, SequentialMultiInstanceTask)},
    MappedCallActivity: MappedCallActivityConverter,
    AssignedUserTask: AssignedUserTaskConverter,
    ExternalTask: ExternalTaskConverter,
    DecisionTask: DecisionTaskConverter,
    BusinessRuleTask: StoredBusinessRuleTaskConverter,
    BranchMergingParallelGateway: _ParallelJoinConverter,
    BranchMergingInclusiveGateway: _InclusiveJoinConverter,
}


def _registry(config):
    registry = BpmnWorkflowSerializer.configure(config)
    MessageEventDefinitionConverter(MessageEvent, registry)
    return registry


class Serializer:
    """Turns specs and instance states into JSON text and back."""

    def __init__(self):
        self._full = BpmnWorkflowSerializer(_registry(_CONFIG))
        config = dict(_CONFIG)
        config[BpmnWorkflow] = _InstanceStateConverter
        config[Task] = _TaskStateConverter
        self._state = BpmnWorkflowSerializer(_registry(config))

    @property
    def spec_registry(self):
        """The converters of specs, with which two versions of a spec are compared."""
        return self._full.registry

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

    def can_store(self, data: dict) -> bool:
        """Whether task data survives a dump (values the registry converts, then JSON)."""
        try:
            json.dumps(self._state.registry.convert(data))
        except Exception:  # the registry and json raise whatever the value's type does
            return False
        return True

    def dump_state(self, workflow: BpmnWorkflow) -> str:
        return self._state.serialize_json(workflow)

    def load_state(self, text: str, spec: BpmnProcessSpec, subprocess_specs: dict) -> BpmnWorkflow:
        dct = json.loads(text)
        self._state.migrate(dct)
        return self._state.from_dict(dct, spec=spec, subprocess_specs=subprocess_specs)

    def dump_full(self, workflow: BpmnWorkflow) -> str:
        """SpiffWorkflow's own serialization, spec included: what stored bytes are measured against."""
        return self._full.serialize_json(workflow)
