"""Two instances sending each other a message at the same moment, through two gunicorn workers on one
PostgreSQL: each request moves its own instance and, in the same transaction, the other one, so the two
transactions take the two instances' rows in opposite orders. PostgreSQL settles such a deadlock by
aborting one of them; the service runs the aborted request again, and both land."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from harness.postgres import create_database
from harness.server import RunningServer
from tests.scale.conftest import Client

pytestmark = pytest.mark.postgres

CROSSING = Path(__file__).parents[1] / "fixtures" / "crossing_messages"
PAIRS = 8  # each crossing waits out PostgreSQL's deadlock_timeout (1 s) once


def _deadlocks(url: str) -> int:
    """How many deadlocks PostgreSQL has settled in the database at ``url`` (it aborted one side of each)."""
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        return connection.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()[0]


def _start_pair(client: Client, business_key: str) -> list[tuple[str, str]]:
    """A ping and a pong of ``business_key``: (instance id, its "Work" task) of each."""
    pair = []
    for process_key in ("ping", "pong"):
        body = {"process_key": process_key, "business_key": business_key}
        status, started = client.call("POST", "/api/v1/process-instances", body)
        assert status == 201, started
        [work] = [t["id"] for t in started["ready_tasks"] if t["element_id"] == "Task_work"]
        pair.append((started["id"], work))
    return pair


def test_two_instances_sending_each_other_a_message_at_once_both_land(postgres_server, tmp_path):
    url = create_database(postgres_server.url, "kanta_crossing_messages")
    with RunningServer(tmp_path, database_url=url, processes=CROSSING, workers=2) as server:
        clients, barrier = [Client(server.url), Client(server.url)], threading.Barrier(2)
        with clients[0], clients[1], ThreadPoolExecutor(2) as pool:
            for number in range(PAIRS):
                pair = _start_pair(clients[0], f"pair-{number}")

                def complete(index, pair=pair):
                    barrier.wait(timeout=30)
                    path = f"/api/v1/tasks/{pair[index][1]}/complete"
                    return clients[index].call("POST", path, {"data": {}})

                answers = list(pool.map(complete, (0, 1)))
                assert [status for status, _ in answers] == [200, 200], (number, answers)
                for instance_id, _ in pair:
                    path = f"/api/v1/process-instances/{instance_id}"
                    _, instance = clients[0].call("GET", path)
                    assert [t["element_id"] for t in instance["ready_tasks"]] == ["Task_done"], instance
                    _, history = clients[0].call("GET", path + "/history")
                    assert len([e for e in history if e["kind"] == "message_received"]) == 1, history
    # The race is real: PostgreSQL found the two requests waiting for each other, and the victim ran again.
    deadlocks = _deadlocks(url)
    print(f"{PAIRS} crossings, {deadlocks} deadlocks settled")
    assert deadlocks > 0
