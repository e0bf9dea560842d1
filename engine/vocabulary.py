"""The engine's words, each defined once: instance statuses, audit kinds, error kinds, the XML namespaces
and element kinds of the diagrams, and what a variable may be."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from enum import StrEnum

from .problems import FieldError, InvalidData


class InstanceStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    ERROR = "error"
    CANCELLED = "cancelled"


class AuditKind(StrEnum):
    """What an audit event records; every state change has one, with its actor."""

    DEFINITION_DEPLOYED = "definition_deployed"
    PROCESS_RETIRED = "process_retired"
    PROCESS_REINSTATED = "process_reinstated"
    INSTANCE_STARTED = "instance_started"
    TASK_COMPLETED = "task_completed"
    MESSAGE_RECEIVED = "message_received"
    # a message whose contract is for those waiting in the thrower's instance was thrown with none waiting
    MESSAGE_NOT_WAITED_FOR = "message_not_waited_for"
    TIMERS_FIRED = "timers_fired"
    ELEMENT_COMPLETED = "element_completed"
    INSTANCE_COMPLETED = "instance_completed"
    INSTANCE_ERROR = "instance_error"
    INSTANCE_CANCELLED = "instance_cancelled"
    CLOCK_ADVANCED = "clock_advanced"
    INCIDENT_RETRIED = "incident_retried"
    # a request met a fault of the diagram: refused, the instance unchanged, an incident opened or counted
    DEFINITION_FAULT_MET = "definition_fault_met"
    INCIDENT_RESOLVED = "incident_resolved"  # an analyst marked it resolved, or a version change did
    VARIABLES_CHANGED = "variables_changed"
    INSTANCE_MIGRATED = "instance_migrated"
    MIGRATION_BATCH_STARTED = "migration_batch_started"
    EXTERNAL_TASK_LOCKED = "external_task_locked"
    EXTERNAL_TASK_COMPLETED = "external_task_completed"
    EXTERNAL_TASK_FAILED = "external_task_failed"
    EXTERNAL_TASK_BPMN_ERROR = "external_task_bpmn_error"
    EXTERNAL_TASK_LOCK_EXTENDED = "external_task_lock_extended"
    EXTERNAL_TASK_UNLOCKED = "external_task_unlocked"
    EXTERNAL_TASK_RETRIES_SET = "external_task_retries_set"
    PARTY_BOUND = "party_bound"  # a party plays a lane of the instance from now on

    @classmethod
    def ended(cls, status: InstanceStatus) -> AuditKind:
        """The event that records an instance reaching ``status``."""
        return cls(f"instance_{status}")


class Refusal(StrEnum):
    """Why a request was refused (a ``Conflict`` with what is stored, answered 409; what it names is not
    there, 404; not the caller's party's to do, 403): a stable word a client can branch on and a page words
    in its reader's language with the ``values`` the refusal gives."""

    TASK_COMPLETED = "task-completed"  # task_id, actor, at
    TASK_NOT_READY = "task-not-ready"  # name, state
    INSTANCE_ENDED = "instance-ended"  # instance_id, status
    NO_INCIDENT_HOLDS = "no-incident-holds"  # instance_id, status
    KEPT_CHANGING = "kept-changing"  # instance_id
    CHANGED_MEANWHILE = "changed-meanwhile"  # instance_id
    RECEIVER_CHANGED = "receiver-changed"  # an instance a start sends a message to moved meanwhile
    ALREADY_RUNNING = "already-running"  # process_key, business_key, count, instance_id, started_at
    # the same, for a start message whose contract starts one instance per business key and the values of
    # some payload fields (one county process per county): also distinct, one_instance_per
    ALREADY_RUNNING_FOR_VALUES = "already-running-for-values"
    IDEMPOTENCY_KEY_USED = "idempotency-key-used"  # instance_id, process_key
    MESSAGE_KEY_USED = "message-key-used"  # instance_id: the key delivered another message to it
    SEVERAL_WAITING = "several-waiting"  # count, name, instances
    NO_LONGER_WAITING = "no-longer-waiting"  # name
    SEVERAL_STARTED = "several-started"  # name
    DEPLOYED_MEANWHILE = "deployed-meanwhile"
    ALREADY_RETIRED = "already-retired"  # process_key, retired_at, retired_by
    RETIRED_MEANWHILE = "retired-meanwhile"  # process_key
    NOT_RETIRED = "not-retired"  # process_key
    PROCESS_RETIRED = "process-retired"  # process_key, retired_at, retired_by, why
    INCIDENT_RESOLVED = "incident-resolved"  # incident_id, resolved_by, resolved_at
    INCIDENT_OF_THE_DIAGRAM = "incident-of-the-diagram"  # incident_id
    INCIDENT_OF_A_START = "incident-of-a-start"  # incident_id: a start met the fault, no instance stored
    INCIDENT_HOLDS_INSTANCE = "incident-holds-instance"  # incident_id
    EXTERNAL_TASK_NOT_READY = "external-task-not-ready"  # name, state
    EXTERNAL_TASK_NOT_LOCKED = "external-task-not-locked"  # task_id
    LOCKED_BY_ANOTHER_WORKER = "locked-by-another-worker"  # task_id, worker_id
    CLOCK_NOT_ADJUSTABLE = "clock-not-adjustable"
    # not there (404), or not the caller's party's to know of
    NO_INSTANCE = "no-instance"  # instance_id
    NO_READY_TASK = "no-ready-task"  # task_id
    NO_TASK_IN_INSTANCE = "no-task-in-instance"  # task_id
    NO_EXTERNAL_TASK = "no-external-task"  # task_id: completed, or its instance moved past it
    NO_PROCESS = "no-process"  # process_key
    NO_VERSION = "no-version"  # process_key, version
    NO_BATCH = "no-batch"  # batch_id
    NO_INCIDENT = "no-incident"  # incident_id
    NOBODY_WAITS = "nobody-waits"  # name
    NOBODY_WAITS_OR_STARTS = "nobody-waits-or-starts"  # name: and no process starts with it
    # not the caller's party's to do (403)
    OWN_ONBOARDINGS_ONLY = "own-onboardings-only"  # party
    PROVIDER_CANCELS = "provider-cancels"  # instance_id, provider
    TASK_IN_ANOTHER_LANE = "task-in-another-lane"  # task_id, lane, party
    EXTERNAL_TASK_IN_ANOTHER_LANE = "external-task-in-another-lane"  # task_id, lane, party
    MESSAGE_IN_ANOTHER_LANE = "message-in-another-lane"  # instance_id, name, lane, party
    MESSAGE_THROWN_ONLY = "message-thrown-only"  # name: a signal between processes, never sent from outside
    START_IN_ANOTHER_LANE = "start-in-another-lane"  # name, process_key, lane, party
    RETRIES_RESOLVE_INCIDENT = "retries-resolve-incident"  # task_id, incident_id


