"""The checks of a DMN decision table: cells that compile as SpiffWorkflow reads them, hit policies it runs
as written."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..bpmn import expression_problem
from ..problems import Problem
from .diagram import Catalogue, at, describe, text_of
from .flow_checks import expression_fault

# A cell longer than any table needs is refused before a pattern reads it: finding the "?" outside quotes
# takes time quadratic in the cell's length (150,000 "?" held a worker for minutes), here and in
# SpiffWorkflow.
MAX_CELL_LENGTH = 2_000

# SpiffWorkflow's DMN engine puts the input's value where a cell has a "?" outside quotes.
_DMN_INPUT_PLACEHOLDER = re.compile(r"""(\?)(?=(?:[^'"]|['"][^'"]*['"])*$)""")


def dmn_expression_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        inputs = table.findall("dmn:input", namespace)
        for column in inputs:
            fault = expression_fault(text_of(column.find("dmn:inputExpression/dmn:text", namespace)))
            if fault:
                yield at(file, column, f"the expression of {describe(column)} {fault}")
        outputs = table.findall("dmn:output", namespace)
        for number, rule in enumerate(table.iterfind("dmn:rule", namespace), start=1):
            cells = [
                *_cells(rule, "dmn:inputEntry", inputs, input_entry_problem, namespace),
                *_cells(rule, "dmn:outputEntry", outputs, expression_problem, namespace),
            ]
            for column, text, message in cells:
                what = f"rule {number}: the entry {text} for {describe(column)}"
                yield at(file, rule, f"{what} is not a valid expression: {message}")


# The engine runs FIRST (the first matching rule), UNIQUE (two matching rules fail the decision) and
# COLLECT (a list per output); any other hit policy, or a COLLECT aggregation, SpiffWorkflow would quietly
# run as FIRST or as a plain list.
_HIT_POLICIES = {"UNIQUE", "FIRST", "COLLECT"}


def hit_policy_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        policy = table.get("hitPolicy", "UNIQUE")
        if policy not in _HIT_POLICIES:
            yield at(
                file, table, f"hit policy {policy} is not supported: use FIRST (the first matching rule "
                "wins, so the order of the rules matters), UNIQUE (at most one rule matches) or COLLECT",
            )  # fmt: skip
        elif policy == "COLLECT" and table.get("aggregation"):
            yield at(
                file, table, f"COLLECT with the aggregation {table.get('aggregation')} is not supported: "
                "COLLECT gives the list of every matching rule's outputs",
            )  # fmt: skip


def _cells(rule, tag, columns, problem_of, namespace) -> Iterator[tuple[etree._Element, str, str]]:
    """(column, text, message) of each faulty cell; "-" or empty matches anything or gives nothing."""
    for column, entry in zip(columns, rule.iterfind(tag, namespace), strict=False):
        text = text_of(entry.find("dmn:text", namespace))
        if len(text) > MAX_CELL_LENGTH:
            yield (
                column,
                f"{text[:40]}…",
                f"it is {len(text):,} characters long, over the limit of {MAX_CELL_LENGTH:,}",
            )
            continue
        message = problem_of(text) if text not in ("", "-") else None
        if message:
            yield column, text, message


def input_entry_problem(text: str) -> str | None:
    """SpiffWorkflow reads an input cell as a whole expression, as a test to put after the input's value
    ("> 5", "in ['a', 'b']"), or as an expression where "?" stands for that value."""
    if _DMN_INPUT_PLACEHOLDER.search(text):
        return expression_problem(_DMN_INPUT_PLACEHOLDER.sub("dmninputexpr", text))
    message = expression_problem(text)
    if message and expression_problem(f"dmninputexpr {text}") is None:
        if _WORD_OPERATOR.match(text.strip()):
            # SpiffWorkflow glues the test to the input expression with no space ("kindin [...]").
            test = text.strip()
            return f'a test that starts with a word ("{test}") must name the input: write "? {test}"'
        return None
    return message


_WORD_OPERATOR = re.compile(r"^(not\s+in|in|is|and|or)\b")


# --- cells whose type contradicts their column's ---------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d\d:\d\d)?)?$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _typed_cell_problem(type_ref: str, text: str) -> str | None:
    """What is wrong with a literal cell under its column's ``typeRef`` (cells are Python, not FEEL)."""
    literal = text.strip()
    unquoted = (
        literal[1:-1] if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "'\"" else None
    )
    if type_ref == "boolean" and (literal in ("true", "false") or unquoted in ("true", "false")):
        value = "True" if "true" in literal else "False"
        return f"{literal} is not a boolean here: write {value} (cells are Python)"
    if (
        type_ref in ("integer", "long", "double", "number")
        and unquoted is not None
        and _NUMBER.match(unquoted)
    ):
        return f"{literal} is text, not a number: write {unquoted}"
    if type_ref == "date" and unquoted is not None and not _ISO_DATE.match(unquoted):
        return f'{literal} is not a date the engine reads: write it as "YYYY-MM-DD", e.g. "2026-09-01"'
    return None


def _input_type(column: etree._Element, namespace: dict) -> str:
    expression = column.find("dmn:inputExpression", namespace)
    return (expression if expression is not None else column).get("typeRef", "")


def typed_entry_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        inputs = table.findall("dmn:input", namespace)
        input_types = [_input_type(column, namespace) for column in inputs]
        outputs = table.findall("dmn:output", namespace)
        for number, rule in enumerate(table.iterfind("dmn:rule", namespace), start=1):
            entries = [
                *zip(inputs, input_types, rule.iterfind("dmn:inputEntry", namespace), strict=False),
                *(
                    (c, c.get("typeRef", ""), e)
                    for c, e in zip(outputs, rule.iterfind("dmn:outputEntry", namespace), strict=False)
                ),
            ]
            for column, type_ref, entry in entries:
                message = _typed_cell_problem(type_ref, text_of(entry.find("dmn:text", namespace)))
                if message:
                    where = f"rule {number}: {describe(column)} holds {type_ref} values"
                    yield at(file, rule, f"{where}: {message}")


# --- UNIQUE tables whose rules overlap -------------------------------------------------------------------

_LITERAL = re.compile(r"""^("[^"]*"|'[^']*'|-?\d+(\.\d+)?|True|False|None)$""")


def overlapping_rule_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """Two rules of a UNIQUE table that surely match together (every column "-" in one of them, or the same
    literal in both) would fail the decision whenever they do: the analyst learns it here, not at run time.
    Rules with other tests may overlap too; the engine refuses those when they do."""
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        if table.get("hitPolicy", "UNIQUE") != "UNIQUE":
            continue
        rules = [
            [
                text_of(e.find("dmn:text", namespace)).strip()
                for e in rule.iterfind("dmn:inputEntry", namespace)
            ]
            for rule in table.iterfind("dmn:rule", namespace)
        ]
        elements = list(table.iterfind("dmn:rule", namespace))
        for second, later in enumerate(rules):
            for first, earlier in enumerate(rules[:second]):
                if all(_surely_both(a, b) for a, b in zip(earlier, later, strict=False)):
                    yield at(
                        file,
                        elements[second],
                        f"rules {first + 1} and {second + 1} of the UNIQUE {describe(table)} match the same "
                        "inputs: make them exclude each other, or set the hit policy to FIRST",
                    )
                    break


def _surely_both(a: str, b: str) -> bool:
    if a in ("", "-") or b in ("", "-"):
        return True
    return bool(_LITERAL.match(a)) and a == b
