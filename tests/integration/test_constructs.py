"""Every BPMN element and event definition SpiffWorkflow parses is either run as BPMN says or refused at
deployment naming its construct, at its file, line and element id; never an unexpected exception.

Each case is a small diagram made here: an element between a start event and a user task "After", so
that where the instance stands shows whether the element waited, passed or took its path."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta

import pytest

from engine import DefinitionInvalid, Engine, InvalidData, ScriptFailure
from engine.bpmn import parsed_elements, parsed_event_definitions
from engine.catalogue.constructs import (
    ASSIGNMENT_EXPRESSION,
    CANCEL_OUTSIDE,
    DEFINITION_NAMES,
    ELEMENTS,
    EVENT_DEFINITIONS,
    EVENT_KINDS,
    NO_FORM_DATA_HERE,
    camunda_verdict,
)
from engine.clock import ManualClock
from tests.conftest import engine_per_module

NAMESPACES = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
FORM = b'{"type": "object"}'
DEFINITIONS = (
    '<bpmn:message id="M" name="m" /><bpmn:error id="Er" name="Refused" errorCode="refused" />'
    '<bpmn:escalation id="Es" name="Late" escalationCode="late" /><bpmn:signal id="Sg" name="s" />'
)
DECISION = b"""<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="http://x">
  <decision id="route" name="Route">
    <decisionTable id="T" hitPolicy="UNIQUE">
      <input id="I" label="Size">
        <inputExpression id="IE" typeRef="integer"><text>size</text></inputExpression>
      </input>
      <output id="O" label="Route" name="route" typeRef="string" />
      <rule id="R">
        <inputEntry id="E"><text>-</text></inputEntry><outputEntry id="X"><text>"big"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>
"""
_keys = itertools.count(1)


def user(element_id: str) -> str:
    return f'<bpmn:userTask id="{element_id}" name="{element_id}" camunda:formKey="forms/f.json" />'


def flows(*ids: str) -> str:
    return "".join(
        f'<bpmn:sequenceFlow id="Flow_{a}_{b}" sourceRef="{a}" targetRef="{b}" />'
        for a, b in itertools.pairwise(ids)
    )


def diagram(body: str, key: str, extra_processes: str = "") -> bytes:
    """A diagram whose process ``key`` holds ``body``, one element a line (as a modeler writes them)."""
    body = body.replace("><bpmn:", ">\n<bpmn:")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<bpmn:definitions {NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">\n'
        f'<bpmn:process id="{key}" isExecutable="true">\n{body}\n</bpmn:process>\n'
        f"{extra_processes}{DEFINITIONS}\n</bpmn:definitions>\n"
    ).encode()


# The instances these cases start are given "size" (the cases' conditions and decisions read it).
BEGIN_WITH_SIZE = (
    '<bpmn:startEvent id="Begin"><bpmn:extensionElements><camunda:properties>'
    '<camunda:property name="start-variable" value="size" />'
    "</camunda:properties></bpmn:extensionElements></bpmn:startEvent>"
)


def around(element: str, element_id: str = "Element") -> str:
    """``element`` between a start event and the user task "After"."""
    return (
        BEGIN_WITH_SIZE
        + element
        + user("After")
        + '<bpmn:endEvent id="Finish" />'
        + flows("Begin", element_id, "After", "Finish")
    )


clock, engine = engine_per_module("constructs")


MESSAGE = b'{"type": "object", "x-correlation": {"by": "business_key"}}'


class Case:
    """Deploys a diagram and moves its instance on, saying where it stands after each step."""

    def __init__(self, engine: Engine, clock: ManualClock, body: str, extra_processes: str = ""):
        self.engine, self.clock = engine, clock
        self.key = f"construct_{next(_keys)}"
        self.source = diagram(body, self.key, extra_processes)
        self.instance = None

    def deploy(self):
        files = {
            "case.bpmn": self.source,
            "forms/f.json": FORM,
            "route.dmn": DECISION,
            "messages/m.json": MESSAGE,
        }
        return self.engine.deploy(files, actor="analyst:test")

    def refusal(self) -> list:
        with pytest.raises(DefinitionInvalid) as refused:
            self.deploy()
        return refused.value.problems

    def start(self, **variables) -> tuple:
        # the start event says what this start passes (besides "size"), as validate's data flow asks
        names = ", ".join(sorted({"size", *variables}))
        declared = f'name="start-variable" value="{names}"'.encode()
        self.source = self.source.replace(b'name="start-variable" value="size"', declared)
        self.deploy()
        self.instance = self.engine.start_instance(self.key, actor="integrator:test", variables=variables)
        return self.standing()

    def standing(self) -> tuple:
        """(status, ready tasks, messages waited for, timers pending): where the instance stands."""
        view = self.engine.get_instance(self.instance.id)
        return (
            view.status,
            sorted(t.element_id for t in view.ready_tasks),
            sorted(m.name for m in view.waiting_messages),
            sorted(t.element_id for t in view.pending_timers),
        )

    def complete(self, element_id: str, **data) -> tuple:
        view = self.engine.get_instance(self.instance.id)
        task = next(t for t in view.ready_tasks if t.element_id == element_id)
        self.engine.complete_task(task.id, data, actor="integrator:test")
        return self.standing()

    def message(self, name: str = "m", **payload) -> tuple:
        self.engine.deliver_message(
            name, instance_id=self.instance.id, payload=payload, actor="integrator:test"
        )
        return self.standing()

    def work(self, topic: str) -> tuple:
        """A worker fetches the instance's task of ``topic`` and completes it."""
        (task,) = self.engine.fetch_and_lock(
            "worker-1", [{"name": topic, "lock_duration_ms": 60_000}], 5, actor="w"
        )
        self.engine.complete_external_task(task.id, "worker-1", {"registered": True}, actor="w")
        return self.standing()

    def days_pass(self, days: int) -> tuple:
        self.clock.advance(timedelta(days=days))
        self.engine.fire_due_timers(actor="timer:test")
        return self.standing()

    def line_of(self, element_id: str) -> int:
        lines = self.source.decode().splitlines()
        return next(n for n, line in enumerate(lines, start=1) if f'id="{element_id}"' in line)


