"""A run's standing and whether its workflow ended, read from the walk its answer makes, tell the same as
SpiffWorkflow's own walks: the next run on a kept workflow starts from that standing instead of walking
the tree again; so do the arrivals at each join, read once from that walk for every join rather than by a
walk of the join's workflow at every write. Checked after every step of every process of the catalogue
and of the fixtures, along paths that complete the ready human tasks in a seeded random order with seeded
random answers."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from SpiffWorkflow.util.task import TaskState

from engine.bpmn import LoadedDefinition, RestrictedScriptEngine, Run, Serializer
from engine.bpmn.workflow import _ARRIVED_BEFORE, Standing, _flow_node_before, _join_key
from engine.catalogue import build, read_folder
from engine.limits import Limits
from tests.conftest import PROCESSES

CATALOGUE = Path(__file__).resolve().parents[2] / "processes"
SERIALIZER = Serializer()
SCRIPTS = RestrictedScriptEngine(timeout_seconds=2)


@cache
def _built(folder: Path) -> dict:
    return build(read_folder(folder), SERIALIZER)


def _definition(folder: Path, key: str) -> LoadedDefinition:
    built = _built(folder)[key]
    spec, subprocess_specs = SERIALIZER.load_spec(built.spec)
    return LoadedDefinition(1, 1, spec, subprocess_specs, built.forms)


def _processes():
    return [(folder, key) for folder in (CATALOGUE, PROCESSES) for key in sorted(_built(folder))]


def _walked(run: Run) -> Standing:
    """The standing as a run used to read it before it acted: a walk for those states of its own."""
    return Standing.of(
        run.workflow.get_tasks(state=TaskState.COMPLETED | TaskState.CANCELLED | TaskState.READY)
    )


def _fields(schema) -> dict:
    """Every field of the forms and message contracts, by name, with its schema."""
    found = {}
    if isinstance(schema, dict):
        for name, field in (schema.get("properties") or {}).items():
            if isinstance(field, dict):
                found[name] = field
        for value in schema.values():
            found.update(_fields(value))
    elif isinstance(schema, list):
        for value in schema:
            found.update(_fields(value))
    return found


def _value(chance: random.Random, field: dict):
    if "enum" in field:
        return chance.choice(field["enum"])
    kind = field.get("type")
    if kind == "boolean":
        return chance.random() < 0.7  # mostly yes: paths go forward more often than back
    if kind in ("integer", "number"):
        return chance.choice([0, 1, 2])
    if kind == "array":
        return []
    if field.get("format") == "date":
        return "2026-03-02"
    return "x"


def _answers(chance: random.Random, definition: LoadedDefinition) -> dict:
    """A value for every field the definition's forms and contracts know: its conditions find theirs."""
    return {name: _value(chance, field) for name, field in sorted(_fields(definition.forms).items())}


def _deliver_awaited(chance: random.Random, run: Run, definition: LoadedDefinition) -> bool:
    """Deliver one message the instance waits for, with answers as payload; whether there was one."""
    names = sorted(
        {
            getattr(task.task_spec.event_definition, "name", None)
            for task in run.workflow.event_manager.tasks.values()
        }
        - {None}
    )
    if not names:
        return False
    return run.deliver(chance.choice(names), _answers(chance, definition))


def _move_on(chance, run: Run, definition) -> bool:
    """One step of a random walk: a ready task completed with random answers (mostly), or a message it
    awaits delivered; False when it can do neither."""
    ready = [t for t in run.workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
    if ready and (chance.random() < 0.8 or not _deliver_awaited(chance, run, definition)):
        task = chance.choice(ready)
        task.set_data(**_answers(chance, definition))
        task.run()
        return True
    return bool(ready) or _deliver_awaited(chance, run, definition)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("folder", "key"), _processes(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_runs_standing_and_end_are_those_its_own_walks_find(folder, key, seed):
    chance = random.Random(f"{key}-{seed}")
    definition = _definition(folder, key)
    run = Run.start(definition, SCRIPTS, _answers(chance, definition), Limits())
    checked = 0
    for _ in range(30):
        run.step()
        if run.failure is not None:
            break
        state = run.dump(SERIALIZER)
        if state is None:
            break
        ended = SERIALIZER.load_state(state, definition.spec, definition.subprocess_specs).is_completed()
        assert run._completed == ended
        standing = run.standing_now()
        assert standing == _walked(run)
        checked += 1
        # the next run on the kept workflow starts from it, as on a workflow restored from its state
        restored = Run.restore(definition, state, SERIALIZER, SCRIPTS, Limits())
        run = Run(run.workflow, definition, Limits(), standing)
        assert run._completed_before == restored._completed_before
        assert run.external_before == restored.external_before
        if ended or not _move_on(chance, run, definition):
            break
    assert checked > 0


def _arrivals_walked(run: Run, join) -> list[str | None]:
    """Where the branches came from that waited at ``join``'s gateway, as a walk of its own (sub)workflow
    for the waits this unit of work cancelled there finds them (what a run read at every write before)."""
    arrived = []
    for waiting in join.workflow.get_tasks(spec_name=join.task_spec.name, state=TaskState.CANCELLED):
        if waiting.id not in run._cancelled_before and waiting.parent.state == TaskState.COMPLETED:
            arrived.append(_flow_node_before(waiting))
            arrived += waiting.internal_data.get(_ARRIVED_BEFORE, [])
    return arrived


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("folder", "key"), _processes(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_arrivals_at_each_join_are_those_a_walk_of_its_workflow_finds(folder, key, seed):
    chance = random.Random(f"{key}-{seed}")
    definition = _definition(folder, key)
    run = Run.start(definition, SCRIPTS, _answers(chance, definition), Limits())
    for _ in range(30):
        run.step()
        if run.failure is not None:
            break
        joins = [
            task
            for task in run._tasks_now
            if len(task.task_spec.inputs) > 1 and task.state in (TaskState.WAITING, TaskState.COMPLETED)
        ]
        for join in joins:
            assert sorted(run._join_arrivals.get(_join_key(join), []), key=str) == sorted(
                _arrivals_walked(run, join), key=str
            ), join.task_spec.bpmn_id
        state = run.dump(SERIALIZER)
        if state is None:
            break
        run = Run(run.workflow, definition, Limits(), run.standing_now())
        if run.workflow.is_completed() or not _move_on(chance, run, definition):
            break
