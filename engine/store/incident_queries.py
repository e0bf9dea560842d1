"""The statements about incidents: a failure nobody answered, open on its instance until it is retried, and
a fault of the diagram a start met, open on the definition version (no instance was stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, text, update

from .models import Incident, could_be_number
from .party_queries import participates

_incidents = Incident.__table__


@dataclass(frozen=True)
class IncidentRecord:
    id: int
    instance_id: str | None  # None: a start met it, and stored no instance
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
    definition_version: int | None = None  # the version a start met it on (only without an instance)


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

    def hold_start_faults(self, process_key: str) -> None:
        """Hold the start incidents of ``process_key`` until this transaction ends, so that two starts
        meeting one fault at once count twice on one incident (PostgreSQL: a transaction-scoped advisory
        lock; SQLite: its one writer's lock)."""
        if self.connection.dialect.name == "postgresql":
            self.connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:held, 0))"),
                {"held": f"start fault\x1f{process_key}"},
            )
        else:
            self._hold_sqlite_writer()

    def open_start_incident(
        self, process_key: str, version: int, element_id: str | None
    ) -> IncidentRecord | None:
        """The open incident of a fault starts met at ``element_id`` of that version of the process."""
        column = _incidents.c.element_id
        element = column.is_(None) if element_id is None else column == element_id
        row = self.connection.execute(
            select(_incidents).where(
                _incidents.c.instance_id.is_(None),
                _incidents.c.process_key == process_key,
                _incidents.c.definition_version == version,
                _incidents.c.resolved_at.is_(None),
                element,
            )
        ).first()
        return IncidentRecord(**row._mapping) if row else None

    def add_start_incident(self, process_key: str, version: int, failure: dict, at: datetime) -> int:
        """Open an incident on version ``version`` of ``process_key``; answers its id."""
        return self.connection.execute(
            insert(_incidents).returning(_incidents.c.id),
            [
                {
                    "instance_id": None,
                    "process_key": process_key,
                    "definition_version": version,
                    "element_id": failure.get("element_id"),
                    "kind": failure["type"],
                    "message": failure.get("message") or "",
                    "failures": 1,
                    "opened_at": at,
                    "last_failure_at": at,
                }
            ],
        ).scalar_one()

    def open_start_incidents_before(self, process_key: str, version: int) -> list[IncidentRecord]:
        """The open start incidents of the versions of ``process_key`` before ``version``."""
        rows = self.connection.execute(
            select(_incidents).where(
                _incidents.c.instance_id.is_(None),
                _incidents.c.process_key == process_key,
                _incidents.c.definition_version < version,
                _incidents.c.resolved_at.is_(None),
            )
        )
        return [IncidentRecord(**row._mapping) for row in rows]

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
