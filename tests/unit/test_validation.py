"""The catalogue checks find every problem, each at the file, line and element an analyst must fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from engine.catalogue.checks import check_catalogue
from engine.catalogue.data_flow_checks import DATA_FLOW_CODES
from engine.catalogue.safe_xml import parse_xml
from engine.problems import Problem

FIXTURES = Path(__file__).parent.parent / "fixtures"
BROKEN = FIXTURES / "broken"

NAMESPACES = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
FORM = b'{"type": "object", "properties": {"done": {"type": "boolean"}}}'


def load_folder(folder: Path, only: str | None = None):
    """The diagrams of ``folder`` (or just the file ``only``) and every form and message schema under it."""
    paths = sorted([*folder.glob("*.bpmn"), *folder.glob("*.dmn")])
    diagrams = {p.name: parse_xml(p.read_bytes(), p.name) for p in paths if only in (None, p.name)}
    schemas = sorted([*folder.glob("forms/*.json"), *folder.glob("messages/*.json")])
    forms = {p.relative_to(folder).as_posix(): p.read_bytes() for p in schemas}
    return diagrams, forms


def bpmn(body: str) -> str:
    """A BPMN document around ``body`` (processes, messages), as Camunda Modeler writes it minus the DI."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<bpmn:definitions {NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">\n'
        f"{body}\n"
        "</bpmn:definitions>\n"
    )


def dmn(
    body: str, namespace: str = "https://www.omg.org/spec/DMN/20191111/MODEL/", language: str = ""
) -> str:
    """A DMN file; its cells are FEEL unless ``language`` says otherwise (``python``)."""
    declared = f' expressionLanguage="{language}"' if language else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<definitions xmlns="{namespace}" id="Definitions_dmn" name="Decisions" '
        f'namespace="http://camunda.org/schema/1.0/dmn"{declared}>\n'
        f"{body}\n"
        "</definitions>\n"
    )


def check(files: dict[str, str], forms: dict[str, bytes] | None = None) -> list[Problem]:
    diagrams = {name: parse_xml(text.encode(), name) for name, text in files.items()}
    return check_catalogue(diagrams, {"forms/done.json": FORM} if forms is None else forms)


def other_than_data_flow(problems: list[Problem]) -> list[Problem]:
    """The problems of a diagram fragment whose variables nothing writes, minus that (tests/unit/
    test_data_flow.py checks data flow)."""
    return [p for p in problems if p.code not in DATA_FLOW_CODES]


