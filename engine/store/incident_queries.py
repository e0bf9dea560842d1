"""The statements about incidents: a failure nobody answered, open on its instance until it is retried."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update

from .models import Incident, could_be_number
from .party_queries import participates

_incidents = Incident.__table__


@dataclass(frozen=True)
class IncidentRecord:
    id: int
    instance_id: str
    process_key: str
    element_id: str | None
    kind: str
    message: str
    failures: int
    opened_at: datetime
    last_failure_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    task_id: str | None = None  # the external task whose failure opened it


class IncidentQueries:
    """The incident part of ``Store`` (same connection, same transaction)."""

    def open_incident(self, instance_id: str, task_id: str | None = None) -> IncidentRecord | None:
        """The open incident of an instance's timers (``task_id`` None) or of one of its external tasks."""
        task = _incidents.c.task_id.is_(None) if task_id is None else _incidents.c.task_id == task_id
        row = self.connection.execute(
            select(_incidents).where(
                _incidents.c.instance_id == instance_id, _incidents.c.resolved_at.is_(None), task
            )
        ).first()
        return IncidentRecord(**row._mapping) if row else None

    def incident(self, incident_id: int) -> IncidentRecord | None:
        if not could_be_number(incident_id):
            return None
        row = self.connection.execute(select(_incidents).where(_incidents.c.id == incident_id)).first()
        return IncidentRecord(**row._mapping) if row else None

    def add_incident(self, record, failure: dict, at: datetime, task_id: str | None = None) -> int:
        """Open an incident on ``record``'s instance; answers its id."""
        return self.connection.execute(
            insert(_incidents).returning(_incidents.c.id),
            [
                {
                    "instance_id": record.id,
                    "process_key": record.process_key,
                    "element_id": failure.get("element_id"),
                    "kind": failure["type"],
                    "message": failure.get("message") or "",
                    "failures": 1,
                    "opened_at": at,
                    "last_failure_at": at,
                    "task_id": task_id,
                }
            ],
        ).scalar_one()

    def count_failure(self, incident_id: int, failure: dict, at: datetime) -> None:
        self.connection.execute(
            update(_incidents)
            .where(_incidents.c.id == incident_id)
            .values(
                failures=_incidents.c.failures + 1,
                last_failure_at=at,
                element_id=failure.get("element_id"),
                kind=failure["type"],
                message=failure.get("message") or "",
            )
        )

    def resolve_incident(self, incident_id: int, at: datetime, actor: str) -> None:
        self.connection.execute(
            update(_incidents).where(_incidents.c.id == incident_id).values(resolved_at=at, resolved_by=actor)
        )

    def incident_page(self, filters: dict, open_only: bool, limit: int, offset: int, party=None):
        query = select(_incidents)
        if party is not None:
            query = query.where(participates(party, _incidents.c.instance_id))
        for column, value in filters.items():
            if value is not None:
                query = query.where(_incidents.c[column] == value)
        if open_only:
            query = query.where(_incidents.c.resolved_at.is_(None))
        total, exact = self._count(query)
        rows = self._rows(
            query.order_by(_incidents.c.opened_at.desc(), _incidents.c.id).limit(limit).offset(offset)
        )
        return [IncidentRecord(**r._mapping) for r in rows], total, exact
