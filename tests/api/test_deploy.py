"""Deploying definitions over HTTP: multipart uploads of BPMN, DMN and form files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PROCESSES

from .conftest import actor, assert_problem, auth, fields_named

BROKEN = FIXTURES / "broken"
HOSTILE = FIXTURES / "hostile"
DEPLOY = "/api/v1/process-definitions"


def upload(*files: Path | tuple[bytes, str]) -> dict:
    parts = [
        (io.BytesIO(f.read_bytes()), f.name) if isinstance(f, Path) else (io.BytesIO(f[0]), f[1])
        for f in files
    ]
    return {"data": {"files": parts}, "content_type": "multipart/form-data"}


def simple_onboarding_renamed(name: str) -> bytes:
    diagram = (PROCESSES / "simple_onboarding.bpmn").read_bytes()
    changed = diagram.replace(b'name="Simple onboarding"', f'name="{name}"'.encode())
    assert changed != diagram
    return changed


SIMPLE_FORMS = (PROCESSES / "forms" / "customer_data.json", PROCESSES / "forms" / "approval.json")


def test_a_changed_diagram_becomes_a_new_version(client):
    changed = simple_onboarding_renamed("Simple onboarding, second edition")

    response = client.post(
        DEPLOY, **upload((changed, "simple_onboarding.bpmn"), *SIMPLE_FORMS), headers=auth("analyst")
    )

    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert result["unchanged"] == []
    (deployed,) = result["deployed"]
    assert (deployed["process_key"], deployed["version"], deployed["name"], deployed["deployed_by"]) == (
        "simple_onboarding",
        2,
        "Simple onboarding, second edition",
        actor("analyst"),
    )
    latest = client.get(f"{DEPLOY}/simple_onboarding", headers=auth("viewer")).get_json()
    assert (latest["version"], latest["content_hash"]) == (2, deployed["content_hash"])
    first = client.get(f"{DEPLOY}/simple_onboarding?version=1", headers=auth("viewer")).get_json()
    assert (first["version"], first["name"]) == (1, "Simple onboarding")
    listed = {d["process_key"]: d["version"] for d in client.get(DEPLOY, headers=auth("viewer")).get_json()}
    assert listed["simple_onboarding"] == 2


def test_a_process_deployed_for_the_first_time_gets_version_1(client):
    diagram = simple_onboarding_renamed("Brand new").replace(b"simple_onboarding", b"brand_new_onboarding")

    response = client.post(
        DEPLOY, **upload((diagram, "brand_new_onboarding.bpmn"), *SIMPLE_FORMS), headers=auth("admin")
    )

    assert response.status_code == 201, response.get_json()
    (deployed,) = response.get_json()["deployed"]
    assert (deployed["process_key"], deployed["version"], deployed["main_file"]) == (
        "brand_new_onboarding",
        1,
        "brand_new_onboarding.bpmn",
    )
    started = client.post(
        "/api/v1/process-instances", json={"process_key": "brand_new_onboarding"}, headers=auth("integrator")
    )
    assert started.status_code == 201 and started.get_json()["definition_version"] == 1


def test_redeploying_unchanged_files_makes_no_new_version(client, stored):
    files = [
        *sorted(p for p in PROCESSES.iterdir() if p.is_file()),
        *sorted((PROCESSES / "forms").iterdir()),
        *sorted((PROCESSES / "messages").iterdir()),  # sent without their folder, as a browser sends them
    ]
    before = stored()

    response = client.post(DEPLOY, **upload(*files), headers=auth("analyst"))

    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert result["deployed"] == []
    assert {d["version"] for d in result["unchanged"]} == {1}
    assert "simple_onboarding" in {d["process_key"] for d in result["unchanged"]}
    assert stored() == before


def test_a_broken_diagram_is_refused_with_every_problem_and_nothing_is_stored(client, stored):
    before = stored()

    response = client.post(
        DEPLOY,
        **upload(
            BROKEN / "unreachable.bpmn",
            BROKEN / "xsd_violation.bpmn",
            BROKEN / "forms" / "done.json",
            # A good diagram in the same upload is not stored either: a deployment is all or nothing.
            (simple_onboarding_renamed("Would be version 2"), "simple_onboarding.bpmn"),
            *SIMPLE_FORMS,
        ),
        headers=auth("analyst"),
    )

    problem = assert_problem(response, 422, "definition-invalid")
    where = {(p["file"], p["line"], p["element_id"]) for p in problem["problems"]}
    assert ("unreachable.bpmn", 25, "Task_orphan") in where
    assert ("xsd_violation.bpmn", 18, "Task_bogus") in where
    assert all(p["message"] for p in problem["problems"])
    assert "unreachable.bpmn:25" in problem["detail"]
    assert stored() == before


@pytest.mark.parametrize(
    "diagram", ["entity_bomb.bpmn", "external_entity.bpmn", "import_os.bpmn", "subclasses.bpmn"]
)
def test_a_hostile_diagram_is_refused_as_a_problem_not_a_crash(client, stored, diagram):
    before = stored()
    response = client.post(DEPLOY, **upload(HOSTILE / diagram), headers=auth("admin"))
    problem = assert_problem(response, 422, "definition-invalid")
    assert {p["file"] for p in problem["problems"]} == {diagram}
    assert stored() == before


@pytest.mark.parametrize(
    ("files", "problem_file"),
    [
        ([(b"\x89PNG\r\n\x1a\n", "files.png")], "(upload)"),
        ([(b"<not xml", "broken.bpmn")], "broken.bpmn"),
        ([(b"", "empty.bpmn")], "empty.bpmn"),
    ],
    ids=["no-diagram", "not-xml", "empty"],
)
def test_files_that_are_not_diagrams_are_refused(client, stored, files, problem_file):
    before = stored()
    response = client.post(DEPLOY, **upload(*files), headers=auth("admin"))
    problem = assert_problem(response, 422, "definition-invalid")
    assert problem_file in {p["file"] for p in problem["problems"]}
    assert stored() == before


def test_a_deployment_without_files_is_refused_naming_the_field(client, stored):
    before = stored()
    for request in (
        {"data": {}, "content_type": "multipart/form-data"},
        {"json": {"files": ["simple_onboarding.bpmn"]}},
    ):
        response = client.post(DEPLOY, **request, headers=auth("admin"))
        assert fields_named(assert_problem(response, 422, "invalid-request")) == {"/files"}
    assert stored() == before


def test_the_xml_is_the_file_as_deployed(client):
    original = (PROCESSES / "simple_onboarding.bpmn").read_bytes()
    changed = simple_onboarding_renamed("Simple onboarding, revised")
    client.post(DEPLOY, **upload((changed, "simple_onboarding.bpmn"), *SIMPLE_FORMS), headers=auth("analyst"))

    latest = client.get(f"{DEPLOY}/simple_onboarding/xml", headers=auth("viewer"))
    first = client.get(f"{DEPLOY}/simple_onboarding/xml?version=1", headers=auth("viewer"))

    assert latest.status_code == first.status_code == 200
    assert latest.mimetype == first.mimetype == "application/xml"
    assert latest.data == changed
    assert first.data == original


def test_versions_are_listed_oldest_first_and_forms_keep_their_field_order(client, start):
    answer = client.get("/api/v1/process-definitions/simple_onboarding/versions", headers=auth("viewer"))
    assert answer.status_code == 200
    assert [v["version"] for v in answer.get_json()] == [1]
    assert_problem(
        client.get("/api/v1/process-definitions/nope/versions", headers=auth("viewer")), 404, "not-found"
    )
    task_id = start()["ready_tasks"][0]["id"]
    form = client.get(f"/api/v1/tasks/{task_id}", headers=auth("viewer")).get_json()["form"]
    written = json.loads((PROCESSES / "forms" / "customer_data.json").read_text())
    assert list(form["properties"]) == list(written["properties"])


def _diagram(process: str, attributes: str = 'isExecutable="true"') -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://x">\n'
        f'<bpmn:process id="foreign" {attributes}>\n{process}\n</bpmn:process>\n</bpmn:definitions>\n'
    ).encode()


_START_TO_END = (
    '<bpmn:startEvent id="Begin" />\n{}\n<bpmn:endEvent id="Finish" />\n'
    '<bpmn:sequenceFlow id="Flow_1" sourceRef="Begin" targetRef="Element" />\n'
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Element" targetRef="Finish" />'
)


@pytest.mark.parametrize(
    ("element", "construct", "line"),
    [
        # Once a 500 (a service task was not storable): now refused by name with what to write instead.
        ('<bpmn:serviceTask id="Element" camunda:class="org.example.Call" />', "camunda:class", 5),
        ('<bpmn:serviceTask id="Element" />', "service task", 5),
        ('<bpmn:sendTask id="Element" />', "send task", 5),
        # A fault only SpiffWorkflow finds comes back as a problem at the element's line too.
        (
            '<bpmn:task id="Element">\n<bpmn:multiInstanceLoopCharacteristics />\n</bpmn:task>',
            "A multiinstance task must specify a cardinality or a collection",
            5,
        ),
    ],
)
def test_an_upload_the_engine_can_not_run_is_a_problem_at_its_line_never_a_5xx(
    client, stored, element, construct, line
):
    before = stored()
    response = client.post(
        DEPLOY, **upload((_diagram(_START_TO_END.format(element)), "foreign.bpmn")), headers=auth("analyst")
    )
    problem = assert_problem(response, 422, "definition-invalid")
    named = [p for p in problem["problems"] if construct in p["message"]]
    assert named, problem["problems"]
    assert (named[0]["file"], named[0]["line"], named[0]["element_id"]) == ("foreign.bpmn", line, "Element")
    assert stored() == before


def test_an_upload_with_no_executable_process_says_there_is_nothing_to_deploy(client, stored):
    before = stored()
    diagram = _diagram('<bpmn:startEvent id="Begin" />', attributes='isExecutable="false"')
    response = client.post(DEPLOY, **upload((diagram, "sketch.bpmn")), headers=auth("analyst"))
    problem = assert_problem(response, 422, "definition-invalid")
    [only] = problem["problems"]
    assert (only["file"], only["line"], only["element_id"]) == ("sketch.bpmn", 3, "foreign")
    assert only["message"].startswith('nothing to deploy: process "foreign" is not executable')
    assert stored() == before


def test_a_decision_table_alone_is_refused_saying_to_upload_it_with_its_diagram(client, stored):
    before = stored()
    response = client.post(DEPLOY, **upload(PROCESSES / "obligation.dmn"), headers=auth("analyst"))
    problem = assert_problem(response, 422, "definition-invalid")
    [only] = problem["problems"]
    assert only["file"] == "obligation.dmn"
    assert only["message"].startswith("nothing to deploy: a decision table is deployed with the diagram")
    assert stored() == before


def test_a_diagram_uploaded_alone_is_refused_for_its_forms_unless_it_takes_them_from_the_catalogue(
    client, stored
):
    changed = simple_onboarding_renamed("Simple onboarding, diagram alone")
    before = stored()

    refused = client.post(DEPLOY, **upload((changed, "simple_onboarding.bpmn")), headers=auth("analyst"))
    problem = assert_problem(refused, 422, "definition-invalid")
    missing = [p["message"] for p in problem["problems"] if "not in the catalogue" in p["message"]]
    assert any('"forms/customer_data.json"' in message for message in missing), problem["problems"]
    assert stored() == before

    taken = client.post(
        f"{DEPLOY}?forms_from_catalogue=true",
        **upload((changed, "simple_onboarding.bpmn")),
        headers=auth("analyst"),
    )
    assert taken.status_code == 201, taken.get_json()
    (deployed,) = taken.get_json()["deployed"]
    assert (deployed["version"], deployed["name"]) == (2, "Simple onboarding, diagram alone")
    # the forms are the deployed ones: a task of the new version asks for the same form
    started = client.post(
        "/api/v1/process-instances", json={"process_key": "simple_onboarding"}, headers=auth("integrator")
    ).get_json()
    task = client.get(f"/api/v1/tasks/{started['ready_tasks'][0]['id']}", headers=auth("viewer")).get_json()
    assert task["form"] == json.loads((PROCESSES / "forms" / "customer_data.json").read_text())


def test_a_form_uploaded_beside_the_diagram_wins_over_the_catalogues(client):
    form = json.loads((PROCESSES / "forms" / "customer_data.json").read_text())
    form["title"] = "Customer data, second edition"
    changed = simple_onboarding_renamed("Simple onboarding, with its own form")

    response = client.post(
        f"{DEPLOY}?forms_from_catalogue=true",
        **upload((changed, "simple_onboarding.bpmn"), (json.dumps(form).encode(), "customer_data.json")),
        headers=auth("analyst"),
    )
    assert response.status_code == 201, response.get_json()
    started = client.post(
        "/api/v1/process-instances", json={"process_key": "simple_onboarding"}, headers=auth("integrator")
    ).get_json()
    task = client.get(f"/api/v1/tasks/{started['ready_tasks'][0]['id']}", headers=auth("viewer")).get_json()
    assert task["form"]["title"] == "Customer data, second edition"
