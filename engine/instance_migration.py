"""Moving running instances to another version of their definition: the plan, and the migration.

An onboarding runs for months while its diagram changes. The plan compares two versions (elements added,
removed, changed, in the process and in every process it calls) and says, for each element where
instances of the old version wait, where they would wait on the new one, and which need an explicit
mapping (an element removed or renamed where someone waits). A migration moves each instance in a unit of
work of its own, with the same optimistic lock as any other change: its waits are set up again on the
new version (a timer keeps its due time unless its own definition changed), its variables carried over,
and the move audited with the actor, both versions and the mapping. An instance that can not move is
refused with the reason and left as it was; a dry run says what would happen and writes nothing.

An instance stopped by an incident may be moved too (a corrected version is one way out of it): it stays
stopped on the new version until an operator retries, and the retry runs on the new version.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from . import incidents, message_flow
from .audit import Change, audit_row
from .bpmn import MigrationRefused, compare_versions, mapping_targets, move_to_version
from .clock import now
from .context import Context
from .definitions import definition_row, not_deployed
from .problems import FieldError, InvalidData, NotFound
from .unit_of_work import StaleRevision, Undelivered, write_run
from .vocabulary import AuditKind, InstanceStatus, Refusal

MOVABLE = (InstanceStatus.RUNNING, InstanceStatus.ERROR)
BLOCKED_SHOWN = 100  # a plan lists this many blocked instances by id; the count says how many in all
AT_ONCE = 1_000  # a migration answered in its request moves at most this many; more is a batch
CHUNK = 100  # instances a worker moves of a batch in one round, before it records the progress
CLAIM = timedelta(minutes=5)  # a worker that died holding a batch lets it go after this long
REFUSED_KEPT = 1_000  # a batch keeps the reasons of this many refused instances; the count says all


@dataclass(frozen=True)
class ProcessChangeView:
    process_key: str
    added: list[str]
    removed: list[str]
    changed: dict[str, list[str]]
    moved_to: dict[str, str]
    dropped: bool


@dataclass(frozen=True)
class WaitingElement:
    """An element where instances of the old version stand, and where they would stand after moving."""

    element_id: str
    instances: int
    after: str | None  # None: the new version has no such element and no mapping names one
    needs_mapping: bool


@dataclass(frozen=True)
class MigrationPlan:
    process_key: str
    from_version: int
    to_version: int
    mapping: dict[str, str]
    processes: list[ProcessChangeView]
    waiting: list[WaitingElement]
    instances: int
    blocked_count: int
    blocked_instances: list[str]


@dataclass(frozen=True)
class RefusedInstance:
    instance_id: str
    reasons: list[str]


@dataclass(frozen=True)
class MigrationOutcome:
    process_key: str
    from_version: int
    to_version: int
    dry_run: bool
    migrated: list[str] = field(default_factory=list)
    refused: list[RefusedInstance] = field(default_factory=list)


def plan(context: Context, key: str, from_version: int, to_version: int, mapping: dict) -> MigrationPlan:
    with context.new_unit() as unit:
        store = unit.store
        source, target = _versions(context, store, key, from_version, to_version)
        mapping = _checked_mapping(mapping, target)
        changes = compare_versions(context.serializer, source, target)
        waiting = store.waiting_elements(source.id)
        instance_count = len(store.movable_instances(source.id, MOVABLE))
    elements = mapping_targets(target)
    instances_at: dict[str, set[str]] = defaultdict(set)
    for instance_id, element_id in waiting:
        instances_at[element_id].add(instance_id)
    rows, blocked = [], set()
    for element_id, instances in sorted(instances_at.items()):
        # An element the new version matched only by its place (``moved_to``: renamed, or another task
        # drawn there) is a suggestion for the mapping, never where an instance waits without one.
        after = mapping.get(element_id)
        if after is None and element_id in elements:
            after = element_id
        rows.append(WaitingElement(element_id, len(instances), after, after is None))
        if after is None:
            blocked |= instances
    return MigrationPlan(
        process_key=key,
        from_version=from_version,
        to_version=to_version,
        mapping=mapping,
        processes=[ProcessChangeView(**vars(change)) for change in changes],
        waiting=rows,
        instances=instance_count,
        blocked_count=len(blocked),
        blocked_instances=sorted(blocked)[:BLOCKED_SHOWN],
    )


def migrate(
    context: Context,
    key: str,
    from_version: int,
    to_version: int,
    mapping: dict,
    instance_ids: list[str] | None,
    *,
    dry_run: bool,
    actor: str,
) -> MigrationOutcome:
    """Move the given instances (all the movable ones of ``from_version`` when None), each on its own."""
    with context.new_unit() as unit:
        source, target = _versions(context, unit.store, key, from_version, to_version)
        mapping = _checked_mapping(mapping, target)
        if instance_ids is None:
            instance_ids = unit.store.movable_instances(source.id, MOVABLE)
    if len(instance_ids) > AT_ONCE and not dry_run:
        raise InvalidData(
            f"{len(instance_ids):,} instances are more than one request moves ({AT_ONCE:,}): "
            "start a batch (POST /api/v1/migration-batches), which moves them in the background",
            [FieldError("/instance_ids", f"at most {AT_ONCE:,} instances, or a batch")],
        )
    outcome = MigrationOutcome(key, from_version, to_version, dry_run)
    for instance_id in dict.fromkeys(instance_ids):
        reasons = migrate_one(context, instance_id, source, target, mapping, dry_run=dry_run, actor=actor)
        if reasons:
            outcome.refused.append(RefusedInstance(instance_id, reasons))
        else:
            outcome.migrated.append(instance_id)
    return outcome


def migrate_one(
    context: Context,
    instance_id,
    source,
    target,
    mapping,
    *,
    dry_run: bool,
    actor: str,
    moved_is_done: bool = False,
):
    """Move one instance in a unit of work of its own; answers why it can not move (empty: it moved, or
    with ``moved_is_done`` it is on the target version already: a batch's chunk run again)."""
    with context.new_unit() as unit:
        store = unit.store
        record = store.instance(instance_id) if isinstance(instance_id, str) else None
        if record is None:
            return [f"no process instance {instance_id}"]
        if moved_is_done and record.definition_id == target.id:
            return []
        if record.definition_id != source.id:
            version = store.definition(record.definition_id)
            return [f"it runs on version {version.version} of {version.process_key}, not this one"]
        if record.status not in MOVABLE:
            return [f"it is {record.status}: only running instances and those an incident stopped move"]
        existing_ready = store.ready_tasks(record.id)
        run = context.restore(store, record)
        try:
            move_to_version(run, target, mapping, context.serializer)
        except MigrationRefused as refused:
            return refused.reasons
        running = record.status == InstanceStatus.RUNNING
        if running:
            run.step()  # what the new version lets go on now goes on
        state = run.dump(context.serializer)
        if run.failure is not None:
            return [f"on the new version it fails at {run.failure['element_id']}: {run.failure['message']}"]
        if dry_run:
            return []
        data = {
            "from_version": source.version,
            "to_version": target.version,
            "mapping": mapping,
        }
        try:
            if running:
                change = Change(AuditKind.INSTANCE_MIGRATED, data=data)
                write_run(store, record, run, actor, change, existing_ready, state, rewrite=True)
                message_flow.pass_on(context, store, record, run, actor)  # what it threw on the way
                incidents.resolve_on_version_change(store, record, actor, record.updated_at)
            else:  # stopped by an incident: it stays stopped, on the new version, until a retry
                record.definition_id, record.state, record.updated_at = target.id, state, now()
                if not store.update_instance(record):
                    raise StaleRevision(record.id)
                store.add_audit(
                    [audit_row(actor, AuditKind.INSTANCE_MIGRATED, record.updated_at, record.id, data=data)]
                )
        except StaleRevision:
            return ["it changed while it was being moved: look again and migrate it again"]
        except Undelivered as undelivered:
            return [f"on the new version it throws what nobody receives: {undelivered}"]
        unit.commit()
        return []


@dataclass(frozen=True)
class BatchView:
    """A migration of many instances in the background, and how far it has come."""

    id: int
    process_key: str
    from_version: int
    to_version: int
    mapping: dict
    total: int
    done: int
    migrated: int
    refused_count: int
    refused: list[RefusedInstance]
    status: str  # queued, running or finished
    created_by: str
    created_at: datetime
    finished_at: datetime | None


def start_batch(
    context: Context, key: str, from_version: int, to_version: int, mapping: dict, instance_ids, *, actor: str
) -> BatchView:
    """Ask for the instances (all the movable ones of ``from_version`` when None) to be moved in the
    background; the timer workers move them chunk by chunk, each instance audited as the asker's move."""
    with context.new_unit() as unit:
        store = unit.store
        source, target = _versions(context, store, key, from_version, to_version)
        mapping = _checked_mapping(mapping, target)
        if instance_ids is None:
            instance_ids = store.movable_instances(source.id, MOVABLE)
        moment = now()
        values = {
            "process_key": key,
            "from_version": from_version,
            "to_version": to_version,
            "mapping": mapping,
            "instance_ids": list(dict.fromkeys(instance_ids)),
            "position": 0,
            "migrated": 0,
            "refused": [],
            "refused_count": 0,
            "created_by": actor,
            "created_at": moment,
        }
        batch_id = store.add_batch(values)
        data = {"batch": batch_id, **{k: values[k] for k in ("process_key", "from_version", "to_version")}}
        data["instances"] = len(values["instance_ids"])
        store.add_audit([audit_row(actor, AuditKind.MIGRATION_BATCH_STARTED, moment, data=data)])
        unit.commit()
        return _batch_view(store.batch(batch_id))


def get_batch(context: Context, batch_id: int) -> BatchView:
    with context.new_unit() as unit:
        storable = isinstance(batch_id, int) and 0 < batch_id < 2**63
        batch = unit.store.batch(batch_id) if storable else None
        if batch is None:
            raise NotFound(f"no migration batch {batch_id}", Refusal.NO_BATCH, {"batch_id": batch_id})
        return _batch_view(batch)


def run_batches(context: Context, *, limit: int = CHUNK) -> int:
    """Move the next chunk of the oldest unfinished batch nobody else holds; answers how many instances
    it handled (0: no batch waits). Run by every timer worker's round."""
    with context.new_unit() as unit:
        moment = now()
        batch = unit.store.claim_batch(moment, moment + CLAIM)
        unit.commit()
        if batch is None:
            return 0
        source, target = _versions(
            context, unit.store, batch.process_key, batch.from_version, batch.to_version
        )
    chunk = batch.instance_ids[batch.position : batch.position + limit]
    migrated, refused = 0, []
    for instance_id in chunk:
        reasons = migrate_one(
            context,
            instance_id,
            source,
            target,
            batch.mapping,
            dry_run=False,
            actor=batch.created_by,
            moved_is_done=True,
        )
        if reasons:
            refused.append({"instance_id": instance_id, "reasons": reasons})
        else:
            migrated += 1
    position = batch.position + len(chunk)
    with context.new_unit() as unit:
        unit.store.record_progress(
            batch,
            {
                "position": position,
                "migrated": batch.migrated + migrated,
                "refused": (batch.refused + refused)[:REFUSED_KEPT],
                "refused_count": batch.refused_count + len(refused),
                "finished_at": now() if position >= len(batch.instance_ids) else None,
                "claimed_until": None,
            },
        )
        unit.commit()
    return len(chunk)


def _batch_view(batch) -> BatchView:
    total = len(batch.instance_ids)
    if batch.finished_at is not None:
        status = "finished"
    else:
        status = "running" if batch.position or batch.claimed_until else "queued"
    return BatchView(
        id=batch.id,
        process_key=batch.process_key,
        from_version=batch.from_version,
        to_version=batch.to_version,
        mapping=batch.mapping,
        total=total,
        done=batch.position,
        migrated=batch.migrated,
        refused_count=batch.refused_count,
        refused=[RefusedInstance(r["instance_id"], r["reasons"]) for r in batch.refused[:100]],
        status=status,
        created_by=batch.created_by,
        created_at=batch.created_at,
        finished_at=batch.finished_at,
    )


def instances_per_version(context: Context, key: str, party: str | None = None) -> dict[int, dict[str, int]]:
    with context.new_unit() as unit:
        definition_row(unit.store, key, None)  # NotFound for a process that is not deployed
        return unit.store.instance_counts_by_version(key, party)


def _versions(context: Context, store, key: str, from_version: int, to_version: int):
    for number in (from_version, to_version):
        if not 0 < number < 2**31:  # no version is numbered so (and the database's integer ends there)
            raise not_deployed(key, number)
    if from_version == to_version:
        raise InvalidData(
            "an instance moves between two different versions",
            [FieldError("/to_version", f"is the version it comes from ({from_version})")],
        )
    source = definition_row(store, key, from_version)
    target = definition_row(store, key, to_version)
    return context.definitions.loaded(store, source.id), context.definitions.loaded(store, target.id)


def _checked_mapping(mapping: dict, target) -> dict[str, str]:
    mapping = dict(mapping or {})
    known = mapping_targets(target)
    errors = [
        FieldError(f"/mapping/{old}", f'version {target.version} has no element "{new}"')
        for old, new in sorted(mapping.items())
        if not isinstance(new, str) or new not in known
    ]
    if errors:
        raise InvalidData("a mapping names an element the new version does not have", errors)
    return mapping
