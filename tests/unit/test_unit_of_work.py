"""The unit of work without a database: retries on a stale revision, status changes, audit events and
projections, over an in-memory store and real SpiffWorkflow runs of the fixture diagrams."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest

from engine.audit import Change
from engine.bpmn import LoadedDefinition, RestrictedScriptEngine, Run, Serializer
from engine.catalogue import build, read_folder
from engine.clock import ManualClock, clock_in_use
from engine.limits import Limits
from engine.problems import Conflict, ScriptFailure
from engine.store.queries import InstanceRecord
from engine.unit_of_work import CONFLICT_RETRIES, act_on_instance, write_run
from engine.vocabulary import AuditKind, InstanceStatus
from tests.conftest import PROCESSES
from tests.unit.fake_store import FakeStore, FakeUnitOfWork

ACTOR = "integrator:test"
SERIALIZER = Serializer()
SCRIPTS = RestrictedScriptEngine(timeout_seconds=1)
APPLICATION = {"system_name": "Ajas", "access_point_oid": "1.2.246.1"}


@cache
def _definition(key: str) -> LoadedDefinition:
    built = build(read_folder(PROCESSES), SERIALIZER)[key]
    spec, subprocess_specs = SERIALIZER.load_spec(built.spec)
    return LoadedDefinition(1, 1, spec, subprocess_specs, built.forms)


class World:
    """A fake store, a clock, and the three callables ``act_on_instance`` is given."""

    def __init__(self):
        self.store = FakeStore()
        self.clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
        self.actions = 0

    def unit(self):
        return FakeUnitOfWork(self.store)

    def start(self, key: str, variables=None) -> str:
        with clock_in_use(self.clock), self.unit() as unit:
            run = Run.start(_definition(key), SCRIPTS, variables or {}, Limits())
            run.step()
            now = self.clock.now()
            record = InstanceRecord(
                str(uuid.uuid4()),
                1,
                key,
                "1234567-1",
                InstanceStatus.RUNNING,
                "",
                {},
                None,
                None,
                now,
                ACTOR,
                now,
            )
            change = Change(AuditKind.INSTANCE_STARTED)
            write_run(unit.store, record, run, ACTOR, change, [], run.dump(SERIALIZER))
            unit.commit()
        return record.id

    def act(self, instance_id: str, action):
        def counted(run):
            self.actions += 1
            return action(run)

        def restore(store, record):
            return Run.restore(_definition(record.process_key), record.state, SERIALIZER, SCRIPTS, Limits())

        with clock_in_use(self.clock):
            return act_on_instance(
                self.unit, restore, instance_id, counted, ACTOR, lambda run: run.dump(SERIALIZER)
            )

    def complete(self, instance_id: str, element_id: str, data: dict):
        [task] = [t for t in self.store.ready_tasks(instance_id) if t.element_id == element_id]

        def completing(run):
            run.complete(task.id, data, lambda form_key, name: None)
            return Change(AuditKind.TASK_COMPLETED, element_id, task.id, data)

        return self.act(instance_id, completing)

    def ready(self, instance_id: str) -> list[str]:
        return sorted(t.element_id for t in self.store.ready_tasks(instance_id))

    def kinds(self) -> list[str]:
        return [row["kind"] for row in self.store.audit if row["kind"] != AuditKind.ELEMENT_COMPLETED]


@pytest.fixture
def world():
    return World()


def test_an_instance_is_completed_with_its_last_task_and_the_trail_says_so_once(world):
    instance_id = world.start("simple_onboarding")
    assert world.ready(instance_id) == ["Task_fill_customer_data"]
    world.complete(instance_id, "Task_fill_customer_data", {"business_id": "0737546-2", "name": "Aurinko Oy"})
    assert world.ready(instance_id) == ["Task_approve"]
    record, definition, projections = world.complete(instance_id, "Task_approve", {"approved": True})
    assert (record.status, definition.version, projections.ready) == (InstanceStatus.COMPLETED, 1, [])
    assert world.store.instances[instance_id].status == InstanceStatus.COMPLETED
    assert world.store.instances[instance_id].ended_at == world.clock.now()
    assert world.kinds() == ["instance_started", "task_completed", "task_completed", "instance_completed"]


def test_a_write_on_a_stale_revision_is_retried_on_the_new_state(world):
    instance_id = world.start("simple_onboarding")
    world.store.moved_by_others = 2
    world.complete(instance_id, "Task_fill_customer_data", {"business_id": "0737546-2", "name": "Aurinko Oy"})
    assert world.actions == 3  # two attempts found the instance moved; the third wrote
    assert world.ready(instance_id) == ["Task_approve"]
    assert world.kinds().count("task_completed") == 1  # the failed attempts left no trace
    assert world.store.instances[instance_id].revision == 2


def test_an_instance_that_keeps_changing_is_a_conflict_and_nothing_is_written(world):
    instance_id = world.start("simple_onboarding")
    before = (world.store.instances[instance_id], list(world.store.audit), dict(world.store.ready))
    world.store.moved_by_others = CONFLICT_RETRIES
    with pytest.raises(Conflict, match="kept changing"):
        world.complete(instance_id, "Task_fill_customer_data", {"business_id": "0737546-2", "name": "A Oy"})
    assert world.actions == CONFLICT_RETRIES
    assert (world.store.instances[instance_id], world.store.audit, world.store.ready) == before


def test_a_task_that_stays_ready_keeps_its_place_in_the_lists(world):
    instance_id = world.start("parallel_preparation")
    started = world.clock.now()
    assert world.ready(instance_id) == ["Task_certificates", "Task_security_plan"]
    world.clock.advance(timedelta(days=3))
    world.complete(instance_id, "Task_security_plan", {"done": True})
    [waiting] = world.store.ready_tasks(instance_id)
    assert (waiting.element_id, waiting.ready_since) == ("Task_certificates", started)
    world.complete(instance_id, "Task_certificates", {"done": True})
    [final] = world.store.ready_tasks(instance_id)
    assert (final.element_id, final.ready_since) == ("Task_final_check", world.clock.now())


def test_waits_are_rewritten_only_when_they_change(world):
    instance_id = world.start("kela_application")
    world.complete(
        instance_id, "Task_send_application", {"system_name": "Ajas", "access_point_oid": "1.2.246.1"}
    )
    assert [m.message_name for m in world.store.messages[instance_id]] == ["kela_decision"]
    writes = world.store.wait_writes
    world.act(instance_id, lambda run: Change(AuditKind.TIMERS_FIRED) if not run.fire_due_timers() else None)
    assert world.store.wait_writes == writes  # the instance still waits for the same message


def test_a_request_the_diagram_can_not_go_on_with_is_refused_leaving_only_an_incident(world):
    instance_id = world.start("kela_application")
    world.complete(
        instance_id, "Task_send_application", {"system_name": "Ajas", "access_point_oid": "1.2.246.1"}
    )
    before = (world.store.instances[instance_id], list(world.store.audit))

    def deliver_without_decision(run):
        assert run.deliver("kela_decision", {"note": "no decision"})
        return Change(AuditKind.MESSAGE_RECEIVED)

    with pytest.raises(ScriptFailure) as refused:
        world.act(instance_id, deliver_without_decision)
    assert (refused.value.element_id, refused.value.kind) == ("Gateway_decision", "definition-fault")
    assert (world.store.instances[instance_id], world.store.audit[: len(before[1])]) == before
    assert [m.message_name for m in world.store.messages[instance_id]] == ["kela_decision"]
    # the diagram is at fault: beside the unchanged instance, an incident and the audit row of its meeting
    [incident] = world.store.incidents
    assert (incident["instance_id"], incident["failure"]["element_id"]) == (instance_id, "Gateway_decision")
    [met] = world.store.audit[len(before[1]) :]
    assert (met["kind"], met["data"]["incident"]) == ("definition_fault_met", incident["id"])


def test_a_cancelled_instance_waits_for_nothing_and_is_recorded_once(world):
    instance_id = world.start("kela_application")
    world.complete(
        instance_id, "Task_send_application", {"system_name": "Ajas", "access_point_oid": "1.2.246.1"}
    )

    def cancelling(run):
        run.cancel()
        return Change(AuditKind.INSTANCE_CANCELLED)

    record, _, projections = world.act(instance_id, cancelling)
    assert record.status == InstanceStatus.CANCELLED
    assert (projections.ready, projections.messages, world.store.messages[instance_id]) == ([], [], [])
    assert world.kinds()[-1] == "instance_cancelled"
    assert world.kinds().count("instance_cancelled") == 1
    with pytest.raises(Conflict, match="cancelled"):
        world.act(instance_id, cancelling)


@pytest.mark.parametrize(
    ("failure_type", "blamed", "incident"),
    [
        ("definition-fault", {"instance_id": "i-1"}, "instance"),
        ("definition-fault", {"definition": ("routing", 3)}, "version"),
        ("DefinitionFault", {}, "none"),
        ("ScriptTimeout", {"instance_id": "i-1"}, "none"),
        (None, {"definition": ("routing", 3)}, "none"),
    ],
)
def test_a_refusal_says_where_the_diagrams_fault_is_noted(failure_type, blamed, incident):
    from engine.unit_of_work import refused

    failure = {"element_id": "Gateway_kind", "message": "no condition holds", "type": failure_type}
    refusal = refused(failure, **blamed)
    assert (refusal.incident, refusal.element_id, refusal.message) == (
        incident,
        "Gateway_kind",
        "no condition holds",
    )
    assert refusal.kind == (
        "definition-fault" if failure_type in ("definition-fault", "DefinitionFault") else "script-failure"
    )
