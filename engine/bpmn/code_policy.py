"""Compiling a diagram's code under the restrictions: what is refused, and why, with its line.

See ``engine.bpmn.sandbox`` for how the compiled code runs.
"""

from __future__ import annotations

import ast
import functools
import re
import textwrap
import types
from typing import Any

from RestrictedPython import (
    RestrictingNodeTransformer,
    compile_restricted_eval,
    compile_restricted_exec,
)
from RestrictedPython.transformer import copy_locations

# Every code object compiled from a diagram carries this filename: the tracer recognises diagram
# frames by it, and error reports find the failing script line by it.
SCRIPT_FILENAME = "<diagram script>"

DEFAULT_TIMEOUT_SECONDS = 2.0
# Bounds for work done inside single C calls, which the line tracer cannot interrupt.
MAX_ITEMS = 1_000_000
MAX_INT_BITS = 100_000
# int(Decimal("1e1000000")) alone takes half a minute; exponents this small convert in milliseconds.
MAX_DECIMAL_EXPONENT = 10_000

# Calling these could read files, run new code or reach interpreter internals. Only calls are
# refused, so task data may still hold a variable called e.g. "type" or "input".
_FORBIDDEN_CALLS = frozenset(
    {
        "breakpoint",
        "compile",
        "dir",
        "eval",
        "exec",
        "exit",
        "getattr",
        "globals",
        "help",
        "input",
        "locals",
        "memoryview",
        "object",
        "open",
        "quit",
        "super",
        "type",
        "vars",
    }
)

DEADLINE_CHECK = "_deadline_check_"
JUEL_RUNTIME = "_juel_"


class ScriptTimeout(Exception):
    """Diagram code ran longer than its time limit."""

    def __init__(self, limit_seconds: float):
        super().__init__(f"script ran longer than the time limit of {limit_seconds:g} s")
        self.limit_seconds = limit_seconds

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.limit_seconds,)


class ScriptRefused(SyntaxError):
    """Diagram code that does not compile under the restrictions: raised instead of running it.

    A SyntaxError, so that SpiffWorkflow reports the line it names.
    """

    def __init__(self, message: str, line: int):
        super().__init__(message, (SCRIPT_FILENAME, line, None, None))

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.msg, self.lineno)


# --- compiling --------------------------------------------------------------------------------

_REPHRASINGS = (
    (
        re.compile(r'^"(?P<name>.+)" is an invalid variable name because it starts with "_"\.?$'),
        'name "{name}" is not allowed: names starting with "_" are reserved',
    ),
    (
        re.compile(r'^"(?P<name>.+)" is an invalid attribute name because it starts with "_"\.?$'),
        'attribute "{name}" is not allowed: names starting with "_" are reserved',
    ),
    (
        re.compile(
            r'^"(?P<name>.+)" is a restricted name, that is forbidden to access in RestrictedPython\.$'
        ),
        'attribute "{name}" is not allowed: it exposes interpreter internals',
    ),
)


def _rephrase(info: str) -> str:
    for pattern, template in _REPHRASINGS:
        match = pattern.match(info)
        if match:
            return template.format(**match.groupdict())
    return info


def _call(name: str, args: list[ast.expr], like: ast.AST) -> ast.Call:
    call = ast.Call(func=ast.Name(name, ast.Load()), args=args, keywords=[])
    copy_locations(call, like)
    return call


def _deadline_check_statement(like: ast.AST) -> ast.Expr:
    statement = ast.Expr(value=_call(DEADLINE_CHECK, [], like))
    copy_locations(statement, like)
    return statement


# Operators whose single C call can take unbounded time or memory; they go through guards instead.
_GUARDED_OPERATORS = {ast.Mult: "_mul_", ast.Pow: "_pow_", ast.LShift: "_lshift_"}