def line_of(text: str, needle: str) -> int:
    """The line of ``text`` (counting from 1) where ``needle`` first appears."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def where(problems: list[Problem]) -> set[tuple[str, int | None, str | None]]:
    return {(p.file, p.line, p.element_id) for p in problems}


# --- the fixtures ---------------------------------------------------------------------------------------


def test_the_valid_catalogue_has_no_problem():
    diagrams, forms = load_folder(FIXTURES / "processes")
    assert any(name.endswith(".dmn") for name in diagrams)

    assert check_catalogue(diagrams, forms) == []


# file -> (element id, line, words the message must contain) of every problem in it
BROKEN_EXPECTED = {
    "bad_expression.bpmn": [
        ("Timer_bad", 35, ["timeDuration", '"Wait"']),
        ("Flow_bad_condition", 47, ["condition", '"Decided"']),
    ],
    "bad_form.bpmn": [
        ("Task_bad_schema", 20, ["forms/bad_schema.json", "not a valid JSON Schema", "'objekt'", "$.type"]),
        ("Task_bad_json", 25, ["forms/not_json.json", "not valid JSON", "line 4 column 3"]),
    ],
    "call_missing.bpmn": [("Call_nowhere", 18, ["calls process 'no_such_process' which no diagram defines"])],
    # EXPECTED.md also lists Gateway_choice (line 26) to explain the flow's fault; the problem is the flow's.
    "gateway_no_condition.bpmn": [
        ("Flow_no_condition", 42, ['sequence flow "No" leaves exclusive gateway "Yes?" without a condition']),
    ],
    "missing_form.bpmn": [
        ("Task_form_file_missing", 25, ["forms/does_not_exist.json", "not in the catalogue"]),
    ],
    "unreachable.bpmn": [
        ("Task_orphan", 25, ['user task "Orphan task" can never be reached: no sequence flow leads to it']),
    ],
    "xsd_violation.bpmn": [("Task_bogus", 18, ["BPMN 2.0 schema", "bpmn:userTask", "'bogus' is not"])],
}


def test_every_broken_fixture_has_its_expectation():
    diagrams, _ = load_folder(BROKEN)
    assert set(diagrams) == set(BROKEN_EXPECTED)


@pytest.mark.parametrize("file", sorted(BROKEN_EXPECTED))
def test_a_broken_fixture_yields_exactly_its_problems(file):
    diagrams, forms = load_folder(BROKEN, only=file)

    problems = sorted(check_catalogue(diagrams, forms), key=lambda p: p.line or 0)

    expected = sorted(BROKEN_EXPECTED[file], key=lambda e: e[1])
    assert [(p.file, p.element_id, p.line) for p in problems] == [(file, i, line) for i, line, _ in expected]
    for problem, (_, _, words) in zip(problems, expected, strict=True):
        for word in words:
            assert word in problem.message


@pytest.mark.parametrize(
    ("file", "script_task"),
    [("import_os.bpmn", "Script_import_os"), ("subclasses.bpmn", "Script_subclasses")],
)
def test_a_hostile_script_is_refused_before_it_is_deployed(file, script_task):
    diagrams, _ = load_folder(FIXTURES / "hostile", only=file)
    _, forms = load_folder(FIXTURES / "processes")
    source = (FIXTURES / "hostile" / file).read_text()

    problems = check_catalogue(diagrams, forms)

    assert where(problems) == {(file, line_of(source, "<bpmn:script>"), script_task)}
    assert 'names starting with "_" are reserved' in problems[0].message


def test_problems_of_several_files_are_all_reported_together():
    diagrams, forms = load_folder(BROKEN)

    problems = check_catalogue(diagrams, forms)

    assert len(problems) == sum(len(expected) for expected in BROKEN_EXPECTED.values())


def test_checking_leaves_the_trees_as_they_were():
    diagrams, forms = load_folder(FIXTURES / "processes")
    before = {name: etree.tostring(tree) for name, tree in diagrams.items()}

    check_catalogue(diagrams, forms)

    assert {name: etree.tostring(tree) for name, tree in diagrams.items()} == before


# --- several problems in one file -----------------------------------------------------------------------

MANY_PROBLEMS = bpmn("""\
  <bpmn:process id="many" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:userTask id="Task_no_form" camunda:formKey="embedded:app:forms/review.html" name="Fill in" />
    <bpmn:exclusiveGateway id="Gateway_1" name="OK?" />
    <bpmn:endEvent id="End_1" />
    <bpmn:endEvent id="End_2" />
    <bpmn:scriptTask id="Task_lonely" name="Lonely" scriptFormat="python">
      <bpmn:script>x = 1</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_no_form" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_no_form" targetRef="Gateway_1" />
    <bpmn:sequenceFlow id="Flow_yes" sourceRef="Gateway_1" targetRef="End_1">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">ok ==</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_1" targetRef="End_2" />
  </bpmn:process>""")


def test_every_problem_of_a_file_is_reported_not_only_the_first():
    problems = check({"many.bpmn": MANY_PROBLEMS})

    assert where(problems) == {
        ("many.bpmn", line_of(MANY_PROBLEMS, '"Task_no_form"'), "Task_no_form"),
        ("many.bpmn", line_of(MANY_PROBLEMS, '"Task_lonely"'), "Task_lonely"),
        ("many.bpmn", line_of(MANY_PROBLEMS, '"Flow_yes"'), "Flow_yes"),
        ("many.bpmn", line_of(MANY_PROBLEMS, '"Flow_no"'), "Flow_no"),
    }
    assert len(problems) == 4


# --- 1. the XML schemas ---------------------------------------------------------------------------------


def test_every_schema_error_is_reported_with_the_nearest_element_id():
    source = bpmn("""\
  <bpmn:process id="schema" isExecutable="true" colour="blue">
    <bpmn:startEvent id="Start_1" />
    <bpmn:task id="Task_1">
      <bpmn:wrongChild />
    </bpmn:task>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_1" />
  </bpmn:process>""")

    problems = check({"schema.bpmn": source})

    assert where(problems) == {
        ("schema.bpmn", line_of(source, "colour"), "schema"),
        ("schema.bpmn", line_of(source, "wrongChild"), "Task_1"),
    }
    assert all(p.message.startswith("does not follow the BPMN 2.0 schema: ") for p in problems)
    assert any("bpmn:wrongChild" in p.message for p in problems)


def test_bpmn_js_correlation_expressions_pass_the_schema():
    source = bpmn("""\
  <bpmn:correlationProperty id="Property_case" name="case">
    <bpmn:correlationPropertyRetrievalExpression messageRef="Message_1">
      <bpmn:formalExpression>case_id</bpmn:formalExpression>
    </bpmn:correlationPropertyRetrievalExpression>
  </bpmn:correlationProperty>
  <bpmn:message id="Message_1" name="reply" />
  <bpmn:process id="correlated" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
  </bpmn:process>""")
    diagrams = {"correlated.bpmn": parse_xml(source.encode(), "correlated.bpmn")}

    assert check_catalogue(diagrams, {}) == []
    assert diagrams["correlated.bpmn"].getroot().xpath("//*[local-name()='formalExpression']")


def test_a_dmn_file_is_checked_against_its_own_schema():
    source = dmn("""\
  <decision id="fee" name="Fee">
    <decisionTable id="Table_1" hitPolicy="SOMETIMES">
      <output id="Output_1" name="fee" typeRef="number" />
    </decisionTable>
  </decision>""")

    problems = check({"fee.dmn": source})

    assert where(problems) == {("fee.dmn", line_of(source, "SOMETIMES"), "Table_1")}
    assert "does not follow the DMN schema" in problems[0].message
    assert "SOMETIMES" in problems[0].message


def test_a_dmn_1_2_file_is_refused_with_advice():
    source = dmn(
        '  <decision id="fee" name="Fee" />', namespace="http://www.omg.org/spec/DMN/20180521/MODEL/"
    )

    problems = check({"fee.dmn": source})

    assert where(problems) == {("fee.dmn", 2, "Definitions_dmn")}
    assert "DMN 1.3" in problems[0].message


def test_a_document_that_is_neither_bpmn_nor_dmn_is_refused():
    problems = check({"notes.bpmn": '<?xml version="1.0"?>\n<notes id="n" />'})

    assert [(p.file, p.line, p.element_id) for p in problems] == [("notes.bpmn", 2, "n")]
    assert "neither a BPMN 2.0 diagram nor a DMN decision table" in problems[0].message


# --- 2. reachability ------------------------------------------------------------------------------------


def test_boundary_events_event_sub_processes_links_and_compensation_are_reachable():
    source = bpmn("""\
  <bpmn:process id="reach" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:task id="Task_work" />
    <bpmn:boundaryEvent id="Boundary_late" attachedToRef="Task_work">
      <bpmn:timerEventDefinition id="Timer_def">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"P2D"</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:task id="Task_remind" />
    <bpmn:intermediateThrowEvent id="Link_out">
      <bpmn:linkEventDefinition id="Link_def_out" name="later" />
    </bpmn:intermediateThrowEvent>
    <bpmn:intermediateCatchEvent id="Link_in">
      <bpmn:linkEventDefinition id="Link_def_in" name="later" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End_1" />
    <bpmn:task id="Task_undo" isForCompensation="true" />
    <bpmn:subProcess id="Events" triggeredByEvent="true">
      <bpmn:startEvent id="Start_event" />
      <bpmn:endEvent id="End_event" />
      <bpmn:sequenceFlow id="Flow_event" sourceRef="Start_event" targetRef="End_event" />
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_work" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_work" targetRef="Link_out" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Link_in" targetRef="End_1" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Boundary_late" targetRef="Task_remind" />
  </bpmn:process>""")

    # The engine refuses links, compensation and event sub processes by name, but none is unreachable.
    problems = [p for p in check({"reach.bpmn": source}) if not p.is_warning]
    assert not [p for p in problems if "can never be reached" in p.message], problems
    assert {(p.element_id, p.message.split(": ")[1]) for p in problems} == {
        ("Link_out", "link event is not supported"),
        ("Link_in", "link event is not supported"),
        ("Task_undo", "compensation is not supported"),
        ("Events", "event sub process is not supported"),
    }


def test_an_unreachable_node_inside_a_sub_process_is_found_in_its_own_scope():
    source = bpmn("""\
  <bpmn:process id="nested" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:subProcess id="Sub_1" name="Checks">
      <bpmn:startEvent id="Start_inner" />
      <bpmn:endEvent id="End_inner" />
      <bpmn:manualTask id="Task_stranded" name="Call the&#10;customer" />
      <bpmn:sequenceFlow id="Flow_inner" sourceRef="Start_inner" targetRef="End_inner" />
    </bpmn:subProcess>
    <bpmn:endEvent id="End_1" />
    <bpmn:exclusiveGateway id="Gateway_stray" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Sub_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Sub_1" targetRef="End_1" />
  </bpmn:process>""")

    problems = check({"nested.bpmn": source})

    assert where(problems) == {
        ("nested.bpmn", line_of(source, "Task_stranded"), "Task_stranded"),
        ("nested.bpmn", line_of(source, "Gateway_stray"), "Gateway_stray"),
    }
    messages = {p.element_id: p.message for p in problems}
    why = "no sequence flow leads to it from a start event"
    assert messages["Task_stranded"] == f'manual task "Call the customer" can never be reached: {why}'
    assert messages["Gateway_stray"].startswith('exclusive gateway "Gateway_stray" can never be reached')


def test_without_a_start_event_the_nodes_nothing_leads_to_are_where_tokens_start():
    source = bpmn("""\
  <bpmn:process id="startless" isExecutable="true">
    <bpmn:task id="Task_first" />
    <bpmn:task id="Task_second" />
    <bpmn:task id="Task_loop_a" />
    <bpmn:task id="Task_loop_b" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Task_first" targetRef="Task_second" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_loop_a" targetRef="Task_loop_b" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_loop_b" targetRef="Task_loop_a" />
  </bpmn:process>""")

    problems = check({"startless.bpmn": source})

    assert {p.element_id for p in problems} == {"Task_loop_a", "Task_loop_b"}


# --- 3. gateways ----------------------------------------------------------------------------------------


def test_a_default_that_is_not_an_outgoing_flow_is_reported_at_the_gateway():
    source = bpmn("""\
  <bpmn:process id="gateways" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:inclusiveGateway id="Gateway_1" name="Which?" default="Flow_1" />
    <bpmn:endEvent id="End_a" />
    <bpmn:endEvent id="End_b" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Gateway_1" />
    <bpmn:sequenceFlow id="Flow_a" name="A" sourceRef="Gateway_1" targetRef="End_a">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">a</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_b" name="B" sourceRef="Gateway_1" targetRef="End_b" />
  </bpmn:process>""")

    problems = other_than_data_flow(check({"gateways.bpmn": source}))

    assert where(problems) == {
        ("gateways.bpmn", line_of(source, '"Gateway_1" name'), "Gateway_1"),
        ("gateways.bpmn", line_of(source, '"Flow_b"'), "Flow_b"),
    }
    messages = {p.element_id: p.message for p in problems}
    assert "'Flow_1'" in messages["Gateway_1"] and "not one of its outgoing" in messages["Gateway_1"]
    assert messages["Flow_b"] == (
        'sequence flow "B" leaves inclusive gateway "Which?" without a condition and is not its default flow'
    )


def test_a_gateway_with_one_way_out_or_a_default_needs_no_more_conditions():
    source = bpmn("""\
  <bpmn:process id="gateways" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:exclusiveGateway id="Gateway_merge" />
    <bpmn:exclusiveGateway id="Gateway_split" default="Flow_otherwise" />
    <bpmn:endEvent id="End_a" />
    <bpmn:endEvent id="End_b" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Gateway_merge" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Gateway_merge" targetRef="Gateway_split" />
    <bpmn:sequenceFlow id="Flow_a" sourceRef="Gateway_split" targetRef="End_a">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">a</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_otherwise" sourceRef="Gateway_split" targetRef="End_b" />
  </bpmn:process>""")

    assert other_than_data_flow(check({"gateways.bpmn": source})) == []


# --- 4. forms -------------------------------------------------------------------------------------------


def user_task_diagram(form_key: str) -> str:
    return bpmn(f"""\
  <bpmn:process id="forms" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:userTask id="Task_fill" name="Fill in" camunda:formKey="{form_key}" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_fill" />
  </bpmn:process>""")


@pytest.mark.parametrize(
    ("form", "words"),
    [
        (b'["not", "an", "object"]', "is not a JSON Schema: its top level is a JSON array, not an object"),
        (b'{"type": "object", "properties": {"age": {"minimum": "ten"}}}', "(at $.properties.age.minimum)"),
        (b'{"type": "object",}', "is not valid JSON: "),
        (b"\xff\xfe\xfa", "is not valid JSON: "),
    ],
)
def test_a_form_must_be_a_json_schema_object(form, words):
    source = user_task_diagram("forms/bad.json")

    problems = check({"forms.bpmn": source}, {"forms/bad.json": form})

    assert where(problems) == {("forms.bpmn", line_of(source, "Task_fill"), "Task_fill")}
    assert problems[0].message.startswith('the form "forms/bad.json" of user task "Fill in" ')
    assert words in problems[0].message


def test_a_form_used_by_two_tasks_is_reported_at_each():
    source = bpmn("""\
  <bpmn:process id="forms" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:userTask id="Task_a" camunda:formKey="forms/bad.json" />
    <bpmn:userTask id="Task_b" camunda:formKey="forms/bad.json" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_a" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_a" targetRef="Task_b" />
  </bpmn:process>""")

    problems = check({"forms.bpmn": source}, {"forms/bad.json": b"[]"})

    assert {p.element_id for p in problems} == {"Task_a", "Task_b"}


# --- 5. expressions and scripts -------------------------------------------------------------------------


def test_a_script_error_is_reported_at_its_line_in_the_file():
    source = bpmn("""\
  <bpmn:process id="scripts" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:scriptTask id="Task_script" name="Compute" scriptFormat="python">
      <bpmn:script>total = 1
