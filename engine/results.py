"""What the engine's use cases answer: plain data, ready for any entry point to present, and how each is
made from the store's records."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Generic, TypeVar

from .bpmn import LoadedDefinition, start_form_key
from .catalogue.messages import FOLDER as MESSAGE_FOLDER
from .catalogue.messages import contract_of
from .problems import Problem
from .projections import Projections
from .store.external_task_queries import ExternalTaskRecord
from .store.incident_queries import IncidentRecord
from .store.queries import InstanceRecord, MessageRecord, ReadyTaskRecord
from .vocabulary import AuditKind, public_error

T = TypeVar("T")


@dataclass(frozen=True)
class MessageContract:
    """What a message must carry and how it finds its instance, as an integrator reads it."""

    name: str
    schema: dict  # the payload's JSON Schema
    correlation: dict  # {"by": "business_key"}: delivered by business key (or instance id)


@dataclass(frozen=True)
class DefinitionView:
    process_key: str
    name: str
    version: int
    content_hash: str
    documentation: str
    main_file: str
    deployed_at: datetime
    deployed_by: str
    # the messages the process catches or throws
    messages: list[MessageContract] = field(default_factory=list)
    start_form: dict | None = None  # the JSON Schema of the variables it starts with (camunda:formData)
    retirement: Retirement | None = None  # set when the key starts no new instance


@dataclass(frozen=True)
class Retirement:
    """Process key retired: it starts no new instance, its running instances finish."""

    retired_at: datetime
    retired_by: str
    reason: str


@dataclass(frozen=True)
class DeployResult:
    deployed: list[DefinitionView]  # new versions
    unchanged: list[DefinitionView]  # same content as the latest version
    warnings: list[Problem] = field(default_factory=list)  # what the checks said that does not refuse


@dataclass(frozen=True)
class TaskView(ReadyTaskRecord):
    """A ready human task as the task lists show it; one task read alone also has its details."""

    documentation: str = ""
    form: dict | None = None
    data: dict | None = None
    definition_version: int | None = None  # the version its instance runs on (lists and one task say it)


@dataclass(frozen=True)
class TimerView:
    element_id: str
    name: str
    due_at: datetime


@dataclass(frozen=True)
class MessageWaitView:
    name: str
    element_id: str
    schema: dict | None  # None on a version deployed before its message had a contract
    correlation: dict
    lane: str | None = None  # the lane the catch is drawn in: the party the message comes from
    waiting_since: datetime | None = None  # None for a wait stored before the engine kept the time


@dataclass(frozen=True)
class InstanceView:
    id: str
    process_key: str
    definition_version: int
    business_key: str | None
    status: str
    started_at: datetime
    started_by: str
    updated_at: datetime
    ended_at: datetime | None
    variables: dict
    error: dict | None
    ready_tasks: list[TaskView] = field(default_factory=list)
    waiting_messages: list[MessageWaitView] = field(default_factory=list)
    pending_timers: list[TimerView] = field(default_factory=list)
    # Who plays which lane: lane name -> party (a Y-tunnus or an organisation OID)
    parties: dict[str, str] = field(default_factory=dict)
    # What a message sent to the engine did: "delivered" to the instance that waited, or "started" it.
    message_outcome: str | None = None
    # The stored definition version it runs on (the engine's own key for it; not part of any answer)
    definition_id: int | None = None

    @property
    def organisation_name(self) -> str | None:
        """The organisation the onboarding is for, as its start or a form gave it."""
        name = (self.variables or {}).get("organisation_name")
        return name if isinstance(name, str) else None

    @property
    def next_due_at(self) -> datetime | None:
        """When the first of its pending timers falls due."""
        return min((timer.due_at for timer in self.pending_timers), default=None)

    @property
    def waiting(self) -> list[dict]:
        """Where it stands: each task, message and timer it waits for, by its kind, element and name."""
        return [
            *({"kind": "task", "element_id": t.element_id, "name": t.name} for t in self.ready_tasks),
            *({"kind": "message", "element_id": m.element_id, "name": m.name} for m in self.waiting_messages),
            *({"kind": "timer", "element_id": t.element_id, "name": t.name} for t in self.pending_timers),
        ]


@dataclass(frozen=True)
class IncidentView(IncidentRecord):
    """A failure nobody answered, as the store keeps it (open while ``resolved_at`` is None)."""


@dataclass(frozen=True)
class ExternalTaskView(ExternalTaskRecord):
    """A service task waiting for a worker: its topic, who holds its lock until when, its retries (None
    until a failure sets them; 0 means an incident waits for an operator) and its last failure. A fetched
    task also has the variables the worker asked for."""

    variables: dict | None = None
    definition_version: int | None = None  # the version its instance runs on
    extension_properties: dict | None = None  # a fetched task's camunda:properties


@dataclass(frozen=True)
class HistoryEvent:
    id: int
    instance_id: str | None
    at: datetime
    actor: str
    kind: str
    element_id: str | None
    task_id: str | None
    data: dict | None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # exact when ``total_exact``; else a lower bound (the count stops at a cap)
    limit: int
    offset: int
    total_exact: bool = True


# ---- from the store's records ---------------------------------------------------------------------------


def definition_view(row, retirement=None) -> DefinitionView:
    return DefinitionView(
        process_key=row.process_key,
        name=row.name,
        version=row.version,
        content_hash=row.content_hash,
        documentation=row.documentation,
        main_file=row.main_file,
        deployed_at=row.deployed_at,
        deployed_by=row.deployed_by,
        messages=message_contracts(row.forms),
        start_form=row.forms.get(start_form_key(row.process_key)),
        retirement=retirement_view(retirement),
    )


def retirement_view(row) -> Retirement | None:
    if row is None:
        return None
    return Retirement(row.retired_at, row.retired_by, row.reason)


def message_contracts(forms: dict) -> list[MessageContract]:
    prefix = f"{MESSAGE_FOLDER}/"
    names = sorted(key[len(prefix) : -len(".json")] for key in forms if key.startswith(prefix))
    return [MessageContract(name, *contract_of(forms, name)) for name in names]


def message_wait_view(wait: MessageRecord, definition: LoadedDefinition) -> MessageWaitView:
    contract = contract_of(definition.forms or {}, wait.message_name)
    schema, correlation = contract if contract else (None, {"by": "business_key"})
    lane = definition.lane_of(wait.element_id)
    return MessageWaitView(wait.message_name, wait.element_id, schema, correlation, lane, wait.waiting_since)


def external_task_view(
    row: ExternalTaskRecord, variables: dict | None = None, definition_version: int | None = None
) -> ExternalTaskView:
    return ExternalTaskView(
        **{f.name: getattr(row, f.name) for f in fields(ExternalTaskRecord)},
        variables=variables,
        definition_version=definition_version,
    )


def task_view(row: ReadyTaskRecord, **details) -> TaskView:
    return TaskView(**{f.name: getattr(row, f.name) for f in fields(ReadyTaskRecord)}, **details)


def instance_view(
    record: InstanceRecord,
    version: int,
    projections: Projections | None = None,
    definition: LoadedDefinition | None = None,
) -> InstanceView:
    """An instance with where it stands; a list shows it without its projections. ``definition`` is its
    definition version, where the contracts and the lanes of the messages it waits for are found."""
    return InstanceView(
        id=record.id,
        process_key=record.process_key,
        definition_version=version,
        business_key=record.business_key,
        status=record.status,
        started_at=record.started_at,
        started_by=record.started_by,
        updated_at=record.updated_at,
        ended_at=record.ended_at,
        variables=record.variables,
        error=public_error(record.error),
        ready_tasks=[task_view(t) for t in projections.ready] if projections else [],
        waiting_messages=[message_wait_view(m, definition) for m in projections.messages]
        if projections
        else [],
        pending_timers=[TimerView(t.element_id, t.name, t.due_at) for t in projections.timers]
        if projections
        else [],
        parties=dict(projections.parties) if projections else {},
        definition_id=record.definition_id,
    )


def history_event(row) -> HistoryEvent:
    return HistoryEvent(
        row.id, row.instance_id, row.at, row.actor, row.kind, row.element_id, row.task_id, _event_data(row)
    )


def incident_view(row: IncidentRecord) -> IncidentView:
    return IncidentView(**{f.name: getattr(row, f.name) for f in fields(IncidentRecord)})


def _event_data(row) -> dict | None:
    """An audit event's data in today's words, also for events stored before a word changed."""
    data = row.data
    if row.kind == AuditKind.INSTANCE_ERROR:
        return public_error(data)
    if row.kind == AuditKind.MESSAGE_RECEIVED and data and "message" in data:
        return {"name": data["message"], **{k: v for k, v in data.items() if k != "message"}}
    return data