class ErrorKind(StrEnum):
    """Why an instance stopped in status ``error``: a stable word a client can branch on
    (``instance.error.type``), never the name of a class inside the engine."""

    SCRIPT_FAILURE = "script-failure"  # a script, condition or expression of the diagram failed
    # the diagram can not go on whatever the data: no condition of a gateway without a default holds, a
    # name nothing wrote is read, a decision table's rules contradict its hit policy
    DEFINITION_FAULT = "definition-fault"
    SCRIPT_TIMEOUT = "script-timeout"  # diagram code ran past its time limit
    LIMIT_EXCEEDED = "limit-exceeded"  # too many steps or tasks, or state too large
    UNSTORABLE_VALUE = "unstorable-value"  # a variable no JSON holds
    UNCAUGHT_ERROR = "uncaught-error"  # an error end event that nothing caught
    TIMER_FAILURE = "timer-failure"  # firing the timers failed outside the diagram
    MESSAGE_UNDELIVERED = "message-undelivered"  # a message thrown that no instance or process receives

    @classmethod
    def of(cls, stored: str | None) -> ErrorKind:
        """The kind of an error as the engine stored it (its own words, or the class of what failed)."""
        return _STORED_KINDS.get(stored or "", cls.SCRIPT_FAILURE)


_STORED_KINDS = {
    **{str(kind): kind for kind in ErrorKind},
    "ScriptTimeout": ErrorKind.SCRIPT_TIMEOUT,
    "LimitExceeded": ErrorKind.LIMIT_EXCEEDED,
    "DefinitionFault": ErrorKind.DEFINITION_FAULT,
    "UnstorableValue": ErrorKind.UNSTORABLE_VALUE,
    "UncaughtError": ErrorKind.UNCAUGHT_ERROR,
    "TimerFailure": ErrorKind.TIMER_FAILURE,
    "MessageUndelivered": ErrorKind.MESSAGE_UNDELIVERED,
}


