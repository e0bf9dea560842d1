"""What diagram code costs when a process is full of script tasks, measured side by side in one run.

The catalogue has no script task (its conditions and timer expressions are plain expressions and run in
the worker itself), so P1 does not see what the evaluator processes cost. This bench does: a process of
``--scripts`` script tasks in a row (the kind an analyst writes: arithmetic, a date, a string, a list
built in a loop), started with ``--variables`` variables of task data, run as
  (b) bare SpiffWorkflow: its default script engine, in memory, one serialization at the end (the least
      a durable store must do for a start that runs to its end in one write),
  (c) through the engine with its SQLite store: every script in an evaluator process (wall clock, memory
      and CPU limits), the task data pickled there and back,
several rounds each, interleaved so that machine noise hits both alike. Prints medians, (c)/(b), and
what one script costs the engine beyond bare SpiffWorkflow.

    .venv/bin/python -m bench.script_heavy [--rounds 5] [--instances 10] [--scripts 20] [--variables 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.camunda.parser import CamundaParser
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG
from SpiffWorkflow.util.task import TaskState

from engine import Engine, migrate_database

KEY = "script_heavy"
# What analysts write in script tasks, in turn: each reads what the one before wrote.
SCRIPTS = (
    "total = sum(amounts) + step",
    "due = str(date.fromisoformat(applied_on) + timedelta(days=14))",
    'summary = f"{organisation_name}: {total} ({due})"',
    "checked = [a for a in amounts if a > 2]",
)


STARTED_WITH = ("organisation_name", "applied_on", "amounts")


def diagram(scripts: int) -> bytes:
    """A process of ``scripts`` script tasks in a row, as Camunda Modeler writes one (no diagram shapes)."""
    tasks, flows = [], []
    previous = "Start_requested"
    for number in range(scripts):
        element = f"Script_{number}"
        code = f"step = {number}\n{SCRIPTS[number % len(SCRIPTS)]}"
        tasks.append(
            f'<bpmn:scriptTask id="{element}" name="Step {number}" scriptFormat="python">'
            f"<bpmn:script>{code}</bpmn:script></bpmn:scriptTask>"
        )
        flows.append(f'<bpmn:sequenceFlow id="Flow_{number}" sourceRef="{previous}" targetRef="{element}" />')
        previous = element
    flows.append(f'<bpmn:sequenceFlow id="Flow_end" sourceRef="{previous}" targetRef="End_done" />')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_script_heavy" '
        'targetNamespace="http://bpmn.io/schema/bpmn">'
        f'<bpmn:process id="{KEY}" name="Script-heavy" isExecutable="true">'
        '<bpmn:startEvent id="Start_requested" name="Started"><bpmn:extensionElements><camunda:properties>'
        + "".join(f'<camunda:property name="start-variable" value="{name}" />' for name in STARTED_WITH)
        + "</camunda:properties></bpmn:extensionElements></bpmn:startEvent>"
        + "".join(tasks)
        + '<bpmn:endEvent id="End_done" name="Done" />'
        + "".join(flows)
        + "</bpmn:process></bpmn:definitions>"
    ).encode()


def start_variables(count: int) -> dict:
    variables = {"organisation_name": "Lääkärikeskus Aurora Oy", "applied_on": "2026-01-07"}
    variables["amounts"] = list(range(10))
    for number in range(max(0, count - len(variables))):
        variables[f"field_{number}"] = f"value {number} " * 4
    return variables


class Bare:
    def __init__(self, path: str):
        parser = CamundaParser()
        parser.add_bpmn_file(path)
        self.spec = parser.get_spec(KEY)
        helpers = {"date": date, "datetime": datetime, "timedelta": timedelta}
        self.script_engine = PythonScriptEngine(environment=TaskDataEnvironment(helpers))
        self.serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(CAMUNDA_CONFIG))

    def run(self, variables: dict) -> None:
        workflow = BpmnWorkflow(self.spec, script_engine=self.script_engine)
        for start in workflow.get_tasks(state=TaskState.READY):
            start.set_data(**variables)
        workflow.do_engine_steps()
        assert workflow.is_completed()
        self.serializer.serialize_json(workflow)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--rounds", type=int, default=5)
    arguments.add_argument("--instances", type=int, default=10, help="instances per round and variant")
    arguments.add_argument("--scripts", type=int, default=20, help="script tasks in the process")
    arguments.add_argument("--variables", type=int, default=30, help="variables of task data at the start")
    options = arguments.parse_args()
    variables = start_variables(options.variables)

    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/{KEY}.bpmn"
        with open(path, "wb") as file:
            file.write(diagram(options.scripts))
        bare = Bare(path)
        url = f"sqlite:///{folder}/bench.sqlite3"
        migrate_database(url)
        engine = Engine(url, apply_migrations=False)
        engine.deploy({f"{KEY}.bpmn": diagram(options.scripts)}, actor="bench")

        def through_engine() -> None:
            instance = engine.start_instance(KEY, actor="bench", variables=variables)
            assert instance.status == "completed", instance.error

        through_engine()  # the evaluator processes start once per worker; not what a script costs
        timings: dict[str, list[float]] = {"b": [], "c": []}
        variants = {"b": lambda: bare.run(variables), "c": through_engine}
        for _round in range(options.rounds):
            for name, run in variants.items():
                started = time.perf_counter()
                for _ in range(options.instances):
                    run()
                timings[name].append((time.perf_counter() - started) / options.instances)
        engine.close()

    median = {name: statistics.median(values) for name, values in timings.items()}
    per_script = (median["c"] - median["b"]) / options.scripts
    print(
        f"{options.scripts} script tasks, {len(variables)} variables at the start; "
        f"median of {options.rounds} rounds x {options.instances} instances"
    )
    print(f"  (b) bare SpiffWorkflow, one serialization   {median['b'] * 1000:9.2f} ms / instance")
    print(f"  (c) engine, scripts in evaluator processes  {median['c'] * 1000:9.2f} ms / instance")
    ratio = median["c"] / median["b"]
    print(f"  ratio (c)/(b) {ratio:.2f}; each script costs the engine {per_script * 1000:.3f} ms more")


if __name__ == "__main__":
    main()
