"""Task forms are JSON Schemas; data given to complete a task must satisfy its form.

A form is checked against data a caller sends, so nothing in it may reach outside the form or take
longer than the data is long: a ``$ref`` is resolved only inside the form (a registry that retrieves
nothing, and deploy refuses any other ``$ref``), and every regular expression, ``pattern`` and
``patternProperties`` alike, runs on RE2, whose matching time is linear in the text (Python's ``re``
backtracks: ``^(a+)+$`` against 35 characters holds a worker for minutes). RE2 is also closer to the
ECMA-262 expressions JSON Schema means: ``\\d`` is an ASCII digit, ``$`` the end of the text.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from datetime import date
from functools import lru_cache

import jsonschema_rs
import re2
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema._keywords import format as _format_keyword
from jsonschema.exceptions import SchemaError, ValidationError
from referencing import Registry
from referencing.exceptions import NoSuchResource, Unresolvable

from ..problems import FieldError, InvalidData

format_checker = FormatChecker()

_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # a pattern RE2 refuses is reported to the analyst, not to stderr


class PatternRefused(ValueError):
    """A regular expression RE2 does not take (a look-around, a back-reference, a huge repetition)."""


@lru_cache(maxsize=4096)
def compiled(pattern: str):
    """``pattern`` compiled by RE2, once per process; PatternRefused says why RE2 does not take it."""
    try:
        return re2.compile(pattern, options=_RE2_OPTIONS)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        raise PatternRefused(reason.decode() if isinstance(reason, bytes) else str(reason)) from None


def _matches(pattern: str, text: str) -> bool:
    """JSON Schema's regular expressions are not anchored: a match anywhere in ``text`` counts."""
    return compiled(pattern).search(text) is not None


def _retrieve_nothing(uri: str):
    raise NoSuchResource(ref=uri)


# The registry a form's references are resolved in: the form itself (added as the root by jsonschema) and
# the JSON Schema meta-schemas jsonschema ships; any other address is never fetched nor opened.
_NOTHING_OUTSIDE = Registry(retrieve=_retrieve_nothing)

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
    "ipv4": "is not an IPv4 address such as 192.0.2.10",
    "ipv6": "is not an IPv6 address such as 2001:db8::10",
    # jsonschema checks it only with the fqdn package installed (a dependency for that reason)
    "hostname": "is not a DNS name such as liityntapiste.example.fi",
}

# A field that takes a value of one of several formats ("anyOf": [{"format": ...}, ...]): the stable word
# and the words for the person, by the formats it offers.
_ANY_FORMAT = {
    ("ipv4", "ipv6"): (
        "ip-address",
        "is not an IP address: IPv4 such as 192.0.2.10 or IPv6 such as 2001:db8::10",
    ),
}


def _any_format(error) -> tuple[str, str] | None:
    """The reason and words of an ``anyOf`` whose every option is only a format, when the catalogue knows
    that set of formats."""
    options = error.validator_value if error.validator == "anyOf" else None
    if not isinstance(options, list) or not all(
        isinstance(o, dict) and list(o) == ["format"] for o in options
    ):
        return None
    return _ANY_FORMAT.get(tuple(sorted(o["format"] for o in options)))


_KINDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "yes or no (true or false)",
    "object": "a group of fields (a JSON object)",
    "array": "a list",
    "null": "empty (null)",
}


def _choices(error) -> str:
    """The choices a field offers, by their titles where the form gives them (oneOf of const + title)."""
    options = error.schema.get("oneOf") or error.schema.get("anyOf") or []
    if error.validator == "enum":
        return ", ".join(map(repr, error.validator_value))
    return ", ".join(o.get("title") or repr(o.get("const")) for o in options if isinstance(o, dict))


