"""Which instances wait for a message, found as each waiting version's contract says: by business key (or
instance id), or by a payload property whose value an instance variable holds. The one way deliveries from
outside (``messages``) and messages thrown between instances (``message_flow``) find their receiver."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .catalogue.messages import BY_VARIABLE, contract_of, correlation_of
from .store.queries import Store

if TYPE_CHECKING:
    from .context import Context


def waiting_instances(
    context: Context,
    store: Store,
    name: str,
    payload: Mapping,
    *,
    business_key: str | None,
    instance_id: str | None = None,
    keys: Mapping | None = None,
    thrown: bool = False,
    party: str | None = None,
) -> tuple[list[str], bool, list[str]]:
    """(the instances waiting for message ``name`` that the request finds, whether the payload was looked
    up by a correlation by variable, the properties such a correlation looked for and did not find as
    text). A waiting version that correlates by business key is found only by a business key, an instance
    id or ``keys`` (variables the instance must hold); one that correlates by variable by the payload's
    property, narrowed by those, except that a ``thrown`` message's business key (its thrower's) is not
    the receiver's and narrows nothing there. With ``party``, only where it plays the catching event's
    lane."""
    keys = dict(keys or {})
    named = business_key is not None or instance_id is not None or bool(keys)
    waiting, by_payload, missing = [], False, []
    for definition_id in store.definitions_waiting_for(name):
        stored = context.definitions.loaded(store, definition_id).forms
        correlation = (contract_of(stored, name) or (None, correlation_of(None)))[1]
        holding, key = None, business_key
        if correlation["by"] == BY_VARIABLE:
            prop, variable = correlation["property"], correlation["variable"]
            value = payload.get(prop)
            if isinstance(value, str):
                holding, by_payload = (variable, value), True
                key = None if thrown else business_key
            else:
                missing.append(prop)
                if thrown or not named:
                    continue
                # found by what was named; its contract then refuses the payload
        elif not named:
            continue
        found = store.instances_waiting_for(
            name, key, instance_id, definition_id=definition_id, holding=holding, party=party
        )
        wanted = {**keys, **dict([holding] if holding else [])}
        waiting += [i for i in found if not wanted or holds(store.instance(i), wanted)]
    return waiting, by_payload, missing


def holds(record, values: Mapping) -> bool:
    """Whether the instance holds each variable with that value, of the same JSON type."""
    if record is None:  # gone since its subscription was read
        return False
    variables = record.variables
    # True == 1 in Python, but a variable holding true does not match a key of 1 (nor the other way)
    return all(
        name in variables and variables[name] == value and type(variables[name]) is type(value)
        for name, value in values.items()
    )
