"""``/external-task``: the service tasks instances wait at, as Camunda 7's external-task workers fetch, lock
and finish them (camunda-external-task-client-python3, the Java and JavaScript clients, pycamunda).

``fetchAndLock`` long-polls: with ``asyncResponseTimeout`` and nothing to lock it waits until work comes
or the time is up (at most ``long_poll.CAP_MS``), holding no thread meanwhile (see ``api/long_poll.py``).
A task locked by another worker, or by none, is refused 400 ``BadUserRequestException``, as Camunda does.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import contextmanager

from flask import Response, g, jsonify, request

from engine import Conflict, ExternalTaskView, InvalidData, NotFound

from ..auth import OPERATE, READ, requires
from ..long_poll import ENVIRON_KEY, LONGEST_MS
from . import shapes
from .blueprint import blp, engine
from .errors import INVALID_REQUEST, CamundaError, refused_data
from .requests import (
    PAGING,
    TAKEN,
    body,
    boolean,
    flag,
    gathered,
    key,
    key_in,
    properties,
    query,
    refused,
    variables,
)
from .variables import format_date, typed_variables

BAD_USER_REQUEST = "BadUserRequestException"
MOST_TASKS = 100  # per fetch (the engine's own limit): a client asking more gets at most these, as it may
LONGEST_LOCK_MS = 7 * 24 * 3600 * 1000  # a lock is for the work at hand (the engine's own limit)

_FETCH = {
    "workerId": TAKEN,
    "maxTasks": TAKEN,
    "usePriority": TAKEN,  # every task has the same priority: the order is the same either way
    "asyncResponseTimeout": TAKEN,
    "topics": TAKEN,
    "sorting": [],  # oldest first, always
}
_TOPIC = {
    "topicName": TAKEN,
    "lockDuration": TAKEN,
    "variables": TAKEN,
    "deserializeValues": TAKEN,  # values are JSON either way
    "includeExtensionProperties": TAKEN,
    "localVariables": False,  # an instance's variables are one scope
    "withoutTenantId": TAKEN,  # no task has a tenant
    "businessKey": TAKEN,
    "processDefinitionKey": TAKEN,
    "processDefinitionKeyIn": TAKEN,
    "processVariables": {},
    "processDefinitionId": None,
    "processDefinitionIdIn": [],
    "processDefinitionVersionTag": None,
    "tenantIdIn": [],
}


@blp.post("/external-task/fetchAndLock")
@requires(OPERATE)
def fetch_and_lock():
    """Lock up to ``maxTasks`` tasks of the topics for the worker, oldest first; with
    ``asyncResponseTimeout``, wait for work that long (capped) before answering an empty list."""
    data = body(_FETCH)
    worker_id = _required_text(data, "workerId")
    most = _whole(data, "maxTasks", 0, None, required=True)
    timeout = _whole(data, "asyncResponseTimeout", 0, LONGEST_MS) or 0
    flag(data, "usePriority")
    topics = [_topic(t, i) for i, t in enumerate(_list(data, "topics"))]
    if most == 0 or not topics:
        return jsonify([])
    try:
        locked = engine().fetch_and_lock(
            worker_id, topics, min(most, MOST_TASKS), actor=g.caller.actor, party=g.caller.scope
        )
    except InvalidData as error:  # what the checks above let through, named as the engine names it
        raise refused_data(error) from None
    if not locked and timeout:
        long_poll = request.environ.get(ENVIRON_KEY)
        if long_poll is not None:
            long_poll.wait(timeout)  # raises to be tried again while the poll's time is not up
    with_properties = {t["name"] for t in topics if t["extension_properties"]}
    return jsonify([_locked(view, view.topic in with_properties) for view in locked])


def _topic(topic, index: int) -> dict:
    where = f"topics[{index}]."
    if not isinstance(topic, Mapping):
        raise refused(f"topics[{index}] must be a JSON object")
    properties(topic, _TOPIC, where)
    names = topic.get("variables")
    if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        raise refused(f"{where}variables must be a list of variable names, or null for all")
    flag(topic, "deserializeValues", where)
    flag(topic, "withoutTenantId", where)
    process_keys = topic.get("processDefinitionKeyIn") or None  # an empty list filters nothing
    if process_keys is not None and not (
        isinstance(process_keys, list) and all(isinstance(k, str) for k in process_keys)
    ):
        raise refused(f"{where}processDefinitionKeyIn must be a list of process definition keys")
    one_key = key_in(topic, "processDefinitionKey")
    if one_key is not None:  # both given: a task of that process, if it is among them
        process_keys = [k for k in (process_keys or [one_key]) if k == one_key]
    return {
        "name": _required_text(topic, "topicName", where),
        "lock_duration_ms": _whole(topic, "lockDuration", 1, LONGEST_LOCK_MS, where, required=True),
        "variables": names,
        "business_key": key_in(topic, "businessKey"),
        "process_keys": process_keys,
        "extension_properties": flag(topic, "includeExtensionProperties", where),
    }


def _locked(view: ExternalTaskView, with_properties: bool) -> dict:
    shape = {
        **_task(view),
        "variables": typed_variables(view.variables or {}),
        "errorDetails": view.error_details,
    }
    if with_properties:
        shape["extensionProperties"] = view.extension_properties or {}
    return shape


def _task(view: ExternalTaskView) -> dict:
    return {
        "activityId": view.element_id,
        "activityInstanceId": f"{view.element_id}:{view.id}",
        "errorMessage": view.error_message,
        "executionId": view.instance_id,
        "id": view.id,
        "lockExpirationTime": format_date(view.lock_expires_at) if view.lock_expires_at else None,
        "createTime": format_date(view.created_at),
        "processDefinitionId": shapes.definition_id(view.process_key, view.definition_version),
        "processDefinitionKey": view.process_key,
        "processDefinitionVersionTag": None,
        "processInstanceId": view.instance_id,
        "tenantId": None,
        "retries": view.retries,
        "suspended": False,
        "workerId": view.worker_id,
        "topicName": view.topic,
        "priority": 0,
        "businessKey": view.business_key,
    }


# ---- a locked task's outcome ---------------------------------------------------------------------------


_COMPLETE = {"workerId": TAKEN, "variables": TAKEN, "localVariables": TAKEN}


@blp.post("/external-task/<task_id>/complete")
@requires(OPERATE)
def complete_external_task(task_id):
    """The worker's work is done: ``variables`` merge into the instance, ``localVariables`` are the task's
    own, gone when it completes (kept in the audit trail); the instance moves on."""
    data = body(_COMPLETE)
    worker_id = _required_text(data, "workerId")
    values, local = variables(data, "variables"), variables(data, "localVariables")
    with _outcome(task_id):
        engine().complete_external_task(
            task_id, worker_id, values, local_variables=local, actor=g.caller.actor, party=g.caller.scope
        )
    return "", 204


_FAILURE = {
    "workerId": TAKEN,
    "errorMessage": TAKEN,
    "errorDetails": TAKEN,
    "retries": TAKEN,
    "retryTimeout": TAKEN,
}


@blp.post("/external-task/<task_id>/failure")
@requires(OPERATE)
def fail_external_task(task_id):
    """The work failed: the task is fetchable again after ``retryTimeout`` while ``retries`` are left; at 0
    an incident is opened on the instance."""
    data = body(_FAILURE)
    worker_id = _required_text(data, "workerId")
    message, details = _text(data, "errorMessage"), _text(data, "errorDetails")
    retries = _whole(data, "retries", 0, 2**31 - 1) or 0
    retry_timeout = _whole(data, "retryTimeout", 0, LONGEST_LOCK_MS) or 0
    with _outcome(task_id):
        engine().handle_external_task_failure(
            task_id,
            worker_id,
            error_message=message,
            error_details=details,
            retries=retries,
            retry_timeout_ms=retry_timeout,
            actor=g.caller.actor,
            party=g.caller.scope,
        )
    return "", 204


_BPMN_ERROR = {"workerId": TAKEN, "errorCode": TAKEN, "errorMessage": TAKEN, "variables": TAKEN}


@blp.post("/external-task/<task_id>/bpmnError")
@requires(OPERATE)
def throw_bpmn_error(task_id):
    """A business outcome the diagram models: the error boundary event with that errorCode catches it;
    nothing catching it opens an incident (``uncaught-error``)."""
    data = body(_BPMN_ERROR)
    worker_id = _required_text(data, "workerId")
    code, message = _required_text(data, "errorCode"), _text(data, "errorMessage")
    values = variables(data, "variables")
    with _outcome(task_id):
        engine().handle_external_task_bpmn_error(
            task_id,
            worker_id,
            code,
            error_message=message,
            variables=values,
            actor=g.caller.actor,
            party=g.caller.scope,
        )
    return "", 204


@blp.post("/external-task/<task_id>/extendLock")
@requires(OPERATE)
def extend_external_task_lock(task_id):
    data = body({"workerId": TAKEN, "newDuration": TAKEN})
    worker_id = _required_text(data, "workerId")
    duration = _whole(data, "newDuration", 1, LONGEST_LOCK_MS, required=True)
    with _outcome(task_id):
        engine().extend_external_task_lock(
            task_id, worker_id, duration, actor=g.caller.actor, party=g.caller.scope
        )
    return "", 204


@blp.post("/external-task/<task_id>/unlock")
@requires(OPERATE)
def unlock_external_task(task_id):
    body({})
    with _outcome(task_id):
        engine().unlock_external_task(task_id, actor=g.caller.actor, party=g.caller.scope)
    return "", 204


@contextmanager
def _outcome(task_id: str):
    """The engine's refusals of an action on a task, as Camunda answers them, its JSON Pointers moved to
    the request's names."""
    try:
        yield
    except NotFound as error:
        message = f"External task {task_id} does not exist: {error.detail}"
        raise CamundaError(404, "NotFoundException", message) from None
    except Conflict as error:  # locked by another worker, or by none
        raise CamundaError(400, BAD_USER_REQUEST, error.detail) from None
    except InvalidData as error:
        raise refused_data(error, *_REQUEST_NAMES) from None


