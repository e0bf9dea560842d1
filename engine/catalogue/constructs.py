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

from ..decisions import NOT_RUN_HIT_POLICIES

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"

THROWS = (
    "throws its message to the instance with the same business key that waits for it, or else starts the "
    "process whose message start event waits for it (README: Messages between instances)"
)
START_THROUGH_THE_API = "instances are started through POST /api/v1/process-instances"
USE_A_FORM = (
    'name a JSON Schema form in forms/ with camunda:formKey ("forms/<name>.json"), or describe the fields '
    "with camunda:formData"
)
WRITE_AN_EXTERNAL_TASK = (
    'the engine calls no Java or system itself: write camunda:type="external" and camunda:topic="…" on the '
    "service task, and a worker fetches and completes the work through /api/v1/external-tasks"
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
        "exclusive gateway", "takes the first branch whose condition holds, else the default"
    ),
    "inclusiveGateway": runs(
        "inclusive gateway",
        "takes every branch whose condition holds; joins them again, keeping each branch's writes",
    ),
    "parallelGateway": runs(
        "parallel gateway", "takes every branch; joins them again, keeping each branch's writes"
    ),
    "eventBasedGateway": runs(
        "event-based gateway", "waits for the first of the message and timer events after it"
    ),
    "sequenceFlow": runs("sequence flow", "with a Python or JUEL (${…}) condition after a gateway"),
    "laneSet": runs(
        "lanes", "a task's lane is shown with it; a lane's party entry says which organisation does its work"
    ),
    "dataObject": runs("data object", "kept with the instance; tasks read and write it by data associations"),
    "dataObjectReference": runs("data object reference", "reads and writes its data object"),
    "serviceTask": runs(
        "service task",
        'with camunda:type="external" and camunda:topic: waits until a worker fetches it by its topic and '
        "completes it, reports a failure or throws a BPMN error (/api/v1/external-tasks)",
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
        "timer catch event", "waits for the date, the ISO 8601 duration or the cycle (bare, Python or ${…})"
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
    # the form the variables an instance starts with must satisfy, as Camunda's start forms are named
    "startEvent": frozenset({"formKey"}),
    "businessRuleTask": frozenset({"decisionRef"}),
    "multiInstanceLoopCharacteristics": frozenset({"collection", "elementVariable"}),
    "serviceTask": frozenset({"type", "topic"}),  # checked further: type "external" and a topic
    # Camunda Modeler writes these on every new process; they label a version and set how long
    # Camunda keeps history, and this engine keeps all of it.
    "process": frozenset({"versionTag", "historyTimeToLive"}),
}
# camunda: attributes accepted on any flow node because they change no outcome here: an asynchronous
# continuation in Camunda only ends the transaction before or after the element (a job runs the rest);
# this engine moves an instance on within one transaction per request, so the instance reaches the same
# place with the same data. What it does not give is Camunda's rollback point: see the README.
NO_EFFECT_ATTRIBUTES = frozenset({"asyncBefore", "asyncAfter", "async", "exclusive"})
# camunda: extension elements the engine acts on (or, for properties, that describe and do nothing in
# Camunda either).
CAMUNDA_ELEMENTS = frozenset({"properties", "property", "in", "out", "inputOutput"})
# Where Camunda's generated form fields are read: a user task's, and the start event of a process.
FORM_DATA_OWNERS = frozenset({"userTask", "startEvent"})
# Where input and output parameters run as in Camunda: activities and the events a token passes.
PARAMETER_OWNERS = frozenset(
    {
        "task", "userTask", "manualTask", "scriptTask", "businessRuleTask", "receiveTask", "callActivity",
        "subProcess", "transaction", "intermediateCatchEvent", "intermediateThrowEvent", "endEvent",
    }
)  # fmt: skip

