"""SpiffWorkflow's timers read the engine's clock.

SpiffWorkflow asks ``datetime.now`` itself when it computes a timer's due time and when it checks
whether a timer has fired, so there is nothing to inject. We give its timer module a ``datetime``
whose ``now`` reads our clock (the one in use: see ``engine.clock``), and make the "has fired" checks
inclusive: a timer due at 12:00 fires when the clock reads 12:00, so "three days pass" fires exactly
the timers due within those three days.

Two readings are ours: a date written without a UTC offset is Finnish time (Europe/Helsinki, summer time
included), not the server's zone; and a cycle may be a cron expression (``dialects`` marks it), whose next
occurrence croniter finds, also in Finnish time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from croniter import croniter
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

from ..clock import now
from ..limits import MAX_DURATION_YEARS
from .dialects import CRON_PREFIX

# The zone of a date a diagram writes without an offset, and of cron expressions.
DIAGRAM_ZONE = ZoneInfo("Europe/Helsinki")


class _ClockedDatetime(datetime):
    """What SpiffWorkflow's timer module sees as ``datetime``: ``now`` comes from our clock."""

    @classmethod
    def now(cls, tz=None):
        moment = now()
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


_parse_iso_duration = spiff_timer.TimerEventDefinition.parse_iso_duration
_DAYS_IN = {
    "years": 366,
    "months": 31,
    "weeks": 7,
    "days": 1,
    "hours": 1 / 24,
    "minutes": 1 / 1440,
    "seconds": 1 / 86400,
}


def _bounded_iso_duration(expression):
    """SpiffWorkflow's reading of an ISO 8601 duration, refusing one longer than MAX_DURATION_YEARS before
    anything counts its months one by one."""
    parsed = _parse_iso_duration(expression)
    days = sum(value * _DAYS_IN[unit] for unit, value in parsed.items() if unit in _DAYS_IN)
    if days > MAX_DURATION_YEARS * 366:
        raise ValueError(f'the duration "{expression}" is longer than {MAX_DURATION_YEARS} years')
    return parsed


class TimerRefused(ValueError):
    """A timer whose time can not be read (e.g. a duration over the bound), said at the timer's element."""

    def __init__(self, task, error: Exception):
        super().__init__(str(error))
        self.task_spec = task.task_spec


def _at_the_timer(has_fired):
    def checked(self, my_task):
        try:
            return has_fired(self, my_task)
        except (ValueError, OverflowError) as error:
            if isinstance(error, TimerRefused):
                raise
            raise TimerRefused(my_task, error) from error

    return checked


def _get_datetime(expression):
    moment = datetime.fromisoformat(expression)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=DIAGRAM_ZONE)
    return moment.astimezone(UTC)


def _first_of_cycle(expression: str) -> dict:
    if expression.startswith(CRON_PREFIX):
        cron = expression.removeprefix(CRON_PREFIX)
        return {"cycles": -1, "next": _next_cron(cron, now()).isoformat(), "duration": 0, "cron": cron}
    cycles, start, duration = spiff_timer.TimerEventDefinition.parse_iso_recurring_interval(expression)
    return {"cycles": cycles, "next": start.isoformat(), "duration": duration.total_seconds()}


def _next_cron(cron: str, after: datetime) -> datetime:
    following = croniter(cron, after.astimezone(DIAGRAM_ZONE), second_at_beginning=True).get_next(datetime)
    return following.astimezone(UTC)


def _cycle_complete(self, my_task):
    """SpiffWorkflow's cycle, inclusive as the other timers are, and with cron cycles."""
    event_value = my_task._get_internal_data("event_value")
    if event_value is None:
        event_value = _first_of_cycle(my_task.workflow.script_engine.evaluate(my_task, self.expression))
    ready = False
    if event_value["cycles"] != 0:
        next_event = datetime.fromisoformat(event_value["next"])
        if next_event <= now():
            if "cron" in event_value:
                following = _next_cron(event_value["cron"], next_event)
            else:
                following = next_event + timedelta(seconds=event_value["duration"])
            event_value["next"] = following.isoformat()
            event_value["cycles"] -= 1
            ready = True
    else:
        my_task.internal_data.pop("event_value", None)
        my_task.internal_data["event_fired"] = True
    my_task._set_internal_data(event_value=event_value)
    return ready


def install() -> None:
    """Route SpiffWorkflow's timer code through our clock. Idempotent."""
    spiff_timer.datetime = _ClockedDatetime
    spiff_timer.TimerEventDefinition.parse_iso_duration = staticmethod(_bounded_iso_duration)
    spiff_timer.TimeDateEventDefinition.has_fired = _at_the_timer(_time_date_has_fired)
    spiff_timer.DurationTimerEventDefinition.has_fired = _at_the_timer(_duration_has_fired)
    spiff_timer.TimerEventDefinition.get_datetime = staticmethod(_get_datetime)
    spiff_timer.CycleTimerEventDefinition.cycle_complete = _cycle_complete
