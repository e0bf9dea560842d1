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
            "the data for task",
            at="/data",
        )
    assert {e.field for e in refused.value.errors} == {
        "/data/business_id",
        "/data/access_point_oid",
        "/data/test_date",
        "/data/x",
    }
    assert refused.value.detail.startswith("the data for task does not satisfy its form (/data/")


def test_missing_required_field_is_named():
    with pytest.raises(InvalidData) as refused:
        forms.validate(BUSINESS_ID_FORM, {}, "task")
    assert [e.field for e in refused.value.errors] == ["/business_id"]


PERSON_FORM = {
    "type": "object",
    "properties": {
        "owner's name": {"type": "string"},
        "organisation_name": {"type": "string"},
        "contact": {
            "type": "object",
            "properties": {"email": {"type": "string", "format": "email"}, "phone": {"type": "string"}},
            "required": ["email", "phone"],
            "additionalProperties": False,
        },
        "has_patient_system": {"type": "boolean"},
        "patient_system": {"type": "string"},
    },
    "patternProperties": {"^note_": {"type": "string"}},
    "required": ["owner's name", "organisation_name", "contact"],
    "dependentRequired": {"has_patient_system": ["patient_system"]},
    "additionalProperties": False,
}


def _errors(schema, data) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in forms.field_errors(schema, data)]


def test_every_missing_field_is_an_error_of_its_own_at_its_own_path():
    assert _errors(PERSON_FORM, {"contact": {"email": "tuki@ajas.example"}}) == [
        ("/contact/phone", "'phone' is a required field"),
        ("/organisation_name", "'organisation_name' is a required field"),
        ("/owner's name", '"owner\'s name" is a required field'),
    ]


def test_every_unexpected_field_is_an_error_of_its_own_and_a_pattern_property_is_expected():
    data = {
        "owner's name": "Aino",
        "organisation_name": "Ajas Oy",
        "contact": {"email": "tuki@ajas.example", "phone": "040 123", "fax": "09 1"},
        "note_1": "called on Monday",
        "extra": 1,
        "another": 2,
    }
    assert _errors(PERSON_FORM, data) == [
        ("/another", "'another' is not a field of this form"),
        ("/contact/fax", "'fax' is not a field of this form"),
        ("/extra", "'extra' is not a field of this form"),
    ]


def test_a_field_required_by_another_is_named_when_the_other_is_given():
    data = {
        "owner's name": "Aino",
        "organisation_name": "Ajas Oy",
        "contact": {"email": "a@b.fi", "phone": "1"},
    }
    assert _errors(PERSON_FORM, data) == []
    assert _errors(PERSON_FORM, {**data, "has_patient_system": True}) == [
        ("/patient_system", "'patient_system' is required when 'has_patient_system' is given")
    ]


def test_a_value_error_inside_an_object_names_its_path_and_data_that_is_no_object_names_the_form():
    data = {"owner's name": "Aino", "organisation_name": "Ajas Oy", "contact": {"email": "no", "phone": "1"}}
    assert _errors(PERSON_FORM, data) == [("/contact/email", "'no' is not an e-mail address")]
    assert _errors(PERSON_FORM, ["not", "an", "object"]) == [
        ("", "['not', 'an', 'object'] is not a group of fields (a JSON object)")
    ]


def test_fields_are_json_pointers_with_slash_and_tilde_escaped():
    schema = {
        "type": "object",
        "properties": {"a/b": {"type": "object", "properties": {"c~d": {"type": "integer"}}}},
    }
    assert _errors(schema, {"a/b": {"c~d": "x"}}) == [("/a~1b/c~0d", "'x' is not a whole number")]
    assert [e.field for e in forms.field_errors(schema, [], at="/payload")] == ["/payload"]


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
    assert messages["/business_id"] == (
        "'0737546-3' is not a valid business ID (Y-tunnus): seven digits, a hyphen, the right check digit"
    )
    assert messages["/test_date"] == "'31.12.2026' is not a date written YYYY-MM-DD"


