"""The restricted Python in which a diagram's scripts, conditions, timer expressions and DMN cells run.

Diagrams are uploaded by people we do not fully trust, so their code is compiled with RestrictedPython
(no names or attributes starting with "_", no imports, no file or introspection builtins) and runs
against a small allow-list of builtins under a time limit. The time limit works in any thread: a
per-thread ``sys.settrace`` hook that only looks at frames compiled from diagram code checks a deadline
on every line, and ``while`` loops and exception handlers also call the deadline check themselves,
because tracing alone can be dodged (see ``_DiagramCodePolicy``).

What stays out of reach here: memory. Diagram code that builds a huge structure within its time
limit (``''.join([s] * n)`` with a long ``s``, a wide ``'%*d'`` format) is bounded only by the
process's own limits, so run workers with a memory limit as well.
"""

from __future__ import annotations

import ast
import decimal
import functools
import operator
import re
import sys
import textwrap
import time
import types
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from RestrictedPython import (
    PrintCollector,
    RestrictingNodeTransformer,
    compile_restricted_eval,
    compile_restricted_exec,
    safe_builtins,
)
from RestrictedPython.Guards import (
    full_write_guard,
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
    safer_getattr,
)
from RestrictedPython.transformer import copy_locations
from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine.python_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import TaskDataEnvironment
from SpiffWorkflow.exceptions import SpiffWorkflowException

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

_DEADLINE_CHECK = "_deadline_check_"


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
    statement = ast.Expr(value=_call(_DEADLINE_CHECK, [], like))
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


def _code_or_refusal(source: str, mode: str) -> types.CodeType:
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


def _guarded_mul(left: Any, right: Any) -> Any:
    for sequence, times in ((left, right), (right, left)):
        if (
            isinstance(sequence, str | bytes | list | tuple)
            and isinstance(times, int)
            and len(sequence) * times > MAX_ITEMS
        ):
            raise ValueError(f"repeating a sequence to more than {MAX_ITEMS:,} items is not allowed")
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and left.bit_length() + right.bit_length() > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return left * right


def _guarded_pow(base: Any, exponent: Any, modulus: Any = None) -> Any:
    if modulus is not None:
        raise ValueError("pow() with a modulus is not available in diagram code")
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and exponent > 0
        and abs(base) > 1
        and (base.bit_length() - 1) * exponent > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return base**exponent


def _guarded_lshift(value: Any, shift: Any) -> Any:
    if (
        isinstance(value, int)
        and isinstance(shift, int)
        and value
        and shift > 0
        and value.bit_length() + shift > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return value << shift


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    try:
        too_many = len(numbers) > MAX_ITEMS
    except OverflowError:
        too_many = True
    if too_many:
        raise ValueError(f"range() of more than {MAX_ITEMS:,} items is not allowed")
    return numbers


_INPLACE_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+=": operator.iadd,
    "-=": operator.isub,
    "*=": _guarded_mul,
    "/=": operator.itruediv,
    "//=": operator.ifloordiv,
    "%=": operator.imod,
    "**=": _guarded_pow,
    "<<=": _guarded_lshift,
    ">>=": operator.irshift,
    "&=": operator.iand,
    "|=": operator.ior,
    "^=": operator.ixor,
    "@=": operator.imatmul,
}


def _bounded_decimal(number: Decimal) -> Decimal:
    if number.is_finite() and abs(number.adjusted()) > MAX_DECIMAL_EXPONENT:
        raise ValueError(f"decimals with exponents beyond ±{MAX_DECIMAL_EXPONENT:,} are not allowed")
    return number


class _DecimalType(type):
    """What diagram code knows as ``Decimal``: creates real Decimals, but within bounds.

    ``isinstance(x, Decimal)`` and ``Decimal.from_float`` work as usual. Arithmetic is bounded by the
    decimal context diagram code runs in (see ``_DECIMAL_CONTEXT``); the constructor ignores that
    context, hence the check here.
    """

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, Decimal)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, Decimal)

    def __call__(cls, value: Any = "0", context: decimal.Context | None = None) -> Decimal:
        return _bounded_decimal(Decimal(value, context))

    def __getattr__(cls, name: str) -> Any:
        return getattr(Decimal, name)


class _DiagramDecimal(metaclass=_DecimalType):
    pass


