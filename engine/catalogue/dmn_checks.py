"""The checks of DMN decisions: every cell read in its dialect (FEEL unless declared Python), hit policies
the engine runs as written, values of the type their column says, required decisions that exist and do not
require each other in a circle, and UNIQUE or ANY rules that surely clash.

The cells are read by engine/decisions, the same reader the engine runs them with, so a cell that passes
here is a cell the engine understands as it is written. Every check is linear in the length of a cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ..bpmn import expression_problem
from ..decisions import AGGREGATIONS, FEEL, HIT_POLICIES, NOT_RUN_HIT_POLICIES, PYTHON, Decision
from ..decisions.feel import Comparison, Interval, Literal, UnaryTests, kind_of
from ..decisions.python_cells import INPUT_NAME, with_input_name
from ..decisions.tables import Cell, InputColumn, OutputColumn, Rule
from ..problems import Problem
from .diagram import Catalogue, at
from .flow_checks import expression_fault


def decision_cell_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    decisions, faults = catalogue.read_decisions(file)
    for fault in faults:
        yield at(file, fault.element, fault.message)
    for decision in decisions:
        for column in decision.inputs:
            if column.expression.dialect == PYTHON:
                fault = expression_fault(column.expression.text.strip())
                if fault:
                    yield at(file, column.element, f"the expression of {column.title} {fault}")
        for rule in decision.rules:
            for column, cell, problem_of in _python_cells(decision, rule):
                message = problem_of(cell.text.strip())
                if message:
                    what = f"rule {rule.number}, {column.title}: the entry {cell.text.strip()}"
                    yield at(file, rule.element, f"{what} is not a valid expression: {message}")
    for element in root.iterchildren(f"{{{etree.QName(root).namespace}}}decision"):
        kinds = [etree.QName(child).localname for child in element if isinstance(child.tag, str)]
        logic = [k for k in kinds if k in ("literalExpression", "context", "invocation", "relation", "list")]
        title = f'decision "{element.get("name") or element.get("id")}"'
        if "decisionTable" not in kinds and logic:
            yield at(
                file,
                element,
                f"{title} is a {logic[0]}, which is not run: write its logic as a decision table",
            )


def _python_cells(decision: Decision, rule: Rule):
    for column, cell in zip(decision.inputs, rule.inputs, strict=False):
        if cell.dialect == PYTHON and not cell.is_empty:
            yield column, cell, input_entry_problem
    for column, cell in zip(decision.outputs, rule.outputs, strict=False):
        if cell.dialect == PYTHON and cell.text.strip():
            yield column, cell, expression_problem


def input_entry_problem(text: str) -> str | None:
    """A Python input entry is a whole expression, a test to put after the input's value ("> 5",
    "in ['a', 'b']"), or an expression where "?" stands for that value."""
    placed = with_input_name(text)
    if placed is not None:
        return expression_problem(placed)
    message = expression_problem(text)
    if message and expression_problem(f"{INPUT_NAME} {text}") is None:
        return None
    return message


def hit_policy_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for decision in catalogue.read_decisions(file)[0]:
        table = decision.table_element
        policy, aggregation = decision.hit_policy, decision.aggregation
        if policy not in HIT_POLICIES and policy not in NOT_RUN_HIT_POLICIES:
            continue  # not DMN at all: the schema check says so
        if policy in NOT_RUN_HIT_POLICIES:
            yield at(file, table, f"hit policy {NOT_RUN_HIT_POLICIES[policy]}")
        elif aggregation and policy != "COLLECT":
            yield at(file, table, f"the aggregation {aggregation} belongs to COLLECT, not to {policy}")
        elif aggregation and aggregation not in AGGREGATIONS:
            yield at(file, table, f"COLLECT {aggregation} is not run: use {', '.join(AGGREGATIONS)}")
        elif aggregation and len(decision.outputs) != 1:
            why = f"COLLECT {aggregation} aggregates one output, and the table has {len(decision.outputs)}"
            yield at(file, table, f"{why}: give it one output, or leave the aggregation out")


# --- required decisions (a DRD) ----------------------------------------------------------------------------


def requirement_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """A required decision no DMN file defines, and decisions that require each other in a circle."""
    every = catalogue.every_decision()
    for decision in catalogue.read_decisions(file)[0]:
        for required in decision.required:
            if required not in every:
                yield at(
                    file,
                    decision.element,
                    f"{decision.title} requires decision '{required}', which no DMN file defines",
                )
        circle = _circle_from(decision.id, every)
        if circle:
            shown = " → ".join(circle)
            yield at(file, decision.element, f"{decision.title} requires itself: {shown}")


def _circle_from(start: str, every: dict[str, Decision]) -> list[str] | None:
    """The path back to ``start`` when its requirements lead there (depth-first, each decision once)."""
    seen, stack = set(), [(start, [start])]
    while stack:
        key, path = stack.pop()
        for required in every[key].required if key in every else ():
            if required == start:
                return [*path, start]
            if required not in seen:
                seen.add(required)
                stack.append((required, [*path, required]))
    return None


# --- cells whose type contradicts their column's -----------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d\d:\d\d)?)?$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_NUMBER_TYPES = ("integer", "long", "double", "number")
_KIND_OF_TYPE = {"string": "string", "boolean": "boolean", **dict.fromkeys(_NUMBER_TYPES, "number")}


def _python_typed_problem(type_ref: str, text: str) -> str | None:
    """What is wrong with a literal Python cell under its column's ``typeRef``."""
    literal = text.strip()
    unquoted = (
        literal[1:-1] if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "'\"" else None
    )
    if type_ref == "boolean" and (literal in ("true", "false") or unquoted in ("true", "false")):
        value = "True" if "true" in literal else "False"
        return f"{literal} is not a boolean here: write {value} (cells are Python)"
    if type_ref in _NUMBER_TYPES and unquoted is not None and _NUMBER.match(unquoted):
        return f"{literal} is text, not a number: write {unquoted}"
    if type_ref == "date" and unquoted is not None and not _ISO_DATE.match(unquoted):
        return f'{literal} is not a date the engine reads: write it as "YYYY-MM-DD", e.g. "2026-09-01"'
    return None


