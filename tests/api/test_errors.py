"""Refusals: every one is application/problem+json with a stable type, a title and a detail a person can
act on, names each refused field, and leaves everything stored exactly as it was."""

from __future__ import annotations

import json

import pytest

from .conftest import TOKENS, actor, assert_problem, auth, fields_named

CUSTOMER_DATA = {"business_id": "1234567-1", "organisation_name": "Hoivakoti Oy"}
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def ready_task(engine):
    """A ready "Fill in customer data" task of a fresh simple_onboarding instance."""
    (task,) = engine.start_instance("simple_onboarding", actor="test:setup", business_key="B-1").ready_tasks
    return task


@pytest.fixture
def json_endpoints(ready_task):
    """Every endpoint that reads a JSON body, with a body it would accept."""
    return {
        "start": ("/api/v1/process-instances", {"process_key": "simple_onboarding"}),
        "complete": (f"/api/v1/tasks/{ready_task.id}/complete", {"data": CUSTOMER_DATA}),
        "message": ("/api/v1/messages", {"name": "kela_decision", "business_key": "B-1"}),
    }


ENDPOINTS = ("start", "complete", "message")


# ---- bodies that are not JSON ------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('{"process_key": "simple_onboarding"', "Expecting"),
        ("{'process_key': 'simple_onboarding'}", "Expecting property name"),
        ('{"process_key": "simple_onboarding", "variables": {"a": NaN}}', "NaN is not a JSON number"),
        ('{"process_key": "simple_onboarding", "variables": {"a": 1e999}}', "too large"),
        ('{"variables": {"a": ' + "9" * 5000 + "}}", "too many digits"),
        ('{"variables": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested deeper than 32 levels"),
        ('{"variables": ' + "[" * 40 + "]" * 40 + "}", "nested deeper than 32 levels"),
    ],
    ids=["unterminated", "single-quotes", "nan", "infinity", "huge-integer", "very-deep", "deep"],
)
def test_a_body_that_is_not_json_is_refused_with_the_reason(
    client, stored, json_endpoints, endpoint, body, reason
):
    path, _ = json_endpoints[endpoint]
    before = stored()

    response = client.post(path, data=body, content_type="application/json", headers=auth("admin"))

    problem = assert_problem(response, 400, "invalid-request")
    assert fields_named(problem) == {""}  # the body as a whole
    assert "not valid JSON" in problem["detail"] and reason in problem["detail"]
    assert stored() == before


def test_bytes_that_are_not_utf8_are_refused(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        data=b'{"process_key": "simple_\xff"}',
        content_type="application/json",
        headers=auth("admin"),
    )
    assert "not UTF-8" in assert_problem(response, 400, "invalid-request")["detail"]
    assert stored() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("body", ["[1, 2]", "null", '"text"', "42"])
def test_a_body_that_is_not_an_object_is_refused(client, stored, json_endpoints, endpoint, body):
    path, _ = json_endpoints[endpoint]
    before = stored()
    response = client.post(path, data=body, content_type="application/json", headers=auth("admin"))
    assert fields_named(assert_problem(response, 422, "invalid-request")) == {""}
    assert stored() == before


# ---- bodies that are JSON but not what the endpoint takes ---------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_field_is_refused_by_name(client, stored, json_endpoints, endpoint):
    path, body = json_endpoints[endpoint]
    before = stored()

    response = client.post(path, json={**body, "colour": "blue"}, headers=auth("admin"))

    problem = assert_problem(response, 422, "invalid-request")
    assert fields_named(problem) == {"/colour"}
    assert "body /colour" in problem["detail"]
    assert stored() == before


@pytest.mark.parametrize(
    ("endpoint", "body", "named"),
    [
        (
            "start",
            {"process_key": 5, "business_key": ["B-1"], "variables": "none"},
            {"/process_key", "/business_key", "/variables"},
        ),
        ("start", {"business_key": "B-1"}, {"/process_key"}),
        ("start", {"process_key": "", "business_key": "x" * 201}, {"/process_key", "/business_key"}),
        ("complete", {"data": ["business_id"]}, {"/data"}),
        ("complete", {}, {"/data"}),
        (
            "message",
            {"name": None, "payload": 3, "instance_id": 7},
            {"/name", "/payload", "/instance_id"},
        ),
    ],
    ids=[
        "start-types",
        "start-missing",
        "start-lengths",
        "complete-type",
        "complete-missing",
        "message-types",
    ],
)
def test_wrong_types_and_missing_fields_are_refused_naming_each_field(
    client, stored, json_endpoints, endpoint, body, named
):
    path, _ = json_endpoints[endpoint]
    before = stored()

    response = client.post(path, json=body, headers=auth("admin"))

    problem = assert_problem(response, 422, "invalid-request")
    assert fields_named(problem) == named
    assert all(field in problem["detail"] for field in named)
    assert stored() == before


