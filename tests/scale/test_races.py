"""Clients racing on one PostgreSQL through the real server with several gunicorn workers."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.server import RunningServer
from tests.scale.conftest import Client

pytestmark = pytest.mark.postgres

INSTANCES, STEPS = 100, 10  # ten_tasks: 1,000 races
LANES = 4  # races run side by side, each lane a pair of clients on its own instances


def _start(client: Client, process_key: str) -> dict:
    status, body = client.call("POST", "/api/v1/process-instances", {"process_key": process_key})
    assert status == 201, body
    return body


def _race(pool: ThreadPoolExecutor, clients, barrier, calls):
    """Run ``calls[i]`` with ``clients[i]`` at the same moment; answer their (status, body)."""

    def run(index):
        barrier.wait(timeout=30)
        return calls[index](clients[index])

    return list(pool.map(run, range(len(calls))))


def _history(client: Client, instance_id: str) -> list[dict]:
    status, events = client.call("GET", f"/api/v1/process-instances/{instance_id}/history")
    assert status == 200, events
    return events


def test_two_clients_completing_the_same_task_one_thousand_times(pg_url, tmp_path):
    with RunningServer(tmp_path, database_url=pg_url, workers=3) as server:
        outcomes = []  # (instance id, step, statuses in client order, winner's data)
        lock = threading.Lock()

        def lane(count):
            clients, barrier = [Client(server.url), Client(server.url)], threading.Barrier(2)
            with clients[0], clients[1], ThreadPoolExecutor(2) as pool:
                for _ in range(count):
                    instance = _start(clients[0], "ten_tasks")
                    for step in range(STEPS):
                        task_id = instance["ready_tasks"][0]["id"]
                        answers = _race(
                            pool,
                            clients,
                            barrier,
                            [
                                lambda c, path=f"/api/v1/tasks/{task_id}/complete", value=step * 10 + who: (
                                    c.call("POST", path, {"data": {"step": value}})
                                )
                                for who in (0, 1)
                            ],
                        )
                        statuses = [status for status, _ in answers]
                        winner = next((w for w, (s, _) in enumerate(answers) if s == 200), None)
                        with lock:
                            outcomes.append((instance["id"], step, statuses, winner))
                        if winner is None:
                            return  # reported by the assertions below
                        instance = answers[winner][1]

        started = time.monotonic()
        with ThreadPoolExecutor(LANES) as lanes:
            for done in [lanes.submit(lane, INSTANCES // LANES) for _ in range(LANES)]:
                done.result()
        elapsed = time.monotonic() - started

        assert len(outcomes) == INSTANCES * STEPS
        refused = [o for o in outcomes if sorted(o[2]) != [200, 409]]
        assert not refused, f"{len(refused)} races without exactly one 200 and one 409: {refused[:5]}"

        winners = {(instance_id, step): who for instance_id, step, _, who in outcomes}
        with Client(server.url) as reader:
            for instance_id in {o[0] for o in outcomes}:
                status, state = reader.call("GET", f"/api/v1/process-instances/{instance_id}")
                assert (status, state["status"]) == (200, "completed"), state
                completions = [e for e in _history(reader, instance_id) if e["kind"] == "task_completed"]
                # One completion per task, in order, with the data its winner sent: nothing lost or doubled.
                assert [e["element_id"] for e in completions] == [f"Task_{n:02}" for n in range(1, STEPS + 1)]
                assert [e["data"]["step"] for e in completions] == [
                    step * 10 + winners[(instance_id, step)] for step in range(STEPS)
                ]
        print(f"{len(outcomes)} races in {elapsed:.1f} s")


def test_parallel_branches_completed_by_different_clients_at_once_all_land(pg_url, tmp_path):
    rounds = 50
    with RunningServer(tmp_path, database_url=pg_url, workers=3) as server:
        clients, barrier = [Client(server.url), Client(server.url)], threading.Barrier(2)
        with clients[0], clients[1], ThreadPoolExecutor(2) as pool:
            for _ in range(rounds):
                instance = _start(clients[0], "parallel_preparation")
                task_ids = sorted(t["id"] for t in instance["ready_tasks"])
                assert len(task_ids) == 2
                answers = _race(
                    pool,
                    clients,
                    barrier,
                    [
                        lambda c, task_id=task_id: c.call(
                            "POST", f"/api/v1/tasks/{task_id}/complete", {"data": {"done": True}}
                        )
                        for task_id in task_ids
                    ],
                )
                assert [status for status, _ in answers] == [200, 200], answers
                status, state = clients[0].call("GET", f"/api/v1/process-instances/{instance['id']}")
                assert status == 200, state
                assert [t["element_id"] for t in state["ready_tasks"]] == ["Task_final_check"]
                completed = [
                    e["task_id"]
                    for e in _history(clients[0], instance["id"])
                    if e["kind"] == "task_completed"
                ]
                assert sorted(completed) == task_ids
