"""The Kanta onboarding engine: runs the catalogue's BPMN processes durably over one database.

This module is the engine's public surface. The REST API, the features and the benchmarks import only
what is named here; everything else under ``engine`` is the engine's own business and may move.
"""

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