def test_refusals_tell_the_person_what_to_give_not_what_a_programmer_expected():
    schema = {
        "type": "object",
        "properties": {
            "accepted": {"const": True},
            "visits": {"type": "integer", "minimum": 1},
            "count": {"type": "integer"},
            "region": {"enum": ["north", "south"]},
            "provider": {"oneOf": [{"const": "p", "title": "Private"}, {"const": "q", "title": "Public"}]},
            "name": {"type": "string", "minLength": 1, "maxLength": 3},
        },
    }
    data = {"accepted": False, "visits": 0, "count": "four", "region": "west", "provider": "r", "name": ""}
    assert {e.field: e.message for e in forms.field_errors(schema, data)} == {
        "/accepted": "must be ticked (true) to go on",
        "/visits": "0 is too small: give at least 1",
        "/count": "'four' is not a whole number",
        "/region": "'west' is not one of the choices: 'north', 'south'",
        "/provider": "'r' is not one of the choices: Private, Public",
        "/name": "fill this in",
    }
    assert (
        forms.field_errors(schema, {"name": "Ajas Oy"})[0].message
        == "write at most 3 characters (this has 7)"
    )


def test_each_refusal_says_its_reason_in_a_stable_word_with_the_values_it_speaks_of():
    """What a page says in its reader's language; the message stays the English of it."""
    schema = {
        "type": "object",
        "required": ["business_id", "accepted"],
        "properties": {
            "business_id": {"type": "string", "format": "fi-business-id"},
            "accepted": {"const": True},
            "visits": {"type": "integer", "minimum": 1},
            "region": {"enum": ["north", "south"]},
            "name": {"type": "string", "minLength": 1, "maxLength": 3},
            "contacted_on": {"type": "string", "format": "date"},
        },
        "additionalProperties": False,
    }
    data = {
        "business_id": "0737546-3",
        "visits": 0,
        "region": "west",
        "name": "Ajas",
        "contacted_on": "0026-09-01",
        "x": 1,
    }
    said = {e.field: (e.reason, e.values) for e in forms.field_errors(schema, data, at="/data")}
    assert said == {
        "/data/business_id": ("format-fi-business-id", {"given": "0737546-3"}),
        "/data/accepted": ("required", None),
        "/data/visits": ("at-least", {"given": 0, "bound": 1}),
        "/data/region": ("not-a-choice", {"given": "west"}),
        "/data/name": ("too-long", {"count": 3, "length": 4}),
        "/data/contacted_on": ("date-too-early", {"given": "1.9.0026", "bound": "1.1.2000"}),
        "/data/x": ("not-a-field", None),
    }


ACCESS_POINT_FORM = {
    "type": "object",
    "properties": {
        "ip_address": {"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]},
        "ipv4_address": {"type": "string", "format": "ipv4"},
        "dns_name": {"type": "string", "format": "hostname"},
    },
}


@pytest.mark.parametrize("address", ["192.0.2.10", "2001:db8::10"])
def test_an_ip_address_is_taken_in_either_version(address):
    assert (
        forms.field_errors(ACCESS_POINT_FORM, {"ip_address": address, "dns_name": "kanta.example.fi"}) == []
    )


def test_an_address_or_dns_name_that_is_none_is_refused_in_words_a_person_can_act_on():
    data = {"ip_address": "192.0.2.300", "ipv4_address": "2001:db8::10", "dns_name": "kanta..example.fi"}
    refused = {e.field: (e.message, e.reason) for e in forms.field_errors(ACCESS_POINT_FORM, data)}
    assert refused == {
        "/ip_address": (
            "'192.0.2.300' is not an IP address: IPv4 such as 192.0.2.10 or IPv6 such as 2001:db8::10",
            "format-ip-address",
        ),
        "/ipv4_address": ("'2001:db8::10' is not an IPv4 address such as 192.0.2.10", "format-ipv4"),
        "/dns_name": (
            "'kanta..example.fi' is not a DNS name such as liityntapiste.example.fi",
            "format-hostname",
        ),
    }
