"""The engine's tables as the database holds them, reflected: what the benchmarks read and fill straight,
without the engine's own models."""

from __future__ import annotations

from sqlalchemy import Engine, MetaData, Table


def reflected(db: Engine) -> dict[str, Table]:
    """Every table of the database at ``db`` by name (process_instances, ready_tasks, audit_events, …)."""
    metadata = MetaData()
    metadata.reflect(db)
    return dict(metadata.tables)
