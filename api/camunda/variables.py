"""Camunda 7's typed variables, ``{"x": {"value": …, "type": "String", "valueInfo": {}}}``, to the engine's
JSON variables and back: the one place either direction is converted.

The engine keeps variables as JSON, so a ``Date`` arrives as ISO 8601 text with its offset, a ``Json``
(or an ``Object`` serialized as application/json) as the object it holds, and every number as a number.
Going out, a value's JSON kind says its type: text is ``String``, a whole number ``Integer`` (``Long``
past 32 bits), a fraction ``Double``, an object or a list ``Json`` (its value serialized, as Camunda sends
Json), null ``Null``. A value with no type is read by its JSON kind, as Camunda reads it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime

from ..parsing import loads

# Camunda's date format, yyyy-MM-dd'T'HH:mm:ss.SSSZ: e.g. 2026-11-23T09:00:00.000+0200
DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
TYPES = ("String", "Boolean", "Integer", "Long", "Double", "Date", "Json", "Null")
_INTEGER = (-(2**31), 2**31 - 1)
_LONG = (-(2**63), 2**63 - 1)
_BY_NAME = {name.lower(): name for name in (*TYPES, "Object", "Short")}


class VariableRefused(ValueError):
    """A typed variable the engine can not take; ``name`` says which, the message why."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name


def format_date(moment: datetime) -> str:
    """A moment in Camunda's date format (milliseconds, offset without a colon)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}" + moment.strftime("%z")


def parse_date(text: str) -> datetime:
    """Camunda's date format, or any ISO 8601 date-time with an offset; ValueError otherwise."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("it has no offset")
    return moment


# ---- in: typed → the engine's values ------------------------------------------------------------------


def plain_variables(typed: object, where: str) -> dict:
    """``{"x": {"value": 1, "type": "Integer"}}`` → ``{"x": 1}``; VariableRefused naming the first refused."""
    if typed is None:
        return {}
    if not isinstance(typed, Mapping):
        raise VariableRefused(where, "expected a JSON object of variables, each {value, type, valueInfo}")
    return {name: plain_value(entry, f"{where}.{name}") for name, entry in typed.items()}


def plain_value(entry: object, name: str):
    if not isinstance(entry, Mapping):
        raise VariableRefused(name, 'expected {"value": …, "type": …}')
    value, given = entry.get("value"), entry.get("type")
    if given is None:
        return _untyped(value, name)
    kind = _BY_NAME.get(str(given).lower())
    if kind is None or kind not in _READERS:
        supported = ", ".join(TYPES)
        message = f'the type "{given}" is not supported: use one of {supported} (Object as application/json)'
        raise VariableRefused(name, message)
    if value is None:
        return None  # a typed null, as Camunda takes it
    try:
        return _READERS[kind](value, entry.get("valueInfo") or {})
    except (TypeError, ValueError, json.JSONDecodeError) as error:
        reason = getattr(error, "msg", None) or str(error)
        raise VariableRefused(name, f"not a {kind}: {reason}") from None


def _untyped(value, name: str):
    if isinstance(value, bool | str | dict | list) or value is None:
        return value
    if isinstance(value, int | float):
        return _number(value, name)
    raise VariableRefused(name, "a value JSON can not hold")


def _number(value, name):
    if isinstance(value, float) and not math.isfinite(value):
        raise VariableRefused(name, "not a finite number")
    return value


def _boolean(value, _info):
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"{value!r} is neither true nor false")


def _whole(low: int, high: int):
    def read(value, _info):
        if isinstance(value, bool) or not isinstance(value, int | str | float):
            raise ValueError(f"{value!r} is not a whole number")
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{value!r} is not a whole number")
        number = int(value)
        if not low <= number <= high:
            raise ValueError(f"{value} is outside {low}…{high}")
        return number

    return read


def _double(value, _info):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{value!r} is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def _string(value, _info):
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _date(value, _info):
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text in the format {DATE_FORMAT}")
    try:
        return parse_date(value).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not in the format {DATE_FORMAT}") from None


def _json(value, _info):
    # Camunda sends Json serialized, as text; an object or a list sent as such is taken as it is.
    if isinstance(value, dict | list):
        return value
    if not isinstance(value, str):
        raise ValueError("expected the JSON serialized as text")
    return loads(value.encode())


def _object(value, info):
    data_format = info.get("serializationDataFormat")
    if data_format != "application/json":
        raise ValueError(
            f"only an Object serialized as application/json is taken (this one is {data_format or 'unsaid'})"
        )
    return _json(value, info)


_READERS = {
    "String": _string,
    "Boolean": _boolean,
    "Short": _whole(-(2**15), 2**15 - 1),
    "Integer": _whole(*_INTEGER),
    "Long": _whole(*_LONG),
    "Double": _double,
    "Date": _date,
    "Json": _json,
    "Object": _object,
    "Null": lambda _value, _info: None,
}


# ---- out: the engine's values → typed ------------------------------------------------------------------


def typed_variables(variables: Mapping) -> dict:
    return {name: typed_value(value) for name, value in variables.items()}


def typed_value(value, kind: str | None = None) -> dict:
    """A value as Camunda shows it; ``kind`` says the type of a null (a form field's type)."""
    kind = kind or type_of(value)
    if kind == "Json" and value is not None:
        value = json.dumps(value, ensure_ascii=False)
    elif kind == "Date" and isinstance(value, datetime):
        value = format_date(value)
    return {"type": kind, "value": value, "valueInfo": {}}


def type_of(value) -> str:
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer" if _INTEGER[0] <= value <= _INTEGER[1] else "Long"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, datetime):
        return "Date"
    if isinstance(value, dict | list):
        return "Json"
    return "String"


# A form field's JSON Schema type, as the Camunda type a client sends for it.
_SCHEMA_TYPES = {
    "string": "String",
    "boolean": "Boolean",
    "integer": "Long",
    "number": "Double",
    "object": "Json",
    "array": "Json",
    "null": "Null",
}


def form_field_type(schema: Mapping) -> str | None:
    declared = schema.get("type")
    if isinstance(declared, list):
        declared = next((t for t in declared if t != "null"), None)
    return _SCHEMA_TYPES.get(declared) if isinstance(declared, str) else None
