"""``/process-definition``: the deployed processes, one's BPMN XML, and starting an instance by key."""

from __future__ import annotations

from flask import g, jsonify

from engine import NotFound

from ..auth import OPERATE, READ, reader, requires
from . import shapes
from .blueprint import blp, engine
from .errors import REST, CamundaError
from .requests import PAGING, TAKEN, body, boolean, count, flag, key, key_in, query, variables

_LIST_FILTERS = {
    "key": key,
    "name": str,
    "version": count,
    "latestVersion": boolean,
    "active": boolean,
    "suspended": boolean,
    **PAGING,
}


@blp.get("/process-definition")
@requires(READ)
def definitions():
    """Every version of every process (``latestVersion=true``: the latest of each), by key and version."""
    params = query(_LIST_FILTERS)
    if params.get("suspended") is True:  # nothing is ever suspended
        return jsonify([])
    latest = engine().list_definitions()
    if "key" in params:
        latest = [d for d in latest if d.process_key == params["key"]]
    views = (
        latest
        if params.get("latestVersion")
        else [version for d in latest for version in engine().definition_versions(d.process_key)]
    )
    views = [
        v
        for v in views
        if params.get("name", v.name) == v.name and params.get("version", v.version) == v.version
    ]
    first = params.get("firstResult", 0)
    last = first + params["maxResults"] if "maxResults" in params else None
    return jsonify([shapes.definition(v) for v in views[first:last]])


def _by_key(key: str):
    try:
        return engine().get_definition(key)
    except NotFound:
        message = f"No matching process definition with key: {key} and no tenant-id"
        raise CamundaError(404, REST, message) from None


def _by_id(definition_id: str):
    parsed = shapes.parse_definition_id(definition_id)
    try:
        if parsed is None:
            raise NotFound(definition_id)
        return engine().get_definition(*parsed)
    except NotFound:
        raise CamundaError(404, REST, f"No matching definition with id {definition_id}") from None


@blp.get("/process-definition/key/<process_key:key>")
@requires(READ)
def definition_by_key(key):
    return jsonify(shapes.definition(_by_key(key)))


@blp.get("/process-definition/<definition_id>")
@requires(READ)
def definition_by_id(definition_id):
    return jsonify(shapes.definition(_by_id(definition_id)))


@blp.get("/process-definition/key/<process_key:key>/xml")
@requires(READ)
def xml_by_key(key):
    return _xml(_by_key(key))


@blp.get("/process-definition/<definition_id>/xml")
@requires(READ)
def xml_by_id(definition_id):
    return _xml(_by_id(definition_id))


def _xml(view):
    source = engine().definition_source(view.process_key, view.version)
    return jsonify({"id": shapes.definition_id(view.process_key, view.version), "bpmn20Xml": source})


_START = {
    "variables": TAKEN,
    "businessKey": TAKEN,
    "withVariablesInReturn": TAKEN,
    "skipCustomListeners": TAKEN,  # no listeners run here (deploy refuses them)
    "skipIoMappings": TAKEN,  # nor input/output mappings
    "startInstructions": [],
    "caseInstanceId": None,
}


@blp.post("/process-definition/key/<process_key:key>/start")
@requires(OPERATE)
def start(key):
    """Start the latest version of the process with a business key and typed variables."""
    data = body(_START)
    business_key, returned = key_in(data, "businessKey"), flag(data, "withVariablesInReturn")
    values = variables(data, "variables")
    _by_key(key)  # Camunda's 404 for an unknown key, before anything else is judged
    view = engine().start_instance(
        key,
        actor=g.caller.actor,
        party=g.caller.scope,
        business_key=business_key,
        variables=values,
        reader=reader() if returned else None,  # the answer shows the variables: a read, logged
    )
    return jsonify(shapes.instance(view, with_variables=returned))
