"""Conditions, timers and mapped values run in the dialect they were written in: JUEL ``${…}`` as JUEL
means it, timer values written bare as Camunda reads them, Python as Python; what can not run so is
refused at deployment naming the dialect and the construct, at its file, line and element id.

The diagrams are made as in ``test_constructs`` (an element between a start event and a user task
"After"), on a real engine and database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine import DefinitionInvalid, Engine, ScriptFailure
from tests.conftest import engine_per_module
from tests.integration.test_constructs import RUNNING, Case, around, assert_refused, flows, task_with, user

clock, engine = engine_per_module("dialects")


def condition_case(condition: str, language: str = "") -> str:
    """An exclusive gateway that goes to "Other" when ``condition`` holds, else to "After"."""
    language = f' language="{language}"' if language else ""
    return (
        '<bpmn:startEvent id="Begin" /><bpmn:exclusiveGateway id="Gateway" default="Flow_Gateway_After" />'
        + user("After") + user("Other") + '<bpmn:endEvent id="Finish" />'
        + flows("Begin", "Gateway", "After", "Finish") + flows("Other", "Finish")
        + '<bpmn:sequenceFlow id="Flow_other" sourceRef="Gateway" targetRef="Other">'
        f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"{language}>{condition}'
        "</bpmn:conditionExpression></bpmn:sequenceFlow>"
    )  # fmt: skip


def goes(engine, clock, condition: str, language: str = "", **variables) -> str:
    standing = Case(engine, clock, condition_case(condition, language)).start(**variables)
    assert standing[0] == "running", standing
    return standing[1][0]


# ---- JUEL conditions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "variables", "taken"),
    [
        ("${approved}", {"approved": True}, "Other"),
        ("${approved}", {"approved": False}, "After"),
        ("${amount > 1000 &amp;&amp; !urgent}", {"amount": 1500, "urgent": False}, "Other"),
        ("${amount > 1000 &amp;&amp; !urgent}", {"amount": 1500, "urgent": True}, "After"),
        ("${status == 'ok'}", {"status": "ok"}, "Other"),
        ('${status == "ok"}', {"status": "not ok"}, "After"),
        ("${empty comment}", {"comment": ""}, "Other"),
        ("${empty comment}", {"comment": None}, "Other"),
        ("${empty items}", {"items": []}, "Other"),
        ("${not empty items}", {"items": [1]}, "Other"),
        ("${a gt 1 and b lt 2 or c eq 'x'}", {"a": 0, "b": 5, "c": "x"}, "Other"),
        ("${a ge 1 and a le 1 and b ne null}", {"a": 1, "b": 0}, "Other"),
        ("${applicant.address.city == 'Oulu'}", {"applicant": {"address": {"city": "Oulu"}}}, "Other"),
        ("${applicant['address']['city'] == 'Oulu'}", {"applicant": {"address": {"city": "Oulu"}}}, "Other"),
        # a map without the key reads null, as a Java Map does in Camunda
        ("${applicant.phone == null}", {"applicant": {}}, "Other"),
        ("${units[1] == 'b'}", {"units": ["a", "b"]}, "Other"),
        ("${(a || b) &amp;&amp; c}", {"a": False, "b": True, "c": True}, "Other"),
        ("${(size > 3 ? 'big' : 'small') == 'big'}", {"size": 4}, "Other"),
        # JUEL compares a number and a text as numbers, where Python would say they differ
        ("${count == '3'}", {"count": 3}, "Other"),
        ("${amount + 1 > 2}", {"amount": "2"}, "Other"),
        ("${7 % 3 == 1 &amp;&amp; 7 mod -3 == 1 &amp;&amp; -7 % 3 == -1}", {}, "Other"),
        ("${3 / 2 == 1.5 &amp;&amp; 3 div 2 == 1.5}", {}, "Other"),
        # a null is neither less nor more than anything
        ("${missing_in_map.x > 1 || missing_in_map.x &lt; 1}", {"missing_in_map": {}}, "After"),
    ],
)
def test_a_juel_condition_runs_as_juel_means_it(engine, clock, condition, variables, taken):
    assert goes(engine, clock, condition, **variables) == taken


def test_a_condition_with_the_juel_language_is_juel_and_a_python_one_stays_python(engine, clock):
    assert goes(engine, clock, "${size == 1}", language="juel", size=1) == "Other"
    assert goes(engine, clock, "size == 1 and True", language="python", size=1) == "Other"
    assert goes(engine, clock, "size == 1", size=2) == "After"


def test_a_juel_condition_that_is_not_true_or_false_fails_instead_of_guessing(engine, clock):
    case = Case(engine, clock, condition_case("${size}"))
    with pytest.raises(ScriptFailure) as failed:
        case.start(size=3)  # nothing is stored: the caller can start it again with the right data
    assert failed.value.element_id == "Gateway"
    assert failed.value.detail.endswith(
        "Error evaluating expression '_juel_.condition(size)  # JUEL ${size}'. "
        "a JUEL condition must be true or false, not the value 3"
    )


@pytest.mark.parametrize(
    ("condition", "construct", "rewrite"),
    [
        ("${execution.getVariable('size') > 1}", 'the method call "execution.getVariable(…)"', "(size > 1)"),
        ("${dateTime().plusDays(1)}", 'the method or function call "dateTime(…)"', None),
        ("${order.isPaid()}", 'the method or function call "….isPaid(…)"', None),
        ("${fn:contains(a, 'x')}", 'the function "fn:contains(…)"', None),
        ("#{approved}", "a deferred expression #{…}", None),
        ("${list.stream().filter(x -> x > 1)}", "a lambda expression", None),
        ("${execution.processBusinessKey == 'x'}", 'context object "execution.processBusinessKey"', None),
        ("${a = 1}", 'an assignment "="', '"==" to compare'),
        ("${[1, 2]}", "a collection literal", None),
        ("${x instanceof y}", 'the operator "instanceof"', None),
    ],
)  # fmt: skip
def test_juel_beyond_the_subset_is_refused_naming_juel_and_the_construct(
    engine, clock, condition, construct, rewrite
):
    case = Case(engine, clock, condition_case(condition))
    problems = [p for p in case.refusal() if p.element_id == "Flow_other"]
    assert len(problems) == 1, problems
    message = problems[0].message
    assert message.startswith('the condition of sequence flow "Flow_other" is not a valid expression: JUEL: ')
    assert f"{construct}" in message and "is not supported" in message
    if rewrite:
        assert message.endswith(f"write {'the Python ' if rewrite.startswith('(') else ''}{rewrite} instead")
    assert problems[0].line == case.line_of("Flow_other")


def test_juel_that_can_not_be_read_is_refused_at_its_line(engine, clock):
    case = Case(engine, clock, condition_case("${size >}"))
    (problem,) = [p for p in case.refusal() if p.element_id == "Flow_other"]
    assert problem.message.endswith('JUEL: can not read "size >": it ends too early')
    case = Case(engine, clock, condition_case("size: ${size}"))
    (problem,) = [p for p in case.refusal() if p.element_id == "Flow_other"]
    assert "a condition is one ${…} expression, with no text around it" in problem.message


def test_a_condition_in_groovy_is_refused_never_read_as_python(engine, clock):
    assert_refused(
        Case(engine, clock, condition_case("size == 1", "groovy")),
        "Flow_other",
        'condition language "groovy"',
    )


# ---- timers as Camunda writes them --------------------------------------------------------------------


def timer(kind: str, value: str) -> str:
    return (
        f'<bpmn:intermediateCatchEvent id="Element"><bpmn:timerEventDefinition><bpmn:{kind} '
        f'xsi:type="bpmn:tFormalExpression">{value}</bpmn:{kind}></bpmn:timerEventDefinition>'
        "</bpmn:intermediateCatchEvent>"
    )


def due(case: Case) -> datetime:
    (pending,) = case.engine.get_instance(case.instance.id).pending_timers
    return pending.due_at.astimezone(UTC)


@pytest.mark.parametrize(
    ("kind", "value", "after"),
    [
        ("timeDuration", "P7D", timedelta(days=7)),
        ("timeDuration", "PT1H30M", timedelta(hours=1, minutes=30)),
        ("timeDuration", '"P2D"', timedelta(days=2)),  # Python, as the catalogue writes it
        ("timeDuration", "${wait}", timedelta(days=3)),  # JUEL: a variable holding a duration
        ("timeDuration", "P${days}D", timedelta(days=4)),  # JUEL: text around ${…} makes a text
    ],
)
def test_a_duration_written_bare_in_python_or_in_juel_waits_that_long(engine, clock, kind, value, after):
    case = Case(engine, clock, around(timer(kind, value)))
    assert case.start(wait="P3D", days=4)[3] == ["Element"]
    assert due(case) == clock.now() + after
    assert case.days_pass(after.days or 1) == RUNNING


def test_a_date_without_an_offset_is_finnish_time_and_one_with_an_offset_is_that(engine, clock):
    day = (clock.now() + timedelta(days=10)).date()
    winter = Case(engine, clock, around(timer("timeDate", f"{day}T09:00:00")))
    winter.start()
    assert due(winter) == datetime(day.year, day.month, day.day, 7, 0, tzinfo=UTC)  # 09:00 at UTC+2 in winter
    offset = Case(engine, clock, around(timer("timeDate", f"{day}T09:00:00+00:00")))
    offset.start()
    assert due(offset) == datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    juel = Case(engine, clock, around(timer("timeDate", "${deadline}")))
    juel.start(deadline=f"{day}T12:00:00")
    assert due(juel) == datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)


def cycle(value: str) -> str:
    """A user task "Element" with a non-interrupting timer cycle that leads to the user task "Reminded"."""
    return (
        task_with()
        + '<bpmn:boundaryEvent id="Remind" attachedToRef="Element" cancelActivity="false">'
        + f'<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">{value}'
        + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>"
        + user("Reminded")
        + '<bpmn:endEvent id="Reminded_end" />'
        + flows("Remind", "Reminded", "Reminded_end")
    )


def reminders(case: Case) -> int:
    return case.standing()[1].count("Reminded")


def test_a_cycle_fires_as_often_as_it_says(engine, clock):
    case = Case(engine, clock, around(cycle("R3/PT1H")))
    case.start()
    for hours in range(1, 6):
        clock.advance(timedelta(hours=1))
        case.engine.fire_due_timers(actor="timer:test")
        assert reminders(case) == min(hours, 3)


def test_a_quartz_cron_cycle_fires_at_its_times_in_finnish_time(engine, clock):
    # Every day at 09:00 Finnish time, Monday to Friday (Quartz counts Sunday as 1: 2-6)
    case = Case(engine, clock, around(cycle("0 0 9 ? * 2-6")))
    case.start()
    first = due(case).astimezone(UTC)
    assert first.hour == 7 and first.weekday() < 5 and first > clock.now()  # 09:00 at UTC+2
    clock.set(first)
    case.engine.fire_due_timers(actor="timer:test")
    assert reminders(case) == 1
    following = due(case)
    assert following - first == timedelta(days=1 if first.weekday() < 4 else 3)


@pytest.mark.parametrize(
    ("kind", "value", "fault"),
    [
        ("timeDate", "P2D", '"P2D" is a duration, and a timeDate is a date: make it a timeDuration'),
        ("timeDuration", "2026-09-01", '"2026-09-01" is a date: make the timer a timeDate'),
        ("timeDuration", "${dateTime().plusDays(2)}", 'JUEL: the method or function call "dateTime(…)"'),
        ("timeCycle", "0 0 9 L * ?", 'cron: the Quartz-only "L" (last)'),
        ("timeCycle", "0 0 9 ? * 6#3", 'cron: the Quartz-only "#" (nth weekday of the month)'),
        ("timeCycle", "0 0 9 15W * ?", 'cron: the Quartz-only "W" (nearest weekday)'),
        ("timeCycle", "0 9 * * 1", "has 5 fields: Camunda's (Quartz) cron has 6 or 7"),
        ("timeCycle", "0 0 9 ? * MON 2027", 'cron: the year field "2027"'),
    ],
)
def test_a_timer_value_that_can_not_run_as_written_is_refused_by_name(engine, clock, kind, value, fault):
    body = around(cycle(value)) if kind == "timeCycle" else around(timer(kind, value))
    case = Case(engine, clock, body)
    element = "Remind" if kind == "timeCycle" else "Element"
    problems = [p for p in case.refusal() if p.element_id == element]
    assert len(problems) == 1 and fault in problems[0].message, problems
    assert problems[0].line == case.line_of(element)


# ---- input and output parameters ----------------------------------------------------------------------


def parameters(inputs: str = "", outputs: str = "") -> str:
    return f"<camunda:inputOutput>{inputs}{outputs}</camunda:inputOutput>"


def test_input_parameters_are_the_activitys_own_and_outputs_are_mapped_back(engine, clock):
    io = parameters(
        '<camunda:inputParameter name="fee">${amount * 2}</camunda:inputParameter>'
        '<camunda:inputParameter name="label">Maksu</camunda:inputParameter>'
        '<camunda:inputParameter name="nothing" />'
        '<camunda:inputParameter name="amount">${amount + 100}</camunda:inputParameter>'
        '<camunda:inputParameter name="codes"><camunda:list><camunda:value>a</camunda:value>'
        "<camunda:value>${amount}</camunda:value></camunda:list></camunda:inputParameter>"
        '<camunda:inputParameter name="address"><camunda:map><camunda:entry key="city">Oulu</camunda:entry>'
        "</camunda:map></camunda:inputParameter>"
        '<camunda:inputParameter name="double"><camunda:script scriptFormat="python">amount * 2'
        "</camunda:script></camunda:inputParameter>",
        '<camunda:outputParameter name="total">${fee + amount}</camunda:outputParameter>'
        '<camunda:outputParameter name="seen">${label} ${codes[1]} ${address.city}</camunda:outputParameter>',
    )
    script = "<bpmn:script>fee = fee + 1\nchecked = double == fee - 1 and nothing is None</bpmn:script>"
    case = Case(engine, clock, around(task_with(tag="scriptTask", extensions=io, inner=script)))
    assert case.start(amount=5) == RUNNING
    variables = case.engine.get_instance(case.instance.id).variables
    # fee = 5 * 2 + 1 in the script; the input "amount" (105) hid the outer one (5) while the task ran
    assert variables["total"] == 11 + 105
    assert variables["seen"] == "Maksu 5 Oulu"
    assert variables["amount"] == 5 and variables["checked"] is True
    assert not {"fee", "label", "nothing", "codes", "address", "double"} & set(variables)


def test_a_user_task_sees_its_inputs_while_it_waits_and_its_outputs_come_from_its_data(engine, clock):
    io = parameters(
        '<camunda:inputParameter name="greeting">Hei ${name}</camunda:inputParameter>',
        '<camunda:outputParameter name="answer_given">${not empty answer}</camunda:outputParameter>',
    )
    case = Case(engine, clock, around(task_with(extensions=io)))
    case.start(name="Maija")
    assert case.engine.get_instance(case.instance.id).variables["greeting"] == "Hei Maija"
    assert case.complete("Element", answer="kyllä") == RUNNING
    variables = case.engine.get_instance(case.instance.id).variables
    assert variables["answer_given"] is True and "greeting" not in variables


@pytest.mark.parametrize(
    ("extensions", "fault"),
    [
        (parameters('<camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1'
                    "</camunda:script></camunda:inputParameter>"), 'a script in "groovy" is not supported'),
        (parameters('<camunda:inputParameter name="x"><camunda:script scriptFormat="python" '
                    'resource="x.py" /></camunda:inputParameter>'), "an external script (resource)"),
        (parameters('<camunda:outputParameter name="x">${execution.getVariable("y")}'
                    "</camunda:outputParameter>"), 'the outputParameter "x": JUEL: the method call'),
        (parameters('<camunda:inputParameter name="a-b">1</camunda:inputParameter>'),
         'the inputParameter "a-b" can not be a variable'),
    ],
)  # fmt: skip
def test_parameters_that_can_not_run_are_refused_by_name(engine, clock, extensions, fault):
    case = Case(engine, clock, around(task_with(extensions=extensions)))
    problems = [p for p in case.refusal() if p.element_id == "Element"]
    assert len(problems) == 1 and fault in problems[0].message, problems
    assert problems[0].message.startswith('camunda:inputOutput of user task "Element": ')


def test_parameters_where_camunda_does_not_run_them_are_refused_by_name(engine, clock):
    io = parameters('<camunda:inputParameter name="a">1</camunda:inputParameter>')
    loop = (
        '<bpmn:multiInstanceLoopCharacteristics camunda:collection="items" camunda:elementVariable="item" />'
    )
    looped = Case(engine, clock, around(task_with(extensions=io, inner=loop)))
    assert_refused(looped, "Element", "camunda:inputOutput on a multi-instance user task")
    gateway = f'<bpmn:parallelGateway id="Element"><bpmn:extensionElements>{io}</bpmn:extensionElements>'
    gateway += "</bpmn:parallelGateway>"
    assert_refused(
        Case(engine, clock, around(gateway)), "Element", "camunda:inputOutput on a parallel gateway"
    )


# ---- the asynchronous continuations, listeners and retries ----------------------------------------------


def test_asynchronous_continuations_are_accepted_and_change_nothing(engine, clock):
    flags = 'camunda:asyncBefore="true" camunda:asyncAfter="true" camunda:exclusive="false"'
    case = Case(
        engine, clock, around(task_with(flags, tag="scriptTask", inner="<bpmn:script>x = 1</bpmn:script>"))
    )
    assert case.start() == RUNNING
    assert case.engine.get_instance(case.instance.id).variables["x"] == 1


@pytest.mark.parametrize(
    ("extensions", "construct"),
    [
        ('<camunda:executionListener class="org.example.Log" event="start" />', "camunda:executionListener"),
        ('<camunda:executionListener event="end"><camunda:script scriptFormat="python">x = 1</camunda:script>'
         "</camunda:executionListener>", "camunda:executionListener"),
        ('<camunda:taskListener expression="${mailer.send(task)}" event="create" />', "camunda:taskListener"),
        ("<camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle>",
         "camunda:failedJobRetryTimeCycle"),
    ],
)  # fmt: skip
def test_listeners_and_job_retries_are_refused_by_name(engine, clock, extensions, construct):
    assert_refused(Case(engine, clock, around(task_with(extensions=extensions))), "Element", construct)


@pytest.mark.parametrize("script_format", ["groovy", "javascript", "JavaScript", "juel"])
def test_a_script_in_another_language_is_refused_even_when_it_would_parse_as_python(
    engine, clock, script_format
):
    script = task_with(
        f'scriptFormat="{script_format}"', tag="scriptTask", inner="<bpmn:script>x = 1</bpmn:script>"
    )
    assert_refused(Case(engine, clock, around(script)), "Element", f'script format "{script_format}"')


# ---- call mappings ------------------------------------------------------------------------------------


def test_a_call_mappings_source_expression_is_juel(engine, clock):
    case = Case(engine, clock, "")
    called = (
        f'<bpmn:process id="{case.key}_called" isExecutable="true"><bpmn:startEvent id="S" />'
        '<bpmn:scriptTask id="Copy"><bpmn:script>seen = given</bpmn:script></bpmn:scriptTask>'
        '<bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Copy" />'
        '<bpmn:sequenceFlow id="F2" sourceRef="Copy" targetRef="E" /></bpmn:process>\n'
    )
    mappings = (
        "<camunda:in sourceExpression=\"${amount == '5' ? 'five' : 'other'}\" target=\"given\" />"
        '<camunda:out source="seen" target="seen" />'
    )
    call = task_with(f'calledElement="{case.key}_called"', mappings, tag="callActivity")
    case = Case(engine, clock, around(call), called)
    assert case.start(amount=5) == RUNNING
    assert case.engine.get_instance(case.instance.id).variables["seen"] == "five"


# ---- multi-instance activities ------------------------------------------------------------------------


def test_a_multi_instance_activity_reads_its_cardinality_and_completion_condition_in_juel(engine, clock):
    loop = (
        "<bpmn:multiInstanceLoopCharacteristics>"
        '<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${reviewers + 1}</bpmn:loopCardinality>'
        '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${approved == true}'
        "</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>"
    )
    case = Case(engine, clock, around(task_with(inner=loop)))
    assert case.start(reviewers="2")[1] == ["Element", "Element", "Element"]  # "2" + 1 is 3 in JUEL
    assert case.complete("Element", approved=True) == RUNNING  # one approval completes the activity


@pytest.mark.parametrize("sequential", ["false", "true"])
def test_a_multi_instance_activity_runs_once_per_item_of_its_collection(engine, clock, sequential):
    loop = (
        f'<bpmn:multiInstanceLoopCharacteristics isSequential="{sequential}" '
        'camunda:collection="${reviewers}" camunda:elementVariable="reviewer" />'
    )
    case = Case(engine, clock, around(task_with(inner=loop)))
    ready = case.start(reviewers=["a", "b", "c"])[1]
    assert ready == (["Element"] if sequential == "true" else ["Element"] * 3)
    view = case.engine.get_instance(case.instance.id)
    assert sorted(t.element_id for t in view.ready_tasks) == ready
    for _ in range(3):
        standing = case.complete("Element")
    assert standing == RUNNING


def test_a_collection_computed_by_an_expression_is_refused_naming_juel(engine, clock):
    loop = '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${order.items}" />'
    case = Case(engine, clock, around(task_with(inner=loop)))
    (problem,) = [p for p in case.refusal() if p.element_id == "Element"]
    assert problem.message.startswith(
        'the collection of user task "Element" can not run: JUEL: the collection "${order.items}" is an '
        "expression: name the variable that holds the items"
    )


def test_a_message_name_with_juel_is_refused_naming_juel(engine, clock):
    catch = '<bpmn:intermediateCatchEvent id="Element"><bpmn:messageEventDefinition messageRef="M_juel" />'
    catch += "</bpmn:intermediateCatchEvent>"
    case = Case(engine, clock, around(catch) + '<bpmn:message id="M_juel" name="paid_${orderId}" />')
    problems = [p for p in case.refusal() if p.element_id == "Element"]
    assert any(
        "names message 'M_juel', whose name \"paid_${orderId}\" holds JUEL: a message name is plain text"
        in p.message
        for p in problems
    ), problems


# ---- correlation properties -----------------------------------------------------------------------------

CORRELATED = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_c"
    targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="correlated" isExecutable="true">
    <bpmn:startEvent id="Start_correlated" />
    <bpmn:receiveTask id="Receive" name="Receive" messageRef="Message_note" />
    <bpmn:endEvent id="End_correlated" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_correlated" targetRef="Receive" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Receive" targetRef="End_correlated" />
  </bpmn:process>
  <bpmn:message id="Message_note" name="note_sent" />
  <bpmn:correlationProperty id="Property_note" name="note">
    <bpmn:correlationPropertyRetrievalExpression messageRef="Message_note">
      <bpmn:formalExpression>{expression}</bpmn:formalExpression>
    </bpmn:correlationPropertyRetrievalExpression>
  </bpmn:correlationProperty>
</bpmn:definitions>
"""
NOTE_CONTRACT = (
    b'{"type": "object", "properties": {"note": {"type": "string"}}, "x-correlation": {"by": "business_key"}}'
)


