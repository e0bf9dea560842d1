"""A call activity passes data as its In and Out mappings say (Camunda Modeler's camunda:in / camunda:out):
only what they name crosses, a called process can not overwrite the caller's other variables, and a call
activity with no mappings passes everything, as before."""

from __future__ import annotations

import pytest

from engine import DefinitionInvalid, ScriptFailure
from tests.integration.test_limits import ACTOR, HEAD, script, with_start_variables

CHILD = (
    HEAD.format(key="doubling")
    + script("Script_double", 'doubled = amount * 2\njoining_model = "joint"\nsecret = "child"')
    + '<bpmn:endEvent id="EndEvent" name="End" />\n'
    '<bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Script_double" />\n'
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Script_double" targetRef="EndEvent" />\n'
    "</bpmn:process>\n</bpmn:definitions>\n"
)


def parent(mappings: str) -> str:
    call = (
        '<bpmn:callActivity id="Call_doubling" name="Double" calledElement="doubling">'
        f"<bpmn:extensionElements>{mappings}</bpmn:extensionElements></bpmn:callActivity>\n"
        if mappings
        else '<bpmn:callActivity id="Call_doubling" name="Double" calledElement="doubling" />\n'
    )
    return (
        HEAD.format(key="caller").replace(
            "<bpmn:definitions ", '<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
        )
        + script("Script_set", 'amount = 21\njoining_model = "direct"')
        + call
        + '<bpmn:manualTask id="Task_look" name="Look" />\n'
        '<bpmn:endEvent id="EndEvent" name="End" />\n'
        '<bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Script_set" />\n'
        '<bpmn:sequenceFlow id="Flow_2" sourceRef="Script_set" targetRef="Call_doubling" />\n'
        '<bpmn:sequenceFlow id="Flow_3" sourceRef="Call_doubling" targetRef="Task_look" />\n'
        '<bpmn:sequenceFlow id="Flow_4" sourceRef="Task_look" targetRef="EndEvent" />\n'
        "</bpmn:process>\n</bpmn:definitions>\n"
    )


def run(engine, mappings: str) -> dict:
    engine.deploy(
        {"caller.bpmn": parent(mappings).encode(), "doubling.bpmn": CHILD.encode()}, actor="analyst:test"
    )
    started = engine.start_instance("caller", actor=ACTOR)
    assert [t.element_id for t in started.ready_tasks] == ["Task_look"]
    return started.variables


def test_only_what_the_mappings_name_crosses(engine):
    variables = run(
        engine,
        '<camunda:in source="amount" target="amount" />'
        '<camunda:out source="doubled" target="result" />'
        '<camunda:out sourceExpression="${doubled + 1}" target="one_more" />',
    )
    assert (variables["result"], variables["one_more"]) == (42, 43)
    assert variables["joining_model"] == "direct"  # the called process's own value stays there
    assert "secret" not in variables and "doubled" not in variables


def test_an_in_mapping_renames_and_computes(engine):
    variables = run(
        engine,
        '<camunda:in sourceExpression="${amount + 1}" target="amount" />'
        '<camunda:out source="doubled" target="doubled" />',
    )
    assert variables["doubled"] == 44


def test_a_called_process_sees_only_what_is_passed_in(engine):
    child = CHILD.replace("doubled = amount * 2\n", "doubled = amount * 2\nseen = joining_model\n")
    caller = parent('<camunda:in source="amount" /><camunda:out variables="all" />').encode()
    # validate sees it: the caller passes only amount
    with pytest.raises(DefinitionInvalid) as invalid:
        declared = with_start_variables(child.encode(), "")  # starts with nothing of its own
        engine.deploy({"doubling.bpmn": declared, "caller.bpmn": caller}, actor="analyst:test")
    [problem] = invalid.value.problems
    assert (problem.file, problem.element_id) == ("doubling.bpmn", "Script_double")
    assert "reads 'joining_model', which only script task \"Script_double\" writes" in problem.message
    # and when the analyst says a start passes it (started alone), the call does not: the run stops there
    engine.deploy(
        {"doubling.bpmn": with_start_variables(child.encode(), "joining_model"), "caller.bpmn": caller},
        actor="analyst:test",
    )
    with pytest.raises(ScriptFailure) as refused:
        engine.start_instance("caller", actor=ACTOR)
    assert refused.value.element_id == "Script_double"
    assert "joining_model" in refused.value.message


def test_out_all_brings_everything_back_and_no_mappings_pass_everything(engine):
    everything_back = run(engine, '<camunda:in variables="all" /><camunda:out variables="all" />')
    assert (everything_back["doubled"], everything_back["joining_model"], everything_back["secret"]) == (
        42,
        "joint",
        "child",
    )
    unmapped = run(engine, "")
    assert (unmapped["doubled"], unmapped["joining_model"]) == (42, "joint")


def test_a_mapping_that_can_not_run_is_refused_at_its_line(engine):
    from engine import DefinitionInvalid

    broken = parent('<camunda:in sourceExpression="${amount +}" target="x" /><camunda:out target="y" />')
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy({"caller.bpmn": broken.encode(), "doubling.bpmn": CHILD.encode()}, actor="analyst:test")
    problems = sorted(refused.value.problems, key=lambda p: p.message)
    assert [p.message.split(":")[0] for p in problems] == [
        'an Out mapping of call activity "Double" names no source variable',
        'the source expression of an In mapping of call activity "Double" is not a valid expression',
    ]
    assert all(p.file == "caller.bpmn" and p.line for p in problems)
