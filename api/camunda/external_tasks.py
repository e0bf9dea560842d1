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

from engine import ConcurrentChange, Conflict, ExternalTaskView, InvalidData, NotFound

from ..auth import OPERATE, PERMISSIONS, READ, REPAIR, requires
from ..long_poll import ENVIRON_KEY, LONGEST_MS
from . import shapes
from .blueprint import blp, engine
from .errors import INVALID_REQUEST, CamundaError, concurrent_change, refused_data
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
    "localVariables": TAKEN,  # the task's own: none while it waits (no input parameters on service tasks)
    "withoutTenantId": TAKEN,  # no task has a tenant
    "businessKey": TAKEN,
    "processDefinitionKey": TAKEN,
    "processDefinitionKeyIn": TAKEN,
    "processVariables": TAKEN,
    "processDefinitionId": TAKEN,
    "processDefinitionIdIn": TAKEN,
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
            # raises to be tried again while the poll's time is not up: sooner when work of a topic comes
            long_poll.wait(timeout, topics=[t["name"] for t in topics])
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
    process_keys = _texts(topic, "processDefinitionKeyIn", where, "process definition keys")
    one_key = key_in(topic, "processDefinitionKey")
    if one_key is not None:  # both given: a task of that process, if it is among them
        process_keys = [k for k in (process_keys or [one_key]) if k == one_key]
    definitions = _texts(topic, "processDefinitionIdIn", where, "process definition ids")
    one_id = key_in(topic, "processDefinitionId")
    if one_id is not None:  # both given: that definition, if it is among them
        definitions = [d for d in (definitions or [one_id]) if d == one_id]
    holding = topic.get("processVariables")
    if holding is not None and not (
        isinstance(holding, Mapping)
        and all(v is None or isinstance(v, str | int | float | bool) for v in holding.values())
    ):
        raise refused(
            f"{where}processVariables must map variable names to plain values (text, numbers, booleans)"
        )
    return {
        "name": _required_text(topic, "topicName", where),
        "lock_duration_ms": _whole(topic, "lockDuration", 1, LONGEST_LOCK_MS, where, required=True),
        "variables": names,
        "business_key": key_in(topic, "businessKey"),
        "process_keys": process_keys,
        # an id that is no key:version names no definition: it fetches nothing, as an unknown id does
        "definitions": None
        if definitions is None
        else [parsed for d in definitions if (parsed := shapes.parse_definition_id(d)) is not None],
        "holding": dict(holding) if holding else None,
        "local_only": flag(topic, "localVariables", where),
        "extension_properties": flag(topic, "includeExtensionProperties", where),
    }


def _texts(data: Mapping, name: str, where: str, what: str) -> list[str] | None:
    """A list of keys or ids (an empty list, as none, filters nothing)."""
    value = data.get(name) or None
    if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise refused(f"{where}{name} must be a list of {what}")
    return value


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


# ---- an operator's changes -------------------------------------------------------------------------------


@blp.put("/external-task/<task_id>/retries")
@requires(OPERATE)
def set_retries(task_id):
    """The retries left: 0 holds the task back with an incident, as a worker's failure with none left does;
    more gives a task held back by an incident to the workers again and resolves the incident (an admin's
    repair, as a retry of the incident is: 403 for others). 204."""
    retries = _retries(body({"retries": TAKEN}))
    with _outcome(task_id):
        _set_retries([task_id], retries)
    return "", 204


@blp.put("/external-task/retries")
@requires(OPERATE)
def set_retries_of_many():
    """The same for several tasks by id, at once: all of them or, when one is unknown, none (404)."""
    data = body(
        {
            "retries": TAKEN,
            "externalTaskIds": TAKEN,
            "processInstanceIds": [],
            "externalTaskQuery": None,
            "processInstanceQuery": None,
            "historicProcessInstanceQuery": None,
        }
    )
    retries = _retries(data)
    ids = _texts(data, "externalTaskIds", "", "external task ids")
    if not ids:
        raise refused("externalTaskIds must name at least one external task (the subset sets retries by id)")
    with _outcome(None):
        _set_retries(ids, retries)
    return "", 204


def _retries(data: Mapping) -> int:
    if data.get("retries") is None:
        raise refused("retries is required: a whole number, 0 or more")
    return _whole(data, "retries", 0, 2**31 - 1)


def _set_retries(task_ids: list[str], retries: int) -> None:
    engine().set_external_task_retries(
        task_ids,
        retries,
        actor=g.caller.actor,
        party=g.caller.scope,
        may_resolve_incidents=REPAIR in PERMISSIONS[g.caller.role],
    )


@blp.put("/external-task/<task_id>/priority")
@requires(OPERATE)
def set_priority(task_id):
    """Every external task here has priority 0 (the engine keeps none): a change is refused, 400, once the
    task is known to exist."""
    body({"priority": TAKEN})
    _one(task_id)
    raise CamundaError(
        400,
        BAD_USER_REQUEST,
        f"Cannot set the priority of external task {task_id}: this engine keeps no priority for external "
        "tasks, every task has priority 0 and workers fetch the oldest first",
    )


