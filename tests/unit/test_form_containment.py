"""A form reaches nothing outside itself and no pattern in it can hold a worker: refused at deploy at the
form's own file, and contained when data is checked against it."""

from __future__ import annotations

import json
import socket
import time

import pytest

from engine.catalogue import forms

from .test_validation import check, user_task_diagram

EVIL = "^(a+)+$"  # Python's re takes minutes on 35 a's and a mismatch; RE2 takes microseconds
EVIL_INPUT = "a" * 35 + "!"


def problems_of(form: dict | bytes) -> list:
    data = form if isinstance(form, bytes) else json.dumps(form).encode()
    return check({"forms.bpmn": user_task_diagram("forms/form.json")}, {"forms/form.json": data})


@pytest.mark.parametrize(
    ("address", "keyword"),
    [
        ("http://127.0.0.1:9/schema.json", "$ref"),
        ("file:///etc/passwd", "$ref"),
        ("other.json#/$defs/name", "$ref"),
        ("https://json-schema.org/draft/2020-12/schema", "$ref"),
        ("http://127.0.0.1:9/meta#node", "$dynamicRef"),
    ],
)
def test_a_reference_outside_the_form_is_refused_at_the_form_naming_the_reference(address, keyword):
    form = {
        "type": "object",
        "properties": {"contact": {"type": "object", "properties": {"x": {keyword: address}}}},
    }

    (problem,) = problems_of(form)

    assert (problem.file, problem.line, problem.element_id) == ("forms/form.json", None, None)
    assert (
        f'{keyword} "{address}" at /properties/contact/properties/x points outside the form'
        in problem.message
    )


def test_references_inside_the_form_and_a_field_called_ref_are_accepted():
    form = {
        "$defs": {"email": {"type": "string", "format": "email"}},
        "type": "object",
        "properties": {
            "contact": {"$ref": "#/$defs/email"},
            "$ref": {"type": "string"},
            "self": {"$ref": "#"},
        },
    }

    assert problems_of(form) == []


def test_a_form_used_by_two_tasks_is_reported_once_at_the_form():
    source = user_task_diagram("forms/form.json").replace(
        "</bpmn:process>",
        '<bpmn:userTask id="Task_again" camunda:formKey="forms/form.json" />'
        '<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_fill" targetRef="Task_again" /></bpmn:process>',
    )
    form = json.dumps({"properties": {"a": {"$ref": "file:///etc/hostname"}}}).encode()

    problems = check({"forms.bpmn": source}, {"forms/form.json": form})

    assert [(p.file, p.message.split(" points")[0]) for p in problems] == [
        ("forms/form.json", '$ref "file:///etc/hostname" at /properties/a')
    ]


@pytest.mark.parametrize(
    ("form", "pointer"),
    [
        ({"properties": {"code": {"type": "string", "pattern": "^(?=x)x+$"}}}, "/properties/code/pattern"),
        ({"properties": {"code": {"pattern": "(a)\\1"}}}, "/properties/code/pattern"),
        ({"patternProperties": {"^(?!secret)": {"type": "string"}}}, "/patternProperties"),
    ],
)
def test_a_pattern_no_linear_time_engine_runs_is_refused_at_the_form(form, pointer):
    (problem,) = problems_of(form)

    assert problem.file == "forms/form.json"
    assert f"at {pointer} can not be checked in time linear in the data" in problem.message


def test_unevaluated_properties_with_pattern_properties_is_refused():
    form = {"patternProperties": {"^note_": {"type": "string"}}, "unevaluatedProperties": False}

    (problem,) = problems_of(form)

    assert "unevaluatedProperties together with patternProperties (at /patternProperties)" in problem.message


def test_a_nested_quantifier_is_deployable_because_it_runs_in_linear_time():
    assert problems_of({"properties": {"code": {"type": "string", "pattern": EVIL}}}) == []


