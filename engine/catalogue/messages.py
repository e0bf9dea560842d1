"""Message contracts: what the payload of each message a diagram catches must hold, and how it finds its
instance.

The contract of message ``kela_patient_data_repository_decision`` is the file
``messages/kela_patient_data_repository_decision.json`` beside the forms: a JSON Schema (draft 2020-12) of
the payload whose ``x-correlation`` says how a delivery finds the instance that waits:
``{"by": "business_key"}``, by the instance's business key (or its id), or
``{"by": "variable", "property": "application_number", "variable": "kela_application_number"}``, by a
property of the payload whose value an instance variable holds (``variable`` defaults to the property's
name). The property is a required text of the payload: an identifier the sender has. ``"x-thrown-only":
true`` makes it a signal between processes: only a diagram's throw sends it, and the API refuses it from
any party (a process waiting for another's "preparations done" must not be released by a caller).
``"x-to-those-waiting": true`` beside it makes the signal one to whoever waits for it in the thrower's own
instance: a throw that none there catches is recorded in the instance's history, not refused, and is never
delivered to another instance nor starts a process (the joining's processes it calls may have ended before
its preparations are done).
A naming rule, not an attribute in the diagram, so that no modeler has to learn a new field and a diagram
saved by Camunda Modeler or bpmn.io keeps its contract.
"""

from __future__ import annotations

import ast
import builtins
import json
import re
from collections.abc import Iterator, Mapping

from lxml import etree

from ..problems import Problem
from .diagram import CONDITIONAL_GATEWAYS, Catalogue, at, bpmn_tag, describe, local_name, text_of
from .reference_checks import did_you_mean

FOLDER = "messages"
CORRELATION = "x-correlation"
THROWN_ONLY = "x-thrown-only"
# a thrown-only message is a signal to those waiting in the thrower's instance, and to no one else
TO_THOSE_WAITING = "x-to-those-waiting"
# the payload fields that, with the business key, make a started instance distinct (one per county)
ONE_INSTANCE_PER = "x-one-instance-per"
# How a delivery may find its instance: by business key (or instance id), or by a payload property that an
# instance variable holds.
BY_BUSINESS_KEY, BY_VARIABLE = "business_key", "variable"
CORRELATIONS = (BY_BUSINESS_KEY, BY_VARIABLE)


def schema_key(name: str) -> str:
    """Where the contract of message ``name`` lives in the catalogue (and under which key in a definition's
    forms)."""
    return f"{FOLDER}/{name}.json"


def contract_of(forms: Mapping[str, dict], name: str) -> tuple[dict, dict] | None:
    """(payload schema, correlation) of message ``name`` among a definition's forms; None when the
    definition was deployed before its message had a contract."""
    stored = forms.get(schema_key(name))
    if stored is None:
        return None
    schema = {key: value for key, value in stored.items() if key != CORRELATION}
    return schema, correlation_of(stored)


def used_messages(root: etree._Element) -> dict[str, etree._Element]:
    """The names of the messages a diagram catches (start, intermediate and boundary events, receive
    tasks) or throws (send tasks, throw and end events), each with its first such element: each has a
    contract, which says what a catch accepts and what a throw sends."""
    names = _message_names(root)
    used: dict[str, etree._Element] = {}
    for element, ref in [*_catchers(root), *_throwers(root)]:
        name = names.get(ref)
        if name:
            used.setdefault(name, element)
    return used


def start_message_of(process: etree._Element) -> str | None:
    """The name of the message whose arrival starts ``process`` (its start event is a message start)."""
    names = _message_names(process.getroottree().getroot())
    for start in process.iterchildren(bpmn_tag("startEvent")):
        definition = start.find(bpmn_tag("messageEventDefinition"))
        if definition is not None:
            return names.get(definition.get("messageRef")) or None
    return None


def _message_names(root: etree._Element) -> dict[str, str]:
    return {
        message.get("id"): (message.get("name") or "").strip() for message in root.iter(bpmn_tag("message"))
    }


