"""Message contracts: what the payload of each message a diagram catches must hold, and how it finds its
instance.

The contract of message ``kela_application_decision`` is the file ``messages/kela_application_decision.json``
beside the forms: a JSON Schema (draft 2020-12) of the payload whose ``x-correlation`` says how a delivery
finds the instance that waits (``{"by": "business_key"}``: by the instance's business key, or by its id).
A naming rule, not an attribute in the diagram, so that no modeler has to learn a new field and a diagram
saved by Camunda Modeler or bpmn.io keeps its contract.
"""

from __future__ import annotations

import ast
import builtins
import json
from collections.abc import Iterator, Mapping

from lxml import etree

from ..problems import Problem
from .diagram import CONDITIONAL_GATEWAYS, Catalogue, at, bpmn_tag, describe, local_name, text_of
from .reference_checks import did_you_mean

FOLDER = "messages"
CORRELATION = "x-correlation"
# How a delivery may find its instance. Only the business key (or the instance id) is built: a payload
# property compared with a variable would need the store to index variables.
CORRELATIONS = ("business_key",)


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
    return schema, dict(stored[CORRELATION])


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
        declared = set(json.loads(catalogue.forms[key]).get("properties", {}))
        for flow, undeclared in _conditions_after(catcher, declared):
            fields = ", ".join(f'"{field}"' for field in undeclared)
            yield at(
                file, flow, f"the condition of {describe(flow)} right after {describe(catcher)} names "
                f'{fields}, which the payload schema "{key}" does not declare: a payload the schema '
                "accepts would stop the process at this gateway",
            )  # fmt: skip


def correlation_fault(data: bytes) -> str | None:
    correlation = json.loads(data).get(CORRELATION)
    if correlation is None:
        return f'says no correlation: add "{CORRELATION}": {{"by": "business_key"}}'
    if not isinstance(correlation, dict) or correlation.get("by") not in CORRELATIONS:
        ways = ", ".join(f'{{"by": "{way}"}}' for way in CORRELATIONS)
        return f"has the correlation {json.dumps(correlation)}, which the engine does not know: use {ways}"
    return None


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