class _DiagramCodePolicy(RestrictingNodeTransformer):
    """RestrictedPython's policy, tightened for diagram code and with clearer messages.

    Besides refusing imports, class definitions and calls of introspection builtins, it inserts a
    deadline check at the top of every ``while`` body, ``except`` handler and ``finally`` block:
    - CPython 3.11 emits no trace event for a loop that jumps to itself (``while True: pass``);
    - an exception raised by a trace function switches tracing off, so a script that catches the
      ScriptTimeout (``except Exception``) or swallows it in ``finally: return`` would otherwise
      run on untraced.
    """

    def error(self, node: ast.AST, info: str) -> None:
        super().error(node, _rephrase(info))

    def visit_Import(self, node: ast.Import) -> Any:
        self.error(node, "import statements are not allowed in diagram code")
        return node

    def visit_ImportFrom(self, node: ast.ImportFrom) -> Any:
        self.error(node, "import statements are not allowed in diagram code")
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> Any:
        self.error(node, "class definitions are not allowed in diagram code")
        return node

    def visit_Name(self, node: ast.Name) -> Any:
        # Translated JUEL reads its runtime by this one reserved name (see engine.bpmn.juel); nothing may
        # assign it.
        if node.id == JUEL_RUNTIME and isinstance(node.ctx, ast.Load):
            return node
        return super().visit_Name(node)

    def visit_Call(self, node: ast.Call) -> Any:
        if isinstance(node.func, ast.Name) and node.func.id in _FORBIDDEN_CALLS:
            self.error(node, f'calling "{node.func.id}" is not allowed in diagram code')
        return super().visit_Call(node)

    def visit_BinOp(self, node: ast.BinOp) -> Any:
        node = super().visit_BinOp(node)
        guard = _GUARDED_OPERATORS.get(type(node.op))
        return node if guard is None else _call(guard, [node.left, node.right], node)

    def visit_While(self, node: ast.While) -> Any:
        node = super().visit_While(node)
        node.body.insert(0, _deadline_check_statement(node.body[0]))
        return node

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> Any:
        node = super().visit_ExceptHandler(node)
        node.body.insert(0, _deadline_check_statement(node.body[0]))
        return node

    def visit_Try(self, node: ast.Try) -> Any:
        node = super().visit_Try(node)
        if node.finalbody:
            node.finalbody.insert(0, _deadline_check_statement(node.finalbody[0]))
        return node


_LINE_PREFIX = re.compile(r"^Line (\d+|None): ", re.DOTALL)


def _located(error: str) -> tuple[int, str]:
    match = _LINE_PREFIX.match(error)
    if not match:
        return 1, " ".join(error.split())
    line = int(match.group(1)) if match.group(1).isdigit() else 1
    return line, " ".join(error[match.end() :].split())


@functools.lru_cache(maxsize=4096)
def _compiled(source: str, mode: str) -> types.CodeType | tuple[int, str]:
    """The restricted code for ``source``, or (line, message) saying why it is refused.

    Cached by text: the same conditions are evaluated again and again.
    """
    if mode == "eval":
        # Builtin eval() ignores surrounding blanks too; XML text around an expression has them.
        source = source.strip()
        if not source:
            return 1, "the expression is empty"
        compile_restricted = compile_restricted_eval
    else:
        source = textwrap.dedent(source)
        compile_restricted = compile_restricted_exec
    try:
        result = compile_restricted(source, filename=SCRIPT_FILENAME, policy=_DiagramCodePolicy)
    except (RecursionError, MemoryError):
        return 1, "the code is nested too deeply"
    except ValueError as error:  # e.g. NUL characters in the text
        return 1, f"the code cannot be read: {error}"
    if result.errors:
        return _located(result.errors[0])
    assert result.code is not None
    return result.code


def code_or_refusal(source: str, mode: str) -> types.CodeType:
    compiled = _compiled(source, mode)
    if isinstance(compiled, tuple):
        line, message = compiled
        raise ScriptRefused(message, line)
    return compiled


def expression_problem(text: str) -> str | None:
    """None if ``text`` is an acceptable expression (condition, timer, DMN cell), else what is wrong."""
    compiled = _compiled(text, "eval")
    if not isinstance(compiled, tuple):
        return None
    line, message = compiled
    return message if line == 1 else f"line {line}: {message}"


def script_problem(text: str) -> tuple[int, str] | None:
    """None if ``text`` is an acceptable script, else the 1-based line in it and what is wrong."""
    compiled = _compiled(text, "exec")
    return compiled if isinstance(compiled, tuple) else None


# --- running ----------------------------------------------------------------------------------
