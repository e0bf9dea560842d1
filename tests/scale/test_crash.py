"""A gunicorn worker killed with SIGKILL in the middle of requests loses no committed step."""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.server import RunningServer
from tests.scale.conftest import Client, children_of, kill, wait_for

pytestmark = pytest.mark.postgres

WORKERS, CLIENTS, INSTANCES_PER_CLIENT, STEPS = 3, 4, 6, 10
KILL_AFTER = 30  # completed steps before one worker is killed


class _Stream:
    """What the clients saw: the steps answered 2xx, the requests retried after a broken connection."""

    def __init__(self):
        self.lock = threading.Lock()
        self.committed: list[tuple[str, str]] = []  # (instance id, task id) answered 200
        self.after_retry: list[tuple[str, str, int]] = []  # (instance, task, status) of retried completions
        self.broken = 0
        self.instances: list[str] = []

    def call(self, client: Client, method, path, body=None, headers=None) -> tuple[int, object, bool]:
        """``client.call``, retried on a new connection while the connection breaks; a client does this
        after a crash (starts carry an Idempotency-Key, so a retried start starts nothing new)."""
        for _attempt in range(20):
            try:
                status, answer = client.call(method, path, body, headers)
                return status, answer, _attempt > 0
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.broken += 1
                time.sleep(0.1)
        raise AssertionError(f"{method} {path} kept failing")

    def drive(self, client_number: int, url: str) -> None:
        with Client(url) as client:
            for n in range(INSTANCES_PER_CLIENT):
                status, instance, _ = self.call(
                    client,
                    "POST",
                    "/api/v1/process-instances",
                    {"process_key": "ten_tasks"},
                    {"Idempotency-Key": f"crash-{client_number}-{n}"},
                )
                assert status == 201, instance
                with self.lock:
                    self.instances.append(instance["id"])
                path = f"/api/v1/process-instances/{instance['id']}"
                for _step in range(STEPS):
                    status, state, _ = self.call(client, "GET", path)
                    assert status == 200 and state["status"] == "running", state
                    task_id = state["ready_tasks"][0]["id"]
                    status, answer, retried = self.call(
                        client, "POST", f"/api/v1/tasks/{task_id}/complete", {"data": {"step": n}}
                    )
                    with self.lock:
                        if status == 200:
                            self.committed.append((instance["id"], task_id))
                        if retried:
                            self.after_retry.append((instance["id"], task_id, status))
                    # 409 only when the first try was committed before its worker died (checked below).
                    assert status == 200 or (retried and status == 409), answer
                status, state, _ = self.call(client, "GET", path)
                assert state["status"] == "completed", state


def test_a_worker_killed_mid_stream_loses_no_committed_step(pg_url, tmp_path):
    with RunningServer(tmp_path, database_url=pg_url, workers=WORKERS) as server:
        master = server._process.pid  # `serve` is gunicorn's master: its children are the workers
        wait_for(lambda: len(children_of(master)) == WORKERS, 60, "all workers up")
        workers = children_of(master)
        stream = _Stream()
        with ThreadPoolExecutor(CLIENTS) as pool:
            drivers = [pool.submit(stream.drive, n, server.url) for n in range(CLIENTS)]
            wait_for(
                lambda: len(stream.committed) >= KILL_AFTER or any(d.done() for d in drivers), 60, "steps"
            )
            assert len(stream.committed) < CLIENTS * INSTANCES_PER_CLIENT * STEPS // 2, "killed too late"
            victim = sorted(workers)[0]
            kill(victim)
            for driver in drivers:
                driver.result(timeout=180)

        # gunicorn replaced the killed worker
        replaced = wait_for(
            lambda: len(children_of(master)) == WORKERS and victim not in children_of(master),
            60,
            "a new worker",
        )
        assert replaced

        with Client(server.url) as reader:
            assert len(stream.instances) == CLIENTS * INSTANCES_PER_CLIENT
            completed_tasks = set()
            for instance_id in stream.instances:
                status, history = reader.call("GET", f"/api/v1/process-instances/{instance_id}/history")
                assert status == 200, history
                completions = [e for e in history if e["kind"] == "task_completed"]
                assert [e["element_id"] for e in completions] == [f"Task_{n:02}" for n in range(1, STEPS + 1)]
                assert history[-1]["kind"] == "instance_completed"
                completed_tasks |= {(instance_id, e["task_id"]) for e in completions}
            # Every step a client was told was done is in the history, and so is every retried one.
            assert set(stream.committed) <= completed_tasks
            assert {(i, t) for i, t, _ in stream.after_retry} <= completed_tasks
        print(f"connection errors: {stream.broken}; retried completions: {stream.after_retry}")
