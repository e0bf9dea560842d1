"""What the engine runs of what a modeler can draw, and what it refuses by name: one allow-list.

SpiffWorkflow parses more than it runs as BPMN says: some elements crash the deployment, some wait for
what nothing can send, some pass as if they were not there. So nothing inside a process is taken on
trust: an element, an event definition or a ``camunda:`` extension runs only when this module names it
as running (each such entry has a test that it runs as BPMN says); everything else is refused at
deployment, naming the construct and what to write instead. A new SpiffWorkflow version that parses a
new element can not slip it past: the element is not here, so it is refused.

``construct_checks`` holds the check that applies it. The README's table "What the engine runs" is this
module in words; a test keeps the two the same.
"""

from __future__ import annotations

from dataclasses import dataclass

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"

CALL_NO_CODE = (
    "the engine calls no code or system: use a user task for work someone does, a script task for a "
    "computation, or a receive task for the answer a system sends"
)
THROWS = (
    "throws its message to the instance with the same business key that waits for it, or else starts the "
    "process whose message start event waits for it (README: Messages between instances)"
)
START_THROUGH_THE_API = "instances are started through POST /api/v1/process-instances"
USE_A_FORM = (
    'name a JSON Schema form in forms/ with camunda:formKey ("forms/<name>.json"), or describe the fields '
    "with camunda:formData"
)


@dataclass(frozen=True)
class Verdict:
    """What the engine does with a construct: runs it (``how`` says how) or refuses it (``how`` says what
    to write instead)."""

    construct: str
    runs: bool
    how: str


def runs(construct: str, how: str) -> Verdict:
    return Verdict(construct, True, how)


def refused(construct: str, instead: str) -> Verdict:
    return Verdict(construct, False, instead)


# ---- the elements of a process, sub process or transaction -------------------------------------------

ELEMENTS: dict[str, Verdict] = {
    "startEvent": runs("start event", "where an instance starts; one per process or sub process"),
    "endEvent": runs("end event", "ends its path; see the event definitions for the others"),
    "intermediateCatchEvent": runs("intermediate catch event", "waits for its message or timer"),
    "intermediateThrowEvent": runs(
        "intermediate throw event", "passes on, throwing its escalation if it has one"
    ),
    "boundaryEvent": runs("boundary event", "interrupting or not, as drawn"),
    "task": runs("task", "waits until someone completes it, as a manual task does"),
    "userTask": runs("user task", "waits until it is completed with data its JSON Schema form accepts"),
    "manualTask": runs("manual task", "waits until someone completes it (no form)"),
    "scriptTask": runs("script task", "runs its Python script in the engine's sandbox"),
    "businessRuleTask": runs("business rule task", "evaluates the DMN decision camunda:decisionRef names"),
    "receiveTask": runs("receive task", "waits for its message, as a message catch event does"),
    "callActivity": runs(
        "call activity", "runs the called process with all the variables, and returns them all"
    ),
    "subProcess": runs(
        "sub process", "runs its contents; boundary events attached to it catch what they throw"
    ),
    "transaction": runs(
        "transaction", "a sub process that a cancel end event cancels to its cancel boundary event"
    ),
    "exclusiveGateway": runs(
        "exclusive gateway", "takes the first branch whose Python condition holds, else the default"
    ),
    "inclusiveGateway": runs(
        "inclusive gateway", "takes every branch whose condition holds; joins them again"
    ),
    "parallelGateway": runs("parallel gateway", "takes every branch; joins them again"),
    "eventBasedGateway": runs(
        "event-based gateway", "waits for the first of the message and timer events after it"
    ),
    "sequenceFlow": runs("sequence flow", "with a Python condition after a gateway"),
    "laneSet": runs("lanes", "a task's lane is shown with it"),
    "dataObject": runs("data object", "kept with the instance; tasks read and write it by data associations"),
    "dataObjectReference": runs("data object reference", "reads and writes its data object"),
    "serviceTask": refused(
        "service task",
        CALL_NO_CODE,
    ),
    "sendTask": runs("send task", THROWS),
    "adHocSubProcess": refused(
        "ad hoc sub process", "use a sub process with a parallel gateway, or a multi-instance user task"
    ),
    "complexGateway": refused("complex gateway", "use an inclusive or an exclusive gateway"),
    "dataStoreReference": refused("data store", "keep the data in variables or data objects"),
    "ioSpecification": refused("input/output specification", "pass data as variables"),
}