def _correlated(expression: str) -> dict[str, bytes]:
    return {
        "correlated.bpmn": CORRELATED.format(expression=expression).encode(),
        "messages/note_sent.json": NOTE_CONTRACT,
    }


@pytest.mark.parametrize("expression", ["${note}", "${empty note ? 'none' : note}", "note"])
def test_a_correlation_propertys_juel_retrieval_expression_runs_on_the_delivered_payload(
    tmp_path, expression
):
    engine = Engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}")
    engine.deploy(_correlated(expression), actor="analyst:test")
    engine.start_instance("correlated", actor="integrator:test", business_key="b1")
    delivered = engine.deliver_message("note_sent", actor="integrator:test", business_key="b1",
                                       payload={"note": "x"})  # fmt: skip
    assert (delivered.message_outcome, delivered.status) == ("delivered", "completed")
    engine.close()


def test_a_correlation_expression_reading_what_the_payload_lacks_refuses_the_message(tmp_path):
    engine = Engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}")
    engine.deploy(_correlated("${case_number}"), actor="analyst:test")
    started = engine.start_instance("correlated", actor="integrator:test", business_key="b1")
    with pytest.raises(ScriptFailure) as refused:
        engine.deliver_message("note_sent", actor="integrator:test", business_key="b1", payload={"note": "x"})
    assert refused.value.kind == "definition-fault"
    assert refused.value.message.startswith(
        'the correlation properties of message "note_sent" could not be read from its payload: '
    )
    assert "case_number" in refused.value.message
    assert [t.element_id for t in engine.get_instance(started.id).waiting_messages] == ["Receive"]
    engine.close()


def test_a_correlation_expression_that_can_not_run_is_refused_at_deploy_naming_juel(tmp_path):
    engine = Engine(f"sqlite:///{tmp_path / 'kanta.sqlite3'}")
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(_correlated("${execution.getVariable('note')}"), actor="analyst:test")
    [problem] = [p for p in refused.value.problems if p.element_id == "Property_note"]
    assert problem.message == (
        'the retrieval expression of correlation property "note" for message Message_note is not a valid '
        'expression: JUEL: the method call "execution.getVariable(…)" is not supported: write the Python '
        "note instead"
    )
    assert problem.line == 12  # the correlation property's
    engine.close()