# The engine's names of a worker's data (JSON Pointers), and the request's.
_REQUEST_NAMES = (
    ("/local_variables", "/localVariables"),
    ("/variables", "/variables"),
    ("/worker_id", "/workerId"),
    ("/error_code", "/errorCode"),
)


# ---- reading them ---------------------------------------------------------------------------------------


_LIST_FILTERS = {
    "externalTaskId": key,
    "topicName": key,
    "workerId": key,
    "locked": boolean,
    "notLocked": boolean,
    "processInstanceId": key,
    "active": boolean,
    "suspended": boolean,
    **PAGING,
}
_COUNT_FILTERS = {name: read for name, read in _LIST_FILTERS.items() if name not in PAGING}


@blp.get("/external-task")
@requires(READ)
def external_tasks():
    """The tasks instances wait at, oldest first, by topic, worker, lock and instance."""
    return jsonify([_task(view) for view in _matching(query(_LIST_FILTERS))])


@blp.get("/external-task/count")
@requires(READ)
def external_task_count():
    return jsonify({"count": len(_matching(query(_COUNT_FILTERS)))})


def _matching(params) -> list:
    if params.get("suspended") or (params.get("locked") and params.get("notLocked")):
        return []  # nothing is suspended; nothing is both
    if "externalTaskId" in params:
        try:
            found = [engine().get_external_task(params["externalTaskId"], party=g.caller.scope)]
        except NotFound:
            return []
        return [v for v in found if _matches(v, params)][params.get("firstResult", 0) :][
            : params.get("maxResults")
        ]
    locked = True if params.get("locked") else False if params.get("notLocked") else None
    return gathered(
        lambda limit, offset: engine().list_external_tasks(
            topic=params.get("topicName"),
            worker_id=params.get("workerId"),
            instance_id=params.get("processInstanceId"),
            locked=locked,
            limit=limit,
            offset=offset,
            party=g.caller.scope,
        ),
        params,
    )


