"""The statements about external tasks: the service tasks instances wait at, fetched and locked by workers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import and_, delete, exists, insert, or_, select, true, update

from .models import DefinitionVersion, ExternalTask, ProcessInstance, could_be_id
from .party_queries import participates, plays_lane

_external = ExternalTask.__table__
_instances = ProcessInstance.__table__
_definitions = DefinitionVersion.__table__


@dataclass(frozen=True)
class ExternalTaskRecord:
    id: str
    instance_id: str
    process_key: str
    business_key: str | None
    element_id: str
    name: str
    topic: str
    created_at: datetime
    lane: str | None = None
    worker_id: str | None = None
    lock_expires_at: datetime | None = None
    retries: int | None = None
    error_message: str | None = None
    error_details: str | None = None
    retry_at: datetime | None = None


def _record(row) -> ExternalTaskRecord:
    return ExternalTaskRecord(**{f.name: getattr(row, f.name) for f in fields(ExternalTaskRecord)})


def _fetchable(at: datetime):
    """Not out of retries, not locked (or its lock expired), and past its retry timeout."""
    c = _external.c
    return and_(
        or_(c.retries.is_(None), c.retries > 0),
        or_(c.lock_expires_at.is_(None), c.lock_expires_at <= at),
        or_(c.retry_at.is_(None), c.retry_at <= at),
    )


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks of a topic a worker fetches: of a business key, of some processes, of some definition
    versions (ids), of instances holding some variables' values (None: any). Only text values are
    compared here; the caller checks every value, with its JSON type, on the instance it reads."""

    topic: str
    business_key: str | None = None
    process_keys: list[str] | None = None
    definition_ids: list[int] | None = None
    variables: Mapping | None = None


def _of_topic(wanted: TaskFilter):
    c = _external.c
    of_instance = []
    if wanted.definition_ids is not None:
        of_instance.append(_instances.c.definition_id.in_(wanted.definition_ids))
    for name, value in (wanted.variables or {}).items():
        if isinstance(value, str):  # read the same way on SQLite and PostgreSQL; other kinds by the caller
            of_instance.append(_instances.c.variables[name].as_string() == value)
    return and_(
        c.topic == wanted.topic,
        true() if wanted.business_key is None else c.business_key == wanted.business_key,
        true() if wanted.process_keys is None else c.process_key.in_(wanted.process_keys),
        # a sub-select, not a join: the fetch's row locks stay on the tasks it claims
        exists().where(_instances.c.id == c.instance_id, *of_instance) if of_instance else true(),
    )


