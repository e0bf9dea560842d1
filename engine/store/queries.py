"""Every statement the engine runs against its tables, in SQLAlchemy Core, one transaction per ``Store``.

A unit of work reads an instance and its ready tasks, and writes the instance with one
``UPDATE … WHERE revision = :read``: a write based on a stale revision changes no row and is reported,
never a lost update. Projections and audit rows are written in as few statements as the change needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection, bindparam, delete, exists, false, func, insert, or_, select, text, update

from ..parties import CALLED_LANE
from .batch_queries import BatchQueries
from .chain import broken_link, chained, head_beside
from .external_task_queries import ExternalTaskQueries
from .incident_queries import IncidentQueries
from .message_key_queries import MessageKeyQueries
from .models import (
    AuditEvent,
    DefinitionVersion,
    MessageSubscription,
    PendingTimer,
    ProcessInstance,
    ReadyTask,
    RetiredProcess,
    TaskCandidate,
    UsageLogEntry,
    correlation_key,
    could_be_id,
)
from .oversight_queries import OversightQueries, waits_at
from .party_queries import PartyQueries, participates, plays_lane

# A list says how many match up to this many; past it "1,000 or more" (total_exact false) is all a person
# paging a list needs, and counting further would read every match of a large deployment for each page.
COUNT_CAP = 1_000
_instances = ProcessInstance.__table__
_ready = ReadyTask.__table__
_candidates = TaskCandidate.__table__
_timers = PendingTimer.__table__
_messages = MessageSubscription.__table__
_audit = AuditEvent.__table__
_definitions = DefinitionVersion.__table__
_retired = RetiredProcess.__table__


@dataclass
class InstanceRecord:
    id: str
    definition_id: int
    process_key: str
    business_key: str | None
    status: str
    state: str
    variables: dict
    error: dict | None
    idempotency_key: str | None
    started_at: datetime
    started_by: str
    updated_at: datetime
    ended_at: datetime | None = None
    revision: int = 0  # 0: not stored yet
    idempotency_party: str = ""  # whose idempotency key it is ("" for a caller of no party)


@dataclass(frozen=True)
class ReadyTaskRecord:
    id: str
    instance_id: str
    process_key: str
    business_key: str | None
    element_id: str
    name: str
    lane: str | None
    form_key: str | None
    ready_since: datetime
    assignee: str | None = None
    candidate_users: list[str] = field(default_factory=list)
    candidate_groups: list[str] = field(default_factory=list)


class CandidateKind(StrEnum):
    USER = "user"
    GROUP = "group"


@dataclass(frozen=True)
class MessageRecord:
    instance_id: str
    task_id: str
    element_id: str
    message_name: str
    business_key: str | None
    lane: str | None = None
    waiting_since: datetime | None = None
    correlation_value: str | None = None  # correlation_key of the variable a by-variable contract reads
    definition_id: int | None = None  # the version the instance runs


@dataclass(frozen=True)
class TimerRecord:
    instance_id: str
    task_id: str
    element_id: str
    name: str
    due_at: datetime


def _record(cls, row):
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def _values(record) -> dict:
    """A record's columns, shallow (``dataclasses.asdict`` would deep-copy every variable)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