def _matches(view: ExternalTaskView, params) -> bool:
    wanted = {"topicName": view.topic, "workerId": view.worker_id, "processInstanceId": view.instance_id}
    return all(params.get(name, value) == value for name, value in wanted.items())


def _one(task_id: str) -> ExternalTaskView:
    try:
        return engine().get_external_task(task_id, party=g.caller.scope)
    except NotFound:
        raise CamundaError(404, INVALID_REQUEST, f"External task with id {task_id} does not exist") from None


@blp.get("/external-task/<task_id>")
@requires(READ)
def external_task(task_id):
    query({})
    return jsonify(_task(_one(task_id)))


@blp.get("/external-task/<task_id>/errorDetails")
@requires(READ)
def error_details(task_id):
    """The details of the task's last failure, as text (empty when it has none)."""
    query({})
    return Response(_one(task_id).error_details or "", mimetype="text/plain")


# ---- reading a body's values ----------------------------------------------------------------------------


def _required_text(data: Mapping, name: str, where: str = "") -> str:
    value = key_in(data, name)
    if value is None or not value.strip():
        raise refused(f"{where}{name} is required")
    return value


def _text(data: Mapping, name: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise refused(f"{name} must be text")
    return value


def _whole(
    data: Mapping, name: str, low: int, high: int | None, where: str = "", *, required: bool = False
) -> int | None:
    value = data.get(name)
    if value is None:
        if required:
            raise refused(f"{where}{name} is required")
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < low
        or (high is not None and value > high)
    ):
        bound = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise refused(f"{where}{name} must be a whole number {bound}")
    return value


def _list(data: Mapping, name: str) -> list:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise refused(f"{name} must be a list")
    return value
