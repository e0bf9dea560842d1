"""Service tasks as external tasks, the Camunda 7 pattern: the engine calls no system itself.

A ``<bpmn:serviceTask camunda:type="external" camunda:topic="…">`` is a wait state: the instance stops at
it, as at a user task, and a worker outside the engine fetches the work by its topic, does it and
completes it with variables (or reports a failure, or throws a BPMN error). The spec is a manual task
to SpiffWorkflow, so its engine steps never run it; the engine tells it from a person's task by its class.
"""

from __future__ import annotations

from copy import deepcopy

from SpiffWorkflow.bpmn.parser.TaskParser import TaskParser
from SpiffWorkflow.bpmn.serializer.default.task_spec import BpmnTaskSpecConverter
from SpiffWorkflow.bpmn.specs.defaults import BoundaryEvent, ManualTask
from SpiffWorkflow.bpmn.specs.event_definitions import ErrorEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.util.task import TaskState

from ..vocabulary import BPMN_NS, CAMUNDA_NS


class ExternalTask(ManualTask):
    """A service task whose work a worker fetches by ``topic``."""

    def __init__(self, wf_spec, bpmn_id, topic: str = "", **kwargs):
        super().__init__(wf_spec, bpmn_id, **kwargs)
        self.topic = topic


# Where a task spec's extensions keep the task's camunda:properties (Camunda's extension properties).
PROPERTIES = "camunda:properties"


class ExternalTaskParser(TaskParser):
    def create_task(self):
        topic = (self.node.get(f"{{{CAMUNDA_NS}}}topic") or "").strip()
        return self.spec_class(self.spec, self.bpmn_id, topic=topic, **self.bpmn_attributes)

    def parse_extensions(self, node=None):
        """The task's camunda:properties, which Camunda hands a worker as the task's extension properties
        (stored with the spec, so an instance's worker gets them as they were when it started)."""
        extensions = super().parse_extensions(node)
        found = (self.node if node is None else node).findall(
            "bpmn:extensionElements/camunda:properties/camunda:property",
            {"bpmn": BPMN_NS, "camunda": CAMUNDA_NS},
        )
        properties = {p.get("name"): p.get("value") or "" for p in found if p.get("name")}
        return {**extensions, PROPERTIES: properties} if properties else extensions


def extension_properties(spec, subprocess_specs: dict, element_id: str) -> dict[str, str]:
    """The extension properties of the external task ``element_id`` in a process (or a process it calls)."""
    for process in (spec, *subprocess_specs.values()):
        task_spec = process.task_specs.get(element_id)
        if task_spec is not None and is_external(task_spec):
            return dict((task_spec.extensions or {}).get(PROPERTIES) or {})
    return {}


class ExternalTaskConverter(BpmnTaskSpecConverter):
    def to_dict(self, spec):
        dct = self.get_default_attributes(spec)
        dct["topic"] = spec.topic
        return dct


def is_external(task_spec) -> bool:
    return isinstance(task_spec, ExternalTask)


def throw_error_at(task, code: str, variables: dict) -> str | None:
    """Throw the BPMN error ``code`` at the external task ``task``, as if the activity threw it: the error
    boundary events attached to it catch it first, then those of each enclosing sub process or call
    activity outwards. The catching event gets ``variables`` as its payload. Answers the element id of the
    event that caught it, or None when nothing does (then nothing changed).

    SpiffWorkflow's own throw reaches every waiting error event of the workflow, a parallel branch's too;
    BPMN says only the activity's own boundary events (and its scopes') catch, so the catcher is found here.
    """
    definition = ErrorEventDefinition(code, code=code)
    event = BpmnEvent(definition, payload=deepcopy(variables))
    activity = task
    while activity is not None:
        for catcher in _attached_error_events(activity):
            if catcher.task_spec.event_definition.catches(catcher, event):
                catcher.task_spec.catch(catcher, event)
                catcher.task_spec._update(catcher)
                return catcher.task_spec.bpmn_id
        activity = _enclosing_activity(activity)
    return None


def _attached_error_events(activity) -> list:
    """The waiting error boundary events attached to ``activity``'s task."""
    parent = activity.parent
    if parent is None:
        return []
    return [
        sibling
        for sibling in parent.children
        if sibling is not activity
        and isinstance(sibling.task_spec, BoundaryEvent)
        and isinstance(sibling.task_spec.event_definition, ErrorEventDefinition)
        and sibling.state == TaskState.WAITING
    ]


def _enclosing_activity(task):
    """The sub process or call activity task whose workflow ``task`` runs in, or None at the top."""
    workflow = task.workflow
    if workflow.parent_task_id is None:
        return None
    return workflow.top_workflow.get_task_from_id(workflow.parent_task_id)
