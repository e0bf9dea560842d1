"""Evaluator processes: where diagram code that is not plain runs, so that a wall clock and the OS bound it.

A thread can not interrupt a C call that holds the GIL (``hash(((0,)*10**6,)*10**5)``); a process can be
killed. Each worker keeps a few evaluator processes, started when first needed and kept for the next
scripts; one that is killed is replaced at once, in the background. An evaluator runs one piece of
diagram code at a time, with the same restrictions and line tracer as the worker, under an address-space
limit (``RLIMIT_AS``: what it holds at rest plus the memory a script may use) and a CPU limit
(``RLIMIT_CPU``, set anew before each script). The worker waits for the answer until the script's time
limit and a second more; then it kills the evaluator and the script fails with a ScriptTimeout, as if the
tracer had stopped it.

The worker sends the script's namespace pickled; the evaluator answers with the value and the namespace
pickled without shared references (a list repeated 10**5 times arrives as what it is, or is over the
limit of an instance's data) and the worker reads only dates, decimals and builtin containers from it: an
evaluator runs untrusted code, so its answer is untrusted input.
"""

from __future__ import annotations

import builtins
import contextlib
import decimal
import io
import math
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import weakref
from typing import Any

from .code_policy import SCRIPT_FILENAME, ScriptTimeout
from .juel import JuelError

DEFAULT_MEMORY_BYTES = 512 * 1024 * 1024  # what one script may allocate beyond the evaluator at rest
DEFAULT_ANSWER_BYTES = 5_000_000  # the data a script may leave: no more than an instance may store
# A script's limit is measured by its own tracer first; the worker's clock waits this much longer.
GRACE_SECONDS = 1.0
STARTUP_SECONDS = 60.0  # a fresh evaluator imports the engine; on a loaded machine that takes a while
_KEPT_IDLE = 2
_HEADER = struct.Struct("!Q")

# An evaluator needs the sandbox only: the packages' __init__ modules would load the whole engine (most of
# a second of CPU for every evaluator started), so it starts with empty stand-ins for them.
_START = """
import os, sys, types
here = sys.argv[1]
for name, path in (("engine", os.path.dirname(here)), ("engine.bpmn", here)):
    package = types.ModuleType(name)
    package.__path__ = [path]
    sys.modules[name] = package
from engine.bpmn.evaluator import serve
serve(int(sys.argv[2]))
"""


class EvaluatorFailure(Exception):
    """Diagram code failed in an evaluator; ``kind`` is the name of the error it raised there."""

    def __init__(self, kind: str, message: str, line: int):
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind
        self.diagram_line = line


class EvaluatorPool:
    """The evaluators of one worker process; safe to use from its threads at once."""

    def __init__(self, memory_bytes: int = DEFAULT_MEMORY_BYTES, answer_bytes: int = DEFAULT_ANSWER_BYTES):
        self.memory_bytes, self.answer_bytes = memory_bytes, answer_bytes
        self._idle: list[_Evaluator] = []
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._closed = False

    def run(
        self, mode: str, source: str, namespace: dict[str, Any], limit_seconds: float
    ) -> tuple[Any, dict[str, Any] | None]:
        """Run ``source`` against ``namespace`` in an evaluator: its value (an expression) or the
        namespace it left (a script, without helpers and functions)."""
        try:
            request = pickle.dumps((mode, source, namespace, limit_seconds, self.answer_bytes), protocol=5)
        except Exception as error:  # a value a previous step left, e.g. a generator
            raise TypeError(f"the data given to the script can not be passed to it: {error}") from None
        evaluator = self._acquire()
        try:
            answer = evaluator.ask(request, limit_seconds + GRACE_SECONDS, self.answer_bytes)
        except BaseException:
            self._replace(evaluator)
            raise
        if answer is None:
            self._replace(evaluator)
            raise ScriptTimeout(limit_seconds)
        try:
            outcome = _read_answer(answer)
        except TypeError:
            self._replace(evaluator)  # it sent what no evaluator of ours sends: do not trust it again
            raise
        if outcome[0] == "error":
            _, module, kind, message, line = outcome
            if kind == "MemoryError":
                self._replace(evaluator)  # what it freed may be fragmented
                message = f"the script used more than the memory limit of {self.memory_bytes // 2**20} MiB"
            else:
                self._release(evaluator)
            raise _rebuilt(module, kind, message, line, limit_seconds)
        self._release(evaluator)
        _, value, left = outcome
        return value, left

    def close(self) -> None:
        with self._lock:
            idle, self._idle, self._closed = self._idle, [], True
        for evaluator in idle:
            evaluator.kill()

    def _acquire(self) -> _Evaluator:
        with self._lock:
            if self._pid != os.getpid():  # a forked worker: the evaluators belong to its parent
                self._idle, self._pid = [], os.getpid()
            while self._idle:
                evaluator = self._idle.pop()
                if evaluator.alive():
                    return evaluator
        return _Evaluator(self.memory_bytes)

    def _replace(self, evaluator: _Evaluator) -> None:
        """Kill ``evaluator`` and start another in the background, so the next script need not wait."""
        evaluator.kill()

        def start() -> None:
            with contextlib.suppress(Exception):  # the next script starts one itself, and says what failed
                self._release(_Evaluator(self.memory_bytes))

        threading.Thread(target=start, name="evaluator-start", daemon=True).start()

    def _release(self, evaluator: _Evaluator) -> None:
        with self._lock:
            if len(self._idle) < _KEPT_IDLE and self._pid == os.getpid() and not self._closed:
                self._idle.append(evaluator)
                return
        evaluator.kill()