def test_text_no_database_can_store_is_refused_where_it_is(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        json={
            "process_key": "simple_onboarding",
            "business_key": "B\x00-1",
            "variables": {"contact": {"names": ["ok", "\ud800"]}},
        },
        headers=auth("admin"),
    )
    problem = assert_problem(response, 422, "invalid-request")
    assert fields_named(problem) == {"/business_key", "/variables/contact/names/1"}
    assert stored() == before


def test_variable_names_that_can_not_be_variables_are_refused(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding", "variables": {"1st": 1, "ok": 2, "a-b": 3}},
        headers=auth("admin"),
    )
    problem = assert_problem(response, 422, "invalid-data")
    assert fields_named(problem) == {"/variables/1st", "/variables/a-b"}
    assert stored() == before


def test_a_body_that_is_not_json_at_all_counts_as_missing_fields(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        data="process_key=simple_onboarding",
        content_type="text/plain",
        headers=auth("admin"),
    )
    assert fields_named(assert_problem(response, 422, "invalid-request")) == {"/process_key"}
    assert stored() == before


def test_an_idempotency_key_longer_than_documented_is_refused(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding"},
        headers={**auth("admin"), "Idempotency-Key": "k" * 201},
    )
    problem = assert_problem(response, 422, "invalid-request")
    assert fields_named(problem, "header") == {"/Idempotency-Key"}
    assert stored() == before


# ---- size --------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_body_larger_than_the_limit_is_refused(app, client, stored, json_endpoints, endpoint):
    path, body = json_endpoints[endpoint]
    padding = "x" * app.config["MAX_CONTENT_LENGTH"]
    huge = {**body, "variables": {"padding": padding}} if endpoint == "start" else {**body, "pad": padding}
    before = stored()

    english = auth("admin") | {"Accept-Language": "en"}
    response = client.post(path, data=json.dumps(huge), content_type="application/json", headers=english)

    problem = assert_problem(response, 413, "payload-too-large")
    assert "exceeds" in problem["detail"]
    assert stored() == before


def test_an_upload_larger_than_the_limit_is_refused(app, client, stored):
    # The multipart body is written out here: the test client's own encoder spools large bodies to a
    # temporary file that nobody closes when the server refuses to read it.
    body = (
        b"--part\r\n"
        b'Content-Disposition: form-data; name="files"; filename="big.bpmn"\r\n\r\n'
        + b"<" * (app.config["MAX_CONTENT_LENGTH"] + 1)
        + b"\r\n--part--\r\n"
    )
    before = stored()
    response = client.post(
        "/api/v1/process-definitions",
        data=body,
        content_type="multipart/form-data; boundary=part",
        headers=auth("admin"),
    )
    assert_problem(response, 413, "payload-too-large")
    assert stored() == before


