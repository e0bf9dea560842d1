"""Reading requests strictly: what JSON does not allow, or no database can store, is refused up front.

Python's ``json`` accepts ``NaN`` and ``Infinity``, numbers of any size and nesting as deep as the
stack; PostgreSQL stores no NUL character and no lone surrogate. Each would otherwise surface as a
500 deep inside a view (or, worse, as an answer no client can parse), so it is refused here with a
problem that says what to change.
"""

from __future__ import annotations

import json
import math
from typing import ClassVar

from flask_smorest import Blueprint as _Blueprint
from flask_smorest import abort
from marshmallow import RAISE, Schema, ValidationError, fields
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.routing import BaseConverter

from .languages import in_requested_language

MAX_DEPTH = 32


class _NotJson(ValueError):
    pass


def _no_constant(name: str):
    raise _NotJson(f"{name} is not a JSON number")


def _shown(text: str) -> str:
    return text if len(text) <= 20 else f"{text[:20]}…"


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _NotJson(f"the number {_shown(text)} is too large")
    return number


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts by default
        raise _NotJson(f"the number {_shown(text)} has too many digits") from None


def loads(raw: bytes):
    """JSON as RFC 8259 defines it, nested at most ``MAX_DEPTH`` levels; raises ``JSONDecodeError``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise json.JSONDecodeError(f"not UTF-8 ({error.reason})", repr(raw[:40]), error.start) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite, parse_int=_whole)
    except json.JSONDecodeError:
        raise
    except (_NotJson, RecursionError) as error:
        reason = str(error) if isinstance(error, _NotJson) else f"nested deeper than {MAX_DEPTH} levels"
        raise json.JSONDecodeError(reason, text, 0) from None
    if _depth(data) > MAX_DEPTH:
        raise json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", text, 0)
    return data


def _depth(data) -> int:
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            stack.extend((item, level + 1) for item in (value.values() if isinstance(value, dict) else value))
    return deepest


def unstorable_text(data, path: tuple = ()):
    """(path, message) for every string, key or value, that a database can not store; the path is the
    keys and indexes that lead to it."""
    stack = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                inner = (*where, key)
                problem = _text_problem(key)
                if problem:
                    yield inner, f"the name {problem}"  # what it holds is refused with it
                else:
                    stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend(((*where, index), item) for index, item in enumerate(value))
        elif isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                yield where, f"the text {problem}"


def _text_problem(text) -> str | None:
    if not isinstance(text, str):
        return None
    if "\x00" in text:
        return "contains a NUL character (\\u0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (a \\uD800–\\uDFFF escape without its pair)"
    return None


def storable_text(value) -> None:
    """marshmallow validator: refuse text a database can not store, naming where it is."""
    found = list(unstorable_text(value))
    if not found:
        return
    if isinstance(value, str):
        raise ValidationError([message for _where, message in found])
    errors: dict = {}
    for where, message in found:  # nested as marshmallow nests errors by field, so each place is named
        inner = errors
        for key in where[:-1]:
            inner = inner.setdefault(key, {})
        inner.setdefault(where[-1], []).append(message)
    raise ValidationError(errors)


class Parser(FlaskParser):
    # A misspelt filter (?proces_key=…) is refused, not ignored: ignoring it would list everything.
    DEFAULT_UNKNOWN_BY_LOCATION: ClassVar = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
        "query": RAISE,
        "querystring": RAISE,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._schemas: dict[type, Schema] = {}

    def _get_schema(self, argmap, req):
        """A schema given as a class is made once, not for every request (webargs makes one each time, and
        making one copies every declared field); loading with it keeps no state between requests."""
        if isinstance(argmap, type) and issubclass(argmap, Schema):
            schema = self._schemas.get(argmap)
            if schema is None:
                schema = self._schemas[argmap] = argmap()
            return schema
        return super()._get_schema(argmap, req)

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        return loads(req.get_data(cache=True))

    def load_querystring(self, req, schema):
        # ?status=running&status=error would otherwise filter by the first value alone, silently.
        repeated = [
            name
            for name in req.args
            if len(req.args.getlist(name)) > 1 and not isinstance(schema.fields.get(name), fields.List)
        ]
        if repeated:
            abort(422, messages={"query": {name: ["give this parameter once"] for name in repeated}})
        return super().load_querystring(req, schema)

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        reason = getattr(error, "msg", str(error))
        abort(400, messages={"json": [f"The body is not valid JSON: {reason}."]})


class Blueprint(_Blueprint):
    ARGUMENTS_PARSER = Parser()

    def response(self, status_code, schema=None, **kwargs):
        """Every answer shows its element names in the caller's language (``api.languages``)."""
        document = super().response(status_code, schema, **kwargs)
        return lambda view: document(in_requested_language(view))


class ProcessKeyConverter(BaseConverter):
    """A process key in a URL: no NUL, which no database stores, so no process has one (404)."""

    regex = r"[^/\x00]+"
