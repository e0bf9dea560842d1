"""A waiting Camunda worker's long poll hears of new work as soon as it is committed: in the server's own
process at once, and from another process on the same database (PostgreSQL's LISTEN/NOTIFY, the board
beside a SQLite file) — not at its next once-a-second try. The real server (`kanta-onboarding serve` under
its gunicorn worker)."""

from __future__ import annotations

import shutil
import statistics
import threading
import time

import pytest
import requests

from engine import Engine
from harness.postgres import create_database
from harness.server import RunningServer
from tests.integration.test_external_tasks import DIAGRAM, TOPIC

TOKEN = "tok-register-worker-0123456789abcdef0123"
TOKENS = f"integrator:register-worker:{TOKEN}"
# Without the signal a poll finds work at its next try, a second or more after it came (bench/README.md);
# with it, a few milliseconds. The bound leaves a loaded machine its slack and still tells them apart.
WOKEN_WITHIN = 0.4


def _catalogue(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copy(DIAGRAM, processes / DIAGRAM.name)
    return processes


def _poll(url: str, answers: list) -> None:
    response = requests.post(
        f"{url}/engine-rest/external-task/fetchAndLock",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={
            "workerId": "register-worker-1",
            "maxTasks": 1,
            "asyncResponseTimeout": 20_000,
            "topics": [{"topicName": TOPIC, "lockDuration": 60_000}],
        },
        timeout=60,
    )
    answers.append((time.monotonic(), response.status_code, response.json()))


def _wake_ups(url: str, start, rounds: int = 5) -> list[float]:
    """Seconds from the start's answer to the waiting poll's answer with the new task, per round."""
    gaps = []
    for index in range(rounds):
        answers: list = []
        polling = threading.Thread(target=_poll, args=(url, answers))
        polling.start()
        time.sleep(1.2)  # past the poll's first try and its first retry: it waits
        assert not answers
        instance_id = start(f"{index + 1:07d}-0")
        started = time.monotonic()
        polling.join(timeout=30)
        answered, status, body = answers[0]
        assert status == 200 and [t["processInstanceId"] for t in body] == [instance_id], body
        gaps.append(max(0.0, answered - started))  # the poll may answer before the start does
        completed = requests.post(
            f"{url}/engine-rest/external-task/{body[0]['id']}/complete",
            headers={"Authorization": f"Bearer {TOKEN}"},
            json={"workerId": "register-worker-1"},
            timeout=30,
        )
        assert completed.status_code == 204
    return gaps


def test_a_poll_wakes_when_the_same_process_commits_work(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("wake"), tokens=TOKENS, processes=_catalogue(tmp_path_factory)
    ) as server:

        def start(business_key: str) -> str:
            started = requests.post(
                f"{server.url}/engine-rest/process-definition/key/registry_check/start",
                headers={"Authorization": f"Bearer {TOKEN}"},
                json={"businessKey": business_key, "variables": {"business_id": {"value": business_key}}},
                timeout=30,
            )
            assert started.status_code == 200, started.text
            return started.json()["id"]

        gaps = _wake_ups(server.url, start)
    assert statistics.median(gaps) < WOKEN_WITHIN, gaps


@pytest.mark.postgres
def test_a_poll_wakes_when_another_process_commits_work_on_postgresql(tmp_path_factory, postgres_server):
    url = create_database(postgres_server.url, "kanta_long_poll_wakeup")
    _wakes_from_another_process(tmp_path_factory.mktemp("wake-pg"), _catalogue(tmp_path_factory), url)


def test_a_poll_wakes_when_another_process_commits_work_on_sqlite(tmp_path_factory):
    data = tmp_path_factory.mktemp("wake-sqlite")
    url = f"sqlite:///{data.resolve()}/kanta.sqlite3"
    _wakes_from_another_process(data, _catalogue(tmp_path_factory), url)


def _wakes_from_another_process(data, processes, url: str) -> None:
    with RunningServer(data, tokens=TOKENS, processes=processes, database_url=url) as server:
        elsewhere = Engine(url, apply_migrations=False)  # as a `kanta-onboarding worker` process would
        try:

            def start(business_key: str) -> str:
                variables = {"business_id": business_key}
                started = elsewhere.start_instance(
                    "registry_check",
                    actor="integrator:elsewhere",
                    business_key=business_key,
                    variables=variables,
                )
                return started.id

            gaps = _wake_ups(server.url, start)
        finally:
            elsewhere.close()
    assert statistics.median(gaps) < WOKEN_WITHIN, gaps
