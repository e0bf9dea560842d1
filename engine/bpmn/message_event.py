"""A message whose payload becomes the catching task's variables, as correlating a message with variables
does in Camunda."""

from __future__ import annotations

from copy import deepcopy

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
