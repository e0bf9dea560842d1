"""validate follows the variables along the flows: a name nothing writes is an error at its reader, a name
some paths or an optional field leave out a warning saying where, and a near name on the task before a
gateway a warning naming both tasks."""

from __future__ import annotations

import itertools
import json

from engine.catalogue.checks import check_catalogue
from engine.catalogue.safe_xml import parse_xml
from engine.problems import Problem
from tests.unit.test_validation import bpmn, dmn, line_of


def form(*required: str, optional: tuple[str, ...] = (), **extra) -> bytes:
    properties = {name: {"type": "string"} for name in (*required, *optional)}
    return json.dumps(
        {"type": "object", "properties": properties, "required": list(required), **extra}
    ).encode()


def user(task_id: str, form_name: str) -> str:
    return f'<bpmn:userTask id="{task_id}" name="{task_id}" camunda:formKey="forms/{form_name}.json" />'


def chain(*ids: str) -> str:
    return "".join(
        f'<bpmn:sequenceFlow id="Flow_{a}_{b}" sourceRef="{a}" targetRef="{b}" />'
        for a, b in itertools.pairwise(ids)
    )


# A start event that says the process starts with no variables: a name nothing writes is then an error.
DECLARES_NOTHING = (
    '<bpmn:startEvent id="Begin"><bpmn:extensionElements><camunda:properties>'
    '<camunda:property name="start-variable" value="" /></camunda:properties></bpmn:extensionElements>'
    "</bpmn:startEvent>"
)


def decided(before: str, condition: str, *, start: str = DECLARES_NOTHING, last: str = "") -> str:
    """A process: start, ``before`` (elements and flows ending at ``last``), then a gateway whose "Yes" flow
    holds ``condition``."""
    return bpmn(f"""\
  <bpmn:process id="decided" isExecutable="true">
    {start}
    {before}
    <bpmn:exclusiveGateway id="Gateway_decide" default="Flow_no" />
    <bpmn:endEvent id="End_yes" />
    <bpmn:endEvent id="End_no" />
    <bpmn:sequenceFlow id="Flow_to_gateway" sourceRef="{last}" targetRef="Gateway_decide" />
    <bpmn:sequenceFlow id="Flow_yes" name="Yes" sourceRef="Gateway_decide" targetRef="End_yes">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_decide" targetRef="End_no" />
  </bpmn:process>""")


def check(files: dict[str, str], forms: dict[str, bytes]) -> list[Problem]:
    diagrams = {name: parse_xml(text.encode(), name) for name, text in files.items()}
    return check_catalogue(diagrams, forms)


def test_a_condition_reading_a_renamed_field_is_an_error_naming_the_new_name():
    source = decided(
        user("Task_check", "check") + chain("Begin", "Task_check"), "entries_valid", last="Task_check"
    )

    [problem] = check({"d.bpmn": source}, {"forms/check.json": form("entries_ok")})

    assert (problem.line, problem.element_id, problem.severity) == (
        line_of(source, '"Flow_yes"'),
        "Flow_yes",
        "error",
    )
    assert problem.message == (
        "the condition of sequence flow \"Yes\" reads 'entries_valid', which no start variable, form, "
        "message, "
        "decision, script or call on a path to it writes: did you mean 'entries_ok'?"
    )


def test_the_sandbox_builtins_and_names_bound_in_the_expression_are_not_variables():
    condition = (
        "len([x for x in items if x]) > 0 and datetime.now() > timedelta(days=1) + date.today() or True"
    )
    source = decided(user("Task_check", "check") + chain("Begin", "Task_check"), condition, last="Task_check")

    assert check({"d.bpmn": source}, {"forms/check.json": form("items")}) == []


def test_a_field_the_form_does_not_require_is_a_warning_naming_the_form():
    source = decided(
        user("Task_check", "check") + chain("Begin", "Task_check"), "entries_valid", last="Task_check"
    )

    [problem] = check({"d.bpmn": source}, {"forms/check.json": form(optional=("entries_valid",))})

    assert (problem.element_id, problem.severity, problem.code) == ("Flow_yes", "warning", "maybe-unwritten")
    line = line_of(source, '"Flow_yes"')
    assert str(problem).startswith(f"d.bpmn:{line}: [Flow_yes] warning (maybe-unwritten): ")
    assert (
        'reads \'entries_valid\', which user task "Task_check" writes, but the form "forms/check.json" of '
        "user "
        'task "Task_check" does not require it'
    ) in problem.message


def test_a_field_the_form_requires_when_another_has_a_value_is_written_on_the_flow_that_asks_for_that_value():
    rule = {"allOf": [{"if": {"properties": {"moves": {"const": True}}, "required": ["moves"]},
                       "then": {"required": ["new_oid"]}}]}  # fmt: skip
    source = decided(
        user("Task_map", "map") + chain("Begin", "Task_map"), 'moves and new_oid != ""', last="Task_map"
    )

    assert check({"d.bpmn": source}, {"forms/map.json": form("moves", optional=("new_oid",), **rule)}) == []