def assert_refused(case: Case, element_id: str, construct: str) -> None:
    """The deployment is refused with a problem naming ``construct`` at ``element_id``, on the line of the
    construct: the element's own, or for an extension element (``<camunda:…>``) the line it is on."""
    problems = case.refusal()
    named = [
        p for p in problems if p.element_id == element_id and f"{construct} is not supported" in p.message
    ]
    assert named, problems
    lines = case.source.decode().splitlines()
    line = case.line_of(element_id)
    needle = f"<{construct.split(' ')[0]}"
    line = next((n for n in range(line, len(lines) + 1) if needle in lines[n - 1]), line)
    assert (named[0].file, named[0].line) == ("case.bpmn", line)


RUNNING = ("running", ["After"], [], [])


# ---- the allow-list covers SpiffWorkflow ----------------------------------------------------------------


def test_every_element_and_event_definition_spiffworkflow_parses_has_a_verdict():
    assert parsed_elements() <= set(ELEMENTS), parsed_elements() - set(ELEMENTS)
    assert parsed_event_definitions() <= set(DEFINITION_NAMES), parsed_event_definitions() - set(
        DEFINITION_NAMES
    )


# ---- elements -------------------------------------------------------------------------------------------

INNER = '<bpmn:startEvent id="Inner_start" />' + user("Inner") + '<bpmn:endEvent id="Inner_end" />'
INNER += flows("Inner_start", "Inner", "Inner_end")
TIMER = '<bpmn:timerEventDefinition><bpmn:timeDuration>"P1D"</bpmn:timeDuration></bpmn:timerEventDefinition>'

