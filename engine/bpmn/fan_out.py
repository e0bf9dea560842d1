"""A parallel multi-instance activity makes one task per item at once: more than the engine's task limit is
refused before any is made (a cardinality of 100,000 would otherwise hold a worker while it builds them).
The limit travels with the workflow's script engine, which every run of ours sets.

A multi-instance activity with a ``camunda:collection`` and no cardinality runs once per item of the
collection. SpiffWorkflow's Camunda task spec says so when it comes up, but a stored spec comes back as
BPMN's own multi-instance task, which would evaluate the missing cardinality; so the same reading is made
here, for both kinds."""

from __future__ import annotations

from collections.abc import Sized

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.specs.data_spec import TaskDataReference
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import (
    ParallelMultiInstanceTask,
    SequentialMultiInstanceTask,
)

_create_children = ParallelMultiInstanceTask.create_children


def _bounded_create_children(self, my_task):
    limit = getattr(my_task.workflow.script_engine, "task_limit", None)
    if limit is not None:
        if self.data_input is not None:
            items = self.data_input.get(my_task)
            count = len(items) if isinstance(items, Sized) else 0
        else:
            count = my_task.workflow.script_engine.evaluate(my_task, self.cardinality)
        if isinstance(count, int) and count > limit:
            raise WorkflowTaskException(
                f"{count} instances of it would be more than {limit} tasks", task=my_task
            )
    return _create_children(self, my_task)


def _once_per_item(update_hook):
    def update(self, my_task):
        if self.cardinality is None and self.data_input is None and self.data_output is not None:
            self.data_input = TaskDataReference(self.data_output.bpmn_id)
            if self.output_item is not None:
                self.input_item = TaskDataReference(self.output_item.bpmn_id)
        return update_hook(self, my_task)

    update.once_per_item = True
    return update


def install() -> None:
    """Idempotent."""
    ParallelMultiInstanceTask.create_children = _bounded_create_children
    for kind in (ParallelMultiInstanceTask, SequentialMultiInstanceTask):
        if not getattr(kind.__dict__["_update_hook"], "once_per_item", False):
            kind._update_hook = _once_per_item(kind.__dict__["_update_hook"])
