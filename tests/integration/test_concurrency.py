"""Two writers on one instance: a stale write is never a lost update."""

from __future__ import annotations

import threading

from engine import Engine, InstanceView
from engine.problems import AlreadyRunning, Conflict
from tests.conftest import PROCESSES


def _race(database_url, clock, calls):
    """Run ``calls`` at the same moment, each through its own engine (as separate API workers would)."""
    engines = [Engine(database_url, clock_source=clock, apply_migrations=False) for _ in calls]
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index):
        barrier.wait()
        try:
            outcomes[index] = calls[index](engines[index])
        except Exception as error:  # reported in the assertion, whatever it is
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.close()
    return outcomes


def test_two_completions_of_one_task_exactly_one_succeeds(engine, database_url, clock):
    for _round in range(5):
        started = engine.start_instance("ten_tasks", actor="integrator:a")
        task_id = started.ready_tasks[0].id
        outcomes = _race(
            database_url,
            clock,
            [
                lambda e, who=who, task_id=task_id: e.complete_task(
                    task_id, {"step": who}, actor=f"integrator:{who}"
                )
                for who in (1, 2)
            ],
        )
        winners = [o for o in outcomes if isinstance(o, InstanceView)]
        losers = [o for o in outcomes if isinstance(o, Conflict)]
        assert (len(winners), len(losers)) == (1, 1), outcomes
        state = engine.get_instance(started.id)
        assert state.ready_tasks[0].element_id == "Task_02"
        completions = [e for e in engine.history(started.id) if e.kind == "task_completed"]
        assert len(completions) == 1
        assert state.variables["step"] == completions[0].data["step"]


def test_parallel_branches_completed_together_both_land(engine, database_url, clock):
    for _round in range(5):
        started = engine.start_instance("parallel_preparation", actor="integrator:a")
        ids = [t.id for t in started.ready_tasks]
        outcomes = _race(
            database_url,
            clock,
            [
                lambda e, task_id=task_id: e.complete_task(task_id, {"done": True}, actor="integrator:b")
                for task_id in ids
            ],
        )
        assert not any(isinstance(o, Conflict) for o in outcomes), outcomes
        state = engine.get_instance(started.id)
        assert [t.element_id for t in state.ready_tasks] == ["Task_final_check"]
        assert len([e for e in engine.history(started.id) if e.kind == "task_completed"]) == 2


def test_engines_share_definitions_deployed_by_another(database_url, clock):
    first = Engine(database_url, clock_source=clock)
    first.deploy_folder(PROCESSES, actor="analyst:test")
    second = Engine(database_url, clock_source=clock, apply_migrations=False)
    started = second.start_instance("simple_onboarding", actor="integrator:a")
    assert first.get_instance(started.id).ready_tasks[0].element_id == "Task_fill_customer_data"
    first.close()
    second.close()


def test_timers_fired_by_several_processes_at_once_fire_once(engine, database_url, clock):
    started = [engine.start_instance("report_deadline", actor="integrator:a") for _ in range(3)]
    for instance in started:
        engine.complete_task(instance.ready_tasks[0].id, {"result": "passed"}, actor="integrator:a")
    clock.advance(days=2)
    outcomes = _race(database_url, clock, [lambda e: e.fire_due_timers(actor="timer") for _ in range(3)])
    assert not any(isinstance(o, Exception) for o in outcomes), outcomes
    assert sorted(i for moved in outcomes for i in moved) == sorted(i.id for i in started)
    for instance in started:
        fired = [e for e in engine.history(instance.id) if e.kind == "timers_fired"]
        assert [e.data["timers"] for e in fired] == [["Timer_report_reminder"]]
        state = engine.get_instance(instance.id)
        assert sorted(t.element_id for t in state.ready_tasks) == ["Task_remind", "Task_report_test"]


def test_starts_of_one_business_key_at_once_start_one_onboarding(engine, database_url, clock):
    for round_ in range(3):
        business_key = f"0737546-{round_}"
        outcomes = _race(
            database_url,
            clock,
            [
                lambda e, key=business_key: e.start_instance(
                    "ten_tasks", actor="integrator:a", business_key=key, allow_duplicate=False
                )
                for _ in range(4)
            ],
        )
        [started] = [o for o in outcomes if isinstance(o, InstanceView)]
        refused = [o for o in outcomes if isinstance(o, AlreadyRunning)]
        assert len(refused) == 3, outcomes
        assert {r.running[0]["instance_id"] for r in refused} == {started.id}
        stored = engine.list_instances(process_key="ten_tasks", business_key=business_key).items
        assert [i.id for i in stored] == [started.id]