# element -> (its XML, where the instance stands after the start, a step that moves it on, and after it)
ELEMENT_CASES = {
    "task": ('<bpmn:task id="Element" />', ("running", ["Element"], [], []), ("complete", "Element")),
    "userTask": (user("Element"), ("running", ["Element"], [], []), ("complete", "Element")),
    "manualTask": (
        '<bpmn:manualTask id="Element" />',
        ("running", ["Element"], [], []),
        ("complete", "Element"),
    ),
    "scriptTask": (
        '<bpmn:scriptTask id="Element"><bpmn:script>size = 2</bpmn:script></bpmn:scriptTask>',
        RUNNING,
        None,
    ),
    "businessRuleTask": ('<bpmn:businessRuleTask id="Element" camunda:decisionRef="route" />', RUNNING, None),
    "receiveTask": (
        '<bpmn:receiveTask id="Element" messageRef="M" />',
        ("running", [], ["m"], []),
        ("message", "m"),
    ),
    "callActivity": (
        '<bpmn:callActivity id="Element" calledElement="{key}_called" />',
        ("running", ["Inner"], [], []),
        ("complete", "Inner"),
    ),
    "subProcess": (
        f'<bpmn:subProcess id="Element">{INNER}</bpmn:subProcess>',
        ("running", ["Inner"], [], []),
        ("complete", "Inner"),
    ),
    "transaction": (
        f'<bpmn:transaction id="Element">{INNER}</bpmn:transaction>',
        ("running", ["Inner"], [], []),
        ("complete", "Inner"),
    ),
    "serviceTask": (
        '<bpmn:serviceTask id="Element" camunda:type="external" camunda:topic="register" />',
        ("running", [], [], []),
        ("work", "register"),
    ),
    "sendTask": ('<bpmn:sendTask id="Element" messageRef="M" />', None, None),
    "adHocSubProcess": (
        f'<bpmn:adHocSubProcess id="Element">{user("Inner")}</bpmn:adHocSubProcess>',
        None,
        None,
    ),
    "complexGateway": ('<bpmn:complexGateway id="Element" />', None, None),
}


def gateway_case(tag: str) -> str:
    """A gateway whose condition sends the instance to "After" and not to "Other"."""
    return (
        BEGIN_WITH_SIZE
        + f'<bpmn:{tag} id="Element" default="Flow_Element_After" />'
        + user("After") + user("Other") + '<bpmn:endEvent id="Finish" />'
        + flows("Begin", "Element", "After", "Finish") + flows("Other", "Finish")
        + '<bpmn:sequenceFlow id="Flow_other" sourceRef="Element" targetRef="Other">'
        "<bpmn:conditionExpression>size == 1</bpmn:conditionExpression></bpmn:sequenceFlow>"
    )  # fmt: skip


# Events are the next test's: every event definition on every kind of event.
@pytest.mark.parametrize("name", sorted((parsed_elements() | set(ELEMENT_CASES)) - set(EVENT_KINDS)))
def test_each_element_runs_as_bpmn_says_or_is_refused_by_name(engine, clock, name, tmp_path):
    verdict = ELEMENTS[name]
    if name in ("exclusiveGateway", "inclusiveGateway"):
        case = Case(engine, clock, gateway_case(name))
        assert case.start(size=2) == RUNNING
        return
    if name == "parallelGateway":
        body = (
            '<bpmn:startEvent id="Begin" /><bpmn:parallelGateway id="Element" />'
            + user("After")
            + user("Other")
        )
        body += '<bpmn:parallelGateway id="Join" /><bpmn:endEvent id="Finish" />'
        body += flows("Begin", "Element", "After", "Join", "Finish") + flows("Element", "Other", "Join")
        case = Case(engine, clock, body)
        assert case.start() == ("running", ["After", "Other"], [], [])
        assert case.complete("After") == ("running", ["Other"], [], [])
        assert case.complete("Other")[0] == "completed"
        return
    if name == "eventBasedGateway":
        for step, after in ((("message", "m"), "Got_message"), (("days_pass", 2), "Got_time")):
            body = '<bpmn:startEvent id="Begin" /><bpmn:eventBasedGateway id="Element" />'
            body += '<bpmn:intermediateCatchEvent id="Message"><bpmn:messageEventDefinition messageRef="M" />'
            body += f'</bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="Time">{TIMER}'
            body += "</bpmn:intermediateCatchEvent>" + user("Got_message") + user("Got_time")
            body += '<bpmn:endEvent id="Finish" />' + flows(
                "Begin", "Element", "Message", "Got_message", "Finish"
            )
            body += flows("Element", "Time", "Got_time", "Finish")
            case = Case(engine, clock, body)
            standing = case.start()
            assert standing[:3] == ("running", [], ["m"]) and len(standing[3]) == 1
            assert getattr(case, step[0])(step[1]) == ("running", [after], [], [])
        return
    if name == "sendTask":
        assert_a_throw_reaches_its_receiver(tmp_path, around('<bpmn:sendTask id="Element" messageRef="M" />'))
        return
    xml, standing, step = ELEMENT_CASES[name]
    case = Case(engine, clock, "", "")
    called = f'<bpmn:process id="{case.key}_called" isExecutable="true">{INNER}</bpmn:process>\n'
    case = Case(
        engine, clock, around(xml.replace("{key}", case.key)), called if name == "callActivity" else ""
    )
    if not verdict.runs:
        assert_refused(case, "Element", verdict.construct)
        return
    assert case.start() == standing
    if step:
        assert getattr(case, step[0])(step[1]) == RUNNING
    assert case.complete("After")[0] == "completed"


