"""Who may do what: every endpoint called with no token, an unknown token and each role's token.

Allowed calls are made with real ids, so they must succeed; a state change names the caller in the
audit trail as role:name. Refused calls answer problem+json and store nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from tests.conftest import PROCESSES

from .conftest import TOKENS, actor, auth

ROLES = ("viewer", "integrator", "analyst", "admin")
CALLERS = ("no token", "bad token", *ROLES)

# fmt: off
MATRIX = {
    #                                                  no token bad token viewer integrator analyst admin
    "GET /api/v1/process-definitions":                    (401, 401, 200, 200, 200, 200),
    "POST /api/v1/process-definitions":                   (401, 401, 403, 403, 201, 201),
    "GET /api/v1/process-definitions/{process_key}":              (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/xml":          (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/elements":     (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/versions":     (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/start":        (401, 401, 200, 200, 200, 200),
    "POST /api/v1/process-definitions/{process_key}/start":       (401, 401, 403, 201, 403, 201),
    "POST /api/v1/process-definitions/{process_key}/retire":       (401, 401, 403, 403, 200, 200),
    "POST /api/v1/process-definitions/{process_key}/reinstate":    (401, 401, 403, 403, 200, 200),
    "POST /api/v1/process-instances":                     (401, 401, 403, 201, 403, 201),
    "GET /api/v1/process-instances":                      (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-instances/{instance_id}":        (401, 401, 200, 200, 200, 200),
    "POST /api/v1/process-instances/{instance_id}/cancel": (401, 401, 403, 200, 403, 200),
    "GET /api/v1/process-instances/{instance_id}/history": (401, 401, 200, 200, 200, 200),
    "GET /api/v1/tasks":                                  (401, 401, 200, 200, 200, 200),
    "GET /api/v1/tasks/{task_id}":                        (401, 401, 200, 200, 200, 200),
    "POST /api/v1/tasks/{task_id}/complete":              (401, 401, 403, 200, 403, 200),
    "POST /api/v1/messages":                              (401, 401, 403, 200, 403, 200),
    "GET /api/v1/me":                                     (401, 401, 200, 200, 200, 200),
    "GET /api/v1/clock":                                  (401, 401, 200, 200, 200, 200),
    "POST /api/v1/clock/advance":                         (401, 401, 403, 403, 403, 200),
    "POST /api/v1/process-instances/{instance_id}/correct-variables": (401, 401, 403, 403, 403, 200),
    "GET /api/v1/incidents":                              (401, 401, 200, 200, 200, 200),
    "GET /api/v1/usage-log":                              (401, 401, 403, 403, 403, 200),
    "GET /api/v1/incidents/{incident_id}":                (401, 401, 200, 200, 200, 200),
    "POST /api/v1/incidents/{incident_id}/retry":         (401, 401, 403, 403, 403, 200),
    "POST /api/v1/incidents/{incident_id}/resolve":       (401, 401, 403, 403, 200, 200),
    "POST /api/v1/external-tasks/fetch-and-lock":         (401, 401, 403, 200, 403, 200),
    "GET /api/v1/external-tasks":                         (401, 401, 200, 200, 200, 200),
    "GET /api/v1/external-tasks/{task_id}":               (401, 401, 200, 200, 200, 200),
    "POST /api/v1/external-tasks/{task_id}/complete":     (401, 401, 403, 200, 403, 200),
    "POST /api/v1/external-tasks/{task_id}/failure":      (401, 401, 403, 200, 403, 200),
    "POST /api/v1/external-tasks/{task_id}/bpmn-error":   (401, 401, 403, 200, 403, 200),
    "POST /api/v1/external-tasks/{task_id}/extend-lock":  (401, 401, 403, 200, 403, 200),
    "POST /api/v1/external-tasks/{task_id}/unlock":       (401, 401, 403, 200, 403, 200),
    "GET /api/v1/process-definitions/{process_key}/instance-counts": (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/oversight": (401, 401, 200, 200, 200, 200),
    "GET /api/v1/process-definitions/{process_key}/versions/{from_version}/migration-plan":
                                                          (401, 401, 200, 200, 200, 200),
    "POST /api/v1/migrations":                            (401, 401, 403, 403, 403, 200),
    "POST /api/v1/migration-batches":                     (401, 401, 403, 403, 403, 202),
    "GET /api/v1/migration-batches/{batch_id}":           (401, 401, 200, 200, 200, 200),
    "POST /api/v1/session/sign-in":                       (200, 200, 200, 200, 200, 200),
    "POST /api/v1/session/sign-out":                      (204, 204, 204, 204, 204, 204),
    "GET /healthz":                                       (200, 200, 200, 200, 200, 200),
    "GET /openapi.json":                                  (200, 200, 200, 200, 200, 200),
    "GET /docs":                                          (200, 200, 200, 200, 200, 200),
}
# fmt: on
# Open to anyone: signing in proves its token in the body, signing out only clears a cookie.
OPEN = {
    "GET /healthz",
    "GET /openapi.json",
    "GET /docs",
    "POST /api/v1/session/sign-in",
    "POST /api/v1/session/sign-out",
}
CUSTOMER_DATA = {"business_id": "1234567-1", "organisation_name": "Hoivakoti Oy"}
SETUP = "test:setup"
CALLER_NAMES = {role: name for role, (name, _token) in TOKENS.items()}


@dataclass
class Call:
    path: str
    json: dict | None = None
    files: dict | None = None
    # For an allowed state change: what the audit trail must then say, given the response.
    then: Callable | None = None


def _started(engine, process_key="simple_onboarding", business_key=None):
    return engine.start_instance(process_key, actor=SETUP, business_key=business_key)


def _event(engine, instance_id, kind):
    """The one event of ``kind`` in the instance's audit trail."""
    (event,) = [e for e in engine.history(instance_id) if e.kind == kind]
    return event


