"""The restricted, time-limited Python that diagram code runs in."""

from __future__ import annotations

import decimal
import sys
import threading
import time
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.camunda.parser import CamundaParser

from engine.bpmn.code_policy import ScriptRefused, ScriptTimeout, expression_problem, script_problem
from engine.bpmn.sandbox import RestrictedEnvironment, RestrictedScriptEngine

LIMIT = 0.3
# Generous slack over the limit: CI machines stall now and then.
WITHIN_LIMIT = LIMIT + 0.7


@pytest.fixture(scope="module")
def environment():
    running = RestrictedEnvironment(timeout_seconds=LIMIT)
    running.execute("started = True", {})  # its evaluator process is up before any test times it
    yield running
    running.close()


def timed(action) -> float:
    started = time.monotonic()
    action()
    return time.monotonic() - started


# --- ordinary process logic -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("amount * 2 + fee", 205),
        ("amount > 100 and decision == 'approved'", False),
        ("decision not in ('approved', 'rejected')", True),
        ("len(services) == 2 and 'eResepti' in services", True),
        ("max(scores) - min(scores)", 7),
        ("sorted(services)[0]", "Kanta-arkisto"),
        ("sum(x ** 2 for x in scores)", 65),
        ("round(amount / 3, 2)", 33.33),
        ("'P2D'", "P2D"),
        ("\n    amount == 100\n  ", True),  # blanks around a condition, as in XML text
    ],
)
def test_expressions_evaluate_against_task_data(environment, expression, expected):
    data = {
        "amount": 100,
        "fee": 5,
        "decision": "pending",
        "services": ["eResepti", "Kanta-arkisto"],
        "scores": [1, 8],
    }

    assert environment.evaluate(expression, data) == expected


def test_external_context_is_visible_to_expressions(environment):
    assert environment.evaluate("dmninputexpr == 'x'", {}, external_context={"dmninputexpr": "x"}) is True


def test_a_script_updates_task_data_and_leaves_no_helpers_behind(environment):
    data = {"organisation": "Testi Oy", "services": ["eResepti", "Kanta-arkisto"]}
    script = """
    def label(name):
        return name.upper()

    count = len(services)
    labels = [label(s) for s in services]
    first, second = services
    total = 0
    for index, service in enumerate(services):
        total += index
    summary = {"organisation": organisation, "count": count}
    summary["checked"] = True
    print("not stored anywhere")
    """

    environment.execute(script, data)

    assert data == {
        "organisation": "Testi Oy",
        "services": ["eResepti", "Kanta-arkisto"],
        "count": 2,
        "labels": ["ERESEPTI", "KANTA-ARKISTO"],
        "first": "eResepti",
        "second": "Kanta-arkisto",
        "total": 1,
        "index": 1,
        "service": "Kanta-arkisto",
        "summary": {"organisation": "Testi Oy", "count": 2, "checked": True},
    }


def test_task_data_may_use_the_names_of_helpers(environment):
    data = {"date": "2024-05-01", "sum": 3}

    environment.execute("later = sum + 1", data)

    assert data == {"date": "2024-05-01", "sum": 3, "later": 4}
    assert environment.evaluate("date", data) == "2024-05-01"


def test_date_and_number_helpers_are_available(environment):
    data = {"submitted": "2024-05-01"}

    environment.execute(
        "deadline = date.fromisoformat(submitted) + timedelta(days=14)\n"
        "stamp = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)\n"
        "price = Decimal('10.10') * 3\n"
        "weekday = deadline.isoweekday()",
        data,
    )

    assert data["deadline"] == date(2024, 5, 15)
    assert data["stamp"] == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert data["price"] == Decimal("30.30")
    assert data["weekday"] == 3
    assert environment.evaluate("deadline - timedelta(days=1) > date(2024, 5, 1)", data) is True


