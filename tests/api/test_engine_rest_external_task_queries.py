# ruff: noqa: F811
"""/engine-rest/external-task beyond fetch and finish: a topic's filters on the instances' variables,
definitions and the task's own variables; the task list's filters by query and by body; retries and
priority set by an operator, audited with the actor; a concurrent completion answered as Camunda's
optimistic locking failure (409), never a 400 or a 5xx."""

from __future__ import annotations

import threading
import uuid

from tests.integration.test_external_tasks import TOPIC

from .conftest import actor, auth
from .test_engine_rest import error_of

# with the fixtures of the fetch-and-finish tests (camunda, waiting), which the tests here take
from .test_engine_rest_external_tasks import WITH_PROPERTIES, camunda, fetch, waiting  # noqa: F401


def start(camunda, business_key: str, **variables) -> str:
    typed = {name: {"value": value} for name, value in variables.items()}
    started = camunda(
        "POST",
        "/process-definition/key/registry_check/start",
        json={"businessKey": business_key, "variables": typed},
    )
    assert started.status_code == 200, started.get_json()
    return started.get_json()["id"]


def test_a_topic_fetches_by_the_instances_variables_and_definition(camunda, waiting, engine):
    other = start(camunda, "7654321-7", business_id="7654321-7", urgent=True, employees=12)
    assert fetch(camunda, processVariables={"business_id": "1111111-1"}) == []
    assert fetch(camunda, processVariables={"urgent": "true"}) == []  # a text is not the boolean
    assert fetch(camunda, processVariables={"employees": 12, "urgent": False}) == []
    [mine] = fetch(camunda, processVariables={"employees": 12, "urgent": True})
    assert mine["processInstanceId"] == other
    engine.deploy(
        {
            "registry_check.bpmn": WITH_PROPERTIES.replace(
                "Check the provider", "Look up the provider"
            ).encode()
        },
        actor="analyst:test",
    )  # version 2
    newer = start(camunda, "2345678-0", business_id="2345678-0")
    assert fetch(camunda, processDefinitionId="registry_check:7") == []
    assert fetch(camunda, processDefinitionIdIn=["registry_check:1"], processDefinitionId="no-version") == []
    [second] = fetch(camunda, processDefinitionIdIn=["registry_check:2", "kela_application:1"])
    assert (second["processInstanceId"], second["processDefinitionId"]) == (newer, "registry_check:2")
    [first] = fetch(
        camunda, processDefinitionId="registry_check:1", processVariables={"business_id": "0737546-2"}
    )
    assert first["processInstanceId"] == waiting


def test_local_variables_are_none_while_the_task_waits(camunda, waiting):
    """The task's own variables: a service task takes no input parameters here, so it has none."""
    [locked] = fetch(camunda, localVariables=True)
    assert locked["variables"] == {}
    assert camunda("POST", f"/external-task/{locked['id']}/unlock").status_code == 204
    [everything] = fetch(camunda)
    assert set(everything["variables"]) == {"business_id"}


def test_the_task_list_filters_by_query_and_by_body(camunda, waiting):
    other = start(camunda, "7654321-7", business_id="7654321-7")
    [locked] = fetch(camunda, businessKey="7654321-7")
    failed = {"workerId": "register-worker-1", "retries": 0, "retryTimeout": 0, "errorMessage": "down"}
    assert camunda("POST", f"/external-task/{locked['id']}/failure", json=failed).status_code == 204

    def listed(path: str) -> list[str]:
        response = camunda("GET", path, "viewer")
        assert response.status_code == 200, response.get_json()
        return [t["processInstanceId"] for t in response.get_json()]

    assert listed("/external-task?noRetriesLeft=true") == [other]
    assert listed("/external-task?withRetriesLeft=true") == [waiting]
    assert sorted(listed("/external-task?withRetriesLeft=false")) == sorted([waiting, other])  # false: any
    assert listed("/external-task?withRetriesLeft=true&noRetriesLeft=true") == []
    assert len(listed("/external-task?activityIdIn=Task_other,Task_check_register&maxResults=1")) == 1
    assert listed("/external-task?activityId=Task_other") == []
    assert len(listed(f"/external-task?processInstanceIdIn={waiting},{other}&firstResult=1")) == 1
    assert listed(f"/external-task?processInstanceId={other}&topicName={TOPIC}&notLocked=true") == [other]
    assert listed("/external-task?processDefinitionId=registry_check:1&locked=true") == []
    fetch(camunda, worker="register-worker-2")
    assert listed("/external-task?workerId=register-worker-2") == [waiting]
    assert listed("/external-task?processDefinitionId=registry_check:1&locked=true") == [waiting]
    assert listed("/external-task?processDefinitionId=registry_check:2") == []
    assert listed(f"/external-task?externalTaskIdIn={locked['id']},{uuid.uuid4()},not-an-id") == [other]
    error_of(
        camunda("GET", "/external-task?priorityHigherThanOrEquals=1", "viewer"),
        400,
        "InvalidRequestException",
    )

    query = {
        "noRetriesLeft": True,
        "activityIdIn": ["Task_check_register"],
        "sorting": [{"sortBy": "createTime", "sortOrder": "asc"}],
    }
    by_body = camunda("POST", "/external-task?maxResults=5", "viewer", json=query)
    assert [t["id"] for t in by_body.get_json()] == [locked["id"]]
    counted = camunda(
        "POST", "/external-task/count", "viewer", json={"processInstanceIdIn": [waiting, other]}
    )
    assert counted.get_json() == {"count": 2}
    refused = camunda(
        "POST", "/external-task", "viewer", json={"sorting": [{"sortBy": "id", "sortOrder": "desc"}]}
    )
    assert "sorting" in error_of(refused, 400, "InvalidRequestException")
    refused = camunda("POST", "/external-task/count", "viewer", json={"lockExpirationAfter": "2026-01-01"})
    assert "lockExpirationAfter" in error_of(refused, 400, "InvalidRequestException")