EVENT_XML = {
    "message": '<bpmn:messageEventDefinition messageRef="M" />',
    "timer": TIMER,
    "error": '<bpmn:errorEventDefinition errorRef="Er" />',
    "escalation": '<bpmn:escalationEventDefinition escalationRef="Es" />',
    "signal": '<bpmn:signalEventDefinition signalRef="Sg" />',
    "conditional": "<bpmn:conditionalEventDefinition><bpmn:condition>True</bpmn:condition>"
    "</bpmn:conditionalEventDefinition>",
    "cancel": "<bpmn:cancelEventDefinition />",
    "terminate": "<bpmn:terminateEventDefinition />",
    "compensate": "<bpmn:compensateEventDefinition />",
    "link": '<bpmn:linkEventDefinition name="L" />',
    "none": "",
}
EVENTS = sorted({DEFINITION_NAMES[d] for d in parsed_event_definitions()} | set(EVENT_XML))


def event_case(kind: str, event: str) -> str:
    definition = EVENT_XML[event]
    if kind == "boundaryEvent":
        return (
            '<bpmn:startEvent id="Begin" />' + user("Work") + user("After") + user("Caught")
            + f'<bpmn:boundaryEvent id="Element" attachedToRef="Work">{definition}</bpmn:boundaryEvent>'
            + '<bpmn:endEvent id="Finish" /><bpmn:endEvent id="Finish_caught" />'
            + flows("Begin", "Work", "After", "Finish") + flows("Element", "Caught", "Finish_caught")
        )  # fmt: skip
    if kind == "startEvent":
        return (
            f'<bpmn:startEvent id="Element">{definition}</bpmn:startEvent>'
            + user("After")
            + ('<bpmn:endEvent id="Finish" />' + flows("Element", "After", "Finish"))
        )
    if kind == "endEvent":
        body = '<bpmn:startEvent id="Begin" /><bpmn:parallelGateway id="Split" />' + user("After")
        body += f'<bpmn:endEvent id="Element">{definition}</bpmn:endEvent><bpmn:endEvent id="Finish" />'
        return body + flows("Begin", "Split", "After", "Finish") + flows("Split", "Element")
    return around(f'<bpmn:{kind} id="Element">{definition}</bpmn:{kind}>')


