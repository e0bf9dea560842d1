"""/engine-rest/external-task: Camunda 7's external-task endpoints over the engine's external tasks, in
Camunda's shapes, status codes and error bodies; the same tokens, roles, engine calls and audit trail as
/api/v1 (a real SQLite database; long polling is the real server's, tested in tests/e2e)."""

from __future__ import annotations

import uuid

import pytest

from tests.integration.test_external_tasks import DIAGRAM, TOPIC

from .conftest import actor, auth
from .test_engine_rest import REST, error_of

# The registry check, its service task saying what its worker gives back (an extension property).
WITH_PROPERTIES = DIAGRAM.read_text().replace(
    'camunda:topic="provider-register-check" />',
    'camunda:topic="provider-register-check"><bpmn:extensionElements><camunda:properties>'
    '<camunda:property name="result-variable" value="registered" />'
    "</camunda:properties></bpmn:extensionElements></bpmn:serviceTask>",
)


@pytest.fixture
def camunda(client):
    def call(method: str, path: str, role: str = "integrator", **kwargs):
        return client.open(REST + path, method=method, headers=auth(role), **kwargs)

    return call


@pytest.fixture
def waiting(engine, camunda):
    """An instance waiting at the register check; answers its id."""
    engine.deploy({"registry_check.bpmn": WITH_PROPERTIES.encode()}, actor="analyst:test")
    started = camunda(
        "POST",
        "/process-definition/key/registry_check/start",
        json={
            "businessKey": "0737546-2",
            "variables": {"business_id": {"value": "0737546-2", "type": "String"}},
        },
    )
    assert started.status_code == 200, started.get_json()
    return started.get_json()["id"]


