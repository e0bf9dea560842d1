"""One name per concept: the OpenAPI document is walked and every schema property and parameter that names a
known concept must use the concept's one name; actions are POST verbs on the thing they act on."""

from __future__ import annotations

import re

import pytest

from .conftest import auth

# concept: (its one name, the other names a schema could give it)
CONCEPTS = {
    "process key": (
        "process_key",
        {"key", "processKey", "process_definition_key", "definition_key", "process_id"},
    ),
    "message name": ("name", {"message_name", "messageName"}),
    "instance id": ("instance_id", {"instanceId", "process_instance_id", "processInstanceId"}),
    "task id": ("task_id", {"taskId"}),
    "business key": ("business_key", {"businessKey"}),
    "element id": ("element_id", {"elementId", "activity_id", "activityId", "node_id"}),
    "refused field": ("field", {"path", "pointer", "field_path", "location"}),
}
OTHER_NAME = {alias: concept for concept, (_, aliases) in CONCEPTS.items() for alias in aliases}


@pytest.fixture
def spec(client) -> dict:
    return client.get("/openapi.json").get_json()


def named_things(spec: dict):
    """(where, name) of every property of every schema, nested ones included, and of every parameter."""
    for schema_name, schema in spec["components"]["schemas"].items():
        yield from _properties(schema_name, schema)
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            # path-wide parameters are a list under "parameters"; an operation's own are in the operation
            parameters = operation if method == "parameters" else operation.get("parameters", [])
            for parameter in parameters:
                yield f"{method.upper()} {path} ({parameter['in']})", parameter["name"]
        for placeholder in re.findall(r"{([^}]+)}", path):
            yield f"path {path}", placeholder


def _properties(where: str, schema):
    if not isinstance(schema, dict):
        return
    for name, prop in schema.get("properties", {}).items():
        yield where, name
        yield from _properties(f"{where}.{name}", prop)
        yield from _properties(f"{where}.{name}[]", prop.get("items", {}))


def test_every_schema_and_parameter_names_each_concept_by_its_one_name(spec):
    named = list(named_things(spec))
    assert len(named) > 100  # the walk reaches the whole document

    differently = [
        f"{where}: {name!r} is the {concept}, named {CONCEPTS[concept][0]!r} everywhere else"
        for where, name in named
        if (concept := OTHER_NAME.get(name))
    ]
    assert differently == []
    used = {name for _, name in named}
    assert {one for one, _ in CONCEPTS.values()} <= used  # the list names what the document really says


def test_the_walk_finds_a_concept_named_differently():
    """The check can fail: a schema that calls the process key "key" is caught."""
    spec = {
        "components": {"schemas": {"Definition": {"properties": {"key": {}, "messages": {"items": {
            "properties": {"message_name": {}}}}}}}},
        "paths": {"/process-definitions/{key}": {"get": {"parameters": [{"in": "path", "name": "key"}]}}},
    }  # fmt: skip
    found = [(where, name) for where, name in named_things(spec) if name in OTHER_NAME]
    assert found == [
        ("Definition", "key"),
        ("Definition.messages[]", "message_name"),
        ("GET /process-definitions/{key} (path)", "key"),
        ("path /process-definitions/{key}", "key"),
    ]


def test_actions_are_posts_of_a_verb_and_nothing_is_deleted_or_replaced(spec):
    methods = {
        method for operations in spec["paths"].values() for method in operations if method != "parameters"
    }
    assert methods <= {"get", "post"}
    for path, operations in spec["paths"].items():
        if "post" in operations and path.endswith("}"):
            pytest.fail(f"POST {path}: an action on one thing is POST …/{{id}}/<verb>")
    assert "post" in spec["paths"]["/api/v1/process-instances/{instance_id}/cancel"]


def test_every_refused_field_is_a_json_pointer_in_a_named_part_of_the_request(spec):
    field_error = spec["components"]["schemas"]["FieldError"]
    assert sorted(field_error["required"]) == ["field", "in", "message"]
    assert set(field_error["properties"]["in"]["enum"]) == {"body", "query", "header", "path"}
    problem = spec["components"]["schemas"]["Problem"]
    assert problem["properties"]["errors"]["items"] == {"$ref": "#/components/schemas/FieldError"}


def test_an_instance_error_is_typed_by_a_stable_word(spec):
    error = spec["components"]["schemas"]["InstanceError"]
    assert error["properties"]["type"]["enum"] == [
        "script-failure",
        "definition-fault",
        "script-timeout",
        "limit-exceeded",
        "unstorable-value",
        "uncaught-error",
        "timer-failure",
        "message-undelivered",
    ]


def test_permissions_are_machine_names(client):
    me = client.get("/api/v1/me", headers=auth("admin")).get_json()
    assert me["permissions"] == ["deploy", "move_clock", "operate", "read", "repair"]
    assert all(re.fullmatch(r"[a-z_]+", permission) for permission in me["permissions"])


def test_the_old_cancel_route_is_gone(client, start):
    instance = start()
    response = client.delete(f"/api/v1/process-instances/{instance['id']}", headers=auth("admin"))
    assert response.status_code == 405
    assert "POST" not in response.headers["Allow"] and "GET" in response.headers["Allow"]