def _catchers(root: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
    for definition in root.iter(bpmn_tag("messageEventDefinition")):
        event = definition.getparent()
        if local_name(event) in ("startEvent", "intermediateCatchEvent", "boundaryEvent"):
            yield event, definition.get("messageRef")
    for task in root.iter(bpmn_tag("receiveTask")):
        yield task, task.get("messageRef")


def _throwers(root: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
    for definition in root.iter(bpmn_tag("messageEventDefinition")):
        event = definition.getparent()
        if local_name(event) in ("intermediateThrowEvent", "endEvent"):
            yield event, definition.get("messageRef")
    for task in root.iter(bpmn_tag("sendTask")):
        yield task, task.get("messageRef")


# --- the checks `validate` runs --------------------------------------------------------------------------


def contract_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """Every message the diagram catches has a usable contract, and the conditions that decide right after
    a catch name only fields of its payload schema."""
    names = _message_names(root)
    catchers = list(_catchers(root))
    for catcher, ref in [*catchers, *_throwers(root)]:
        name = names.get(ref)
        if not name:
            continue  # a catch or throw without a named message is reported by the message checks
        key = schema_key(name)
        if key not in catalogue.forms:
            verb = "catches" if (catcher, ref) in catchers else "throws"
            # A message renamed in the modeler: the contract is still there under the old name.
            contracts = [
                k[len(FOLDER) + 1 : -len(".json")] for k in catalogue.forms if k.startswith(f"{FOLDER}/")
            ]
            meant = did_you_mean(name, contracts)
            if meant:
                what = f'{describe(catcher)} {verb} message "{name}", which has no payload schema{meant}'
                yield at(file, catcher, f"{what} (messages/<name>.json is the contract of message <name>)")
                continue
            yield at(
                file, catcher, f'{describe(catcher)} {verb} message "{name}", which has no payload schema: '
                f'add {key}, a JSON Schema of its payload with "{CORRELATION}": {{"by": "business_key"}}',
            )  # fmt: skip
            continue
        fault = catalogue.form_fault(key) or correlation_fault(catalogue.forms[key])
        if fault:
            yield at(file, catcher, f'the payload schema "{key}" of message "{name}" {fault}')
            continue
        if (catcher, ref) not in catchers:
            continue
        declared = payload_fields(catalogue, key)
        for flow, undeclared in _conditions_after(catcher, declared):
            fields = ", ".join(f'"{field}"' for field in undeclared)
            yield at(
                file, flow, f"the condition of {describe(flow)} right after {describe(catcher)} names "
                f'{fields}, which the payload schema "{key}" does not declare: a payload the schema '
                "accepts would stop the process at this gateway",
            )  # fmt: skip


def payload_fields(catalogue: Catalogue, key: str) -> set[str]:
    """The fields the contract ``key`` (``messages/<name>.json``) declares of its payload; none when the
    catalogue lacks it or it is faulty (its own check says what is wrong)."""
    if key not in catalogue.forms or catalogue.form_fault(key):
        return set()
    schema = json.loads(catalogue.forms[key])
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return set(properties) if isinstance(properties, dict) else set()


def thrown_only(forms: Mapping[str, dict], name: str) -> bool:
    """Whether message ``name`` is, by its contract among a version's forms, sent by diagrams' throws only."""
    return (forms.get(schema_key(name)) or {}).get(THROWN_ONLY) is True


def to_those_waiting(forms: Mapping[str, dict], name: str) -> bool:
    """Whether message ``name`` is, by its contract among a version's forms, a signal to those waiting for it
    in the thrower's instance only: none waiting is recorded, not an error."""
    return (forms.get(schema_key(name)) or {}).get(TO_THOSE_WAITING) is True


def correlation_fault(data: bytes) -> str | None:
    schema = json.loads(data)
    if not isinstance(schema.get(THROWN_ONLY, False), bool):
        return f'has "{THROWN_ONLY}": {json.dumps(schema[THROWN_ONLY])}: write true (or leave it out)'
    fault = _to_those_waiting_fault(schema)
    if fault:
        return fault
    fault = _one_instance_per_fault(schema)
    if fault:
        return fault
    correlation = schema.get(CORRELATION)
    if correlation is None:
        return f'says no correlation: add "{CORRELATION}": {{"by": "business_key"}}'
    if not isinstance(correlation, dict) or correlation.get("by") not in CORRELATIONS:
        ways = f'{{"by": "{BY_BUSINESS_KEY}"}} or {{"by": "{BY_VARIABLE}", "property": "…"}}'
        return f"has the correlation {json.dumps(correlation)}, which the engine does not know: use {ways}"
    if correlation["by"] == BY_VARIABLE:
        return _property_fault(schema, correlation)
    unknown = set(correlation) - {"by"}
    if unknown:
        return f"has a correlation by business key with {', '.join(sorted(unknown))}, which it does not take"
    return None


def _to_those_waiting_fault(schema: dict) -> str | None:
    """A signal to those waiting in the thrower's instance is a boolean, and only of a message no party sends
    from outside: a message from outside has no instance of its own to be a signal in."""
    if TO_THOSE_WAITING not in schema:
        return None
    flag = schema[TO_THOSE_WAITING]
    if not isinstance(flag, bool):
        return f'has "{TO_THOSE_WAITING}": {json.dumps(flag)}: write true (or leave it out)'
    if flag and schema.get(THROWN_ONLY) is not True:
        return (
            f'has "{TO_THOSE_WAITING}": true without "{THROWN_ONLY}": true: only a message that diagrams '
            "alone throw can be a signal to those waiting in the thrower's instance; add it"
        )
    return None


def _one_instance_per_fault(schema: dict) -> str | None:
    """The fields that make a started instance distinct are required properties of the payload: a start
    without one of them could not be told apart from another."""
    fields = schema.get(ONE_INSTANCE_PER)
    if fields is None:
        return None
    if not isinstance(fields, list) or not fields or not all(isinstance(f, str) and f for f in fields):
        return f'has "{ONE_INSTANCE_PER}": {json.dumps(fields)}: write a list of names of its properties'
    declared = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    for name in fields:
        if name not in declared:
            return (
                f'has "{ONE_INSTANCE_PER}" naming "{name}", which the schema does not declare'
                f"{did_you_mean(name, list(declared))}"
            )
        if name not in (schema.get("required") or []):
            return (
                f'has "{ONE_INSTANCE_PER}" naming "{name}", which the schema does not require: '
                'list it in "required"'
            )
    return None


def _property_fault(schema: dict, correlation: dict) -> str | None:
    """A correlation by a payload property names a required text property of the schema, and a variable."""
    unknown = set(correlation) - {"by", "property", "variable"}
    if unknown:
        return f"has a correlation by variable with {', '.join(sorted(unknown))}, which it does not take"
    name, variable = correlation.get("property"), correlation.get("variable", correlation.get("property"))
    if not isinstance(name, str) or not name:
        return 'correlates by variable but names no "property" of the payload to find the instance by'
    if not isinstance(variable, str) or not _VARIABLE_NAME.fullmatch(variable):
        return f"correlates by the variable {json.dumps(variable)}, which is no variable name"
    declared = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    if name not in declared:
        meant = did_you_mean(name, list(declared))
        return f'correlates by the property "{name}", which the schema does not declare{meant}'
    if name not in (schema.get("required") or []):
        return (
            f'correlates by the property "{name}", which the schema does not require: list it in "required"'
        )
    kind = declared[name].get("type") if isinstance(declared[name], dict) else None
    if kind != "string":
        return f'correlates by the property "{name}", which is not text ("type": "string"): an identifier is'
    return None


def correlation_of(contract_schema: Mapping | None) -> dict:
    """The correlation a stored contract says (a version deployed before contracts correlates by business
    key), with a correlation by variable's ``variable`` filled in."""
    correlation = dict((contract_schema or {}).get(CORRELATION) or {"by": BY_BUSINESS_KEY})
    if correlation.get("by") == BY_VARIABLE:
        correlation.setdefault("variable", correlation["property"])
    return correlation


_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _conditions_after(catcher: etree._Element, declared: set[str]) -> Iterator[tuple[etree._Element, list]]:
    """(flow, names the schema does not declare) for each condition of the gateway the catch leads to, through
    merging gateways (one way out, no condition), as bpmnlint's "no fake join" rule makes analysts draw."""
    scope = catcher.getparent()
    flows = list(scope.iterchildren(bpmn_tag("sequenceFlow")))
    nodes = {node.get("id"): node for node in scope.iterchildren(etree.Element)}
    seen, pending = set(), [catcher.get("id")]
    while pending:
        source = pending.pop()
        for flow in (f for f in flows if f.get("sourceRef") == source):
            target = nodes.get(flow.get("targetRef"))
            if target is None or target.get("id") in seen or local_name(target) not in _GATEWAYS:
                continue
            seen.add(target.get("id"))
            arriving = [f for f in flows if f.get("targetRef") == target.get("id")]
            if local_name(target) == "parallelGateway" and len(arriving) > 1:
                continue  # a parallel join: what follows has every branch's data, not the payload alone
            leaving = [f for f in flows if f.get("sourceRef") == target.get("id")]
            conditions = [(f, f.find(bpmn_tag("conditionExpression"))) for f in leaving]
            if len(leaving) == 1 and conditions[0][1] is None:
                pending.append(target.get("id"))  # a merge: the deciding gateway may come next
                continue
            if local_name(target) not in CONDITIONAL_GATEWAYS:
                continue
            for out, condition in conditions:
                if condition is not None:
                    undeclared = sorted(_names(text_of(condition)) - declared - _BUILTINS)
                    if undeclared:
                        yield out, undeclared


_GATEWAYS = {*CONDITIONAL_GATEWAYS, "parallelGateway", "complexGateway"}
# What a condition may name besides variables: Python's builtins and what the sandbox adds to them.
_BUILTINS = set(dir(builtins)) | {"datetime", "date", "timedelta", "timezone", "Decimal"}


def _names(expression: str) -> set[str]:
    """The variables an expression reads (names bound inside it, as by a comprehension, excluded)."""
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        return set()  # reported by the expression checks
    names = [node for node in ast.walk(tree) if isinstance(node, ast.Name)]
    read = {name.id for name in names if isinstance(name.ctx, ast.Load)}
    bound = {name.id for name in names if isinstance(name.ctx, ast.Store)}
    bound |= {arg.arg for node in ast.walk(tree) if isinstance(node, ast.Lambda) for arg in node.args.args}
    return read - bound