def test_a_form_nested_beyond_reading_is_a_problem_not_a_crash():
    deep = b'{"items": ' * 100_000 + b"{}" + b"}" * 100_000

    (problem,) = problems_of(deep)

    assert problem.element_id == "Task_fill" and "nested deeper than a form can be" in problem.message


# --- checking data: the patterns run on RE2 -----------------------------------------------------------


def timed(schema: dict, data) -> tuple[list, float]:
    started = time.monotonic()
    errors = forms.field_errors(schema, data)
    return [(e.field, e.message) for e in errors], time.monotonic() - started


def test_a_nested_quantifier_against_35_characters_is_judged_at_once():
    errors, seconds = timed(
        {"properties": {"code": {"type": "string", "pattern": EVIL}}}, {"code": EVIL_INPUT}
    )

    assert errors == [("/code", f"{EVIL_INPUT!r} does not match {EVIL!r}")]
    assert seconds < 0.5


def test_field_names_are_matched_on_re2_for_pattern_properties_and_additional_properties():
    schema = {"patternProperties": {EVIL: {"type": "integer"}}, "additionalProperties": False}

    errors, seconds = timed(schema, {"aaaa": "four", EVIL_INPUT: 1})

    assert errors == [
        ("/aaaa", "'four' is not a whole number"),
        (f"/{EVIL_INPUT}", f"{EVIL_INPUT!r} is not a field of this form"),
    ]
    assert seconds < 0.5


def test_a_pattern_is_an_ecma_expression_not_a_python_one():
    # JSON Schema's \d is ECMA-262's: an ASCII digit; Python's re would also take an Arabic-Indic three.
    errors, _ = timed({"properties": {"n": {"pattern": "^\\d+$"}}}, {"n": "1٣"})

    assert [field for field, _ in errors] == ["/n"]


def test_a_regular_expression_given_as_data_is_judged_by_re2():
    errors, _ = timed({"properties": {"r": {"format": "regex"}}}, {"r": "(a)\\1"})

    assert [field for field, _ in errors] == ["/r"]


# --- a form that slipped through reaches nothing -------------------------------------------------------


def test_a_reference_to_a_listening_server_is_never_fetched():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        address = f"http://127.0.0.1:{listener.getsockname()[1]}/schema.json"

        errors, _ = timed({"properties": {"a": {"$ref": address}}}, {"a": 1})

        with pytest.raises(TimeoutError):
            listener.accept()
    assert errors == [
        ("", f"the form refers to {address!r}, which is not in the form: the form must be corrected")
    ]


def test_a_reference_to_a_local_file_is_never_opened(tmp_path):
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps({"type": "string", "description": "read from disk"}))

    errors, _ = timed({"properties": {"a": {"$ref": schema_file.as_uri()}}}, {"a": 1})

    assert [field for field, _ in errors] == [""]
    assert "not of type 'string'" not in errors[0][1]


def test_a_pattern_is_judged_by_re2_alone_at_deploy_and_when_data_is_checked():
    # Python's re has no \p{L}; RE2, which runs the pattern, reads it as any letter.
    form = {"properties": {"name": {"type": "string", "pattern": "^\\p{L}+( \\p{L}+)*$"}}}

    assert problems_of(form) == []
    assert timed(form, {"name": "Äijälä Öhman"})[0] == []
    assert [field for field, _ in timed(form, {"name": "Aino  Ajas!"})[0]] == ["/name"]


def test_a_required_field_the_form_does_not_have_is_refused_at_its_place():
    form = {
        "type": "object",
        "properties": {"contact_email": {"type": "string"}, "address": {"type": "object", "properties": {}}},
        "required": ["contact_mail", "contact_email"],  # renamed in properties, not here
    }
    form["properties"]["address"]["required"] = ["street"]
    messages = [p.message for p in problems_of(form)]
    assert len(messages) == 2
    assert messages[0].startswith('"contact_mail" is required at / but is not one of its properties')
    assert messages[1].startswith('"street" is required at /properties/address but is not one of')