def _deploy(engine, role):
    # New content per caller, so each allowed deployment is a new version deployed by that caller.
    diagram = (PROCESSES / "simple_onboarding.bpmn").read_bytes()
    changed = diagram.replace(b'name="Simple onboarding"', f'name="Simple onboarding ({role})"'.encode())
    files = [(io.BytesIO(changed), "simple_onboarding.bpmn")] + [
        (io.BytesIO((PROCESSES / "forms" / form).read_bytes()), form)
        for form in ("customer_data.json", "approval.json")
    ]

    def then(response):
        (deployed,) = response.get_json()["deployed"]
        assert (deployed["process_key"], deployed["version"], deployed["deployed_by"]) == (
            "simple_onboarding",
            2,
            actor(role),
        )
        with engine.db.connect() as connection:
            audit = connection.execute(
                text("SELECT actor, data FROM audit_events WHERE kind = 'definition_deployed' ORDER BY id")
            ).all()
        assert audit[-1].actor == actor(role)

    return Call("/api/v1/process-definitions", files={"files": files}, then=then)


def _start(engine, role):
    def then(response):
        instance = response.get_json()
        assert instance["started_by"] == actor(role)
        assert _event(engine, instance["id"], "instance_started").actor == actor(role)

    return Call(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding", "business_key": "B-1"},
        then=then,
    )


def _start_form(engine, role):
    def then(response):
        instance = response.get_json()
        assert (instance["business_key"], instance["started_by"]) == ("1234567-1", actor(role))
        assert _event(engine, instance["id"], "instance_started").actor == actor(role)

    data = {"business_key": "1234567-1", "organisation_name": "Hoivakoti Oy"}
    return Call("/api/v1/process-definitions/simple_onboarding/start", json={"data": data}, then=then)


def _cancel(engine, role):
    instance = _started(engine)

    def then(response):
        assert response.get_json()["status"] == "cancelled"
        assert _event(engine, instance.id, "instance_cancelled").actor == actor(role)

    return Call(f"/api/v1/process-instances/{instance.id}/cancel", then=then)


def _complete(engine, role):
    instance = _started(engine)
    (task,) = instance.ready_tasks

    def then(response):
        assert [t["element_id"] for t in response.get_json()["ready_tasks"]] == ["Task_approve"]
        event = _event(engine, instance.id, "task_completed")
        assert (event.task_id, event.actor) == (task.id, actor(role))

    return Call(f"/api/v1/tasks/{task.id}/complete", json={"data": CUSTOMER_DATA}, then=then)