# Errors diagram code can raise that callers tell apart by type; any other arrives as an EvaluatorFailure.
_ERROR_MODULES = {"builtins": builtins, "decimal": decimal}


def _rebuilt(module: str, kind: str, message: str, line: int, limit_seconds: float) -> Exception:
    if kind == "ScriptTimeout":
        error: Exception = ScriptTimeout(limit_seconds)
    elif kind == "JuelError":  # what JUEL itself refuses (a text used as a number), said as JUEL says it
        error = JuelError(message)
    else:
        exception_type = getattr(_ERROR_MODULES.get(module), kind, None)
        error = EvaluatorFailure(kind, message, line)
        if isinstance(exception_type, type) and issubclass(exception_type, Exception):
            with contextlib.suppress(Exception):
                error = exception_type(message)
    error.diagram_line = line  # type: ignore[attr-defined]
    return error


class _Evaluator:
    def __init__(self, memory_bytes: int):
        self.process = subprocess.Popen(
            [sys.executable, "-c", _START, os.path.dirname(__file__), str(memory_bytes)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # Nothing of the worker's: no open files or sockets, no environment (tokens and the database's
            # password live there), no working directory, in case diagram code ever gets out of its sandbox.
            close_fds=True,
            env={},
            cwd="/",
        )
        # An evaluator nobody holds any more (its pool or engine dropped without close) is stopped too.
        self._stop = weakref.finalize(self, _stop, self.process)
        ready = self._read(time.monotonic() + STARTUP_SECONDS, 1)
        if ready != b"R":
            self.kill()
            raise RuntimeError("a script evaluator did not start")

    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, request: bytes, wait_seconds: float, answer_bytes: int) -> bytes | None:
        """Send a request; its answer, or None when the evaluator has not answered within the wait."""
        deadline = time.monotonic() + wait_seconds
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(_HEADER.pack(len(request)) + request)
            self.process.stdin.flush()
        except BrokenPipeError:
            raise RuntimeError("the script evaluator stopped") from None
        header = self._read(deadline, _HEADER.size)
        if header is None:
            return None
        (length,) = _HEADER.unpack(header)
        if length > answer_bytes + 4096:  # the data and the few bytes around it
            raise RuntimeError("the script evaluator answered more than it may")
        return self._read(deadline, length)

    def _read(self, deadline: float, size: int) -> bytes | None:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        chunks, missing = [], size
        while missing:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                return None
            chunk = os.read(descriptor, min(missing, 1 << 20))
            if not chunk:
                # Killed by its CPU limit (SIGXCPU) or by the OS: a script that ran too long.
                code = self.process.wait()
                if code == -signal.SIGXCPU:
                    return None
                raise RuntimeError(f"the script evaluator stopped (exit status {code})")
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        self._stop()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


