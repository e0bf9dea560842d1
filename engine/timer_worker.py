"""A process of its own that fires due timers: ``kanta-onboarding worker`` runs this loop.

Any number of them may run at once, on any machines, over one database: each round claims the
instances it fires (see ``Engine.fire_due_timers``), so they share the due timers and none fires twice.
"""

from __future__ import annotations

import logging
import time

from .runtime import Engine

BATCH = 500  # instances per round; a full round is followed at once by the next
log = logging.getLogger("kanta.timers")


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


def run_timers(engine: Engine, *, actor: str, interval: float, stop: StopRequest, once: bool = False) -> int:
    """Fire due timers every ``interval`` seconds until ``stop`` is requested (or after one round if
    ``once``); answer how many instances moved. A round that fails (the database away for a moment)
    is logged and the next one retries; with ``once`` the failure is raised."""
    moved_in_all = 0
    while not stop.requested:
        started = time.monotonic()
        try:
            moved = engine.fire_due_timers(actor=actor, limit=BATCH)
        except Exception:
            if once:
                raise
            log.exception("firing due timers failed; retrying in %s s", interval)
            moved = []
        if moved:
            moved_in_all += len(moved)
            log.info(
                "%s fired the due timers of %d instance(s) in %.2f s",
                actor,
                len(moved),
                time.monotonic() - started,
            )
        if once:
            break
        if len(moved) < BATCH:
            stop.sleep(interval)
    return moved_in_all