# (kind, event) that run -> where the instance stands after the start, a step, where it stands after it
EVENT_RUNS = {
    ("startEvent", "none"): (RUNNING, None, None),
    ("endEvent", "none"): (RUNNING, None, None),
    ("endEvent", "escalation"): (RUNNING, None, None),  # uncaught: the path ends, the other goes on
    ("endEvent", "terminate"): (("completed", [], [], []), None, None),
    ("endEvent", "error"): (("error", [], [], []), None, None),  # uncaught: the instance ends in error
    ("intermediateCatchEvent", "message"): (("running", [], ["m"], []), ("message", "m"), RUNNING),
    ("intermediateCatchEvent", "timer"): (("running", [], [], ["Element"]), ("days_pass", 2), RUNNING),
    ("intermediateThrowEvent", "none"): (RUNNING, None, None),
    ("intermediateThrowEvent", "escalation"): (RUNNING, None, None),  # uncaught: it passes on
    ("boundaryEvent", "message"): (
        ("running", ["Work"], ["m"], []),
        ("message", "m"),
        ("running", ["Caught"], [], []),
    ),
    ("boundaryEvent", "timer"): (
        ("running", ["Work"], [], ["Element"]),
        ("days_pass", 2),
        ("running", ["Caught"], [], []),
    ),
    # A user task throws neither: the boundary event waits, and the task completes past it.
    ("boundaryEvent", "error"): (("running", ["Work"], [], []), ("complete", "Work"), RUNNING),
    ("boundaryEvent", "escalation"): (("running", ["Work"], [], []), ("complete", "Work"), RUNNING),
}


@pytest.mark.parametrize(("kind", "event"), [(k, e) for k in EVENT_KINDS for e in EVENTS])
def test_each_event_definition_of_each_kind_runs_as_bpmn_says_or_is_refused_by_name(
    engine, clock, kind, event, tmp_path
):
    verdict = EVENT_DEFINITIONS[(kind, event)]
    if (kind, event) in THROWN:
        assert_a_throw_reaches_its_receiver(tmp_path, event_case(kind, event))
        return
    if (kind, event) == ("startEvent", "message"):
        assert_a_message_starts_its_process(tmp_path)
        return
    case = Case(engine, clock, event_case(kind, event))
    if event == "cancel" and verdict.runs:
        verdict = CANCEL_OUTSIDE  # here the event is not in a transaction: the transaction test runs it
    if not verdict.runs:
        assert_refused(case, "Element", verdict.construct)
        return
    standing, step, after = EVENT_RUNS[(kind, event)]
    assert case.start() == standing
    if step:
        assert getattr(case, step[0])(step[1]) == after


# ---- messages between instances ----------------------------------------------------------------------------

THROWN = {("intermediateThrowEvent", "message"), ("endEvent", "message")}
# The receiver: a process whose message start event waits for "m"; its contract passes on "size" only.
RECEIVER = (
    '<bpmn:startEvent id="Got"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>'
    + user("Received") + flows("Got", "Received")
)  # fmt: skip
SIZE_ONLY = json.dumps(
    {"type": "object", "properties": {"size": {"type": "integer"}}, "x-correlation": {"by": "business_key"}}
).encode()


def fresh_engine(tmp_path) -> Engine:
    """An engine of its own: which process a message starts is decided over everything deployed."""
    return Engine(f"sqlite:///{tmp_path / 'messages.sqlite3'}", clock_source=ManualClock())


def assert_a_throw_reaches_its_receiver(tmp_path, body: str) -> None:
    """The element throws "m": with no receiver the start is refused and nothing stored; with a process
    that starts with "m", an instance of it starts with the same business key and the declared payload."""
    source = diagram(body, "thrower")
    engine = fresh_engine(tmp_path)
    files = {"case.bpmn": source, "forms/f.json": FORM, "messages/m.json": SIZE_ONLY}
    engine.deploy(files, actor="analyst:test")
    with pytest.raises(ScriptFailure) as undelivered:
        engine.start_instance("thrower", actor="integrator:test", business_key="b1", variables={"size": 2})
    assert (undelivered.value.kind, undelivered.value.element_id) == ("message-undelivered", "Element")
    assert "no instance with business key 'b1' waits for message \"m\"" in undelivered.value.message
    assert engine.list_instances().total == 0

    engine.deploy({**files, "receiver.bpmn": diagram(RECEIVER, "receiver")}, actor="analyst:test")
    thrower = engine.start_instance(
        "thrower", actor="integrator:test", business_key="b1", variables={"size": 2, "secret": "x"}
    )
    assert [t.element_id for t in thrower.ready_tasks] == ["After"]
    [received] = [i for i in engine.list_instances().items if i.process_key == "receiver"]
    received = engine.get_instance(received.id)
    assert (received.business_key, received.variables) == ("b1", {"size": 2})
    assert [t.element_id for t in received.ready_tasks] == ["Received"]
    engine.close()


