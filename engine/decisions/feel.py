"""The part of FEEL (DMN 1.3, chapter 10) that decision tables are written in: the unary tests of input
entries, and the simple expressions of input expressions and output entries.

Camunda Modeler writes cells such as ``"a","b"``, ``not("x")``, ``[1..5]``, ``>= date("2026-09-01")``,
``-``. Each cell is parsed once, at deploy, by an LALR grammar (lark): parsing is linear in the cell's
length, and a cell the grammar does not take is refused with its column, never guessed at. What a parsed
cell means is a small tree of tests, judged against a value here without any ``eval``.

Judging follows FEEL where FEEL is clear and is strict where FEEL would silently say null: an input that
is null matches only ``null`` and ``-``; an input of another type than the value it is compared with (a
text against a number) fails the decision naming both, since FEEL's null there would make the rule quietly
not match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lark import Lark, Token, Transformer, UnexpectedInput

# DMN's URIs of FEEL, and the short names Camunda's engines accept in expressionLanguage.
FEEL_NAMES = frozenset(
    {
        "https://www.omg.org/spec/DMN/20191111/FEEL/",
        "http://www.omg.org/spec/DMN/20180521/FEEL/",
        "http://www.omg.org/spec/FEEL/20140401",
        "feel",
    }
)

_GRAMMAR = r"""
tests: NOT "(" positive_tests ")"   -> negated
     | positive_tests
positive_tests: positive_test ("," positive_test)*
?positive_test: COMPARATOR endpoint -> comparison
              | opening endpoint ".." endpoint closing -> interval
              | endpoint -> equal

?endpoint: STRING -> string
         | NUMBER -> number
         | TRUE -> true
         | FALSE -> false
         | NULL -> null
         | DATE "(" STRING ")" -> date
         | DATE AND TIME "(" STRING ")" -> date_time
         | NAME ("." NAME)* -> path

COMPARATOR: "<=" | ">=" | "!=" | "<" | ">" | "="
!opening: "[" | "(" | "]"
!closing: "]" | ")" | "["
STRING: /"(?:[^"\\\n]|\\.)*"/
NUMBER: /-?\d+(\.\d+)?/
NAME: /(?!\d)\w+/  // letters of any language (ikä, hakija), digits, underscores
NOT: "not"
TRUE: "true"
FALSE: "false"
NULL: "null"
DATE: "date"
AND: "and"
TIME: "time"

%import common.WS
%ignore WS
"""

_PARSER = Lark(_GRAMMAR, parser="lalr", start=["tests", "endpoint"], maybe_placeholders=False)

# Python spellings an analyst used to the old cells writes: each refused with the FEEL to write instead.
_PYTHONISMS = {"True": "true", "False": "false", "None": "null"}


class FeelError(ValueError):
    """A cell that is not FEEL this engine reads; ``column`` counts from 1."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.column = column


class DecisionFailure(Exception):
    """A decision that can not be taken on these inputs: said in the analyst's words."""


class TableFault(DecisionFailure):
    """A decision the table itself can not give, whatever the caller sent right: its rules contradict its
    hit policy. The process definition is at fault, not the data."""


# ---- what a parsed cell is ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    value: Any  # str, int, float, bool, None, date or datetime


@dataclass(frozen=True)
class Path:
    names: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.names)


Endpoint = Literal | Path


@dataclass(frozen=True)
class Comparison:
    operator: str  # one of < <= > >= = !=
    endpoint: Endpoint


@dataclass(frozen=True)
class Interval:
    low: Endpoint
    high: Endpoint
    low_closed: bool
    high_closed: bool


@dataclass(frozen=True)
class UnaryTests:
    """A whole input entry: any value (``-`` or empty), or a list of tests one of which must hold, maybe
    negated as ``not(…)``."""

    tests: tuple[Comparison | Interval, ...] = ()
    negated: bool = False

    @property
    def matches_anything(self) -> bool:
        return not self.tests and not self.negated


ANY_VALUE = UnaryTests()


class _ToTests(Transformer):
    def negated(self, children):
        return UnaryTests(children[1].tests, negated=True)

    def tests(self, children):
        return children[0]

    def positive_tests(self, children):
        return UnaryTests(tuple(children))

    def comparison(self, children):
        return Comparison(str(children[0]), children[1])

    def interval(self, children):
        opening, low, high, closing = children
        closed_low, closed_high = opening.children[0] == "[", closing.children[0] == "]"
        return Interval(low, high, low_closed=closed_low, high_closed=closed_high)

    def equal(self, children):
        return Comparison("=", children[0])

    def string(self, children):
        return Literal(_unquote(children[0]))

    def number(self, children):
        text = str(children[0])
        return Literal(float(text) if "." in text else int(text))

    def true(self, children):
        return Literal(True)

    def false(self, children):
        return Literal(False)

    def null(self, children):
        return Literal(None)

    def date(self, children):
        text = _unquote(children[1])
        try:
            return Literal(dt.date.fromisoformat(text))
        except ValueError:
            raise FeelError(f'date("{text}") is no date: write date("YYYY-MM-DD")') from None

    def date_time(self, children):
        text = _unquote(children[3])
        try:
            return Literal(dt.datetime.fromisoformat(text))
        except ValueError:
            why = 'write date and time("YYYY-MM-DDThh:mm:ss")'
            raise FeelError(f'date and time("{text}") is no date and time: {why}') from None

    def path(self, children):
        names = tuple(str(child) for child in children)
        for name in names:
            if name in _PYTHONISMS:
                raise FeelError(f"{name} is Python, not FEEL: write {_PYTHONISMS[name]}")
        return Path(names)


