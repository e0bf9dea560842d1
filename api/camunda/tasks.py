"""``/task``: the ready human tasks, one task, its form's variables, and completing it with typed variables.

A task's candidate group is its lane (the engine keeps who does a task as the lane it is drawn in); no
task has an assignee or an owner, so asking for one finds none."""

from __future__ import annotations

from flask import g, jsonify

from engine import InvalidData, NotFound

from ..auth import OPERATE, READ, reader, requires
from . import shapes
from .blueprint import blp, engine
from .errors import INVALID_REQUEST, CamundaError, refused_data
from .requests import PAGING, TAKEN, body, boolean, flag, gathered, key, query, variables
from .variables import form_field_type, type_of, typed_value, typed_variables

_LIST_FILTERS = {
    "processInstanceId": key,
    "processInstanceBusinessKey": key,
    "processDefinitionKey": key,
    "taskDefinitionKey": key,
    "candidateGroup": key,
    "assignee": key,
    "owner": key,
    "unassigned": boolean,
    "active": boolean,
    "suspended": boolean,
    **PAGING,
}
_COUNT_FILTERS = {name: read for name, read in _LIST_FILTERS.items() if name not in PAGING}


@blp.get("/task")
@requires(READ)
def tasks():
    """Ready tasks, oldest first, by instance, business key, process, task definition key and lane."""
    return jsonify([shapes.task(view) for view in _matching(query(_LIST_FILTERS))])


@blp.get("/task/count")
@requires(READ)
def task_count():
    return jsonify({"count": len(_matching(query(_COUNT_FILTERS)))})


def _matching(params) -> list:
    if params.get("suspended") is True or "assignee" in params or "owner" in params:
        return []  # nothing is suspended, assigned or owned
    return gathered(
        lambda limit, offset: engine().list_tasks(
            instance_id=params.get("processInstanceId"),
            business_key=params.get("processInstanceBusinessKey"),
            process_key=params.get("processDefinitionKey"),
            element_id=params.get("taskDefinitionKey"),
            lane=params.get("candidateGroup"),
            limit=limit,
            offset=offset,
            party=g.caller.scope,
        ),
        params,
    )


def ready(task_id: str):
    try:
        return engine().get_task(task_id, party=g.caller.scope, reader=reader())
    except NotFound:
        raise CamundaError(404, INVALID_REQUEST, f"No matching task with id {task_id}") from None


@blp.get("/task/<task_id>")
@requires(READ)
def task(task_id):
    query({})
    return jsonify(shapes.task(ready(task_id)))


@blp.get("/task/<task_id>/form-variables")
@requires(READ)
def form_variables(task_id):
    """The task's form fields, each typed by its JSON Schema type and holding the value the task starts
    from (a typed null when it has none); a task with no form answers every variable it sees."""
    params = query({"variableNames": str, "deserializeValues": boolean})
    view = ready(task_id)
    data = view.data or {}
    if view.form is None:
        found = typed_variables(data)
    else:
        found = {
            name: typed_value(data.get(name), _field_type(schema, data.get(name)))
            for name, schema in (view.form.get("properties") or {}).items()
        }
    if "variableNames" in params:
        wanted = set(params["variableNames"].split(","))
        found = {name: value for name, value in found.items() if name in wanted}
    return jsonify(found)


def _field_type(schema, value) -> str:
    if value is not None:
        return type_of(value)
    return (form_field_type(schema) if isinstance(schema, dict) else None) or "Null"


_COMPLETE = {"variables": TAKEN, "withVariablesInReturn": TAKEN}


@blp.post("/task/<task_id>/complete")
@requires(OPERATE)
def complete(task_id):
    """Complete the task with typed variables its form accepts: 204, or 200 with the instance's variables
    (``withVariablesInReturn``)."""
    return _complete(task_id)


@blp.post("/task/<task_id>/submit-form")
@requires(OPERATE)
def submit_form(task_id):
    """Camunda's Tasklist completes a task with a form this way; here it is the same as complete."""
    return _complete(task_id)


def _complete(task_id: str):
    data = body(_COMPLETE)
    values, returned = variables(data, "variables"), flag(data, "withVariablesInReturn")
    try:
        view = engine().complete_task(
            task_id, values, actor=g.caller.actor, party=g.caller.scope, reader=reader() if returned else None
        )
    except NotFound:
        raise CamundaError(404, INVALID_REQUEST, f"Cannot find task with id {task_id}") from None
    except InvalidData as error:
        raise refused_data(error, ("/data", "/variables")) from None
    if returned:
        return jsonify(typed_variables(view.variables))
    return "", 204
