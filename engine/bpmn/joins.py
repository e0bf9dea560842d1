"""Parallel and inclusive joins that keep every branch's writes, as the process's one scope of variables does.

In Camunda a process instance's variables are one scope: what a branch writes is the value every branch
sees, and a branch that did not write a variable can not undo another's write. SpiffWorkflow gives each
branch a copy of the data and, at the join, lets the branch that arrives last overwrite the others with
its whole copy: a variable one branch changed went back to its value at the split when a branch that never
touched it arrived later. Here each arriving branch contributes only what it changed relative to the data
at the split (the tasks' common ancestor):
- a variable changed on one branch takes that branch's value;
- a variable changed on more than one branch takes the value written last (the completion time of the
  task that wrote it; at the same time, the branch that arrived later);
- a variable a branch deleted counts as a write of "no value": deleted when that was the last write, as
  removing a variable in Camunda removes it for every branch;
- what no branch changed keeps its value at the split.
Variables are compared and taken whole (a changed object replaces the object), as Camunda's are.

The specs keep SpiffWorkflow's type names (``kind`` and the serializer's typename), so specs and instances
stored before load as they were, and run on with this merge from their next join.
"""

from __future__ import annotations

from copy import deepcopy

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.specs.defaults import InclusiveGateway, ParallelGateway
from SpiffWorkflow.util.task import TaskState

_ABSENT = object()  # a variable a branch's data does not hold (deleted on it, or never set)


def merge_branches(my_task, join_spec) -> None:
    """Set the data of the join task ``my_task`` (the last arrival, about to fire) to the data at the split
    with each arriving branch's changes. Earlier arrivals at the same join in this instance's tree are the
    finished (cancelled) tasks of ``join_spec`` that are not its ancestors, as SpiffWorkflow finds them."""
    earlier = [
        task
        for task in my_task.workflow.tasks.values()
        if task.task_spec == join_spec
        and task is not my_task
        and task.has_state(TaskState.FINISHED_MASK)
        and not my_task.is_descendant_of(task)
    ]
    for task in earlier:
        # as SpiffWorkflow does: after a reset into a branch that was cancelled, the completed join's
        # descendants would otherwise stay in the tree
        if task.has_state(TaskState.COMPLETED):
            task._drop_children(force=True)
    lineage = _lineage_of_this_firing(my_task, join_spec)
    arrivals = [t for t in earlier if _meets(t, lineage) is not None] + [my_task]
    if len(arrivals) == 1:  # one branch arrived: its data is the data
        my_task.data = deepcopy(my_task.parent.data)
        return
    split = min((_meets(t, lineage) for t in arrivals), key=lambda t: t.depth)
    # arrival order: SpiffWorkflow's (when each arrival last changed state), the current one last
    arrivals = [*sorted(arrivals[:-1], key=lambda t: t.last_state_change), my_task]
    base = split.data
    names = set(base)
    for arrival in arrivals:
        names |= set(arrival.parent.data)
    merged = {}
    for name in names:
        before = base.get(name, _ABSENT)
        latest = None  # (when written, arrival order, value)
        for order, arrival in enumerate(arrivals):
            value = arrival.parent.data.get(name, _ABSENT)
            if _same(value, before):
                continue
            written = (_written_at(arrival.parent, split, name, value), order, value)
            if latest is None or written[:2] > latest[:2]:
                latest = written
        value = before if latest is None else latest[2]
        if value is not _ABSENT:
            merged[name] = value
    # a copy of its own: the branches' tasks keep their data as it was, whatever runs after the join
    my_task.data = deepcopy(merged)


def _lineage_of_this_firing(my_task, join_spec) -> dict:
    """The ancestors of ``my_task`` (by id) up to and including the join's previous firing on its path, if
    any: an earlier arrival whose branch left the path above that firing arrived at an earlier firing (the
    join in a loop) and brought nothing to this one."""
    lineage = {}
    task = my_task.parent
    while task is not None:
        lineage[task.id] = task
        if task.task_spec == join_spec:
            break
        task = task.parent
    return lineage