fee = = 2
done = True</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:scriptTask id="Task_empty" scriptFormat="python" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_script" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_script" targetRef="Task_empty" />
  </bpmn:process>""")

    problems = check({"scripts.bpmn": source})

    assert where(problems) == {
        ("scripts.bpmn", line_of(source, "fee = = 2"), "Task_script"),
        ("scripts.bpmn", line_of(source, "Task_empty"), "Task_empty"),
    }
    messages = {p.element_id: p.message for p in problems}
    assert messages["Task_script"].startswith('line 2 of the script of script task "Compute" does not ')
    assert messages["Task_empty"] == 'script task "Task_empty" has no script'


def test_timers_loops_and_empty_conditions_are_checked():
    source = bpmn("""\
  <bpmn:process id="expressions" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:intermediateCatchEvent id="Timer_unquoted" name="Wait">
      <bpmn:timerEventDefinition id="Timer_def_1">
        <!-- two days, written where a date belongs -->
        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDate>
      </bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Timer_fine">
      <bpmn:timerEventDefinition id="Timer_def_2">
        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">deadline</bpmn:timeDate>
      </bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:task id="Task_each" name="Each">
      <bpmn:multiInstanceLoopCharacteristics>
        <!-- once per item -->
        <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">len(items</bpmn:loopCardinality>
        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">done</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:task>
    <bpmn:exclusiveGateway id="Gateway_1" />
    <bpmn:endEvent id="End_1" />
    <bpmn:endEvent id="End_2" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Timer_unquoted" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer_unquoted" targetRef="Timer_fine" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Timer_fine" targetRef="Task_each" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_each" targetRef="Gateway_1" />
    <bpmn:sequenceFlow id="Flow_empty" sourceRef="Gateway_1" targetRef="End_1">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">  </bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_fine" sourceRef="Gateway_1" targetRef="End_2">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">not done</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
  </bpmn:process>""")

    problems = other_than_data_flow(check({"expressions.bpmn": source}))

    messages = {p.element_id: p.message for p in problems}
    assert where(problems) == {
        ("expressions.bpmn", line_of(source, '"Timer_unquoted"'), "Timer_unquoted"),
        ("expressions.bpmn", line_of(source, '"Task_each"'), "Task_each"),
        ("expressions.bpmn", line_of(source, '"Flow_empty"'), "Flow_empty"),
    }
    assert messages["Timer_unquoted"] == (
        'the timeDate of intermediate catch event "Wait" is not a valid expression: '
        '"P2D" is a duration, and a timeDate is a date: make it a timeDuration'
    )
    assert messages["Task_each"].startswith('the loop cardinality of task "Each" is not a valid expression: ')
    assert messages["Flow_empty"] == 'the condition of sequence flow "Flow_empty" is empty'


DECISION = """\
  <decision id="fee" name="Fee">
    <decisionTable id="Table_1" hitPolicy="UNIQUE">
      <input id="Input_size" label="Size">
        <inputExpression id="Expression_size" typeRef="number"><text>size</text></inputExpression>
      </input>
      <input id="Input_kind" label="Kind">
        <inputExpression id="Expression_kind" typeRef="string"><text>kind +</text></inputExpression>
      </input>
      <output id="Output_fee" label="Fee" name="fee" typeRef="number" />
      <rule id="Rule_small">
        <inputEntry id="Entry_1"><text>&lt; 10</text></inputEntry>
        <inputEntry id="Entry_2"><text>-</text></inputEntry>
        <outputEntry id="Entry_3"><text>100</text></outputEntry>
      </rule>
      <rule id="Rule_range">
        <inputEntry id="Entry_4"><text>10 &lt;= ? &lt; 50</text></inputEntry>
        <inputEntry id="Entry_5"><text>? in ["a", "b"]</text></inputEntry>
        <outputEntry id="Entry_6"><text>size * 2</text></outputEntry>
      </rule>
      <rule id="Rule_broken">
        <inputEntry id="Entry_7"><text>=&lt; 50</text></inputEntry>
        <inputEntry id="Entry_8"><text></text></inputEntry>
        <outputEntry id="Entry_9"><text>size *</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>"""


def test_decision_table_expressions_and_cells_declared_python_are_checked_per_rule():
    source = dmn(DECISION, language="python")

    problems = check({"fee.dmn": source})

    broken_rule = ("fee.dmn", line_of(source, '"Rule_broken"'), "Rule_broken")
    input_column = ("fee.dmn", line_of(source, '"Input_kind"'), "Input_kind")
    assert sorted((p.file, p.line, p.element_id) for p in problems) == [input_column, *[broken_rule] * 2]
    messages = sorted(p.message for p in problems)
    assert messages[0].startswith('rule 3, input "Size": the entry =< 50 is not a valid expression: ')
    assert messages[1].startswith('rule 3, output "Fee": the entry size * is not a valid expression: ')
    assert messages[2].startswith('the expression of input "Kind" is not a valid expression: ')


@pytest.mark.parametrize(
    ("hit_policy", "wanted"),
    [
        ('hitPolicy="FIRST"', None),
        ('hitPolicy="COLLECT"', None),
        ('hitPolicy="RULE ORDER"', None),
        ('hitPolicy="ANY"', None),
        ('hitPolicy="COLLECT" aggregation="SUM"', None),
        (
            'hitPolicy="PRIORITY"',
            "hit policy PRIORITY (as in Camunda 7) is not run: order the rules by priority",
        ),
        ('hitPolicy="OUTPUT ORDER"', "hit policy OUTPUT ORDER (as in Camunda 7) is not run"),
        ('hitPolicy="FIRST" aggregation="SUM"', "the aggregation SUM belongs to COLLECT, not to FIRST"),
    ],
)
def test_a_hit_policy_the_engine_would_run_differently_is_refused(hit_policy, wanted):
    source = dmn(
        DECISION.replace('hitPolicy="UNIQUE"', hit_policy).replace("kind +", "kind"), language="python"
    )
    source = source.replace("=&lt; 50", "&lt;= 50").replace("<text></text>", "<text>-</text>")
    source = source.replace("size *</text>", "size</text>")

    problems = check({"fee.dmn": source})

    if wanted is None:
        assert problems == []
    else:
        assert [(p.file, p.line, p.element_id) for p in problems] == [
            ("fee.dmn", line_of(source, '"Table_1"'), "Table_1")
        ]
        assert problems[0].message.startswith(wanted)


# --- 6. calls between diagrams --------------------------------------------------------------------------


def test_called_processes_and_decisions_must_exist_in_the_catalogue():
    caller = bpmn("""\
  <bpmn:process id="caller" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:callActivity id="Call_child" calledElement="child" />
    <bpmn:callActivity id="Call_nothing" name="Nothing" />
    <bpmn:businessRuleTask id="Rule_fee" camunda:decisionRef="fee" />
    <bpmn:businessRuleTask id="Rule_second" name="Second" camunda:decisionRef="discount" />
    <bpmn:businessRuleTask id="Rule_unknown" name="Unknown" camunda:decisionRef="tax" />
    <bpmn:businessRuleTask id="Rule_none" name="None" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Call_child" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Call_child" targetRef="Call_nothing" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Call_nothing" targetRef="Rule_fee" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Rule_fee" targetRef="Rule_second" />
    <bpmn:sequenceFlow id="Flow_5" sourceRef="Rule_second" targetRef="Rule_unknown" />
    <bpmn:sequenceFlow id="Flow_6" sourceRef="Rule_unknown" targetRef="Rule_none" />
  </bpmn:process>""")
    child = bpmn('  <bpmn:process id="child" isExecutable="true"><bpmn:startEvent id="S" /></bpmn:process>')
    decisions = dmn('  <decision id="fee" name="Fee" />\n  <decision id="discount" name="Discount" />')

    problems = check({"caller.bpmn": caller, "child.bpmn": child, "decisions.dmn": decisions})

    messages = {p.element_id: p.message for p in problems}
    assert where(problems) == {
        ("caller.bpmn", line_of(caller, f'"{element_id}"'), element_id)
        for element_id in ("Call_nothing", "Rule_fee", "Rule_second", "Rule_unknown", "Rule_none")
    }
    assert messages["Call_nothing"] == 'call activity "Nothing" calls no process: set its called element'
    # the second decision of a file is found like the first; neither has a table to decide by
    assert "'discount', which has no decision table" in messages["Rule_second"]
    assert (
        messages["Rule_unknown"]
        == "business rule task \"Unknown\" uses decision 'tax' which no DMN file defines"
    )
    assert "camunda:decisionRef" in messages["Rule_none"]


# --- 7. messages ----------------------------------------------------------------------------------------


def test_message_events_must_name_a_defined_message_with_a_name():
    source = bpmn("""\
  <bpmn:message id="Message_named" name="approved" />
  <bpmn:message id="Message_nameless" />
  <bpmn:process id="messages" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:intermediateCatchEvent id="Catch_named">
      <bpmn:messageEventDefinition id="Def_1" messageRef="Message_named" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Catch_nameless" name="Nameless">
      <bpmn:messageEventDefinition id="Def_2" messageRef="Message_nameless" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Catch_undefined">
      <bpmn:messageEventDefinition id="Def_3" messageRef="Message_elsewhere" />
    </bpmn:intermediateCatchEvent>
    <bpmn:receiveTask id="Receive_nothing" name="Receive" />
    <bpmn:sequenceFlow id="Flow_0" sourceRef="Start_1" targetRef="Catch_named" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Catch_named" targetRef="Catch_nameless" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Catch_nameless" targetRef="Catch_undefined" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Catch_undefined" targetRef="Receive_nothing" />
  </bpmn:process>""")

    problems = check({"messages.bpmn": source}, {"messages/approved.json": contract({})})

    messages = {p.element_id: p.message for p in problems}
    assert where(problems) == {
        ("messages.bpmn", line_of(source, f'"{element_id}"'), element_id)
        for element_id in ("Catch_nameless", "Catch_undefined", "Receive_nothing")
    }
    assert "'Message_nameless', which has no name" in messages["Catch_nameless"]
    assert "'Message_elsewhere', which this file does not define" in messages["Catch_undefined"]
    assert messages["Receive_nothing"].startswith('receive task "Receive" names no message')


def contract(properties: dict, correlation: object = None, required: list[str] = ()) -> bytes:
    """A message's payload schema as the catalogue keeps it."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "x-correlation": correlation or {"by": "business_key"},
    }
    return json.dumps(schema).encode()


