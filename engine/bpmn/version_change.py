"""Comparing two versions of a definition, and moving a running workflow from one to the other.

SpiffWorkflow's diff utilities align the elements of two specs (by id first, then by their place in the
flow) and move a workflow's tasks to the aligned specs; what waits (ready tasks, waiting events) is reset
and predicted again on the new version. Three things are the engine's own:
- an element where the instance waits that the new version does not have can only be moved by an explicit
  mapping (old id → new id), as a Camunda migration plan says; without one the instance is refused, never
  guessed;
- the past keeps no removed element: a completed task of an element the new version dropped is taken out
  of the task tree (its children join its parent), since the new spec can not hold it. The audit trail
  still says it ran;
- a waiting timer keeps its due time when its own definition did not change (a reset would start it
  again from the moment of migration).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.util.diff import SpecDiff, WorkflowDiff, migrate_workflow
from SpiffWorkflow.util.task import TaskState

from .workflow import _ARRIVED_BEFORE, LoadedDefinition, Run, _event_definitions

WAITING = TaskState.READY | TaskState.WAITING | TaskState.STARTED
PAST = TaskState.COMPLETED | TaskState.CANCELLED


@dataclass(frozen=True)
class ProcessChanges:
    """How one process (the definition's own, or one it calls or holds) changed between two versions."""

    process_key: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # element id → what changed in it
    moved_to: dict[str, str] = field(default_factory=dict)  # element id → the id it has in the new version
    dropped: bool = False  # the new version does not have this process at all


class MigrationRefused(Exception):
    """The instance can not move to the new version; ``reasons`` say why, one per element."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class _SpecDiffs:
    """SpiffWorkflow's comparison of two specs, kept per pair: a batch moves hundreds of instances between
    the same two versions, and the comparison (aligning every element, serializing each pair to compare
    them) is most of a move. Versions never change and their specs are cached for good (``Definitions``),
    so a pair's comparison holds while both are in use; the least recently used pairs are let go."""

    KEPT = 64

    def __init__(self):
        self._diffs: OrderedDict[tuple[int, int], tuple[object, object, SpecDiff]] = OrderedDict()
        self._lock = threading.Lock()

    def between(self, registry, old_spec, new_spec) -> SpecDiff:
        """A copy of the pair's comparison whose alignment a mapping may change (``_apply_mapping``)."""
        key = (id(old_spec), id(new_spec))
        with self._lock:
            kept = self._diffs.get(key)
            if kept is not None and kept[0] is old_spec and kept[1] is new_spec:
                self._diffs.move_to_end(key)
                diff = kept[2]
            else:
                diff = None
        if diff is None:
            diff = SpecDiff(registry, old_spec, new_spec)
            with self._lock:
                self._diffs[key] = (old_spec, new_spec, diff)  # the specs kept, so their ids stay theirs
                while len(self._diffs) > self.KEPT:
                    self._diffs.popitem(last=False)
        fresh = copy.copy(diff)
        fresh.alignment, fresh.added = dict(diff.alignment), list(diff.added)
        return fresh


_spec_diffs = _SpecDiffs()


def compare(serializer, old: LoadedDefinition, new: LoadedDefinition) -> list[ProcessChanges]:
    """The changes of the definition's process and of every process it calls or holds, old to new."""
    registry = serializer.spec_registry
    changes = [_process_changes(_spec_diffs.between(registry, old.spec, new.spec), old.spec.name)]
    for name, spec in sorted(old.subprocess_specs.items()):
        if name in new.subprocess_specs:
            diff = _spec_diffs.between(registry, spec, new.subprocess_specs[name])
            changes.append(_process_changes(diff, name))
        else:
            changes.append(ProcessChanges(name, removed=sorted(_elements(spec)), dropped=True))
    for name, spec in sorted(new.subprocess_specs.items()):
        if name not in old.subprocess_specs:
            changes.append(ProcessChanges(name, added=sorted(_elements(spec))))
    return changes


def mapping_targets(new: LoadedDefinition) -> set[str]:
    """Every element id a mapping may name in the new version."""
    ids = set(_elements(new.spec))
    for spec in new.subprocess_specs.values():
        ids |= set(_elements(spec))
    return ids


def waiting_elements(run: Run) -> list[str]:
    """The elements where the instance stands: ready or started tasks and waiting events, callees too."""
    workflows = [run.workflow, *run.workflow.subprocesses.values()]
    return sorted(
        {
            task.task_spec.bpmn_id
            for workflow in workflows
            for task in workflow.get_tasks(state=WAITING, skip_subprocesses=True)
            if task.task_spec.bpmn_id is not None
        }
    )


def move(run: Run, new: LoadedDefinition, mapping: dict[str, str], serializer) -> None:
    """Move ``run``'s workflow to the ``new`` version in place, or raise MigrationRefused (nothing moved)."""
    registry = serializer.spec_registry
    workflow = run.workflow
    moves = [(workflow, new.spec, _spec_diffs.between(registry, workflow.spec, new.spec))]
    reasons = []
    for subworkflow in workflow.subprocesses.values():
        name = subworkflow.spec.name
        target = new.subprocess_specs.get(name)
        if target is None:
            reasons.append(f'the instance is inside process "{name}", which version {new.version} drops')
            continue
        moves.append((subworkflow, target, _spec_diffs.between(registry, subworkflow.spec, target)))
    for spec_diff_workflow, target, spec_diff in moves:
        reasons += _apply_mapping(spec_diff_workflow, target, spec_diff, mapping)
    if reasons:
        raise MigrationRefused(reasons)

    kept_waits = _waits_to_keep(moves, registry)
    workflow.subprocess_specs = new.subprocess_specs
    for moved, target, spec_diff in moves:
        _forget_removed_past(moved, spec_diff)
        migrate_workflow(WorkflowDiff(moved, spec_diff), moved, target)
    for moved, _target, _diff in moves:
        for task_id, internal in kept_waits.items():
            task = moved.tasks.get(task_id)
            if task is not None and task.state == TaskState.WAITING:
                task.internal_data.update(internal)
    run.definition = new


def _apply_mapping(workflow, target, spec_diff: SpecDiff, mapping: dict[str, str]) -> list[str]:
    """Align the elements the mapping names; answers why the instance can not move, per waiting element."""
    by_id = {spec.bpmn_id: spec for spec in spec_diff.alignment if spec.bpmn_id is not None}
    new_by_id = {spec.bpmn_id: spec for spec in target.task_specs.values() if spec.bpmn_id is not None}
    for old_id, new_id in mapping.items():
        if old_id in by_id and new_id in new_by_id:
            spec_diff.alignment[by_id[old_id]] = new_by_id[new_id]
            if new_by_id[new_id] in spec_diff.added:
                spec_diff.added.remove(new_by_id[new_id])
    reasons = []
    for task in workflow.get_tasks(state=WAITING, skip_subprocesses=True):
        spec = task.task_spec
        if spec.bpmn_id is None:
            continue
        aligned = spec_diff.alignment.get(spec)
        if aligned is None:
            reasons.append(
                f'it waits at "{spec.bpmn_id}", which the new version does not have: map it to an element '
                f"of the new version ({spec.bpmn_id}=NEW_ID)"
            )
        elif aligned.bpmn_id != spec.bpmn_id and mapping.get(spec.bpmn_id) != aligned.bpmn_id:
            # SpiffWorkflow matched it by its place in the flow: a renamed element, or another task drawn
            # where it was. Where a person or a message waits, only the operator may say which.
            reasons.append(
                f'it waits at "{spec.bpmn_id}", which the new version does not have ("{aligned.bpmn_id}" '
                f"stands in its place): map it to an element of the new version ({spec.bpmn_id}=NEW_ID)"
            )
    return sorted(set(reasons))


def _waits_to_keep(moves, registry) -> dict:
    """What SpiffWorkflow's move resets of a wait and the new version would keep: the internal data of each
    waiting timer whose definition is the same in the new version (its due time), and of each waiting join
    the branches that arrived before it (else a join that fires after the move names only its last one)."""
    kept = {}
    for workflow, _target, spec_diff in moves:
        for task in workflow.get_tasks(state=TaskState.WAITING, skip_subprocesses=True):
            spec = task.task_spec
            if len(spec.inputs) > 1 and _ARRIVED_BEFORE in task.internal_data:
                kept[task.id] = {_ARRIVED_BEFORE: copy.deepcopy(task.internal_data[_ARRIVED_BEFORE])}
                continue
            definitions = _event_definitions(getattr(spec, "event_definition", None))
            if not any(isinstance(d, TimerEventDefinition) for d in definitions):
                continue
            aligned = spec_diff.alignment.get(spec)
            if aligned is not None and _same_event(registry, spec, aligned):
                kept[task.id] = copy.deepcopy(task.internal_data)
    return kept


def _same_event(registry, spec, aligned) -> bool:
    return registry.convert(spec).get("event_definition") == registry.convert(aligned).get("event_definition")


def _forget_removed_past(workflow, spec_diff: SpecDiff) -> None:
    """Take the finished tasks of removed elements out of the tree, their children joining their parent."""
    removed = set(spec_diff.removed)
    for task in list(workflow.get_tasks(state=PAST, skip_subprocesses=True)):
        if task.task_spec not in removed or task.parent is None:
            continue
        parent = task.parent
        at = parent._children.index(task.id)
        parent._children[at : at + 1] = task._children
        for child in task.children:
            child._parent = parent.id
        del workflow.tasks[task.id]


def _process_changes(spec_diff: SpecDiff, process_key: str) -> ProcessChanges:
    changed = {
        spec.bpmn_id: sorted(attributes)
        for spec, attributes in spec_diff.changed.items()
        if spec.bpmn_id is not None and spec_diff.alignment.get(spec) is not None
    }
    moved_to = {
        spec.bpmn_id: aligned.bpmn_id
        for spec, aligned in spec_diff.alignment.items()
        if spec.bpmn_id is not None and aligned is not None and aligned.bpmn_id != spec.bpmn_id
    }
    return ProcessChanges(
        process_key,
        added=sorted(s.bpmn_id for s in spec_diff.added if s.bpmn_id is not None),
        removed=sorted(s.bpmn_id for s in spec_diff.removed if s.bpmn_id is not None),
        changed=dict(sorted(changed.items())),
        moved_to=moved_to,
    )


def _elements(spec) -> list[str]:
    return [s.bpmn_id for s in spec.task_specs.values() if s.bpmn_id is not None]