def fetch(camunda, worker="register-worker-1", **topic):
    body = {
        "workerId": worker,
        "maxTasks": 5,
        "usePriority": True,
        "asyncResponseTimeout": 5000,
        "topics": [{"topicName": TOPIC, "lockDuration": 60_000, **topic}],
    }
    response = camunda("POST", "/external-task/fetchAndLock", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_a_worker_fetches_in_camundas_shape_and_completes_with_variables_and_local_ones(
    camunda, waiting, engine
):
    [locked] = fetch(camunda, variables=["business_id"], includeExtensionProperties=True)
    assert locked == {
        "activityId": "Task_check_register",
        "activityInstanceId": f"Task_check_register:{locked['id']}",
        "errorMessage": None,
        "errorDetails": None,
        "executionId": waiting,
        "id": locked["id"],
        "lockExpirationTime": locked["lockExpirationTime"],
        "createTime": locked["createTime"],
        "processDefinitionId": "registry_check:1",
        "processDefinitionKey": "registry_check",
        "processDefinitionVersionTag": None,
        "processInstanceId": waiting,
        "tenantId": None,
        "retries": None,
        "suspended": False,
        "workerId": "register-worker-1",
        "topicName": TOPIC,
        "priority": 0,
        "businessKey": "0737546-2",
        "variables": {"business_id": {"type": "String", "value": "0737546-2", "valueInfo": {}}},
        "extensionProperties": {"result-variable": "registered"},
    }
    assert locked["lockExpirationTime"].endswith("+0000")  # Camunda's date format
    assert fetch(camunda, worker="register-worker-2") == []  # locked: nobody else gets it

    completed = camunda(
        "POST",
        f"/external-task/{locked['id']}/complete",
        json={
            "workerId": "register-worker-1",
            "variables": {"registered": {"value": True, "type": "Boolean"}},
            "localVariables": {"answer": {"value": "found", "type": "String"}},
        },
    )
    assert completed.status_code == 204, completed.get_json()
    instance = engine.get_instance(waiting)
    assert [t.element_id for t in instance.ready_tasks] == ["Task_review"]
    assert instance.variables["registered"] is True
    assert "answer" not in instance.variables  # the task's own, gone with it (as in Camunda) …
    assert error_of(
        camunda("GET", f"/external-task/{locked['id']}", "viewer"), 404, "InvalidRequestException"
    )
    events = [e for e in engine.history(waiting) if e.kind.startswith("external_task")]
    assert [(e.kind, e.actor) for e in events] == [
        ("external_task_locked", actor("integrator")),
        ("external_task_completed", actor("integrator")),
    ]
    assert events[1].data["local_variables"] == {"answer": "found"}  # … and kept in the audit trail


def test_only_the_worker_holding_the_lock_finishes_it_and_an_unknown_task_is_404(camunda, waiting):
    [locked] = fetch(camunda)
    task = f"/external-task/{locked['id']}"
    other = {"workerId": "register-worker-2"}
    for action, extra in (
        ("complete", {}),
        ("failure", {"retries": 1, "retryTimeout": 0}),
        ("bpmnError", {"errorCode": "not-registered"}),
        ("extendLock", {"newDuration": 1000}),
    ):
        refused = camunda("POST", f"{task}/{action}", json={**other, **extra})
        assert "locked by another worker" in error_of(refused, 400, "BadUserRequestException")
    for unknown in (str(uuid.uuid4()), "not-a-uuid", "1%27%20OR%201=1"):
        gone = camunda("POST", f"/external-task/{unknown}/complete", json={"workerId": "register-worker-1"})
        error_of(gone, 404, "NotFoundException")
        error_of(camunda("GET", f"/external-task/{unknown}", "viewer"), 404, "InvalidRequestException")
    error_of(
        camunda("POST", f"{task}/complete", "viewer", json={"workerId": "w"}), 403, "AuthorizationException"
    )


def test_a_failure_counts_down_retries_into_an_incident_with_its_details(camunda, waiting, client):
    [locked] = fetch(camunda)
    task = f"/external-task/{locked['id']}"
    failed = camunda(
        "POST",
        f"{task}/failure",
        json={
            "workerId": "register-worker-1",
            "errorMessage": "register unreachable",
            "errorDetails": "Traceback: connection refused",
            "retries": 1,
            "retryTimeout": 0,
        },
    )
    assert failed.status_code == 204
    shown = camunda("GET", task, "viewer").get_json()
    assert (shown["retries"], shown["errorMessage"], shown["workerId"]) == (1, "register unreachable", None)
    details = camunda("GET", f"{task}/errorDetails", "viewer")
    assert (details.content_type, details.get_data(as_text=True)) == (
        "text/plain; charset=utf-8",
        "Traceback: connection refused",
    )

    [again] = fetch(camunda)  # fetchable again at once (retryTimeout 0), with the retries left
    assert (again["id"], again["retries"], again["errorMessage"]) == (locked["id"], 1, "register unreachable")
    last = {
        "workerId": "register-worker-1",
        "errorMessage": "still unreachable",
        "retries": 0,
        "retryTimeout": 0,
    }
    assert camunda("POST", f"{task}/failure", json=last).status_code == 204
    assert fetch(camunda) == []  # held back for an operator
    incidents = client.get(f"/api/v1/incidents?instance_id={waiting}", headers=auth("viewer")).get_json()
    [incident] = incidents["items"]
    assert (incident["task_id"], incident["kind"], incident["message"]) == (
        locked["id"],
        "external-task-failure",
        "still unreachable",
    )


def test_a_bpmn_error_is_caught_by_the_boundary_event_with_its_code(camunda, waiting, engine):
    [locked] = fetch(camunda)
    thrown = camunda(
        "POST",
        f"/external-task/{locked['id']}/bpmnError",
        json={
            "workerId": "register-worker-1",
            "errorCode": "not-registered",
            "errorMessage": "no entry",
            "variables": {"register_answer": {"value": "none", "type": "String"}},
        },
    )
    assert thrown.status_code == 204, thrown.get_json()
    instance = engine.get_instance(waiting)
    assert [t.element_id for t in instance.ready_tasks] == ["Task_ask_to_register"]
    assert instance.variables["register_answer"] == "none"


def test_a_lock_is_extended_and_released_and_the_tasks_are_listed_by_lock(camunda, waiting):
    [locked] = fetch(camunda)
    task = f"/external-task/{locked['id']}"
    extended = camunda(
        "POST", f"{task}/extendLock", json={"workerId": "register-worker-1", "newDuration": 600_000}
    )
    assert extended.status_code == 204
    later = camunda("GET", task, "viewer").get_json()["lockExpirationTime"]
    assert later > locked["lockExpirationTime"]
    listed = camunda("GET", f"/external-task?topicName={TOPIC}&locked=true", "viewer").get_json()
    assert [(t["id"], t["workerId"]) for t in listed] == [(locked["id"], "register-worker-1")]
    assert camunda("GET", "/external-task?notLocked=true", "viewer").get_json() == []
    assert camunda("GET", f"/external-task/count?processInstanceId={waiting}", "viewer").get_json() == {
        "count": 1
    }

    assert camunda("POST", f"{task}/unlock").status_code == 204
    shown = camunda("GET", task, "viewer").get_json()
    assert (shown["workerId"], shown["lockExpirationTime"]) == (None, None)
    [listed] = camunda(
        "GET", f"/external-task?externalTaskId={locked['id']}&notLocked=true", "viewer"
    ).get_json()
    assert listed["id"] == locked["id"]
    assert [t["id"] for t in fetch(camunda, worker="register-worker-2")] == [locked["id"]]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"asyncResponseTimeout": 1_800_001}, "asyncResponseTimeout"),
        ({"workerId": None}, "workerId"),
        ({"maxTasks": -1}, "maxTasks"),
        ({"sorting": [{"sortBy": "createTime", "sortOrder": "desc"}]}, "sorting"),
        ({"topics": [{"topicName": TOPIC, "lockDuration": 0}]}, "topics[0].lockDuration"),
        (
            {"topics": [{"topicName": TOPIC, "lockDuration": 1000, "processVariables": {"a": {"b": 1}}}]},
            "processVariables",
        ),
        (
            {"topics": [{"topicName": TOPIC, "lockDuration": 1000, "processDefinitionVersionTag": "v1"}]},
            "processDefinitionVersionTag",
        ),
        ({"priority": 3}, "priority"),
    ],
)
def test_a_fetch_that_asks_what_the_subset_does_not_do_is_refused_naming_it(camunda, waiting, change, named):
    body = {"workerId": "w", "maxTasks": 1, "topics": [{"topicName": TOPIC, "lockDuration": 1000}], **change}
    refused = camunda("POST", "/external-task/fetchAndLock", json=body)
    assert named in error_of(refused, 400, "InvalidRequestException")
    assert camunda("GET", "/external-task?notLocked=true", "viewer").get_json()[0]["workerId"] is None


