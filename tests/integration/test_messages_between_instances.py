"""Messages between instances in the engine: a thrown message reaches the instance with the thrower's
business key that waits for it, in the same transaction as the throw; one nobody receives is never lost
unseen (a request is refused, a timer's run becomes an incident that a retry delivers once a receiver is
there)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from engine import Engine, ScriptFailure
from engine.clock import ManualClock

CATALOGUE = Path(__file__).parents[1] / "fixtures" / "between_instances"
NAMESPACES = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'
LATE_THROW = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NAMESPACES} id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="late_notice" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition>
      <bpmn:timeDuration>"P1D"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:intermediateThrowEvent id="Notify"><bpmn:messageEventDefinition messageRef="M" />
    </bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Wait" />
    <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Notify" />
    <bpmn:sequenceFlow id="F3" sourceRef="Notify" targetRef="Finish" />
  </bpmn:process>
  <bpmn:message id="M" name="decision_noted" />
</bpmn:definitions>
""".encode()


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def engine(tmp_path, clock):
    running = Engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}", clock_source=clock)
    yield running
    running.close()


def files(*names: str) -> dict[str, bytes]:
    return {name: (CATALOGUE / name).read_bytes() for name in names}


CONTRACTS = (
    "messages/joining_application_sent.json",
    "messages/joining_decision.json",
    "messages/decision_noted.json",
)


def test_a_refused_throw_stores_nothing_of_the_request_in_any_instance(engine):
    engine.deploy(files("application.bpmn", "decision.bpmn", *CONTRACTS), actor="analyst:test")
    application = engine.start_instance("joining_application", actor="integrator:test", business_key="b1")
    engine.complete_task(application.ready_tasks[0].id, {"organisation": "Aurinko"}, actor="integrator:test")
    [decide] = engine.list_tasks(process_key="kela_decision").items
    before = engine.history(decide.instance_id)

    # decision_noted has no receiver (the register is not deployed): Kela's completion is refused whole.
    with pytest.raises(ScriptFailure) as undelivered:
        engine.complete_task(decide.id, {"decision": "approved"}, actor="integrator:kela")

    assert (undelivered.value.kind, undelivered.value.element_id) == ("message-undelivered", "Throw_noted")
    assert engine.history(decide.instance_id) == before
    assert [t.element_id for t in engine.get_instance(application.id).waiting_messages] == [
        "Receive_decision"
    ]
    assert engine.list_tasks(process_key="kela_decision").items[0].id == decide.id


def test_a_timers_throw_that_nobody_receives_is_an_incident_and_a_retry_delivers_it(engine, clock):
    engine.deploy({"late.bpmn": LATE_THROW, **files(CONTRACTS[2])}, actor="analyst:test")
    late = engine.start_instance("late_notice", actor="integrator:test", business_key="b2")

    clock.advance(timedelta(days=2))
    engine.fire_due_timers(actor="timer:test")

    stopped = engine.get_instance(late.id)
    assert (stopped.status, stopped.error["type"], stopped.error["element_id"]) == (
        "error",
        "message-undelivered",
        "Notify",
    )
    [incident] = engine.list_incidents().items
    assert (incident.element_id, incident.kind) == ("Notify", "message-undelivered")

    engine.retry_incident(incident.id, actor="admin:test")  # still nobody: one failure more
    assert engine.list_incidents().items[0].failures == 2

    engine.deploy(files("register.bpmn", *CONTRACTS), actor="analyst:test")
    done = engine.retry_incident(incident.id, actor="admin:test")
    assert done.status == "completed"
    [filed] = engine.list_tasks(process_key="decision_register").items
    assert filed.business_key == "b2"


def test_a_thrown_message_starts_one_instance_per_business_key(engine):
    engine.deploy(
        files("application.bpmn", "decision.bpmn", "register.bpmn", *CONTRACTS), actor="analyst:test"
    )
    first, second = (
        engine.start_instance("joining_application", actor="integrator:test", business_key="b3")
        for _ in range(2)
    )
    engine.complete_task(first.ready_tasks[0].id, {"organisation": "Aurinko"}, actor="integrator:test")
    [deciding] = engine.list_instances(process_key="kela_decision").items
    before = engine.history(second.id)

    # The second application's throw would start Kela's decision again for b3: refused as a message from
    # outside is (409 already-running there), here as the thrower's undelivered message; nothing is stored.
    with pytest.raises(ScriptFailure) as undelivered:
        engine.complete_task(second.ready_tasks[0].id, {"organisation": "Aurinko"}, actor="integrator:test")

    refused = undelivered.value
    assert (refused.kind, refused.element_id) == ("message-undelivered", "Send_application")
    assert deciding.id in refused.message
    assert [i.id for i in engine.list_instances(process_key="kela_decision").items] == [deciding.id]
    assert engine.history(second.id) == before

    # Once Kela's decision has ended, the same throw starts the next one.
    [decide] = engine.list_tasks(process_key="kela_decision").items
    engine.complete_task(decide.id, {"decision": "approved"}, actor="integrator:kela")
    engine.complete_task(second.ready_tasks[0].id, {"organisation": "Aurinko"}, actor="integrator:test")
    decisions = engine.list_instances(process_key="kela_decision").items
    assert sorted(i.status for i in decisions) == ["completed", "running"]