def _told(error) -> str | None:
    """What the person at the form should do, where jsonschema's words are written for a programmer
    ("True was expected", "is not of type 'integer'"); None keeps jsonschema's."""
    kind, wanted, given = error.validator, error.validator_value, error.instance
    if kind == "format" and wanted in _FORMAT_MESSAGES:
        return f"{given!r} {_FORMAT_MESSAGES[wanted]}"
    if any_format := _any_format(error):
        return f"{given!r} {any_format[1]}"
    if kind == "const":
        if wanted is True:
            return "must be ticked (true) to go on"
        if wanted is False:
            return "must be left unticked (false)"
        return f"must be {wanted!r}"
    if kind == "type":
        kinds = wanted if isinstance(wanted, list) else [wanted]
        return f"{given!r} is not {' or '.join(_KINDS.get(k, k) for k in kinds)}"
    if kind == "enum" or (
        kind in ("oneOf", "anyOf") and all(isinstance(o, dict) and "const" in o for o in wanted or [None])
    ):
        return f"{given!r} is not one of the choices: {_choices(error)}"
    if kind == "minLength":
        return "fill this in" if wanted == 1 and given == "" else f"write at least {wanted} characters"
    if kind == "maxLength":
        return f"write at most {wanted} characters (this has {len(given)})"
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        said = {
            "minimum": "at least", "exclusiveMinimum": "more than",
            "maximum": "at most", "exclusiveMaximum": "less than",
        }[kind]  # fmt: skip
        return f"{given!r} is too {'small' if 'inimum' in kind else 'large'}: give {said} {wanted}"
    return None


_BOUNDS = {
    "minimum": "at-least",
    "exclusiveMinimum": "more-than",
    "maximum": "at-most",
    "exclusiveMaximum": "less-than",
}


def _reason(error) -> tuple[str | None, dict | None]:
    """What ``_told`` tells, as a stable word and the values it speaks of (``FieldError.reason``)."""
    kind, wanted, given = error.validator, error.validator_value, error.instance
    if kind == "not" and error.schema.get("readOnly") is True:
        return "read-only", None
    if kind == "format" and wanted in _FORMAT_MESSAGES:
        return f"format-{wanted}", {"given": given}
    if any_format := _any_format(error):
        return f"format-{any_format[0]}", {"given": given}
    if kind in DATE_BOUNDS:  # _format's own: the date's range
        early = kind == "formatMinimum"
        return ("date-too-early" if early else "date-too-late"), {
            "given": finnish_date(given), "bound": finnish_date(wanted),
        }  # fmt: skip
    if kind == "const" and isinstance(wanted, bool):
        return ("must-tick" if wanted else "must-untick"), None
    if kind == "enum" or (
        kind in ("oneOf", "anyOf") and all(isinstance(o, dict) and "const" in o for o in wanted or [None])
    ):
        return "not-a-choice", {"given": given}
    if kind == "minLength":
        return ("fill-in", None) if wanted == 1 and given == "" else ("too-short", {"count": wanted})
    if kind == "maxLength":
        return "too-long", {"count": wanted, "length": len(given)}
    if kind in _BOUNDS:
        return _BOUNDS[kind], {"given": given, "bound": wanted}
    if kind == "pattern":
        return "not-as-asked", {"given": given}
    if kind == "type":
        wanted = [wanted] if isinstance(wanted, str) else [k for k in wanted if k != "null"]
        return ("wrong-type", {"kind": wanted[0]}) if len(wanted) == 1 else (None, None)
    return None, None


def _message(error) -> str:
    """jsonschema's words, except where a person deserves to be told what to give instead."""
    if error.validator == "not" and error.schema.get("readOnly") is True:
        return "is read-only: the form shows it and the task does not take it"
    return _told(error) or error.message