def _feel_typed_problem(type_ref: str, value: Any) -> str | None:
    """What is wrong with a FEEL literal under its column's ``typeRef`` (DMN would quietly make it null)."""
    kind = kind_of(value)
    if value is None or not type_ref:
        return None
    if type_ref == "date":
        if kind in ("date", "date and time"):
            return None
        if kind == "string" and _ISO_DATE.match(value):
            return None
        return f'{_shown(value)} is not a date: write date("YYYY-MM-DD"), e.g. date("2026-09-01")'
    expected = _KIND_OF_TYPE.get(type_ref)
    if expected is None or kind == expected:
        return None
    if expected == "number" and kind == "string" and _NUMBER.match(value):
        return f"{_shown(value)} is text, not a number: write {value}"
    if expected == "boolean" and kind == "string" and value in ("true", "false"):
        return f"{_shown(value)} is text, not a boolean: write {value}"
    return f"{_shown(value)} is a {kind}, not a {type_ref}"


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return f'date("{value.isoformat()}")'
    return str(value)


def _cell_type_problem(column: InputColumn | OutputColumn, cell: Cell) -> str | None:
    if cell.dialect == PYTHON:
        return _python_typed_problem(column.type_ref, cell.text)
    parsed = cell.parsed
    if isinstance(parsed, Literal):
        return _feel_typed_problem(column.type_ref, parsed.value)
    if isinstance(parsed, UnaryTests):
        for test in parsed.tests:
            ends = [test.endpoint] if isinstance(test, Comparison) else [test.low, test.high]
            for end in ends:
                if isinstance(end, Literal):
                    message = _feel_typed_problem(column.type_ref, end.value)
                    if message:
                        return message
    return None


def typed_entry_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for decision in catalogue.read_decisions(file)[0]:
        for rule in decision.rules:
            entries = [
                *zip(decision.inputs, rule.inputs, strict=False),
                *zip(decision.outputs, rule.outputs, strict=False),
            ]
            for column, cell in entries:
                message = _cell_type_problem(column, cell)
                if message:
                    where = f"rule {rule.number}: {column.title} holds {column.type_ref} values"
                    yield at(file, rule.element, f"{where}: {message}")


# --- UNIQUE and ANY tables whose rules clash ---------------------------------------------------------------

_PYTHON_LITERAL = re.compile(r"""^("[^"]*"|'[^']*'|-?\d+(\.\d+)?|True|False|None)$""")


def overlapping_rule_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """Two rules of a UNIQUE table that surely match together (one value passes every column of both)
    would fail the decision whenever they do; so would two rules of an ANY table that give different
    outputs. The analyst learns it here, not at run time. Rules whose tests this can not compare may overlap
    too; the engine refuses those when they do."""
    for decision in catalogue.read_decisions(file)[0]:
        if decision.hit_policy not in ("UNIQUE", "ANY"):
            continue
        for second, later in enumerate(decision.rules):
            for earlier in decision.rules[:second]:
                if decision.hit_policy == "ANY" and _same_outputs(earlier, later):
                    continue
                if all(_surely_both(a, b) for a, b in zip(earlier.inputs, later.inputs, strict=False)):
                    table = f"the {decision.hit_policy} decision table of {decision.title}"
                    clash = "match the same inputs"
                    if decision.hit_policy == "ANY":
                        clash = "match the same inputs with different outputs"
                    yield at(
                        file,
                        later.element,
                        f"rules {earlier.number} and {later.number} of {table} {clash}: make them exclude "
                        "each other, or set the hit policy to FIRST",
                    )
                    break


def _same_outputs(a: Rule, b: Rule) -> bool:
    return [" ".join(c.text.split()) for c in a.outputs] == [" ".join(c.text.split()) for c in b.outputs]


def _surely_both(a: Cell, b: Cell) -> bool:
    if a.is_empty or b.is_empty:
        return True
    if a.dialect == FEEL and b.dialect == FEEL:
        values_a, values_b = _values(a.parsed), _values(b.parsed)
        return values_a is not None and values_b is not None and bool(values_a & values_b)
    text_a, text_b = a.text.strip(), b.text.strip()
    return a.dialect == b.dialect == PYTHON and bool(_PYTHON_LITERAL.match(text_a)) and text_a == text_b


def _values(tests) -> set | None:
    """The literal values a FEEL cell lists ("a","b"), or None when it tests otherwise."""
    if not isinstance(tests, UnaryTests) or tests.negated:
        return None
    values = set()
    for test in tests.tests:
        if isinstance(test, Interval) or test.operator != "=" or not isinstance(test.endpoint, Literal):
            return None
        values.add((kind_of(test.endpoint.value), test.endpoint.value))
    return values