# The parts of a process that only describe it: the run does not depend on them.
DESCRIPTIONS = frozenset(
    {"documentation", "extensionElements", "textAnnotation", "association", "group", "incoming", "outgoing"}
)


# ---- event definitions, per kind of event -------------------------------------------------------------

SIGNAL = refused(
    "signal event",
    "nothing sends a signal: use a message, which reaches an instance through POST /api/v1/messages",
)
CONDITIONAL = refused(
    "conditional event",
    "use an exclusive gateway with a condition, or a message when something outside changes",
)
COMPENSATION = refused("compensation", "model the undoing as tasks on an error or escalation path")
LINK = refused("link event", "draw the sequence flow between the two places")
MESSAGE_THROW = runs("message throw event", f"{THROWS}; then passes on")
MESSAGE_END = runs("message end event", f"{THROWS}; then ends its path")
CANCEL_OUTSIDE = refused("cancel event outside a transaction", "cancel events belong to a transaction")


_NO_SUCH_EVENT = {
    "startEvent": "start a process with a none start event",
    "endEvent": "end with a none, error, escalation, terminate or (in a transaction) cancel end event",
    "intermediateCatchEvent": "catch a message or a timer; catch an error with a boundary event",
    "intermediateThrowEvent": "throw an escalation, or end the path with an error or terminate end event",
    "boundaryEvent": "attach a message, timer, error, escalation or (to a transaction) cancel boundary event",
}


def _no_such_event(kind: str, word: str, event: str) -> Verdict:
    return refused(f"{event} {word} event", f"BPMN has no such event: {_NO_SUCH_EVENT[kind]}")


EVENT_DEFINITIONS: dict[tuple[str, str], Verdict] = {
    ("startEvent", "none"): runs("none start event", "where an instance starts"),
    ("startEvent", "message"): runs(
        "message start event",
        "a new instance starts when the message arrives (POST /api/v1/messages, or thrown by another "
        "instance) and no instance waits for it; its payload becomes variables",
    ),
    ("startEvent", "timer"): refused(
        "timer start event",
        f"{START_THROUGH_THE_API}: start with a none start event, then a timer catch event",
    ),
    ("endEvent", "none"): runs("none end event", "ends its path; the instance completes when every path has"),
    ("endEvent", "error"): runs(
        "error end event", "throws the error to a boundary event; uncaught, the instance ends in status error"
    ),
    ("endEvent", "escalation"): runs(
        "escalation end event", "throws the escalation to a boundary event; uncaught, the path just ends"
    ),
    ("endEvent", "terminate"): runs("terminate end event", "ends every path of its process at once"),
    ("endEvent", "cancel"): runs(
        "cancel end event", "cancels its transaction, which leaves by its cancel boundary event"
    ),
    ("endEvent", "message"): MESSAGE_END,
    ("intermediateCatchEvent", "message"): runs(
        "message catch event", "waits for the message; its payload becomes variables"
    ),
    ("intermediateCatchEvent", "timer"): runs(
        "timer catch event", "waits for the date, the ISO 8601 duration or the cycle (Python text)"
    ),
    ("intermediateThrowEvent", "none"): runs("none throw event", "passes on (a milestone)"),
    ("intermediateThrowEvent", "escalation"): runs(
        "escalation throw event", "throws the escalation to a boundary event and passes on"
    ),
    ("intermediateThrowEvent", "message"): MESSAGE_THROW,
    ("boundaryEvent", "message"): runs(
        "message boundary event", "the message interrupts the activity, or not"
    ),
    ("boundaryEvent", "timer"): runs("timer boundary event", "the time interrupts the activity, or not"),
    ("boundaryEvent", "error"): runs("error boundary event", "catches the error the activity throws"),
    ("boundaryEvent", "escalation"): runs(
        "escalation boundary event", "catches the escalation the activity throws"
    ),
    ("boundaryEvent", "cancel"): runs("cancel boundary event", "where a cancelled transaction goes on"),
}
for _kind in ("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"):
    EVENT_DEFINITIONS[(_kind, "signal")] = SIGNAL
    EVENT_DEFINITIONS[(_kind, "conditional")] = CONDITIONAL
    EVENT_DEFINITIONS[(_kind, "compensate")] = COMPENSATION
    EVENT_DEFINITIONS[(_kind, "link")] = LINK
