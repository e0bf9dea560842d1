"""``/process-instance``: the instances that have not ended (Camunda's runtime view: one stopped by an
incident is still there), their variables, and deleting one, which cancels it."""

from __future__ import annotations

from flask import g, jsonify

from engine import InstanceStatus, NotFound

from ..auth import OPERATE, READ, reader, requires
from . import shapes
from .blueprint import blp, engine
from .errors import INVALID_REQUEST, CamundaError
from .requests import PAGING, boolean, gathered, key, query
from .variables import typed_value, typed_variables

_LIST_FILTERS = {
    "businessKey": key,
    "processDefinitionKey": key,
    "active": boolean,
    "suspended": boolean,
    "withIncident": boolean,
    **PAGING,
}
_COUNT_FILTERS = {name: read for name, read in _LIST_FILTERS.items() if name not in PAGING}


@blp.get("/process-instance")
@requires(READ)
def instances():
    """Instances that have not ended, newest first; ``withIncident=true``: those stopped by an error."""
    return jsonify([shapes.instance(view) for view in _matching(query(_LIST_FILTERS))])


@blp.get("/process-instance/count")
@requires(READ)
def instance_count():
    return jsonify({"count": len(_matching(query(_COUNT_FILTERS)))})


def _matching(params) -> list:
    if params.get("suspended") is True:  # nothing is ever suspended
        return []
    # active=true filters nothing: no instance is suspended (a false filter is no filter, as in Camunda)
    statuses = (InstanceStatus.ERROR,) if params.get("withIncident") else shapes.RUNTIME
    return gathered(
        lambda limit, offset: engine().list_instances(
            process_key=params.get("processDefinitionKey"),
            status=tuple(str(s) for s in statuses),
            business_key=params.get("businessKey"),
            limit=limit,
            offset=offset,
            party=g.caller.scope,
        ),
        params,
    )


def running(instance_id: str):
    """The instance, while it has not ended; Camunda's 404 otherwise."""
    try:
        view = engine().get_instance(instance_id, party=g.caller.scope, reader=reader())
    except NotFound:
        view = None
    if view is None or view.status in shapes.ENDED:
        raise CamundaError(404, INVALID_REQUEST, f"Process instance with id {instance_id} does not exist")
    return view


@blp.get("/process-instance/<instance_id>")
@requires(READ)
def instance(instance_id):
    query({})
    return jsonify(shapes.instance(running(instance_id)))


@blp.get("/process-instance/<instance_id>/variables")
@requires(READ)
def variables(instance_id):
    query({"deserializeValues": boolean})  # values are JSON either way
    return jsonify(typed_variables(running(instance_id).variables))


@blp.get("/process-instance/<instance_id>/variables/<name>")
@requires(READ)
def variable(instance_id, name):
    query({"deserializeValue": boolean})
    values = running(instance_id).variables
    if name not in values:
        message = f"process instance variable with name {name} does not exist"
        raise CamundaError(404, INVALID_REQUEST, message)
    return jsonify(typed_value(values[name]))


@blp.delete("/process-instance/<instance_id>")
@requires(OPERATE)
def delete(instance_id):
    """Cancel the instance (its open tasks, messages and timers are dropped; it stays readable in
    /api/v1 with its history); ``failIfNotExists=false`` answers 204 for one that is gone."""
    params = query(
        {
            "skipCustomListeners": boolean,  # no listeners run here
            "skipIoMappings": boolean,  # nor input/output mappings
            "skipSubprocesses": boolean,  # a called process runs inside its caller's instance
            "failIfNotExists": boolean,
        }
    )
    try:
        running(instance_id)
    except CamundaError:
        if params.get("failIfNotExists", True):
            raise
        return "", 204
    engine().cancel_instance(instance_id, actor=g.caller.actor, party=g.caller.scope)
    return "", 204
