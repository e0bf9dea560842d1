"""Which diagram code is plain enough to run inside the worker that serves the request.

The line tracer (``engine.bpmn.sandbox``) stops diagram code between lines, never inside one C call: a
``hash()`` of a tuple that shares one million-item tuple a hundred thousand times, ``sum(lists, [])`` or
``'x'.ljust(10**9)`` holds the worker past any limit. Only a process can be stopped in the middle of a C
call, so diagram code runs in an evaluator process (``engine.bpmn.evaluator``) unless this module can tell
from its text alone that every C call in it is bounded by the size of the data it reads.

That is what the catalogue writes: gateway conditions, timer expressions, DMN cells and call mappings,
one short expression each (``decision == "approved"``, ``str(date.fromisoformat(test_date) +
timedelta(days=3)) + "T09:00:00+02:00"``). An expression is plain when it is short, calls only functions
and methods from the lists below (none of them repeats, pads or multiplies what it is given), and has no
loop, comprehension, lambda, assignment, repetition (``*``, ``**``, ``<<``), ``%`` formatting or
format width. Scripts (a script task's body) always run in an evaluator: they may loop and assign.
"""

from __future__ import annotations

import ast
import functools

# The longest condition of the catalogue has about 20 nodes; a plain expression touches the task data a
# bounded number of times (``x + x + …`` builds at most this many copies of ``x``).
MAX_NODES = 64
MAX_CONSTANT_LENGTH = 1_000

_FUNCTIONS = frozenset(
    {
        "abs", "all", "any", "bool", "date", "datetime", "Decimal", "dict", "float", "int", "isinstance",
        "len", "list", "max", "min", "round", "set", "sorted", "str", "timedelta", "tuple",
    }
)  # fmt: skip

# Each linear in its receiver and arguments, none mutating (an expression may be evaluated twice).
_METHODS = frozenset(
    {
        "casefold", "date", "endswith", "fromisoformat", "get", "isalnum", "isalpha",
        "isdigit", "isoformat", "isoweekday", "items", "keys", "lower", "lstrip", "removeprefix",
        "removesuffix", "rstrip", "split", "startswith", "strip", "title", "today", "total_seconds",
        "upper", "values", "weekday",
    }
)  # fmt: skip

_OPERATORS = (ast.Add, ast.Sub, ast.Div, ast.FloorDiv, ast.BitAnd, ast.BitOr, ast.BitXor, ast.RShift)

_NODES = (
    ast.Expression, ast.Name, ast.Load, ast.Attribute, ast.BinOp, ast.Subscript, ast.Slice, ast.BoolOp,
    ast.And, ast.Or, ast.Compare, ast.cmpop, ast.UnaryOp, ast.unaryop, ast.IfExp, ast.List, ast.Tuple,
    ast.Set, ast.Dict, ast.keyword, ast.JoinedStr,
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def is_plain(source: str, mode: str) -> bool:
    """Whether ``source`` (compiled in ``mode``, "eval" or "exec") may run in the worker itself."""
    if mode != "eval":
        return False
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False  # refused when compiled, with the reason
    nodes = list(ast.walk(tree))
    return len(nodes) <= MAX_NODES and all(_plain_node(node) for node in nodes)


def _plain_node(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, str | bytes) or len(node.value) <= MAX_CONSTANT_LENGTH
    if isinstance(node, ast.operator):
        return isinstance(node, _OPERATORS)
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Name):
            return function.id in _FUNCTIONS
        return isinstance(function, ast.Attribute) and function.attr in _METHODS
    if isinstance(node, ast.FormattedValue):
        return node.format_spec is None  # a width ("{x:>999999999}") pads in one C call
    if isinstance(node, ast.keyword):
        return node.arg is not None  # no **mapping
    return isinstance(node, _NODES)
