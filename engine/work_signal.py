"""Telling waiting workers that external tasks of a topic became fetchable, as soon as that is committed.

A worker's long poll (``fetchAndLock`` with ``asyncResponseTimeout``) would otherwise find new work only at
its next try. A unit of work that makes tasks fetchable (an instance reached a service task; a lock was
released; a failure, a retry or an operator gave a task back) notes their topics in its store; its commit
then signals them:

- in this process, at once, to every listener (``WorkSignal.listen``): the commit has happened, so a poll
  woken now finds the task;
- to the other processes on the same PostgreSQL database by ``NOTIFY`` in the same transaction, which
  PostgreSQL delivers only when (and if) it commits. Each engine on PostgreSQL that has listeners keeps one
  connection of its own that ``LISTEN``s (a thread, ``_Listener``) and signals what it hears.

SQLite has no such channel between processes: there a poll in another process finds the work at its
next try. A signal is a hint, never the truth: a woken poll queries as any try does, and a lost or
repeated signal costs one try more or less.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from sqlalchemy import Engine as Database
from sqlalchemy import text

CHANNEL = "kanta_external_work"
_RECONNECT_SECONDS = 1.0

log = logging.getLogger(__name__)

Listener = Callable[[frozenset[str]], None]


class WorkSignal:
    """The topics that became fetchable, to whoever listens in this process (and, on PostgreSQL, from and
    to the other processes on the database)."""

    def __init__(self, database: Database):
        self._database = database
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._remote: _Listener | None = None

    @property
    def across_processes(self) -> bool:
        return self._database.dialect.name == "postgresql"

    def listen(self, listener: Listener) -> None:
        """Call ``listener(topics)`` whenever tasks of ``topics`` become fetchable, from whichever thread
        committed them (or the thread that heard another process's notification): it must not block."""
        with self._lock:
            self._listeners.append(listener)
            if self.across_processes and self._remote is None:
                self._remote = _Listener(self._database, self.signal)
                self._remote.start()

    def notify_in(self, connection, topics: Iterable[str]) -> None:
        """Within the transaction about to commit: tell the other processes, on commit only."""
        if self.across_processes:
            for topic in sorted(set(topics)):
                connection.execute(
                    text("SELECT pg_notify(:channel, :topic)"), {"channel": CHANNEL, "topic": topic}
                )

    def signal(self, topics: Iterable[str]) -> None:
        """After the commit: tell the listeners of this process."""
        topics = frozenset(topics)
        if not topics:
            return
        for listener in list(self._listeners):
            try:
                listener(topics)
            except Exception:  # a listener's fault must not fail the commit that has happened
                log.exception("a listener of fetchable work failed")

    def close(self) -> None:
        if self._remote is not None:
            self._remote.stop()


class _Listener(threading.Thread):
    """One connection that LISTENs for the other processes' notifications, reconnecting when it breaks."""

    def __init__(self, database: Database, signal: Listener):
        super().__init__(name="kanta-work-signal", daemon=True)
        self._database, self._signal = database, signal
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._listen()
            except Exception:  # the database restarted or the connection broke: listen again shortly
                log.warning("listening for fetchable work failed; listening again", exc_info=True)
                self._stopping.wait(_RECONNECT_SECONDS)

    def _listen(self) -> None:
        import psycopg  # only on PostgreSQL, whose driver this is

        url = self._database.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            while not self._stopping.is_set():
                # each notification is signalled as it comes; every second the loop looks whether the
                # engine is closing
                for notification in connection.notifies(timeout=1.0):
                    self._signal(frozenset({notification.payload}))

    def stop(self) -> None:
        self._stopping.set()