# ---- who is calling ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic dG9rLWFkbWluOg==",
        TOKENS["admin"][1],
        "Bearer tok-admin-not-0123456789abcdef0123456789",
        "Bearer tok",
    ],
    ids=["absent", "empty", "no-token", "blank-token", "basic", "no-scheme", "unknown", "prefix"],
)
def test_a_bad_token_is_refused_before_anything_is_read_or_stored(client, stored, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    before = stored()

    response = client.post(
        "/api/v1/process-instances", json={"process_key": "simple_onboarding"}, headers=headers
    )

    problem = assert_problem(response, 401, "unauthenticated")
    assert problem["reason"] in ("token-missing", "token-unknown")
    assert "API-tunniste" in problem["detail"]  # in Finnish: no other language was asked for
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert stored() == before


def test_a_bad_token_with_a_malformed_body_is_still_401(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/process-instances",
        data="{",
        content_type="application/json",
        headers={"Authorization": "Bearer x"},
    )
    assert_problem(response, 401, "unauthenticated")
    assert stored() == before


# ---- task forms and conflicts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"business_id": "123", "extra": 1}, {"business_id", "organisation_name", "extra"}),
        ({"business_id": "1234567-2", "organisation_name": ""}, {"business_id", "organisation_name"}),
        (
            {"business_id": 1234567, "organisation_name": "Oy", "contact_email": "not an email"},
            {"business_id", "contact_email"},
        ),
        ({}, {"business_id", "organisation_name"}),
    ],
    ids=["pattern-missing-extra", "check-digit-empty", "types-format", "empty"],
)
def test_task_data_that_breaks_the_form_is_refused_naming_each_field(
    client, engine, stored, ready_task, data, named
):
    before = stored()

    response = client.post(
        f"/api/v1/tasks/{ready_task.id}/complete", json={"data": data}, headers=auth("integrator")
    )

    problem = assert_problem(response, 422, "invalid-data")
    assert fields_named(problem) == {f"/data/{name}" for name in named}
    assert all(error["message"] for error in problem["errors"])
    assert "Fill in customer data" in problem["detail"]
    assert stored() == before
    assert engine.get_task(ready_task.id).id == ready_task.id  # still ready


def test_completing_a_completed_task_is_a_conflict(client, stored, ready_task):
    path = f"/api/v1/tasks/{ready_task.id}/complete"
    assert client.post(path, json={"data": CUSTOMER_DATA}, headers=auth("integrator")).status_code == 200
    before = stored()

    again = client.post(path, json={"data": CUSTOMER_DATA}, headers=auth("admin"))

    problem = assert_problem(again, 409, "conflict")
    assert problem["reason"] == "task-completed"
    assert problem["values"]["actor"] == "integrator:ops-bot"
    assert problem["detail"].startswith(
        f"Tehtävä {ready_task.id} ei ole enää tehtävissä: integrator:ops-bot teki"
    )
    assert_problem(client.get(f"/api/v1/tasks/{ready_task.id}", headers=auth("viewer")), 409, "conflict")
    assert stored() == before


def test_cancelling_a_cancelled_instance_is_a_conflict(client, stored, ready_task):
    path = f"/api/v1/process-instances/{ready_task.instance_id}/cancel"
    assert client.post(path, headers=auth("integrator")).status_code == 200
    before = stored()

    problem = assert_problem(client.post(path, headers=auth("integrator")), 409, "conflict")

    assert (problem["reason"], problem["values"]["status"]) == ("instance-ended", "cancelled")
    assert "on peruttu" in problem["detail"]
    assert stored() == before


def test_a_reused_idempotency_key_for_another_start_is_a_conflict(client, stored):
    key = {"Idempotency-Key": "start-42"}
    first = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding"},
        headers={**auth("admin"), **key},
    )
    assert first.status_code == 201
    before = stored()

    other = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding", "business_key": "other"},
        headers={**auth("admin"), **key},
    )

    assert first.get_json()["id"] in assert_problem(other, 409, "conflict")["detail"]
    assert stored() == before


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        (None, "Ristiriita nykyisen tilan kanssa", "on peruttu: se ei voi enää muuttua."),
        ("fi-FI", "Ristiriita nykyisen tilan kanssa", "on peruttu: se ei voi enää muuttua."),
        ("sv", "Konflikt med nuvarande läge", "är avbruten: den kan inte längre ändras."),
        ("en", "Conflict with the current state", "is cancelled; it can not change any more"),
    ],
)
def test_a_conflict_is_worded_in_the_callers_language_with_its_stable_reason(
    client, ready_task, language, title, said
):
    path = f"/api/v1/process-instances/{ready_task.instance_id}/cancel"
    assert client.post(path, headers=auth("integrator")).status_code == 200
    headers = auth("integrator") | ({"Accept-Language": language} if language else {})

    answer = client.post(path, headers=headers)

    problem = assert_problem(answer, 409, "conflict")
    assert (problem["title"], problem["detail"].endswith(said)) == (title, True), problem["detail"]
    assert ready_task.instance_id in problem["detail"]
    assert (problem["reason"], problem["values"]) == (
        "instance-ended",
        {"instance_id": ready_task.instance_id, "status": "cancelled"},
    )
    assert answer.headers["Content-Language"] == (language or "fi")[:2]


