"""Reading a Camunda client's request: its JSON body, its query parameters and its paging.

A parameter or a body property this subset does not act on is refused (400) when it asks for something
(``startInstructions``, ``tenantId``, ``all: true``…), never silently ignored: ignoring a filter would
answer more than the client asked for. What a client sends at its default value is taken.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from flask import request

from ..parsing import loads, unstorable_text
from .errors import INVALID_REQUEST, CamundaError
from .variables import VariableRefused, plain_variables

CHUNK = 200  # rows read from the engine per page while gathering an unpaged Camunda list


def refused(message: str) -> CamundaError:
    return CamundaError(400, INVALID_REQUEST, message)


# In ``body(known)``: a property taken with any value (others are taken only at the default they map to).
TAKEN = object()


def body(known: Mapping[str, object]) -> dict:
    """The JSON body (an empty body is ``{}``). ``known`` maps each property taken to TAKEN and each one
    taken only at its default to that default (null is always taken); another value of such a property is
    refused, as is a property ``known`` does not name."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    try:
        data = loads(raw)
    except json.JSONDecodeError as error:
        raise refused(f"the body is not valid JSON: {error.msg}") from None
    if not isinstance(data, dict):
        raise refused("the body must be a JSON object")
    _storable(data, "the body")
    return properties(data, known)


def properties(data: Mapping, known: Mapping[str, object], where: str = "") -> dict:
    """``data``'s properties as ``body`` takes them; ``where`` names a nested object (``topics[0].``)."""
    for name, value in data.items():
        if name not in known:
            raise refused(
                f'the property "{where}{name}" is not supported here; supported: {", ".join(known)}'
            )
        default = known[name]
        if default is not TAKEN and value is not None and value != default:
            raise refused(
                f'"{where}{name}" is not supported by this engine: send {json.dumps(default)} or leave it out'
            )
    return dict(data)


def _storable(data, where: str) -> None:
    """Text no database stores (a NUL, a lone surrogate) is refused here, before it reaches a filter or a
    row: PostgreSQL would fail on it."""
    for path, message in unstorable_text(data):
        raise refused(f"{where} at {'.'.join(map(str, path))}: {message}")


def variables(data: Mapping, name: str) -> dict:
    try:
        return plain_variables(data.get(name), name)
    except VariableRefused as error:
        raise refused(f"cannot read the variable {error}") from None


LONGEST_KEY = 200  # a business key, a message name, an id: what the store's key columns hold


def key(text: str) -> str:
    """A query parameter naming a key, an id or a lane."""
    if not 1 <= len(text) <= LONGEST_KEY:
        raise ValueError(f"expected 1 to {LONGEST_KEY} characters")
    return text


def key_in(data: Mapping, name: str) -> str | None:
    """A body property naming a key or an id: text of 1 to LONGEST_KEY characters, or null."""
    value = data.get(name)
    if value is not None and (not isinstance(value, str) or not 1 <= len(value) <= LONGEST_KEY):
        raise refused(f"{name} must be text of 1 to {LONGEST_KEY} characters")
    return value


def flag(data: Mapping, name: str, where: str = "") -> bool:
    """A body property that is true or false (null: false); ``where`` names a nested object."""
    value = data.get(name)
    if value is not None and not isinstance(value, bool):
        raise refused(f"{where}{name} must be true or false")
    return bool(value)


def boolean(text: str) -> bool:
    if text not in ("true", "false"):
        raise ValueError("expected true or false")
    return text == "true"


LARGEST_COUNT = 2**31 - 1  # Camunda's counts are Java ints; a larger one would overflow a database's offset


def count(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) > LARGEST_COUNT:
        raise ValueError(f"expected a whole number from 0 to {LARGEST_COUNT}")
    return int(text)


PAGING = {"firstResult": count, "maxResults": count}


def query(readers: Mapping[str, Callable[[str], object]]) -> dict:
    """The query parameters, each read by its reader; an unknown one, a repeated one or one that does not
    read is refused, naming it."""
    found = {}
    _storable(request.args.to_dict(flat=False), "the query")
    for name in request.args:
        values = request.args.getlist(name)
        if name not in readers:
            raise refused(
                f'the query parameter "{name}" is not supported here; supported: {", ".join(readers)}'
            )
        if len(values) > 1:
            raise refused(f'give the query parameter "{name}" once')
        try:
            found[name] = readers[name](values[0])
        except ValueError as error:
            raise refused(f'the query parameter "{name}": {error}') from None
    return found


def gathered(fetch: Callable[..., object], params: Mapping) -> list:
    """Every item from ``firstResult`` on, at most ``maxResults`` (all when not given, as Camunda lists),
    read from the engine's pages."""
    items, offset, most = [], params.get("firstResult", 0), params.get("maxResults")
    while most is None or len(items) < most:
        size = CHUNK if most is None else min(CHUNK, most - len(items))
        page = fetch(limit=size, offset=offset)
        items.extend(page.items)
        if len(page.items) < size:
            break
        offset += size
    return items