def test_retries_set_to_0_open_an_incident_and_an_admin_gives_them_back(camunda, waiting, client, engine):
    [task] = camunda("GET", "/external-task", "viewer").get_json()
    path = f"/external-task/{task['id']}/retries"
    assert camunda("PUT", path, json={"retries": 0}).status_code == 204
    assert fetch(camunda) == []  # held back, as after a failure with no retries left
    [incident] = client.get(f"/api/v1/incidents?instance_id={waiting}", headers=auth("viewer")).get_json()[
        "items"
    ]
    assert (incident["task_id"], incident["kind"], incident["resolved_at"]) == (
        task["id"],
        "external-task-failure",
        None,
    )

    refused = camunda("PUT", path, json={"retries": 3})  # resolving the incident is an admin's repair
    assert "admin" in error_of(refused, 403, "AuthorizationException")
    error_of(camunda("PUT", path, "viewer", json={"retries": 3}), 403, "AuthorizationException")
    assert camunda("PUT", path, "admin", json={"retries": 3}).status_code == 204
    incident = client.get(f"/api/v1/incidents/{incident['id']}", headers=auth("viewer")).get_json()
    assert incident["resolved_by"] == actor("admin")
    [again] = fetch(camunda)
    assert (again["id"], again["retries"]) == (task["id"], 3)

    changes = [e for e in engine.history(waiting) if e.kind == "external_task_retries_set"]
    assert [(e.actor, e.data["retries"], e.data["retries_before"]) for e in changes] == [
        (actor("integrator"), 0, None),
        (actor("admin"), 3, 0),
    ]
    assert changes[1].data["incident"] == incident["id"]


def test_retries_of_several_tasks_are_set_all_or_none(camunda, waiting):
    other = start(camunda, "7654321-7", business_id="7654321-7")
    ids = [t["id"] for t in camunda("GET", "/external-task", "viewer").get_json()]
    unknown = str(uuid.uuid4())
    gone = camunda("PUT", "/external-task/retries", json={"retries": 5, "externalTaskIds": [*ids, unknown]})
    assert unknown in error_of(gone, 404, "NotFoundException")
    assert [t["retries"] for t in camunda("GET", "/external-task", "viewer").get_json()] == [None, None]
    assert (
        camunda("PUT", "/external-task/retries", json={"retries": 5, "externalTaskIds": ids}).status_code
        == 204
    )
    shown = camunda("GET", f"/external-task?processInstanceIdIn={waiting},{other}", "viewer").get_json()
    assert [t["retries"] for t in shown] == [5, 5]
    for body, named in (
        ({"retries": 5}, "externalTaskIds"),
        ({"externalTaskIds": ids}, "retries"),
        ({"retries": -1, "externalTaskIds": ids}, "retries"),
        ({"retries": 1, "externalTaskIds": ids, "processInstanceIds": [waiting]}, "processInstanceIds"),
    ):
        assert named in error_of(
            camunda("PUT", "/external-task/retries", json=body), 400, "InvalidRequestException"
        )


def test_a_priority_is_refused_saying_the_engine_keeps_none(camunda, waiting):
    [task] = camunda("GET", "/external-task", "viewer").get_json()
    refused = camunda("PUT", f"/external-task/{task['id']}/priority", json={"priority": 10})
    assert "priority" in error_of(refused, 400, "BadUserRequestException")
    unknown = camunda("PUT", f"/external-task/{uuid.uuid4()}/priority", json={"priority": 10})
    error_of(unknown, 404, "InvalidRequestException")


def test_two_completions_of_one_task_one_succeeds_the_other_is_told_it_is_gone_or_changed(
    app,
    camunda,
    waiting,
):
    """The same worker completing one task twice at once (a retry after a timeout): one completion lands,
    the other finds the task gone (404) or the instance moved past it meanwhile (409, Camunda's
    OptimisticLockingException with its code), never a 400 or a 5xx."""
    seen = []
    for round_ in range(12):
        if round_:
            start(camunda, "0737546-2", business_id="0737546-2")
        [locked] = fetch(camunda)
        barrier, answers = threading.Barrier(2), [None, None]

        def complete(index: int, task_id: str = locked["id"], barrier=barrier, answers=answers):
            client = app.test_client()
            barrier.wait()
            answers[index] = client.post(
                f"/engine-rest/external-task/{task_id}/complete",
                headers=auth("integrator"),
                json={"workerId": "register-worker-1"},
            )

        threads = [threading.Thread(target=complete, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted(a.status_code for a in answers)
        assert statuses in ([204, 404], [204, 409]), [a.get_data(as_text=True) for a in answers]
        [loser] = [a for a in answers if a.status_code != 204]
        if loser.status_code == 409:
            body = loser.get_json()
            assert (body["type"], body["code"]) == ("OptimisticLockingException", 1) and body["message"]
        else:
            error_of(loser, 404, "NotFoundException")
        seen.append(loser.status_code)
    assert fetch(camunda) == []  # every completion landed once
