"""FEEL cells as Camunda Modeler writes them are judged as FEEL: each cell below, given an input value,
matches or not as DMN 1.3 says; a cell that is not FEEL is refused at deploy with its rule, column and why;
and a cell of any length is read in time linear in it."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from engine.catalogue.checks import check_catalogue
from engine.catalogue.safe_xml import parse_xml
from engine.decisions import DecisionFailure, FeelError, parse_unary_tests
from engine.decisions.feel import matches
from engine.limits import MAX_DECISION_CELL_CHARS

VARIABLES = {"limit": 10, "applicant": {"kind": "clinic"}}

CASES = [
    # cell, input value, matches
    ("-", "anything", True),
    ("", None, True),
    ('"pharmacy"', "pharmacy", True),
    ('"pharmacy"', "clinic", False),
    ('"a","b"', "b", True),
    ('"a","b"', "c", False),
    ('not("x")', "y", True),
    ('not("x")', "x", False),
    ('not("a","b")', "b", False),
    ("< 10", 9, True),
    ("< 10", 10, False),
    ("<= 10", 10, True),
    ("> 500000", 500001, True),
    ("!= 3", 4, True),
    ("[1..5]", 1, True),
    ("[1..5]", 5, True),
    ("(1..5]", 1, False),
    ("]1..5[", 5, False),
    ("]1..5[", 4.5, True),
    ("[-5..-1]", -3, True),
    ("< limit", 9, True),
    ("applicant.kind", "clinic", True),
    ("true", True, True),
    ("true", False, False),
    ("false,null", None, True),
    ("null", None, True),
    ('"x"', None, False),
    ("< 10", None, False),
    ('>= date("2026-09-01")', dt.date(2026, 9, 1), True),
    ('>= date("2026-09-01")', dt.date(2026, 8, 31), False),
    ('[date("2026-01-01")..date("2026-12-31")]', dt.date(2026, 6, 1), True),
    ('< date and time("2026-09-01T12:00:00")', dt.datetime(2026, 9, 1, 11, 59), True),
    ('"say \\"hi\\""', 'say "hi"', True),
]


@pytest.mark.parametrize(("cell", "value", "expected"), CASES, ids=[f"{c!r}~{v!r}" for c, v, _ in CASES])
def test_a_feel_cell_matches_as_dmn_says(cell, value, expected):
    assert matches(parse_unary_tests(cell), value, VARIABLES, 'input "Value"') is expected


@pytest.mark.parametrize(
    ("cell", "value", "said"),
    [
        ("< 10", "ten", "input \"Value\" is the string 'ten', but the rule compares it with the number 10"),
        ('"true"', True, "compares it with the string"),
        ("< missing", 3, '"missing" names no value'),
        ("applicant.size", 3, 'applicant has no "size"'),
    ],
)
def test_a_value_feel_would_quietly_not_match_fails_the_decision_instead(cell, value, said):
    with pytest.raises(DecisionFailure) as failure:
        matches(parse_unary_tests(cell), value, VARIABLES, 'input "Value"')
    assert said in str(failure.value)


@pytest.mark.parametrize(
    ("cell", "column", "said"),
    [
        ('? != "pharmacy"', 1, '"?" belongs to Python cells'),
        ('? in ["a", "b"]', 1, '"?" belongs to Python cells'),
        ("'a'", 1, "FEEL strings are in double quotes"),
        ('in ["a","b"]', 4, 'a FEEL list of values is written "a","b"'),
        ('"a" or "b"', 5, 'a FEEL list of values is written "a","b"'),
        ("[1..", None, "is not a FEEL unary test"),
        ("True", None, "True is Python, not FEEL: write true"),
        ('date("1.9.2026")', None, 'write date("YYYY-MM-DD")'),
    ],
)
def test_a_cell_that_is_not_feel_is_refused_saying_where(cell, column, said):
    with pytest.raises(FeelError) as refused:
        parse_unary_tests(cell)
    assert said in refused.value.message
    if column:
        assert refused.value.column == column
        assert f"at column {column}" in refused.value.message


def dmn(rules: str, language: str = "", requirement: str = "", hit_policy: str = "UNIQUE") -> str:
    declared = f' expressionLanguage="{language}"' if language else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D1" name="D" namespace="x"{declared}>
  <decision id="fee" name="Fee">{requirement}
    <decisionTable id="Table_fee" hitPolicy="{hit_policy}">
      <input id="Input_kind" label="Kind">
        <inputExpression id="Expression_kind" typeRef="string"><text>kind</text></inputExpression>
      </input>
      <output id="Output_fee" label="Fee" name="fee" typeRef="integer" />
{rules}
    </decisionTable>
  </decision>
  <decision id="base" name="Base">
    <informationRequirement id="Requirement_fee"><requiredDecision href="#fee" /></informationRequirement>
    <decisionTable id="Table_base">
      <input id="Input_fee" label="Fee in">
        <inputExpression id="Expression_fee"><text>fee</text></inputExpression>
      </input>
      <output id="Output_base" name="base" typeRef="integer" />
    </decisionTable>
  </decision>
</definitions>
"""


def rule(rule_id: str, entry: str, output: str = "1") -> str:
    return (
        f'      <rule id="{rule_id}"><inputEntry id="In_{rule_id}"><text>{entry}</text></inputEntry>'
        f'<outputEntry id="Out_{rule_id}"><text>{output}</text></outputEntry></rule>'
    )


