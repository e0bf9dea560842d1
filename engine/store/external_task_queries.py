"""The statements about external tasks: the service tasks instances wait at, fetched and locked by workers."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import and_, delete, insert, or_, select, true, update

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


def _of_topic(topic: str, business_key: str | None, process_keys: list[str] | None):
    c = _external.c
    return and_(
        c.topic == topic,
        true() if business_key is None else c.business_key == business_key,
        true() if process_keys is None else c.process_key.in_(process_keys),
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

    def claim_external_tasks(
        self,
        topics: list[tuple[str, str | None, list[str] | None]],
        at: datetime,
        limit: int,
        party: str | None = None,
    ) -> list[ExternalTaskRecord]:
        """Lock up to ``limit`` fetchable tasks of ``topics``, oldest first, for this transaction: each
        (topic, business key or None, process keys or None).

        On PostgreSQL ``FOR UPDATE SKIP LOCKED``: workers fetching at once each take rows the others have
        not, so no task is handed out twice, and none waits for another's transaction. SQLite has no row
        locks and ignores the clause; there a write transaction holds the whole database, so the claim
        and the lock it writes are one step for any other writer. With ``party``, only the tasks of the
        lanes it plays: a party's worker does its own organisation's work."""
        query = select(_external).where(or_(*(_of_topic(*topic) for topic in topics)), _fetchable(at))
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
        self, filters: dict, locked: bool | None, at: datetime, limit: int, offset: int, party=None
    ):
        query = select(_external)
        if party is not None:
            query = query.where(participates(party, _external.c.instance_id))
        for column, value in filters.items():
            if value is not None:
                query = query.where(_external.c[column] == value)
        lock_held = and_(_external.c.lock_expires_at.is_not(None), _external.c.lock_expires_at > at)
        if locked is True:
            query = query.where(lock_held)
        elif locked is False:
            query = query.where(~lock_held)
        total, exact = self._count(query)
        rows = self._rows(query.order_by(_external.c.created_at, _external.c.id).limit(limit).offset(offset))
        return [_record(r) for r in rows], total, exact
