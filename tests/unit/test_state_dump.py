"""The state the engine stores for an instance is, byte for byte, what SpiffWorkflow's own converters make of
it (without the spec): the engine makes each task's dict with the ids' texts read from a cache and one lookup
of its parent. Checked after every step of every process of the catalogue and of the fixtures, along the
seeded random paths of ``test_run_standing``."""

from __future__ import annotations

import random
import uuid

import pytest
from SpiffWorkflow.bpmn.serializer.default.workflow import TaskConverter
from SpiffWorkflow.bpmn.serializer.helpers.bpmn_converter import BpmnConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.task import Task

from engine.bpmn import Run
from engine.bpmn.serializer import _CONFIG, _id_text, _InstanceStateConverter, _registry
from engine.limits import Limits
from tests.unit.test_run_standing import SCRIPTS, SERIALIZER, _answers, _definition, _move_on, _processes


class _SpiffWorkflowsOwnState(_InstanceStateConverter):
    mapping_to_dict = BpmnConverter.mapping_to_dict  # str() of every key, as SpiffWorkflow makes it


def _spiffworkflows_own() -> BpmnWorkflowSerializer:
    return BpmnWorkflowSerializer(
        _registry({**_CONFIG, BpmnWorkflow: _SpiffWorkflowsOwnState, Task: TaskConverter})
    )


OWN = _spiffworkflows_own()


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(("folder", "key"), _processes(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_stored_state_is_spiffworkflows_own_dump(folder, key, seed):
    chance = random.Random(f"{key}-{seed}")
    definition = _definition(folder, key)
    run = Run.start(definition, SCRIPTS, _answers(chance, definition), Limits())
    compared = 0
    for _ in range(30):
        run.step()
        if run.failure is not None:
            break
        state = run.dump(SERIALIZER)
        if state is None:
            break
        assert state == OWN.serialize_json(run.workflow)
        compared += 1
        run = Run(run.workflow, definition, Limits(), run.standing_now())
        if run.workflow.is_completed() or not _move_on(chance, run, definition):
            break
    assert compared > 0


def test_an_ids_text_is_its_own_whatever_was_read_before():
    ids = [uuid.uuid4() for _ in range(3)]
    for task_id in ids + ids:
        assert _id_text(task_id) == str(task_id)
    # an equal id made anew (as a state restored from its text makes them) reads the same text
    assert _id_text(uuid.UUID(str(ids[0]))) == str(ids[0])
