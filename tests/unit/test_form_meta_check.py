"""A form's meta-schema check: the fast check (jsonschema_rs) and jsonschema's agree on what is a JSON Schema,
and jsonschema says what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator, SchemaError

from engine.catalogue.forms import _nested_at_most, form_fault

FORMS = sorted((Path(__file__).parents[2] / "processes" / "forms").glob("*.json"))

REFUSED = [
    {"type": "strin"},
    {"properties": {"a": {"type": ["string", 3]}}},
    {"required": "name"},
    {"minLength": -1},
    {"properties": {"a": {"enum": []}}, "additionalProperties": "no"},
    {"$defs": {"x": {"type": "object", "properties": []}}},
    {"allOf": {}},
    {"dependentRequired": {"a": [1]}},
]


def _python_accepts(schema) -> bool:
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError:
        return False
    return True


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_every_form_of_the_catalogue_is_a_schema_to_both_checks(path):
    form = json.loads(path.read_text())
    assert jsonschema_rs.meta.is_valid(form) and _python_accepts(form)
    assert form_fault(path.read_bytes()) is None


@pytest.mark.parametrize("schema", REFUSED, ids=json.dumps)
def test_what_jsonschema_refuses_the_fast_check_refuses_and_jsonschema_words_it(schema):
    assert not _python_accepts(schema)
    assert not jsonschema_rs.meta.is_valid(schema)
    assert form_fault(json.dumps(schema).encode()).startswith("is not a valid JSON Schema: ")


def test_a_deeply_nested_form_is_left_to_jsonschema_whose_recursion_fails_cleanly(monkeypatch):
    # jsonschema_rs recurses on the native stack: 800 JSON levels overflowed a 256 KiB thread stack and took
    # the process down, so a form nested deeper than a few dozen levels never reaches it
    asked = []
    monkeypatch.setattr(jsonschema_rs.meta, "is_valid", lambda form: asked.append(form) or True)
    deep = ('{"properties": {"a": ' * 400 + '{"type": "object"}' + "}}" * 400).encode()
    said = form_fault(deep)
    assert asked == []
    assert said is None or said.startswith("is nested deeper than a form can be")
    shallow = {"properties": {"a": {"properties": {"b": {"type": "string"}}}}}
    assert form_fault(json.dumps(shallow).encode()) is None
    assert asked == [shallow]


@pytest.mark.parametrize(
    ("value", "depth", "within"),
    [({}, 0, True), ({"a": {}}, 0, False), ({"a": {}}, 1, True), ({"a": [{"b": 1}]}, 2, True),
     ({"a": [{"b": {}}]}, 2, False), ("text", 0, True)],
)  # fmt: skip
def test_nesting_is_counted_in_objects_and_arrays_below_the_top(value, depth, within):
    assert _nested_at_most(value, depth) is within