# The unit of work's statements, built once: each call only binds its values.
_INSTANCE = select(_instances).where(_instances.c.id == bindparam("id"))
# An instance read to act on or to show comes with the heads of its audit and usage-log chains, which the
# writes that follow chain from (``chained``): two statements fewer per unit of work.
INSTANCE_WITH_HEADS = select(
    _instances,
    head_beside(_audit, _instances.c.id).label("audit_head"),
    head_beside(UsageLogEntry.__table__, _instances.c.id).label("usage_head"),
).where(_instances.c.id == bindparam("id"))
_READY_OF_INSTANCE = (
    select(_ready)
    .where(_ready.c.instance_id == bindparam("instance_id"))
    .order_by(_ready.c.ready_since, _ready.c.id)
)
_READY_TASK = select(_ready).where(_ready.c.id == bindparam("id"))
# What a version holds besides its head: its spec, its files and its forms, the bulk of its row. A start only
# needs the head (the id its workflow is loaded by, once per worker, and its start message): reading and
# decoding the whole row took about a third of a start's time.
DEFINITION_CONTENTS = frozenset({"spec", "sources", "forms"})
_LATEST_DEFINITION_HEAD = (
    select(*(column for column in _definitions.c if column.name not in DEFINITION_CONTENTS))
    .where(_definitions.c.process_key == bindparam("process_key"))
    .order_by(_definitions.c.version.desc())
    .limit(1)
)
_INSTANCE_IN_STATUS = (
    select(_instances.c.id)
    .where(
        _instances.c.business_key == bindparam("business_key"),
        _instances.c.process_key == bindparam("process_key"),
        _instances.c.status.in_(bindparam("statuses", expanding=True)),
    )
    .limit(1)
)
_INSERT_INSTANCE = insert(_instances)
_WRITTEN_COLUMNS = ("definition_id", "status", "state", "variables", "error", "updated_at", "ended_at")
_UPDATE_INSTANCE = (
    update(_instances)
    .where(_instances.c.id == bindparam("instance_id"), _instances.c.revision == bindparam("read_at"))
    .values(
        {column: bindparam(f"new_{column}") for column in _WRITTEN_COLUMNS}
        | {"revision": bindparam("new_revision")}
    )
)
_DELETE_READY = delete(_ready).where(_ready.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_READY, _INSERT_CANDIDATES = insert(_ready), insert(_candidates)
_INSERT_TIMERS, _INSERT_MESSAGES, _INSERT_AUDIT = insert(_timers), insert(_messages), insert(_audit)
_DELETE_TIMERS = delete(_timers).where(_timers.c.instance_id == bindparam("instance_id"))
_DELETE_MESSAGES = delete(_messages).where(_messages.c.instance_id == bindparam("instance_id"))


class Store(
    BatchQueries, IncidentQueries, ExternalTaskQueries, OversightQueries, PartyQueries, MessageKeyQueries
):
    """The engine's tables within one transaction (the unit of work's connection)."""

    def __init__(self, connection: Connection):
        self.connection = connection
        # the topics whose external tasks this transaction makes fetchable, signalled after its commit
        self.work_ready: set[str] = set()
        # the chain heads this transaction read or wrote, (table, instance id) -> hash (see ``chained``)
        self.chain_heads: dict[tuple[str, str | None], str] = {}
        # who plays each instance's lanes, as this transaction read, bound or found in the state cache
        self.known_parties: dict[str, dict[str, str]] = {}

    def _rows(self, statement):
        return self.connection.execute(statement).all()

    def _insert(self, statement, rows: list[dict]) -> None:
        """Insert ``rows`` with a statement built once; one row goes as one (an executemany of one costs
        more)."""
        self.connection.execute(statement, rows[0] if len(rows) == 1 else rows)

    # ---- instances ------------------------------------------------------------------------------------

    def instance(self, instance_id: str) -> InstanceRecord | None:
        if not could_be_id(instance_id):
            return None
        row = self.connection.execute(INSTANCE_WITH_HEADS, {"id": instance_id}).first()
        if row is None:
            return None
        self.chain_heads[(_audit.name, row.id)] = row.audit_head or ""
        self.chain_heads[(UsageLogEntry.__tablename__, row.id)] = row.usage_head or ""
        return _record(InstanceRecord, row)

    def instance_for_idempotency_key(self, key: str, party: str | None = None) -> InstanceRecord | None:
        """The instance ``party`` started with ``key`` (None: a caller of no party): keys are per party."""
        row = self.connection.execute(
            select(_instances).where(
                _instances.c.idempotency_key == key, _instances.c.idempotency_party == (party or "")
            )
        ).first()
        return _record(InstanceRecord, row) if row else None

    def claim_due(self, instance_id: str, due_by: datetime, running: str) -> InstanceRecord | None:
        """Lock a running instance that still has a timer due, skipping one another transaction holds.

        On PostgreSQL (FOR UPDATE SKIP LOCKED) timer workers running at once split the due instances
        instead of queueing on the same rows; the lock goes with the transaction, so a worker that dies
        mid-claim leaves the timer pending for the next. SQLite has no row locks and ignores the clause:
        there, as everywhere, the revision check keeps a timer from firing twice.
        """
        still_due = (
            select(_timers.c.id)
            .where(_timers.c.instance_id == instance_id, _timers.c.due_at <= due_by)
            .exists()
        )
        row = self.connection.execute(
            select(_instances)
            .where(_instances.c.id == instance_id, _instances.c.status == running, still_due)
            .with_for_update(skip_locked=True)
        ).first()
        return _record(InstanceRecord, row) if row else None

    def hold_business_key(self, process_key: str, business_key: str) -> None:
        """Hold ``business_key``'s starts of ``process_key`` until this transaction ends, so that a check
        for a running instance and the insert of a new one are one step: a start at the same moment waits
        here and then sees what this one stored.

        PostgreSQL: a transaction-scoped advisory lock on the pair (released by commit or rollback, also of
        a killed worker). SQLite has one writer: a write statement that changes nothing takes its writer
        lock, which another writer waits for (the busy timeout); reads after it see the latest commit."""
        if self.connection.dialect.name == "postgresql":
            held = f"{process_key}\x1f{business_key}"  # a separator no key holds: ("a b", "c") ≠ ("a", "b c")
            self.connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:held, 0))"), {"held": held}
            )
        else:
            self._hold_sqlite_writer()

    def hold_instance(self, instance_id: str) -> InstanceRecord | None:
        """The instance, its row held until this transaction ends (FOR UPDATE; SQLite: its writer lock), for
        a change beside it that two transactions must not both make from what they read (its incident)."""
        if self.connection.dialect.name != "postgresql":
            self._hold_sqlite_writer()
        row = self.connection.execute(_INSTANCE.with_for_update(), {"id": instance_id}).first()
        return _record(InstanceRecord, row) if row else None

    def _hold_sqlite_writer(self) -> None:
        self.connection.execute(update(_instances).where(false()).values(revision=_instances.c.revision))

    def insert_instance(self, record: InstanceRecord) -> None:
        record.revision = 1
        self.connection.execute(_INSERT_INSTANCE, _values(record))
        # a new instance's audit trail and usage log start here: their chains have no head to read
        self.chain_heads[(_audit.name, record.id)] = ""
        self.chain_heads[(UsageLogEntry.__tablename__, record.id)] = ""

    def update_instance(self, record: InstanceRecord) -> bool:
        """Write ``record`` over the revision it was read at; False if another writer moved it meanwhile."""
        values = {f"new_{column}": getattr(record, column) for column in _WRITTEN_COLUMNS}
        values.update(instance_id=record.id, read_at=record.revision, new_revision=record.revision + 1)
        result = self.connection.execute(_UPDATE_INSTANCE, values)
        if result.rowcount != 1:
            return False
        record.revision += 1
        return True

    # ---- projections --------------------------------------------------------------------------------

    def ready_tasks(self, instance_id: str) -> list[ReadyTaskRecord]:
        rows = self.connection.execute(_READY_OF_INSTANCE, {"instance_id": instance_id})
        return [_record(ReadyTaskRecord, r) for r in rows]

    def ready_task(self, task_id: str) -> ReadyTaskRecord | None:
        if not could_be_id(task_id):
            return None
        row = self.connection.execute(_READY_TASK, {"id": task_id}).first()
        return _record(ReadyTaskRecord, row) if row else None

    def replace_ready_tasks(self, removed: list[str], added: list[ReadyTaskRecord]) -> None:
        if removed:  # their candidates go with them (ON DELETE CASCADE, on SQLite too: foreign_keys=ON)
            self.connection.execute(_DELETE_READY, {"ids": removed})
        if added:
            self._insert(_INSERT_READY, [_values(t) for t in added])
            candidates = [
                {"task_id": task.id, "kind": kind, "name": name}
                for task in added
                for kind, names in (
                    (CandidateKind.USER, task.candidate_users),
                    (CandidateKind.GROUP, task.candidate_groups),
                )
                for name in names
            ]
            if candidates:
                self._insert(_INSERT_CANDIDATES, candidates)

    def replace_waits(
        self,
        instance_id: str,
        messages: list[MessageRecord],
        timers: list[TimerRecord],
        *,
        stored: tuple[bool, bool] = (True, True),
    ) -> None:
        """Write the instance's waits anew; ``stored`` (messages, timers) says which kinds may have rows
        now: a kind known to have none is not deleted."""
        messages_stored, timers_stored = stored
        if timers_stored:
            self.connection.execute(_DELETE_TIMERS, {"instance_id": instance_id})
        if messages_stored:
            self.connection.execute(_DELETE_MESSAGES, {"instance_id": instance_id})
        if timers:
            self._insert(_INSERT_TIMERS, [_values(t) for t in timers])
        if messages:
            self._insert(_INSERT_MESSAGES, [_values(m) for m in messages])

    def waits(self, instance_id: str) -> tuple[list[MessageRecord], list[TimerRecord]]:
        messages = self._rows(
            select(_messages).where(_messages.c.instance_id == instance_id).order_by(_messages.c.id)
        )
        timers = self._rows(
            select(_timers).where(_timers.c.instance_id == instance_id).order_by(_timers.c.due_at)
        )
        return [_record(MessageRecord, m) for m in messages], [_record(TimerRecord, t) for t in timers]

    def messages_waiting_since(self, instance_id: str) -> dict[str, datetime | None]:
        """Since when the instance has waited for each message it waits for, by the wait's task id."""
        rows = self.connection.execute(
            select(_messages.c.task_id, _messages.c.waiting_since).where(
                _messages.c.instance_id == instance_id
            )
        )
        return {task_id: since for task_id, since in rows}

    def instances_waiting_for(
        self,
        message_name: str,
        business_key,
        instance_id,
        *,
        definition_id: int | None = None,
        holding: tuple[str, str] | None = None,
        party: str | None = None,
    ) -> list[str]:
        """The instances waiting for the message, by business key, id, definition version and a text
        variable's value (``holding``: (name, value); the caller checks the value's type); with ``party``,
        only where it plays the lane of the catching event."""
        if instance_id is not None and not could_be_id(instance_id):
            return []
        query = select(_messages.c.instance_id).where(_messages.c.message_name == message_name).distinct()
        if party is not None:
            query = query.where(plays_lane(party, _messages.c.instance_id, _messages.c.lane))
        if business_key is not None:
            query = query.where(_messages.c.business_key == business_key)
        if instance_id is not None:
            query = query.where(_messages.c.instance_id == instance_id)
        if definition_id is not None:
            query = query.join(_instances, _instances.c.id == _messages.c.instance_id).where(
                _instances.c.definition_id == definition_id
            )
        if holding is not None:  # by the projection's index, not in each instance's JSON
            query = query.where(_messages.c.correlation_value == correlation_key(holding[1]))
        return list(self.connection.scalars(query))

    def update_correlation_values(self, instance_id: str, values: dict[str, str | None]) -> None:
        """The waits' correlation values (task id -> value) after the instance's variables changed."""
        for task_id, value in values.items():
            self.connection.execute(
                update(_messages)
                .where(_messages.c.instance_id == instance_id, _messages.c.task_id == task_id)
                .values(correlation_value=value)
            )

    def definitions_waiting_for(self, message_name: str) -> list[int]:
        """The definition versions of the instances waiting for the message (from the waits' index)."""
        return list(
            self.connection.scalars(
                select(_messages.c.definition_id).where(_messages.c.message_name == message_name).distinct()
            )
        )

    def instances_with_timers_due(self, due_by: datetime, limit: int) -> list[str]:
        return list(
            self.connection.scalars(
                select(_timers.c.instance_id)
                .where(_timers.c.due_at <= due_by)
                .group_by(_timers.c.instance_id)
                .order_by(func.min(_timers.c.due_at))
                .limit(limit)
            )
        )

    # ---- audit --------------------------------------------------------------------------------------

    def add_audit(self, rows: list[dict]) -> None:
        """Audit rows in one multi-row INSERT, in the order given."""
        self._insert(_INSERT_AUDIT, chained(self.connection, _audit, rows, self.chain_heads))

    def broken_links(self) -> list[tuple[str, int | None, str | None, int]]:
        """Per chained table: (table, the first row breaking a chain, why, rows without a hash)."""
        return [(t.name, *broken_link(self.connection, t)) for t in (_audit, UsageLogEntry.__table__)]

    def completion_of(self, task_id: str):
        """The audit event of a task's completion, if it was completed."""
        if not could_be_id(task_id):
            return None
        return self.connection.execute(
            select(_audit).where(_audit.c.task_id == task_id, _audit.c.kind == "task_completed").limit(1)
        ).first()

    def participates(self, instance_id: str, party: str) -> bool:
        return party in self.parties_of(instance_id).values()

    def history(self, instance_id: str):
        return self._rows(select(_audit).where(_audit.c.instance_id == instance_id).order_by(_audit.c.id))

    # ---- definitions --------------------------------------------------------------------------------

    def definition(self, definition_id: int):
        return self.connection.execute(select(_definitions).where(_definitions.c.id == definition_id)).first()

    def definition_version(self, key: str, version: int | None):
        """A version of process ``key``; the latest when ``version`` is None."""
        query = select(_definitions).where(_definitions.c.process_key == key)
        if version is None:
            query = query.order_by(_definitions.c.version.desc()).limit(1)
        else:
            query = query.where(_definitions.c.version == version)
        return self.connection.execute(query).first()

    def latest_definition_head(self, key: str):
        """The latest version of process ``key`` without its contents (``DEFINITION_CONTENTS``), or None."""
        return self.connection.execute(_LATEST_DEFINITION_HEAD, {"process_key": key}).first()

    def definition_versions(self, key: str):
        return self._rows(
            select(_definitions).where(_definitions.c.process_key == key).order_by(_definitions.c.version)
        )

    def latest_definitions(self):
        """The latest version of every process, without its spec (what lists and deploys compare; a run
        loads its spec by id, once per worker)."""
        latest = (
            select(_definitions.c.process_key, func.max(_definitions.c.version).label("version"))
            .group_by(_definitions.c.process_key)
            .subquery()
        )
        return self._rows(
            select(*(column for column in _definitions.c if column.name != "spec"))
            .join(
                latest,
                (_definitions.c.process_key == latest.c.process_key)
                & (_definitions.c.version == latest.c.version),
            )
            .order_by(_definitions.c.process_key)
        )

    def definitions_started_by(self, message_name: str):
        """The latest versions whose process starts when message ``message_name`` arrives, retired or not
        (``retirement`` tells)."""
        latest = (
            select(_definitions.c.process_key, func.max(_definitions.c.version).label("version"))
            .group_by(_definitions.c.process_key)
            .subquery()
        )
        return self._rows(
            select(_definitions.c.id, _definitions.c.process_key)
            .join(
                latest,
                (_definitions.c.process_key == latest.c.process_key)
                & (_definitions.c.version == latest.c.version),
            )
            .where(_definitions.c.start_message == message_name)
            .order_by(_definitions.c.process_key)
        )

    def add_definition(self, values: dict) -> None:
        self.connection.execute(insert(_definitions), [values])

    def retirement(self, key: str):
        """When and by whom process ``key`` was retired, or None."""
        return self.connection.execute(select(_retired).where(_retired.c.process_key == key)).first()

    def retirements(self) -> dict:
        return {row.process_key: row for row in self._rows(select(_retired))}

    def retire(self, key: str, at: datetime, by: str, reason: str) -> None:
        self.connection.execute(
            insert(_retired), [{"process_key": key, "retired_at": at, "retired_by": by, "reason": reason}]
        )

    def reinstate(self, key: str) -> None:
        self.connection.execute(delete(_retired).where(_retired.c.process_key == key))

    def deployed_process_count(self) -> int:
        return self.connection.scalar(select(func.count(func.distinct(_definitions.c.process_key))))

    # ---- versions in use ----------------------------------------------------------------------------

    def instance_counts_by_version(self, key: str, party: str | None = None) -> dict[int, dict[str, int]]:
        """Per version of process ``key``: how many of its instances (with ``party``, of those it plays a lane
        of) are in each status."""
        query = (
            select(_definitions.c.version, _instances.c.status, func.count())
            .join(_instances, _instances.c.definition_id == _definitions.c.id)
            .where(_definitions.c.process_key == key)
        )
        if party is not None:
            query = query.where(participates(party, _instances.c.id))
        rows = self.connection.execute(query.group_by(_definitions.c.version, _instances.c.status))
        counts: dict[int, dict[str, int]] = {}
        for version, status, count in rows:
            counts.setdefault(version, {})[status] = count
        return counts

    def movable_instances(self, definition_id: int, statuses: tuple[str, ...]) -> list[str]:
        """The instances of a definition version that a migration may move, oldest first."""
        return list(
            self.connection.scalars(
                select(_instances.c.id)
                .where(_instances.c.definition_id == definition_id, _instances.c.status.in_(statuses))
                .order_by(_instances.c.started_at, _instances.c.id)
            )
        )

    def waiting_elements(self, definition_id: int) -> list[tuple[str, str]]:
        """(instance id, element id) for every ready task, awaited message and pending timer of the
        running instances of a definition version."""
        on_version = select(_instances.c.id).where(_instances.c.definition_id == definition_id)
        queries = [
            select(table.c.instance_id, table.c.element_id).where(table.c.instance_id.in_(on_version))
            for table in (_ready, _messages, _timers)
        ]
        return [tuple(row) for query in queries for row in self.connection.execute(query)]

    # ---- lists --------------------------------------------------------------------------------------

    def has_instance_in(self, process_key: str, business_key: str, statuses: tuple[str, ...]) -> bool:
        """Whether ``business_key`` has an instance of ``process_key`` in one of ``statuses``: a start's
        check for a second onboarding, one indexed statement built once (the page and its count are read
        only when there is one)."""
        found = self.connection.execute(
            _INSTANCE_IN_STATUS,
            {"process_key": process_key, "business_key": business_key, "statuses": list(statuses)},
        )
        return found.first() is not None

    def unended_values(
        self, process_key: str, business_key: str, statuses: tuple[str, ...], names: tuple[str, ...]
    ) -> list[tuple[str, str, datetime, dict]]:
        """(id, status, started_at, {name: value}) of ``business_key``'s instances of ``process_key`` in one
        of ``statuses``, newest first (as AlreadyRunning names them), with the values of the variables
        ``names``: a start's check for a second instance where the start message's contract says which of
        its fields make one distinct. Read only when ``has_instance_in`` found one, so few rows: one
        business key's of one process."""
        rows = self.connection.execute(
            select(_instances.c.id, _instances.c.status, _instances.c.started_at, _instances.c.variables)
            .where(
                _instances.c.process_key == process_key,
                _instances.c.business_key == business_key,
                _instances.c.status.in_(statuses),
            )
            .order_by(_instances.c.started_at.desc(), _instances.c.id.desc())
        )
        return [
            (row.id, row.status, row.started_at, {name: (row.variables or {}).get(name) for name in names})
            for row in rows
        ]

    def instance_page(
        self,
        filters: dict,
        limit: int,
        offset: int,
        finding: InstanceFinding | None = None,
        *,
        party: str | None = None,
    ):
        """(instance records with their definition version, total, exact), newest first unless ``finding``
        sorts them otherwise; ``finding`` narrows them further (see InstanceFinding); with ``party``, only
        the instances it plays a lane of."""
        finding = finding or InstanceFinding()
        next_due = (
            select(func.min(_timers.c.due_at))
            .where(_timers.c.instance_id == _instances.c.id)
            .scalar_subquery()
        )
        query = select(_instances, _definitions.c.version.label("definition_version")).join(
            _definitions, _definitions.c.id == _instances.c.definition_id
        )
        query = _filtered(query, _instances, filters)
        if party is not None:
            query = query.where(participates(party, _instances.c.id))
        for condition in finding.conditions(next_due):
            query = query.where(condition)
        total, exact = self._count(query)
        rows = self._rows(query.order_by(*finding.order(next_due)).limit(limit).offset(offset))
        return [(_record(InstanceRecord, r), r.definition_version) for r in rows], total, exact

    def waits_of(self, instance_ids: list[str]) -> dict[str, tuple[list, list, list]]:
        """The ready tasks, awaited messages and pending timers of each instance of a page, in three
        statements whatever the page's length."""
        found: dict[str, tuple[list, list, list]] = {i: ([], [], []) for i in instance_ids}
        if not instance_ids:
            return found
        for index, (table, record, order) in enumerate(
            (
                (_ready, ReadyTaskRecord, _ready.c.ready_since),
                (_messages, MessageRecord, _messages.c.id),
                (_timers, TimerRecord, _timers.c.due_at),
            )
        ):
            columns = [table.c[f.name] for f in fields(record)]
            for row in self._rows(
                select(*columns).where(table.c.instance_id.in_(instance_ids)).order_by(order)
            ):
                found[row.instance_id][index].append(_record(record, row))
        return found

    def ready_task_page(
        self,
        filters: dict,
        limit: int,
        offset: int,
        candidates: dict | None = None,
        offered_to: str | None = None,
        party: str | None = None,
    ):
        """(ready task records with their instance's definition version, total, exact) oldest first,
        filtered by their columns and by who they are offered to (``candidates``: kind -> a user's or a
        group's name; ``offered_to``: a user who is the assignee or a candidate user); with ``party``, only
        the tasks of the lanes it plays."""
        query = _filtered(select(_ready), _ready, filters)
        if offered_to is not None:
            candidate = select(_candidates.c.task_id).where(
                _candidates.c.kind == CandidateKind.USER, _candidates.c.name == offered_to
            )
            query = query.where(or_(_ready.c.assignee == offered_to, _ready.c.id.in_(candidate)))
        if party is not None:
            query = query.where(plays_lane(party, _ready.c.instance_id, _ready.c.lane))
        for kind, name in (candidates or {}).items():
            if name is not None:
                offered = select(_candidates.c.task_id).where(
                    _candidates.c.kind == kind, _candidates.c.name == name
                )
                query = query.where(_ready.c.id.in_(offered))
        total, exact = self._count(query)
        page = query.order_by(_ready.c.ready_since, _ready.c.id).limit(limit).offset(offset).subquery()
        # the version is joined to the page only: counting and paging read the ready-task rows alone
        rows = self._rows(
            select(page, _definitions.c.version.label("definition_version"))
            .join(_instances, _instances.c.id == page.c.instance_id)
            .join(_definitions, _definitions.c.id == _instances.c.definition_id)
            .order_by(page.c.ready_since, page.c.id)
        )
        return [(_record(ReadyTaskRecord, r), r.definition_version) for r in rows], total, exact

    def _count(self, query) -> tuple[int, bool]:
        """How many rows ``query`` matches, counted up to COUNT_CAP: past it the exact figure is not worth
        reading every matching row of a large deployment for each page."""
        counted = self.connection.scalar(
            select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())
        )
        return (counted, True) if counted <= COUNT_CAP else (COUNT_CAP, False)


