"""On PostgreSQL a timer round claims the instances it fires with FOR UPDATE SKIP LOCKED."""

from __future__ import annotations

import threading

import psycopg
import pytest
from sqlalchemy.engine import make_url

from engine import Engine
from tests.conftest import PROCESSES

pytestmark = pytest.mark.postgres


def _due_reminders(engine, clock, count):
    started = [engine.start_instance("report_deadline", actor="integrator:a") for _ in range(count)]
    for instance in started:
        engine.complete_task(instance.ready_tasks[0].id, {"result": "passed"}, actor="integrator:a")
    clock.advance(days=2)
    return [i.id for i in started]


def _fire_within(engine, seconds=20.0):
    """fire_due_timers in a thread: a round that waited on a lock instead of skipping it fails here."""
    outcome = {}
    thread = threading.Thread(
        target=lambda: outcome.setdefault("moved", engine.fire_due_timers(actor="t")), daemon=True
    )
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the timer round waited on a locked instance instead of skipping it"
    return outcome["moved"]


def test_an_instance_another_transaction_holds_is_skipped_and_fired_once_it_lets_go(pg_url, clock):
    engine = Engine(pg_url, clock_source=clock)
    engine.deploy_folder(PROCESSES, actor="analyst:test")
    held, *free = _due_reminders(engine, clock, 3)

    # Another worker that claimed ``held`` and then died: its lock lasts until its connection goes.
    url = make_url(pg_url)
    claimer = psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database)
    claimer.execute("SELECT id FROM process_instances WHERE id = %s FOR UPDATE", (held,))

    assert sorted(_fire_within(engine)) == sorted(free)
    assert [t.element_id for t in engine.get_instance(held).pending_timers] == [
        "Timer_report_reminder",
        "Timer_give_up",
    ]
    # The dead worker's transaction rolls back (nothing of it was committed). Roll back before closing:
    # a close alone returns before the server has let go of the lock.
    claimer.rollback()
    claimer.close()

    assert _fire_within(engine) == [held]
    assert _fire_within(engine) == []
    for instance_id in (held, *free):
        fired = [e.data["timers"] for e in engine.history(instance_id) if e.kind == "timers_fired"]
        assert fired == [["Timer_report_reminder"]]
    engine.close()
