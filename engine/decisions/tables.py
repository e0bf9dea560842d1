"""Decisions as a DMN 1.3 file holds them, read once: every decision of the file by its id, its decision
table, the decisions it requires (a DRD's ``informationRequirement``), and each cell in its dialect.

A cell's dialect is the ``expressionLanguage`` of the cell, else of the file's ``definitions``, else FEEL,
as DMN says (Camunda Modeler writes FEEL and leaves the attribute out). ``python`` marks cells written as
the engine's Python expressions. FEEL cells are parsed here; a cell that does not parse in its dialect,
one in another language, or one longer than a cell may be is a fault, found at deploy with its rule and
column. A decision keeps the texts it was read from (``as_dict``): it is stored with a definition's spec
and read again from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..limits import MAX_DECISION_CELL_CHARS
from .feel import FEEL_NAMES, Endpoint, FeelError, UnaryTests, parse_expression, parse_unary_tests

FEEL = "feel"
PYTHON = "python"
UNREAD = "unread"  # a cell with a fault: reported, never run

# What the engine runs, as DMN names it: hit policies and COLLECT's aggregations.
HIT_POLICIES = ("UNIQUE", "FIRST", "ANY", "COLLECT", "RULE ORDER")
AGGREGATIONS = ("SUM", "MIN", "MAX", "COUNT")
NOT_RUN_HIT_POLICIES = {
    "PRIORITY": "PRIORITY (as in Camunda 7) is not run: order the rules by priority and use FIRST",
    "OUTPUT ORDER": "OUTPUT ORDER (as in Camunda 7) is not run: use RULE ORDER, or COLLECT",
}


@dataclass(frozen=True)
class Fault:
    """A fault of a decision, at the element it is found at (for its line and id)."""

    element: Any  # lxml element
    message: str


@dataclass(frozen=True)
class Cell:
    text: str
    dialect: str
    parsed: UnaryTests | Endpoint | None = None  # FEEL cells only

    @property
    def is_empty(self) -> bool:
        return self.text.strip() in ("", "-")


@dataclass(frozen=True)
class InputColumn:
    id: str
    label: str
    expression: Cell
    type_ref: str
    # the column's predefined values (inputValues, e.g. "a","b"): what the checks list the column's values
    # from; the decision is taken whatever the value, as in Camunda
    allowed: Cell | None = field(default=None, compare=False)
    element: Any = field(default=None, compare=False, repr=False)  # where it was read, for the checks

    @property
    def title(self) -> str:
        return f'input "{self.label or self.expression.text.strip() or self.id}"'


@dataclass(frozen=True)
class OutputColumn:
    id: str
    name: str
    label: str
    type_ref: str

    @property
    def title(self) -> str:
        return f'output "{self.label or self.name or self.id}"'


@dataclass(frozen=True)
class Rule:
    id: str
    number: int  # counted from 1, as the modeler shows rows
    inputs: tuple[Cell, ...]
    outputs: tuple[Cell, ...]
    element: Any = field(default=None, compare=False, repr=False)  # where it was read, for the checks

    @property
    def title(self) -> str:
        return f"rule {self.number} ({self.id})"


@dataclass(frozen=True)
class Decision:
    id: str
    name: str
    file: str
    hit_policy: str
    aggregation: str | None
    inputs: tuple[InputColumn, ...]
    outputs: tuple[OutputColumn, ...]
    rules: tuple[Rule, ...]
    required: tuple[str, ...] = field(default=())  # ids of the decisions whose outputs it reads
    element: Any = field(default=None, compare=False, repr=False)  # the decision, where it was read
    table_element: Any = field(default=None, compare=False, repr=False)

    @property
    def title(self) -> str:
        return f'decision "{self.name or self.id}"'

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "file": self.file,
            "hit_policy": self.hit_policy,
            "aggregation": self.aggregation,
            "inputs": [
                [c.id, c.label, c.expression.text, c.expression.dialect, c.type_ref] for c in self.inputs
            ],
            "outputs": [[c.id, c.name, c.label, c.type_ref] for c in self.outputs],
            "rules": [
                [r.id, [[c.text, c.dialect] for c in r.inputs], [[c.text, c.dialect] for c in r.outputs]]
                for r in self.rules
            ],
            "required": list(self.required),
        }

    @classmethod
    def from_dict(cls, dct: dict) -> Decision:
        """A stored decision, parsed again (its texts passed the checks when it was deployed)."""
        inputs = tuple(
            InputColumn(id_, label, _cell(text, dialect, parse_expression), type_ref)
            for id_, label, text, dialect, type_ref in dct["inputs"]
        )
        rules = tuple(
            Rule(
                id_,
                number,
                tuple(_cell(text, dialect, parse_unary_tests) for text, dialect in inputs_),
                tuple(_cell(text, dialect, parse_expression) for text, dialect in outputs),
            )
            for number, (id_, inputs_, outputs) in enumerate(dct["rules"], start=1)
        )
        return cls(
            id=dct["id"],
            name=dct["name"],
            file=dct["file"],
            hit_policy=dct["hit_policy"],
            aggregation=dct["aggregation"],
            inputs=inputs,
            outputs=tuple(OutputColumn(*values) for values in dct["outputs"]),
            rules=rules,
            required=tuple(dct["required"]),
        )


def _cell(text: str, dialect: str, parse) -> Cell:
    return Cell(text, dialect, parse(text) if dialect == FEEL else None)


# ---- reading a file -----------------------------------------------------------------------------------


def read_decisions(file: str, root: etree._Element) -> tuple[list[Decision], list[Fault]]:
    """Every decision with a decision table in a DMN file, and every fault found reading them."""
    reader = _Reader(file, root)
    decisions = [d for d in map(reader.decision, root.iterchildren(reader.tag("decision"))) if d]
    return decisions, reader.faults


class _Reader:
    def __init__(self, file: str, root: etree._Element):
        self.file = file
        self.namespace = etree.QName(root).namespace
        self.default_dialect = root.get("expressionLanguage")
        self.faults: list[Fault] = []

    def tag(self, local: str) -> str:
        return f"{{{self.namespace}}}{local}"

    def decision(self, element) -> Decision | None:
        table = element.find(self.tag("decisionTable"))
        if table is None:
            return None  # a decision without a table (a literal expression, or none yet): see the checks
        policy = (table.get("hitPolicy") or "UNIQUE").upper()
        aggregation = table.get("aggregation")
        inputs = tuple(self.input(column) for column in table.iterchildren(self.tag("input")))
        outputs = tuple(
            OutputColumn(o.get("id", ""), o.get("name", ""), o.get("label", ""), o.get("typeRef", ""))
            for o in table.iterchildren(self.tag("output"))
        )
        rules = tuple(
            self.rule(rule, number, inputs, outputs)
            for number, rule in enumerate(table.iterchildren(self.tag("rule")), start=1)
        )
        required = tuple(
            reference.get("href", "").lstrip("#")
            for requirement in element.iterchildren(self.tag("informationRequirement"))
            for reference in requirement.iterchildren(self.tag("requiredDecision"))
        )
        return Decision(
            id=element.get("id", ""),
            name=element.get("name", ""),
            file=self.file,
            hit_policy=policy,
            aggregation=aggregation,
            inputs=inputs,
            outputs=outputs,
            rules=rules,
            required=required,
            element=element,
            table_element=table,
        )

    def input(self, column) -> InputColumn:
        expression = column.find(self.tag("inputExpression"))
        expression = expression if expression is not None else etree.Element("_")
        label = column.get("label", "")
        where = f'the expression of input "{label or column.get("id")}"'
        cell = self.cell(expression, parse_expression, lambda: where, anchor=column)
        values = column.find(self.tag("inputValues"))
        allowed = None
        if values is not None:
            what = f'the predefined values of input "{label or column.get("id")}"'
            allowed = self.cell(values, parse_unary_tests, lambda: what, anchor=column)
        type_ref = expression.get("typeRef", "")
        return InputColumn(column.get("id", ""), label, cell, type_ref, allowed, element=column)

    def rule(self, element, number, inputs, outputs) -> Rule:
        rule_id = element.get("id", "")
        entries = list(element.iterchildren(self.tag("inputEntry")))
        results = list(element.iterchildren(self.tag("outputEntry")))
        if len(entries) != len(inputs) or len(results) != len(outputs):
            self.faults.append(
                Fault(
                    element,
                    f"rule {number} ({rule_id}) has {len(entries)} input and {len(results)} output entries "
                    f"for {len(inputs)} inputs and {len(outputs)} outputs: give every column one entry",
                )
            )
        cells = tuple(
            self.cell(entry, parse_unary_tests, lambda c=column: f"rule {number}, {c.title}", element)
            for column, entry in zip(inputs, entries, strict=False)
        )
        values = tuple(
            self.cell(entry, parse_expression, lambda c=column: f"rule {number}, {c.title}", element)
            for column, entry in zip(outputs, results, strict=False)
        )
        return Rule(rule_id, number, cells, values, element=element)

    def cell(self, element, parse, where, anchor) -> Cell:
        """The cell ``element`` (an entry, or an input expression) read in its dialect; its faults are
        reported at ``anchor``, its rule or input column, whose line and id the modeler shows."""
        text_element = element.find(self.tag("text"))
        text = (text_element.text or "") if text_element is not None else ""
        declared = element.get("expressionLanguage") or self.default_dialect
        dialect = dialect_of(declared)
        place = anchor
        if len(text) > MAX_DECISION_CELL_CHARS:
            message = f"is {len(text):,} characters long: a cell holds at most {MAX_DECISION_CELL_CHARS:,}"
            self.faults.append(Fault(place, f"{where()}: the entry {message}"))
            return Cell(text, UNREAD)
        if dialect is None:
            why = 'cells are FEEL (leave expressionLanguage out) or Python (expressionLanguage="python")'
            self.faults.append(
                Fault(place, f'{where()}: the expression language "{declared}" is not run: {why}')
            )
            return Cell("", UNREAD)
        if dialect == PYTHON:
            return Cell(text, PYTHON)
        try:
            return Cell(text, FEEL, parse(text))
        except FeelError as error:
            shown = text.strip() if len(text.strip()) <= 60 else text.strip()[:57] + "…"
            what = "is not a FEEL value or variable" if parse is parse_expression else "is not FEEL"
            message = error.message
            if parse is parse_expression:
                message = message.replace("is not a FEEL unary test", what)
            said = f"the entry {shown} {message}" if message.startswith("is ") else message
            self.faults.append(Fault(place, f"{where()}: {said}"))
            return Cell(text, UNREAD)


def dialect_of(declared: str | None) -> str | None:
    """FEEL, Python or None for a language the engine does not run; absent means FEEL, as DMN says."""
    if declared is None or declared.strip() == "":
        return FEEL
    name = declared.strip()
    if name in FEEL_NAMES or name.lower() == "feel":
        return FEEL
    if name.lower() == "python":
        return PYTHON
    return None


def cells_of(decision: Decision) -> Iterator[tuple[Rule, InputColumn | OutputColumn, Cell]]:
    for rule in decision.rules:
        yield from ((rule, c, cell) for c, cell in zip(decision.inputs, rule.inputs, strict=False))
        yield from ((rule, c, cell) for c, cell in zip(decision.outputs, rule.outputs, strict=False))