def _message(engine, role):
    instance = _started(engine, "kela_application", business_key="HOIVA-1")
    (task,) = instance.ready_tasks
    engine.complete_task(task.id, {"system_name": "Hoiva", "access_point_oid": "1.2.246.10"}, actor=SETUP)

    def then(response):
        assert response.get_json()["status"] == "completed"
        assert _event(engine, instance.id, "message_received").actor == actor(role)

    body = {"name": "kela_decision", "business_key": "HOIVA-1", "payload": {"decision": "approved"}}
    return Call("/api/v1/messages", json=body, then=then)


def _instance_path(suffix=""):
    return lambda engine, role: Call(f"/api/v1/process-instances/{_started(engine).id}{suffix}")


def _me(engine, role):
    def then(response):
        assert (response.get_json()["role"], response.get_json()["name"]) == (role, CALLER_NAMES[role])

    return Call("/api/v1/me", then=then)


def _advance_clock(engine, role):
    def then(response):
        with engine.db.connect() as connection:
            (moved,) = connection.execute(
                text("SELECT actor FROM audit_events WHERE kind = 'clock_advanced'")
            ).all()
        assert moved.actor == actor(role)

    return Call("/api/v1/clock/advance", json={"duration": "P1D"}, then=then)


def _incident(engine):
    """An incident: a timer fired a script that needs a variable nobody set."""
    from tests.integration.test_limits import diagram, script, timer, with_start_variables

    nodes = timer("Timer_day", "P1D") + script("Script_fee", "fee = base * 2")
    flows = [("StartEvent", "Timer_day", ""), ("Timer_day", "Script_fee", ""), ("Script_fee", "EndEvent", "")]
    engine.deploy({"fees.bpmn": with_start_variables(diagram("fees", nodes, flows), "base")}, actor=SETUP)
    instance = engine.start_instance("fees", actor=SETUP)
    engine.change_variables(instance.id, values={"base": None}, actor=SETUP)  # an audited variable fix
    engine.advance_clock("P1D", actor=SETUP)
    (incident,) = engine.list_incidents(instance_id=instance.id).items
    return instance, incident


def _incident_path(engine, role):
    _, incident = _incident(engine)
    return Call(f"/api/v1/incidents/{incident.id}")


def _retry(engine, role):
    instance, incident = _incident(engine)
    engine.change_variables(instance.id, values={"base": 2}, actor=SETUP)

    def then(response):
        assert response.get_json()["status"] == "completed"
        assert _event(engine, instance.id, "incident_retried").actor == actor(role)

    return Call(f"/api/v1/incidents/{incident.id}/retry", then=then)


def _resolve(engine, role):
    """An analyst marks resolved the incident of a definition fault a task's completion met."""
    from engine import ScriptFailure
    from tests.integration.test_definition_faults import _checked_routing

    engine.deploy({"checked_routing.bpmn": _checked_routing()}, actor=SETUP)
    instance = engine.start_instance("checked_routing", actor=SETUP, variables={"kind": "health"})
    with pytest.raises(ScriptFailure):
        engine.complete_task(instance.ready_tasks[0].id, {"kind": "pharmacy"}, actor=SETUP)
    (incident,) = engine.list_incidents(instance_id=instance.id).items

    def then(response):
        assert (response.get_json()["resolved_by"], response.get_json()["kind"]) == (
            actor(role),
            "definition-fault",
        )
        assert _event(engine, instance.id, "incident_resolved").actor == actor(role)

    return Call(f"/api/v1/incidents/{incident.id}/resolve", then=then)


def _change_variables(engine, role):
    instance = _started(engine)

    def then(response):
        assert response.get_json()["variables"]["note"] == "corrected"
        event = _event(engine, instance.id, "variables_changed")
        assert (event.actor, event.data["new"]) == (actor(role), {"note": "corrected"})

    return Call(
        f"/api/v1/process-instances/{instance.id}/correct-variables",
        json={"set": {"note": "corrected"}},
        then=then,
    )


def _two_versions(engine):
    """An instance of version 1 of a process that has a version 2."""
    from tests.integration.test_instance_migration import version_1, version_2

    if engine.list_instances(process_key="change").total == 0:
        engine.deploy({"change.bpmn": version_1()}, actor=SETUP)
        engine.start_instance("change", actor=SETUP)
        engine.deploy({"change.bpmn": version_2()}, actor=SETUP)
    return engine.list_instances(process_key="change").items[0]


