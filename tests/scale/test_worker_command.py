"""`kanta-onboarding migrate-database` once, then `worker`: refused before, stops on a signal."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from engine import Engine
from tests.conftest import PROCESSES
from tests.scale.conftest import wait_for

pytestmark = pytest.mark.postgres

COMMAND = str(Path(sys.executable).parent / "kanta-onboarding")


def _run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *arguments], capture_output=True, text=True, timeout=120)


def test_a_worker_waits_for_migrate_then_fires_what_is_due_once(pg_url, clock):
    refused = _run("worker", "--database-url", pg_url, "--once")
    assert refused.returncode == 2
    assert "run `kanta-onboarding migrate-database` first" in refused.stderr

    migrated = _run("migrate-database", "--database-url", pg_url)
    assert migrated.returncode == 0, migrated.stderr
    again = _run("migrate-database", "--database-url", pg_url)
    assert again.returncode == 0  # a second run finds nothing to do

    # Started three days ago: by the system clock the worker reads, the two-day reminder is due.
    clock.set(datetime.now(UTC) - timedelta(days=3))
    engine = Engine(pg_url, clock_source=clock, apply_migrations=False)
    engine.deploy_folder(PROCESSES, actor="analyst:test")
    started = engine.start_instance("report_deadline", actor="integrator:a")
    engine.complete_task(started.ready_tasks[0].id, {"result": "passed"}, actor="integrator:a")

    once = _run("worker", "--database-url", pg_url, "--once")
    assert once.returncode == 0, once.stderr
    assert "fired the due timers of 1 instance(s)" in once.stdout
    fired = [e for e in engine.history(started.id) if e.kind == "timers_fired"]
    assert [e.actor.startswith("timer-worker:") for e in fired] == [True]
    engine.close()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_worker_stops_cleanly_on_a_signal(pg_url, tmp_path, stop_signal):
    assert _run("migrate-database", "--database-url", pg_url).returncode == 0
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [COMMAND, "worker", "--database-url", pg_url, "--interval", "30"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "started" in log.read_text(), 60, "the worker starting")
        asked = time.monotonic()
        worker.send_signal(stop_signal)
        assert worker.wait(timeout=10) == 0, log.read_text()
        assert time.monotonic() - asked < 5  # it did not sleep out its 30 s interval
        assert log.read_text().rstrip().endswith("stopped")
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