def decided_after_a_catch(condition: str) -> str:
    """A diagram that waits for message "kela_decision", merges, and then decides on ``condition``."""
    return bpmn(f"""\
  <bpmn:message id="Message_decision" name="kela_decision" />
  <bpmn:process id="decided" isExecutable="true">
    <bpmn:startEvent id="Start_1" />
    <bpmn:intermediateCatchEvent id="Catch_decision" name="Decision received">
      <bpmn:messageEventDefinition id="Def_1" messageRef="Message_decision" />
    </bpmn:intermediateCatchEvent>
    <bpmn:exclusiveGateway id="Gateway_merge" />
    <bpmn:exclusiveGateway id="Gateway_decided" default="Flow_no" />
    <bpmn:endEvent id="End_yes" />
    <bpmn:endEvent id="End_no" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Catch_decision" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Catch_decision" targetRef="Gateway_merge" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_merge" targetRef="Gateway_decided" />
    <bpmn:sequenceFlow id="Flow_yes" name="Yes" sourceRef="Gateway_decided" targetRef="End_yes">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_decided" targetRef="End_no" />
  </bpmn:process>""")


def test_a_caught_message_without_a_payload_schema_is_reported_at_its_catch():
    source = decided_after_a_catch('decision == "approved"')

    [problem] = check({"decided.bpmn": source}, {})

    assert where([problem]) == {("decided.bpmn", line_of(source, '"Catch_decision"'), "Catch_decision")}
    assert problem.message == (
        'intermediate catch event "Decision received" catches message "kela_decision", which has no payload '
        'schema: add messages/kela_decision.json, a JSON Schema of its payload with "x-correlation": '
        '{"by": "business_key"}'
    )


