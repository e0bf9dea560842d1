"""A date field takes a plausible date: 2000–2100 unless its form says otherwise with formatMinimum and
formatMaximum, so a date typed "1.9.26" and read as year 26 is refused, naming the field; bounds that are
no dates are refused at deploy at the form's file."""

from __future__ import annotations

import pytest

from engine.catalogue import forms

from .test_form_containment import problems_of

FORM = {
    "type": "object",
    "properties": {
        "contacted_on": {"type": "string", "format": "date"},
        "decided_on": {
            "type": "string",
            "format": "date",
            "formatMinimum": "2026-01-01",
            "formatMaximum": "2026-12-31",
        },
    },
}


def messages(data: dict) -> dict[str, str]:
    return {error.field: error.message for error in forms.field_errors(FORM, data, "/data")}


@pytest.mark.parametrize("value", ["0026-12-20", "1999-12-31", "2101-01-01", "9999-01-01"])
def test_a_date_outside_2000_to_2100_is_refused_by_default_naming_the_field(value):
    (field,) = messages({"contacted_on": value})
    assert field == "/data/contacted_on"


def test_the_refusal_says_the_date_and_the_range_as_a_finnish_reader_writes_them():
    said = messages({"contacted_on": "0026-12-20", "decided_on": "2027-01-05"})
    assert said == {
        "/data/contacted_on": "20.12.0026 is earlier than this field takes: give a date from 1.1.2000 on",
        "/data/decided_on": "5.1.2027 is later than this field takes: give a date until 31.12.2026",
    }


@pytest.mark.parametrize("value", ["2000-01-01", "2026-09-01", "2100-12-31"])
def test_a_date_in_the_range_passes_and_the_bounds_are_inclusive(value):
    assert messages({"contacted_on": value}) == {}


def test_a_field_s_own_bounds_replace_the_default_ones():
    assert messages({"decided_on": "2026-01-01"}) == {}
    assert messages({"decided_on": "2026-12-31"}) == {}
    assert set(messages({"decided_on": "2025-12-31"})) == {"/data/decided_on"}


def test_a_date_that_is_no_date_is_refused_as_such_not_as_out_of_range():
    assert messages({"contacted_on": "1.9.2026"}) == {
        "/data/contacted_on": "'1.9.2026' is not a date written YYYY-MM-DD"
    }


@pytest.mark.parametrize(
    ("field", "said"),
    [
        ({"type": "string", "formatMinimum": "2026-01-01"}, 'give the field "format": "date"'),
        (
            {"type": "string", "format": "date", "formatMaximum": "1.1.2030"},
            "is not a date written YYYY-MM-DD",
        ),
        ({"type": "string", "format": "date", "formatMinimum": 2026}, "is not a date written YYYY-MM-DD"),
        (
            {
                "type": "string",
                "format": "date",
                "formatMinimum": "2030-01-01",
                "formatMaximum": "2029-01-01",
            },
            "takes no date",
        ),
        ({"type": "string", "format": "date", "formatMinimum": "2101-01-01"}, "takes no date"),
    ],
)
def test_bounds_that_bound_no_date_are_refused_at_deploy_at_the_form(field, said):
    (problem,) = problems_of({"type": "object", "properties": {"day": field}})
    assert problem.file == "forms/form.json"
    assert "/properties/day" in problem.message and said in problem.message


def test_bounds_on_a_date_field_deploy():
    assert problems_of({"type": "object", "properties": {"day": FORM["properties"]["decided_on"]}}) == []