def test_every_refusal_the_engine_gives_has_its_finnish_and_swedish_words():
    from api import refusals
    from engine.vocabulary import Refusal

    assert {str(r) for r in Refusal} <= set(refusals.DETAILS)
    for reason, words in refusals.DETAILS.items():
        assert {"fi", "sv"} <= set(words), reason
    # a Finnish reader of a time reads it in Finnish time, as the cockpit writes it
    values = {"task_id": "t", "actor": "a", "at": "2026-01-05T07:00:00+00:00"}
    assert (
        refusals.detail("task-completed", values, "fi", "")
        == "Tehtävä t ei ole enää tehtävissä: a teki sen 5.1.2026 klo 9.00."
    )


def test_a_message_without_a_target_is_refused(client, stored):
    before = stored()
    response = client.post("/api/v1/messages", json={"name": "kela_decision"}, headers=auth("integrator"))
    assert fields_named(assert_problem(response, 422, "invalid-data")) == {"/business_key"}
    assert stored() == before


def test_a_message_the_process_can_not_go_on_with_is_refused_and_nothing_changes(client, start, stored):
    started = start("kela_application", business_key="2345678-5")
    task = started["ready_tasks"][0]["id"]
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    response = client.post(
        f"/api/v1/tasks/{task}/complete", json={"data": application}, headers=auth("integrator")
    )
    assert response.status_code == 200, response.get_json()
    before = stored()

    typo = {"name": "kela_decision", "business_key": "2345678-5", "payload": {"decison": "approved"}}
    english = auth("integrator") | {"Accept-Language": "en"}
    response = client.post("/api/v1/messages", json=typo, headers=english)

    # The contract lets a payload leave out the decision the gateway reads: the diagram is at fault, not the
    # caller, and the problem says so (the caller is not told to correct data the contract allowed).
    problem = assert_problem(response, 422, "definition-fault")
    assert problem["element_id"] == "Gateway_decision"
    assert problem["title"] == "The process definition can not go on"
    assert "name 'decision' is not defined" in problem["detail"]
    assert (
        "the process definition is at fault" in problem["detail"]
        and "nothing of it was stored" in problem["detail"]
        and "an incident on the instance" in problem["detail"]
    )
    assert (problem["reason"], problem["values"]["element_id"], problem["values"]["incident_opened"]) == (
        "definition-fault",
        "Gateway_decision",
        True,
    )
    assert "name 'decision' is not defined" in problem["values"]["message"]
    # Of the request nothing is stored; beside the unchanged instance, the fault is an incident for the
    # analyst, and its audit event names the caller.
    after = stored()
    assert {name for name in after if after[name] != before[name]} == {"incidents", "audit_events"}
    instance = client.get(f"/api/v1/process-instances/{started['id']}", headers=auth("viewer")).get_json()
    assert (instance["status"], [m["name"] for m in instance["waiting_messages"]]) == (
        "running",
        ["kela_decision"],
    )
    incidents = client.get(
        f"/api/v1/incidents?instance_id={started['id']}", headers=auth("viewer")
    ).get_json()
    [incident] = incidents["items"]
    assert (incident["kind"], incident["element_id"], incident["failures"]) == (
        "definition-fault",
        "Gateway_decision",
        1,
    )
    history = client.get(f"/api/v1/process-instances/{started['id']}/history", headers=auth("viewer"))
    [met] = [e for e in history.get_json() if e["kind"] == "definition_fault_met"]
    assert (met["actor"], met["data"]["incident"]) == (actor("integrator"), incident["id"])
    # Said again, in Finnish (the default) and Swedish: the stable fields stay as they were.
    for language, title, said in (
        (None, "Prosessikuvauksessa on vika", "Vika on prosessikuvauksessa kohdassa Gateway_decision"),
        (
            "sv",
            "Fel i processbeskrivningen",
            "Felet ligger i processbeskrivningen vid Gateway_decision",
        ),
    ):
        headers = auth("integrator") | ({"Accept-Language": language} if language else {})
        again = assert_problem(
            client.post("/api/v1/messages", json=typo, headers=headers), 422, "definition-fault"
        )
        assert (again["title"], again["detail"].startswith(said)) == (title, True), again["detail"]
        assert "name 'decision' is not defined" in again["detail"]
        assert (again["element_id"], again["values"]) == (problem["element_id"], problem["values"])


