"""What an analyst uploads to the real server: files that can not be named are refused, a form reaching
outside itself is refused at its own file, and a form's pattern can not hold a worker."""

from __future__ import annotations

import json
import threading
import time

import pytest

from harness.server import PROCESSES, RunningServer

from .conftest import ANALYST_TOKEN, INTEGRATOR_TOKEN, TOKENS

DEPLOY = "/api/v1/process-definitions"
DIAGRAM = (PROCESSES / "simple_onboarding.bpmn").read_bytes()
CUSTOMER_FORM = (PROCESSES / "forms" / "customer_data.json").read_bytes()
APPROVAL_FORM = (PROCESSES / "forms" / "approval.json").read_bytes()
EVIL = "^(a+)+$"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("uploads"), tokens=TOKENS) as running:
        yield running


def deploy(server: RunningServer, files: list[tuple[bytes, bytes]]) -> tuple[int, dict, object]:
    """POST the files as multipart/form-data, each file name written as raw bytes (a client library would
    escape a NUL, an attacker does not)."""
    boundary = b"kanta-upload-boundary"
    body = b""
    for name, content in files:
        body += b"--" + boundary + b"\r\n"
        body += b'Content-Disposition: form-data; name="files"; filename="' + name + b'"\r\n'
        body += b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n"
    body += b"--" + boundary + b"--\r\n"
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary.decode()}"}
    return server.call("POST", DEPLOY, token=ANALYST_TOKEN, body=body, headers=headers)


def versions(server: RunningServer) -> list:
    status, _, listed = server.call("GET", DEPLOY, token=ANALYST_TOKEN)
    assert status == 200
    return sorted((d["process_key"], d["version"], d["content_hash"]) for d in listed)


def changed_diagram(name: str) -> bytes:
    return DIAGRAM.replace(b'name="Simple onboarding"', f'name="{name}"'.encode())


def test_a_file_name_with_a_nul_is_refused_naming_the_file_and_nothing_is_stored(server):
    before = versions(server)

    status, headers, problem = deploy(
        server,
        [
            (b"simple_onboarding.bpmn\x00.png", changed_diagram("Renamed by a NUL")),
            (b"customer_data.json", CUSTOMER_FORM),
            (b"approval.json", APPROVAL_FORM),
        ],
    )

    assert (status, headers["Content-Type"]) == (422, "application/problem+json")
    assert [e["field"] for e in problem["errors"]] == ["/files/0"]
    assert "'simple_onboarding.bpmn\\x00.png' has a control character" in problem["errors"][0]["message"]
    assert versions(server) == before


def test_two_files_with_the_same_base_name_are_refused_naming_both_and_nothing_is_stored(server):
    before = versions(server)

    status, _, problem = deploy(
        server,
        [
            (b"first/simple_onboarding.bpmn", changed_diagram("First of two")),
            (b"second/simple_onboarding.bpmn", changed_diagram("Second of two")),
            (b"customer_data.json", CUSTOMER_FORM),
            (b"approval.json", APPROVAL_FORM),
            (b"old/approval.json", APPROVAL_FORM),
        ],
    )

    assert status == 422
    assert {e["field"]: e["message"] for e in problem["errors"]} == {
        "/files/1": "the file 'second/simple_onboarding.bpmn' would be 'simple_onboarding.bpmn', like the "
        "file 'first/simple_onboarding.bpmn' (files/0): give every file of an upload its own name",
        "/files/4": "the file 'old/approval.json' would be 'forms/approval.json', like the file "
        "'approval.json' (files/3): give every file of an upload its own name",
    }
    assert versions(server) == before


@pytest.mark.parametrize(
    ("reference", "said"),
    [
        (
            "http://127.0.0.1:9/schema.json",
            '$ref "http://127.0.0.1:9/schema.json" at /properties/contact_email',
        ),
        ("file:///etc/passwd", '$ref "file:///etc/passwd" at /properties/contact_email'),
    ],
)
def test_a_form_referring_outside_itself_is_refused_at_the_form(server, reference, said):
    form = json.loads(CUSTOMER_FORM)
    form["properties"]["contact_email"] = {"$ref": reference}
    before = versions(server)

    status, _, problem = deploy(
        server,
        [
            (b"simple_onboarding.bpmn", changed_diagram("With a reaching form")),
            (b"customer_data.json", json.dumps(form).encode()),
            (b"approval.json", APPROVAL_FORM),
        ],
    )

    assert status == 422 and problem["type"].endswith("/definition-invalid")
    (found,) = problem["problems"]
    assert (found["file"], found["line"], found["element_id"]) == ("forms/customer_data.json", None, None)
    assert found["message"].startswith(said + " points outside the form")
    assert versions(server) == before