EVENT_KINDS = {
    "startEvent": "start",
    "endEvent": "end",
    "intermediateCatchEvent": "catch",
    "intermediateThrowEvent": "throw",
    "boundaryEvent": "boundary",
}
for _kind, _word in EVENT_KINDS.items():
    for _event in ("message", "timer", "error", "escalation", "cancel", "terminate", "none"):
        EVENT_DEFINITIONS.setdefault((_kind, _event), _no_such_event(_kind, _word, _event))

DEFINITION_NAMES = {
    f"{event}EventDefinition": event
    for event in (
        "message", "timer", "error", "escalation", "cancel", "terminate", "signal", "conditional",
        "compensate", "link",
    )
}  # fmt: skip


# ---- Camunda's extensions -----------------------------------------------------------------------------

# camunda: attributes the engine acts on, by the element they belong to.
CAMUNDA_ATTRIBUTES: dict[str, frozenset[str]] = {
    "userTask": frozenset({"formKey", "assignee", "candidateUsers", "candidateGroups"}),
    "businessRuleTask": frozenset({"decisionRef"}),
    "multiInstanceLoopCharacteristics": frozenset({"collection", "elementVariable"}),
    # Camunda Modeler writes these on every new process; they label a version and set how long
    # Camunda keeps history, and this engine keeps all of it.
    "process": frozenset({"versionTag", "historyTimeToLive"}),
}
# camunda: extension elements the engine acts on (or, for properties, that describe and do nothing in
# Camunda either).
CAMUNDA_ELEMENTS = frozenset({"properties", "property", "in", "out"})
# Where Camunda's generated form fields are read: a user task's, and the start event of a process.
FORM_DATA_OWNERS = frozenset({"userTask", "startEvent"})

_CAMUNDA_INSTEAD = {
    "class": CALL_NO_CODE,
    "delegateExpression": CALL_NO_CODE,
    "expression": CALL_NO_CODE,
    "type": 'external tasks (camunda:type="external") are not supported yet',
    "topic": 'external tasks (camunda:type="external") are not supported yet',
    "connector": CALL_NO_CODE,
    "field": CALL_NO_CODE,
    "inputOutput": "input and output mappings are not supported: a script task can copy variables",
    "executionListener": "listeners are not supported: a script task can do the work on the path",
    "taskListener": "listeners are not supported: a script task can do the work on the path",
    "asyncBefore": "asynchronous continuations are not supported: the engine moves an instance on at once",
    "asyncAfter": "asynchronous continuations are not supported: the engine moves an instance on at once",
    "async": "asynchronous continuations are not supported: the engine moves an instance on at once",
    "exclusive": "asynchronous continuations are not supported: the engine moves an instance on at once",
    "failedJobRetryTimeCycle": "asynchronous continuations are not supported",
    "resource": "external script resources are not supported: write the script in the diagram",
    "resultVariable": "a result variable is not supported: a script sets variables by assigning them",
    "formRef": f"Camunda Forms are not supported: {USE_A_FORM}",
    "formRefBinding": f"Camunda Forms are not supported: {USE_A_FORM}",
    "formRefVersion": f"Camunda Forms are not supported: {USE_A_FORM}",
}


def camunda_verdict(name: str) -> Verdict:
    instead = _CAMUNDA_INSTEAD.get(name, "the engine does not act on it")
    return refused(f"camunda:{name}", instead)


# ---- refusals drawn from more than one element, and what the README lists -----------------------------

