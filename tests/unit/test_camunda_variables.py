"""Camunda's typed variables to the engine's JSON values and back (api/camunda/variables.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from api.camunda.variables import (
    VariableRefused,
    format_date,
    plain_variables,
    typed_value,
    typed_variables,
)


def test_each_type_reads_as_the_json_value_the_engine_keeps():
    typed = {
        "s": {"value": "teksti", "type": "String"},
        "b": {"value": False, "type": "Boolean"},
        "b_text": {"value": "TRUE", "type": "boolean"},  # Camunda's type names are not case-sensitive
        "i": {"value": -(2**31), "type": "Integer"},
        "i_text": {"value": "42", "type": "Integer"},
        "l": {"value": 2**63 - 1, "type": "Long"},
        "d": {"value": 1, "type": "Double"},
        "date": {"value": "2026-01-05T09:00:00.000+0200", "type": "Date"},
        "j": {"value": '[{"a": null}]', "type": "Json"},
        "o": {
            "value": '{"a": 1}',
            "type": "Object",
            "valueInfo": {"serializationDataFormat": "application/json"},
        },
        "n": {"value": None, "type": "Null"},
        "typed_null": {"value": None, "type": "Integer"},
        "guessed": {"value": {"k": [1.5]}},
    }
    assert plain_variables(typed, "variables") == {
        "s": "teksti",
        "b": False,
        "b_text": True,
        "i": -(2**31),
        "i_text": 42,
        "l": 2**63 - 1,
        "d": 1.0,
        "date": "2026-01-05T09:00:00+02:00",
        "j": [{"a": None}],
        "o": {"a": 1},
        "n": None,
        "typed_null": None,
        "guessed": {"k": [1.5]},
    }


@pytest.mark.parametrize(
    "entry",
    [
        {"value": True, "type": "Integer"},
        {"value": 1.5, "type": "Long"},
        {"value": 2**63, "type": "Long"},
        {"value": "NaN", "type": "Double"},
        {"value": 1, "type": "String"},
        {"value": "2026-01-05", "type": "Date"},
        {"value": "2026-01-05T09:00:00", "type": "Date"},  # no offset: which moment is it?
        {"value": 5, "type": "Json"},
        {"value": "x", "type": "File"},
        "not an object",
    ],
)
def test_a_value_its_type_does_not_hold_is_refused_naming_the_variable(entry):
    with pytest.raises(VariableRefused) as refused:
        plain_variables({"x": entry}, "variables")
    assert refused.value.name == "variables.x"


def test_values_go_out_typed_by_their_json_kind():
    assert {name: (v["type"], v["value"]) for name, v in typed_variables(
        {"s": "a", "b": True, "i": 7, "l": 2**40, "d": 0.5, "j": {"a": [1]}, "list": [], "n": None}
    ).items()} == {
        "s": ("String", "a"),
        "b": ("Boolean", True),
        "i": ("Integer", 7),
        "l": ("Long", 2**40),
        "d": ("Double", 0.5),
        "j": ("Json", '{"a": [1]}'),
        "list": ("Json", "[]"),
        "n": ("Null", None),
    }  # fmt: skip
    assert typed_value(None, "Boolean") == {"type": "Boolean", "value": None, "valueInfo": {}}


def test_dates_are_written_in_camundas_format():
    helsinki = timezone(timedelta(hours=2))
    assert (
        format_date(datetime(2026, 1, 5, 9, 0, 1, 123456, tzinfo=helsinki)) == "2026-01-05T09:00:01.123+0200"
    )
    assert format_date(datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) == "2026-01-05T09:00:00.000+0000"
    assert typed_value(datetime(2026, 1, 5, tzinfo=UTC))["value"] == "2026-01-05T00:00:00.000+0000"
