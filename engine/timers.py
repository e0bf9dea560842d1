"""Timers: firing those that fell due, moving an adjustable clock, and the loop that fires them.

``kanta-onboarding worker`` (and every API process, in a background thread) runs ``run_timers``. Any
number of them may run at once, on any machines, over one database: each round claims the instances it
fires (see ``Store.claim_due``), so they share the due timers and none fires twice.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Protocol

from .audit import Change, audit_row
from .bpmn import Run, parse_duration
from .clock import ManualClock
from .context import Context
from .problems import Conflict, FieldError, InvalidData, NotFound
from .vocabulary import AuditKind, Refusal

BATCH = 500  # instances per round; a full round is followed at once by the next
log = logging.getLogger("kanta.timers")


def fire_due(context: Context, *, actor: str, limit: int) -> list[str]:
    """Fire every timer due by the clock's now; answer the ids of the instances that moved."""
    with context.new_unit() as unit:
        due_by = context.clock.now()
        due = unit.store.instances_with_timers_due(due_by, limit)

    def firing(run: Run) -> Change | None:
        fired = run.fire_due_timers()
        if not fired:
            return None  # another process fired them first
        return Change(AuditKind.TIMERS_FIRED, data={"timers": fired, "clock": due_by.isoformat()})

    moved = []
    for instance_id in due:
        try:
            if context.act(instance_id, firing, actor, claim_due_by=due_by) is not None:
                moved.append(instance_id)
        except (NotFound, Conflict):
            continue  # cancelled or finished meanwhile: its timers are gone with it
        except Exception as error:  # one instance's failure must not stop the others' timers
            log.exception("firing the timers of instance %s failed; it is put in error", instance_id)
            failure = {
                "element_id": None,
                "message": f"firing its timers failed: {error}",
                "type": "TimerFailure",
            }
            context.record_incident(instance_id, failure, actor)
            moved.append(instance_id)
    return moved


def clock_reading(context: Context) -> tuple[datetime, bool]:
    """The service's time now, and whether its clock is adjustable (moved by ``advance_clock``)."""
    return context.clock.now(), isinstance(context.clock, ManualClock)


def advance_clock(context: Context, duration: str, *, actor: str) -> tuple[datetime, list[str]]:
    """Move an adjustable clock on by an ISO 8601 ``duration`` (``P3D``, ``PT12H``, ``P2W``) and fire
    what fell due; answers the new time and the instances that moved. For acceptance tests and
    training environments: a service on the system clock refuses."""
    clock = context.clock
    if not isinstance(clock, ManualClock):
        raise Conflict(
            "the service's clock follows the system time; only an adjustable clock moves",
            Refusal.CLOCK_NOT_ADJUSTABLE,
        )
    before = clock.now()
    # The same reading of durations as the diagrams' timers (months and years from "now").
    try:
        step = parse_duration(duration, before)
    except ValueError as unreadable:
        step, why = None, str(unreadable)
    else:
        why = f'"{duration}" is not a positive ISO 8601 duration'
    if step is None or step <= timedelta(0):
        advice = "an ISO 8601 duration such as P3D, PT12H or P2W; time only moves on"
        raise InvalidData(why, [FieldError("/duration", advice)])
    after = clock.advance(step)
    with context.new_unit() as unit:
        moved = {"from": before.isoformat(), "to": after.isoformat(), "duration": duration}
        unit.store.add_audit([audit_row(actor, AuditKind.CLOCK_ADVANCED, after, data=moved)])
        unit.commit()
    return after, fire_due(context, actor=actor, limit=BATCH)


class FiresTimers(Protocol):
    def fire_due_timers(self, *, actor: str, limit: int) -> list[str]: ...

    def run_migration_batches(self) -> int: ...


class StopRequest:
    """Set from a signal handler: a plain flag, no lock that the interrupted thread might be holding."""

    def __init__(self) -> None:
        self.requested = False

    def request(self, *_signal_arguments) -> None:
        self.requested = True

    def sleep(self, seconds: float) -> None:
        """Sleep up to ``seconds``, waking within a tenth of a second of a stop request."""
        deadline = time.monotonic() + seconds
        while not self.requested and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))


def run_timers(
    engine: FiresTimers, *, actor: str, interval: float, stop: StopRequest, once: bool = False
) -> int:
    """Fire due timers every ``interval`` seconds until ``stop`` is requested (or after one round if
    ``once``), and move a chunk of a waiting migration batch each round; answer how many instances the
    timers moved. A round that fails (the database away for a moment)
    is logged and the next one retries; with ``once`` the failure is raised."""
    moved_in_all = 0
    while not stop.requested:
        started = time.monotonic()
        try:
            moved = engine.fire_due_timers(actor=actor, limit=BATCH)
            migrating = engine.run_migration_batches()  # a chunk of a migration batch, if one waits
        except Exception:
            if once:
                raise
            log.exception("firing due timers failed; retrying in %s s", interval)
            moved, migrating = [], 0
        if moved:
            moved_in_all += len(moved)
            log.info(
                "%s fired the due timers of %d instance(s) in %.2f s",
                actor,
                len(moved),
                time.monotonic() - started,
            )
        if migrating:
            log.info("%s moved a chunk of %d instance(s) of a migration batch", actor, migrating)
        if once:
            break
        if len(moved) < BATCH and not migrating:
            stop.sleep(interval)
    return moved_in_all
