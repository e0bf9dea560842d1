"""4b. What a form may hold besides being a JSON Schema, reported at the form's own file: nothing that
reaches outside it, and no regular expression the server can not run in linear time (see ``forms``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from ..problems import Problem
from ..vocabulary import CAMUNDA_NS
from .diagram import Catalogue, bpmn_tag
from .forms import DATE_BOUNDS, EARLIEST_DATE, LATEST_DATE, PatternRefused, compiled

# Keywords whose value is an address jsonschema resolves through the registry.
_REFERENCES = ("$ref", "$dynamicRef")


def form_content_problems(catalogue: Catalogue) -> Iterator[Problem]:
    """Every form a user task or start event names, once, if it is a JSON Schema at all (else the task's
    check says so)."""
    named = {
        task.get(f"{{{CAMUNDA_NS}}}formKey")
        for root in catalogue.bpmn.values()
        for task in root.iter(bpmn_tag("userTask"), bpmn_tag("startEvent"))
    }
    for key in sorted(k for k in named if k in catalogue.forms):
        if catalogue.form_fault(key) is None:
            yield from _problems_in(key, json.loads(catalogue.forms[key]))


def _problems_in(key: str, form: dict) -> Iterator[Problem]:
    uses_unevaluated = False
    pattern_properties_at = None
    # Every object in the form is looked at, data keywords (const, enum, default, examples) included: a
    # walk that skipped them by name could be led past a schema under a property called "const".
    for pointer, node in _objects(form, ""):
        for keyword in _REFERENCES:
            address = node.get(keyword)
            if isinstance(address, str) and not address.startswith("#"):
                yield Problem(
                    key,
                    None,
                    None,
                    f'{keyword} "{address}" at {pointer or "/"} points outside the form: a form may refer '
                    'only to its own parts ("#/$defs/…"); nothing is fetched or opened',
                )
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            yield from _pattern_problems(key, pattern, f"{pointer}/pattern")
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict):
            pattern_properties_at = pattern_properties_at or f"{pointer}/patternProperties"
            for name_pattern in patterns:
                yield from _pattern_problems(key, name_pattern, f"{pointer}/patternProperties")
        yield from _required_problems(key, node, pointer)
        yield from _date_bound_problems(key, node, pointer)
        uses_unevaluated = uses_unevaluated or "unevaluatedProperties" in node
    if uses_unevaluated and pattern_properties_at:
        # jsonschema decides what unevaluatedProperties covers with Python's own regular expressions.
        yield Problem(
            key,
            None,
            None,
            f"uses unevaluatedProperties together with patternProperties (at {pattern_properties_at}): "
            "name the fields in properties, or use additionalProperties",
        )


def _required_problems(key: str, node: dict, pointer: str) -> Iterator[Problem]:
    """A required field the form does not have: no one could fill it in, so the task could never be done
    (typically a field renamed in ``properties`` but not in ``required``)."""
    properties, required = node.get("properties"), node.get("required")
    if not isinstance(properties, dict) or not isinstance(required, list) or node.get("patternProperties"):
        return
    for name in required:
        if isinstance(name, str) and name not in properties:
            yield Problem(
                key,
                None,
                None,
                f'"{name}" is required at {pointer or "/"} but is not one of its properties: the task could '
                "never be completed (was the field renamed?)",
            )


def _date_bound_problems(key: str, node: dict, pointer: str) -> Iterator[Problem]:
    """formatMinimum and formatMaximum bound a date field with dates: anything else would bound nothing or
    refuse every date."""
    bounds = {keyword: node[keyword] for keyword in DATE_BOUNDS if keyword in node}
    if not bounds:
        return
    where = pointer or "/"
    if node.get("format") != "date":
        yield Problem(
            key,
            None,
            None,
            f'{" and ".join(bounds)} at {where} bound a date: give the field "format": "date"',
        )
        return
    for keyword, bound in bounds.items():
        try:
            date.fromisoformat(bound)
            if len(bound) != 10:
                raise ValueError(bound)
        except (TypeError, ValueError):
            yield Problem(
                key, None, None, f"{keyword} at {where} is not a date written YYYY-MM-DD: {bound!r}"
            )
            return
    earliest = bounds.get("formatMinimum", EARLIEST_DATE)
    latest = bounds.get("formatMaximum", LATEST_DATE)
    if earliest > latest:
        yield Problem(
            key,
            None,
            None,
            f"the field at {where} takes no date: its earliest {earliest} is after its latest {latest}",
        )


def _pattern_problems(key: str, pattern: str, pointer: str) -> Iterator[Problem]:
    try:
        compiled(pattern)
    except PatternRefused as refused:
        yield Problem(
            key,
            None,
            None,
            f'the regular expression "{pattern}" at {pointer} can not be checked in time linear in the data '
            f"({refused}): write it without look-arounds, back-references or repetitions over 1000",
        )


def _objects(value, pointer: str) -> Iterator[tuple[str, dict]]:
    """Every JSON object in ``value`` with its JSON Pointer, in document order; a stack, not recursion,
    however deep the form is nested."""
    stack = [(pointer, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            yield where, item
            children = [(f"{where}/{_escaped(str(name))}", child) for name, child in item.items()]
        elif isinstance(item, list):
            children = [(f"{where}/{index}", child) for index, child in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))


def _escaped(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")
