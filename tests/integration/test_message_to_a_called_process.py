"""Can a calling process signal the process it calls with a message, inside the one instance both run in?

The joining's preparations could run beside the onboardings it calls, each onboarding waiting before its
application for a "preparations done" message the joining throws. These tests show what the engine does with
such a message, so that a design relying on it knows its ground: it reaches a catch that already waits in
the called process, carrying what the message's contract declares of the thrower's variables and nothing
else (the call's In mappings still say what else crosses), and a throw made before the called process waits
is refused as undelivered, unless the contract makes it a signal to those waiting in the instance
(``"x-to-those-waiting"``): then a throw none waits for is recorded in the instance's history."""

from __future__ import annotations

import pytest

from engine import Engine
from engine.clock import ManualClock
from engine.problems import ScriptFailure
from tests.integration.test_constructs import FORM, diagram, flows, user

# The contract of message "m": its payload declares one property.
MESSAGE = (
    b'{"type": "object", "properties": {"ready_note": {"type": "string"}}, '
    b'"x-correlation": {"by": "business_key"}}'
)

CALLED = (
    '<bpmn:process id="called" isExecutable="true">'
    '<bpmn:startEvent id="Called_start" /><bpmn:parallelGateway id="Called_split" />'
    '<bpmn:intermediateCatchEvent id="Catch_ready"><bpmn:messageEventDefinition messageRef="M" />'
    "</bpmn:intermediateCatchEvent>"
    + user("Early")
    + '<bpmn:parallelGateway id="Called_join" />'
    + user("Apply")
    + '<bpmn:endEvent id="Called_end" />'
    + flows("Called_start", "Called_split", "Catch_ready", "Called_join", "Apply", "Called_end")
    + '<bpmn:sequenceFlow id="Flow_early_1" sourceRef="Called_split" targetRef="Early" />'
    '<bpmn:sequenceFlow id="Flow_early_2" sourceRef="Early" targetRef="Called_join" />'
    "</bpmn:process>"
)
CALLER = (
    '<bpmn:startEvent id="Begin"><bpmn:extensionElements><camunda:properties>'
    '<camunda:property name="start-variable" value="secret" />'
    "</camunda:properties></bpmn:extensionElements></bpmn:startEvent>"
    '<bpmn:parallelGateway id="Split" />'
    '<bpmn:callActivity id="Call" calledElement="called"><bpmn:extensionElements>'
    '<camunda:in sourceExpression="${true}" target="called_by_caller" />'
    '<camunda:out source="secret" target="secret_seen_by_called" />'
    '<camunda:out source="ready_note" target="note_seen_by_called" />'
    "</bpmn:extensionElements></bpmn:callActivity>"
    + user("Prepare")
    + '<bpmn:intermediateThrowEvent id="Throw_ready"><bpmn:messageEventDefinition messageRef="M" />'
    "</bpmn:intermediateThrowEvent>"
    '<bpmn:parallelGateway id="Join" /><bpmn:endEvent id="Finish" />'
    + flows("Begin", "Split", "Call", "Join", "Finish")
    + flows("Split", "Prepare", "Throw_ready", "Join")
)


@pytest.fixture
def engine(tmp_path):
    running = Engine(f"sqlite:///{tmp_path / 'signal.sqlite3'}", clock_source=ManualClock())
    running.deploy(
        {"case.bpmn": diagram(CALLER, "caller", CALLED), "forms/f.json": FORM, "messages/m.json": MESSAGE},
        actor="analyst:test",
    )
    yield running
    running.close()


def complete(engine, instance_id, element_id):
    view = engine.get_instance(instance_id)
    task = next(t for t in view.ready_tasks if t.element_id == element_id)
    engine.complete_task(task.id, {}, actor="integrator:test")
    return engine.get_instance(instance_id)


def standing(view):
    return sorted(t.element_id for t in view.ready_tasks), sorted(m.name for m in view.waiting_messages)


