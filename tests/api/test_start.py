"""Starting an onboarding: from the process's start form (what the cockpit sends), and a business key's
second onboarding of the same process, which is refused unless the request asks for it."""

from __future__ import annotations

from .conftest import actor, assert_problem, auth, fields_named

START = "/api/v1/process-definitions/simple_onboarding/start"

# A process whose start event asks, in Camunda Modeler's Forms tab, for one required field.
STARTS_WITH_FORM = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://example">
  <bpmn:process id="with_start_form" name="With a start form" isExecutable="true">
    <bpmn:startEvent id="StartEvent">
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="county" label="County" type="string">
            <camunda:validation><camunda:constraint name="required" /></camunda:validation>
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_wait" name="Wait">
      <bpmn:incoming>Flow_1</bpmn:incoming>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Task_wait" />
  </bpmn:process>
</bpmn:definitions>
"""


def start_form(client, data: dict, **extra):
    return client.post(START, json={"data": data, **extra}, headers=auth("integrator"))


def test_a_process_publishes_its_start_form_and_a_start_from_it_gives_the_business_key_and_variables(
    client, engine
):
    form = client.get(START, headers=auth("viewer")).get_json()
    assert form["required"] == ["business_key", "organisation_name"]
    assert form["properties"]["business_key"]["format"] == "fi-business-id"
    # the fields the engine adds are worded in the reader's language, Finnish by default
    assert (form["title"], form["properties"]["business_key"]["title"]) == ("Aloita liittyminen", "Y-tunnus")
    assert form["properties"]["organisation_name"]["title"] == "Organisaation nimi"
    english = client.get(START, headers=auth("viewer") | {"Accept-Language": "en"}).get_json()
    assert english["properties"]["business_key"]["title"] == "Business ID (Y-tunnus)"
    # forms have no Swedish words: a Swedish reader gets the Finnish ones
    swedish = client.get(START, headers=auth("viewer") | {"Accept-Language": "sv-FI"}).get_json()
    assert swedish["properties"]["organisation_name"]["title"] == "Organisaation nimi"

    response = start_form(client, {"business_key": "0737546-2", "organisation_name": "Hoivakoti Aurinko Oy"})
    assert response.status_code == 201, response.get_json()
    instance = response.get_json()
    assert instance["business_key"] == "0737546-2"
    assert instance["variables"] == {"organisation_name": "Hoivakoti Aurinko Oy"}
    started = engine.history(instance["id"])[0]
    assert (started.kind, started.actor) == ("instance_started", actor("integrator"))


def test_a_wrong_check_digit_and_a_missing_name_are_refused_at_their_fields_and_nothing_is_stored(
    client, stored
):
    before = stored()
    problem = assert_problem(start_form(client, {"business_key": "0737546-3"}), 422, "invalid-data")
    assert fields_named(problem) == {"/data/business_key", "/data/organisation_name"}
    said = {error["field"]: error["message"] for error in problem["errors"]}
    assert "tarkistusnumero" in said["/data/business_key"]  # in Finnish, the default
    # and in a stable word with what it speaks of, for a page to say in its reader's language
    reasons = {error["field"]: (error.get("reason"), error.get("values")) for error in problem["errors"]}
    assert reasons == {
        "/data/business_key": ("format-fi-business-id", {"given": "0737546-3"}),
        "/data/organisation_name": ("required", {}),
    }
    problem = assert_problem(
        start_form(client, {"business_key": "0737546-2", "organisation_name": "", "extra": 1}),
        422,
        "invalid-data",
    )
    assert fields_named(problem) == {"/data/organisation_name", "/data/extra"}
    assert stored() == before


def test_a_process_with_a_start_form_of_its_own_asks_for_its_fields_beside_the_business_key(client, engine):
    diagram = STARTS_WITH_FORM.encode()
    engine.deploy({"with_start_form.bpmn": diagram}, actor="test:setup")
    path = "/api/v1/process-definitions/with_start_form/start"
    form = client.get(path, headers=auth("viewer")).get_json()
    assert list(form["properties"]) == ["business_key", "county"]
    assert form["required"] == ["business_key", "county"]
    data = {"business_key": "0737546-2", "organisation_name": "x"}
    refused = client.post(path, json={"data": data}, headers=auth("integrator"))
    assert fields_named(assert_problem(refused, 422, "invalid-data")) == {
        "/data/county",
        "/data/organisation_name",
    }
    started = client.post(
        path, json={"data": {"business_key": "0737546-2", "county": "Lappi"}}, headers=auth("integrator")
    )
    assert started.status_code == 201, started.get_json()
    assert started.get_json()["variables"] == {"county": "Lappi"}


def test_an_unknown_process_is_not_found_before_its_data_is_judged(client):
    response = client.post(
        "/api/v1/process-definitions/no_such_process/start", json={"data": {}}, headers=auth("integrator")
    )
    assert_problem(response, 404, "not-found")


def test_only_a_role_that_operates_starts_and_a_start_needs_its_data(client):
    data = {"business_key": "0737546-2", "organisation_name": "Ajas Oy"}
    for role in ("viewer", "analyst"):
        assert_problem(client.post(START, json={"data": data}, headers=auth(role)), 403, "forbidden")
    assert_problem(client.post(START, json={"data": data}), 401, "unauthenticated")
    problem = assert_problem(client.post(START, json={}, headers=auth("integrator")), 422, "invalid-request")
    assert fields_named(problem) == {"/data"}


def test_a_second_onboarding_of_a_running_business_key_is_a_conflict_naming_the_first(client, start, stored):
    first = start(business_key="0737546-2")
    before = stored()
    for response in (
        client.post(
            "/api/v1/process-instances",
            json={"process_key": "simple_onboarding", "business_key": "0737546-2"},
            headers=auth("integrator"),
        ),
        start_form(client, {"business_key": "0737546-2", "organisation_name": "Ajas Oy"}),
    ):
        problem = assert_problem(response, 409, "already-running")
        assert [r["instance_id"] for r in problem["running"]] == [first["id"]]
        assert problem["running"][0]["status"] == "running"
        assert problem["running"][0]["started_at"] == first["started_at"]
        assert "allow_duplicate" in problem["detail"]
        assert (problem["reason"], problem["values"]["instance_id"], problem["values"]["count"]) == (
            "already-running",
            first["id"],
            1,
        )
        assert problem["detail"].startswith("Y-tunnuksella 0737546-2 on jo päättymätön liittyminen")
    assert stored() == before

    # Another process, or another business key, is no duplicate.
    start("obligation_check", business_key="0737546-2")
    start(business_key="2345678-5")


def test_a_second_onboarding_starts_when_the_request_says_so_or_once_the_first_has_ended(client, start):
    first = start(business_key="0737546-2")
    second = start_form(
        client, {"business_key": "0737546-2", "organisation_name": "Ajas Oy"}, allow_duplicate=True
    )
    assert second.status_code == 201, second.get_json()
    response = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding", "business_key": "0737546-2"},
        headers=auth("integrator"),
    )
    running = assert_problem(response, 409, "already-running")["running"]
    assert {r["instance_id"] for r in running} == {first["id"], second.get_json()["id"]}

    for instance in (first, second.get_json()):
        cancel = f"/api/v1/process-instances/{instance['id']}/cancel"
        assert client.post(cancel, headers=auth("integrator")).status_code == 200
    assert start(business_key="0737546-2")["status"] == "running"


def test_a_retried_start_with_its_idempotency_key_answers_the_first_instance_not_a_conflict(client):
    data = {"business_key": "0737546-2", "organisation_name": "Ajas Oy"}
    headers = {**auth("integrator"), "Idempotency-Key": "start-0737546-2"}
    first = client.post(START, json={"data": data}, headers=headers)
    again = client.post(START, json={"data": data}, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json()["id"] == first.get_json()["id"]


def test_the_openapi_document_says_how_to_start_another_and_what_the_conflict_names(client):
    spec = client.get("/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    assert "allow_duplicate" in schemas["StartInstance"]["properties"]
    assert set(schemas["StartForm"]["properties"]) == {"data", "allow_duplicate"}
    assert "running" in schemas["Problem"]["properties"]
    assert "get" in spec["paths"]["/api/v1/process-definitions/{process_key}/start"]
    start_path = spec["paths"]["/api/v1/process-definitions/{process_key}/start"]["post"]
    assert {"201", "404", "409", "422"} <= set(start_path["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in start_path["parameters"])
