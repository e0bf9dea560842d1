"""What a worker's topic and an operator's list filter external tasks by, in the engine's own words, on
SQLite and on PostgreSQL (where the variables' filter runs in the claim's query, beside its row locks)."""

from __future__ import annotations

import uuid

import pytest

from engine import Forbidden, InvalidData, NotFound

from .test_external_tasks import DIAGRAM, TOPIC, WORKER

ADMIN = "admin:operator"


@pytest.fixture
def two(engine):
    """Two instances at the registry check: (one holding business_id 0737546-2, one 7654321-7 and urgent)."""
    engine.deploy({"registry_check.bpmn": DIAGRAM.read_bytes()}, actor="analyst:test")
    start = engine.start_instance
    first = start("registry_check", actor=WORKER, variables={"business_id": "0737546-2"})
    second = start("registry_check", actor=WORKER, variables={"business_id": "7654321-7", "urgent": True})
    return first.id, second.id


def fetch(engine, **topic):
    locked = engine.fetch_and_lock(
        "worker-1", [{"name": TOPIC, "lock_duration_ms": 60_000, **topic}], actor=WORKER
    )
    return [t.instance_id for t in locked]


def test_a_topic_fetches_the_instances_holding_its_values_of_its_definitions(engine, two):
    first, second = two
    assert fetch(engine, holding={"business_id": "1111111-1"}) == []
    assert fetch(engine, holding={"urgent": "true"}) == []  # text is not the boolean
    assert fetch(engine, definitions=[("registry_check", 2)]) == []
    assert fetch(engine, holding={"urgent": True}, definitions=[("registry_check", 1)]) == [second]
    assert fetch(engine, holding={"business_id": "0737546-2"}, local_only=True) == [first]
    [task] = engine.list_external_tasks(instance_id=first).items
    assert engine.get_external_task(task.id).worker_id == "worker-1"
    with pytest.raises(InvalidData):
        fetch(engine, holding={"business_id": {"nested": 1}})


def test_the_list_filters_by_ids_elements_retries_and_definition(engine, two):
    first, second = two
    tasks = {t.instance_id: t for t in engine.list_external_tasks().items}
    assert {t.instance_id for t in engine.list_external_tasks(instance_id=[first, second]).items} == {
        first,
        second,
    }
    assert [t.id for t in engine.list_external_tasks(task_ids=[tasks[first].id, "not-an-id"]).items] == [
        tasks[first].id
    ]
    assert engine.list_external_tasks(element_ids=["Task_other"]).items == []
    assert engine.list_external_tasks(definition=("registry_check", 2)).items == []

    engine.set_external_task_retries([tasks[second].id], 0, actor=WORKER)
    assert [t.instance_id for t in engine.list_external_tasks(retries_left=False).items] == [second]
    assert [t.instance_id for t in engine.list_external_tasks(retries_left=True).items] == [first]
    assert fetch(engine) == [first]  # held back by its incident
    with pytest.raises(Forbidden):  # giving retries back resolves the incident: an admin's repair
        engine.set_external_task_retries([tasks[second].id], 2, actor=WORKER)
    engine.set_external_task_retries([tasks[second].id], 2, actor=ADMIN, may_resolve_incidents=True)
    assert engine.list_incidents(instance_id=second, open_only=True).items == []
    with pytest.raises(NotFound):
        engine.set_external_task_retries([tasks[first].id, str(uuid.uuid4())], 1, actor=WORKER)
    assert engine.get_external_task(tasks[first].id).retries is None  # all or none
