"""Which diagram code runs in the worker and which in an evaluator process, and what an evaluator can and can
not do to the worker: a C call that never returns is killed at the limit, memory is capped, shared
references arrive written out (and so bounded), and the worker reads nothing from an answer but data."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from engine.bpmn.code_policy import ScriptTimeout
from engine.bpmn.evaluator import EvaluatorPool, _read_answer
from engine.bpmn.plain_expressions import is_plain
from engine.bpmn.sandbox import RestrictedEnvironment


@pytest.mark.parametrize(
    "expression",
    [
        'decision == "approved"',
        "not existing_kanta_customer",
        'extension_kind in ("new_service", "new_system")',
        'str(date.fromisoformat(test_date) + timedelta(days=3)) + "T09:00:00+02:00"',
        '"P2D"',
        "amount > 500000 and name.lower().startswith('hoiva')",
        'f"{kind}-{number}"',
    ],
)
def test_the_catalogue_s_kind_of_expression_runs_in_the_worker(expression):
    assert is_plain(expression, "eval")


@pytest.mark.parametrize(
    "expression",
    [
        "hash(((0,)*10**6,)*10**5)",
        "sum(lists, [])",
        "'x'.ljust(10**9)",
        "'{:>999999999}'.format(1)",
        'f"{x:>999999999}"',
        "'%999999999d' % 1",
        "x * 2",
        "[n for n in names]",
        "(lambda: 1)()",
        "(y := 3)",
        "f(*args)",
        "text.replace('a', text)",
        " + ".join(["x"] * 100),  # longer than a plain expression may be
    ],
)
def test_anything_else_runs_in_an_evaluator(expression):
    assert not is_plain(expression, "eval")


def test_a_script_always_runs_in_an_evaluator():
    assert not is_plain("done = True", "exec")


@pytest.fixture(scope="module")
def pool():
    running = EvaluatorPool(memory_bytes=256 * 1024 * 1024, answer_bytes=1_000_000)
    running.run("exec", "started = True", {}, 1.0)  # its first evaluator is up before anything is timed
    yield running
    running.close()


def test_an_endless_c_call_is_killed_at_the_limit_and_the_next_script_runs(pool):
    started = time.monotonic()
    with pytest.raises(ScriptTimeout):
        pool.run("eval", "hash(((0,)*10**6,)*10**5)", {}, 0.5)
    assert time.monotonic() - started < 3

    value, _ = pool.run("eval", "1 + 1", {}, 0.5)
    assert value == 2


def test_memory_beyond_the_limit_fails_the_script_naming_the_limit(pool):
    with pytest.raises(MemoryError, match="memory limit of 256 MiB"):
        pool.run("eval", "'x'.ljust(10**9)", {}, 2.0)


def test_shared_references_count_at_their_full_size(pool):
    with pytest.raises(ValueError, match="over the limit of 1,000,000"):
        pool.run("exec", "big = [[0] * 1000] * 1000", {}, 2.0)  # 4 KB in the evaluator, 2 MB written out


def test_a_script_s_variables_come_back_without_helpers_or_functions(pool):
    _, left = pool.run("exec", "def twice(n):\n    return 2 * n\ny = twice(x)", {"x": 2}, 1.0)
    assert left == {"x": 2, "y": 4}


def test_errors_keep_their_type_and_the_script_s_line(pool):
    with pytest.raises(ZeroDivisionError) as raised:
        pool.run("exec", "a = 1\nb = a / 0", {}, 1.0)
    assert raised.value.diagram_line == 2


def test_an_answer_holding_anything_but_data_is_refused():
    # What an evaluator whose sandbox was escaped could send: a pickle that calls a function when read.
    hostile = pickle.dumps(("value", os.getcwd, None))
    with pytest.raises(TypeError, match="can not be kept"):
        _read_answer(hostile)


def test_the_worker_runs_plain_expressions_itself_and_scripts_elsewhere():
    environment = RestrictedEnvironment(timeout_seconds=1.0)
    try:
        assert environment.evaluate("a > 1", {"a": 2}) is True
        assert environment.evaluators._idle == []  # no evaluator was needed
        data = {"a": 2}
        environment.execute("b = a * 3", data)
        assert data == {"a": 2, "b": 6}
        assert len(environment.evaluators._idle) == 1
    finally:
        environment.close()


def test_an_evaluator_holds_nothing_of_the_worker_s():
    os.environ["KANTA_TOKENS"] = "admin:secret-token-0123456789abcdef0123456789"
    try:
        fresh = EvaluatorPool()
        fresh.run("exec", "started = True", {}, 1.0)
        [evaluator] = fresh._idle
        pid = evaluator.process.pid
        with open(f"/proc/{pid}/environ", "rb") as environ:
            assert environ.read() == b""
        assert os.readlink(f"/proc/{pid}/cwd") == "/"
        # requests in, stderr (also as stdout), answers out: no database socket, no file of the worker's
        assert sorted(os.listdir(f"/proc/{pid}/fd")) == ["0", "1", "2", "3"]
    finally:
        del os.environ["KANTA_TOKENS"]
        fresh.close()
