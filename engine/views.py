"""What the engine's service functions return: plain data, ready for any entry point to present."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class DefinitionView:
    key: str
    name: str
    version: int
    content_hash: str
    documentation: str
    main_file: str
    deployed_at: datetime
    deployed_by: str


@dataclass(frozen=True)
class DeployResult:
    deployed: list[DefinitionView]  # new versions
    unchanged: list[DefinitionView]  # same content as the latest version


@dataclass(frozen=True)
class TaskView:
    id: str
    instance_id: str
    process_key: str
    business_key: str | None
    element_id: str
    name: str
    lane: str | None
    form_key: str | None
    ready_since: datetime
    documentation: str = ""
    form: dict | None = None
    data: dict | None = None


@dataclass(frozen=True)
class TimerView:
    element_id: str
    name: str
    due_at: datetime


@dataclass(frozen=True)
class MessageWaitView:
    message_name: str
    element_id: str


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