# Like decimal's default context, with exponents bounded (arithmetic beyond them raises Overflow).
_DECIMAL_CONTEXT = decimal.Context(
    prec=28,
    Emax=MAX_DECIMAL_EXPONENT,
    Emin=-MAX_DECIMAL_EXPONENT,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def _inplacevar(op: str, target: Any, value: Any) -> Any:
    return _INPLACE_OPERATORS[op](target, value)


def _apply(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return function(*args, **kwargs)


def _diagram_builtins() -> dict[str, Any]:
    names = dict(safe_builtins)
    # Classes are refused at compile time; the raw pow would compute 10**10**10 in one C call.
    del names["__build_class__"]
    names.update(
        len=len,
        min=min,
        max=max,
        sum=sum,
        sorted=sorted,
        any=any,
        all=all,
        abs=abs,
        round=round,
        str=str,
        int=int,
        float=float,
        bool=bool,
        list=list,
        dict=dict,
        set=set,
        tuple=tuple,
        enumerate=enumerate,
        zip=zip,
        isinstance=isinstance,
        range=_bounded_range,
        pow=_guarded_pow,
        datetime=datetime,
        date=date,
        timedelta=timedelta,
        timezone=timezone,
        Decimal=_DiagramDecimal,
    )
    return names


_BUILTINS = _diagram_builtins()

# What restricted code needs besides its builtins; all names start with "_", so task data cannot
# clash with them and diagram code cannot name them.
_GUARDS: dict[str, Any] = {
    "__builtins__": _BUILTINS,
    "_getattr_": safer_getattr,
    "_getitem_": operator.getitem,
    "_getiter_": iter,
    "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence,
    "_write_": full_write_guard,
    "_inplacevar_": _inplacevar,
    "_apply_": _apply,
    "_print_": PrintCollector,  # print() works, its output goes nowhere
    "_mul_": _guarded_mul,
    "_pow_": _guarded_pow,
    "_lshift_": _guarded_lshift,
}


class RestrictedEnvironment(TaskDataEnvironment):
    """SpiffWorkflow's task-data environment, running diagram code restricted and time-limited."""

    def __init__(
        self,
        environment_globals: dict[str, Any] | None = None,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ):
        super().__init__(environment_globals)
        if timeout_seconds <= 0:
            raise ValueError("timeout_seconds must be positive")
        self.timeout_seconds = timeout_seconds

    def evaluate(
        self, expression: str, context: dict[str, Any], external_context: dict[str, Any] | None = None
    ) -> Any:
        code = _code_or_refusal(expression, "eval")
        self._prepare_context(context)
        # The guards go last so that task data (e.g. a merged message payload) cannot replace them.
        namespace = {**self.globals, **(external_context or {}), **context, **_GUARDS}
        return self._run(code, namespace, expression=True)

    def execute(
        self, script: str, context: dict[str, Any], external_context: dict[str, Any] | None = None
    ) -> bool:
        code = _code_or_refusal(script, "exec")
        external_context = external_context or {}
        self.check_for_overwrite(context, external_context)
        self._prepare_context(context)
        names_before = set(context)
        # As in TaskDataEnvironment, the task data is the script's global namespace, so the
        # variables a script sets land in the task data.
        context.update(self.globals)
        context.update(external_context)
        context.update(_GUARDS)
        try:
            self._run(code, context, expression=False)
        finally:
            self._remove_globals_and_functions_from_context(context, external_context)
            for name in [name for name in context if name.startswith("_") and name not in names_before]:
                del context[name]  # RestrictedPython's temporaries (_tmp0, _print)
        return True

    def _run(self, code: types.CodeType, namespace: dict[str, Any], *, expression: bool) -> Any:
        limit = self.timeout_seconds
        deadline = time.monotonic() + limit
        finished = False

        def trace_lines(frame: types.FrameType, event: str, arg: Any) -> Any:
            if event == "line" and time.monotonic() > deadline:
                raise ScriptTimeout(limit)
            return trace_lines

        def trace_calls(frame: types.FrameType, event: str, arg: Any) -> Any:
            if frame.f_code.co_filename != SCRIPT_FILENAME:
                return None  # our guards and the library code they call run untraced and at full speed
            if time.monotonic() > deadline:
                raise ScriptTimeout(limit)
            return trace_lines

        def deadline_check() -> None:
            if finished:
                # e.g. a generator's finally block run by the garbage collector after the script
                raise RuntimeError("diagram code cannot run after its script has finished")
            if time.monotonic() > deadline:
                raise ScriptTimeout(limit)
            if sys.gettrace() is not trace_calls:
                # An exception inside the tracer (a RecursionError, say) switched tracing off.
                sys.settrace(trace_calls)

        namespace[_DEADLINE_CHECK] = deadline_check
        previous_trace = sys.gettrace()
        sys.settrace(trace_calls)
        try:
            with decimal.localcontext(_DECIMAL_CONTEXT):
                if expression:
                    return eval(code, namespace)
                exec(code, namespace)
                return None
        finally:
            sys.settrace(previous_trace)
            finished = True


class RestrictedScriptEngine(PythonScriptEngine):
    """The script engine every workflow of ours runs with (set it again after each deserialization)."""

    def __init__(
        self,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        environment_globals: dict[str, Any] | None = None,
    ):
        super().__init__(environment=RestrictedEnvironment(environment_globals, timeout_seconds))

    @property
    def timeout_seconds(self) -> float:
        return self.environment.timeout_seconds

    def validate(self, expression: str) -> None:
        # Only used by the DMN engine to tell "5" from "> 5": a parse check, as in SpiffWorkflow.
        ast.parse(expression.strip())

    def evaluate(self, task: Any, expression: str, external_context: dict[str, Any] | None = None) -> Any:
        try:
            return super().evaluate(task, expression, external_context)
        except WorkflowTaskException as error:
            _expose_cause(error)
            raise

    def execute(self, task: Any, script: str, external_context: dict[str, Any] | None = None) -> Any:
        try:
            return super().execute(task, script, external_context)
        except WorkflowTaskException as error:
            _expose_cause(error)
            raise

    def get_error_line_number_and_content(self, script: str, err: BaseException) -> tuple[int, str]:
        line_number = 0
        if isinstance(err, SyntaxError):
            line_number = err.lineno or 0
        else:
            traceback = err.__traceback__
            while traceback is not None:
                if traceback.tb_frame.f_code.co_filename == SCRIPT_FILENAME:
                    line_number = traceback.tb_lineno
                traceback = traceback.tb_next
        lines = textwrap.dedent(script).splitlines()
        error_line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
        return line_number, error_line


def _expose_cause(error: WorkflowTaskException) -> None:
    """Make the original error (a ScriptTimeout, say) the WorkflowTaskException's ``__cause__``.

    SpiffWorkflow wraps errors without ``raise ... from``; callers look for the timeout there.
    """
    cause = error.__cause__ or error.__context__
    if cause is None or isinstance(cause, SpiffWorkflowException):
        return
    error.__cause__ = cause
    if isinstance(cause, ScriptTimeout | ScriptRefused) and cause.args[0] not in str(error):
        error.add_note(cause.args[0])