def problems_of(source: str) -> list:
    return check_catalogue({"fee.dmn": parse_xml(source.encode(), "fee.dmn")}, {})


def test_a_python_cell_in_a_feel_table_is_refused_at_its_rule_with_column_and_why():
    source = dmn(rule("Rule_ok", '"clinic"') + "\n" + rule("Rule_python", '? != "pharmacy"'))
    [problem] = problems_of(source)
    line = next(n for n, text in enumerate(source.splitlines(), 1) if '"Rule_python"' in text)
    assert (problem.file, problem.line, problem.element_id) == ("fee.dmn", line, "Rule_python")
    assert problem.message.startswith(
        'rule 2, input "Kind": the entry ? != "pharmacy" is not a FEEL unary test'
    )
    assert "at column 1" in problem.message


def test_the_same_cell_declared_python_passes_and_a_language_the_engine_does_not_run_is_refused():
    assert problems_of(dmn(rule("Rule_python", '? != "pharmacy"'), language="python")) == []
    problems = problems_of(dmn(rule("Rule_juel", "${kind}"), language="juel"))
    assert {p.element_id for p in problems} >= {"Input_kind", "Rule_juel"}
    assert all('the expression language "juel" is not run' in p.message for p in problems)


def test_decisions_that_require_each_other_in_a_circle_are_refused():
    requirement = (
        '\n    <informationRequirement id="R"><requiredDecision href="#base" /></informationRequirement>'
    )
    problems = problems_of(dmn(rule("Rule_1", '"clinic"'), requirement=requirement))
    assert sorted(p.message for p in problems) == [
        'decision "Base" requires itself: base → fee → base',
        'decision "Fee" requires itself: fee → base → fee',
    ]
    unknown = '\n    <informationRequirement id="R"><requiredDecision href="#tax" /></informationRequirement>'
    [problem] = problems_of(dmn(rule("Rule_1", '"clinic"'), requirement=unknown))
    assert problem.message == "decision \"Fee\" requires decision 'tax', which no DMN file defines"


def test_rules_that_surely_clash_under_unique_or_any_are_refused_and_agreeing_any_rules_are_not():
    clashing = rule("Rule_1", '"a","b"', "1") + "\n" + rule("Rule_2", '"b"', "2")
    [unique] = problems_of(dmn(clashing))
    assert unique.element_id == "Rule_2" and "rules 1 and 2 of the UNIQUE" in unique.message
    [any_] = problems_of(dmn(clashing, hit_policy="ANY"))
    assert "match the same inputs with different outputs" in any_.message
    agreeing = rule("Rule_1", '"a","b"', "1") + "\n" + rule("Rule_2", '"b"', "1")
    assert problems_of(dmn(agreeing, hit_policy="ANY")) == []
    assert problems_of(dmn(rule("Rule_1", '"a"') + rule("Rule_2", 'not("a")'))) == []  # they exclude


def test_feel_values_that_contradict_their_column_type_are_refused():
    problems = problems_of(dmn(rule("Rule_1", "5", '"5"') + rule("Rule_2", '"b"', "true")))
    assert sorted(p.message for p in problems) == [
        'rule 1: input "Kind" holds string values: 5 is a number, not a string',
        'rule 1: output "Fee" holds integer values: "5" is text, not a number: write 5',
        'rule 2: output "Fee" holds integer values: true is a boolean, not a integer',
    ]


@pytest.mark.parametrize("cell", ["?" * 150_000, '"' + "a" * 150_000 + '"'])
def test_a_cell_of_any_length_is_refused_past_the_cap_at_once(cell):
    started = time.perf_counter()
    [problem] = problems_of(dmn(rule("Rule_long", cell)))
    assert time.perf_counter() - started < 2
    assert f"a cell holds at most {MAX_DECISION_CELL_CHARS:,}" in problem.message


@pytest.mark.parametrize("language", ["", "python"])
def test_reading_a_cell_just_under_the_cap_is_linear(language):
    cell = ",".join(['"abcdefghij"'] * ((MAX_DECISION_CELL_CHARS - 20) // 13))
    cell = cell if not language else "? " + "?" * (MAX_DECISION_CELL_CHARS - 10)
    started = time.perf_counter()
    problems_of(dmn(rule("Rule_long", cell), language=language))
    assert time.perf_counter() - started < 1


def test_a_rule_without_an_id_is_reported_at_its_line():
    entries = "<inputEntry><text>? == 1</text></inputEntry><outputEntry><text>1</text></outputEntry>"
    source = dmn(f"      <rule>{entries}</rule>")
    [problem] = problems_of(source)
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "<rule>" in text)
    assert (problem.line, problem.element_id) == (line, None)
    assert problem.message.startswith('rule 1, input "Kind": the entry ? == 1 is not a FEEL unary test')


def test_a_first_table_judges_no_rule_after_its_first_match():
    from lxml import etree

    from engine.decisions import decide, read_decisions

    rules = rule("Rule_1", '"clinic"', "1") + rule("Rule_2", "&lt; 5", "2")  # "clinic" < 5 would fail
    source = dmn(rules, hit_policy="FIRST").replace('typeRef="string"', "")
    decisions, _ = read_decisions("fee.dmn", etree.fromstring(source.encode()))
    table = {d.id: d for d in decisions}
    assert decide(table, "fee", {"kind": "clinic"}, None) == {"fee": 1}
    with pytest.raises(DecisionFailure, match="compares it with the number 5"):
        decide(table, "fee", {"kind": "lab"}, None)