def test_a_fetch_without_the_services_worker_answers_at_once_and_a_zero_max_takes_nothing(camunda, waiting):
    assert fetch(camunda, topicName="no-such-topic") == []  # the test client has no long poll: no wait
    zero = camunda(
        "POST",
        "/external-task/fetchAndLock",
        json={"workerId": "w", "maxTasks": 0, "topics": [{"topicName": TOPIC, "lockDuration": 1000}]},
    )
    assert zero.get_json() == []
    assert camunda("GET", "/external-task?locked=true", "viewer").get_json() == []


def test_a_topic_fetches_only_the_tasks_of_a_business_key_or_of_some_processes(camunda, waiting, engine):
    other = engine.start_instance("registry_check", actor="integrator:test", business_key="7654321-7").id
    assert fetch(camunda, processDefinitionKeyIn=["kela_application"]) == []
    assert (
        fetch(camunda, processDefinitionKey="kela_application", processDefinitionKeyIn=["registry_check"])
        == []
    )
    [mine] = fetch(camunda, businessKey="7654321-7", processDefinitionKey="registry_check")
    assert (mine["processInstanceId"], mine["businessKey"]) == (other, "7654321-7")
    [rest] = fetch(camunda, processDefinitionKeyIn=["registry_check", "kela_application"])
    assert rest["processInstanceId"] == waiting