# --- reading an evaluator's answer ---------------------------------------------------------------

_ANSWER_TYPES = {
    ("builtins", name) for name in ("set", "frozenset", "complex", "bytearray", "range", "slice")
} | {
    ("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")
} | {("decimal", "Decimal")}  # fmt: skip


class _AnswerUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ANSWER_TYPES:
            raise pickle.UnpicklingError(f"{module}.{name}")
        return super().find_class(module, name)


def _read_answer(answer: bytes) -> tuple:
    try:
        return _AnswerUnpickler(io.BytesIO(answer)).load()
    except pickle.UnpicklingError as error:
        raise TypeError(f"the script left a value that can not be kept ({error})") from None


# --- the evaluator process -----------------------------------------------------------------------


class _CappedBuffer(io.BytesIO):
    def __init__(self, cap: int):
        super().__init__()
        self.cap = cap

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.cap:
            raise ValueError(
                f"the data the script left takes more than {self.cap:,} bytes, over the limit of "
                f"{self.cap:,} for an instance's data"
            )
        return super().write(data)


def _answer_bytes(answer: tuple, cap: int) -> bytes:
    buffer = _CappedBuffer(cap)
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: shared references are written out, so the cap sees their real size
    pickler.dump(answer)
    return buffer.getvalue()


def _failure(error: BaseException) -> tuple:
    line, traceback = 0, error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == SCRIPT_FILENAME:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    try:
        message = str(error)[:2000]
    except Exception:
        message = ""
    return ("error", type(error).__module__, type(error).__name__, message, line)


def _limit_memory(memory_bytes: int) -> None:
    with open("/proc/self/statm") as statm:
        at_rest = os.sysconf("SC_PAGE_SIZE") * int(statm.read().split()[0])
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = at_rest + memory_bytes
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _limit_cpu(limit_seconds: float) -> None:
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(spent + limit_seconds) + 2
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _evaluate(mode: str, source: str, namespace: dict[str, Any], limit_seconds: float) -> tuple:
    from .code_policy import DEADLINE_CHECK, code_or_refusal
    from .diagram_builtins import GUARDS
    from .sandbox import run_restricted

    code = code_or_refusal(source, mode)
    names_before = set(namespace)
    namespace.update(GUARDS)
    value = run_restricted(code, namespace, expression=mode == "eval", limit_seconds=limit_seconds)
    if mode == "eval":
        return ("value", value, None)
    for name in list(namespace):
        if (
            name in GUARDS
            or name == DEADLINE_CHECK
            or callable(namespace[name])
            or (name.startswith("_") and name not in names_before)
        ):
            del namespace[name]
    return ("value", None, namespace)


def _read_exactly(stream: Any, size: int) -> bytes | None:
    data = stream.read(size)
    return data if len(data) == size else None


def serve(memory_bytes: int) -> None:
    """Answer requests on stdin, one at a time, until the worker closes it."""
    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever else writes to stdout must not mix into the answers
    sys.stdout = sys.stderr
    from . import sandbox  # noqa: F401 - loaded before the memory limit counts what the evaluator holds

    _limit_memory(memory_bytes)
    answers.write(b"R")
    answers.flush()
    while (header := _read_exactly(requests, _HEADER.size)) is not None:
        (length,) = _HEADER.unpack(header)
        request = _read_exactly(requests, length)
        if request is None:
            return
        mode, source, namespace, limit_seconds, cap = pickle.loads(request)  # from the worker: trusted
        _limit_cpu(limit_seconds)
        try:
            outcome = _evaluate(mode, source, namespace, limit_seconds)
            try:
                answer = _answer_bytes(outcome, cap)
            except (TypeError, pickle.PicklingError) as error:  # e.g. a generator
                raise TypeError(f"the script left a value that can not be stored: {error}") from None
        except BaseException as error:
            del namespace  # what a MemoryError left behind
            try:
                answer = _answer_bytes(_failure(error), cap)
            except BaseException:
                answer = _answer_bytes(("error", "builtins", "MemoryError", "", 0), cap)
        answers.write(_HEADER.pack(len(answer)) + answer)
        answers.flush()