def test_catching_errors_still_works_before_the_time_limit(environment):
    data = {"raw": "abc"}

    environment.execute(
        "try:\n    number = int(raw)\nexcept ValueError:\n    number = -1\nfinally:\n    done = True", data
    )

    assert data == {"raw": "abc", "number": -1, "done": True}


# --- hostile code -----------------------------------------------------------------------------

HOSTILE = {
    "__import__('os').system('echo x')": '"__import__"',
    "().__class__.__subclasses__()": '"__subclasses__"',
    "open('/etc/passwd')": '"open"',
    "getattr(x, '__class__')": '"getattr"',
    "exec('1')": '"exec"',
    "eval('1')": '"eval"',
    "x.__class__": '"__class__"',
    "(lambda: 1).__globals__": '"__globals__"',
    "type(x)": '"type"',
    "vars()": '"vars"',
}


@pytest.mark.parametrize(("code", "named"), HOSTILE.items())
def test_validation_refuses_hostile_code(code, named):
    problem = expression_problem(code)
    assert problem is not None and named in problem
    line, message = script_problem(f"ok = 1\n{code}")
    assert line == 2 and named in message


@pytest.mark.parametrize(("code", "named"), HOSTILE.items())
def test_hostile_code_is_refused_at_run_time_too(environment, code, named):
    with pytest.raises(ScriptRefused, match=named):
        environment.evaluate(code, {"x": 1})
    data = {"x": 1}
    with pytest.raises(ScriptRefused, match=named):
        environment.execute(code, data)
    assert data == {"x": 1}


def test_refusal_messages_say_why():
    assert expression_problem("__import__('os')") == (
        'name "__import__" is not allowed: names starting with "_" are reserved'
    )
    assert expression_problem("x.__class__") == (
        'attribute "__class__" is not allowed: names starting with "_" are reserved'
    )
    assert script_problem("import os") == (1, "import statements are not allowed in diagram code")
    assert script_problem("from os import system") == (1, "import statements are not allowed in diagram code")
    assert script_problem("class Sneaky:\n    pass") == (
        1,
        "class definitions are not allowed in diagram code",
    )


def test_builtins_outside_the_allow_list_do_not_exist(environment):
    with pytest.raises(NameError, match="compile"):
        environment.evaluate("compile", {})


def test_attribute_writes_on_non_containers_are_refused(environment):
    with pytest.raises(TypeError):
        environment.execute("moment = date(2024, 1, 1)\nmoment.year = 1", {})


def test_str_format_is_refused_because_it_reaches_attributes(environment):
    with pytest.raises(NotImplementedError):
        environment.evaluate("'{0.__class__}'.format(1)", {})


def test_acceptable_code_has_no_problem():
    assert expression_problem("amount > 100 and decision == 'approved'") is None
    assert expression_problem('"P2D"') is None
    assert script_problem("total = 0\nfor x in items:\n    total += x") is None
    assert script_problem("") is None


def test_problems_name_the_line_of_a_script_and_are_one_line():
    line, message = script_problem("a = 1\nb = 2\nc = = 3\n")

    assert line == 3
    assert "\n" not in message and "SyntaxError" in message
    assert expression_problem("") == "the expression is empty"
    assert "SyntaxError" in expression_problem("amount >")


# --- time limit -------------------------------------------------------------------------------

ENDLESS = {
    "bare loop": "while True: pass",
    "loop with work": "n = 0\nwhile True:\n    n += 1",
    "nested function calls": (
        "def inner(n):\n    return n + 1\n"
        "def middle(n):\n    while True:\n        n = inner(n)\n"
        "def outer():\n    middle(0)\n"
        "outer()"
    ),
    "exponential recursion": "def f(n):\n    if n:\n        f(n - 1)\n        f(n - 1)\nf(200)",
    "comprehension": "x = sum(1 for a in range(10**6) for b in range(10**6))",
    "catching the timeout": (
        "while True:\n    try:\n        while True: pass\n    except Exception:\n        pass"
    ),
    "bare except": "while True:\n    try:\n        while True: pass\n    except:\n        pass",
    "finally swallowing it": (
        "def f():\n    try:\n        while True: pass\n    finally:\n        return 1\nwhile True:\n    f()"
    ),
    # A RecursionError raised inside the tracer switches tracing off; catching it must not help.
    "recursion errors caught": (
        "def deep(n):\n    return deep(n + 1)\n"
        "for i in range(10**6):\n    try:\n        deep(0)\n    except Exception:\n        pass"
    ),
}


