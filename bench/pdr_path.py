"""The main path of the patient data repository onboarding, as data, and bare SpiffWorkflow walking it.

The path is the one tests/integration/test_catalogue_joining.py drives for an existing Kanta customer:
the application is refused once and corrected, the first deployment test fails and is fixed. The
"two days passed" boundary timer on the test report is scheduled but the report is sent before it falls
due, so no step waits on the clock. Kela's decisions arrive as messages. One start, eleven completed
tasks and two messages: fourteen writes per instance, the same fourteen for the engine over HTTP and
for bare SpiffWorkflow.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.camunda.parser import CamundaParser
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG
from SpiffWorkflow.camunda.specs.event_definitions import MessageEventDefinition
from SpiffWorkflow.util.task import TaskState

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
PROCESS_KEY = "patient_data_repository_onboarding"
MESSAGE = "kela_patient_data_repository_decision"
ERA, ERA_ACCESS_POINT = "eRA", "1.2.246.537.6.918.18.10.13.1"
CLINIC_OID = "1.2.246.10.7375462.10.0"

TODAY = date.today().isoformat()
START_VARIABLES = {"organisation_name": "Lääkärikeskus Aurora Oy"}
_APPLICATION = {
    "system_name": ERA,
    "access_point_oid": ERA_ACCESS_POINT,
    "application_date": "2026-01-07",
    "planned_test_date": "2026-02-16",
    "existing_kanta_customer": True,
}

# (kind, element id or message name, data or payload)
STEPS: list[tuple[str, str, dict]] = [
    (
        "task",
        "Task_contact_vendor",
        {"vendor_name": "Ajas Oy", "vendor_business_id": "2345678-0", "contacted_on": "2026-01-05"},
    ),
    (
        "task",
        "Task_send_preparation_instructions",
        {
            "instructions_sent_on": "2026-01-06",
            "system_name": ERA,
            "system_certified": True,
            "intermediary_name": "Ajas Oy",
        },
    ),
    (
        "task",
        "Task_complete_preparatory_tasks",
        {
            "register_entries_valid": True,
            "security_plan_ready": True,
            "server_certificates_ready": True,
            "customer_data_in_extranet": True,
            "organisation_oid": CLINIC_OID,
        },
    ),
    ("task", "Task_file_application", _APPLICATION),
    ("message", MESSAGE, {"decision": "rejected"}),
    (
        "task",
        "Task_correct_application",
        {"correction": "Liityntäpisteen OID korjattu", "corrected_on": "2026-01-08"},
    ),
    ("task", "Task_file_application", _APPLICATION),
    ("message", MESSAGE, {"decision": "approved"}),
    ("task", "Task_deliver_test_person_ids", {"test_person_ids_delivered_on": "2026-02-09"}),
    ("task", "Task_run_deployment_test", {"test_date": "2026-02-16", "test_result": "failed"}),
    (
        "task",
        "Task_fix_test_failure",
        {"fault_description": "Palvelinvarmenne vanhentunut", "fixed_on": "2026-02-17"},
    ),
    # The report is due two days after the successful test's date: the test is dated today, so the report
    # sent at once is in time and no step waits on the clock.
    ("task", "Task_run_deployment_test", {"test_date": TODAY, "test_result": "passed"}),
    ("task", "Task_report_test", {"report_sent_on": TODAY}),
]
WRITES_PER_INSTANCE = 1 + len(STEPS)


class BareSpiffWorkflow:
    """Stock SpiffWorkflow as a durable store would use it at the least: its Camunda parser, its default
    script engine, and its own serializer (spec included) around every step."""

    def __init__(self, process_key: str = PROCESS_KEY, files: list[Path] | None = None):
        """``files``: the diagrams and decision tables to read (default: the whole catalogue)."""
        files = files or sorted(PROCESSES.glob("*.bpmn")) + sorted(PROCESSES.glob("*.dmn"))
        parser = CamundaParser()
        parser.add_bpmn_files([str(path) for path in files if path.suffix == ".bpmn"])
        parser.add_dmn_files([str(path) for path in files if path.suffix == ".dmn"])
        self.spec = parser.get_spec(process_key)
        self.subprocess_specs = parser.get_subprocess_specs(process_key)
        # the helpers the catalogue's expressions use (the engine's sandbox offers the same)
        helpers = {"date": date, "datetime": datetime, "timedelta": timedelta}
        self.script_engine = PythonScriptEngine(environment=TaskDataEnvironment(helpers))
        self.serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(CAMUNDA_CONFIG))

    def new_workflow(self) -> BpmnWorkflow:
        return BpmnWorkflow(self.spec, self.subprocess_specs, script_engine=self.script_engine)

    def dump(self, workflow: BpmnWorkflow) -> str:
        return self.serializer.serialize_json(workflow)

    def load(self, stored: str) -> BpmnWorkflow:
        workflow = self.serializer.deserialize_json(stored)
        workflow.script_engine = self.script_engine  # not serialized: put back after every load
        return workflow


def deliver_message(workflow: BpmnWorkflow, name: str, payload: dict) -> None:
    """What the engine does with a message from outside, done with stock SpiffWorkflow: the engine's catch
    event merges the payload's fields into the task data, Camunda's stores the payload under one result
    variable. Naming one of the payload's own fields as that variable, and merging the payload into the
    task that caught it, leaves the same data."""
    field, value = next(iter(payload.items()))
    workflow.send_event(BpmnEvent(MessageEventDefinition(name), {"payload": value, "result_var": field}))
    for task in workflow.get_tasks(state=TaskState.READY):
        if name in task.internal_data:
            task.set_data(**payload)


def _step(workflow: BpmnWorkflow, kind: str, name: str, data: dict) -> None:
    if kind == "task":
        [task] = [
            t for t in workflow.get_tasks(state=TaskState.READY, manual=True) if t.task_spec.bpmn_id == name
        ]
        task.set_data(**data)
        task.run()
    else:
        deliver_message(workflow, name, data)
    workflow.do_engine_steps()


def bare_serialized(bare: BareSpiffWorkflow) -> list[int]:
    """One instance along the path with SpiffWorkflow's default serializer (spec included) around every
    step: the least a durable store must do. Answers the bytes of the serialization after every write."""
    workflow = bare.new_workflow()
    for start in workflow.get_tasks(state=TaskState.READY):
        start.set_data(**START_VARIABLES)
    workflow.do_engine_steps()
    stored = bare.dump(workflow)
    sizes = [len(stored.encode())]
    for kind, name, data in STEPS:
        workflow = bare.load(stored)
        _step(workflow, kind, name, data)
        stored = bare.dump(workflow)
        sizes.append(len(stored.encode()))
    assert workflow.is_completed(), "the bare path did not reach its end"
    return sizes


def through_engine(engine, business_key: str) -> None:
    """The same path through the engine in this process (store, projections, audit; no HTTP)."""
    actor = "integrator:bench"
    instance = engine.start_instance(
        PROCESS_KEY, actor=actor, business_key=business_key, variables=START_VARIABLES
    )
    for kind, name, data in STEPS:
        if kind == "task":
            [task] = [t for t in instance.ready_tasks if t.element_id == name]
            instance = engine.complete_task(task.id, data, actor=actor)
        else:
            instance = engine.deliver_message(name, business_key=business_key, payload=data, actor=actor)
    assert instance.status == "completed", instance.status
