"""Forms and task assignment as Camunda Modeler writes them: ``camunda:formData`` fields become the task's
JSON Schema, checked as our own forms are; a task without a form takes free data; ``camunda:assignee`` and
the candidates are kept on the task and filter the task lists."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from engine import DefinitionInvalid, Engine, InvalidData
from engine.clock import ManualClock

NAMESPACES = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"'
)

FIELDS = """
<camunda:formData>
  <camunda:formField id="organisation" label="Organisation" type="string">
    <camunda:validation>
      <camunda:constraint name="required" />
      <camunda:constraint name="minlength" config="2" />
      <camunda:constraint name="maxlength" config="40" />
    </camunda:validation>
  </camunda:formField>
  <camunda:formField id="systems" label="Systems" type="long" defaultValue="1">
    <camunda:validation>
      <camunda:constraint name="min" config="1" />
      <camunda:constraint name="max" config="9" />
    </camunda:validation>
  </camunda:formField>
  <camunda:formField id="urgent" label="Urgent" type="boolean" defaultValue="false" />
  <camunda:formField id="planned_on" label="Planned on" type="date" />
  <camunda:formField id="service" label="Service" type="enum" defaultValue="pdr">
    <camunda:value id="pdr" name="Patient Data Repository" />
    <camunda:value id="rx" name="Prescription service" />
  </camunda:formField>
  <camunda:formField id="reference" label="Reference" type="string" defaultValue="K-1">
    <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
  </camunda:formField>
</camunda:formData>"""


def modeler_diagram(
    task_attributes: str = "", task_extensions: str = "", start_extensions: str = ""
) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="modeler_form" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Begin"><bpmn:extensionElements>{start_extensions}</bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:userTask id="Fill" name="Fill in the plan" {task_attributes}>
      <bpmn:extensionElements>{task_extensions}</bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="Review" name="Review" />
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Fill" />
    <bpmn:sequenceFlow id="F2" sourceRef="Fill" targetRef="Review" />
    <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="Finish" />
  </bpmn:process>
</bpmn:definitions>
""".encode()


@pytest.fixture
def engine(tmp_path):
    running = Engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}", clock_source=ManualClock())
    yield running
    running.close()


def first_task(engine: Engine, instance_id: str):
    return engine.get_task(engine.get_instance(instance_id).ready_tasks[0].id)


def test_form_fields_become_the_tasks_json_schema(engine):
    engine.deploy({"modeler.bpmn": modeler_diagram(task_extensions=FIELDS)}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test")

    task = first_task(engine, started.id)

    assert task.form_key == "formData/modeler_form/Fill"
    assert task.form == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Fill in the plan",
        "type": "object",
        "properties": {
            "organisation": {"type": "string", "title": "Organisation", "minLength": 2, "maxLength": 40},
            "systems": {"type": "integer", "title": "Systems", "default": 1, "minimum": 1, "maximum": 9},
            "urgent": {"type": "boolean", "title": "Urgent", "default": False},
            "planned_on": {"type": "string", "format": "date", "title": "Planned on"},
            "service": {
                "type": "string",
                "title": "Service",
                "enum": ["pdr", "rx"],
                "x-enum-labels": ["Patient Data Repository", "Prescription service"],
                "default": "pdr",
            },
            "reference": {
                "type": "string",
                "title": "Reference",
                "default": "K-1",
                "readOnly": True,
                "not": {},
            },
        },
        "additionalProperties": False,
        "required": ["organisation"],
    }