_COUNTY = {"properties": {"county_business_id": {"type": "string"}}, "x-correlation": {"by": "business_key"}}


@pytest.mark.parametrize(
    ("schema", "fault"),
    [
        (b"{not json", "is not valid JSON"),
        (json.dumps({"type": "object"}).encode(), 'says no correlation: add "x-correlation"'),
        (contract({}, {"by": "postcode"}), '{"by": "postcode"}, which the engine does not know'),
        (
            json.dumps({"x-correlation": {"by": "business_key"}, "x-thrown-only": "yes"}).encode(),
            'has "x-thrown-only": "yes": write true (or leave it out)',
        ),
        (
            json.dumps(
                {"x-correlation": {"by": "business_key"}, "x-thrown-only": True, "x-to-those-waiting": "yes"}
            ).encode(),
            'has "x-to-those-waiting": "yes": write true (or leave it out)',
        ),
        (
            json.dumps({"x-correlation": {"by": "business_key"}, "x-to-those-waiting": True}).encode(),
            'has "x-to-those-waiting": true without "x-thrown-only": true',
        ),
        (
            json.dumps({"type": 5, "x-correlation": {"by": "business_key"}}).encode(),
            "not a valid JSON Schema",
        ),
        (
            json.dumps({"x-correlation": {"by": "business_key"}, "x-one-instance-per": "county"}).encode(),
            'has "x-one-instance-per": "county": write a list of names of its properties',
        ),
        (
            json.dumps(
                _COUNTY | {"required": ["county_business_id"], "x-one-instance-per": ["county_busines_id"]}
            ).encode(),
            'naming "county_busines_id", which the schema does not declare: '
            "did you mean 'county_business_id'?",
        ),
        (
            json.dumps(_COUNTY | {"x-one-instance-per": ["county_business_id"]}).encode(),
            'naming "county_business_id", which the schema does not require: list it in "required"',
        ),
    ],
)
def test_a_payload_schema_that_can_not_be_used_is_reported_at_the_catch(schema, fault):
    source = decided_after_a_catch('decision == "approved"')

    [problem] = check({"decided.bpmn": source}, {"messages/kela_decision.json": schema})

    assert problem.element_id == "Catch_decision"
    assert problem.message.startswith(
        'the payload schema "messages/kela_decision.json" of message "kela_decision"'
    )
    assert fault in problem.message


