"""How soon a waiting Camunda worker's long poll hears of new work, and what idle polls cost the API.

Against the real server (``kanta-onboarding serve`` under its gunicorn worker), with the registry check's
service task (topic ``provider-register-check``):

- **same process**: a fetchAndLock with ``asyncResponseTimeout`` waits (nothing to lock); then an instance
  is started over the API, which makes a task of the topic fetchable. The figures are the time from
  sending the start to the poll's answer (with the task), and the start's own time, per round.
- **another process**: the same, the instance started by an engine in this process on the same database
  (the server's SQLite file, or PostgreSQL), as a ``kanta-onboarding worker`` or another server would.
- **idle polls**: ``--idle`` polls wait on a topic nobody publishes while one client calls
  ``GET /api/v1/external-tasks`` back to back; its p50/p95 against the same calls with no poll waiting.

``.venv/bin/python -m bench.long_poll_wake [--database sqlite|postgresql] [--rounds N] [--idle N]``
prints the figures and writes them to ``build/bench/long_poll_wake.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import requests

from engine import Engine
from harness.postgres import TemporaryPostgres
from harness.server import RunningServer

DIAGRAM = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "external_tasks" / "registry_check.bpmn"
)
TOPIC = "provider-register-check"
TOKEN = "tok-bench-worker-0123456789abcdef0123456789"


def _poll(url: str, topic: str, timeout_ms: int, answers: list, worker: str = "bench-worker") -> None:
    response = requests.post(
        f"{url}/engine-rest/external-task/fetchAndLock",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={
            "workerId": worker,
            "maxTasks": 1,
            "asyncResponseTimeout": timeout_ms,
            "topics": [{"topicName": topic, "lockDuration": 60_000}],
        },
        timeout=60,
    )
    answers.append((time.monotonic(), response.status_code, response.json()))


def _complete(url: str, task: dict) -> None:
    requests.post(
        f"{url}/engine-rest/external-task/{task['id']}/complete",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"workerId": "bench-worker", "variables": {"registered": {"value": True}}},
        timeout=60,
    ).raise_for_status()


def wake_up(url: str, rounds: int, start) -> tuple[list[float], list[float]]:
    """Per round: seconds from sending the start that makes work to the waiting poll's answer, and the
    start's own seconds (its commit signals the work, before it answers: the poll may answer first)."""
    gaps, starts = [], []
    for index in range(rounds):
        answers: list = []
        polling = threading.Thread(target=_poll, args=(url, TOPIC, 20_000, answers))
        polling.start()
        time.sleep(0.5)  # the poll has found nothing and waits
        sent = time.monotonic()
        start(f"{index:07d}-0")
        starts.append(time.monotonic() - sent)
        polling.join(timeout=30)
        answered, status, body = answers[0]
        assert status == 200 and len(body) == 1, (status, body)
        gaps.append(answered - sent)
        _complete(url, body[0])
    return gaps, starts


def api_latency(url: str, calls: int) -> list[float]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    seconds = []
    for _ in range(calls):
        began = time.monotonic()
        session.get(f"{url}/api/v1/external-tasks?limit=5", timeout=30).raise_for_status()
        seconds.append(time.monotonic() - began)
    return seconds


def idle_cost(url: str, idle: int, calls: int) -> dict:
    quiet = api_latency(url, calls)
    answers: list = []
    polls = [
        threading.Thread(target=_poll, args=(url, "nobody-publishes-this", 25_000, answers, f"idle-{i}"))
        for i in range(idle)
    ]
    for thread in polls:
        thread.start()
    time.sleep(2)  # every poll is waiting
    busy = api_latency(url, calls)
    for thread in polls:
        thread.join(timeout=60)
    return {"without": _summary(quiet), f"with_{idle}_idle_polls": _summary(busy)}


def _rounded(lists):
    return tuple([round(value, 4) for value in values] for values in lists)


def _summary(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[int(len(ms) * 0.95) - 1], 2),
        "max_ms": round(ms[-1], 2),
        "n": len(ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--idle", type=int, default=40)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--out", default="build/bench/long_poll_wake.json")
    args = parser.parse_args()
    results: dict = {"database": args.database}
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        processes = work / "processes"
        processes.mkdir()
        shutil.copy(DIAGRAM, processes / DIAGRAM.name)
        database_url = None
        if args.database == "postgresql":
            database_url = stack.enter_context(TemporaryPostgres()).url
        server = stack.enter_context(
            RunningServer(
                work / "data",
                tokens=f"integrator:bench:{TOKEN}",
                processes=processes,
                database_url=database_url,
                access_log=False,
                env={"KANTA_UNSCOPED_TOKENS": "allow"},
            )
        )

        def start_over_http(business_key: str) -> None:
            requests.post(
                f"{server.url}/engine-rest/process-definition/key/registry_check/start",
                headers={"Authorization": f"Bearer {TOKEN}"},
                json={"businessKey": business_key, "variables": {"business_id": {"value": business_key}}},
                timeout=60,
            ).raise_for_status()

        results["same_process_s"], results["start_call_s"] = _rounded(
            wake_up(server.url, args.rounds, start_over_http)
        )
        # the server's own SQLite file when no database is named (``serve``'s default in its data folder)
        shared_url = database_url or f"sqlite:///{(work / 'data').resolve()}/kanta.sqlite3"
        other = Engine(shared_url, apply_migrations=False)
        stack.callback(other.close)

        def start_elsewhere(business_key: str) -> None:
            other.start_instance(
                "registry_check",
                actor="integrator:bench",
                business_key=business_key,
                variables={"business_id": business_key},
                allow_duplicate=True,
            )

        results["other_process_s"], results["start_in_other_process_s"] = _rounded(
            wake_up(server.url, args.rounds, start_elsewhere)
        )
        results["api_while_idle_polls"] = idle_cost(server.url, args.idle, args.calls)
    for name in ("same_process_s", "start_call_s", "other_process_s", "start_in_other_process_s"):
        if name in results:
            results[name.removesuffix("_s") + "_median_ms"] = round(
                statistics.median(results[name]) * 1000, 1
            )
            results[name.removesuffix("_s") + "_max_ms"] = round(max(results[name]) * 1000, 1)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