@pytest.mark.parametrize(
    ("data", "refused"),
    [
        ({}, {"/data/organisation": "'organisation' is a required field"}),
        ({"organisation": "A"}, {"/data/organisation": "write at least 2 characters"}),
        (
            {"organisation": "Aurinko", "systems": 10},
            {"/data/systems": "10 is too large: give at most 9"},
        ),
        ({"organisation": "Aurinko", "systems": 1.5}, {"/data/systems": "1.5 is not a whole number"}),
        (
            {"organisation": "Aurinko", "planned_on": "1.9.2026"},
            {"/data/planned_on": "'1.9.2026' is not a date"},
        ),
        ({"organisation": "Aurinko", "service": "kanta"}, {"/data/service": "'kanta' is not one of"}),
        ({"organisation": "Aurinko", "reference": "K-2"}, {"/data/reference": "is read-only"}),
        (
            {"organisation": "Aurinko", "colour": "red"},
            {"/data/colour": "'colour' is not a field of this form"},
        ),
    ],
)
def test_data_the_fields_refuse_is_refused_naming_each_field(engine, data, refused):
    engine.deploy({"modeler.bpmn": modeler_diagram(task_extensions=FIELDS)}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test")
    task = started.ready_tasks[0]

    with pytest.raises(InvalidData) as error:
        engine.complete_task(task.id, data, actor="integrator:test")

    found = {e.field: e.message for e in error.value.errors}
    assert set(found) == set(refused)
    for field, words in refused.items():
        assert words in found[field]
    assert engine.get_instance(started.id).ready_tasks[0].element_id == "Fill"  # nothing moved


def test_data_the_fields_accept_completes_the_task(engine):
    engine.deploy({"modeler.bpmn": modeler_diagram(task_extensions=FIELDS)}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test")
    data = {
        "organisation": "Aurinko",
        "systems": 3,
        "urgent": True,
        "planned_on": "2026-09-01",
        "service": "rx",
    }

    after = engine.complete_task(started.ready_tasks[0].id, data, actor="integrator:test")

    assert [t.element_id for t in after.ready_tasks] == ["Review"]
    assert after.variables == data


def test_a_task_without_a_form_takes_any_json_object(engine):
    engine.deploy({"modeler.bpmn": modeler_diagram(task_extensions=FIELDS)}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test")
    engine.complete_task(started.ready_tasks[0].id, {"organisation": "Aurinko"}, actor="integrator:test")
    review = first_task(engine, started.id)
    assert (review.element_id, review.form_key, review.form) == ("Review", None, None)

    done = engine.complete_task(review.id, {"remarks": ["ok"], "score": 5}, actor="integrator:test")

    assert done.status == "completed"
    assert done.variables["remarks"] == ["ok"]


def test_the_start_events_fields_are_the_form_of_the_variables_a_start_gives(engine):
    start_fields = FIELDS.replace('id="organisation"', 'id="applicant"')
    engine.deploy({"modeler.bpmn": modeler_diagram(start_extensions=start_fields)}, actor="analyst:test")
    definition = engine.get_definition("modeler_form")
    assert definition.start_form["required"] == ["applicant"]

    with pytest.raises(InvalidData) as error:
        engine.start_instance("modeler_form", actor="integrator:test", variables={"systems": 0})
    assert {e.field for e in error.value.errors} == {"/variables/applicant", "/variables/systems"}
    assert engine.list_instances().total == 0

    started = engine.start_instance(
        "modeler_form", actor="integrator:test", variables={"applicant": "Aurinko"}
    )
    assert started.variables == {"applicant": "Aurinko"}


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ('<camunda:formField id="x" type="file" />', 'the type "file", which is not supported'),
        ('<camunda:formField id="x" type="long" defaultValue="many" />', "is not a whole number"),
        (
            '<camunda:formField id="x" type="date" defaultValue="01/09/2026" />',
            "not a date written YYYY-MM-DD",
        ),
        ('<camunda:formField id="x" type="string" defaultValue="${today}" />', "an expression"),
        ('<camunda:formField id="x" type="enum" />', "an enum without values"),
        (
            '<camunda:formField id="x" type="string"><camunda:validation>'
            '<camunda:constraint name="validator" config="org.example.Check" /></camunda:validation>'
            "</camunda:formField>",
            'the constraint "validator" is not supported',
        ),
        (
            '<camunda:formField id="x" type="boolean"><camunda:validation>'
            '<camunda:constraint name="min" config="1" /></camunda:validation></camunda:formField>',
            "the constraint min applies to a long field only",
        ),
    ],
)
def test_fields_that_make_no_form_are_refused_at_their_line(engine, field, words):
    source = modeler_diagram(task_extensions=f"<camunda:formData>\n{field}\n</camunda:formData>")
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy({"modeler.bpmn": source}, actor="analyst:test")
    [problem] = refused.value.problems
    line = next(n for n, text in enumerate(source.decode().splitlines(), 1) if 'id="x"' in text)
    assert (problem.file, problem.line, problem.element_id) == ("modeler.bpmn", line, "Fill")
    assert words in problem.message and 'form field "x" of user task "Fill in the plan"' in problem.message


def test_a_form_key_and_form_fields_together_are_refused(engine):
    source = modeler_diagram('camunda:formKey="forms/plan.json"', FIELDS)
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(
            {"modeler.bpmn": source, "forms/plan.json": b'{"type": "object"}'}, actor="analyst:test"
        )
    assert [
        (p.element_id, "both camunda:formKey and camunda:formData" in p.message)
        for p in refused.value.problems
    ] == [("Fill", True)]


ASSIGNED = 'camunda:assignee="maija" camunda:candidateUsers="matti, liisa" camunda:candidateGroups="kela,thl"'


def test_the_assignee_and_candidates_are_kept_on_the_task_and_filter_the_lists(engine, tmp_path):
    engine.deploy({"modeler.bpmn": modeler_diagram(ASSIGNED)}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test", business_key="0737546-2")
    other = engine.start_instance("modeler_form", actor="integrator:test", business_key="2345678-5")
    engine.complete_task(other.ready_tasks[0].id, {}, actor="integrator:test")  # now at Review: nobody's

    task = first_task(engine, started.id)
    assert (task.assignee, task.candidate_users, task.candidate_groups) == (
        "maija",
        ["matti", "liisa"],
        ["kela", "thl"],
    )

    def listed(**query) -> list[str]:
        return sorted(f"{t.business_key}:{t.element_id}" for t in engine.list_tasks(**query).items)

    assert listed() == ["0737546-2:Fill", "2345678-5:Review"]
    assert listed(assignee="maija") == ["0737546-2:Fill"]
    assert listed(candidate_user="liisa") == ["0737546-2:Fill"]
    assert listed(candidate_group="thl") == ["0737546-2:Fill"]
    assert listed(candidate_group="maija") == []  # a user is not a group
    assert listed(candidate_user="matti", candidate_group="kela", assignee="maija") == ["0737546-2:Fill"]

    engine.complete_task(task.id, {}, actor="integrator:test")
    assert listed(candidate_group="kela") == []  # a task done is offered to nobody
    database = create_engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}")
    with database.connect() as connection:  # and its candidates went with it (ON DELETE CASCADE)
        assert connection.execute(text("SELECT count(*) FROM task_candidates")).scalar() == 0
    database.dispose()
    review = engine.list_tasks(business_key="0737546-2").items[0]
    assert (review.assignee, review.candidate_users, review.candidate_groups) == (None, [], [])


SUB_PROCESS = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="modeler_form" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:subProcess id="Part">
      <bpmn:startEvent id="Part_start" />
      <bpmn:userTask id="Fill" name="Fill in the plan">
        <bpmn:extensionElements>{FIELDS}</bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="Part_end" />
      <bpmn:sequenceFlow id="P1" sourceRef="Part_start" targetRef="Fill" />
      <bpmn:sequenceFlow id="P2" sourceRef="Fill" targetRef="Part_end" />
    </bpmn:subProcess>
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Part" />
    <bpmn:sequenceFlow id="F2" sourceRef="Part" targetRef="Finish" />
  </bpmn:process>
</bpmn:definitions>
""".encode()


def test_form_fields_of_a_task_inside_a_sub_process_are_its_form(engine):
    engine.deploy({"modeler.bpmn": SUB_PROCESS}, actor="analyst:test")
    started = engine.start_instance("modeler_form", actor="integrator:test")

    task = first_task(engine, started.id)
    assert (task.form_key, task.form["required"]) == ("formData/modeler_form/Fill", ["organisation"])
    with pytest.raises(InvalidData):
        engine.complete_task(task.id, {}, actor="integrator:test")


START_FORM = b"""{
  "type": "object",
  "properties": {
    "model": {"type": "string", "enum": ["own", "shared"]},
    "partner": {"type": "string", "minLength": 1}
  },
  "additionalProperties": false,
  "if": {"properties": {"model": {"const": "shared"}}, "required": ["model"]},
  "then": {"required": ["partner"]}
}"""


def _with_start_form_key(key: str) -> bytes:
    source = modeler_diagram().decode()
    return source.replace(
        '<bpmn:startEvent id="Begin">', f'<bpmn:startEvent id="Begin" camunda:formKey="{key}">'
    )


def test_a_start_event_names_a_json_schema_form_that_checks_the_variables_a_start_gives(engine):
    engine.deploy(
        {"modeler.bpmn": _with_start_form_key("forms/start.json").encode(), "forms/start.json": START_FORM},
        actor="analyst:test",
    )
    assert engine.get_definition("modeler_form").start_form["then"] == {"required": ["partner"]}

    with pytest.raises(InvalidData) as error:
        engine.start_instance("modeler_form", actor="integrator:test", variables={"model": "shared"})
    assert [e.field for e in error.value.errors] == ["/variables/partner"]
    assert engine.list_instances().total == 0

    started = engine.start_instance("modeler_form", actor="integrator:test", variables={"model": "own"})
    assert started.variables == {"model": "own"}


def test_a_start_form_key_naming_no_form_is_refused_at_the_start_event(engine):
    source = _with_start_form_key("forms/strat.json").encode()
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy({"modeler.bpmn": source, "forms/start.json": START_FORM}, actor="analyst:test")
    [problem] = refused.value.problems
    assert (problem.file, problem.element_id) == ("modeler.bpmn", "Begin")
    assert "forms/strat.json" in problem.message