def test_a_signal_to_those_waiting_that_parties_could_send_is_reported_with_its_file_and_key():
    schema = json.dumps({"x-correlation": {"by": "business_key"}, "x-to-those-waiting": 1}).encode()

    [problem] = check(
        {"decided.bpmn": decided_after_a_catch('decision == "approved"')},
        {"messages/kela_decision.json": schema},
    )

    assert (problem.file, problem.element_id) == ("decided.bpmn", "Catch_decision")
    assert problem.message == (
        'the payload schema "messages/kela_decision.json" of message "kela_decision" has '
        '"x-to-those-waiting": 1: write true (or leave it out)'
    )


def test_a_signal_to_those_waiting_beside_thrown_only_is_no_fault():
    schema = json.dumps(
        {"x-correlation": {"by": "business_key"}, "x-thrown-only": True, "x-to-those-waiting": True}
    ).encode()

    problems = check({"decided.bpmn": decided_after_a_catch("True")}, {"messages/kela_decision.json": schema})

    assert problems == []


_NUMBER = {"number": {"type": "string"}, "decision": {"type": "string"}, "count": {"type": "integer"}}


@pytest.mark.parametrize(
    ("correlation", "fault"),
    [
        ({"by": "variable"}, 'correlates by variable but names no "property"'),
        (
            {"by": "variable", "property": "numbr"},
            'the property "numbr", which the schema does not declare: did',
        ),
        (
            {"by": "variable", "property": "decision"},
            'the property "decision", which the schema does not require',
        ),
        (
            {"by": "variable", "property": "count"},
            'the property "count", which is not text ("type": "string")',
        ),
        (
            {"by": "variable", "property": "number", "variable": "2x"},
            'the variable "2x", which is no variable',
        ),
        ({"by": "variable", "property": "number", "key": "x"}, "a correlation by variable with key"),
        ({"by": "business_key", "property": "number"}, "a correlation by business key with property"),
    ],
)
def test_a_correlation_by_a_payload_property_names_a_required_text_property(correlation, fault):
    schema = contract(_NUMBER, correlation, required=["number", "count"])

    [problem] = check(
        {"decided.bpmn": decided_after_a_catch('decision == "approved"')},
        {"messages/kela_decision.json": schema},
    )

    assert problem.element_id == "Catch_decision"
    assert fault in problem.message


