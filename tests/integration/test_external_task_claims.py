"""Workers fetching at once on PostgreSQL: FOR UPDATE SKIP LOCKED splits the work, no task is handed
out twice and none is left behind."""

from __future__ import annotations

import itertools
import threading
from collections import Counter

import pytest

from engine import Engine
from harness.postgres import create_database
from tests.integration.test_external_tasks import DIAGRAM, TOPIC, WORKER

pytestmark = pytest.mark.postgres
_names = itertools.count(1)
TASKS, WORKERS = 60, 6


def test_concurrent_fetchers_never_get_the_same_task(postgres_server, clock):
    url = create_database(postgres_server.url, f"kanta_claims_{next(_names)}")
    setup = Engine(url, clock_source=clock)
    setup.deploy({"registry_check.bpmn": DIAGRAM.read_bytes()}, actor="analyst:test")
    for _ in range(TASKS):
        setup.start_instance("registry_check", actor="integrator:test")

    engines = [Engine(url, clock_source=clock, apply_migrations=False) for _ in range(WORKERS)]
    barrier = threading.Barrier(WORKERS)
    fetched: list[list[str]] = [[] for _ in range(WORKERS)]
    failures = []

    def work(index: int) -> None:
        barrier.wait()
        try:
            while True:
                topics = [{"name": TOPIC, "lock_duration_ms": 600_000}]
                tasks = engines[index].fetch_and_lock(f"worker-{index}", topics, 2, actor=WORKER)
                if not tasks:
                    return
                fetched[index].extend(t.id for t in tasks)
        except Exception as error:  # reported below, whatever it is
            failures.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.close()

    assert failures == []
    handed_out = Counter(task_id for ids in fetched for task_id in ids)
    assert [task_id for task_id, times in handed_out.items() if times > 1] == []
    assert len(handed_out) == TASKS
    assert sum(1 for ids in fetched if ids) > 1  # the work was shared, not taken by one worker
    locks = setup.list_external_tasks(locked=True, limit=100).items
    owners = {t.id: t.worker_id for t in locks}
    assert all(owners[task_id] == f"worker-{i}" for i, ids in enumerate(fetched) for task_id in ids)
    setup.close()