def _meets(arrival, lineage: dict):
    """Where ``arrival``'s branch left the path of the firing join: its nearest ancestor in ``lineage``."""
    task = arrival.parent
    while task is not None:
        if task.id in lineage:
            return task
        task = task.parent
    return None


def _written_at(last, split, name: str, value) -> float:
    """When a branch wrote ``value`` to ``name``: the completion time of the first task on the branch
    (walking up from its last task ``last`` towards the ``split``) from which on it held that value."""
    writer = last
    task = last.parent
    while task is not None and task is not split and _same(task.data.get(name, _ABSENT), value):
        writer = task
        task = task.parent
    return writer.last_state_change


def _same(one, other) -> bool:
    if one is _ABSENT or other is _ABSENT:
        return one is other
    try:
        return bool(one == other)
    except Exception:  # a value whose comparison fails is taken as changed
        return False


class BranchMergingParallelGateway(ParallelGateway):
    kind = "ParallelGateway"  # the audit trail names the element's kind as before

    def _check_threshold_unstructured(self, my_task):
        """Whether a token has arrived on every incoming flow, counting only this firing's arrivals.

        SpiffWorkflow's own check (3.2) counted the cancelled arrivals of an earlier firing too: in a loop
        back before the split, the join fired in the second round as soon as one branch arrived, the other
        branch's first-round arrival standing in for it."""
        lineage = _lineage_of_this_firing(my_task, self)
        waiting_inputs = set(self.inputs)

        def remove_ancestor(task):
            # the input spec this task came through (as SpiffWorkflow traces it)
            if task.task_spec in waiting_inputs:
                waiting_inputs.remove(task.task_spec)
            elif task.parent is not None:
                remove_ancestor(task.parent)

        # Every waiting join is checked after every completion, so each walk counts. One walk up from this
        # task names its ancestors; then one walk up from each task of the join finds where it meets them,
        # which answers the three questions below that used to walk each to the root (and this task to the
        # root again for each): whether it is below this task, above it, and where it meets the lineage.
        ancestors = set()
        above = my_task.parent
        while above is not None:
            ancestors.add(above.id)
            above = above.parent
        # This workflow's own tasks of the join, read from its table of tasks, not by SpiffWorkflow's walk of
        # the whole tree. The walk also went into subprocesses, whose tasks of a same-named element are never
        # on this join's lineage: skipped below.
        name = self.name
        for task in [t for t in my_task.workflow.tasks.values() if t.task_spec.name == name]:
            meeting = task.parent  # the first of: this task, one of its ancestors, the root's parent (None)
            while meeting is not None and meeting is not my_task and meeting.id not in ancestors:
                meeting = meeting.parent
            if meeting is my_task:  # task.is_descendant_of(my_task)
                remove_ancestor(task)  # SpiffWorkflow's first-iteration case, kept as it was
            elif task.id in ancestors:  # my_task.is_descendant_of(task)
                continue  # a firing of an earlier iteration on my own path
            elif task is not my_task and (meeting is None or meeting.id not in lineage):
                # _meets(task, lineage) is None: the lineage is a run of my nearest ancestors, so the
                # nearest one the task's branch meets is in it, or none is
                continue  # an arrival at an earlier firing, off my path
            elif task.parent.state == TaskState.COMPLETED and task.parent.task_spec in waiting_inputs:
                waiting_inputs.remove(task.parent.task_spec)
        return len(waiting_inputs) == 0

    def _run_hook(self, my_task):
        merge_branches(my_task, self)
        return True


class BranchMergingInclusiveGateway(InclusiveGateway):
    kind = "InclusiveGateway"

    def _run_hook(self, my_task):
        merge_branches(my_task, self)
        # the rest of SpiffWorkflow's inclusive gateway (3.2): the outgoing flows whose conditions hold
        return _choose_outputs(self, my_task)


def _choose_outputs(spec, my_task) -> bool:
    matches, defaults = spec._get_matching_outputs(my_task)
    if len(matches + defaults) == 0:
        raise WorkflowTaskException("No conditions satisfied on gateway", task=my_task)
    my_task._sync_children(matches or defaults, TaskState.FUTURE)
    for child in my_task.children:
        child.task_spec._predict(child, mask=TaskState.FUTURE | TaskState.PREDICTED_MASK)
    return True