# How an instance list may be sorted: by these columns, "-" first for the latest first.
INSTANCE_SORTS = ("started_at", "updated_at", "next_due_at")


@dataclass(frozen=True)
class InstanceFinding:
    """What an instance list looks for beyond a column's value: ``search`` a part of the business key or of
    the organisation's name (any case); where it waits (a ready task in ``lane``, any wait at ``waiting_at``),
    a timer due before ``due_before``; sorted by ``sort`` (INSTANCE_SORTS, "-" for descending)."""

    search: str | None = None
    version: int | None = None
    lane: str | None = None
    waiting_at: str | None = None
    due_before: datetime | None = None
    sort: str = "-started_at"

    def conditions(self, next_due):
        if self.search:
            needle = self.search.lower()
            organisation = _instances.c.variables["organisation_name"].as_string()
            yield or_(
                func.lower(_instances.c.business_key).contains(needle, autoescape=True),
                func.lower(organisation).contains(needle, autoescape=True),
            )
        if self.version is not None:
            yield _definitions.c.version == self.version
        if self.lane is not None:
            yield exists().where(_ready.c.instance_id == _instances.c.id, in_lane(_ready.c.lane, self.lane))
        if self.waiting_at is not None:
            yield waits_at(self.waiting_at)
        if self.due_before is not None:
            yield next_due < self.due_before

    def order(self, next_due):
        name = self.sort.removeprefix("-")
        column = next_due if name == "next_due_at" else _instances.c[name]
        ordered = column.desc() if self.sort.startswith("-") else column.asc()
        return [ordered.nulls_last(), _instances.c.id]


def _filtered(query, table, filters: dict):
    """Rows whose column equals the filter's value, or one of its values (a tuple); None filters nothing. A
    lane filter also finds the lane of that name played for a called process (engine/parties.py)."""
    for column, value in filters.items():
        if column == "lane" and isinstance(value, str) and "lane" in table.c:
            query = query.where(in_lane(table.c.lane, value))
        elif isinstance(value, tuple):
            query = query.where(table.c[column].in_(value))
        elif value is not None:
            query = query.where(table.c[column] == value)
    return query


def in_lane(column, lane: str):
    """The rows in the lane named ``lane``, those of a process called on behalf of another party included."""
    return or_(column == lane, column.startswith(lane + CALLED_LANE, autoescape=True))