def public_error(error: dict | None) -> dict | None:
    """An instance's stored error as callers see it: its ``type`` one of the stable ``ErrorKind`` words."""
    if error is None:
        return None
    return {**error, "type": str(ErrorKind.of(error.get("type")))}


BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMN_DI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn"
DMN_13_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/"

# The BPMN elements a token passes through: what path coverage counts and reachability checks walk.
FLOW_NODES = frozenset(
    {
        "task", "userTask", "manualTask", "scriptTask", "serviceTask", "sendTask", "receiveTask",
        "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
    }
)  # fmt: skip

_VARIABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def checked_variables(values, what: str, max_depth: int = 32) -> dict:
    """Variables become names in diagram expressions: a JSON object with plain identifier keys, nested no
    deeper than ``max_depth``, holding only text a database can store."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InvalidData(f"{what} must be a JSON object", [FieldError(f"/{what}", "expected an object")])
    bad = [k for k in values if not isinstance(k, str) or not _VARIABLE_NAME.match(k)]
    if bad:
        raise InvalidData(
            f"{what} has names that can not be variables: {', '.join(map(repr, bad))}",
            [
                FieldError(
                    _pointer(f"/{what}", k), "a name starts with a letter and has only letters, digits and _"
                )
                for k in bad
            ],
        )
    too_deep, unstorable = _walk(values, f"/{what}", max_depth)
    if too_deep:
        raise InvalidData(
            f"{what} is nested deeper than {max_depth} levels",
            [FieldError(too_deep, f"nest objects and lists at most {max_depth} levels deep")],
        )
    if unstorable:
        raise InvalidData(
            f"{what} holds text no database can store (a NUL character or a lone surrogate)",
            [FieldError(path, "remove the NUL character or the unpaired surrogate") for path in unstorable],
        )
    return dict(values)


def _walk(values: Mapping, what: str, max_depth: int) -> tuple[str | None, list[str]]:
    """(the JSON Pointer of a value nested too deep or None, the pointers of strings PostgreSQL refuses
    (NUL) or no UTF-8 encoder takes (lone surrogates)), walked without recursion: a caller's nesting is
    untrusted."""
    unstorable, pending = [], [(values, what, 0)]
    while pending:
        value, path, depth = pending.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")  # a lone surrogate does not encode
            except UnicodeEncodeError:
                unstorable.append(path)
            else:
                if "\x00" in value:
                    unstorable.append(path)
            continue
        if isinstance(value, Mapping):
            items = value.items()
        elif isinstance(value, list | tuple):
            items = enumerate(value)
        else:
            continue
        if depth >= max_depth:
            return path, []
        pending.extend((item, _pointer(path, key), depth + 1) for key, item in items)
    return None, sorted(unstorable)


def _pointer(path: str, key) -> str:
    """``path`` (a JSON Pointer) one level down, at ``key`` (RFC 6901 escapes "~" and "/")."""
    return f"{path}/" + str(key).replace("~", "~0").replace("/", "~1")


def json_safe(data) -> dict:
    """A copy of ``data`` as it reads back from JSON (what is stored and answered): dates become text."""
    return json.loads(json.dumps(data, default=str))
