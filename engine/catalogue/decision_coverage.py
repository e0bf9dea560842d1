"""Gaps in a decision table: an input combination no rule matches, found where every tested column's
values can be listed, and reported by ``validate`` as a warning (a gap may be meant: the decision then
sets nothing, and the diagram goes on without its outputs).

A column's values are listed from what is known of it: a boolean is true or false; a string is one of the
column's predefined values (``inputValues``, as Camunda Modeler writes them), else of the ``enum`` of the
form field of the same name, else one of the table's own values for it; a number is on
either side of, or at, each bound the table's cells name. Python cells, dates, and tests against other
variables are not listed: such a table is not judged. The combinations are bounded
(``MAX_CHECKS``): a wider table is not judged either, so the check stays cheap on any table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import pairwise, product
from typing import Any

from lxml import etree

from ..decisions import FEEL, Decision
from ..decisions.feel import Comparison, Interval, Literal, Path, UnaryTests, kind_of, matches
from ..problems import Problem
from ..vocabulary import CAMUNDA_NS
from .diagram import Catalogue, at, bpmn_tag

MAX_CHECKS = 200_000  # input combinations times rules: beyond it the table is not judged
_SINGLE_HIT = ("UNIQUE", "FIRST", "ANY")
_ANY = object()  # a column no rule tests: one value stands for all


def coverage_warnings(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    decisions, faults = catalogue.read_decisions(file)
    if faults:
        return
    for decision in decisions:
        if decision.hit_policy not in _SINGLE_HIT or not decision.rules:
            continue
        gaps = _gaps(decision, _form_enums(catalogue, _forms_before(catalogue, decision.id)))
        if gaps:
            shown = "; ".join(_combination(decision, gap) for gap in gaps[:3])
            more = f" (and {len(gaps) - 3} more)" if len(gaps) > 3 else ""
            found = at(
                file,
                decision.element,
                f"{decision.title}: no rule matches {shown}{more}: the decision would set nothing; add a "
                "rule, or end a FIRST table with a rule of - in every column",
            )
            yield Problem.warning(found.file, found.line, found.element_id, "decision-gap", found.message)


def _gaps(decision: Decision, enums: dict[str, list]) -> list[tuple]:
    domains = []
    for index, column in enumerate(decision.inputs):
        cells = [rule.inputs[index] for rule in decision.rules if index < len(rule.inputs)]
        domain = _domain(column, cells, enums)
        if domain is None:
            return []
        domains.append(domain)
    count = 1
    for domain in domains:
        count *= len(domain)
    if count * len(decision.rules) > MAX_CHECKS:
        return []
    gaps = []
    for combination in product(*domains):
        if not any(_rule_matches(rule, combination) for rule in decision.rules):
            gaps.append(combination)
    return gaps


def _rule_matches(rule, combination: tuple) -> bool:
    for cell, value in zip(rule.inputs, combination, strict=False):
        if value is _ANY or cell.parsed.matches_anything:
            continue
        if not matches(cell.parsed, value, {}, "input"):
            return False
    return True


def _domain(column, cells, enums: dict[str, list]) -> list | None:
    """The values standing for every value the column can take, or None when they can not be listed."""
    if all(cell.dialect == FEEL and cell.parsed.matches_anything for cell in cells):
        return [_ANY]
    if any(cell.dialect != FEEL or not isinstance(cell.parsed, UnaryTests) for cell in cells):
        return None
    literals = []
    for cell in cells:
        for test in cell.parsed.tests:
            ends = [test.endpoint] if isinstance(test, Comparison) else [test.low, test.high]
            if any(isinstance(end, Path) for end in ends):
                return None
            literals.extend(end.value for end in ends if isinstance(end, Literal) and end.value is not None)
    kinds = {kind_of(value) for value in literals}
    if column.type_ref == "boolean" or kinds == {"boolean"}:
        return [True, False]
    predefined = _predefined(column)
    if predefined is not None and kinds <= {kind_of(value) for value in predefined}:
        return predefined
    name = column.expression.text.strip()
    if kinds <= {"string"} and (name in enums or literals):
        return list(dict.fromkeys(enums.get(name) or literals))
    if kinds == {"number"}:
        return _number_points(sorted(set(literals)))
    return None


def _predefined(column) -> list | None:
    """The values a column's inputValues list ("a","b"), or None when it has none or tests otherwise."""
    allowed = column.allowed
    if allowed is None or allowed.dialect != FEEL or not isinstance(allowed.parsed, UnaryTests):
        return None
    tests = allowed.parsed
    if tests.negated or not tests.tests:
        return None
    values = []
    for test in tests.tests:
        if isinstance(test, Interval) or test.operator != "=" or not isinstance(test.endpoint, Literal):
            return None
        values.append(test.endpoint.value)
    return values


def _number_points(bounds: list) -> list:
    """A number below, at, between and above each bound: every interval of the cells holds one of them."""
    points = [bounds[0] - 1]
    for low, high in pairwise(bounds):
        points.extend([low, (low + high) / 2])
    return [*points, bounds[-1], bounds[-1] + 1]


def _forms_before(catalogue: Catalogue, decision_id: str) -> set[str]:
    """The forms of the user tasks in the processes whose business rule tasks take the decision: where
    its inputs come from (a field of the same name in an unrelated process's form says nothing of them)."""
    keys = set()
    for _, process in catalogue.processes():
        tasks = process.iter(bpmn_tag("businessRuleTask"))
        if any(task.get(f"{{{CAMUNDA_NS}}}decisionRef") == decision_id for task in tasks):
            keys.update(
                task.get(f"{{{CAMUNDA_NS}}}formKey")
                for task in process.iter(bpmn_tag("userTask"))
                if task.get(f"{{{CAMUNDA_NS}}}formKey")
            )
    return keys


def _form_enums(catalogue: Catalogue, keys: set[str]) -> dict[str, list]:
    """Field name -> the values the forms ``keys`` allow for it (the union, when forms differ)."""
    enums: dict[str, list] = {}
    for key in sorted(keys):
        data = catalogue.forms.get(key)
        if data is None:
            continue  # a form the catalogue lacks: reported as itself, it lists no values here
        try:
            properties = json.loads(data).get("properties", {})
        except (ValueError, AttributeError):
            continue
        for name, field in properties.items() if isinstance(properties, dict) else ():
            values = field.get("enum") if isinstance(field, dict) else None
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                enums.setdefault(name, [])
                enums[name].extend(v for v in values if v not in enums[name])
    return enums


def _combination(decision: Decision, combination: tuple) -> str:
    parts = [
        f"{column.expression.text.strip()} = {_shown(value)}"
        for column, value in zip(decision.inputs, combination, strict=False)
        if value is not _ANY
    ]
    return ", ".join(parts)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
