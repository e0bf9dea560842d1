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
from .juel import JuelError


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
        code = code_or_refusal(expression, "eval")
        self._prepare_context(context)
        # The guards go last so that task data (e.g. a merged message payload) cannot replace them.
        namespace = {**self.globals, **(external_context or {}), **context, **GUARDS}
        return self._run(code, namespace, expression=True)

    def execute(
        self, script: str, context: dict[str, Any], external_context: dict[str, Any] | None = None
    ) -> bool:
        code = code_or_refusal(script, "exec")
        external_context = external_context or {}
        self.check_for_overwrite(context, external_context)
        self._prepare_context(context)
        names_before = set(context)
        # As in TaskDataEnvironment, the task data is the script's global namespace, so the
        # variables a script sets land in the task data.
        context.update(self.globals)
        context.update(external_context)
        context.update(GUARDS)
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


class RestrictedScriptEngine(PythonScriptEngine):
    """The script engine every workflow of ours runs with (set it again after each deserialization)."""

    def __init__(
        self,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        environment_globals: dict[str, Any] | None = None,
        task_limit: int | None = None,
    ):
        super().__init__(environment=RestrictedEnvironment(environment_globals, timeout_seconds))
        self.task_limit = task_limit  # the most tasks a multi-instance activity may make (see fan_out.py)

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
    if isinstance(cause, ScriptTimeout | ScriptRefused | JuelError) and cause.args[0] not in str(error):
        error.add_note(cause.args[0])
