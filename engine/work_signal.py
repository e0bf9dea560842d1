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

- to the other processes on the same SQLite file by a board beside it (``<file>-work``): after the commit
  the process appends a line per topic, and each engine on the file that has listeners watches the board
  (a thread, ``_BoardWatcher``) and signals the lines of the other processes. On Linux the kernel wakes the
  watcher when the board is written (inotify), and it looks once a second besides; elsewhere it looks at
  the board's size a few times a tenth of a second, which kept each listening process awake 50 times a
  second, about 1 % of a core, while nothing happened. SQLite has no channel of its own between
  processes, and its ``PRAGMA data_version`` says only that something was committed, which would wake every
  waiting poll at every commit; the board says which topics. It is kept short: a process that finds it over
  ``_BOARD_BYTES`` empties it first (a watcher then reads it from the start).

A signal is a hint, never the truth: a woken poll queries as any try does, and a lost or repeated signal
costs one try more or less (a poll still tries once a second, for the locks and retry timeouts that run out).
"""

from __future__ import annotations

import json
import logging
import os
import select
import struct
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Engine as Database
from sqlalchemy import text

CHANNEL = "kanta_external_work"
_RECONNECT_SECONDS = 1.0
# How often a process looks whether the SQLite board grew (one stat) where nothing tells it the board was
# written; where inotify does, it looks this seldom besides (a board replaced under it, a lost event); and
# how long the board may grow.
_WATCH_SECONDS = 0.02
_TOLD_WATCH_SECONDS = 1.0
_BOARD_BYTES = 64 * 1024
# linux/inotify.h
_IN_MODIFY, _IN_DELETE_SELF, _IN_MOVE_SELF, _IN_IGNORED = 0x2, 0x400, 0x800, 0x8000
_IN_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len (of the name that follows)

log = logging.getLogger(__name__)

Listener = Callable[[frozenset[str]], None]


class WorkSignal:
    """The topics that became fetchable, to whoever listens in this process (and, on PostgreSQL, from and
    to the other processes on the database)."""

    def __init__(self, database: Database):
        self._database = database
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._remote: _Listener | _BoardWatcher | None = None
        self._board = board_of(database)

    @property
    def across_processes(self) -> bool:
        return self._database.dialect.name == "postgresql" or self._board is not None

    def listen(self, listener: Listener) -> None:
        """Call ``listener(topics)`` whenever tasks of ``topics`` become fetchable, from whichever thread
        committed them (or the thread that heard another process's notification): it must not block."""
        with self._lock:
            self._listeners.append(listener)
            if self.across_processes and self._remote is None:
                if self._board is not None:
                    self._remote = _BoardWatcher(self._board, self.signal)
                else:
                    self._remote = _Listener(self._database, self.signal)
                self._remote.start()

    def notify_in(self, connection, topics: Iterable[str]) -> None:
        """Within the transaction about to commit: tell the other processes on PostgreSQL, on commit only."""
        if self._database.dialect.name == "postgresql":
            for topic in sorted(set(topics)):
                connection.execute(
                    text("SELECT pg_notify(:channel, :topic)"), {"channel": CHANNEL, "topic": topic}
                )

    def committed(self, topics: Iterable[str]) -> None:
        """After the commit: tell the listeners of this process and, on SQLite, the other processes."""
        topics = frozenset(topics)
        if self._board is not None and topics:
            _post(self._board, topics)
        self.signal(topics)

    def signal(self, topics: Iterable[str]) -> None:
        """Tell the listeners of this process."""
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


def board_of(database: Database) -> Path | None:
    """The board beside a SQLite database file; None for PostgreSQL or a database in memory."""
    path = database.url.database if database.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path).with_name(Path(path).name + "-work")


def _post(board: Path, topics: frozenset[str]) -> None:
    """Append a line per topic (this process's id and the topic, as JSON) in one write: lines appended at
    once by several processes do not mix. The commit has happened: a board that can not be written only
    leaves the other processes to their next try."""
    lines = "".join(json.dumps([os.getpid(), topic]) + "\n" for topic in sorted(topics))
    try:
        if board.exists() and board.stat().st_size > _BOARD_BYTES:
            os.truncate(board, 0)
        with open(board, "a", encoding="utf-8") as appending:
            appending.write(lines)
    except OSError:
        log.warning("the board of fetchable work %s could not be written", board, exc_info=True)


