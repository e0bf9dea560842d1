"""The Camunda 7 REST subset at /engine-rest: Camunda's shapes, status codes and error bodies, over the same
tokens, roles, engine calls and audit trail as /api/v1 (a real SQLite database, the fixture catalogue)."""

from __future__ import annotations

import pytest

from .conftest import actor, auth

REST = "/engine-rest"
CUSTOMER = {
    "business_id": {"value": "1234567-1", "type": "String"},
    "organisation_name": {"value": "Hoivakoti Oy", "type": "String"},
}


def error_of(response, status: int, kind: str) -> str:
    """The response is Camunda's error body of this status and exception type; answers its message."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/json"
    body = response.get_json()
    assert set(body) == {"type", "message"} and body["type"] == kind, body
    assert body["message"].strip()
    return body["message"]


@pytest.fixture
def camunda(client):
    """Call /engine-rest as a role (the integrator unless told)."""

    def call(method: str, path: str, role: str = "integrator", **kwargs):
        return client.open(REST + path, method=method, headers=auth(role), **kwargs)

    return call


@pytest.fixture
def started(camunda):
    def start(key="simple_onboarding", business_key=None, variables=None):
        response = camunda(
            "POST",
            f"/process-definition/key/{key}/start",
            json={"businessKey": business_key, "variables": variables or {}},
        )
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return start


def test_engine_and_version_answer_a_clients_health_check(camunda):
    assert camunda("GET", "/engine", "viewer").get_json() == [{"name": "default"}]
    assert camunda("GET", "/version", "viewer").get_json()["version"].startswith("7.")


def test_definitions_are_listed_read_and_their_xml_served_in_camundas_shapes(camunda):
    listed = camunda("GET", "/process-definition?latestVersion=true", "viewer").get_json()
    simple = next(d for d in listed if d["key"] == "simple_onboarding")
    assert simple == {
        "id": "simple_onboarding:1",
        "key": "simple_onboarding",
        "category": None,
        "description": simple["description"],
        "name": "Simple onboarding",
        "version": 1,
        "resource": "simple_onboarding.bpmn",
        "deploymentId": None,
        "diagram": None,
        "suspended": False,
        "tenantId": None,
        "versionTag": None,
        "historyTimeToLive": None,
        "startableInTasklist": True,
    }
    assert [d["key"] for d in camunda("GET", "/process-definition?key=kela_application").get_json()] == [
        "kela_application"
    ]
    assert camunda("GET", "/process-definition/key/simple_onboarding").get_json() == simple
    assert camunda("GET", "/process-definition/simple_onboarding:1").get_json() == simple
    xml = camunda("GET", "/process-definition/key/simple_onboarding/xml").get_json()
    assert xml["id"] == "simple_onboarding:1" and 'id="Task_approve"' in xml["bpmn20Xml"]

    message = error_of(camunda("GET", "/process-definition/key/no_such_process"), 404, "RestException")
    assert "no_such_process" in message
    for unknown in ("simple_onboarding:9", "simple_onboarding:99999999999999999999", "simple_onboarding"):
        error_of(camunda("GET", f"/process-definition/{unknown}/xml"), 404, "RestException")


def test_a_start_by_key_takes_a_business_key_and_every_typed_variable(camunda, engine):
    variables = {
        "organisation_name": {"value": "Hoivakoti Oy", "type": "String"},
        "certified": {"value": True, "type": "Boolean"},
        "sites": {"value": 3, "type": "Integer"},
        "documents": {"value": 5_000_000_000, "type": "Long"},
        "share": {"value": 0.25, "type": "Double"},
        "planned_at": {"value": "2026-11-23T09:30:00.000+0200", "type": "Date"},
        "contact": {"value": '{"email": "it@hoiva.fi", "phones": [1, 2]}', "type": "Json"},
        "note": {"value": None, "type": "Null"},
        "untyped": {"value": "read as text"},
    }
    response = camunda(
        "POST",
        "/process-definition/key/simple_onboarding/start",
        json={"businessKey": "0737546-2", "variables": variables, "withVariablesInReturn": True},
    )
    assert response.status_code == 200, response.get_json()
    instance = response.get_json()
    assert instance["definitionId"] == "simple_onboarding:1"
    assert (instance["businessKey"], instance["ended"], instance["suspended"]) == ("0737546-2", False, False)
    assert instance["links"] == [
        {"method": "GET", "href": f"http://localhost{REST}/process-instance/{instance['id']}", "rel": "self"}
    ]

    stored = engine.get_instance(instance["id"])
    assert stored.variables == {
        "organisation_name": "Hoivakoti Oy",
        "certified": True,
        "sites": 3,
        "documents": 5_000_000_000,
        "share": 0.25,
        "planned_at": "2026-11-23T09:30:00+02:00",
        "contact": {"email": "it@hoiva.fi", "phones": [1, 2]},
        "note": None,
        "untyped": "read as text",
    }
    assert (stored.started_by, stored.business_key) == (actor("integrator"), "0737546-2")
    assert engine.history(instance["id"])[0].actor == actor("integrator")

    read = camunda("GET", f"/process-instance/{instance['id']}/variables", "viewer").get_json()
    assert read == instance["variables"]
    assert {name: (v["type"], v["value"]) for name, v in read.items()} == {
        "organisation_name": ("String", "Hoivakoti Oy"),
        "certified": ("Boolean", True),
        "sites": ("Integer", 3),
        "documents": ("Long", 5_000_000_000),
        "share": ("Double", 0.25),
        "planned_at": ("String", "2026-11-23T09:30:00+02:00"),
        "contact": ("Json", '{"email": "it@hoiva.fi", "phones": [1, 2]}'),
        "note": ("Null", None),
        "untyped": ("String", "read as text"),
    }
    one = camunda("GET", f"/process-instance/{instance['id']}/variables/sites").get_json()
    assert one == {"type": "Integer", "value": 3, "valueInfo": {}}
    error_of(
        camunda("GET", f"/process-instance/{instance['id']}/variables/nothing"),
        404,
        "InvalidRequestException",
    )


@pytest.mark.parametrize(
    ("variable", "named"),
    [
        ({"value": "three", "type": "Integer"}, "not a Integer"),
        ({"value": 2**31, "type": "Integer"}, "outside"),
        ({"value": "yes", "type": "Boolean"}, "neither true nor false"),
        ({"value": "23.11.2026", "type": "Date"}, "yyyy-MM-dd'T'HH:mm:ss.SSSZ"),
        ({"value": "{not json", "type": "Json"}, "not a Json"),
        ({"value": "rO0AB", "type": "Bytes"}, 'the type "Bytes" is not supported'),
        (
            {"value": "x", "type": "Object", "valueInfo": {"serializationDataFormat": "java"}},
            "application/json",
        ),
    ],
)
def test_a_variable_its_type_refuses_is_answered_400_naming_it_and_nothing_is_started(
    camunda, stored, variable, named
):
    before = stored()
    response = camunda(
        "POST", "/process-definition/key/simple_onboarding/start", json={"variables": {"sites": variable}}
    )
    message = error_of(response, 400, "InvalidRequestException")
    assert "variables.sites" in message and named in message
    assert stored() == before


def test_instances_are_listed_by_business_key_and_definition_key_and_an_ended_one_is_gone(
    camunda, started, engine
):
    first = started(business_key="A-1")
    started(business_key="B-2")
    other = started("kela_application", business_key="A-1")

    def ids(query):
        return {i["id"] for i in camunda("GET", f"/process-instance?{query}", "viewer").get_json()}

    assert ids("businessKey=A-1") == {first["id"], other["id"]}
    assert ids("businessKey=A-1&processDefinitionKey=simple_onboarding&active=true") == {first["id"]}
    assert len(ids("maxResults=2")) == 2 and len(ids("firstResult=1")) == 2
    assert ids("suspended=true") == set()
    count = camunda("GET", "/process-instance/count?businessKey=A-1", "viewer").get_json()
    assert count == {"count": 2}
    assert camunda("GET", f"/process-instance/{first['id']}").get_json()["id"] == first["id"]

    engine.cancel_instance(first["id"], actor="test:setup")
    assert ids("businessKey=A-1") == {other["id"]}  # Camunda's runtime view has no ended instance
    message = error_of(camunda("GET", f"/process-instance/{first['id']}"), 404, "InvalidRequestException")
    assert first["id"] in message
    error_of(camunda("GET", "/process-instance/not-an-id/variables"), 404, "InvalidRequestException")


def test_tasks_are_listed_by_camundas_filters_read_and_their_form_variables_typed(camunda, started):
    instance = started(business_key="0737546-2", variables={"organisation_name": {"value": "Hoiva"}})
    started("kela_application")

    def keys(query):
        return [t["taskDefinitionKey"] for t in camunda("GET", f"/task?{query}", "viewer").get_json()]

    assert keys(f"processInstanceId={instance['id']}") == ["Task_fill_customer_data"]
    assert keys("processDefinitionKey=kela_application") == ["Task_send_application"]
    assert keys("taskDefinitionKey=Task_send_application") == ["Task_send_application"]
    assert keys("processInstanceBusinessKey=0737546-2") == ["Task_fill_customer_data"]
    assert keys("candidateGroup=Service provider&processDefinitionKey=simple_onboarding") == [
        "Task_fill_customer_data"
    ]
    assert keys("candidateGroup=Kela") == []
    assert keys("assignee=someone") == []  # nobody is assigned a task
    assert camunda("GET", "/task/count?processDefinitionKey=kela_application").get_json() == {"count": 1}
    assert "maxResults" in error_of(
        camunda("GET", "/task/count?maxResults=1"), 400, "InvalidRequestException"
    )

    (task,) = camunda("GET", f"/task?processInstanceId={instance['id']}").get_json()
    assert task["processDefinitionId"] == "simple_onboarding:1"
    assert (task["name"], task["formKey"], task["executionId"]) == (
        "Fill in customer data",
        "forms/customer_data.json",
        instance["id"],
    )
    assert task["created"][-5] in "+-" and task["created"][19] == "."  # yyyy-MM-dd'T'HH:mm:ss.SSSZ
    one = camunda("GET", f"/task/{task['id']}", "viewer").get_json()
    # one task read alone has its instructions as its description; a list leaves them out, as /api/v1 does
    assert one == {**task, "description": "The service provider enters its business ID, organisation name "
                   "and contact email."}  # fmt: skip
    error_of(camunda("GET", "/task/00000000-0000-0000-0000-000000000000"), 404, "InvalidRequestException")

    form = camunda("GET", f"/task/{task['id']}/form-variables", "viewer").get_json()
    assert form == {
        "business_id": {"type": "String", "value": None, "valueInfo": {}},
        "organisation_name": {"type": "String", "value": "Hoiva", "valueInfo": {}},
        "contact_email": {"type": "String", "value": None, "valueInfo": {}},
    }
    some = camunda("GET", f"/task/{task['id']}/form-variables?variableNames=business_id")
    assert list(some.get_json()) == ["business_id"]


def test_a_task_is_completed_with_typed_variables_its_form_accepts(camunda, started, engine, stored):
    instance = started()
    (task,) = camunda("GET", f"/task?processInstanceId={instance['id']}").get_json()

    before = stored()
    refused = camunda(
        "POST",
        f"/task/{task['id']}/complete",
        json={"variables": {"business_id": {"value": "12", "type": "String"}}},
    )
    message = error_of(refused, 400, "InvalidRequestException")
    assert "/variables/business_id" in message and "/variables/organisation_name" in message
    assert stored() == before

    done = camunda("POST", f"/task/{task['id']}/complete", json={"variables": CUSTOMER})
    assert done.status_code == 204 and done.get_data() == b""
    (event,) = [e for e in engine.history(instance["id"]) if e.kind == "task_completed"]
    assert (event.actor, event.task_id) == (actor("integrator"), task["id"])

    (approval,) = camunda("GET", f"/task?processInstanceId={instance['id']}").get_json()
    assert camunda("GET", f"/task/{approval['id']}/form-variables").get_json() == {
        "approved": {"type": "Boolean", "value": None, "valueInfo": {}}
    }
    returned = camunda(
        "POST",
        f"/task/{approval['id']}/complete",
        json={"variables": {"approved": {"value": "true", "type": "Boolean"}}, "withVariablesInReturn": True},
    )
    assert returned.status_code == 200
    assert returned.get_json()["approved"] == {"type": "Boolean", "value": True, "valueInfo": {}}
    assert engine.get_instance(instance["id"]).status == "completed"

    gone = camunda("POST", f"/task/{approval['id']}/complete", json={"variables": {}})
    assert gone.status_code == 409 and gone.get_json()["type"] == "RestException"


def _waiting_for_decision(camunda, started, business_key="HOIVA-1", **variables):
    instance = started("kela_application", business_key=business_key, variables=variables)
    (task,) = camunda("GET", f"/task?processInstanceId={instance['id']}").get_json()
    application = {
        "system_name": {"value": "Hoiva", "type": "String"},
        "access_point_oid": {"value": "1.2.246.10", "type": "String"},
    }
    assert camunda("POST", f"/task/{task['id']}/complete", json={"variables": application}).status_code == 204
    return instance


def test_a_message_is_correlated_by_business_key_and_its_process_variables_merged(
    camunda, started, engine, stored
):
    instance = _waiting_for_decision(camunda, started)

    before = stored()
    refused = camunda(
        "POST",
        "/message",
        json={
            "messageName": "kela_decision",
            "businessKey": "HOIVA-1",
            "processVariables": {"decision": {"value": "maybe", "type": "String"}},
        },
    )
    assert "/processVariables/decision" in error_of(refused, 400, "InvalidRequestException")
    nobody = camunda("POST", "/message", json={"messageName": "kela_decision", "businessKey": "NOBODY"})
    assert "Cannot correlate message 'kela_decision'" in error_of(nobody, 400, "RestException")
    assert stored() == before

    response = camunda(
        "POST",
        "/message",
        json={
            "messageName": "kela_decision",
            "businessKey": "HOIVA-1",
            "processVariables": {"decision": {"value": "approved", "type": "String"}},
            "resultEnabled": True,
            "variablesInResultEnabled": True,
        },
    )
    assert response.status_code == 200, response.get_json()
    (result,) = response.get_json()
    assert result["resultType"] == "Execution" and result["processInstance"] is None
    assert result["execution"] == {
        "id": instance["id"],
        "processInstanceId": instance["id"],
        "ended": True,
        "tenantId": None,
    }
    assert result["variables"]["decision"] == {"type": "String", "value": "approved", "valueInfo": {}}
    (event,) = [e for e in engine.history(instance["id"]) if e.kind == "message_received"]
    assert event.actor == actor("integrator")


def test_correlation_keys_choose_among_the_instances_waiting_with_one_business_key(camunda, started, engine):
    region = {"value": "Uusimaa", "type": "String"}
    first = _waiting_for_decision(camunda, started, "SAME", region=region)
    second = _waiting_for_decision(camunda, started, "SAME", region={"value": "Lappi", "type": "String"})
    body = {"messageName": "kela_decision", "businessKey": "SAME", "processVariables": {
        "decision": {"value": "approved", "type": "String"}}}  # fmt: skip

    both = camunda("POST", "/message", json=body)
    assert "2 instances" in error_of(both, 400, "RestException")

    chosen = camunda("POST", "/message", json={**body, "correlationKeys": {"region": region}})
    assert chosen.status_code == 204 and chosen.get_data() == b""
    assert engine.get_instance(first["id"]).status == "completed"
    assert engine.get_instance(second["id"]).status == "running"
    by_id = camunda("POST", "/message", json={**body, "businessKey": None, "processInstanceId": second["id"]})
    assert by_id.status_code == 204
    assert engine.get_instance(second["id"]).status == "completed"


def test_deleting_an_instance_cancels_it_audited_with_its_caller(camunda, started, engine):
    instance = started()
    deleted = camunda(
        "DELETE", f"/process-instance/{instance['id']}?skipCustomListeners=false&failIfNotExists=true"
    )
    assert deleted.status_code == 204
    assert engine.get_instance(instance["id"]).status == "cancelled"
    (event,) = [e for e in engine.history(instance["id"]) if e.kind == "instance_cancelled"]
    assert event.actor == actor("integrator")
    error_of(camunda("DELETE", f"/process-instance/{instance['id']}"), 404, "InvalidRequestException")
    assert camunda("DELETE", f"/process-instance/{instance['id']}?failIfNotExists=false").status_code == 204


@pytest.mark.parametrize(
    ("method", "path", "role", "status", "kind"),
    [
        ("GET", "/engine", None, 401, "AuthenticationException"),
        ("GET", "/task", "bad", 401, "AuthenticationException"),
        ("POST", "/process-definition/key/simple_onboarding/start", "viewer", 403, "AuthorizationException"),
        ("POST", "/message", "analyst", 403, "AuthorizationException"),
        ("DELETE", "/process-instance/x", "viewer", 403, "AuthorizationException"),
        ("POST", "/task/x/complete", "analyst", 403, "AuthorizationException"),
    ],
)
def test_the_same_tokens_and_roles_guard_every_endpoint(client, stored, method, path, role, status, kind):
    headers = (
        {}
        if role is None
        else {"Authorization": "Bearer not-a-token-anyone-has"}
        if role == "bad"
        else auth(role)
    )
    before = stored()
    response = client.open(REST + path, method=method, headers=headers, json={})
    error_of(response, status, kind)
    assert stored() == before


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ""),
        ("GET", "/deployment"),
        ("POST", "/deployment/create"),
        ("GET", "/history/process-instance"),
        ("PUT", "/task/some-task/complete"),
        ("POST", "/process-definition/simple_onboarding:1/start"),
        ("GET", "/engine/default/task"),
    ],
)
def test_what_the_subset_leaves_out_answers_camundas_404(camunda, method, path):
    message = error_of(camunda(method, path, json={}), 404, "NotFoundException")
    assert "not part of this service's Camunda 7 REST subset" in message


@pytest.mark.parametrize(
    ("path", "body", "named"),
    [
        (
            "/process-definition/key/simple_onboarding/start",
            {"startInstructions": [{"type": "x"}]},
            "startInstructions",
        ),
        ("/process-definition/key/simple_onboarding/start", {"caseInstanceId": "c"}, "caseInstanceId"),
        ("/process-definition/key/simple_onboarding/start", {"variables": []}, "variables"),
        ("/process-definition/key/simple_onboarding/start", {"businessKey": 7}, "businessKey"),
        ("/process-definition/key/simple_onboarding/start", {"surprise": 1}, "surprise"),
        ("/message", {"messageName": "kela_decision", "businessKey": "B", "all": True}, "all"),
        ("/message", {"messageName": "kela_decision", "tenantId": "t1", "businessKey": "B"}, "tenantId"),
        ("/message", {"businessKey": "B"}, "message name"),
        ("/message", {"messageName": ["kela_decision"], "businessKey": "B"}, "messageName must be text"),
        (
            "/message",
            {"messageName": "kela_decision", "businessKey": "B", "resultEnabled": 1},
            "resultEnabled",
        ),
        (
            "/process-definition/key/simple_onboarding/start",
            {"businessKey": "k" * 201},
            "1 to 200 characters",
        ),
        (
            "/process-definition/key/simple_onboarding/start",
            {"withVariablesInReturn": "yes"},
            "true or false",
        ),
        ("/message", {"messageName": "kela_decision"}, "businessKey, processInstanceId or correlationKeys"),
    ],
)
def test_what_a_request_asks_that_the_subset_does_not_do_is_refused_400(camunda, stored, path, body, named):
    before = stored()
    response = camunda("POST", path, json=body)
    kind = "RestException" if "correlationKeys" in named else "InvalidRequestException"
    assert named in error_of(response, 400, kind)
    assert stored() == before


def test_a_body_that_is_not_json_and_an_unknown_filter_are_refused_400(camunda):
    not_json = camunda(
        "POST", "/process-definition/key/simple_onboarding/start", data=b"{", content_type="application/json"
    )
    assert "not valid JSON" in error_of(not_json, 400, "InvalidRequestException")
    filtered = camunda("GET", "/task?nameLike=Fill%25")
    assert '"nameLike" is not supported' in error_of(filtered, 400, "InvalidRequestException")
    for paging in ("maxResults=-1", "firstResult=99999999999999999999", "firstResult=１"):
        paged = camunda("GET", f"/process-instance?{paging}")
        assert paging.split("=")[0] in error_of(paged, 400, "InvalidRequestException")


def test_the_subset_stays_out_of_the_openapi_document(client):
    spec = client.get("/openapi.json").get_json()
    assert not [path for path in spec["paths"] if "engine-rest" in path]


def test_text_no_database_stores_is_refused_before_it_reaches_one(camunda, stored):
    before = stored()
    started = camunda(
        "POST", "/process-definition/key/simple_onboarding/start", json={"businessKey": "a\x00b"}
    )
    assert "businessKey" in error_of(started, 400, "InvalidRequestException")
    listed = camunda("GET", "/process-instance?businessKey=a%00b")
    assert "NUL" in error_of(listed, 400, "InvalidRequestException")
    assert stored() == before


def _every_route(app):
    """(method, path) of every /engine-rest route, its variables filled with a placeholder."""
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(REST):
            continue
        url = rule.build({name: "some-id" for name in rule.arguments}, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url, rule.endpoint


# Routes a viewer may call with any method: a query whose filters are in a POST's body, as Camunda's are.
_READING = {
    "engine-rest.outside_the_subset",
    "engine-rest.query_external_tasks",
    "engine-rest.query_external_task_count",
}


def test_every_engine_rest_route_asks_for_a_token_and_a_viewer_only_reads(app, client, stored):
    before = stored()
    routes = list(_every_route(app))
    assert len(routes) >= 20
    for method, url, endpoint in routes:
        anonymous = client.open(url, method=method, json={})
        error_of(anonymous, 401, "AuthenticationException")
        as_viewer = client.open(url, method=method, json={}, headers=auth("viewer"))
        if method != "GET" and endpoint not in _READING:
            assert "viewer" in error_of(as_viewer, 403, "AuthorizationException"), (method, url)
        else:
            assert as_viewer.status_code in (200, 400, 404), (method, url, as_viewer.get_json())
    assert stored() == before
