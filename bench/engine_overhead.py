"""What the durable engine costs over bare SpiffWorkflow, measured side by side in one run.

One path through a 10-user-task process (tests/fixtures/processes/ten_tasks.bpmn), run as
  (a) bare SpiffWorkflow in memory,
  (b) bare SpiffWorkflow with serialize + deserialize around every step (the least any durable
      store must do, using SpiffWorkflow's default serializer, spec included),
  (c) through the engine with its SQLite store (a real file): start, then complete each task,
several rounds each, interleaved so that machine noise hits all three alike. Prints medians, the
ratio (c)/(b), and the bytes stored per instance against SpiffWorkflow's default serialization.

    .venv/bin/python -m bench.engine_overhead [--rounds 7] [--instances 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from SpiffWorkflow.util.task import TaskState
from sqlalchemy import create_engine, func, select

from bench.pdr_path import ROOT, BareSpiffWorkflow
from bench.tables import reflected
from engine import Engine, migrate_database

PROCESSES = ROOT / "tests" / "fixtures" / "processes"
KEY = "ten_tasks"


def bare_in_memory(bare: BareSpiffWorkflow) -> None:
    workflow = bare.new_workflow()
    workflow.do_engine_steps()
    for step in range(10):
        [task] = workflow.get_tasks(state=TaskState.READY, manual=True)
        task.set_data(step=step)
        task.run()
        workflow.do_engine_steps()
    assert workflow.is_completed()


def bare_serialized(bare: BareSpiffWorkflow) -> int:
    workflow = bare.new_workflow()
    workflow.do_engine_steps()
    stored = bare.dump(workflow)
    for step in range(10):
        workflow = bare.load(stored)
        [task] = workflow.get_tasks(state=TaskState.READY, manual=True)
        task.set_data(step=step)
        task.run()
        workflow.do_engine_steps()
        stored = bare.dump(workflow)
    assert workflow.is_completed()
    return len(stored.encode())


def through_engine(engine: Engine) -> str:
    instance = engine.start_instance(KEY, actor="bench")
    for step in range(10):
        instance = engine.complete_task(instance.ready_tasks[0].id, {"step": step}, actor="bench")
    assert instance.status == "completed"
    return instance.id


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--rounds", type=int, default=7)
    arguments.add_argument("--instances", type=int, default=20, help="instances per round and variant")
    options = arguments.parse_args()

    bare = BareSpiffWorkflow(KEY, [PROCESSES / "ten_tasks.bpmn"])
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        migrate_database(url)
        engine = Engine(url, apply_migrations=False)
        engine.deploy_folder(PROCESSES, actor="bench")
        timings = {"a": [], "b": [], "c": []}
        full_bytes = 0
        last_instance = None
        variants = {
            "a": lambda: bare_in_memory(bare),
            "b": lambda: bare_serialized(bare),
            "c": lambda: through_engine(engine),
        }
        for _round in range(options.rounds):
            for name, run in variants.items():
                started = time.perf_counter()
                for _ in range(options.instances):
                    result = run()
                timings[name].append((time.perf_counter() - started) / options.instances)
                if name == "b":
                    full_bytes = result
                if name == "c":
                    last_instance = result
        engine.close()
        db = create_engine(url)
        tables = reflected(db)
        instances, audit = tables["process_instances"], tables["audit_events"]
        with db.connect() as connection:
            state = connection.scalar(select(instances.c.state).where(instances.c.id == last_instance))
            audit_rows = connection.scalar(
                select(func.count()).select_from(audit).where(audit.c.instance_id == last_instance)
            )
        db.dispose()
        state_bytes = len(state.encode())

    median = {name: statistics.median(values) for name, values in timings.items()}
    print(
        f"one path of {KEY} (start + 10 user tasks), median of {options.rounds} rounds x {options.instances}"
    )
    print(f"{'variant':<52}{'ms / instance':>14}{'vs (b)':>9}")
    labels = {
        "a": "(a) bare SpiffWorkflow, in memory",
        "b": "(b) bare, serialize + deserialize every step",
        "c": "(c) engine + SQLite store (projections, audit)",
    }
    for name in "abc":
        print(f"{labels[name]:<52}{median[name] * 1000:>14.2f}{median[name] / median['b']:>9.2f}")
    print(f"ratio (c)/(b): {median['c'] / median['b']:.2f}")
    print(
        f"stored state per completed instance: {state_bytes} B; SpiffWorkflow default serialization: "
        f"{full_bytes} B ({100 * state_bytes / full_bytes:.0f} %); plus {audit_rows} audit rows"
    )


if __name__ == "__main__":
    main()
