"""Two completions of one external task at once (a worker's retry after a timeout, through two API
processes): exactly one lands; the other finds the task gone or the instance moved past it — a
ConcurrentChange, which /engine-rest answers as Camunda's optimistic locking failure — never another
refusal. On SQLite and on PostgreSQL."""

from __future__ import annotations

from engine import ConcurrentChange, InstanceView, NotFound

from .test_concurrency import _race
from .test_external_tasks import DIAGRAM, TOPIC, WORKER


def test_two_completions_of_one_external_task_one_lands(engine, database_url, clock):
    engine.deploy({"registry_check.bpmn": DIAGRAM.read_bytes()}, actor="analyst:test")
    for _round in range(6):
        started = engine.start_instance(
            "registry_check", actor=WORKER, variables={"business_id": "0737546-2"}
        )
        [task] = engine.fetch_and_lock(
            "worker-1", [{"name": TOPIC, "lock_duration_ms": 60_000}], actor=WORKER
        )
        outcomes = _race(
            database_url,
            clock,
            [
                lambda e, task_id=task.id: e.complete_external_task(
                    task_id, "worker-1", {"registered": True}, actor=WORKER
                )
            ]
            * 2,
        )
        landed = [o for o in outcomes if isinstance(o, InstanceView)]
        told = [o for o in outcomes if isinstance(o, NotFound | ConcurrentChange)]
        assert (len(landed), len(told)) == (1, 1), outcomes
        completions = [e for e in engine.history(started.id) if e.kind == "external_task_completed"]
        assert len(completions) == 1
