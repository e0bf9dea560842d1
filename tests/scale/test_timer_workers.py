"""Several `kanta-onboarding worker` processes on one PostgreSQL: each due timer fires exactly once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine import Engine
from engine.store.models import AuditEvent, PendingTimer
from tests.scale.conftest import SCALE_PROCESSES, kill, wait_for

pytestmark = pytest.mark.postgres

COMMAND = str(Path(sys.executable).parent / "kanta-onboarding")
WORKERS, WAVE = 3, 60  # two waves of instances, one before and one after a worker is killed


def _start_worker(pg_url: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as output:
        return subprocess.Popen(
            [COMMAND, "worker", "--database-url", pg_url, "--interval", "0.2"],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def test_timer_workers_share_the_due_timers_and_a_killed_one_loses_none(pg_url, tmp_path):
    engine = Engine(pg_url)  # the system clock, as the workers use
    engine.deploy_folder(SCALE_PROCESSES, actor="analyst:test")
    logs = [tmp_path / f"worker-{n}.log" for n in range(WORKERS)]
    workers = [_start_worker(pg_url, log) for log in logs]
    try:
        wait_for(lambda: all("started" in log.read_text() for log in logs), 60, "the workers starting")

        def fired() -> int:
            with engine.db.connect() as connection:
                return connection.scalar(
                    select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == "timers_fired")
                )

        def start_wave() -> list[str]:
            return [engine.start_instance("quick_timer", actor="integrator:a").id for _ in range(WAVE)]

        started = start_wave()
        wait_for(lambda: fired() >= WAVE // 4, 60, "the first timers firing", interval=0.02)
        kill(workers[0].pid)
        workers[0].wait(timeout=10)
        started += start_wave()

        def none_pending() -> bool:
            with engine.db.connect() as connection:
                return connection.scalar(select(func.count()).select_from(PendingTimer)) == 0

        wait_for(lambda: fired() >= 2 * WAVE and none_pending(), 90, "every timer firing")

        for worker in workers[1:]:
            worker.send_signal(signal.SIGTERM)
        for worker, log in zip(workers[1:], logs[1:], strict=True):
            assert worker.wait(timeout=30) == 0, log.read_text()
            assert log.read_text().rstrip().endswith("stopped"), log.read_text()

        firings = Counter()
        actors = Counter()
        for instance_id in started:
            assert engine.get_instance(instance_id).status == "completed"
            for event in engine.history(instance_id):
                if event.kind == "timers_fired":
                    firings[instance_id] += 1
                    actors[event.actor] += 1
                    assert event.data["timers"] == ["Timer_one_second"]
        assert set(firings.values()) == {1} and len(firings) == 2 * WAVE
        hostname = socket.gethostname()
        assert set(actors) <= {f"timer-worker:{hostname}:{w.pid}" for w in workers}, actors
        assert len(actors) >= 2, actors  # the work was shared
        survivors = {f"timer-worker:{hostname}:{w.pid}" for w in workers[1:]}
        assert set(actors) & survivors, actors  # the second wave came after the kill
        print(f"timers fired per worker: {dict(actors)}")
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(timeout=10)
        engine.close()
