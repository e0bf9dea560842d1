import pytest

from engine.catalogue import forms
from engine.problems import InvalidData

BUSINESS_ID_FORM = {
    "type": "object",
    "properties": {
        "business_id": {"type": "string", "format": "fi-business-id"},
        "access_point_oid": {"type": "string", "format": "oid", "pattern": r"^1\.2\.246\."},
        "test_date": {"type": "string", "format": "date"},
    },
    "required": ["business_id"],
    "additionalProperties": False,
}


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "0201256-6"])
def test_business_ids_with_a_right_check_digit_pass(value):
    assert forms.is_business_id(value)


@pytest.mark.parametrize(
    "value", ["0737546-3", "1234567", "123456-7", "12345678-9", "abcdefg-1", "0000010-1"]
)
def test_business_ids_with_a_wrong_check_digit_or_shape_fail(value):
    assert not forms.is_business_id(value)


def test_field_errors_name_each_field():
    with pytest.raises(InvalidData) as refused:
        forms.validate(
            BUSINESS_ID_FORM,
            {"business_id": "0737546-3", "access_point_oid": "1.2.246.x", "test_date": "31.12.2026", "x": 1},
            "task",
        )
    assert {e.field for e in refused.value.errors} == {
        "business_id",
        "access_point_oid",
        "test_date",
        "(form)",
    }


def test_missing_required_field_is_named():
    with pytest.raises(InvalidData) as refused:
        forms.validate(BUSINESS_ID_FORM, {}, "task")
    assert [e.field for e in refused.value.errors] == ["business_id"]


def test_valid_data_passes():
    forms.validate(
        BUSINESS_ID_FORM,
        {
            "business_id": "0737546-2",
            "access_point_oid": "1.2.246.537.6.918.18.10.13.1",
            "test_date": "2026-12-31",
        },
        "task",
    )


def test_format_errors_say_what_the_value_should_look_like():
    with pytest.raises(InvalidData) as refused:
        forms.validate(BUSINESS_ID_FORM, {"business_id": "0737546-3", "test_date": "31.12.2026"}, "task")
    messages = {e.field: e.message for e in refused.value.errors}
    assert messages["business_id"] == (
        "'0737546-3' is not a valid business ID (Y-tunnus): seven digits, a hyphen, the right check digit"
    )
    assert messages["test_date"] == "'31.12.2026' is not a date written YYYY-MM-DD"
