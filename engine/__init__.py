"""The Kanta onboarding engine: runs the catalogue's BPMN processes durably over one database.

This module is the engine's public surface. The REST API, the features and the benchmarks import only
what is named here; everything else under ``engine`` is the engine's own business and may move.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names as their modules define them, for readers, type checkers and import-linter
    from .catalogue import DIAGRAM_SUFFIXES, problems_in, read_folder, warnings_in
    from .catalogue.messages import CORRELATION as MESSAGE_CORRELATION
    from .catalogue.messages import FOLDER as MESSAGE_FOLDER
    from .clock import ManualClock, SystemClock
    from .names import DIAGRAM_LANGUAGE, NAME_LANGUAGES
    from .oversight import LateInstance, OversightView
    from .personal_data import Reader
    from .problems import (
        AlreadyRunning,
        ConcurrentChange,
        Conflict,
        DefinitionInvalid,
        EngineError,
        FaultIncident,
        FieldError,
        Forbidden,
        InvalidData,
        NotFound,
        Problem,
        ScriptFailure,
    )
    from .results import (
        DefinitionElements,
        DefinitionView,
        DeployResult,
        ExternalTaskView,
        HistoryEvent,
        IncidentView,
        InstanceView,
        MessageContract,
        MessageWaitView,
        Page,
        TaskView,
        TimerView,
    )
    from .service import Engine
    from .store.database import migrate_database, schema_is_current
    from .store.queries import COUNT_CAP, INSTANCE_SORTS
    from .timers import StopRequest, run_timers
    from .vocabulary import BPMN_NS, FLOW_NODES, AuditKind, ErrorKind, InstanceStatus

# Each public name → the module that defines it and its name there. A part of the engine is imported when one
# of its names is first used (PEP 562), so a command that needs one part does not import them all:
# `kanta-onboarding validate` reads the catalogue without SQLAlchemy, Alembic or the store.
_DEFINED_IN = {
    "DIAGRAM_SUFFIXES": (".catalogue", "DIAGRAM_SUFFIXES"),
    "problems_in": (".catalogue", "problems_in"),
    "read_folder": (".catalogue", "read_folder"),
    "warnings_in": (".catalogue", "warnings_in"),
    "MESSAGE_CORRELATION": (".catalogue.messages", "CORRELATION"),
    "MESSAGE_FOLDER": (".catalogue.messages", "FOLDER"),
    "ManualClock": (".clock", "ManualClock"),
    "SystemClock": (".clock", "SystemClock"),
    "DIAGRAM_LANGUAGE": (".names", "DIAGRAM_LANGUAGE"),
    "NAME_LANGUAGES": (".names", "NAME_LANGUAGES"),
    "LateInstance": (".oversight", "LateInstance"),
    "OversightView": (".oversight", "OversightView"),
    "Reader": (".personal_data", "Reader"),
    "AlreadyRunning": (".problems", "AlreadyRunning"),
    "ConcurrentChange": (".problems", "ConcurrentChange"),
    "Conflict": (".problems", "Conflict"),
    "DefinitionInvalid": (".problems", "DefinitionInvalid"),
    "EngineError": (".problems", "EngineError"),
    "FaultIncident": (".problems", "FaultIncident"),
    "FieldError": (".problems", "FieldError"),
    "Forbidden": (".problems", "Forbidden"),
    "InvalidData": (".problems", "InvalidData"),
    "NotFound": (".problems", "NotFound"),
    "Problem": (".problems", "Problem"),
    "ScriptFailure": (".problems", "ScriptFailure"),
    "DefinitionElements": (".results", "DefinitionElements"),
    "DefinitionView": (".results", "DefinitionView"),
    "DeployResult": (".results", "DeployResult"),
    "ExternalTaskView": (".results", "ExternalTaskView"),
    "HistoryEvent": (".results", "HistoryEvent"),
    "IncidentView": (".results", "IncidentView"),
    "InstanceView": (".results", "InstanceView"),
    "MessageContract": (".results", "MessageContract"),
    "MessageWaitView": (".results", "MessageWaitView"),
    "Page": (".results", "Page"),
    "TaskView": (".results", "TaskView"),
    "TimerView": (".results", "TimerView"),
    "Engine": (".service", "Engine"),
    "migrate_database": (".store.database", "migrate_database"),
    "schema_is_current": (".store.database", "schema_is_current"),
    "COUNT_CAP": (".store.queries", "COUNT_CAP"),
    "INSTANCE_SORTS": (".store.queries", "INSTANCE_SORTS"),
    "StopRequest": (".timers", "StopRequest"),
    "run_timers": (".timers", "run_timers"),
    "BPMN_NS": (".vocabulary", "BPMN_NS"),
    "FLOW_NODES": (".vocabulary", "FLOW_NODES"),
    "AuditKind": (".vocabulary", "AuditKind"),
    "ErrorKind": (".vocabulary", "ErrorKind"),
    "InstanceStatus": (".vocabulary", "InstanceStatus"),
}


def __getattr__(name: str):
    if name not in _DEFINED_IN:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, defined_as = _DEFINED_IN[name]
    value = getattr(importlib.import_module(module, __name__), defined_as)
    globals()[name] = value  # the next use finds it without asking again
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_DEFINED_IN})


__all__ = [
    "BPMN_NS",
    "COUNT_CAP",
    "DIAGRAM_LANGUAGE",
    "DIAGRAM_SUFFIXES",
    "FLOW_NODES",
    "INSTANCE_SORTS",
    "MESSAGE_CORRELATION",
    "MESSAGE_FOLDER",
    "NAME_LANGUAGES",
    "AlreadyRunning",
    "AuditKind",
    "ConcurrentChange",
    "Conflict",
    "DefinitionElements",
    "DefinitionInvalid",
    "DefinitionView",
    "DeployResult",
    "Engine",
    "EngineError",
    "ErrorKind",
    "ExternalTaskView",
    "FaultIncident",
    "FieldError",
    "Forbidden",
    "HistoryEvent",
    "IncidentView",
    "InstanceStatus",
    "InstanceView",
    "InvalidData",
    "LateInstance",
    "ManualClock",
    "MessageContract",
    "MessageWaitView",
    "NotFound",
    "OversightView",
    "Page",
    "Problem",
    "Reader",
    "ScriptFailure",
    "StopRequest",
    "SystemClock",
    "TaskView",
    "TimerView",
    "migrate_database",
    "problems_in",
    "read_folder",
    "run_timers",
    "schema_is_current",
    "warnings_in",
]