# ---- unknown ids -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/api/v1/process-instances/{UNKNOWN_ID}", None),
        ("GET", "/api/v1/process-instances/not-a-uuid", None),
        ("POST", f"/api/v1/process-instances/{UNKNOWN_ID}/cancel", None),
        ("GET", f"/api/v1/process-instances/{UNKNOWN_ID}/history", None),
        ("GET", f"/api/v1/tasks/{UNKNOWN_ID}", None),
        ("GET", "/api/v1/tasks/not-a-uuid", None),
        ("POST", f"/api/v1/tasks/{UNKNOWN_ID}/complete", {"data": CUSTOMER_DATA}),
        ("GET", "/api/v1/process-definitions/no_such_process", None),
        ("GET", "/api/v1/process-definitions/no_such_process/xml", None),
        ("GET", "/api/v1/process-definitions/simple_onboarding?version=99", None),
        ("GET", "/api/v1/process-definitions/simple_onboarding/xml?version=99", None),
        ("GET", "/api/v1/process-definitions/nul%00key", None),
        ("POST", "/api/v1/process-instances", {"process_key": "no_such_process"}),
        ("POST", "/api/v1/messages", {"name": "kela_decision", "business_key": "nobody"}),
        ("POST", "/api/v1/messages", {"name": "kela_decision", "instance_id": UNKNOWN_ID}),
        ("GET", "/api/v1/no-such-resource", None),
    ],
)
def test_unknown_ids_are_not_found(client, stored, method, path, body):
    before = stored()
    response = client.open(path, method=method, json=body, headers=auth("admin"))
    assert_problem(response, 404, "not-found")
    assert stored() == before


def test_a_method_a_resource_does_not_have_is_refused_with_allow(client):
    response = client.put("/api/v1/process-instances", json={}, headers=auth("admin"))
    assert_problem(response, 405, "method-not-allowed")
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


# ---- query parameters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/api/v1/process-instances?limit=0", {"/limit"}),
        ("/api/v1/process-instances?limit=501&offset=-1", {"/limit", "/offset"}),
        ("/api/v1/process-instances?limit=ten", {"/limit"}),
        ("/api/v1/process-instances?status=sleeping", {"/status"}),
        ("/api/v1/process-instances?proces_key=simple_onboarding", {"/proces_key"}),
        ("/api/v1/process-instances?status=running&status=error", {"/status"}),
        ("/api/v1/process-instances?business_key=", {"/business_key"}),
        ("/api/v1/process-instances?business_key=%00", {"/business_key"}),
        ("/api/v1/tasks?offset=2147483648&lane=" + "x" * 201, {"/offset", "/lane"}),
        ("/api/v1/tasks?limit=1.5", {"/limit"}),
        ("/api/v1/process-definitions/simple_onboarding?version=0", {"/version"}),
        ("/api/v1/process-definitions/simple_onboarding/xml?version=latest", {"/version"}),
    ],
)
def test_bad_query_parameters_are_refused_naming_each(client, stored, path, named):
    before = stored()
    problem = assert_problem(client.get(path, headers=auth("viewer")), 422, "invalid-request")
    assert fields_named(problem, "query") == named
    assert stored() == before


def test_a_start_meeting_a_fault_of_the_diagram_is_refused_as_the_versions_fault(client, engine, stored):
    from tests.integration.test_definition_faults import _gateway

    engine.deploy({"routing.bpmn": _gateway()}, actor="analyst:test")
    before = stored()

    body = {"process_key": "routing", "variables": {"kind": "pharmacy"}}
    response = client.post(
        "/api/v1/process-instances", json=body, headers=auth("integrator") | {"Accept-Language": "en"}
    )

    # No instance holds it, so no incident of an instance: the version's incident tells the analysts.
    problem = assert_problem(response, 422, "definition-fault")
    assert (problem["reason"], problem["element_id"], problem["values"]["incident_opened"]) == (
        "start-definition-fault",
        "Gateway_kind",
        False,
    )
    assert "no instance was started" in problem["detail"], problem["detail"]
    after = stored()
    assert {name for name in after if after[name] != before[name]} == {"incidents", "audit_events"}
    assert after["process_instances"] == before["process_instances"]