_CAMUNDA_INSTEAD = {
    "class": WRITE_AN_EXTERNAL_TASK,
    "delegateExpression": WRITE_AN_EXTERNAL_TASK,
    "expression": WRITE_AN_EXTERNAL_TASK,
    "connector": WRITE_AN_EXTERNAL_TASK,
    "field": WRITE_AN_EXTERNAL_TASK,
    "executionListener": (
        "listeners are not run (a Java class, an expression or a script alike): draw the work on the path "
        "as a script task"
    ),
    "taskListener": (
        "listeners are not run (a Java class, an expression or a script alike): draw the work on the path "
        "as a script task"
    ),
    "failedJobRetryTimeCycle": (
        "the engine retries no job on its own: a failure is answered 422 to the request, or opens an "
        "incident an admin retries"
    ),
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
SCRIPT_FORMAT = refused(
    "script format other than Python",
    "scripts are Python: a Groovy or JavaScript script is never run as Python",
)
PARAMETERS_ELSEWHERE = refused(
    "camunda:inputOutput on a start event, boundary event, gateway or multi-instance activity",
    "give the parameters to the activity or event the token passes, or copy variables in a script task",
)
CONDITION_LANGUAGE = refused(
    "condition language other than Python or JUEL", "conditions are Python, or JUEL written as ${…}"
)
CALL_MAPPING = refused(
    "camunda:in or camunda:out off a call activity, or with another attribute",
    "In and Out mappings belong to a call activity: source, target, sourceExpression, variables, businessKey",
)
MAPPING_ATTRIBUTES = frozenset({"source", "target", "sourceExpression", "variables", "businessKey", "local"})
NOT_EXTERNAL = refused(
    'service task without camunda:type="external" and a camunda:topic', WRITE_AN_EXTERNAL_TASK
)
EXTERNAL_ELSEWHERE = refused(
    "camunda:type or camunda:topic off a service task",
    "only a service task is an external task here: draw the work a worker does as a service task",
)
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
    runs(
        "camunda:formKey",
        "names the JSON Schema form of a user task, or of a process's"
        " start event (the variables it starts with), a path in the catalogue",
    ),
    runs(
        "camunda:formData",
        "the fields of a user task or a process's start event become its JSON Schema form: string, long, "
        "boolean, date (YYYY-MM-DD), enum; required, readonly, min, max, minlength, maxlength; defaultValue; "
        "a field's name_en property is its label in English (Accept-Language)",
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
    runs(
        "camunda:properties",
        "describe the element and change nothing of how it runs, as in Camunda; name_en and name_sv give "
        "its name in English and Swedish (Accept-Language)",
    ),
    runs("camunda:versionTag, camunda:historyTimeToLive", "accepted on a process; all history is kept"),
    runs(
        'camunda:type="external", camunda:topic',
        "make a service task an external task, fetched by workers by its topic",
    ),
    runs(
        "camunda:inputOutput",
        "input parameters are the activity's own variables while it runs; output parameters are set after "
        "it; values are text, ${…} (JUEL), camunda:list, camunda:map or a Python camunda:script",
    ),
    runs(
        "camunda:asyncBefore, camunda:asyncAfter, camunda:async, camunda:exclusive",
        "accepted, with no effect on where an instance goes or on its data: the engine moves an instance on "
        "in the request that moved it, with no job in between (a failure after the point is undone with "
        "the whole request, where Camunda keeps what came before it)",
    ),
    runs(
        "JUEL ${…}",
        "in conditions, timers, call mappings, parameters and the retrieval expressions of correlation "
        "properties: translated to Python that keeps JUEL's meaning; method and function calls, execution, "
        "#{…} and lambdas are refused",
    ),
    runs(
        "timer values as Camunda writes them",
        "P7D, 2026-09-01T09:00:00 (no offset: Europe/Helsinki), R3/PT1H, R/PT1H (until the instance's task "
        "limit), a Quartz cron timeCycle (0 0 9 ? * MON-FRI, Europe/Helsinki; L, W and # refused), ${…}",
    ),
)

# ---- DMN decisions (engine/decisions reads and runs them; dmn_checks refuses the rest at deploy) ------

DECISIONS = (
    runs(
        "DMN decision table",
        "found by its id in any DMN file deployed with the diagram, several decisions to a file; "
        "camunda:decisionRef names it",
    ),
    runs(
        "DMN required decision (DRD)",
        "informationRequirement/requiredDecision: taken first, its outputs are inputs of the decision that "
        "requires it (not variables of the instance); decisions requiring each other in a circle are refused",
    ),
    runs("hit policy UNIQUE", "at most one rule matches; two matching rules fail the decision naming both"),
    runs("hit policy FIRST", "the first matching rule, in the table's order"),
    runs("hit policy ANY", "matching rules must give the same outputs, else the decision fails"),
    runs("hit policy RULE ORDER", "a list per output of every matching rule's value, in the rules' order"),
    runs(
        "hit policy COLLECT",
        "a list per output of every matching rule's value; with SUM, MIN, MAX or COUNT, the aggregate of "
        "its one output",
    ),
    *(
        refused(f"hit policy {name}", why.split(" is not run: ")[1])
        for name, why in NOT_RUN_HIT_POLICIES.items()
    ),
    runs(
        "FEEL unary tests",
        'the input entries Camunda Modeler writes: < 10, >= date("2026-09-01"), [1..5], (1..5], ]1..5[, '
        '"a","b", not("x"), - or empty (any), strings, numbers, true/false, null, date("…"), '
        'date and time("…"), a variable path; the cells are FEEL unless expressionLanguage says otherwise',
    ),
    runs(
        "FEEL input expression and output entry",
        "a variable path (applicant.type) or a literal; an output value is checked against its typeRef",
    ),
    runs(
        'Python cells (expressionLanguage="python")',
        'on the definitions or a cell: an entry is a value, a test after the input ("> 5") or an '
        'expression over "?", run in the sandbox',
    ),
    refused(
        "other FEEL in a cell",
        "arithmetic, function calls other than date(), if, for, some: write a test a FEEL unary test "
        "holds, or compute the value in a script task first",
    ),
    refused("expression language other than FEEL or Python", "write the cells in FEEL"),
    refused(
        "decision logic other than a decision table",
        "a literal expression, context, invocation, relation or list: write it as a decision table",
    ),
)

# Every verdict the README's table "What the engine runs" shows, in its order.
DOCUMENTED = (
    *ELEMENTS.values(),
    *dict.fromkeys(v for v in EVENT_DEFINITIONS.values() if v.runs or not v.how.startswith("BPMN has no")),
    CANCEL_OUTSIDE, MULTIPLE_EVENT, EVENT_DEFINITION_REF, EVENT_SUB_PROCESS, SECOND_START,
    EMPTY_EVENT_GATEWAY, INSTANTIATING_RECEIVE, INNER_MESSAGE_START, SCRIPT_FORMAT, CONDITION_LANGUAGE,
    PARAMETERS_ELSEWHERE,
    *CAMUNDA_RUNS,
    *(camunda_verdict(name) for name in _CAMUNDA_INSTEAD),
    *FORM_KEYS.values(), ASSIGNMENT_EXPRESSION, NO_FORM_DATA_HERE, NOT_EXTERNAL, EXTERNAL_ELSEWHERE,
    CALL_MAPPING, OTHER_ENGINE,
    *DECISIONS,
)  # fmt: skip