def test_the_caller_s_message_reaches_the_called_process_s_catch_that_waits_with_what_its_contract_declares(
    engine,
):
    started = engine.start_instance(
        "caller", actor="integrator:test", business_key="b1", variables={"secret": "x", "ready_note": "done"}
    )
    assert standing(engine.get_instance(started.id)) == (["Early", "Prepare"], ["m"])
    thrown = complete(engine, started.id, "Prepare")
    # caught inside the instance: the called process no longer waits, and nothing was refused
    assert (thrown.status, *standing(thrown)) == ("running", ["Early"], [])
    applied = complete(engine, started.id, "Early")
    assert standing(applied) == (["Apply"], [])
    done = complete(engine, started.id, "Apply")
    assert done.status == "completed"
    # the contract declares ready_note, which crossed; the caller's "secret" neither the In mappings nor
    # the contract name stayed the caller's
    assert done.variables["note_seen_by_called"] == "done"
    assert done.variables.get("secret_seen_by_called") is None


CALLED_WAITING_LATE = (
    '<bpmn:process id="called" isExecutable="true"><bpmn:startEvent id="Called_start" />'
    + user("Early")
    + '<bpmn:intermediateCatchEvent id="Catch_ready"><bpmn:messageEventDefinition messageRef="M" />'
    "</bpmn:intermediateCatchEvent>"
    + user("Apply")
    + '<bpmn:endEvent id="Called_end" />'
    + flows("Called_start", "Early", "Catch_ready", "Apply", "Called_end")
    + "</bpmn:process>"
)


def test_a_throw_before_the_called_process_waits_for_it_is_refused_as_undelivered(tmp_path):
    engine = Engine(f"sqlite:///{tmp_path / 'late.sqlite3'}", clock_source=ManualClock())
    engine.deploy(
        {
            "case.bpmn": diagram(CALLER, "caller", CALLED_WAITING_LATE),
            "forms/f.json": FORM,
            "messages/m.json": MESSAGE,
        },
        actor="analyst:test",
    )
    started = engine.start_instance(
        "caller", actor="integrator:test", business_key="b2", variables={"secret": "x"}
    )
    assert standing(engine.get_instance(started.id)) == (["Early", "Prepare"], [])
    # A message is not kept for a catch that will wait later: BPMN drops it, and this engine refuses the
    # request that threw it, naming the throw, so the caller's preparations can not be done first.
    with pytest.raises(ScriptFailure) as undelivered:
        complete(engine, started.id, "Prepare")
    assert (undelivered.value.kind, undelivered.value.element_id) == ("message-undelivered", "Throw_ready")
    assert standing(engine.get_instance(started.id)) == (["Early", "Prepare"], [])
    engine.close()


