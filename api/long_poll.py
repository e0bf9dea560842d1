"""Long polling that holds no thread while it waits: what a worker's fetch and lock with
``asyncResponseTimeout`` needs.

A thread of the service's gunicorn worker (``api/http_worker.py``) serves one request at a time, and each
process has four: a worker polling for work and held for its whole timeout would take a quarter of a
process per polling client. So a fetch that finds nothing does not wait in its thread. The view asks the
connection's ``LongPoll`` to wait; while the poll's time is not up, that raises ``PollAgain``, the thread
is given back with nothing answered, and the worker's event loop keeps the connection aside and hands
the same request to a thread again when work of one of its topics becomes fetchable — the engine signals
it right after the commit (``Engine.on_work_ready``: at once in this process, and from the others by
PostgreSQL's LISTEN/NOTIFY or the board beside a SQLite file) — or a second later at most
(``RETRY_SECONDS``: a lock that runs out, a retry timeout that passes are signalled by nobody). Each try is
one short query; the first that finds work answers with it, and the one at the end of the poll's time answers
the empty list. Waiting clients cost a socket each, as kept-alive connections do.

The wait is capped (``CAP_MS``) whatever the client asks, so a connection is answered at least that
often; a client that asked for longer polls again, as it does after any empty answer. Served without
that worker (a test client, another WSGI server) there is no ``LongPoll`` and a fetch answers at once.
"""

from __future__ import annotations

import time

ENVIRON_KEY = "kanta.long_poll"
# Camunda refuses a longer asyncResponseTimeout (30 minutes).
LONGEST_MS = 1_800_000
# The longest this service waits before answering an empty list: the common clients' default timeout.
CAP_MS = 30_000
RETRY_SECONDS = 1.0


class PollAgain(BaseException):
    """The request found nothing yet: serve it again at ``at`` (time.monotonic()). A BaseException so that
    no ``except Exception`` between the view and the worker (Flask's, gunicorn's) takes it for a failure."""

    def __init__(self, at: float):
        super().__init__(at)
        self.at = at


class LongPoll:
    """The poll of one connection: when its time is up, from the first try of the request on."""

    def __init__(self) -> None:
        self.until: float | None = None
        self.topics: frozenset[str] = frozenset()  # what the waiting poll asks for: work of these wakes it

    def wait(self, timeout_ms: int, topics=()) -> None:
        """Called when a try found nothing: raises PollAgain while the poll's time is not up; returns when
        it is (the view then answers that nothing was found). Work of ``topics`` wakes it sooner."""
        now = time.monotonic()
        if self.until is None:
            self.until = now + min(timeout_ms, CAP_MS) / 1000
        if now >= self.until:
            self.answered()
            return
        self.topics = frozenset(topics)
        raise PollAgain(min(now + RETRY_SECONDS, self.until))

    def wakes_for(self, topics: frozenset[str]) -> bool:
        return not self.topics.isdisjoint(topics)

    def answered(self) -> None:
        """The request was answered (found work, or was another request): the next one starts afresh."""
        self.until = None
        self.topics = frozenset()

    def stop(self) -> None:
        """The server is stopping: the next try answers at once."""
        self.until = 0.0