@contextmanager
def _outcome(task_id: str | None):
    """The engine's refusals of an action on a task (on several: ``task_id`` None), as Camunda answers
    them, its JSON Pointers moved to the request's names."""
    try:
        yield
    except NotFound as error:
        named = f"External task {task_id}" if task_id is not None else "An external task of externalTaskIds"
        message = f"{named} does not exist: {error.detail}"
        raise CamundaError(404, "NotFoundException", message) from None
    except ConcurrentChange as error:  # another worker moved the instance past the task meanwhile
        raise concurrent_change(error) from None
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


def _key_list(text: str) -> list[str]:
    """A query parameter listing ids or keys, comma-separated (Camunda's ``…In`` parameters)."""
    return [key(part) for part in text.split(",")]


# The filters of a task list, by their query parameter's reader; the body of ``POST /external-task`` has
# the same names with JSON values (lists for the ``…In`` ones).
_FILTERS = {
    "externalTaskId": key,
    "externalTaskIdIn": _key_list,
    "topicName": key,
    "workerId": key,
    "locked": boolean,
    "notLocked": boolean,
    "withRetriesLeft": boolean,
    "noRetriesLeft": boolean,
    "activityId": key,
    "activityIdIn": _key_list,
    "executionId": key,  # an instance's one execution has the instance's id
    "processInstanceId": key,
    "processInstanceIdIn": _key_list,
    "processDefinitionId": key,
    "processDefinitionKey": key,
    "active": boolean,
    "suspended": boolean,
}
_LIST_FILTERS = {**_FILTERS, **PAGING}
_FLAGS = {"locked", "notLocked", "withRetriesLeft", "noRetriesLeft", "active", "suspended"}
_LISTS = {"externalTaskIdIn", "activityIdIn", "processInstanceIdIn"}
# In a query's body: the order is always the oldest first, so a sorting that says so is taken.
_OLDEST_FIRST = [{"sortBy": "createTime", "sortOrder": "asc"}]


@blp.get("/external-task")
@requires(READ)
def external_tasks():
    """The tasks instances wait at, oldest first, by id, topic, worker, lock, retries, activity, instance
    and definition."""
    return jsonify([_task(view) for view in _matching(query(_LIST_FILTERS))])


@blp.get("/external-task/count")
@requires(READ)
def external_task_count():
    return jsonify({"count": len(_matching(query(_FILTERS)))})


@blp.post("/external-task")
@requires(READ)
def query_external_tasks():
    """The same list, its filters in the body (paging in the query), as Camunda's query by POST."""
    return jsonify([_task(view) for view in _matching({**_filters_in_body(), **query(PAGING)})])


@blp.post("/external-task/count")
@requires(READ)
def query_external_task_count():
    params = _filters_in_body()
    query({})
    return jsonify({"count": len(_matching(params))})


def _filters_in_body() -> dict:
    data = body({**{name: TAKEN for name in _FILTERS}, "sorting": TAKEN})
    sorting = data.pop("sorting", None)
    if sorting not in (None, [], *([s] for s in _OLDEST_FIRST)):
        raise refused('"sorting" is not supported by this engine: tasks come oldest first (createTime asc)')
    params = {}
    for name, value in data.items():
        if value is None:
            continue
        if name in _FLAGS:
            params[name] = flag(data, name)
        elif name in _LISTS:  # an empty list, as none, filters nothing
            listed = _texts(data, name, "", "ids")
            if listed is not None:
                params[name] = listed
        else:
            params[name] = key_in(data, name)
    return params


def _matching(params) -> list:
    """The tasks the filters find: flags count only when true (false filters nothing, as in Camunda)."""
    if params.get("suspended") or (params.get("locked") and params.get("notLocked")):
        return []  # nothing is suspended; nothing is both
    if params.get("withRetriesLeft") and params.get("noRetriesLeft"):
        return []
    task_ids = _both(params, "externalTaskId", "externalTaskIdIn")
    element_ids = _both(params, "activityId", "activityIdIn")
    instance_ids = _both(params, "processInstanceId", "processInstanceIdIn")
    instance_ids = _both({**params, "in": instance_ids}, "executionId", "in")
    definition = None
    if "processDefinitionId" in params:
        definition = shapes.parse_definition_id(params["processDefinitionId"])
        if definition is None:
            return []  # no definition has such an id
    if [] in (task_ids, element_ids, instance_ids):
        return []  # an id given twice that differs, or an empty list: nothing is both
    locked = True if params.get("locked") else False if params.get("notLocked") else None
    retries_left = True if params.get("withRetriesLeft") else False if params.get("noRetriesLeft") else None
    return gathered(
        lambda limit, offset: engine().list_external_tasks(
            topic=params.get("topicName"),
            worker_id=params.get("workerId"),
            instance_id=instance_ids,
            process_key=params.get("processDefinitionKey"),
            task_ids=task_ids,
            element_ids=element_ids,
            retries_left=retries_left,
            definition=definition,
            locked=locked,
            limit=limit,
            offset=offset,
            party=g.caller.scope,
        ),
        params,
    )


def _both(params, one: str, many: str) -> list[str] | None:
    """The ids a filter and its ``…In`` list allow together (None: any)."""
    allowed = None
    if params.get(many) is not None:
        allowed = list(params[many])
    if params.get(one) is not None:
        allowed = [params[one]] if allowed is None or params[one] in allowed else []
    return allowed


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
