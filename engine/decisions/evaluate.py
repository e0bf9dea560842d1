"""Taking a decision: its required decisions first (a DRD), then its table under its hit policy.

- UNIQUE: at most one rule matches; two fail the decision naming both (Camunda's engine does the same).
- FIRST: the first matching rule, in the table's order.
- ANY: rules may overlap only when they agree; matching rules with different outputs fail the decision.
- RULE ORDER and COLLECT: every matching rule's outputs, as one list per output in the table's order;
  COLLECT with SUM, MIN, MAX or COUNT gives the one output's aggregate instead (COUNT: how many values).
A single-hit table where no rule matches gives no output (the variables stay as they were).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .feel import DecisionFailure, Endpoint, TableFault, UnaryTests, kind_of, matches, value_of
from .python_cells import Evaluate, passes
from .tables import FEEL, Decision, InputColumn, OutputColumn, Rule

NUMBER_TYPES = ("integer", "long", "double", "number")


def decide(
    decisions: Mapping[str, Decision], decision_id: str, variables: Mapping[str, Any], evaluate: Evaluate
) -> dict[str, Any]:
    """The outputs of ``decision_id`` (by output name) over ``variables``; ``evaluate`` runs Python cells
    in the sandbox. Raises DecisionFailure with the decision, rule and column at fault."""
    return _Session(decisions, evaluate).outputs(decision_id, dict(variables), ())


class _Session:
    def __init__(self, decisions: Mapping[str, Decision], evaluate: Evaluate):
        self.decisions = decisions
        self.evaluate = evaluate
        self.taken: dict[str, dict[str, Any]] = {}

    def outputs(self, decision_id: str, variables: dict, path: tuple[str, ...]) -> dict[str, Any]:
        if decision_id in self.taken:
            return self.taken[decision_id]
        if decision_id in path:  # refused at deploy; kept so that a stored spec can never loop
            raise DecisionFailure(f"decisions require each other: {' → '.join((*path, decision_id))}")
        decision = self.decisions[decision_id]
        context = dict(variables)
        for required in decision.required:
            context.update(self.outputs(required, variables, (*path, decision_id)))
        try:
            result = _table_outputs(decision, context, self.evaluate)
        except DecisionFailure as failure:
            raise type(failure)(f"{decision.title}: {failure}") from None  # a table's fault stays one
        self.taken[decision_id] = result
        return result


def _table_outputs(decision: Decision, context: dict, evaluate: Evaluate) -> dict[str, Any]:
    values = [_input_value(column, context, evaluate) for column in decision.inputs]
    policy = decision.hit_policy
    matching = (rule for rule in decision.rules if _matches(decision, rule, values, context, evaluate))
    if policy == "FIRST":  # no further than the first match, as in Camunda: a later rule is never judged
        first = next(matching, None)
        matched = [first] if first is not None else []
    else:
        matched = list(matching)
    if policy == "UNIQUE" and len(matched) > 1:
        rows = " and ".join(str(rule.number) for rule in matched)
        raise TableFault(
            f"the table is UNIQUE but rules {rows} match: make the rules exclude each other, or set the hit "
            "policy to FIRST if the first matching rule should win"
        )
    results = [_rule_outputs(decision, rule, context, evaluate) for rule in matched]
    if policy in ("UNIQUE", "FIRST"):
        return results[0] if results else {}
    if policy == "ANY":
        for rule, result in zip(matched[1:], results[1:], strict=True):
            if result != results[0]:
                raise TableFault(
                    f"the table's hit policy is ANY, but rules {matched[0].number} and {rule.number} match "
                    f"with different outputs ({_shown(results[0])} and {_shown(result)}): make them agree, "
                    "or set the hit policy to FIRST"
                )
        return results[0] if results else {}
    names = [_output_name(column) for column in decision.outputs]
    if decision.aggregation:
        [name] = names  # one output only: refused at deploy otherwise
        return {name: _aggregate(decision.aggregation, [r[name] for r in results])}
    return {name: [r[name] for r in results] for name in names}


def _input_value(column: InputColumn, context: dict, evaluate: Evaluate) -> Any:
    cell = column.expression
    if cell.dialect == FEEL:
        assert isinstance(cell.parsed, Endpoint)
        # An input nobody gave (an optional field) is null, as in FEEL: a "-" or null entry still matches.
        value = value_of(cell.parsed, context, missing_is_null=True)
    else:
        value = evaluate(cell.text, context)
    return _as_type(column.type_ref, value, column.title)


def _as_type(type_ref: str, value: Any, what: str) -> Any:
    """An input's value as its ``typeRef`` reads it: a date arrives in the variables as ISO text."""
    if type_ref == "date" and isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
        except ValueError:
            raise DecisionFailure(f'{what} holds dates, but its value "{value}" is not one') from None
    return value


def _matches(decision: Decision, rule: Rule, values: list, context: dict, evaluate: Evaluate) -> bool:
    for column, cell, value in zip(decision.inputs, rule.inputs, values, strict=False):
        try:
            if cell.dialect == FEEL:
                assert isinstance(cell.parsed, UnaryTests)
                passed = matches(cell.parsed, value, context, column.title)
            else:
                passed = cell.is_empty or passes(cell.text, value, context, evaluate)
        except DecisionFailure as failure:
            raise DecisionFailure(f"{rule.title}: {failure}") from None
        if not passed:
            return False
    return True


def _rule_outputs(decision: Decision, rule: Rule, context: dict, evaluate: Evaluate) -> dict[str, Any]:
    result = {}
    for column, cell in zip(decision.outputs, rule.outputs, strict=False):
        if cell.dialect == FEEL:
            assert isinstance(cell.parsed, Endpoint)
            try:
                value = _typed_output(column, value_of(cell.parsed, context))
            except DecisionFailure as failure:
                raise DecisionFailure(f"{rule.title}, {column.title}: {failure}") from None
        else:
            value = evaluate(cell.text, context) if cell.text.strip() else None
        result[_output_name(column)] = value
    return result


def _typed_output(column: OutputColumn, value: Any) -> Any:
    """An output value as its ``typeRef`` says, in a form the variables can hold (a date as ISO text)."""
    type_ref, kind = column.type_ref, kind_of(value)
    if value is None or not type_ref:
        return value
    if type_ref in ("date", "dateTime") and kind in ("date", "date and time"):
        return value.isoformat()
    expected = {"string": "string", "boolean": "boolean", "date": "string"}.get(type_ref)
    if type_ref in NUMBER_TYPES:
        expected = "number"
        if kind == "number" and type_ref in ("integer", "long") and value != int(value):
            raise DecisionFailure(f"{value} is not a whole number")
        if kind == "number" and type_ref in ("integer", "long"):
            value = int(value)
    if expected and kind != expected:
        raise DecisionFailure(f"the value {value!r} is a {kind}, not a {type_ref}")
    return value


def _output_name(column: OutputColumn) -> str:
    return column.name or column.label or column.id


def _aggregate(aggregation: str, values: list) -> Any:
    present = [v for v in values if v is not None]
    if aggregation == "COUNT":
        return len(present)
    if not present:
        return None
    for value in present:
        if kind_of(value) != "number":
            raise DecisionFailure(f"COLLECT {aggregation} needs numbers, but a matching rule gives {value!r}")
    return {"SUM": sum, "MIN": min, "MAX": max}[aggregation](present)


def _shown(result: dict) -> str:
    return ", ".join(f"{name} = {value!r}" for name, value in result.items())
