"""Messages from outside: found by name and business key (or instance id), or by the payload property
their contract correlates by, delivered to the one instance that waits for it. Which instance waits is
read from the message subscriptions, never from states; the payload must satisfy the message's contract
(its JSON Schema in the catalogue) before anything runs."""

from __future__ import annotations

from collections.abc import Mapping

from .audit import Change
from .bpmn import Run
from .catalogue import forms
from .catalogue.messages import BY_VARIABLE, contract_of, correlation_of
from .context import Context
from .problems import Conflict, FieldError, InvalidData, NotFound
from .results import InstanceView
from .store.queries import Store
from .vocabulary import AuditKind, checked_variables


def deliver(
    context: Context,
    name: str,
    *,
    actor: str,
    business_key: str | None,
    instance_id: str | None,
    payload: Mapping | None,
    correlation_keys: Mapping | None = None,
) -> InstanceView:
    """Deliver message ``name`` to the one instance waiting for it: found by business key or id, or, where
    the message's contract correlates by a payload property, by the instance variable holding the
    payload's value; and among those by ``correlation_keys``: variables the instance must have, each with
    that value."""
    payload = checked_variables(payload, "payload", context.limits.variable_depth)
    keys = dict(correlation_keys or {})
    named = business_key is not None or instance_id is not None or bool(keys)
    target = " and ".join(
        part
        for part in (
            f"business key {business_key!r}" if business_key is not None else "",
            f"instance {instance_id}" if instance_id is not None else "",
            "variables " + ", ".join(f"{k} = {v!r}" for k, v in keys.items()) if keys else "",
        )
        if part
    )

    def the_one_waiting(store: Store) -> str:
        waiting, found_by = [], []
        for definition_id in store.definitions_waiting_for(name):
            stored = context.definitions.loaded(store, definition_id).forms
            correlation = (contract_of(stored, name) or (None, correlation_of(None)))[1]
            if correlation["by"] == BY_VARIABLE:
                prop, variable = correlation["property"], correlation["variable"]
                value = payload.get(prop)
                if not isinstance(value, str):
                    if named:  # found by what was named; its contract then refuses the payload
                        waiting += store.instances_waiting_for(
                            name, business_key, instance_id, definition_id=definition_id
                        )
                    found_by.append(f"/payload/{prop}")
                    continue
                found = store.instances_waiting_for(
                    name, business_key, instance_id, definition_id=definition_id, holding=(variable, value)
                )
                waiting += [i for i in found if _has_values(store.instance(i), {variable: value})]
                found_by.append(None)
            elif named:
                waiting += store.instances_waiting_for(
                    name, business_key, instance_id, definition_id=definition_id
                )
        if not named and not any(f is None for f in found_by):
            # nothing says which instance: by business key, or a payload lacking the property it correlates by
            fields = [
                FieldError(f, "the message finds its instance by it: give it as text") for f in found_by
            ]
            raise InvalidData(
                "say which instance the message is for",
                fields or [FieldError("/business_key", "give business_key, instance_id or correlation_keys")],
            )
        if keys:
            waiting = [i for i in waiting if _has_values(store.instance(i), keys)]
        described = target or "the payload's correlation property"
        if not waiting:
            raise NotFound(f'no running instance with {described} is waiting for message "{name}"')
        if len(waiting) > 1:
            raise Conflict(
                f'{len(waiting)} instances with {described} wait for message "{name}" '
                f"({', '.join(waiting)}); send it to one of them by instance_id"
            )
        return waiting[0]

    def delivering(run: Run) -> Change:
        # The contract of the version the instance runs on; a version deployed before messages had
        # contracts has none, and its payload goes in as before.
        contract = contract_of(run.definition.forms, name)
        if contract is not None:
            forms.validate(contract[0], payload, f'the payload of message "{name}"', "/payload", "schema")
        if not run.deliver(name, payload):
            raise Conflict(f'the instance is no longer waiting for message "{name}"')
        return Change(AuditKind.MESSAGE_RECEIVED, data={"name": name, "payload": payload})

    return context.act(the_one_waiting, delivering, actor)


def _has_values(record, keys: Mapping) -> bool:
    if record is None:  # gone since its subscription was read
        return False
    variables = record.variables
    # True == 1 in Python, but a variable holding true does not match a key of 1 (nor the other way)
    return all(
        name in variables and variables[name] == value and type(variables[name]) is type(value)
        for name, value in keys.items()
    )