def pointer(parts) -> str:
    """A JSON Pointer (RFC 6901) to the value at ``parts``: "/contact/email"; "" for the whole document."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _field(where, name: str | None = None) -> str:
    """The field an error is about, as a JSON Pointer into the data."""
    return pointer([*where, *([name] if name is not None else [])])


def _extras(instance: dict, schema: dict) -> list[str]:
    """The names ``additionalProperties`` applies to: neither a property nor matched by a pattern."""
    named = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return [n for n in instance if n not in named and not any(_matches(p, n) for p in patterns)]


# --- the keywords that match regular expressions, on RE2 (jsonschema's own use Python's re) ----------------


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator, patterns, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for name, value in instance.items():
            if _matches(pattern, name):
                yield from validator.descend(value, subschema, path=name, schema_path=pattern)


def _additional_properties(validator, additional, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    extras = _extras(instance, schema)
    if validator.is_type(additional, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], additional, path=extra)
    elif additional is False and extras:
        yield ValidationError(f"{', '.join(map(repr, extras))}: not a field of this form")


# --- dates: a date field takes the dates its form allows, by default 2000–2100 ------------------------------

# A date typed "1.9.26" and read as year 26 is a valid ISO 8601 date ("0026-09-01"): only a plausible range
# keeps such a date from being stored. A form narrows or widens it per field with formatMinimum and
# formatMaximum (the keywords of JSON Schema's draft proposals and of ajv-formats), written as dates.
EARLIEST_DATE, LATEST_DATE = "2000-01-01", "2100-12-31"
DATE_BOUNDS = ("formatMinimum", "formatMaximum")


def finnish_date(iso: str) -> str:
    """2026-09-01 as a Finnish reader writes it: 1.9.2026."""
    day = date.fromisoformat(iso)
    return f"{day.day}.{day.month}.{day.year:04d}"


def _format(validator, format, instance, schema):
    """The format, and for a well-formed date the range its field allows."""
    refused = list(_format_keyword(validator, format, instance, schema))
    yield from refused
    if refused or format != "date" or not validator.is_type(instance, "string"):
        return
    earliest = schema.get("formatMinimum", EARLIEST_DATE)
    latest = schema.get("formatMaximum", LATEST_DATE)
    given = finnish_date(instance)
    if instance < earliest:
        yield ValidationError(
            f"{given} is earlier than this field takes: give a date from {finnish_date(earliest)} on",
            validator="formatMinimum",
            validator_value=earliest,
        )
    elif instance > latest:
        yield ValidationError(
            f"{given} is later than this field takes: give a date until {finnish_date(latest)}",
            validator="formatMaximum",
            validator_value=latest,
        )


FormValidator = validators.extend(
    Draft202012Validator,
    {
        "format": _format,
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
    },
)


# A form is checked against the meta-schema with every format but "regex": whether a pattern is one is for
# RE2 to say, which runs it (form_checks reports it at the form's file), not Python's re, which does not.
_SCHEMA_FORMATS = FormatChecker(formats=[name for name in FormatChecker.checkers if name != "regex"])


@format_checker.checks("regex", raises=PatternRefused)
def is_regex(value) -> bool:
    """A regular expression given as data is compiled by RE2 too: Python's compiler is not the one used."""
    return not isinstance(value, str) or bool(compiled(value))


def _field_errors_of(error) -> list[FieldError]:
    """One error per field. jsonschema reports a missing or an unexpected property at the object that
    holds it, so the names are worked out from the error's data (what the keyword asks for and what the
    object has), never from its English message."""
    where = error.absolute_path
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [
            FieldError(_field(where, name), f"{name!r} is a required field", "required") for name in missing
        ]
    if error.validator == "dependentRequired":
        return [
            FieldError(
                _field(where, name),
                f"{name!r} is required when {present!r} is given",
                "required-with",
                {"given": present},
            )
            for present, needed in error.validator_value.items()
            if present in error.instance
            for name in needed
            if name not in error.instance
        ]
    if error.validator == "additionalProperties" and error.validator_value is False:
        return [
            FieldError(_field(where, name), f"{name!r} is not a field of this form", "not-a-field")
            for name in _extras(error.instance, error.schema)
        ]
    return [FieldError(_field(where), _message(error), *_reason(error))]


