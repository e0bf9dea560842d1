"""The board beside a SQLite file tells the other processes on it which topics' work became fetchable: the
engines here stand for processes (each signal its own board reader); a process does not hear its own posts,
and a board emptied because it grew long is read again from its start."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import create_engine

from engine import work_signal
from engine.work_signal import WorkSignal, board_of

HEARD_WITHIN = 5.0  # seconds; the watcher looks every few hundredths


class Heard:
    def __init__(self):
        self.topics: list[frozenset[str]] = []
        self.event = threading.Event()

    def __call__(self, topics: frozenset[str]) -> None:
        self.topics.append(topics)
        self.event.set()

    def wait(self) -> bool:
        found = self.event.wait(HEARD_WITHIN)
        self.event.clear()
        return found


@pytest.fixture
def database(tmp_path):
    database = create_engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}")
    yield database
    database.dispose()


def test_a_commit_in_one_process_wakes_the_listeners_of_another(database, monkeypatch):
    listening, committing = WorkSignal(database), WorkSignal(database)
    heard = Heard()
    listening.listen(heard)
    try:
        monkeypatch.setattr(os, "getpid", lambda: 424242)  # the committing process is another one
        committing.committed({"provider-register-check"})
        assert heard.wait()
        assert heard.topics == [frozenset({"provider-register-check"})]
    finally:
        listening.close()


def test_a_process_does_not_hear_its_own_posts_twice(database):
    signal = WorkSignal(database)
    heard = Heard()
    signal.listen(heard)
    try:
        signal.committed({"topic-a"})  # heard at once, in this process
        assert heard.topics == [frozenset({"topic-a"})]
        threading.Event().wait(0.3)  # many times the watcher's look at the board
        assert heard.topics == [frozenset({"topic-a"})]
        assert board_of(database).stat().st_size > 0  # posted for the other processes
    finally:
        signal.close()


def test_a_board_grown_long_is_emptied_and_read_from_its_start(database, monkeypatch):
    listening, committing = WorkSignal(database), WorkSignal(database)
    heard = Heard()
    listening.listen(heard)
    board = board_of(database)
    try:
        monkeypatch.setattr(os, "getpid", lambda: 424242)
        monkeypatch.setattr(work_signal, "_BOARD_BYTES", 10)
        committing.committed({"first-topic"})
        assert heard.wait()
        committing.committed({"second"})  # the board is over its length: emptied, then posted to
        assert heard.wait()
        assert heard.topics[-1] == frozenset({"second"})
        assert board.stat().st_size < 40
    finally:
        listening.close()


def test_a_database_in_memory_or_on_postgresql_has_no_board():
    memory = create_engine("sqlite://")
    assert board_of(memory) is None
    memory.dispose()


@pytest.fixture
def told_only(monkeypatch):
    """The watcher's own looks at the board a minute apart: within ``HEARD_WITHIN`` only the kernel's word
    that the board was written wakes it."""
    monkeypatch.setattr(work_signal, "_TOLD_WATCH_SECONDS", 60.0)
    monkeypatch.setattr(work_signal, "_WATCH_SECONDS", 60.0)


def test_a_post_wakes_the_watcher_of_another_process_without_its_looking(database, monkeypatch, told_only):
    listening, committing = WorkSignal(database), WorkSignal(database)
    heard = Heard()
    listening.listen(heard)
    try:
        monkeypatch.setattr(os, "getpid", lambda: 424242)
        committing.committed({"provider-register-check"})
        assert heard.wait()
        assert heard.topics == [frozenset({"provider-register-check"})]
    finally:
        listening.close()


def test_a_watcher_reads_the_board_only_when_it_was_written(database, monkeypatch, told_only):
    reads = []
    read = work_signal._BoardWatcher._new_topics
    monkeypatch.setattr(work_signal._BoardWatcher, "_new_topics", lambda self: reads.append(1) or read(self))
    listening, committing = WorkSignal(database), WorkSignal(database)
    heard = Heard()
    listening.listen(heard)
    try:
        threading.Event().wait(0.3)  # fifteen looks of a watcher that looked every 20 ms
        assert len(reads) == 1  # the first, for what was posted while it began to watch
        monkeypatch.setattr(os, "getpid", lambda: 424242)
        committing.committed({"topic-a"})
        assert heard.wait()
        assert len(reads) == 2
    finally:
        listening.close()


def test_a_board_removed_is_watched_again_when_it_is_made_anew(database, monkeypatch, told_only):
    read_again = threading.Event()  # the watcher read the board after it heard of a change
    read = work_signal._BoardWatcher._new_topics
    monkeypatch.setattr(work_signal._BoardWatcher, "_new_topics", lambda self: read_again.set() or read(self))
    listening, committing = WorkSignal(database), WorkSignal(database)
    heard = Heard()
    listening.listen(heard)
    board = board_of(database)
    try:
        monkeypatch.setattr(os, "getpid", lambda: 424242)
        committing.committed({"first-topic"})
        assert heard.wait()
        read_again.clear()
        board.unlink()
        # told of the removal, the watcher makes an empty board, watches it, and reads it
        assert read_again.wait(HEARD_WITHIN) and board.exists()
        committing.committed({"second"})
        assert heard.wait()
        assert heard.topics[-1] == frozenset({"second"})
    finally:
        listening.close()