class _BoardWatcher(threading.Thread):
    """Reads what the other processes append to the SQLite board, and signals it in this process."""

    def __init__(self, board: Path, signal: Listener):
        super().__init__(name="kanta-work-board", daemon=True)
        self._board, self._signal = board, signal
        self._stopping = threading.Event()
        self._read_to = _size(board)  # what was posted before it watched woke nobody
        self._own = os.getpid()  # its own commits signalled this process already
        # stop() wakes a watcher waiting on the kernel; the pipe is closed (None) when the watcher ends
        self._wake_read, self._wake_write = os.pipe()
        self._wake_lock = threading.Lock()

    def run(self) -> None:
        changes = _BoardChanges.open(self._board)
        try:
            while True:  # read first: what was posted while the kernel's watch was being set up
                try:
                    topics = self._new_topics()
                except (OSError, ValueError):  # a board emptied or half-written meanwhile: read it next time
                    log.debug("reading the board of fetchable work failed", exc_info=True)
                    topics = frozenset()
                if topics:
                    self._signal(topics)
                if not self._wait(changes):
                    return
        finally:
            if changes is not None:
                changes.close()
            with self._wake_lock:  # never a write to a descriptor number reused since
                os.close(self._wake_read)
                os.close(self._wake_write)
                self._wake_write = None

    def _wait(self, changes: _BoardChanges | None) -> bool:
        """Wait until the board may have grown; False when the watcher is to stop."""
        if changes is None:
            return not self._stopping.wait(_WATCH_SECONDS)
        select.select([changes.fd, self._wake_read], [], [], _TOLD_WATCH_SECONDS)
        if self._stopping.is_set():
            return False
        changes.take()
        return True

    def _new_topics(self) -> frozenset[str]:
        size = _size(self._board)
        if size < self._read_to:  # emptied by a process that found it long: from the start
            self._read_to = 0
        if size == self._read_to:
            return frozenset()
        with open(self._board, "rb") as board:
            board.seek(self._read_to)
            text = board.read(size - self._read_to)
        whole = text[: text.rfind(b"\n") + 1]  # a line still being written is read next time
        self._read_to += len(whole)
        posted = (json.loads(line) for line in whole.decode("utf-8").splitlines() if line)
        return frozenset(topic for pid, topic in posted if pid != self._own)

    def stop(self) -> None:
        self._stopping.set()
        with self._wake_lock:
            if self._wake_write is not None:
                os.write(self._wake_write, b"!")


class _BoardChanges:
    """The kernel's word that the board was written (Linux's inotify, through the C library): a file
    descriptor that becomes readable when it was. The board is made empty when it is not there yet, so
    that there is a file to watch (the first post appends to it as to any)."""

    def __init__(self, fd: int, board: Path, libc):
        self.fd, self._board, self._libc = fd, board, libc
        self._watch_id: int | None = None  # the kernel's id of the board's watch, while there is one

    @classmethod
    def open(cls, board: Path) -> _BoardChanges | None:
        """None where the platform has no inotify (or no more of it for this user): the watcher looks."""
        import ctypes  # only for a board, as only a process on a SQLite file has one

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):  # no C library to load, or one without inotify
            return None
        if fd < 0:
            log.debug("no inotify for the board of fetchable work: %s", os.strerror(ctypes.get_errno()))
            return None
        changes = cls(fd, board, libc)
        changes._watch()
        return changes

    def _watch(self) -> None:
        """Watch the board file (again, when it was removed or replaced); until it can be, the watcher's
        look once a second reads it."""
        try:
            with open(self._board, "a"):
                pass
        except OSError:
            return
        mask = _IN_MODIFY | _IN_DELETE_SELF | _IN_MOVE_SELF
        watch_id = self._libc.inotify_add_watch(self.fd, os.fsencode(self._board), mask)
        self._watch_id = watch_id if watch_id >= 0 else None

    def take(self) -> None:
        """Read what the kernel said (only that the board changed matters), and watch it again if it was
        removed or moved away."""
        gone = False
        while True:
            try:
                events = os.read(self.fd, 4096)
            except BlockingIOError:
                break
            offset = 0
            while offset + _IN_EVENT.size <= len(events):
                watch_id, mask, _, name_length = _IN_EVENT.unpack_from(events, offset)
                gone |= watch_id == self._watch_id and bool(
                    mask & (_IN_IGNORED | _IN_DELETE_SELF | _IN_MOVE_SELF)
                )
                offset += _IN_EVENT.size + name_length
        if gone:  # a board moved away is still watched where it went: no more
            self._libc.inotify_rm_watch(self.fd, self._watch_id)
            self._watch_id = None
        if self._watch_id is None:
            self._watch()

    def close(self) -> None:
        os.close(self.fd)


def _size(board: Path) -> int:
    try:
        return board.stat().st_size
    except FileNotFoundError:
        return 0