# The contract of a signal to those waiting in the thrower's instance: the joining's "preparations done",
# which the processes it calls wait for unless they ended first.
TO_THOSE_WAITING = (
    b'{"type": "object", "properties": {}, "x-correlation": {"by": "business_key"}, '
    b'"x-thrown-only": true, "x-to-those-waiting": true}'
)
# The called process waits from its start, and may end early (a terminate end: its wait ends with it).
CALLED_THAT_MAY_END_EARLY = (
    '<bpmn:process id="called" isExecutable="true">'
    '<bpmn:startEvent id="Called_start" /><bpmn:parallelGateway id="Called_split" />'
    '<bpmn:intermediateCatchEvent id="Catch_ready"><bpmn:messageEventDefinition messageRef="M" />'
    "</bpmn:intermediateCatchEvent>"
    + user("Early")
    + '<bpmn:exclusiveGateway id="Ends_early" default="Flow_goes_on" />'
    '<bpmn:endEvent id="End_early"><bpmn:terminateEventDefinition /></bpmn:endEvent>'
    '<bpmn:parallelGateway id="Called_join" />'
    + user("Apply")
    + '<bpmn:endEvent id="Called_end" />'
    + flows("Called_start", "Called_split", "Catch_ready", "Called_join", "Apply", "Called_end")
    + flows("Called_split", "Early", "Ends_early")
    + '<bpmn:sequenceFlow id="Flow_goes_on" sourceRef="Ends_early" targetRef="Called_join" />'
    '<bpmn:sequenceFlow id="Flow_ends_early" sourceRef="Ends_early" targetRef="End_early">'
    '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">stop_early</bpmn:conditionExpression>'
    "</bpmn:sequenceFlow></bpmn:process>"
)
CALLER_OF_ONE_THAT_MAY_END_EARLY = CALLER.replace('value="secret"', 'value="secret, stop_early"').replace(
    '<camunda:in sourceExpression="${true}" target="called_by_caller" />',
    '<camunda:in source="stop_early" target="stop_early" />',
)
# Another instance of the same business key that waits for the message, and a process it would start.
LISTENER = flows("Listen_start", "Listen", "Listen_end").join(
    (
        '<bpmn:startEvent id="Listen_start" /><bpmn:intermediateCatchEvent id="Listen">'
        '<bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>'
        '<bpmn:endEvent id="Listen_end" />',
        "",
    )
)
STARTED_BY_IT = (
    '<bpmn:startEvent id="Started_by_m"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>'
    '<bpmn:endEvent id="Started_end" />' + flows("Started_by_m", "Started_end")
)


@pytest.fixture
def signalling(tmp_path):
    running = Engine(f"sqlite:///{tmp_path / 'to_those_waiting.sqlite3'}", clock_source=ManualClock())
    running.deploy(
        {
            "case.bpmn": diagram(CALLER_OF_ONE_THAT_MAY_END_EARLY, "caller", CALLED_THAT_MAY_END_EARLY),
            "listener.bpmn": diagram(LISTENER, "listener"),
            "started.bpmn": diagram(STARTED_BY_IT, "started_by_m"),
            "forms/f.json": FORM,
            "messages/m.json": TO_THOSE_WAITING,
        },
        actor="analyst:test",
    )
    yield running
    running.close()


def not_waited_for(engine, instance_id):
    return [
        (event.element_id, event.actor, event.data)
        for event in engine.history(instance_id)
        if event.kind == "message_not_waited_for"
    ]


def test_a_signal_to_those_waiting_that_none_waits_for_is_recorded_not_refused_and_goes_nowhere_else(
    signalling,
):
    listener = signalling.start_instance("listener", actor="integrator:test", business_key="b3")
    started = signalling.start_instance(
        "caller", actor="integrator:test", business_key="b3", variables={"secret": "x", "stop_early": True}
    )
    assert standing(signalling.get_instance(started.id)) == (["Early", "Prepare"], ["m"])
    ended_early = complete(signalling, started.id, "Early")
    # the called process ended before the caller's preparations: its wait ended with it
    assert standing(ended_early) == (["Prepare"], [])

    thrown = complete(signalling, started.id, "Prepare")

    # not refused: the caller went on to its end, and its history says the message found no one waiting
    assert thrown.status == "completed"
    assert not_waited_for(signalling, started.id) == [("Throw_ready", "integrator:test", {"name": "m"})]
    # nor delivered to another instance of the business key that waits for it, nor starting a process
    assert standing(signalling.get_instance(listener.id)) == ([], ["m"])
    assert signalling.list_instances(process_key="started_by_m").total == 0


def test_a_signal_to_those_waiting_is_caught_by_the_called_process_that_waits(signalling):
    started = signalling.start_instance(
        "caller", actor="integrator:test", business_key="b4", variables={"secret": "x", "stop_early": False}
    )
    thrown = complete(signalling, started.id, "Prepare")
    assert (thrown.status, *standing(thrown)) == ("running", ["Early"], [])
    assert standing(complete(signalling, started.id, "Early")) == (["Apply"], [])
    assert not_waited_for(signalling, started.id) == []
    assert complete(signalling, started.id, "Apply").status == "completed"