def assert_a_message_starts_its_process(tmp_path) -> None:
    engine = fresh_engine(tmp_path)
    engine.deploy(
        {"case.bpmn": diagram(event_case("startEvent", "message"), "started"), "forms/f.json": FORM,
         "messages/m.json": SIZE_ONLY},
        actor="analyst:test",
    )  # fmt: skip
    with pytest.raises(InvalidData) as not_so:
        engine.start_instance("started", actor="integrator:test")
    assert 'starts when message "m" arrives' in str(not_so.value)

    started = engine.deliver_message("m", actor="integrator:test", business_key="b2", payload={"size": 3})
    assert (started.message_outcome, started.process_key, started.business_key) == (
        "started",
        "started",
        "b2",
    )
    assert ([t.element_id for t in started.ready_tasks], started.variables) == (["After"], {"size": 3})
    engine.close()


# ---- what happens between elements ------------------------------------------------------------------------


def thrower(tag: str, definition: str) -> str:
    """A ``tag`` (sub process or transaction) "Element" whose inner path ends with ``definition``."""
    inner = '<bpmn:startEvent id="Inner_start" />' + user("Inner")
    inner += f'<bpmn:endEvent id="Inner_end">{definition}</bpmn:endEvent>' + flows(
        "Inner_start", "Inner", "Inner_end"
    )
    return f'<bpmn:{tag} id="Element">{inner}</bpmn:{tag}>'


@pytest.mark.parametrize(
    ("tag", "definition"),
    [
        ("subProcess", EVENT_XML["error"]),
        ("subProcess", EVENT_XML["escalation"]),
        ("transaction", EVENT_XML["cancel"]),
    ],
)
def test_an_error_escalation_or_cancellation_thrown_inside_is_caught_by_the_boundary_event(
    engine, clock, tag, definition
):
    body = '<bpmn:startEvent id="Begin" />' + thrower(tag, definition) + user("After") + user("Caught")
    body += f'<bpmn:boundaryEvent id="Catch" attachedToRef="Element">{definition}</bpmn:boundaryEvent>'
    body += '<bpmn:endEvent id="Finish" /><bpmn:endEvent id="Finish_caught" />'
    body += flows("Begin", "Element", "After", "Finish") + flows("Catch", "Caught", "Finish_caught")
    case = Case(engine, clock, body)
    assert case.start() == ("running", ["Inner"], [], [])
    assert case.complete("Inner") == ("running", ["Caught"], [], [])
    assert case.complete("Caught")[0] == "completed"


def test_a_non_interrupting_boundary_event_adds_a_path_and_leaves_the_activity_waiting(engine, clock):
    body = '<bpmn:startEvent id="Begin" />' + user("Work") + user("After") + user("Reminded")
    body += '<bpmn:boundaryEvent id="Late" attachedToRef="Work" cancelActivity="false">'
    body += f"{TIMER}</bpmn:boundaryEvent>"
    body += '<bpmn:endEvent id="Finish" /><bpmn:endEvent id="Finish_reminded" />'
    body += flows("Begin", "Work", "After", "Finish") + flows("Late", "Reminded", "Finish_reminded")
    case = Case(engine, clock, body)
    assert case.start() == ("running", ["Work"], [], ["Late"])
    assert case.days_pass(2) == ("running", ["Reminded", "Work"], [], [])
    assert case.complete("Work") == ("running", ["After", "Reminded"], [], [])


