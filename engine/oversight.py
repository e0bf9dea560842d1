"""A process's oversight, as a coordinator asks for it: how many running onboardings wait at each step,
which timers are overdue or fall due soon, and which onboardings are late (a reminder fired and they still
wait at the step it reminds of). Read from the projections in a fixed number of statements, never by
opening instances."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import now
from .context import Context
from .definitions import latest_definition_head
from .store.oversight_queries import DueTimer, WaitingCount
from .vocabulary import AuditKind, InstanceStatus

# A list on a page: past this many rows a coordinator filters the instance list instead.
LIST_LIMIT = 200


@dataclass(frozen=True)
class LateInstance:
    instance_id: str
    business_key: str | None
    element_id: str  # the reminder that fired
    name: str  # the reminder's name
    waiting_at: str  # the element it is attached to, where the instance still waits
    fired_at: datetime


@dataclass(frozen=True)
class OversightView:
    process_key: str
    now: datetime
    due_within_days: int
    waiting: list[WaitingCount]
    overdue: list[DueTimer]  # pending timers already due (fired as soon as a timer worker runs)
    overdue_total: int  # the lists hold the first LIST_LIMIT; the totals count them all
    due_soon: list[DueTimer]  # pending timers due within ``due_within_days``
    due_soon_total: int
    late: list[LateInstance]
    late_total: int


def oversight(
    context: Context, process_key: str, *, due_within_days: int, party: str | None = None
) -> OversightView:
    """``party``: what a coordinator of that party sees, its own onboardings only (the instances it plays a
    lane of); None: every instance."""
    running = InstanceStatus.RUNNING
    with context.new_unit() as unit:
        moment = now()  # the engine's clock is the unit of work's
        store = unit.store
        latest_definition_head(store, process_key)  # an unknown process is a 404, not an empty page
        reminders: dict[str, tuple[str, str]] = {}
        for definition_id in store.definitions_running(process_key, running, party):
            reminders.update(context.definitions.loaded(store, definition_id).reminders())
        overdue, overdue_total = store.timers_due(process_key, running, None, moment, LIST_LIMIT, party)
        due_soon, due_soon_total = store.timers_due(
            process_key, running, moment, moment + timedelta(days=due_within_days), LIST_LIMIT, party
        )
        fired, late_total = store.reminders_fired(
            process_key,
            running,
            {reminder: attached for reminder, (_, attached) in reminders.items()},
            AuditKind.ELEMENT_COMPLETED,
            LIST_LIMIT,
            party,
        )
        waiting = store.waiting_counts(process_key, running, party)
    return OversightView(
        process_key=process_key,
        now=moment,
        due_within_days=due_within_days,
        waiting=waiting,
        overdue=overdue,
        overdue_total=overdue_total,
        due_soon=due_soon,
        due_soon_total=due_soon_total,
        late=[
            LateInstance(
                f.instance_id,
                f.business_key,
                f.element_id,
                reminders[f.element_id][0],
                reminders[f.element_id][1],
                f.fired_at,
            )
            for f in fired
        ],
        late_total=late_total,
    )