def _plan(engine, role):
    _two_versions(engine)

    def then(response):
        assert response.get_json()["waiting"][0]["element_id"] == "Task_check"

    return Call("/api/v1/process-definitions/change/versions/1/migration-plan?to=2", then=then)


def _migrate(engine, role):
    instance = _two_versions(engine)
    body = {
        "process_key": "change",
        "from_version": 1,
        "to_version": 2,
        "mapping": {"Task_check": "Task_review"},
        "instance_ids": [instance.id],
    }

    def then(response):
        assert response.get_json()["migrated"] == [instance.id]
        assert _event(engine, instance.id, "instance_migrated").actor == actor(role)

    return Call("/api/v1/migrations", json=body, then=then)


def _start_batch(engine, role):
    _two_versions(engine)
    body = {"process_key": "change", "from_version": 1, "to_version": 2}

    def then(response):
        assert response.get_json()["status"] == "queued"
        assert response.headers["Location"] == f"/api/v1/migration-batches/{response.get_json()['id']}"
        with engine.db.connect() as connection:
            (started,) = connection.execute(
                text("SELECT actor FROM audit_events WHERE kind = 'migration_batch_started'")
            ).all()
        assert started.actor == actor(role)

    return Call("/api/v1/migration-batches", json=body, then=then)


def _batch_path(engine, role):
    _two_versions(engine)
    batch = engine.start_migration_batch("change", 1, 2, actor=SETUP)
    return Call(f"/api/v1/migration-batches/{batch.id}")


def _task_path(engine, role):
    (task,) = _started(engine).ready_tasks
    return Call(f"/api/v1/tasks/{task.id}")


def _external_task(engine, locked: bool = True):
    """An instance waiting at a service task, its task locked by "worker-1" (or not)."""
    from tests.integration.test_external_tasks import DIAGRAM, TOPIC

    engine.deploy({"registry_check.bpmn": DIAGRAM.read_bytes()}, actor=SETUP)
    instance = engine.start_instance("registry_check", actor=SETUP)
    (task,) = engine.list_external_tasks(instance_id=instance.id).items
    if locked:
        engine.fetch_and_lock("worker-1", [{"name": TOPIC, "lock_duration_ms": 60_000}], 100, actor=SETUP)
    return instance, task


def _external_action(action: str, body: dict, kind: str):
    """A worker's action on its locked task, audited as ``kind`` with the caller as actor."""

    def call(engine, role):
        instance, task = _external_task(engine, locked=action != "fetch-and-lock")

        def then(response):
            events = [e for e in engine.history(instance.id) if e.kind == kind]
            assert [(e.actor, e.task_id) for e in events][-1:] == [(actor(role), task.id)]

        if action == "fetch-and-lock":
            return Call(f"/api/v1/external-tasks/{action}", json=body, then=then)
        return Call(f"/api/v1/external-tasks/{task.id}/{action}", json=body, then=then)

    return call


_TOPICS = [{"name": "provider-register-check", "lock_duration_ms": 60_000}]


def _audited_as(engine, kind, role):
    with engine.db.connect() as connection:
        actors = connection.execute(text("SELECT actor FROM audit_events WHERE kind = :k"), {"k": kind}).all()
    assert [row.actor for row in actors] == [actor(role)]


def _retire(engine, role):
    def then(response):
        assert response.get_json()["retirement"]["reason"] == "replaced"
        _audited_as(engine, "process_retired", role)

    return Call(
        "/api/v1/process-definitions/simple_onboarding/retire", json={"reason": "replaced"}, then=then
    )


def _reinstate(engine, role):
    engine.retire_process("simple_onboarding", actor=SETUP)

    def then(response):
        assert response.get_json()["retirement"] is None
        _audited_as(engine, "process_reinstated", role)

    return Call("/api/v1/process-definitions/simple_onboarding/reinstate", then=then)


