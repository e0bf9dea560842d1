"""`serve` fires due timers in a thread of each gunicorn worker (KANTA_TIMER_INTERVAL seconds apart), not in
the master and not when the interval is 0: the app factory starts no thread, `serve` starts one per worker."""

from __future__ import annotations

import time

from harness.server import DEFAULT_ADMIN_TOKEN, RunningServer
from tests.scale.conftest import SCALE_PROCESSES, children_of, wait_for

TOKEN = DEFAULT_ADMIN_TOKEN


def _start_waiting(server: RunningServer, count: int) -> list[str]:
    ids = []
    for number in range(count):
        status, _, instance = server.call(
            "POST",
            "/api/v1/process-instances",
            token=TOKEN,
            json_body={"process_key": "quick_timer", "business_key": f"wait-{number}"},
        )
        assert status == 201, instance
        assert instance["status"] == "running"
        ids.append(instance["id"])
    return ids


def _timers_fired(server: RunningServer, instance_id: str) -> list[dict]:
    status, _, history = server.call("GET", f"/api/v1/process-instances/{instance_id}/history", token=TOKEN)
    assert status == 200, history
    return [event for event in history if event["kind"] == "timers_fired"]


def test_each_worker_of_serve_fires_due_timers_in_the_background(tmp_path):
    with RunningServer(
        tmp_path, processes=SCALE_PROCESSES, workers=2, env={"KANTA_TIMER_INTERVAL": "0.2"}
    ) as server:
        master = server._process.pid
        wait_for(lambda: len(children_of(master)) == 2, 60, "both workers up")
        workers = children_of(master)
        waiting = _start_waiting(server, 6)
        wait_for(lambda: all(_timers_fired(server, i) for i in waiting), 30, "the timers firing")
        fired = [event for i in waiting for event in _timers_fired(server, i)]
    assert len(fired) == len(waiting)  # each timer once, though two threads look for due timers
    firing_pids = {int(event["actor"].rsplit(":", 1)[1]) for event in fired}
    assert all(event["actor"].startswith("timer:") for event in fired)
    assert firing_pids <= workers, (firing_pids, workers)


def test_no_timer_fires_in_the_background_with_an_interval_of_0(tmp_path):
    with RunningServer(tmp_path, processes=SCALE_PROCESSES, env={"KANTA_TIMER_INTERVAL": "0"}) as server:
        [waiting] = _start_waiting(server, 1)
        time.sleep(2.5)  # the timer fell due 1.5 s ago
        assert _timers_fired(server, waiting) == []
        status, _, instance = server.call("GET", f"/api/v1/process-instances/{waiting}", token=TOKEN)
        assert (status, instance["status"]) == (200, "running")