class ExternalTaskQueries:
    """The external-task part of ``Store`` (same connection, same transaction)."""

    def external_task(self, task_id: str, *, for_update: bool = False) -> ExternalTaskRecord | None:
        if not could_be_id(task_id):
            return None
        query = select(_external).where(_external.c.id == task_id)
        if for_update:
            query = query.with_for_update()
        row = self.connection.execute(query).first()
        return _record(row) if row else None

    def definition_versions_of(self, instance_ids: list[str]) -> dict[str, int]:
        """instance id -> the definition version it runs on (read apart from the task rows, so a fetch's
        row locks stay on the tasks it claims)."""
        if not instance_ids:
            return {}
        rows = self.connection.execute(
            select(_instances.c.id, _definitions.c.version)
            .join(_definitions, _definitions.c.id == _instances.c.definition_id)
            .where(_instances.c.id.in_(set(instance_ids)))
        ).all()
        return {row.id: row.version for row in rows}

    def external_task_ids(self, instance_id: str) -> list[str]:
        return list(
            self.connection.scalars(select(_external.c.id).where(_external.c.instance_id == instance_id))
        )

    def replace_external_tasks(self, removed: list[str], added: list[ExternalTaskRecord]) -> None:
        if removed:
            self.connection.execute(delete(_external).where(_external.c.id.in_(removed)))
        if added:
            self.connection.execute(
                insert(_external), [{f.name: getattr(t, f.name) for f in fields(t)} for t in added]
            )
            self.work_ready.update(t.topic for t in added)

    def announce_work(self, topic: str) -> None:
        """A task of ``topic`` becomes fetchable again when this transaction commits."""
        self.work_ready.add(topic)

    def claim_external_tasks(
        self, topics: list[TaskFilter], at: datetime, limit: int, party: str | None = None
    ) -> list[ExternalTaskRecord]:
        """Lock up to ``limit`` fetchable tasks of ``topics``, oldest first, for this transaction.

        On PostgreSQL ``FOR UPDATE SKIP LOCKED``: workers fetching at once each take rows the others have
        not, so no task is handed out twice, and none waits for another's transaction. SQLite has no row
        locks and ignores the clause; there a write transaction holds the whole database, so the claim
        and the lock it writes are one step for any other writer. With ``party``, only the tasks of the
        lanes it plays: a party's worker does its own organisation's work."""
        query = select(_external).where(or_(*(_of_topic(topic) for topic in topics)), _fetchable(at))
        if party is not None:
            query = query.where(plays_lane(party, _external.c.instance_id, _external.c.lane))
        rows = self.connection.execute(
            query.order_by(_external.c.created_at, _external.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        return [_record(r) for r in rows]

    def lock_external_task(self, task_id: str, worker_id: str, at: datetime, until: datetime) -> bool:
        """Lock a claimed task for ``worker_id`` if it is still fetchable: a compare-and-set, so even a
        database without row locks never hands one task to two workers."""
        result = self.connection.execute(
            update(_external)
            .where(_external.c.id == task_id, _fetchable(at))
            .values(worker_id=worker_id, lock_expires_at=until)
        )
        return result.rowcount == 1

    def update_external_task(self, task_id: str, **values) -> None:
        self.connection.execute(update(_external).where(_external.c.id == task_id).values(**values))

    def external_task_page(
        self,
        filters: dict,
        locked: bool | None,
        at: datetime,
        limit: int,
        offset: int,
        party=None,
        *,
        retries_left: bool | None = None,
        definition_ids: list[int] | None = None,
    ):
        """A page of the tasks, oldest first: ``filters`` maps a column to a value or a list of values;
        ``locked`` True: the lock holds at ``at``, False: it does not; ``retries_left`` False: none left
        (an incident holds the task back), True: some left or never failed."""
        query = select(_external)
        if party is not None:
            query = query.where(participates(party, _external.c.instance_id))
        for column, value in filters.items():
            if isinstance(value, list | tuple | set):
                query = query.where(_external.c[column].in_(list(value)))
            elif value is not None:
                query = query.where(_external.c[column] == value)
        if definition_ids is not None:
            query = query.where(
                exists().where(
                    _instances.c.id == _external.c.instance_id, _instances.c.definition_id.in_(definition_ids)
                )
            )
        lock_held = and_(_external.c.lock_expires_at.is_not(None), _external.c.lock_expires_at > at)
        if locked is True:
            query = query.where(lock_held)
        elif locked is False:
            query = query.where(~lock_held)
        none_left = and_(_external.c.retries.is_not(None), _external.c.retries <= 0)
        if retries_left is True:
            query = query.where(~none_left)
        elif retries_left is False:
            query = query.where(none_left)
        total, exact = self._count(query)
        rows = self._rows(query.order_by(_external.c.created_at, _external.c.id).limit(limit).offset(offset))
        return [_record(r) for r in rows], total, exact

    def definition_ids(self, versions: list[tuple[str, int]]) -> list[int]:
        """The ids of the definition versions (process key, version) deployed; unknown ones have none."""
        if not versions:
            return []
        wanted = or_(
            *(and_(_definitions.c.process_key == k, _definitions.c.version == v) for k, v in versions)
        )
        return list(self.connection.scalars(select(_definitions.c.id).where(wanted)))