EVENT_SUB_PROCESS = refused(
    "event sub process", "put the activities in a sub process and attach a boundary event to it"
)
SECOND_START = refused("a second start event in one process", "join them into one start event")
EMPTY_EVENT_GATEWAY = refused(
    "event-based gateway without events after it",
    "lead each of its flows (two or more) to a message or timer catch event or a receive task",
)
INSTANTIATING_RECEIVE = refused(
    "receive task that starts an instance", "start the process with a message start event"
)
INNER_MESSAGE_START = refused(
    "message start event inside a sub process", "a sub process starts with a none start event"
)
MULTIPLE_EVENT = refused("multiple event", "draw one event per trigger, after an event-based gateway")
EVENT_DEFINITION_REF = refused("event definition reference", "define the event on the event itself")
SCRIPT_FORMAT = refused("script format other than Python", "scripts are Python")
CONDITION_LANGUAGE = refused("condition language other than Python", "conditions are Python")
CALL_MAPPING = refused(
    "camunda:in or camunda:out off a call activity, or with another attribute",
    "In and Out mappings belong to a call activity: source, target, sourceExpression, variables, businessKey",
)
MAPPING_ATTRIBUTES = frozenset({"source", "target", "sourceExpression", "variables", "businessKey", "local"})
OTHER_ENGINE = refused("an extension of another engine", "this engine does not act on it")
FORM_KEYS = {
    "embedded:": refused(
        "camunda:formKey embedded:…", f"embedded HTML forms are not supported: {USE_A_FORM}"
    ),
    "camunda-forms:": refused(
        "camunda:formKey camunda-forms:…", f"Camunda Forms are not supported: {USE_A_FORM}"
    ),
    "app:": refused("camunda:formKey app:…", f"forms of another application are not supported: {USE_A_FORM}"),
}
ASSIGNMENT_EXPRESSION = refused(
    "an expression in camunda:assignee, camunda:candidateUsers or camunda:candidateGroups",
    "expressions there are not supported yet: write the user and group names themselves",
)
NO_FORM_DATA_HERE = refused(
    "camunda:formData off a user task or a process's start event", "form fields belong to those two"
)

CAMUNDA_RUNS = (
    runs("camunda:formKey", "names the user task's JSON Schema form, a path in the catalogue"),
    runs(
        "camunda:formData",
        "the fields of a user task or a process's start event become its JSON Schema form: string, long, "
        "boolean, date (YYYY-MM-DD), enum; required, readonly, min, max, minlength, maxlength; defaultValue",
    ),
    runs(
        "camunda:assignee, camunda:candidateUsers, camunda:candidateGroups",
        "kept on the task: shown and filtered by the task lists (names, not expressions), beside its lane",
    ),
    runs("camunda:decisionRef", "names the business rule task's DMN decision"),
    runs("camunda:collection, camunda:elementVariable", "a multi-instance activity runs once per item"),
    runs(
        "camunda:in, camunda:out",
        "a call activity passes what its In and Out mappings name; with none in a direction, every variable",
    ),
    runs("camunda:properties", "describe the element and change nothing, as in Camunda"),
    runs("camunda:versionTag, camunda:historyTimeToLive", "accepted on a process; all history is kept"),
)

# Every verdict the README's table "What the engine runs" shows, in its order.
DOCUMENTED = (
    *ELEMENTS.values(),
    *dict.fromkeys(v for v in EVENT_DEFINITIONS.values() if v.runs or not v.how.startswith("BPMN has no")),
    CANCEL_OUTSIDE, MULTIPLE_EVENT, EVENT_DEFINITION_REF, EVENT_SUB_PROCESS, SECOND_START,
    EMPTY_EVENT_GATEWAY, INSTANTIATING_RECEIVE, INNER_MESSAGE_START, SCRIPT_FORMAT, CONDITION_LANGUAGE,
    *CAMUNDA_RUNS,
    *(camunda_verdict(name) for name in _CAMUNDA_INSTEAD),
    *FORM_KEYS.values(), ASSIGNMENT_EXPRESSION, NO_FORM_DATA_HERE,
    CALL_MAPPING, OTHER_ENGINE,
)  # fmt: skip