CALLS = {
    "GET /api/v1/process-definitions": lambda engine, role: Call("/api/v1/process-definitions"),
    "POST /api/v1/process-definitions": _deploy,
    "GET /api/v1/process-definitions/{process_key}": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding"
    ),
    "GET /api/v1/process-definitions/{process_key}/xml": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding/xml"
    ),
    "GET /api/v1/process-definitions/{process_key}/elements": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding/elements"
    ),
    "GET /api/v1/process-definitions/{process_key}/versions": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding/versions"
    ),
    "POST /api/v1/process-definitions/{process_key}/retire": _retire,
    "POST /api/v1/process-definitions/{process_key}/reinstate": _reinstate,
    "POST /api/v1/process-instances": _start,
    "POST /api/v1/session/sign-in": lambda engine, role: Call(
        "/api/v1/session/sign-in", json={"token": TOKENS["viewer"][1]}
    ),
    "POST /api/v1/session/sign-out": lambda engine, role: Call("/api/v1/session/sign-out"),
    "POST /api/v1/process-definitions/{process_key}/start": _start_form,
    "GET /api/v1/process-definitions/{process_key}/start": lambda engine, role: Call(
        "/api/v1/process-definitions/simple_onboarding/start"
    ),
    "GET /api/v1/process-instances": lambda engine, role: Call("/api/v1/process-instances?status=running"),
    "GET /api/v1/process-instances/{instance_id}": _instance_path(),
    "POST /api/v1/process-instances/{instance_id}/cancel": _cancel,
    "GET /api/v1/process-instances/{instance_id}/history": _instance_path("/history"),
    "GET /api/v1/tasks": lambda engine, role: Call("/api/v1/tasks?process_key=simple_onboarding&limit=5"),
    "GET /api/v1/tasks/{task_id}": _task_path,
    "POST /api/v1/tasks/{task_id}/complete": _complete,
    "POST /api/v1/messages": _message,
    "GET /api/v1/me": _me,
    "GET /api/v1/clock": lambda engine, role: Call("/api/v1/clock"),
    "POST /api/v1/clock/advance": _advance_clock,
    "POST /api/v1/process-instances/{instance_id}/correct-variables": _change_variables,
    "GET /api/v1/incidents": lambda engine, role: Call("/api/v1/incidents?open=false"),
    "GET /api/v1/usage-log": lambda engine, role: Call("/api/v1/usage-log"),
    "GET /api/v1/incidents/{incident_id}": _incident_path,
    "POST /api/v1/incidents/{incident_id}/retry": _retry,
    "POST /api/v1/incidents/{incident_id}/resolve": _resolve,
    "POST /api/v1/external-tasks/fetch-and-lock": _external_action(
        "fetch-and-lock",
        {"worker_id": "worker-1", "topics": _TOPICS, "max_tasks": 100},
        "external_task_locked",
    ),
    "GET /api/v1/external-tasks": lambda engine, role: Call(
        f"/api/v1/external-tasks?instance_id={_external_task(engine)[0].id}"
    ),
    "GET /api/v1/external-tasks/{task_id}": lambda engine, role: Call(
        f"/api/v1/external-tasks/{_external_task(engine)[1].id}"
    ),
    "POST /api/v1/external-tasks/{task_id}/complete": _external_action(
        "complete", {"worker_id": "worker-1", "variables": {"registered": True}}, "external_task_completed"
    ),
    "POST /api/v1/external-tasks/{task_id}/failure": _external_action(
        "failure", {"worker_id": "worker-1", "error_message": "down", "retries": 1}, "external_task_failed"
    ),
    "POST /api/v1/external-tasks/{task_id}/bpmn-error": _external_action(
        "bpmn-error", {"worker_id": "worker-1", "error_code": "not-registered"}, "external_task_bpmn_error"
    ),
    "POST /api/v1/external-tasks/{task_id}/extend-lock": _external_action(
        "extend-lock", {"worker_id": "worker-1", "new_duration_ms": 120_000}, "external_task_lock_extended"
    ),
    "POST /api/v1/external-tasks/{task_id}/unlock": _external_action(
        "unlock", None, "external_task_unlocked"
    ),
    "GET /api/v1/process-definitions/{process_key}/oversight": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding/oversight"
    ),
    "GET /api/v1/process-definitions/{process_key}/instance-counts": lambda e, r: Call(
        "/api/v1/process-definitions/simple_onboarding/instance-counts"
    ),
    "GET /api/v1/process-definitions/{process_key}/versions/{from_version}/migration-plan": _plan,
    "POST /api/v1/migrations": _migrate,
    "POST /api/v1/migration-batches": _start_batch,
    "GET /api/v1/migration-batches/{batch_id}": _batch_path,
    "GET /healthz": lambda engine, role: Call("/healthz"),
    "GET /openapi.json": lambda engine, role: Call("/openapi.json"),
    "GET /docs": lambda engine, role: Call("/docs"),
}


