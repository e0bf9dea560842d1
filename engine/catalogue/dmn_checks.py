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


# SpiffWorkflow evaluates UNIQUE and FIRST alike (the first matching rule) and COLLECT as a list per output;
# any other hit policy, or a COLLECT aggregation, it would quietly run as FIRST or as a plain list.
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
