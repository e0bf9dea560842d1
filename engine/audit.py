"""The audit trail: who changed what, when. Every state change of an instance or a definition writes one
event with its actor; a unit of work also records each diagram element it completed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .vocabulary import AuditKind, json_safe


@dataclass(frozen=True)
class Change:
    """What one unit of work did to an instance, for its audit event."""

    kind: AuditKind
    element_id: str | None = None
    task_id: str | None = None
    data: dict | None = None


def audit_row(
    actor: str,
    kind: AuditKind,
    at: datetime,
    instance_id: str | None = None,
    element_id: str | None = None,
    task_id: str | None = None,
    data: dict | None = None,
) -> dict:
    return {
        "instance_id": instance_id,
        "at": at,
        "actor": actor,
        "kind": str(kind),
        "element_id": element_id,
        "task_id": task_id,
        "data": json_safe(data) if data is not None else None,
    }