def test_a_name_only_one_branch_writes_is_a_warning_naming_the_branch_that_does_not():
    before = (
        """
    <bpmn:exclusiveGateway id="Gateway_split" default="Flow_skip" />
    <bpmn:scriptTask id="Script_fee" name="Count the fee">
      <bpmn:script>fee = 10</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:manualTask id="Task_skip" name="Skip the fee" />
    <bpmn:exclusiveGateway id="Gateway_merge" />
    <bpmn:sequenceFlow id="Flow_fee" sourceRef="Gateway_split" targetRef="Script_fee">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">paying</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_skip" sourceRef="Gateway_split" targetRef="Task_skip" />
    """
        + chain("Begin", "Gateway_split")
        + chain("Script_fee", "Gateway_merge")
        + chain("Task_skip", "Gateway_merge")
    )
    start = ('<bpmn:startEvent id="Begin"><bpmn:extensionElements><camunda:properties>'
             '<camunda:property name="start-variable" value="paying" />'
             "</camunda:properties></bpmn:extensionElements></bpmn:startEvent>")  # fmt: skip

    [problem] = check({"d.bpmn": decided(before, "fee > 5", start=start, last="Gateway_merge")}, {})

    assert (problem.element_id, problem.code) == ("Flow_yes", "maybe-unwritten")
    assert problem.message == (
        'the condition of sequence flow "Yes" reads \'fee\', which script task "Count the fee" writes, '
        'but not on the path from manual task "Skip the fee": an instance that comes that way stops here'
    )


def test_every_branch_of_a_parallel_join_has_written_its_names():
    before = (
        """
    <bpmn:parallelGateway id="Gateway_split" />
    <bpmn:scriptTask id="Script_a"><bpmn:script>a = 1</bpmn:script></bpmn:scriptTask>
    <bpmn:scriptTask id="Script_b"><bpmn:script>if True:
    b = 2
c = 3</bpmn:script></bpmn:scriptTask>
    <bpmn:parallelGateway id="Gateway_join" />
    """
        + chain("Begin", "Gateway_split", "Script_a", "Gateway_join")
        + chain("Gateway_split", "Script_b", "Gateway_join")
    )
    source = decided(before, "a + c > 1 and b", last="Gateway_join")

    assert (
        check({"d.bpmn": source}, {}) == []
    )  # b, assigned only in an if, is read after an "and": no warning


def test_a_gateway_right_after_a_task_deciding_on_an_earlier_tasks_value_with_a_near_name_is_a_warning():
    before = (
        user("Task_first", "first")
        + user("Task_decide", "decide")
        + chain("Begin", "Task_first", "Task_decide")
    )
    forms = {"forms/first.json": form("approved"), "forms/decide.json": form("approved_by_kela")}

    [problem] = check({"d.bpmn": decided(before, "approved", last="Task_decide")}, forms)

    assert (problem.element_id, problem.code, problem.severity) == ("Flow_yes", "stale-value", "warning")
    assert problem.message == (
        'the condition of sequence flow "Yes" decides on \'approved\', which user task "Task_first" wrote '
        "earlier, not user task \"Task_decide\" right before the gateway (it has 'approved_by_kela': was the "
        "field renamed?): it decides on a value from before that task"
    )


def test_a_warning_accepted_in_the_diagram_is_not_said_again():
    source = decided(
        user("Task_check", "check") + chain("Begin", "Task_check"), "entries_valid", last="Task_check"
    )
    accepted = source.replace(
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">entries_valid',
        '<bpmn:extensionElements><camunda:properties><camunda:property name="accept-warning" '
        'value="maybe-unwritten" /></camunda:properties></bpmn:extensionElements>'
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">entries_valid',
    )

    assert check({"d.bpmn": accepted}, {"forms/check.json": form(optional=("entries_valid",))}) == []


def test_decision_inputs_are_read_and_outputs_written_by_the_business_rule_task():
    table = dmn("""\
  <decision id="route" name="Route">
    <decisionTable id="Table_1" hitPolicy="FIRST">
      <input id="Input_1" label="Size">
        <inputExpression id="E_1" typeRef="integer"><text>size</text></inputExpression>
      </input>
      <output id="Output_1" name="lane" typeRef="string" />
      <rule id="Rule_1">
        <inputEntry id="I_1"><text>-</text></inputEntry><outputEntry id="O_1"><text>"a"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>""")  # fmt: skip
    rule = '<bpmn:businessRuleTask id="Rule_route" name="Route" camunda:decisionRef="route" />'
    source = decided(rule + chain("Begin", "Rule_route"), 'lane == "a"', last="Rule_route")

    [problem] = check({"d.bpmn": source, "route.dmn": table}, {})

    assert problem.element_id == "Rule_route"
    assert problem.message.startswith(
        "the input \"Size\" of decision 'route', used by business rule task \"Route\", reads 'size', which no"
    )


