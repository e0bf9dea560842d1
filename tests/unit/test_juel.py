"""JUEL translated to Python runs in the sandbox as JUEL (JSR 245, EL 2.2) means it, and what the subset
does not hold is refused by name."""

from __future__ import annotations

import pytest

from engine.bpmn.code_policy import expression_problem, script_problem
from engine.bpmn.dialects import DialectRefused, condition_python, quartz_to_cron, timer_python
from engine.bpmn.juel import JuelError, JuelRefused, to_python
from engine.bpmn.sandbox import RestrictedEnvironment


def juel(text: str, **variables):
    return RestrictedEnvironment().evaluate(to_python(text), dict(variables))


@pytest.mark.parametrize(
    ("text", "variables", "value"),
    [
        ("${1 == 1.0}", {}, True),
        ("${'1' == 1}", {}, True),
        ("${true == 'TRUE'}", {}, True),
        ("${null == null}", {}, True),
        ("${x == null}", {"x": 0}, False),
        ("${'' == 0}", {}, True),  # an empty text is 0 as a number
        ("${'a' < 'b'}", {}, True),
        ("${'10' > 9}", {}, True),  # a number on one side: both compared as numbers
        ("${null < 1 || null > 1}", {}, False),
        ("${null <= null}", {}, True),
        ("${'2' + '3'}", {}, 5),
        ("${null + null}", {}, 0),
        ("${1.5 + 1}", {}, 2.5),
        ("${7 / 2}", {}, 3.5),
        ("${-7 % 3}", {}, -1),
        ("${7.5 % 2}", {}, 1.5),
        ("${-'4'}", {}, -4),
        ("${empty ''}", {}, True),
        ("${empty {}}".replace("{}", "m"), {"m": {}}, True),
        ("${empty 0}", {}, False),
        ("${!'true'}", {}, False),
        ("${m.a.b}", {"m": {"a": None}}, None),
        ("${l[5]}", {"l": [1]}, None),
        ("${l['0']}", {"l": [7]}, 7),
        ("${'it\\'s'}", {}, "it's"),
        ('${"say \\"hei\\""}', {}, 'say "hei"'),
        ("Hei ${name}, ${n + 1}. ${ok}", {"name": "Maija", "n": 1, "ok": True}, "Hei Maija, 2. true"),
        ("\\${not juel}", {}, "${not juel}"),
        ("${x ? 'a' : 'b'}", {"x": None}, "b"),
    ],
)
def test_juel_values(text, variables, value):
    result = juel(text, **variables)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize(
    ("text", "variables", "fault"),
    [
        ("${'abc' + 1}", {}, "JUEL can not use the text 'abc' as a number"),
        ("${x && true}", {"x": 1}, "JUEL can not use the value 1 as a boolean"),
        ("${s.length}", {"s": "abc"}, "JUEL can not read the property 'length' of the text 'abc'"),
        ("${m < 1}", {"m": {}}, "JUEL can not use an object as a number"),
        ("${true < false}", {}, None),  # booleans are ordered, as Java's Boolean is
    ],
)
def test_what_juel_itself_refuses_fails_instead_of_running_as_python(text, variables, fault):
    if fault is None:
        assert juel(text, **variables) is False
        return
    with pytest.raises(JuelError, match=fault):
        juel(text, **variables)


def test_a_missing_variable_fails_as_in_camunda():
    with pytest.raises(NameError):
        juel("${nowhere}")


def test_the_translation_is_linear_in_the_expression_and_its_depth_is_bounded():
    long = "${" + "(" * 300 + "a" + ")" * 300 + " && " + " || ".join(["b && c"] * 2000) + "}"
    python = to_python(long)
    assert len(python) < 40 * len(long) and expression_problem(python) is None
    assert juel(long, a=True, b=False, c=True) is False
    deep = "${" + "-" * 45 + "1}"
    with pytest.raises(JuelRefused, match="nested more than 40 levels deep"):
        to_python(deep)
    assert juel("${" + "-" * 38 + "1}") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("${a.b()}", 'JUEL: the method or function call "….b(…)" is not supported'),
        ("${now()}", 'JUEL: the method or function call "now(…)" is not supported'),
        ("${execution.getVariable('x') == 1}", "write the Python (x == 1) instead"),
        ("${execution}", 'JUEL: the Camunda context object "execution" is not supported'),
        ("${a -> a}", "JUEL: a lambda expression is not supported"),
        ("${class}", 'JUEL: the variable name "class" is a word Python keeps for itself: rename it'),
        ("${_secret}", 'JUEL: the variable name "_secret"'),
        ("${}", "JUEL: the expression ${} is empty"),
        ("${a +}", 'JUEL: can not read "a +": it ends too early'),
        ("${a ] b}", 'JUEL: can not read "a ] b" at "] b"'),
    ],
)
def test_beyond_the_subset_is_refused_by_name(text, message):
    with pytest.raises(JuelRefused) as refused:
        to_python(text)
    assert message in str(refused.value)


def test_the_runtime_name_can_be_read_by_translated_code_only_and_never_replaced():
    assert expression_problem("_juel_.eq(a, 1)") is None
    assert script_problem("_juel_ = 1") is not None
    assert expression_problem("_juel_.__class__") is not None
    # task data of that name does not replace the runtime
    assert RestrictedEnvironment().evaluate(to_python("${a == '1'}"), {"a": 1, "_juel_": None}) is True


def test_conditions_and_timers_choose_their_dialect_by_what_is_written():
    assert condition_python("a == 1") == "a == 1"
    assert condition_python("${a}").startswith("_juel_.condition(a)")
    assert condition_python("${a}", "python") == "${a}"  # a Python condition is Python, and fails to compile
    with pytest.raises(DialectRefused, match='the condition language "groovy"'):
        condition_python("a", "groovy")
    assert timer_python("timeDuration", "P7D") == "'P7D'"
    assert timer_python("timeDuration", '"P7D"') == '"P7D"'
    assert timer_python("timeDate", "2026-09-01T09:00:00") == "'2026-09-01T09:00:00'"
    assert timer_python("timeCycle", "R3/PT1H") == "'R3/PT1H'"
    assert timer_python("timeCycle", "R/2026-09-01T09:00:00/P1D") == "'R/2026-09-01T09:00:00/P1D'"


@pytest.mark.parametrize(
    ("quartz", "cron"),
    [
        ("0 0 9 ? * MON-FRI", "0 0 9 * * MON-FRI"),
        ("0 0 9 ? * 2-6", "0 0 9 * * 1-5"),
        ("0 0/15 * * * ?", "0 0/15 * * * *"),
        ("30 0 12 1 JAN,JUL ? *", "30 0 12 1 JAN,JUL *"),
        ("0 0 9 ? * 1,7", "0 0 9 * * 0,6"),
    ],
)
def test_quartz_cron_becomes_cron_with_sunday_as_zero(quartz, cron):
    assert quartz_to_cron(quartz) == cron
