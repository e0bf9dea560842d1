"""The small rows that lists and deliveries read instead of instance states: a row per ready human task,
per pending timer and per message an instance waits for. A unit of work brings them in line with the
workflow, writing only what changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .bpmn import Run
from .catalogue.messages import BY_VARIABLE, contract_of
from .store.external_task_queries import ExternalTaskRecord
from .store.models import correlation_key
from .store.queries import InstanceRecord, MessageRecord, ReadyTaskRecord, Store, TimerRecord
from .vocabulary import InstanceStatus


@dataclass(frozen=True)
class Projections:
    ready: list[ReadyTaskRecord]
    messages: list[MessageRecord]
    timers: list[TimerRecord]
    parties: dict[str, str] = field(default_factory=dict)  # lane -> the party that plays it


@dataclass(frozen=True)
class ProjectionChange:
    """What a unit of work writes: ready tasks gone and new, and the waits if they changed (else None)."""

    removed_ready: list[str]
    added_ready: list[ReadyTaskRecord]
    waits: tuple[list[MessageRecord], list[TimerRecord]] | None
    now: Projections
    external: list[ExternalTaskRecord] = ()  # every external task ready now
    removed_external: list[str] = ()
    added_external: list[ExternalTaskRecord] = ()


def project(
    record: InstanceRecord,
    run: Run,
    existing_ready: list[ReadyTaskRecord],
    now: datetime,
    *,
    rewrite: bool = False,
    waiting_since: Callable[[], Mapping[str, datetime | None]] = dict,
):
    """The projections of ``record`` after ``run``, and the change from ``existing_ready``. A task that
    stays ready keeps its row (and its ready-since time); the waits are written when they changed. With
    ``rewrite`` every row is written anew (an instance coming back from an incident has none stored; one
    moved to another version may stand at other elements), ready-since times kept. An
    external task that stays ready keeps its row, and with it its lock and retries. A message still
    awaited keeps the time it has been awaited since (``waiting_since``: the stored times by task id, read
    only when the instance waits for a message)."""
    running = record.status == InstanceStatus.RUNNING
    existing = {t.id: t for t in existing_ready}
    ready = {}
    if running:
        for task in run.ready_human_tasks():
            kept = existing.get(task.task_id)
            if kept is not None and not rewrite:
                ready[task.task_id] = kept
                continue
            ready[task.task_id] = ReadyTaskRecord(
                id=task.task_id,
                instance_id=record.id,
                process_key=record.process_key,
                business_key=record.business_key,
                element_id=task.element_id,
                name=task.name,
                lane=task.lane,
                form_key=task.form_key,
                ready_since=kept.ready_since if kept is not None else now,
                assignee=task.assignee,
                candidate_users=task.candidate_users,
                candidate_groups=task.candidate_groups,
            )
    messages, timers = [], []
    if running:
        message_waits, timer_waits = run.waits()
        since = waiting_since() if message_waits else {}
        messages = [
            MessageRecord(
                record.id,
                m.task_id,
                m.element_id,
                m.message_name,
                record.business_key,
                m.lane,
                since.get(m.task_id) or now,
                correlation_value(run.definition.forms, m.message_name, record.variables),
                record.definition_id,
            )
            for m in message_waits
        ]
        timers = [TimerRecord(record.id, t.task_id, t.element_id, t.name, t.due_at) for t in timer_waits]
    external = run.ready_external_tasks() if running else []
    external_ids = {t.task_id for t in external}
    external_now = [
        ExternalTaskRecord(
            id=t.task_id,
            instance_id=record.id,
            process_key=record.process_key,
            business_key=record.business_key,
            element_id=t.element_id,
            name=t.name,
            topic=t.topic,
            lane=t.lane,
            created_at=now,
        )
        for t in external
    ]
    return ProjectionChange(
        external=external_now,
        removed_external=sorted(run.external_before - external_ids),
        added_external=[t for t in external_now if t.id not in run.external_before],
        removed_ready=[task_id for task_id in existing if rewrite or task_id not in ready],
        added_ready=[t for task_id, t in ready.items() if rewrite or task_id not in existing],
        waits=(messages, timers) if rewrite or run.waits_changed(running=running) else None,
        now=Projections(
            sorted(ready.values(), key=lambda t: (t.ready_since, t.id)),
            messages,
            sorted(timers, key=lambda t: t.due_at),
        ),
    )


def correlates_by_variable(forms: Mapping[str, dict], message_name: str) -> bool:
    contract = contract_of(forms, message_name)
    return contract is not None and contract[1]["by"] == BY_VARIABLE


def correlation_value(forms: Mapping[str, dict], message_name: str, variables: Mapping) -> str | None:
    """What a wait for ``message_name`` keeps of the variable its contract correlates by (a payload
    property matched against an instance variable): the key of the text the variable holds; None when the
    contract correlates by business key or the variable holds no text (no payload property matches it)."""
    if not correlates_by_variable(forms, message_name):
        return None
    value = variables.get(contract_of(forms, message_name)[1]["variable"])
    return correlation_key(value) if isinstance(value, str) else None


def refresh_correlation_values(store: Store, instance_id: str, forms, variables: Mapping, waits) -> None:
    """Keep the waits' correlation values in step with variables that changed while the waits stayed (a
    task completed on another branch, an operator's correction): a delivery finds the instance by them."""
    changed = {}
    for wait in waits:
        value = correlation_value(forms, wait.message_name, variables)
        if value != wait.correlation_value:
            changed[wait.task_id] = value
    if changed:
        store.update_correlation_values(instance_id, changed)
