"""A message whose payload becomes the catching task's variables, as correlating a message with variables
does in Camunda; and a message thrown by a send task, a message throw event or a message end event, which
carries the thrower's variables until the engine picks from them what the message's contract declares."""

from __future__ import annotations

from copy import deepcopy

from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.camunda.specs.event_definitions import MessageEventDefinition as CamundaMessageEvent

# The key under which a thrown payload names the element that threw it (never a variable: not an identifier).
THROWN_BY = "(thrown by)"


class MessageEvent(CamundaMessageEvent):
    """A message whose payload (a JSON object) becomes task variables when it is caught.

    A message thrown inside a diagram with ``camunda:expression`` keeps Camunda's behaviour and
    lands in its result variable; without one it carries those of the thrower's variables its contract
    declares, whether an instance of its own catches it or another: a process called in the same instance
    gets from a message no more than from another instance, never the caller's other data past the
    call's In mappings.
    """

    # The properties of the message's contract, set when a definition version is loaded (see
    # ``LoadedDefinition``); None: deployed before its message had a contract, carries every variable.
    declared: frozenset | None = None

    def throw(self, my_task):
        if self.expression is not None:
            super().throw(my_task)
            return
        data = my_task.data
        if self.declared is not None:
            data = {name: value for name, value in data.items() if name in self.declared}
        payload = deepcopy(data)
        payload[THROWN_BY] = my_task.task_spec.bpmn_id
        my_task.workflow.top_workflow.catch(BpmnEvent(self, payload=payload))

    def update_internal_data(self, my_task, event):
        my_task.internal_data[self.name] = event.payload

    def update_task_data(self, my_task):
        payload = my_task.internal_data.get(self.name)
        if isinstance(payload, dict) and set(payload) == {"payload", "result_var"}:
            super().update_task_data(my_task)
        elif isinstance(payload, dict):
            my_task.set_data(**deepcopy({k: v for k, v in payload.items() if k != THROWN_BY}))


def declare_contents(specs, declared_of) -> None:
    """Give each message event of ``specs`` (a version's process specs) what its contract declares:
    ``declared_of(name)`` is the set of its payload's properties, or None when it has no contract."""
    for spec in specs:
        for task_spec in spec.task_specs.values():
            definition = getattr(task_spec, "event_definition", None)
            for event in getattr(definition, "event_definitions", [definition]):
                if isinstance(event, MessageEvent):
                    event.declared = declared_of(event.name)