def _unquote(token: Token) -> str:
    text = str(token)[1:-1]
    return text.replace('\\"', '"').replace("\\\\", "\\") if "\\" in text else text


def parse_unary_tests(text: str) -> UnaryTests:
    """An input entry, as written in the cell; raises FeelError saying where and why it is not FEEL."""
    stripped = (text or "").strip()
    if stripped in ("", "-"):
        return ANY_VALUE
    return _parse(text, "tests")


def parse_expression(text: str) -> Endpoint:
    """An input expression or output entry: a literal, or a variable's path such as ``applicant.type``."""
    if not (text or "").strip():
        return Literal(None)
    return _parse(text, "endpoint")


def _parse(text: str, start: str):
    try:
        tree = _PARSER.parse(text, start=start)
    except UnexpectedInput as error:
        raise FeelError(_why(text, error), column=error.column) from None
    try:
        return _ToTests().transform(tree)
    except Exception as error:  # lark wraps what a callback raises
        cause = getattr(error, "orig_exc", error)
        if isinstance(cause, FeelError):
            raise cause from None
        raise


def _why(text: str, error: UnexpectedInput) -> str:
    column = error.column if isinstance(error.column, int) and error.column > 0 else None
    index = (column or 1) - 1
    rest = text[index:].lstrip()
    found = repr(rest[:20]) if rest else "the end of the cell"
    where = f"at column {column}" if column else "at its end"
    advice = ""
    if rest.startswith("'"):
        advice = ': FEEL strings are in double quotes ("…")'
    elif "?" in text:
        advice = (
            ': "?" belongs to Python cells (expressionLanguage="python"); FEEL writes the test alone: < 5'
        )
    elif (
        text.lstrip().startswith(("in ", "in[")) or rest.startswith(("==", "and ", "or ")) or " in [" in text
    ):
        advice = ': a FEEL list of values is written "a","b"; other than is not("a")'
    return f"is not a FEEL unary test: {found} {where} was not expected{advice}"


# ---- judging ----------------------------------------------------------------------------------------------


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "date and time"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, Sequence):
        return "list"
    if isinstance(value, Mapping):
        return "context"
    return type(value).__name__


def value_of(endpoint: Endpoint, context: Mapping[str, Any], *, missing_is_null: bool = False) -> Any:
    """A literal's value, or the value of a variable's path in ``context``. A name no variable has fails
    where FEEL would quietly give null, unless ``missing_is_null`` (an input's value: a field left out)."""
    if isinstance(endpoint, Literal):
        return endpoint.value
    value: Any = context
    for depth, name in enumerate(endpoint.names):
        if missing_is_null and isinstance(value, Mapping) and name not in value:
            return None
        if not isinstance(value, Mapping) or name not in value:
            known = ".".join(endpoint.names[:depth]) or "the variables"
            raise DecisionFailure(f'"{endpoint}" names no value: {known} has no "{name}"')
        value = value[name]
    return value


def matches(tests: UnaryTests, value: Any, context: Mapping[str, Any], input_name: str) -> bool:
    """Whether ``value`` (the input's) passes the cell's tests."""
    if tests.matches_anything:
        return True
    passed = any(_passes(test, value, context, input_name) for test in tests.tests)
    return not passed if tests.negated else passed


def _passes(test: Comparison | Interval, value: Any, context, input_name: str) -> bool:
    if isinstance(test, Interval):
        low, high = value_of(test.low, context), value_of(test.high, context)
        if value is None:
            return False
        _comparable(value, low, input_name, test.low)
        _comparable(value, high, input_name, test.high)
        above = value >= low if test.low_closed else value > low
        below = value <= high if test.high_closed else value < high
        return above and below
    other = value_of(test.endpoint, context)
    if other is None or value is None:
        equal = other is None and value is None
        return {"=": equal, "!=": not equal}.get(test.operator, False)
    _comparable(value, other, input_name, test.endpoint)
    if test.operator == "=":
        return value == other
    if test.operator == "!=":
        return value != other
    if kind_of(value) not in ("number", "string", "date", "date and time"):
        raise DecisionFailure(f"{input_name} is a {kind_of(value)}, which {test.operator} does not order")
    return {"<": value < other, "<=": value <= other, ">": value > other, ">=": value >= other}[test.operator]


def _comparable(value: Any, other: Any, input_name: str, endpoint: Endpoint) -> None:
    if kind_of(value) != kind_of(other):
        shown = value if len(repr(value)) < 60 else f"{repr(value)[:57]}…"
        raise DecisionFailure(
            f"{input_name} is the {kind_of(value)} {shown!r}, but the rule compares it with the "
            f"{kind_of(other)} {_shown(endpoint)}"
        )


def _shown(endpoint: Endpoint) -> str:
    if isinstance(endpoint, Path):
        return str(endpoint)
    value = endpoint.value
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return f'date and time("{value.isoformat()}")'
    if isinstance(value, dt.date):
        return f'date("{value.isoformat()}")'
    return str(value)
