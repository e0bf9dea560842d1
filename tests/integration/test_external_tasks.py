"""Service tasks as external tasks: an instance waits at one until a worker fetches it by topic, locks it
and completes it, fails it, or throws a BPMN error; locks expire, failures retry and run out into
incidents; every action audited with its actor. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from engine import Conflict, InvalidData, NotFound

DIAGRAM = Path(__file__).parents[1] / "fixtures" / "external_tasks" / "registry_check.bpmn"
TOPIC = "provider-register-check"
WORKER = "integrator:register-worker"
ADMIN = "admin:operator"


@pytest.fixture
def instance(engine):
    engine.deploy({"registry_check.bpmn": DIAGRAM.read_bytes()}, actor="analyst:test")
    variables = {"organisation_name": "Hoivakoti Aurinko Oy", "business_id": "0737546-2"}
    return engine.start_instance("registry_check", actor="integrator:test", variables=variables)


def fetch(engine, worker="worker-1", lock_ms=60_000, topic=TOPIC, **extra):
    return engine.fetch_and_lock(
        worker, [{"name": topic, "lock_duration_ms": lock_ms, **extra}], actor=WORKER
    )


def kinds(engine, instance_id) -> list[tuple[str, str]]:
    return [(e.kind, e.actor) for e in engine.history(instance_id) if e.kind.startswith("external_task")]


def test_the_instance_waits_at_the_service_task_until_its_worker_completes_it(engine, clock, instance):
    assert (instance.status, instance.ready_tasks) == ("running", [])
    [waiting] = engine.list_external_tasks(topic=TOPIC).items
    assert (waiting.instance_id, waiting.element_id, waiting.worker_id) == (
        instance.id,
        "Task_check_register",
        None,
    )

    [locked] = fetch(engine, variables=["business_id"])
    assert (locked.id, locked.worker_id) == (waiting.id, "worker-1")
    assert locked.lock_expires_at == clock.now() + timedelta(minutes=1)
    assert locked.variables == {"business_id": "0737546-2"}  # only what the worker asked for
    assert fetch(engine, worker="worker-2") == []  # locked: nobody else gets it

    moved = engine.complete_external_task(locked.id, "worker-1", {"registered": True}, actor=WORKER)
    assert [t.element_id for t in moved.ready_tasks] == ["Task_review"]
    assert moved.variables["registered"] is True
    assert engine.list_external_tasks().items == []
    assert kinds(engine, instance.id) == [
        ("external_task_locked", WORKER),
        ("external_task_completed", WORKER),
    ]
    with pytest.raises(NotFound):  # the task is gone
        engine.complete_external_task(locked.id, "worker-1", {}, actor=WORKER)


def test_only_the_worker_holding_the_lock_acts_and_an_expired_lock_gives_the_task_back(
    engine, clock, instance
):
    [locked] = fetch(engine, lock_ms=1_000)
    with pytest.raises(Conflict, match="another worker"):
        engine.complete_external_task(locked.id, "worker-2", {}, actor=WORKER)
    with pytest.raises(Conflict):
        engine.extend_external_task_lock(locked.id, "worker-2", 5_000, actor=WORKER)

    clock.advance(timedelta(seconds=2))
    [again] = fetch(engine, worker="worker-2")  # the lock ran out: the task is fetchable
    assert again.id == locked.id
    with pytest.raises(Conflict):
        engine.handle_external_task_failure(locked.id, "worker-1", error_message="late", actor=WORKER)
    moved = engine.complete_external_task(again.id, "worker-2", {}, actor=WORKER)
    assert [t.element_id for t in moved.ready_tasks] == ["Task_review"]


def test_a_lock_is_extended_by_its_worker_and_released_by_unlock(engine, clock, instance):
    [locked] = fetch(engine, lock_ms=1_000)
    extended = engine.extend_external_task_lock(locked.id, "worker-1", 10_000, actor=WORKER)
    assert extended.lock_expires_at == clock.now() + timedelta(seconds=10)
    clock.advance(timedelta(seconds=5))
    assert fetch(engine, worker="worker-2") == []

    released = engine.unlock_external_task(locked.id, actor=ADMIN)
    assert (released.worker_id, released.lock_expires_at) == (None, None)
    assert [t.id for t in fetch(engine, worker="worker-2")] == [locked.id]
    assert kinds(engine, instance.id)[1:] == [
        ("external_task_lock_extended", WORKER),
        ("external_task_unlocked", ADMIN),
        ("external_task_locked", WORKER),
    ]


def test_a_failure_with_retries_left_waits_out_its_timeout_then_is_fetched_again(engine, clock, instance):
    [locked] = fetch(engine)
    failed = engine.handle_external_task_failure(
        locked.id,
        "worker-1",
        error_message="register unreachable",
        error_details="timeout after 30 s",
        retries=2,
        retry_timeout_ms=60_000,
        actor=WORKER,
    )
    assert (failed.retries, failed.error_message, failed.worker_id) == (2, "register unreachable", None)
    assert fetch(engine) == []  # not before its retry timeout
    clock.advance(timedelta(minutes=1))
    [again] = fetch(engine)
    assert (again.id, again.retries, again.error_details) == (locked.id, 2, "timeout after 30 s")
    assert engine.list_incidents().items == []
    [failure] = [e for e in engine.history(instance.id) if e.kind == "external_task_failed"]
    assert (failure.actor, failure.data["worker_id"], failure.data["retries"]) == (WORKER, "worker-1", 2)


def test_a_failure_with_no_retries_left_opens_an_incident_and_a_retry_gives_the_task_back(engine, instance):
    [locked] = fetch(engine)
    engine.handle_external_task_failure(
        locked.id, "worker-1", error_message="refused", retries=0, actor=WORKER
    )
    assert fetch(engine) == []
    [incident] = engine.list_incidents(instance_id=instance.id).items
    assert (incident.element_id, incident.kind, incident.message) == (
        "Task_check_register",
        "external-task-failure",
        "refused",
    )
    assert engine.get_instance(instance.id).status == "running"  # its other paths would go on

    engine.retry_incident(incident.id, actor=ADMIN, retries=3)
    assert engine.get_incident(incident.id).resolved_by == ADMIN
    [again] = fetch(engine)
    assert (again.id, again.retries) == (locked.id, 3)
    [retried] = [e for e in engine.history(instance.id) if e.kind == "incident_retried"]
    assert (retried.actor, retried.data["retries"]) == (ADMIN, 3)


def test_failures_of_one_task_count_on_one_incident_until_it_is_retried(engine, instance):
    for _ in range(2):
        [locked] = fetch(engine)
        engine.handle_external_task_failure(locked.id, "worker-1", retries=0, actor=WORKER)
        [incident] = engine.list_incidents(instance_id=instance.id).items
        engine.retry_incident(incident.id, actor=ADMIN)
        assert fetch(engine)[0].retries == 1
        engine.unlock_external_task(locked.id, actor=ADMIN)
    assert engine.list_incidents(instance_id=instance.id, open_only=False).total == 2


def test_a_bpmn_error_is_caught_by_the_boundary_event_with_its_code(engine, instance):
    [locked] = fetch(engine)
    moved = engine.handle_external_task_bpmn_error(
        locked.id,
        "worker-1",
        "not-registered",
        error_message="no entry for 0737546-2",
        variables={"register_answer": "not found"},
        actor=WORKER,
    )
    assert [t.element_id for t in moved.ready_tasks] == ["Task_ask_to_register"]
    assert moved.variables["register_answer"] == "not found"
    assert engine.list_external_tasks().items == []
    [thrown] = [e for e in engine.history(instance.id) if e.kind == "external_task_bpmn_error"]
    assert (thrown.actor, thrown.data["caught_by"], thrown.data["error_code"]) == (
        WORKER,
        "Event_not_registered",
        "not-registered",
    )


def test_a_bpmn_error_nothing_catches_opens_an_incident_and_the_instance_waits(engine, instance):
    [locked] = fetch(engine)
    view = engine.handle_external_task_bpmn_error(locked.id, "worker-1", "register-down", actor=WORKER)
    assert (view.status, view.ready_tasks, view.variables.get("register_answer")) == ("running", [], None)
    [incident] = engine.list_incidents(instance_id=instance.id).items
    assert incident.kind == "uncaught-error" and "register-down" in incident.message
    assert fetch(engine) == []
    engine.retry_incident(incident.id, actor=ADMIN)
    assert [t.id for t in fetch(engine)] == [locked.id]


def test_the_list_filters_by_topic_lock_and_instance(engine, clock, instance):
    clock.advance(timedelta(seconds=1))
    other = engine.start_instance("registry_check", actor="integrator:test")
    [first] = engine.fetch_and_lock(
        "worker-1", [{"name": TOPIC, "lock_duration_ms": 60_000}], 1, actor=WORKER
    )
    assert first.instance_id == instance.id  # the older task first
    assert [t.instance_id for t in engine.list_external_tasks(locked=True).items] == [instance.id]
    assert [t.instance_id for t in engine.list_external_tasks(locked=False).items] == [other.id]
    assert engine.list_external_tasks(instance_id=other.id).total == 1
    assert engine.list_external_tasks(topic="another-topic").total == 0
    assert engine.get_external_task(first.id).worker_id == "worker-1"
    with pytest.raises(NotFound):
        engine.get_external_task("not-a-task")


def test_a_cancelled_instance_leaves_no_work_behind(engine, instance):
    engine.cancel_instance(instance.id, actor="integrator:test")
    assert engine.list_external_tasks().items == []
    assert fetch(engine) == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda e: e.fetch_and_lock("", [{"name": TOPIC, "lock_duration_ms": 1}], actor=WORKER),
            "/worker_id",
        ),
        (lambda e: e.fetch_and_lock("w", [], actor=WORKER), "/topics"),
        (lambda e: e.fetch_and_lock("w", [{"name": TOPIC}], actor=WORKER), "/topics/0/lock_duration_ms"),
        (
            lambda e: e.fetch_and_lock("w", [{"name": TOPIC, "lock_duration_ms": 1}], 0, actor=WORKER),
            "/max_tasks",
        ),
    ],
)
def test_refused_arguments_are_named_by_their_place(engine, call, field):
    with pytest.raises(InvalidData) as refused:
        call(engine)
    assert [e.field for e in refused.value.errors] == [field]


def test_a_failure_with_negative_retries_is_refused(engine, instance):
    [locked] = fetch(engine)
    with pytest.raises(InvalidData) as refused:
        engine.handle_external_task_failure(locked.id, "worker-1", retries=-1, actor=WORKER)
    assert [e.field for e in refused.value.errors] == ["/retries"]