def test_a_nested_quantifier_in_a_form_holds_no_worker(server):
    form = json.loads(CUSTOMER_FORM)
    form["properties"]["organisation_name"] = {"type": "string", "pattern": EVIL}
    status, _, result = deploy(
        server,
        [
            (b"simple_onboarding.bpmn", changed_diagram("With a nested quantifier")),
            (b"customer_data.json", json.dumps(form).encode()),
            (b"approval.json", APPROVAL_FORM),
        ],
    )
    assert status == 201, result
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=INTEGRATOR_TOKEN,
        json_body={"process_key": "simple_onboarding", "business_key": "0737546-2", "variables": {}},
    )
    assert status == 201, started
    task_id = started["ready_tasks"][0]["id"]
    health: list[float] = []
    done = threading.Event()

    def watch_health() -> None:
        while not done.is_set():
            started_at = time.monotonic()
            health.append(
                server.call("GET", "/healthz", timeout=5)[0] == 200 and time.monotonic() - started_at
            )
            time.sleep(0.1)

    watcher = threading.Thread(target=watch_health)
    watcher.start()
    try:
        began = time.monotonic()
        status, _, refused = server.call(
            "POST",
            f"/api/v1/tasks/{task_id}/complete",
            token=INTEGRATOR_TOKEN,
            json_body={"data": {"organisation_name": "a" * 35 + "!"}},
            timeout=10,
        )
        took = time.monotonic() - began
    finally:
        done.set()
        watcher.join()

    assert status == 422 and "/data/organisation_name" in {e["field"] for e in refused["errors"]}
    assert took < 1.0
    assert health and all(answer is not False and answer < 1.0 for answer in health)


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("utf-16", "UTF-16"), ("latin-1", "ISO-8859-1"), ("utf-16", None)],  # None: a BOM and no declaration
)
def test_a_diagram_saved_in_another_encoding_is_read_as_its_parser_reads_it(server, encoding, declared):
    name = f"Asiakas ä ö å ({encoding}, {declared})"
    text = changed_diagram(name).decode()
    if declared:
        text = text.replace('encoding="UTF-8"', f'encoding="{declared}"')
    else:
        text = text.split("?>", 1)[1].lstrip()

    status, _, result = deploy(
        server,
        [
            (b"simple_onboarding.bpmn", text.encode(encoding)),
            (b"customer_data.json", CUSTOMER_FORM),
            (b"approval.json", APPROVAL_FORM),
        ],
    )

    assert status == 201, result
    [deployed] = result["deployed"]
    assert deployed["name"] == name
    status, headers, source = server.call(
        "GET",
        f"/api/v1/process-definitions/simple_onboarding/xml?version={deployed['version']}",
        token=ANALYST_TOKEN,
    )
    assert status == 200 and "charset=utf-8" in headers["Content-Type"]
    assert name in source
    if declared:  # the declaration says what the text is served in
        assert 'encoding="UTF-8"' in source.splitlines()[0]


def test_a_diagram_in_an_encoding_nobody_reads_is_refused_naming_it(server):
    before = versions(server)
    text = changed_diagram("Unknown encoding").decode().replace('encoding="UTF-8"', 'encoding="KOI8-XYZ"')

    status, headers, problem = deploy(
        server,
        [
            (b"simple_onboarding.bpmn", text.encode()),
            (b"customer_data.json", CUSTOMER_FORM),
            (b"approval.json", APPROVAL_FORM),
        ],
    )

    assert (status, headers["Content-Type"]) == (422, "application/problem+json")
    assert "simple_onboarding.bpmn:1" in problem["detail"] and "KOI8-XYZ" in problem["detail"]
    assert versions(server) == before
