"""One clock for all time in the engine, SpiffWorkflow's timers included.

Each engine has its clock. While an engine works (a unit of work, a timer round) its clock is the one in
use in that thread or task (a context variable), so two engines in one process, each with its own clock,
never read each other's time. Outside any engine the process's default clock answers: the system time
unless a test sets another with ``use_clock``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """Wall-clock time, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until told that time passes: for tests, training and simulations."""

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


_default: Clock = SystemClock()
_in_use: ContextVar[Clock | None] = ContextVar("kanta_clock", default=None)


def use_clock(clock: Clock) -> None:
    """Make ``clock`` the process's default: the time outside any engine that has a clock of its own."""
    global _default
    _default = clock


def current_clock() -> Clock:
    return _in_use.get() or _default


def now() -> datetime:
    return current_clock().now()


@contextmanager
def clock_in_use(clock: Clock | None) -> Iterator[None]:
    """Within the block, time in this thread (or task) comes from ``clock`` (the default if None)."""
    token = _in_use.set(clock)
    try:
        yield
    finally:
        _in_use.reset(token)