def test_a_missing_form_is_reported_as_itself_and_not_again_at_every_condition_after_it():
    source = decided(
        user("Task_check", "check") + chain("Begin", "Task_check"), "entries_valid", last="Task_check"
    )

    [problem] = check({"d.bpmn": source}, {})

    assert problem.element_id == "Task_check"
    assert 'uses the form "forms/check.json", which is not in the catalogue' in problem.message


def test_what_a_call_passes_in_is_there_when_the_called_process_starts():
    called = bpmn(
        """\
  <bpmn:process id="child" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:scriptTask id="Script_double"><bpmn:script>doubled = amount * 2</bpmn:script></bpmn:scriptTask>
    <bpmn:endEvent id="End" />
  """
        + chain("Begin", "Script_double", "End")
        + "</bpmn:process>"
    )
    caller = bpmn(
        """\
  <bpmn:process id="parent" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:scriptTask id="Script_set"><bpmn:script>amount = 21</bpmn:script></bpmn:scriptTask>
    <bpmn:callActivity id="Call_child" calledElement="child"><bpmn:extensionElements>
      <camunda:in source="amount" /><camunda:out source="doubled" target="result" />
    </bpmn:extensionElements></bpmn:callActivity>
    <bpmn:scriptTask id="Script_use"><bpmn:script>shown = result + doubled</bpmn:script></bpmn:scriptTask>
    <bpmn:endEvent id="End" />
  """
        + chain("Begin", "Script_set", "Call_child", "Script_use", "End")
        + "</bpmn:process>"
    )

    [problem] = check({"child.bpmn": called, "parent.bpmn": caller}, {})

    assert (problem.file, problem.element_id) == ("parent.bpmn", "Script_use")
    assert "reads 'doubled', which no start variable" in problem.message  # only result comes back


def boundary_case(rejoins: bool, interrupting: bool = True) -> str:
    cancel = "" if interrupting else ' cancelActivity="false"'
    back = "Task_after" if rejoins else "End_reminded"
    reminded_end = "" if rejoins else '<bpmn:endEvent id="End_reminded" name="Reminded" />'
    return bpmn(f"""\
  <bpmn:process id="reminded" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:manualTask id="Task_report" name="Report" />
    <bpmn:boundaryEvent id="Timer_late" name="Late" attachedToRef="Task_report"{cancel}>
      <bpmn:timerEventDefinition id="Def_late">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"P2D"</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:manualTask id="Task_remind" name="Remind" />
    <bpmn:manualTask id="Task_after" name="After" />
    <bpmn:endEvent id="End_done" name="Done" />
    {reminded_end}
    {chain("Begin", "Task_report", "Task_after", "End_done")}
    {chain("Timer_late", "Task_remind", back)}
  </bpmn:process>""")


def test_an_interrupting_timer_whose_path_never_comes_back_is_a_warning_and_one_that_comes_back_is_not():
    [problem] = check({"r.bpmn": boundary_case(rejoins=False)}, {})

    assert (problem.element_id, problem.code) == ("Timer_late", "interrupting-detour")
    assert problem.message == (
        'boundary event "Late" is interrupting: when it fires, manual task "Report" is cancelled and the '
        "process ends at 'Reminded' without coming back to its main path. If it is a reminder, untick "
        '"Interrupting" in the modeler (cancelActivity="false")'
    )
    assert check({"r.bpmn": boundary_case(rejoins=True)}, {}) == []
    assert check({"r.bpmn": boundary_case(rejoins=False, interrupting=False)}, {}) == []


def test_a_gateway_without_a_default_is_warned_only_for_the_values_its_conditions_miss():
    rule = user("Task_decide", "decide") + chain("Begin", "Task_decide")
    decide = {"forms/decide.json": json.dumps({
        "type": "object", "required": ["answer"],
        "properties": {"answer": {"enum": ["yes", "no", "maybe"]}},
    }).encode()}  # fmt: skip
    source = decided(rule, 'answer == "yes"', last="Task_decide").replace(' default="Flow_no"', "")
    source = source.replace(
        '<bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_decide" targetRef="End_no" />',
        '<bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_decide" targetRef="End_no">'
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">answer in ("no",)'
        "</bpmn:conditionExpression></bpmn:sequenceFlow>",
    )

    [problem] = check({"d.bpmn": source}, decide)

    assert (problem.element_id, problem.code) == ("Gateway_decide", "uncovered-value")
    assert (
        'no condition holds when \'answer\' is "maybe", which the form "forms/decide.json"' in problem.message
    )
    covered = source.replace('answer in ("no",)', 'answer in ("no", "maybe")')
    assert check({"d.bpmn": covered}, decide) == []