_VALIDATORS: dict[int, tuple[dict, object]] = {}
_VALIDATORS_LOCK = threading.Lock()
_MOST_VALIDATORS = 512


def _validator_of(schema: dict):
    """The validator of a form, made once per form object (loaded definitions are cached, so their forms
    are the same objects call after call): making one, with the registry its references resolve in, costs
    more than checking a task's data with it. The cache keeps the form itself alive, so the id it is
    found by can name no other form; the oldest entry goes when it is full."""
    with _VALIDATORS_LOCK:
        cached = _VALIDATORS.get(id(schema))
        if cached is not None and cached[0] is schema:
            return cached[1]
        validator = FormValidator(schema, format_checker=format_checker, registry=_NOTHING_OUTSIDE)
        if len(_VALIDATORS) >= _MOST_VALIDATORS:
            del _VALIDATORS[next(iter(_VALIDATORS))]
        _VALIDATORS[id(schema)] = (schema, validator)
        return validator


def field_errors(schema: dict, data, at: str = "") -> list[FieldError]:
    """Every error in ``data`` against the form ``schema``, each naming its own field, in field order: a
    JSON Pointer into the data, after ``at`` (where the data sits in a request: "/data", "/payload")."""
    validator = _validator_of(schema)
    found: dict[tuple[str, str], FieldError] = {}
    try:
        for error in validator.iter_errors(data):
            # jsonschema raises one `required` error per missing name, and each of them yields every
            # missing name: keep each field error once.
            for field_error in _field_errors_of(error):
                found.setdefault((field_error.field, field_error.message), field_error)
    except Unresolvable as unresolvable:
        # Only a form deployed before references were checked can get here: it is not the data's fault,
        # but no data can satisfy the form, and the form is never let to fetch anything.
        where = getattr(unresolvable, "ref", None) or str(unresolvable)
        message = f"the form refers to {where!r}, which is not in the form: the form must be corrected"
        return [FieldError(at, message)]
    except PatternRefused as refused:
        message = f"the form has a pattern RE2 can not run ({refused}): the form must be corrected"
        return [FieldError(at, message)]
    ordered = sorted(found.values(), key=lambda e: e.field.split("/"))
    return [replace(e, field=at + e.field) for e in ordered]


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
    except RecursionError:
        return "is nested deeper than a form can be read"
    if not isinstance(form, dict):
        return f"is not a JSON Schema: its top level is a JSON {_json_type(form)}, not an object"
    try:
        # jsonschema_rs checks against the same meta-schema some 200 times faster (0.5 s for the catalogue's
        # forms in Python, at every validate and every deploy); what it accepts, Python's check accepts too
        # (the meta-schema's own formats, uri and uri-reference, are checked by neither here), so Python's
        # check runs only to say what is wrong, in its words. It recurses on the native stack, which a deep
        # enough upload would overflow in a worker's thread: a deeply nested form goes to Python's check,
        # whose recursion fails cleanly.
        if _nested_at_most(form, _FAST_CHECK_DEPTH) and jsonschema_rs.meta.is_valid(form):
            return None
        Draft202012Validator.check_schema(form, format_checker=_SCHEMA_FORMATS)
    except SchemaError as error:
        return f"is not a valid JSON Schema: {error.message} (at {error.json_path})"
    except RecursionError:
        return "is nested deeper than a form can be checked"
    return None


_FAST_CHECK_DEPTH = 64  # JSON levels; the catalogue's forms have fewer than 10


def _nested_at_most(value, depth: int) -> bool:
    """Whether ``value`` (parsed JSON) holds objects and arrays at most ``depth`` levels below its top."""
    level = [value] if isinstance(value, dict | list) else []
    for _ in range(depth + 1):
        if not level:
            return True
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
    return not level


def _json_type(value) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), "null")