@pytest.mark.parametrize("script", ENDLESS.values(), ids=ENDLESS.keys())
def test_endless_scripts_stop_at_the_time_limit(environment, script):
    def run():
        with pytest.raises(ScriptTimeout, match=r"time limit of 0\.3 s"):
            environment.execute(script, {})

    elapsed = timed(run)

    assert LIMIT <= elapsed < WITHIN_LIMIT
    assert environment.evaluate("1 + 1", {}) == 2


def test_an_endless_expression_stops(environment):
    def run():
        with pytest.raises(ScriptTimeout):
            environment.evaluate("sum(1 for a in range(10**6) for b in range(10**6)) > 0", {})

    elapsed = timed(run)

    assert elapsed < WITHIN_LIMIT
    assert environment.evaluate("x > 1", {"x": 2}) is True


def test_a_timed_out_script_leaves_the_task_data_as_it_was(environment):
    data = {"x": 1}

    with pytest.raises(ScriptTimeout):
        environment.execute("y = 2\nwhile True: pass", data)

    assert data == {"x": 1}  # the script ran in an evaluator: nothing of it came back


def test_the_previous_trace_function_is_restored(environment):
    calls = []

    def outer_tracer(frame, event, arg):
        calls.append(event)

    original = sys.gettrace()
    sys.settrace(outer_tracer)
    try:
        environment.evaluate("1 + 1", {})
        with pytest.raises(ScriptTimeout):
            environment.execute("while True: pass", {})
        with pytest.raises(ZeroDivisionError):
            environment.evaluate("1 / 0", {})
        assert sys.gettrace() is outer_tracer
    finally:
        sys.settrace(original)


def test_the_time_limit_works_outside_the_main_thread(environment):
    outcome = {}

    def worker():
        try:
            environment.execute("while True: pass", {})
        except ScriptTimeout as error:
            outcome["error"] = error
        outcome["after"] = environment.evaluate("2 * 3", {})

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=5)

    assert not thread.is_alive()
    assert isinstance(outcome["error"], ScriptTimeout)
    assert outcome["after"] == 6


@pytest.mark.parametrize(
    "expression",
    [
        "sum(range(10**12))",
        "10 ** 10 ** 10",
        "pow(10, 10**10)",
        "1 << 10**10",
        "'x' * 10**10",
        "[0] * 10**9",
        "int(Decimal('1e1000000'))",
    ],
)
def test_single_c_calls_that_would_hang_are_refused(environment, expression):
    def run():
        with pytest.raises(ValueError, match="not allowed"):
            environment.evaluate(expression, {})

    elapsed = timed(run)

    assert elapsed < 0.1


def test_decimal_arithmetic_is_bounded_but_decimals_behave_as_usual(environment):
    with pytest.raises(decimal.Overflow):
        environment.evaluate("int(Decimal(10) ** 999999)", {})
    assert (
        environment.evaluate(
            "isinstance(Decimal('1.5') + 1, Decimal) and isinstance(x, Decimal)", {"x": Decimal(2)}
        )
        is True
    )
    assert environment.evaluate("Decimal.from_float(0.5)", {}) == Decimal("0.5")


def test_repeated_squaring_is_bounded(environment):
    with pytest.raises(ValueError, match="bits"):
        environment.execute("x = 3\nfor i in range(64):\n    x *= x", {})