@pytest.mark.parametrize(
    ("loop", "ready"),
    [
        ('<bpmn:standardLoopCharacteristics loopMaximum="2" />', ["Element"]),
        ("<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality>"
         "</bpmn:multiInstanceLoopCharacteristics>", ["Element", "Element"]),
        ('<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>2'
         "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>", ["Element"]),
    ],
)  # fmt: skip
def test_a_loop_or_a_multi_instance_task_runs_twice(engine, clock, loop, ready):
    task = f'<bpmn:userTask id="Element" camunda:formKey="forms/f.json">{loop}</bpmn:userTask>'
    case = Case(engine, clock, around(task))
    assert case.start()[1] == ready
    case.complete("Element")
    assert case.complete("Element") == RUNNING


def test_a_data_object_is_written_by_one_task_and_read_by_another(engine, clock):
    body = '<bpmn:startEvent id="Begin" /><bpmn:dataObject id="Size" />'
    body += '<bpmn:dataObjectReference id="Size_ref" dataObjectRef="Size" />'
    body += '<bpmn:scriptTask id="Write"><bpmn:dataOutputAssociation id="Out"><bpmn:targetRef>Size_ref'
    body += (
        "</bpmn:targetRef></bpmn:dataOutputAssociation><bpmn:script>Size = 3</bpmn:script></bpmn:scriptTask>"
    )
    # As Camunda Modeler writes an input association: to a placeholder property of the task.
    body += '<bpmn:scriptTask id="Read"><bpmn:property id="Placeholder" name="__targetRef_placeholder" />'
    body += '<bpmn:dataInputAssociation id="In"><bpmn:sourceRef>Size_ref</bpmn:sourceRef>'
    body += "<bpmn:targetRef>Placeholder</bpmn:targetRef></bpmn:dataInputAssociation>"
    body += "<bpmn:script>size = Size + 1</bpmn:script></bpmn:scriptTask>"
    body += (
        user("After") + '<bpmn:endEvent id="Finish" />' + flows("Begin", "Write", "Read", "After", "Finish")
    )
    case = Case(engine, clock, body)
    assert case.start() == RUNNING
    assert engine.get_instance(case.instance.id).variables["size"] == 4  # read 3 from the data object


# ---- refusals that are not an element or an event definition of their own --------------------------------


def task_with(attributes: str = "", extensions: str = "", tag: str = "userTask", inner: str = "") -> str:
    """A ``tag`` "Element" (a user task with its form by default) with ``attributes`` and ``extensions``."""
    form = ' camunda:formKey="forms/f.json"' if tag == "userTask" else ""
    if extensions:
        inner = f"<bpmn:extensionElements>{extensions}</bpmn:extensionElements>{inner}"
    return f'<bpmn:{tag} id="Element"{form} {attributes}>{inner}</bpmn:{tag}>'


LISTENER = '<camunda:{0} class="org.example.Log" event="{1}" />'
ZEEBE = 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"'


