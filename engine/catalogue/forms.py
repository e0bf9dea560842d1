"""Task forms are JSON Schemas; data given to complete a task must satisfy its form."""

from __future__ import annotations

import json
import re

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError

from ..problems import FieldError, InvalidData

format_checker = FormatChecker()

_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_OID = re.compile(r"^[0-2](\.(0|[1-9][0-9]*))+$")


@format_checker.checks("fi-business-id")
def is_business_id(value) -> bool:
    """A Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit."""
    if not isinstance(value, str):
        return True
    match = _BUSINESS_ID.match(value)
    if not match:
        return False
    remainder = sum(int(d) * w for d, w in zip(match.group(1), _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return False
    check = 0 if remainder == 0 else 11 - remainder
    return int(match.group(2)) == check


@format_checker.checks("oid")
def is_oid(value) -> bool:
    """An ISO object identifier written as dot-separated decimal arcs."""
    return not isinstance(value, str) or bool(_OID.match(value))


_FORMAT_MESSAGES = {
    "fi-business-id": "is not a valid business ID (Y-tunnus): seven digits, a hyphen, the right check digit",
    "oid": "is not an OID: dot-separated numbers such as 1.2.246.537",
    "date": "is not a date written YYYY-MM-DD",
    "email": "is not an e-mail address",
}


def _message(error) -> str:
    """jsonschema's words, except where a person deserves to be told what the value should look like."""
    if error.validator == "format" and error.validator_value in _FORMAT_MESSAGES:
        return f"{error.instance!r} {_FORMAT_MESSAGES[error.validator_value]}"
    return error.message


def pointer(parts) -> str:
    """A JSON Pointer (RFC 6901) to the value at ``parts``: "/contact/email"; "" for the whole document."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _field(where, name: str | None = None) -> str:
    """The field an error is about, as a JSON Pointer into the data."""
    return pointer([*where, *([name] if name is not None else [])])


def _extras(instance: dict, schema: dict) -> list[str]:
    """The names ``additionalProperties: false`` refuses: neither a property nor matched by a pattern."""
    named = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return [n for n in instance if n not in named and not any(re.search(p, n) for p in patterns)]


def _field_errors_of(error) -> list[FieldError]:
    """One error per field. jsonschema reports a missing or an unexpected property at the object that
    holds it, so the names are worked out from the error's data (what the keyword asks for and what the
    object has), never from its English message."""
    where = error.absolute_path
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [FieldError(_field(where, name), f"{name!r} is a required field") for name in missing]
    if error.validator == "dependentRequired":
        return [
            FieldError(_field(where, name), f"{name!r} is required when {present!r} is given")
            for present, needed in error.validator_value.items()
            if present in error.instance
            for name in needed
            if name not in error.instance
        ]
    if error.validator == "additionalProperties" and error.validator_value is False:
        return [
            FieldError(_field(where, name), f"{name!r} is not a field of this form")
            for name in _extras(error.instance, error.schema)
        ]
    return [FieldError(_field(where), _message(error))]


def field_errors(schema: dict, data, at: str = "") -> list[FieldError]:
    """Every error in ``data`` against the form ``schema``, each naming its own field, in field order: a
    JSON Pointer into the data, after ``at`` (where the data sits in a request: "/data", "/payload")."""
    validator = Draft202012Validator(schema, format_checker=format_checker)
    found: dict[tuple[str, str], FieldError] = {}
    for error in validator.iter_errors(data):
        # jsonschema raises one `required` error per missing name, and each of them yields every missing
        # name: keep each field error once.
        for field_error in _field_errors_of(error):
            found.setdefault((field_error.field, field_error.message), field_error)
    ordered = sorted(found.values(), key=lambda e: e.field.split("/"))
    return [FieldError(at + e.field, e.message) for e in ordered]


def validate(schema: dict, data, what: str, at: str = "", kind: str = "form") -> None:
    """Raise InvalidData naming every field of ``data`` that ``schema`` refuses (see ``field_errors``)."""
    errors = field_errors(schema, data, at)
    if errors:
        fields = ", ".join(sorted({e.field for e in errors}))
        raise InvalidData(f"{what} does not satisfy its {kind} ({fields})", errors)


def form_fault(data: bytes) -> str | None:
    """What makes ``data`` unusable as a form, or None."""
    try:
        form = json.loads(data)
    except ValueError as error:  # a JSONDecodeError, or bytes that are no Unicode text
        return f"is not valid JSON: {error}"
    if not isinstance(form, dict):
        return f"is not a JSON Schema: its top level is a JSON {_json_type(form)}, not an object"
    try:
        Draft202012Validator.check_schema(form)
    except SchemaError as error:
        return f"is not a valid JSON Schema: {error.message} (at {error.json_path})"
    return None


def _json_type(value) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), "null")