def test_ordinary_arithmetic_stays_unchanged(environment):
    assert environment.evaluate("[0] * 3 + [1] * 2", {}) == [0, 0, 0, 1, 1]
    assert environment.evaluate("'-' * 5", {}) == "-----"
    assert environment.evaluate("2 ** 100", {}) == 2**100
    assert environment.evaluate("2 ** -1", {}) == 0.5
    assert environment.evaluate("1 << 10", {}) == 1024
    assert environment.evaluate("list(range(3))", {}) == [0, 1, 2]


# --- inside SpiffWorkflow -------------------------------------------------------------------


def _diagram(script: str, condition: str = "True") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    id="Definitions_script" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="scripted" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="to_script" sourceRef="start" targetRef="compute" />
    <bpmn:scriptTask id="compute" name="Compute" scriptFormat="python">
      <bpmn:script>{script}</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="to_gateway" sourceRef="compute" targetRef="decide" />
    <bpmn:exclusiveGateway id="decide" default="otherwise" />
    <bpmn:sequenceFlow id="when_ok" sourceRef="decide" targetRef="done">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="otherwise" sourceRef="decide" targetRef="done_otherwise" />
    <bpmn:endEvent id="done" />
    <bpmn:endEvent id="done_otherwise" />
  </bpmn:process>
</bpmn:definitions>
"""


@pytest.fixture(scope="module")
def script_engine():
    engine = RestrictedScriptEngine(LIMIT)
    _workflow(engine, "started = True").do_engine_steps()  # its evaluator is up before anything is timed
    yield engine
    engine.close()


def _workflow(script_engine: RestrictedScriptEngine, script: str, condition: str = "True") -> BpmnWorkflow:
    parser = CamundaParser()
    parser.add_bpmn_str(_diagram(script, condition).encode(), "scripted.bpmn")
    return BpmnWorkflow(parser.get_spec("scripted"), script_engine=script_engine)


def test_a_workflow_runs_scripts_and_conditions(script_engine):
    script = "count = len([1, 2, 3])\nwhen = date(2024, 1, 1)"
    workflow = _workflow(script_engine, script, condition="count == 3")

    workflow.do_engine_steps()

    assert workflow.is_completed()
    assert workflow.data["count"] == 3
    assert workflow.data["when"] == date(2024, 1, 1)
    assert {task.task_spec.name for task in workflow.get_tasks()} >= {"done"}
    assert "done_otherwise" not in {task.task_spec.name for task in workflow.get_tasks()}
    assert not [name for name in workflow.data if name.startswith("_") or name in ("len", "date")]


def test_an_endless_script_task_stops_with_a_recognisable_timeout(script_engine):
    workflow = _workflow(script_engine, "n = 0\nwhile True:\n    n += 1")

    def run():
        with pytest.raises(WorkflowTaskException) as raised:
            workflow.do_engine_steps()
        error = raised.value
        assert isinstance(error.__cause__, ScriptTimeout)
        assert error.error_type == "ScriptTimeout"
        assert "time limit of 0.3 s" in str(error)
        assert error.task.task_spec.name == "compute"
        assert error.line_number in (2, 3)  # the loop's head or its body
        assert error.error_line

    assert timed(run) < 1.0


def test_an_endless_gateway_condition_stops_with_a_recognisable_timeout(script_engine):
    endless = "sum(1 for a in range(10**6) for b in range(10**6)) > 0"
    workflow = _workflow(script_engine, "x = 1", condition=endless)

    def run():
        with pytest.raises(WorkflowTaskException) as raised:
            workflow.do_engine_steps()
        assert isinstance(raised.value.__cause__, ScriptTimeout)
        assert "time limit of 0.3 s" in str(raised.value)

    assert timed(run) < 1.0


def test_a_hostile_script_task_is_refused_with_its_line(script_engine):
    workflow = _workflow(script_engine, "x = 1\n__import__('os').system('echo pwned')")

    with pytest.raises(WorkflowTaskException) as raised:
        workflow.do_engine_steps()

    assert isinstance(raised.value.__cause__, ScriptRefused)
    assert raised.value.line_number == 2
    assert '"__import__" is not allowed' in str(raised.value)
