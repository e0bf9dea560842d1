"""A parallel multi-instance activity makes one task per item at once: more than the engine's task limit is
refused before any is made (a cardinality of 100,000 would otherwise hold a worker while it builds them).
The limit travels with the workflow's script engine, which every run of ours sets."""

from __future__ import annotations

from collections.abc import Sized

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import ParallelMultiInstanceTask

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


def install() -> None:
    ParallelMultiInstanceTask.create_children = _bounded_create_children
