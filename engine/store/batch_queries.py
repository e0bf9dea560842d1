"""The statements about migration batches: asked for once, then claimed and moved on chunk by chunk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select, update

from .models import MigrationBatch, could_be_number

_batches = MigrationBatch.__table__


@dataclass(frozen=True)
class BatchRecord:
    id: int
    process_key: str
    from_version: int
    to_version: int
    mapping: dict
    instance_ids: list
    position: int
    migrated: int
    refused: list
    refused_count: int
    created_by: str
    created_at: datetime
    finished_at: datetime | None
    claimed_until: datetime | None


class BatchQueries:
    """The migration-batch part of ``Store`` (same connection, same transaction)."""

    def add_batch(self, values: dict) -> int:
        return self.connection.execute(insert(_batches).returning(_batches.c.id), [values]).scalar_one()

    def batch(self, batch_id: int) -> BatchRecord | None:
        if not could_be_number(batch_id):
            return None
        row = self.connection.execute(select(_batches).where(_batches.c.id == batch_id)).first()
        return BatchRecord(**row._mapping) if row else None

    def claim_batch(self, now: datetime, until: datetime) -> BatchRecord | None:
        """The oldest unfinished batch nobody holds, now held until ``until``; None when there is none.
        The claim is a conditional update, so two workers never hold one batch at once."""
        candidates = self.connection.scalars(
            select(_batches.c.id)
            .where(
                _batches.c.finished_at.is_(None),
                or_(_batches.c.claimed_until.is_(None), _batches.c.claimed_until < now),
            )
            .order_by(_batches.c.id)
            .limit(5)
        ).all()
        for batch_id in candidates:
            claimed = self.connection.execute(
                update(_batches)
                .where(
                    _batches.c.id == batch_id,
                    or_(_batches.c.claimed_until.is_(None), _batches.c.claimed_until < now),
                )
                .values(claimed_until=until)
            )
            if claimed.rowcount == 1:
                return self.batch(batch_id)
        return None

    def record_progress(self, batch: BatchRecord, values: dict) -> None:
        self.connection.execute(update(_batches).where(_batches.c.id == batch.id).values(values))