# ---- every refusal in the caller's language --------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        (None, "Ei löydy", f"Liittymistä {UNKNOWN_ID} ei löydy."),
        ("sv", "Hittas inte", f"Anslutningen {UNKNOWN_ID} hittas inte."),
        ("en-GB", "Not found", f"no process instance {UNKNOWN_ID}"),
    ],
)
def test_what_is_not_there_is_said_in_the_callers_language(client, language, title, said):
    headers = auth("viewer") | ({"Accept-Language": language} if language else {})
    answer = client.get(f"/api/v1/process-instances/{UNKNOWN_ID}", headers=headers)
    problem = assert_problem(answer, 404, "not-found")
    assert (problem["title"], problem["detail"]) == (title, said)
    assert (problem["reason"], problem["values"]) == ("no-instance", {"instance_id": UNKNOWN_ID})
    assert answer.headers["Content-Language"] == (language or "fi")[:2]


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        (None, "Ei oikeutta tähän", "Rooli viewer ei saa ottaa käyttöön prosessikuvauksia (deploy)."),
        (
            "sv",
            "Ingen behörighet till detta",
            "Rollen viewer får inte driftsätta processbeskrivningar (deploy).",
        ),
        ("en", "Forbidden", "the role viewer may not deploy definitions (deploy)"),
    ],
)
def test_a_role_refused_is_told_in_its_language(client, stored, language, title, said):
    before = stored()
    headers = auth("viewer") | ({"Accept-Language": language} if language else {})
    answer = client.post("/api/v1/process-definitions/simple_onboarding/retire", json={}, headers=headers)
    problem = assert_problem(answer, 403, "forbidden")
    assert (problem["title"], problem["detail"]) == (title, said)
    assert (problem["reason"], problem["values"]) == (
        "role-may-not",
        {"role": "viewer", "permission": "deploy"},
    )
    assert stored() == before


@pytest.mark.parametrize(
    ("language", "unknown", "missing"),
    [
        (
            None,
            "API-tunnistetta ei tunneta.",
            "Tunnistaudu: lähetä otsake Authorization: Bearer <API-tunniste>.",
        ),
        (
            "sv",
            "API-nyckeln är okänd.",
            "Autentisera dig: skicka huvudet Authorization: Bearer <API-nyckel>.",
        ),
        ("en", "the token is not known", "send Authorization: Bearer <token>"),
    ],
)
def test_a_caller_without_a_known_token_is_told_in_its_language(client, language, unknown, missing):
    asked = {"Accept-Language": language} if language else {}
    guessed = client.get(
        "/api/v1/me", headers=asked | {"Authorization": "Bearer not-a-token-of-ours-0123456789"}
    )
    assert (assert_problem(guessed, 401, "unauthenticated")["detail"], guessed.get_json()["reason"]) == (
        unknown,
        "token-unknown",
    )
    bare = client.get("/api/v1/me", headers=asked)
    assert (assert_problem(bare, 401, "unauthenticated")["detail"], bare.get_json()["reason"]) == (
        missing,
        "token-missing",
    )


@pytest.mark.parametrize(
    ("language", "nowhere", "method"),
    [
        (None, "Pyydettyä osoitetta ei ole", "Osoite ei ota vastaan tätä HTTP-metodia"),
        ("sv", "Den begärda adressen finns inte", "Adressen tar inte emot denna HTTP-metod"),
        ("en", "The requested URL was not found", "The method is not allowed"),
    ],
)
def test_an_address_or_method_the_api_does_not_have_is_said_in_the_callers_language(
    client, language, nowhere, method
):
    asked = auth("admin") | ({"Accept-Language": language} if language else {})
    assert assert_problem(client.get("/api/v1/nowhere", headers=asked), 404, "not-found")[
        "detail"
    ].startswith(nowhere)
    refused = client.delete("/api/v1/process-definitions", headers=asked)
    assert assert_problem(refused, 405, "method-not-allowed")["detail"].startswith(method)
    assert "GET" in refused.headers["Allow"]


def test_every_refusal_reason_an_api_caller_meets_has_its_finnish_and_swedish_words():
    from api import refusals

    reasons = {
        "token-missing",
        "token-unknown",
        "token-refused",
        "cookie-from-elsewhere",
        "role-may-not",
        "too-many-unknown-tokens",
    }
    assert reasons <= set(refusals.DETAILS)
    for kind in {*refusals.GENERAL, "unauthenticated", "forbidden", "not-found", "too-many-requests"}:
        assert {"fi", "sv"} <= set(refusals.TITLES[kind]), kind
