"""The tables. Instances keep their state without the spec; lists read only the small projections."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The longest text a correlation value is kept as itself; a longer one is kept as its digest.
LONGEST_CORRELATION_VALUE = 120


def correlation_key(value: str) -> str:
    """What ``message_subscriptions.correlation_value`` keeps of a text: the text, or for a long one its
    SHA-256 (an index takes keys of bounded length); either way the delivery compares the variable itself
    afterwards, so a key only finds the candidates."""
    if len(value) <= LONGEST_CORRELATION_VALUE:
        return value
    return "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def could_be_id(value: object) -> bool:
    """Whether ``value`` could be the id of an instance or a task (a UUID's text). Anything else names no
    row and is never sent to the database: PostgreSQL refuses some text (a NUL) rather than find nothing."""
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def could_be_number(value: object) -> bool:
    """Whether ``value`` could be the id of an incident or a batch (a database Integer counted from 1):
    a larger number names no row, and PostgreSQL would refuse it rather than find nothing."""
    return isinstance(value, int) and 1 <= value <= 2**31 - 1


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes in Python, naive UTC in every database (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; the engine works in aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DefinitionVersion(Base):
    """One deployed version of a process: its spec, stored once, and the files it was made from."""

    __tablename__ = "definition_versions"
    __table_args__ = (UniqueConstraint("process_key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    process_key: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    documentation: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    spec: Mapped[str] = mapped_column(Text)
    sources: Mapped[dict] = mapped_column(JSON)  # file name -> text, as deployed
    main_file: Mapped[str] = mapped_column(String(500))
    forms: Mapped[dict] = mapped_column(JSON)  # form key -> JSON Schema
    # The message whose arrival starts an instance (a message start event); None: started by a call.
    start_message: Mapped[str | None] = mapped_column(String(200), index=True)
    deployed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deployed_by: Mapped[str] = mapped_column(String(200))


class RetiredProcess(Base):
    """A process key that starts no new instance (its running instances finish): a process renamed or
    replaced. Retirement belongs to the key, whatever version is deployed after it."""

    __tablename__ = "retired_processes"

    process_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    retired_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retired_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")


class ProcessInstance(Base):
    __tablename__ = "process_instances"
    # Instance lists are filtered and paged newest first.
    __table_args__ = (
        Index(None, "process_key", "status"),
        Index(None, "started_at", "id"),
        Index(None, "process_key", "started_at", "id"),
        Index(None, "business_key", "started_at", "id"),
        Index(None, "status", "started_at", "id"),
        # A retried start finds its instance by the key its party gave: parties never share keys.
        UniqueConstraint("idempotency_party", "idempotency_key"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("definition_versions.id"), index=True)
    process_key: Mapped[str] = mapped_column(String(200))
    business_key: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(Text)
    variables: Mapped[dict] = mapped_column(JSON)
    error: Mapped[dict | None] = mapped_column(JSON)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    # The party whose key it is; "" for a caller who acts for no party (admin, a development token).
    idempotency_party: Mapped[str] = mapped_column(String(200), server_default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revision: Mapped[int] = mapped_column(Integer)

    # A write based on a stale revision matches no row and raises StaleDataError: never a lost update.
    __mapper_args__ = {"version_id_col": revision}  # noqa: RUF012


class ReadyTask(Base):
    """A human task that can be completed now."""

    __tablename__ = "ready_tasks"
    # Task lists are filtered by one of these and paged in ready order: each index serves one list
    # without sorting every ready task of a large deployment.
    __table_args__ = (
        Index(None, "ready_since", "id"),
        Index(None, "process_key", "ready_since", "id"),
        Index(None, "business_key", "ready_since", "id"),
        Index(None, "lane", "ready_since", "id"),
        Index(None, "assignee", "ready_since", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instances.id", ondelete="CASCADE"), index=True
    )
    process_key: Mapped[str] = mapped_column(String(200))
    business_key: Mapped[str | None] = mapped_column(String(200))
    element_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500))
    lane: Mapped[str | None] = mapped_column(String(200))
    form_key: Mapped[str | None] = mapped_column(String(500))
    ready_since: Mapped[datetime] = mapped_column(UtcDateTime)
    assignee: Mapped[str | None] = mapped_column(String(200))
    candidate_users: Mapped[list] = mapped_column(JSON)
    candidate_groups: Mapped[list] = mapped_column(JSON)


class TaskCandidate(Base):
    """A user or group a ready task is offered to, one row each, so a list finds a candidate's tasks by
    index (the task's JSON lists are what it shows)."""

    __tablename__ = "task_candidates"
    __table_args__ = (Index(None, "kind", "name", "task_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("ready_tasks.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "user" or "group"
    name: Mapped[str] = mapped_column(String(200))


class PendingTimer(Base):
    __tablename__ = "pending_timers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instances.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[str] = mapped_column(String(36))
    element_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class MessageSubscription(Base):
    """An instance waiting for a message, so that delivery never has to open other instances."""

    __tablename__ = "message_subscriptions"
    __table_args__ = (
        Index(None, "message_name", "business_key"),
        # a message correlating by a payload property finds its instance by the value, not in the JSON
        Index(None, "message_name", "correlation_value"),
        # the versions whose instances wait for a message (each may correlate it its own way)
        Index(None, "message_name", "definition_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instances.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[str] = mapped_column(String(36))
    element_id: Mapped[str] = mapped_column(String(200))
    message_name: Mapped[str] = mapped_column(String(200))
    business_key: Mapped[str | None] = mapped_column(String(200))
    # Since when the instance waits for it (None: a wait stored before the engine kept the time).
    waiting_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The lane the catching event is drawn in: the party who plays it is the one who sends the message.
    lane: Mapped[str | None] = mapped_column(String(200))
    # Where the message's contract correlates by a payload property: the key of the text the instance's
    # variable holds now (``correlation_key``), kept in step with the variable; None otherwise.
    correlation_value: Mapped[str | None] = mapped_column(String(200))
    # The definition version the instance runs (as process_instances says), so that the versions waiting
    # for a message are read from this index, not from every waiting instance.
    definition_id: Mapped[int | None] = mapped_column(Integer)


class ExternalTask(Base):
    """A service task an instance waits at, for a worker to fetch by its topic, lock, and complete.

    Fetchable when its retries are not used up (NULL: never failed), it is not locked (or the lock has
    expired) and its retry timeout has passed."""

    __tablename__ = "external_tasks"
    # Workers fetch by topic in creation order.
    __table_args__ = (Index(None, "topic", "created_at", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instances.id", ondelete="CASCADE"), index=True
    )
    process_key: Mapped[str] = mapped_column(String(200))
    business_key: Mapped[str | None] = mapped_column(String(200))
    element_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500))
    topic: Mapped[str] = mapped_column(String(200))
    lane: Mapped[str | None] = mapped_column(String(200))  # whose system does the work
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    worker_id: Mapped[str | None] = mapped_column(String(200))
    lock_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    retries: Mapped[int | None] = mapped_column(Integer)
    error_message: Mapped[str | None] = mapped_column(Text)
    error_details: Mapped[str | None] = mapped_column(Text)
    retry_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class InstanceParty(Base):
    """Which party plays which lane of an instance: the provider from the business key at start, Kela
    and THL from the diagram, a vendor, county or intermediary when a task names it. A party sees the
    instances it plays a lane of and does the work of its own lanes only."""

    __tablename__ = "instance_parties"
    __table_args__ = (
        UniqueConstraint("instance_id", "lane"),
        # lists scoped to a party find its instances by this index
        Index(None, "party", "instance_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[str] = mapped_column(ForeignKey("process_instances.id", ondelete="CASCADE"))
    lane: Mapped[str] = mapped_column(String(200))  # the lane's name, as tasks show it
    party: Mapped[str] = mapped_column(String(200))  # a Y-tunnus or an organisation OID
    bound_at: Mapped[datetime] = mapped_column(UtcDateTime)
    bound_by: Mapped[str] = mapped_column(String(200))


class UsageLogEntry(Base):
    """One read of an instance's or a task's data: who, which instance, which fields it was shown and which
    were masked, when, through which endpoint. Kept apart from the audit trail: reads change nothing."""

    __tablename__ = "usage_log"
    # (instance_id, id): the newest row of an instance's chain is one index entry, however often it was read
    __table_args__ = (Index(None, "instance_id", "at"), Index(None, "instance_id", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(200))
    instance_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[list] = mapped_column(JSON)
    masked: Mapped[list] = mapped_column(JSON)
    purpose: Mapped[str] = mapped_column(String(300))
    # the hash chain of the instance's reads (engine/store/chain.py)
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditEvent(Base):
    """Who changed what, when: one row per state change, never updated."""

    __tablename__ = "audit_events"
    # an instance's trail in order, and the newest row of its chain, read from the index
    __table_args__ = (Index(None, "instance_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    element_id: Mapped[str | None] = mapped_column(String(200))
    task_id: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[dict | None] = mapped_column(JSON)
    # the hash chain of the instance's events (engine/store/chain.py); None: written before chains were kept
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class Incident(Base):
    """A failure with nobody to answer it (a timer's run), open on its instance until an operator retries;
    or a fault of the diagram a request met, open on its instance or, met by a start that stored no
    instance, on the definition version (``instance_id`` None) until it is resolved."""

    __tablename__ = "incidents"
    __table_args__ = (Index(None, "resolved_at", "opened_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[str | None] = mapped_column(
        ForeignKey("process_instances.id", ondelete="CASCADE"), index=True
    )
    process_key: Mapped[str] = mapped_column(String(200))
    element_id: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_failure_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    # The external task whose worker's failure opened it (None: a timer's run failed).
    task_id: Mapped[str | None] = mapped_column(String(36))
    # The version a start met the fault on, when it stored no instance (else None: the instance says it).
    definition_version: Mapped[int | None] = mapped_column(Integer)


class MigrationBatch(Base):
    """A migration of many instances, run in the background chunk by chunk by the timer workers."""

    __tablename__ = "migration_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    process_key: Mapped[str] = mapped_column(String(200))
    from_version: Mapped[int] = mapped_column(Integer)
    to_version: Mapped[int] = mapped_column(Integer)
    mapping: Mapped[dict] = mapped_column(JSON)
    instance_ids: Mapped[list] = mapped_column(JSON)  # the instances to move, fixed when it was asked for
    position: Mapped[int] = mapped_column(Integer)  # how many of them have been handled
    migrated: Mapped[int] = mapped_column(Integer)
    refused: Mapped[list] = mapped_column(JSON)  # [{instance_id, reasons}], the first REFUSED_KEPT
    refused_count: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MessageKey(Base):
    """The Idempotency-Key of a message delivered to a waiting instance, with what the delivery answered:
    the same message sent again with the key is answered the same, until the key expires. (A message that
    started an instance keeps its key on the instance, as a start does.)"""

    __tablename__ = "message_keys"

    # "" for a caller of no party: keys are per party, as a start's are
    party: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    # SHA-256 of the message as sent (name, how its instance was named, payload): another under the key is
    # refused
    request_hash: Mapped[str] = mapped_column(String(64))
    answer: Mapped[dict | None] = mapped_column(JSON)  # the instance as the delivery answered it
    delivered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