def test_a_correlation_by_a_payload_property_held_in_a_variable_is_sound():
    for correlation in (
        {"by": "variable", "property": "number"},
        {"by": "variable", "property": "number", "variable": "kela_application_number"},
    ):
        schema = contract(_NUMBER, correlation, required=["number", "decision"])
        source = decided_after_a_catch('decision == "approved"')
        assert check({"decided.bpmn": source}, {"messages/kela_decision.json": schema}) == []


def test_a_condition_right_after_a_catch_may_name_only_fields_of_the_payload_schema():
    declared = contract({"decision": {"type": "string"}}, required=["decision"])
    for condition in ('decision == "approved"', 'len(decision) > 0 and str(decision) in ["approved"]',
                      "any(d == 'approved' for d in [decision])"):  # fmt: skip
        assert (
            check(
                {"decided.bpmn": decided_after_a_catch(condition)}, {"messages/kela_decision.json": declared}
            )
            == []
        )

    source = decided_after_a_catch('decison == "approved" or approved_by_kela')
    [problem] = check({"decided.bpmn": source}, {"messages/kela_decision.json": declared})

    assert where([problem]) == {("decided.bpmn", line_of(source, '"Flow_yes"'), "Flow_yes")}
    assert problem.message.startswith(
        'the condition of sequence flow "Yes" right after intermediate catch event "Decision received" '
        'names "approved_by_kela", "decison", which the payload schema "messages/kela_decision.json" does '
        "not declare"
    )


