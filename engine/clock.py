"""One clock for all time in the engine, SpiffWorkflow's timer code included.

SpiffWorkflow asks ``datetime.now`` itself when it computes a timer's due time and when it checks
whether a timer has fired, so there is nothing to inject. We give its timer module a ``datetime``
whose ``now`` reads our clock, and make the "has fired" checks inclusive: a timer due at 12:00 fires
when the clock reads 12:00, so "three days pass" fires exactly the timers due within those three days.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer


class SystemClock:
    """Wall-clock time, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until told that time passes: for tests and simulations."""

    def __init__(self, start: datetime | None = None):
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta | None = None, **kwargs) -> datetime:
        with self._lock:
            self._now += delta if delta is not None else timedelta(**kwargs)
            return self._now

    def set(self, moment: datetime) -> None:
        with self._lock:
            if moment.tzinfo is None:
                raise ValueError("the clock keeps aware datetimes; give a timezone")
            self._now = moment


_current = SystemClock()


def current_clock():
    return _current


def use_clock(clock) -> None:
    """Make ``clock`` the time source of the engine and of SpiffWorkflow's timers in this process."""
    global _current
    _current = clock


def now() -> datetime:
    return _current.now()


class _ClockedDatetime(datetime):
    """What SpiffWorkflow's timer module sees as ``datetime``: ``now`` comes from our clock."""

    @classmethod
    def now(cls, tz=None):
        moment = _current.now()
        return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)


def _time_date_has_fired(self, my_task):
    event_value = my_task._get_internal_data("event_value")
    if event_value is None:
        event_value = my_task.workflow.script_engine.evaluate(my_task, self.expression)
        my_task._set_internal_data(event_value=event_value)
    if spiff_timer.TimerEventDefinition.parse_time_or_duration(event_value) <= now():
        my_task._set_internal_data(event_fired=True)
    return my_task._get_internal_data("event_fired", False)


def _duration_has_fired(self, my_task):
    event_value = my_task._get_internal_data("event_value")
    if event_value is None:
        expression = my_task.workflow.script_engine.evaluate(my_task, self.expression)
        parsed = spiff_timer.TimerEventDefinition.parse_iso_duration(expression)
        due = now() + spiff_timer.TimerEventDefinition.get_timedelta_from_start(parsed, now())
        event_value = due.isoformat()
        my_task._set_internal_data(event_value=event_value)
    if spiff_timer.TimerEventDefinition.get_datetime(event_value) <= now():
        my_task._set_internal_data(event_fired=True)
    return my_task._get_internal_data("event_fired", False)


def install() -> None:
    """Route SpiffWorkflow's timer code through our clock. Idempotent."""
    spiff_timer.datetime = _ClockedDatetime
    spiff_timer.TimeDateEventDefinition.has_fired = _time_date_has_fired
    spiff_timer.DurationTimerEventDefinition.has_fired = _duration_has_fired


install()
