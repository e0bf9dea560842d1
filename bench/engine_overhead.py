"""What the durable engine costs over bare SpiffWorkflow, measured side by side in one run.

One path through a 10-user-task process (tests/fixtures/processes/ten_tasks.bpmn), run as
  (a) bare SpiffWorkflow in memory,
  (b) bare SpiffWorkflow with serialize + deserialize around every step (the least any durable
      store must do, using SpiffWorkflow's default serializer, spec included),
  (c) through the engine with its SQLite store (a real file): start, then complete each task,
several rounds each, interleaved so that machine noise hits all three alike. Prints medians, the
ratio (c)/(b), and the bytes stored per instance against SpiffWorkflow's default serialization.

    .venv/bin/python bench/engine_overhead.py [--rounds 7] [--instances 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.runtime import Engine  # noqa: E402
from engine.scripting import RestrictedScriptEngine  # noqa: E402
from engine.spiff import DiagramParser, Serializer  # noqa: E402
from engine.store.models import AuditEvent, ProcessInstance  # noqa: E402

PROCESSES = ROOT / "tests" / "fixtures" / "processes"
KEY = "ten_tasks"


def load_spec():
    parser = DiagramParser()
    parser.add_bpmn_file(str(PROCESSES / "ten_tasks.bpmn"))
    return parser.get_spec(KEY), parser.get_subprocess_specs(KEY)


def bare_in_memory(spec, subprocess_specs, script_engine) -> None:
    workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=script_engine)
    workflow.do_engine_steps()
    for step in range(10):
        [task] = workflow.get_tasks(state=TaskState.READY, manual=True)
        task.set_data(step=step)
        task.run()
        workflow.do_engine_steps()
    assert workflow.is_completed()


def bare_serialized(spec, subprocess_specs, script_engine, serializer) -> int:
    workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=script_engine)
    workflow.do_engine_steps()
    stored = serializer.dump_full(workflow)
    for step in range(10):
        workflow = serializer._full.deserialize_json(stored)
        workflow.script_engine = script_engine
        [task] = workflow.get_tasks(state=TaskState.READY, manual=True)
        task.set_data(step=step)
        task.run()
        workflow.do_engine_steps()
        stored = serializer.dump_full(workflow)
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

    spec, subprocess_specs = load_spec()
    script_engine = RestrictedScriptEngine()
    serializer = Serializer()
    with tempfile.TemporaryDirectory() as folder:
        engine = Engine(f"sqlite:///{folder}/bench.sqlite3")
        engine.deploy_folder(PROCESSES, actor="bench")
        timings = {"a": [], "b": [], "c": []}
        full_bytes = 0
        last_instance = None
        variants = {
            "a": lambda: bare_in_memory(spec, subprocess_specs, script_engine),
            "b": lambda: bare_serialized(spec, subprocess_specs, script_engine, serializer),
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
        with engine._sessions() as session:
            state_bytes = len(session.get(ProcessInstance, last_instance).state.encode())
            audit_rows = session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.instance_id == last_instance)
            )
        engine.close()

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