@pytest.mark.parametrize(
    ("element", "construct"),
    [
        (task_with('camunda:class="org.example.Call"', tag="serviceTask"), "camunda:class"),
        (task_with('camunda:delegateExpression="${call}"', tag="serviceTask"), "camunda:delegateExpression"),
        (task_with('camunda:expression="${call.go()}"', tag="serviceTask"), "camunda:expression"),
        (task_with(tag="serviceTask"), 'service task without camunda:type="external" and a camunda:topic'),
        (task_with('camunda:type="external"', tag="serviceTask"),
         'service task without camunda:type="external" and a camunda:topic'),
        (task_with('camunda:type="external" camunda:topic="register"'),
         "camunda:type or camunda:topic off a service task"),
        (task_with(extensions="<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>"
                   "</camunda:connector>", tag="serviceTask"), "camunda:connector"),
        (task_with(extensions=LISTENER.format("executionListener", "start")), "camunda:executionListener"),
        (task_with(extensions=LISTENER.format("taskListener", "create")), "camunda:taskListener"),
        (task_with('camunda:assignee="${initiator}"'), ASSIGNMENT_EXPRESSION.construct),
        (task_with('camunda:candidateGroups="#{groups}"'), ASSIGNMENT_EXPRESSION.construct),
        (task_with(extensions='<camunda:formData><camunda:formField id="ok" type="boolean" />'
                   "</camunda:formData>", tag="manualTask"), NO_FORM_DATA_HERE.construct),
        ('<bpmn:userTask id="Element" camunda:formKey="embedded:app:forms/review.html" />',
         "camunda:formKey embedded:…"),
        ('<bpmn:userTask id="Element" camunda:formKey="camunda-forms:deployment:review.form" />',
         "camunda:formKey camunda-forms:…"),
        ('<bpmn:userTask id="Element" camunda:formKey="app:review" />', "camunda:formKey app:…"),
        ('<bpmn:userTask id="Element" camunda:formRef="review" camunda:formRefBinding="latest" />',
         "camunda:formRef"),
        (task_with('scriptFormat="groovy"', tag="scriptTask", inner="<bpmn:script>x = 1</bpmn:script>"),
         'script format "groovy"'),
        (task_with('scriptFormat="python" camunda:resource="deployment://x.py"', tag="scriptTask"),
         "camunda:resource"),
        (task_with('calledElement="elsewhere"', '<camunda:in source="a" target="b" expression="c" />',
                   tag="callActivity"), "camunda:in with expression, source, target on a call activity"),
        (task_with(f'zeebe:priority="1" {ZEEBE}'), "{http://camunda.org/schema/zeebe/1.0}priority"),
        (task_with(tag="intermediateCatchEvent", inner=EVENT_XML["message"] + TIMER), "multiple event"),
        (task_with('messageRef="M" instantiate="true"', tag="receiveTask"),
         "receive task that starts an instance"),
    ],
)  # fmt: skip
def test_what_the_engine_would_ignore_is_refused_by_name(engine, clock, element, construct):
    assert_refused(Case(engine, clock, around(element)), "Element", construct)


def test_a_python_script_format_is_welcome(engine, clock):
    script = task_with('scriptFormat="python"', tag="scriptTask", inner="<bpmn:script>size = 1</bpmn:script>")
    assert Case(engine, clock, around(script)).start() == RUNNING


START = '<bpmn:startEvent id="Begin" />'
JAVASCRIPT = '<bpmn:conditionExpression language="javascript">size == 1</bpmn:conditionExpression>'


@pytest.mark.parametrize(
    ("body", "element_id", "construct"),
    [
        (START + '<bpmn:startEvent id="Element" />' + user("After") + flows("Begin", "After")
         + flows("Element", "After"), "Element", "a second start event in one process"),
        (START + '<bpmn:eventBasedGateway id="Element" />' + user("After") + user("Other")
         + flows("Begin", "Element", "After") + flows("Element", "Other"), "Element",
         "event-based gateway without events after it"),
        (around(f'<bpmn:subProcess id="Element" triggeredByEvent="true">{INNER}</bpmn:subProcess>'),
         "Element", "event sub process"),
        (around('<bpmn:task id="Element" />') + '<bpmn:task id="Undo" isForCompensation="true" />', "Undo",
         "compensation"),
        (around('<bpmn:task id="Element" />') + '<bpmn:dataStoreReference id="Store" />', "Store",
         "data store"),
        (gateway_case("exclusiveGateway").replace(
            "<bpmn:conditionExpression>size == 1</bpmn:conditionExpression>", JAVASCRIPT),
         "Flow_other", 'condition language "javascript"'),
    ],
)  # fmt: skip
def test_a_construct_drawn_from_several_elements_is_refused_by_name(
    engine, clock, body, element_id, construct
):
    assert_refused(Case(engine, clock, body), element_id, construct)


def test_a_camunda_attribute_the_engine_has_no_word_for_is_refused_too(engine, clock):
    case = Case(engine, clock, around(task_with('camunda:priority="5" camunda:dueDate="${tomorrow}"')))
    assert_refused(case, "Element", "camunda:priority")
    assert_refused(case, "Element", "camunda:dueDate")
    assert not camunda_verdict("priority").runs
