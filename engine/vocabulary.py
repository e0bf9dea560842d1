"""The engine's words, each defined once: instance statuses, audit kinds, the XML namespaces and element
kinds of the diagrams, and what a variable may be."""

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
    INSTANCE_STARTED = "instance_started"
    TASK_COMPLETED = "task_completed"
    MESSAGE_RECEIVED = "message_received"
    TIMERS_FIRED = "timers_fired"
    ELEMENT_COMPLETED = "element_completed"
    INSTANCE_COMPLETED = "instance_completed"
    INSTANCE_ERROR = "instance_error"
    INSTANCE_CANCELLED = "instance_cancelled"
    CLOCK_ADVANCED = "clock_advanced"

    @classmethod
    def ended(cls, status: InstanceStatus) -> AuditKind:
        """The event that records an instance reaching ``status``."""
        return cls(f"instance_{status}")


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


def checked_variables(values, what: str) -> dict:
    """Variables become names in diagram expressions: a JSON object with plain identifier keys."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InvalidData(f"{what} must be a JSON object", [FieldError(what, "expected an object")])
    bad = [k for k in values if not isinstance(k, str) or not _VARIABLE_NAME.match(k)]
    if bad:
        raise InvalidData(
            f"{what} has names that can not be variables: {', '.join(map(repr, bad))}",
            [
                FieldError(f"{what}/{k}", "a name starts with a letter and has only letters, digits and _")
                for k in bad
            ],
        )
    unstorable = list(_unstorable_text(values, what))
    if unstorable:
        raise InvalidData(
            f"{what} holds text no database can store (a NUL character or a lone surrogate)",
            [FieldError(path, "remove the NUL character or the unpaired surrogate") for path in unstorable],
        )
    return dict(values)


def _unstorable_text(value, path: str):
    """Paths of strings PostgreSQL refuses (NUL) or no UTF-8 encoder takes (lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")  # a lone surrogate does not encode
        except UnicodeEncodeError:
            yield path
        else:
            if "\x00" in value:
                yield path
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _unstorable_text(item, f"{path}/{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _unstorable_text(item, f"{path}/{index}")


def json_safe(data) -> dict:
    """A copy of ``data`` as it reads back from JSON (what is stored and answered): dates become text."""
    return json.loads(json.dumps(data, default=str))
