"""The statements behind a process's oversight: how many running instances wait at each step, which timers
fall due, and where a reminder fired. Each is one statement over the projections, whatever the number of
instances (a coordinator's page must not open every instance)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select

from .models import (
    AuditEvent,
    ExternalTask,
    MessageSubscription,
    PendingTimer,
    ProcessInstance,
    ReadyTask,
)
from .party_queries import participates

_instances = ProcessInstance.__table__
_ready = ReadyTask.__table__
_timers = PendingTimer.__table__
_messages = MessageSubscription.__table__
_external = ExternalTask.__table__
_audit = AuditEvent.__table__


@dataclass(frozen=True)
class WaitingCount:
    element_id: str
    kind: str  # "task", "message", "timer" or "external_task"
    instances: int


@dataclass(frozen=True)
class DueTimer:
    instance_id: str
    business_key: str | None
    element_id: str
    name: str
    due_at: datetime


@dataclass(frozen=True)
class FiredReminder:
    instance_id: str
    business_key: str | None
    element_id: str  # the reminder
    fired_at: datetime  # the last time it fired


def waits_at(element_id: str):
    """The instance waits at ``element_id``: a ready task, awaited message, pending timer or external task."""
    return or_(
        *(
            exists().where(table.c.instance_id == _instances.c.id, table.c.element_id == element_id)
            for table in (_ready, _messages, _timers, _external)
        )
    )


def of_process(process_key: str, running: str, party: str | None):
    """The running instances of the process; with ``party``, only those it plays a lane of."""
    condition = and_(_instances.c.process_key == process_key, _instances.c.status == running)
    return condition if party is None else and_(condition, participates(party, _instances.c.id))


def waiting_at(table, element_id: str):
    """The audited instance still waits at ``element_id`` (a ready task or external task row of it)."""
    return exists().where(table.c.instance_id == _audit.c.instance_id, table.c.element_id == element_id)


class OversightQueries:
    """The oversight part of ``Store`` (same connection, same transaction)."""

    # ``party`` below: the instances that party plays a lane of only (None: every instance).

    def definitions_running(self, process_key: str, running: str, party: str | None = None) -> list[int]:
        """The definition versions (ids) the process's running instances run on."""
        return list(
            self.connection.scalars(
                select(_instances.c.definition_id).where(of_process(process_key, running, party)).distinct()
            )
        )

    def waiting_counts(self, process_key: str, running: str, party: str | None = None) -> list[WaitingCount]:
        """Per step and kind of wait: how many running instances of the process wait there."""
        instances = of_process(process_key, running, party)
        counts = []
        for kind, table in (
            ("task", _ready),
            ("message", _messages),
            ("timer", _timers),
            ("external_task", _external),
        ):
            rows = self.connection.execute(
                select(table.c.element_id, func.count(func.distinct(table.c.instance_id)))
                .join(_instances, _instances.c.id == table.c.instance_id)
                .where(instances)
                .group_by(table.c.element_id)
            )
            counts += [WaitingCount(element_id, kind, count) for element_id, count in rows]
        return sorted(counts, key=lambda c: (c.element_id, c.kind))

    def timers_due(
        self,
        process_key: str,
        running: str,
        after: datetime | None,
        until: datetime,
        limit: int,
        party: str | None = None,
    ) -> tuple[list[DueTimer], int]:
        """The pending timers of the process's running instances due after ``after`` (any time, if None) and
        by ``until``: the first ``limit`` of them, soonest first, and how many there are."""
        query = (
            select(
                _timers.c.instance_id,
                _instances.c.business_key,
                _timers.c.element_id,
                _timers.c.name,
                _timers.c.due_at,
            )
            .join(_instances, _instances.c.id == _timers.c.instance_id)
            .where(of_process(process_key, running, party), _timers.c.due_at <= until)
        )
        if after is not None:
            query = query.where(_timers.c.due_at > after)
        rows = self.connection.execute(
            query.order_by(_timers.c.due_at, _instances.c.business_key, _timers.c.instance_id).limit(limit)
        )
        return [DueTimer(*row) for row in rows], self._how_many(query)

    def _how_many(self, query) -> int:
        return self.connection.scalar(select(func.count()).select_from(query.subquery()))

    def reminders_fired(
        self,
        process_key: str,
        running: str,
        reminders: dict[str, str],
        completed_kind: str,
        limit: int,
        party: str | None = None,
    ) -> tuple[list[FiredReminder], int]:
        """Running instances of the process in which a reminder (``reminders``: its element id → the element
        it is attached to) fired while the instance still waits at the element it is attached to: the first
        ``limit``, longest late first, and how many there are (an instance once per reminder)."""
        if not reminders:
            return [], 0
        still_waiting = [
            and_(
                _audit.c.element_id == reminder,
                or_(*(waiting_at(table, attached) for table in (_ready, _external))),
            )
            for reminder, attached in reminders.items()
        ]
        query = (
            select(
                _audit.c.instance_id, _instances.c.business_key, _audit.c.element_id, func.max(_audit.c.at)
            )
            .join(_instances, _instances.c.id == _audit.c.instance_id)
            .where(
                of_process(process_key, running, party),
                _audit.c.kind == completed_kind,
                or_(*still_waiting),
            )
            .group_by(_audit.c.instance_id, _instances.c.business_key, _audit.c.element_id)
        )
        rows = self.connection.execute(
            query.order_by(func.max(_audit.c.at), _instances.c.business_key, _audit.c.instance_id).limit(
                limit
            )
        )
        return [FiredReminder(*row) for row in rows], self._how_many(query)
