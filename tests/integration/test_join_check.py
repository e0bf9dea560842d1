"""A parallel join's check for arrivals answers as it did when it walked the whole tree and each task to the
root: for every task of every parallel join after every step of every process of the catalogue and of the
fixtures, along the seeded random paths of ``test_run_standing``; and at every check the engine makes on
the way of a join in a loop (``test_join_data``), where earlier firings and arrivals are in the tree."""

from __future__ import annotations

import random

import pytest
from SpiffWorkflow.util.task import TaskState

from engine.bpmn import Run
from engine.bpmn.joins import BranchMergingParallelGateway, _lineage_of_this_firing, _meets
from engine.limits import Limits
from tests.conftest import engine_per_module
from tests.integration import test_join_data
from tests.unit.test_run_standing import SCRIPTS, SERIALIZER, _answers, _definition, _move_on, _processes


def _walking_check(spec, my_task) -> bool:
    """The check as it was: SpiffWorkflow's walk of the tree for the join's tasks, each walked to the root."""
    lineage = _lineage_of_this_firing(my_task, spec)
    waiting_inputs = set(spec.inputs)

    def remove_ancestor(task):
        if task.task_spec in waiting_inputs:
            waiting_inputs.remove(task.task_spec)
        elif task.parent is not None:
            remove_ancestor(task.parent)

    for task in my_task.workflow.get_tasks(spec_name=spec.name):
        if task.is_descendant_of(my_task):
            remove_ancestor(task)
        elif my_task.is_descendant_of(task):
            continue  # a firing of an earlier iteration on my own path
        elif task is not my_task and _meets(task, lineage) is None:
            continue  # an arrival at an earlier firing, off my path
        elif task.parent.state == TaskState.COMPLETED and task.parent.task_spec in waiting_inputs:
            waiting_inputs.remove(task.parent.task_spec)
    return len(waiting_inputs) == 0


clock, engine = engine_per_module("join-check")


def _workflows(top):
    return [top, *top.subprocesses.values()]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("folder", "key"), _processes(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_parallel_joins_check_answers_as_the_walks_did(folder, key, seed):
    chance = random.Random(f"{key}-{seed}")
    definition = _definition(folder, key)
    run = Run.start(definition, SCRIPTS, _answers(chance, definition), Limits())
    for _ in range(30):
        run.step()
        if run.failure is not None:
            break
        for workflow in _workflows(run.workflow):
            for task in list(workflow.tasks.values()):
                if isinstance(task.task_spec, BranchMergingParallelGateway):
                    expected = _walking_check(task.task_spec, task)
                    assert task.task_spec._check_threshold_unstructured(task) == expected, task
        if run.dump(SERIALIZER) is None:
            break
        run = Run(run.workflow, definition, Limits(), run.standing_now())
        if run.workflow.is_completed() or not _move_on(chance, run, definition):
            break


def test_every_check_on_the_way_of_a_join_in_a_loop_answers_as_the_walks_did(engine, clock, monkeypatch):
    answers = []
    own = BranchMergingParallelGateway._check_threshold_unstructured

    def compared(spec, my_task):
        answer = own(spec, my_task)
        assert answer == _walking_check(spec, my_task), my_task
        answers.append(answer)
        return answer

    monkeypatch.setattr(BranchMergingParallelGateway, "_check_threshold_unstructured", compared)
    test_join_data.test_a_join_in_a_loop_takes_each_round_from_its_own_split(engine, clock)
    assert True in answers and False in answers  # the join waited, and fired