def _headers(caller: str) -> dict[str, str]:
    if caller == "no token":
        return {}
    if caller == "bad token":
        return {"Authorization": "Bearer not-a-token-anyone-has"}
    return auth(caller)


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("endpoint", MATRIX)
def test_every_endpoint_answers_every_caller_as_the_matrix_says(client, engine, stored, endpoint, caller):
    method = endpoint.split(" ", 1)[0]
    expected = MATRIX[endpoint][CALLERS.index(caller)]
    call = CALLS[endpoint](engine, caller)
    before = stored()

    response = client.open(
        call.path,
        method=method,
        headers=_headers(caller),
        json=call.json,
        data=call.files,
        content_type="multipart/form-data" if call.files else None,
    )

    assert response.status_code == expected, response.get_data(as_text=True)
    if expected >= 400:
        problem = response.get_json()
        assert response.content_type == "application/problem+json"
        assert problem["status"] == expected
        assert problem["type"].endswith("/unauthenticated" if expected == 401 else "/forbidden")
        assert problem["title"] and problem["detail"]
        if expected == 401:
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
        else:
            assert caller in problem["detail"]  # names the role that was refused
        assert stored() == before
    elif call.then is not None:
        call.then(response)
    elif endpoint not in OPEN:
        after = stored()
        after.pop("usage_log"), before.pop("usage_log")  # a read of an instance's data is logged (only)
        assert after == before  # reading changes nothing


def test_the_matrix_covers_every_operation_in_the_openapi_document(client):
    spec = client.get("/openapi.json").get_json()
    documented = {
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    }
    assert documented <= set(MATRIX), f"add to MATRIX: {documented - set(MATRIX)}"
    assert set(MATRIX) - documented <= {"GET /openapi.json", "GET /docs", "GET /api/v1/me"}


def test_the_matrix_is_what_the_roles_grant():
    """viewer reads; integrator reads and operates; analyst reads and deploys; admin does everything,
    and only admin moves an adjustable clock and repairs instances (retries incidents, corrects variables)."""
    grants = {
        "viewer": {"GET"},
        "integrator": {"GET", "start", "cancel", "complete", "message"},
        "analyst": {"GET", "deploy"},
        "admin": {"GET", "start", "cancel", "complete", "message", "deploy", "move_clock", "repair"},
    }
    writes = {
        "POST /api/v1/process-definitions": "deploy",
        "POST /api/v1/process-definitions/{process_key}/retire": "deploy",
        "POST /api/v1/process-definitions/{process_key}/reinstate": "deploy",
        "POST /api/v1/process-instances": "start",
        "POST /api/v1/process-definitions/{process_key}/start": "start",
        "POST /api/v1/process-instances/{instance_id}/cancel": "cancel",
        "POST /api/v1/tasks/{task_id}/complete": "complete",
        "POST /api/v1/messages": "message",
        "POST /api/v1/clock/advance": "move_clock",
        "POST /api/v1/process-instances/{instance_id}/correct-variables": "repair",
        "POST /api/v1/incidents/{incident_id}/retry": "repair",
        # a fault of the diagram a request met: the analyst who corrects the diagram marks it resolved
        "POST /api/v1/incidents/{incident_id}/resolve": "deploy",
        **{
            endpoint: "complete"  # a worker's actions on external tasks: an integrator operates
            for endpoint in MATRIX
            if endpoint.startswith("POST /api/v1/external-tasks")
        },
        "POST /api/v1/migrations": "repair",
        "POST /api/v1/migration-batches": "repair",
        "GET /api/v1/usage-log": "repair",  # who read a client's data: the admins answer for it
    }
    for endpoint, answers in MATRIX.items():
        if endpoint in OPEN:
            continue
        needed = writes.get(endpoint, "GET")
        for role in ROLES:
            allowed = answers[CALLERS.index(role)] < 400
            assert allowed == (needed in grants[role]), (endpoint, role)
