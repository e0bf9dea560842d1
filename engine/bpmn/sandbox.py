"""The restricted Python in which a diagram's scripts, conditions, timer expressions and DMN cells run.

Diagrams are uploaded by people we do not fully trust, so their code is compiled with RestrictedPython
(no names or attributes starting with "_", no imports, no file or introspection builtins) and runs
against a small allow-list of builtins under a time limit. The time limit works in any thread: a
per-thread ``sys.settrace`` hook that only looks at frames compiled from diagram code checks a deadline
on every line, and ``while`` loops and exception handlers also call the deadline check themselves,
because tracing alone can be dodged (see ``_DiagramCodePolicy``).

The tracer can not stop one C call (``hash()`` of a tuple that shares a huge one many times), nor bound
memory (``'x'.ljust(10**9)``): so only expressions known to be plain run in the worker; scripts and every
other expression run in an evaluator process that a wall clock kills and the OS limits in memory and CPU
(``engine.bpmn.evaluator``).
"""

from __future__ import annotations

import ast
import decimal
import sys
import textwrap
import time
import types
from typing import Any

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine.python_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import TaskDataEnvironment
from SpiffWorkflow.exceptions import SpiffWorkflowException

# Every code object compiled from a diagram carries this filename: the tracer recognises diagram
from .code_policy import (
    DEADLINE_CHECK,
    DEFAULT_TIMEOUT_SECONDS,
    SCRIPT_FILENAME,
    ScriptRefused,
    ScriptTimeout,
    code_or_refusal,
)
from .diagram_builtins import DECIMAL_CONTEXT, GUARDS
from .evaluator import DEFAULT_ANSWER_BYTES, DEFAULT_MEMORY_BYTES, EvaluatorPool
from .juel import JuelError
from .plain_expressions import is_plain


def run_restricted(
    code: types.CodeType, namespace: dict[str, Any], *, expression: bool, limit_seconds: float
) -> Any:
    """Run compiled diagram code against ``namespace`` (which holds the guards), stopped by the line
    tracer at ``limit_seconds``: in the worker for plain expressions, in an evaluator for the rest."""
    limit = limit_seconds
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

    namespace[DEADLINE_CHECK] = deadline_check
    previous_trace = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        with decimal.localcontext(DECIMAL_CONTEXT):
            if expression:
                return eval(code, namespace)
            exec(code, namespace)
            return None
    finally:
        sys.settrace(previous_trace)
        finished = True


class RestrictedEnvironment(TaskDataEnvironment):
    """SpiffWorkflow's task-data environment, running diagram code restricted and time-limited: plain
    expressions in this process, everything else in an evaluator process (see ``plain_expressions``)."""

    def __init__(
        self,
        environment_globals: dict[str, Any] | None = None,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        data_bytes: int = DEFAULT_ANSWER_BYTES,
    ):
        super().__init__(environment_globals)
        if timeout_seconds <= 0:
            raise ValueError("timeout_seconds must be positive")
        self.timeout_seconds = timeout_seconds
        self.evaluators = EvaluatorPool(memory_bytes, data_bytes)

    def evaluate(
        self, expression: str, context: dict[str, Any], external_context: dict[str, Any] | None = None
    ) -> Any:
        code = code_or_refusal(expression, "eval")
        self._prepare_context(context)
        namespace = {**self.globals, **(external_context or {}), **context}
        if not is_plain(expression, "eval"):
            value, _ = self.evaluators.run("eval", expression, namespace, self.timeout_seconds)
            return value
        # The guards go last so that task data (e.g. a merged message payload) cannot replace them.
        namespace.update(GUARDS)
        return run_restricted(code, namespace, expression=True, limit_seconds=self.timeout_seconds)

    def execute(
        self, script: str, context: dict[str, Any], external_context: dict[str, Any] | None = None
    ) -> bool:
        code_or_refusal(script, "exec")  # refused here, with its line, before an evaluator is asked
        external_context = external_context or {}
        self.check_for_overwrite(context, external_context)
        self._prepare_context(context)
        # As in TaskDataEnvironment, the task data is the script's global namespace, so the
        # variables a script sets land in the task data.
        namespace = {**context, **self.globals, **external_context}
        _, left = self.evaluators.run("exec", script, namespace, self.timeout_seconds)
        context.clear()
        context.update(left or {})
        self._remove_globals_and_functions_from_context(context, external_context)
        return True

    def close(self) -> None:
        self.evaluators.close()


class RestrictedScriptEngine(PythonScriptEngine):
    """The script engine every workflow of ours runs with (set it again after each deserialization)."""

    def __init__(
        self,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        environment_globals: dict[str, Any] | None = None,
        task_limit: int | None = None,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        data_bytes: int = DEFAULT_ANSWER_BYTES,
    ):
        super().__init__(
            environment=RestrictedEnvironment(environment_globals, timeout_seconds, memory_bytes, data_bytes)
        )
        self.task_limit = task_limit  # the most tasks a multi-instance activity may make (see fan_out.py)

    @property
    def timeout_seconds(self) -> float:
        return self.environment.timeout_seconds

    def close(self) -> None:
        """Stop the evaluator processes kept for this engine's scripts."""
        self.environment.close()

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
        elif hasattr(err, "diagram_line"):  # raised in an evaluator process
            line_number = err.diagram_line
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
    if isinstance(cause, ScriptTimeout | ScriptRefused | JuelError) and cause.args[0] not in str(error):
        error.add_note(cause.args[0])