def test_a_condition_after_a_parallel_join_of_a_catch_may_name_what_the_other_branches_wrote():
    # After a parallel join the decision has every branch's data, not the caught payload alone.
    declared = contract({"decision": {"type": "string"}}, required=["decision"])
    source = (
        decided_after_a_catch("new_joiner")
        .replace(
            '<bpmn:exclusiveGateway id="Gateway_merge" />', '<bpmn:parallelGateway id="Gateway_merge" />'
        )
        .replace(
            '<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Catch_decision" />',
            '<bpmn:parallelGateway id="Gateway_split" />\n'
            '    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Gateway_split" />\n'
            '    <bpmn:sequenceFlow id="Flow_1a" sourceRef="Gateway_split" targetRef="Catch_decision" />\n'
            '    <bpmn:sequenceFlow id="Flow_1b" sourceRef="Gateway_split" targetRef="Gateway_merge" />',
        )
    )

    problems = check({"decided.bpmn": source}, {"messages/kela_decision.json": declared})

    assert not [p for p in problems if "right after" in p.message]


# --- 8. ids across the catalogue ------------------------------------------------------------------------


def test_a_process_or_decision_defined_twice_is_reported_at_the_second():
    process = '  <bpmn:process id="twice" isExecutable="true"><bpmn:startEvent id="S" /></bpmn:process>'
    first, second = bpmn(process), bpmn(f"\n\n{process}")
    decision = dmn('  <decision id="fee" name="Fee" />')

    problems = check({"a.bpmn": first, "b.bpmn": second, "a.dmn": decision, "b.dmn": decision})

    assert where(problems) == {("b.bpmn", 5, "twice"), ("b.dmn", 3, "fee")}
    messages = {p.file: p.message for p in problems}
    why = "process ids must be unique in the catalogue"
    assert messages["b.bpmn"] == f"process id 'twice' is already defined in a.bpmn (line 3): {why}"


def test_a_python_dmn_test_may_start_with_an_operator_or_name_its_input():
    from engine.catalogue.dmn_checks import input_entry_problem

    assert input_entry_problem('? in ["a", "b"]') is None
    assert input_entry_problem("> 5") is None
    assert input_entry_problem('in ["a", "b"]') is None  # the input's value and the test, spaced
    assert input_entry_problem('not in ["a"]') is None
    assert input_entry_problem("? ?") is not None


@pytest.mark.parametrize("reserved", ["Start", "Root"])
def test_an_id_the_engine_keeps_for_itself_is_refused_at_its_line(reserved):
    problems = check(
        {
            "reserved.bpmn": bpmn(f"""\
  <bpmn:process id="reserved" isExecutable="true">
    <bpmn:startEvent id="{reserved}" name="Begin" />
    <bpmn:endEvent id="End_1" name="Done" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="{reserved}" targetRef="End_1" />
  </bpmn:process>""")
        }
    )
    assert [(p.file, p.line, p.element_id) for p in problems] == [("reserved.bpmn", 4, reserved)]
    assert "keeps for itself" in problems[0].message


TYPED_TABLE = """\
  <decision id="typed" name="Typed">
    <decisionTable id="Table_typed" hitPolicy="UNIQUE">
      <input id="Input_kind" label="Kind">
        <inputExpression id="Expr_kind" typeRef="string"><text>kind</text></inputExpression>
      </input>
      <input id="Input_small" label="Small">
        <inputExpression id="Expr_small" typeRef="boolean"><text>small</text></inputExpression>
      </input>
      <output id="Output_pharmacy" label="Pharmacy" name="pharmacy" typeRef="boolean" />
      <output id="Output_deadline" label="Deadline" name="deadline" typeRef="date" />
      <output id="Output_count" label="Count" name="count" typeRef="integer" />
      <rule id="Rule_1">
        <inputEntry id="In_1a"><text>"pharmacy"</text></inputEntry>
        <inputEntry id="In_1b"><text>true</text></inputEntry>
        <outputEntry id="Out_1a"><text>"false"</text></outputEntry>
        <outputEntry id="Out_1b"><text>"1.9.2026"</text></outputEntry>
        <outputEntry id="Out_1c"><text>"5"</text></outputEntry>
      </rule>
      <rule id="Rule_2">
        <inputEntry id="In_2a"><text>"pharmacy"</text></inputEntry>
        <inputEntry id="In_2b"><text>-</text></inputEntry>
        <outputEntry id="Out_2a"><text>True</text></outputEntry>
        <outputEntry id="Out_2b"><text>"2026-09-01"</text></outputEntry>
        <outputEntry id="Out_2c"><text>5</text></outputEntry>
      </rule>
      <rule id="Rule_3">
        <inputEntry id="In_3a"><text>"clinic"</text></inputEntry>
        <inputEntry id="In_3b"><text>-</text></inputEntry>
        <outputEntry id="Out_3a"><text>False</text></outputEntry>
        <outputEntry id="Out_3b"><text>"2029-10-01"</text></outputEntry>
        <outputEntry id="Out_3c"><text>1</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>"""


def test_cells_that_contradict_their_column_type_and_rules_that_surely_overlap_are_refused():
    problems = check({"typed.dmn": dmn(TYPED_TABLE, language="python")}, forms={})
    messages = sorted(p.message for p in problems)
    assert [p.file for p in problems] == ["typed.dmn"] * 5
    assert any('"false" is not a boolean here: write False' in m for m in messages)
    assert any("true is not a boolean here: write True" in m for m in messages)
    assert any('"1.9.2026" is not a date the engine reads' in m for m in messages)
    assert any('"5" is text, not a number: write 5' in m for m in messages)
    assert any(m.startswith("rules 1 and 2 of the UNIQUE") for m in messages)  # "pharmacy" + "-" overlap
    assert not any("rules 2 and 3" in m or "rules 1 and 3" in m for m in messages)  # "clinic" excludes
