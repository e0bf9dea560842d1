"""Diagrams are untrusted: hostile ones are refused at deployment or stopped while running."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from engine.problems import DefinitionInvalid, ScriptFailure
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"


def deploy_one(engine, name):
    return engine.deploy({name: (HOSTILE / name).read_bytes()}, actor="analyst:test")


@pytest.mark.parametrize("name", ["external_entity.bpmn", "entity_bomb.bpmn"])
def test_entities_are_refused_before_anything_is_stored(engine, name):
    before = [(d.process_key, d.version) for d in engine.list_definitions()]
    started = time.monotonic()
    with pytest.raises(DefinitionInvalid) as refused:
        deploy_one(engine, name)
    assert time.monotonic() - started < 5
    [problem] = refused.value.problems
    assert problem.file == name and problem.line == 2  # the DOCTYPE line
    assert "DOCTYPE" in problem.message
    assert "root:" not in str(refused.value)  # nothing of /etc/passwd leaked into the message
    assert [(d.process_key, d.version) for d in engine.list_definitions()] == before


@pytest.mark.parametrize(
    ("name", "element_id"),
    [("import_os.bpmn", "Script_import_os"), ("subclasses.bpmn", "Script_subclasses")],
)
def test_scripts_reaching_for_the_interpreter_are_refused_at_deployment(engine, name, element_id, tmp_path):
    with pytest.raises(DefinitionInvalid) as refused:
        deploy_one(engine, name)
    problems = refused.value.problems
    assert problems, "expected the script to be refused"
    assert all(p.file == name for p in problems)
    assert any("_" in p.message and p.line for p in problems), problems
    assert not Path("/tmp/kanta_pwned").exists()
    assert "import_os" not in [d.process_key for d in engine.list_definitions()]


def test_an_endless_loop_is_stopped_the_start_refused_and_the_engine_keeps_working(engine):
    deploy_one(engine, "endless_loop.bpmn")
    started = time.monotonic()
    with pytest.raises(ScriptFailure) as refused:
        engine.start_instance("endless_loop", actor="integrator:a")
    assert time.monotonic() - started < 5
    assert refused.value.element_id == "Script_spin"
    assert "time limit" in refused.value.message
    assert engine.list_instances(process_key="endless_loop").total == 0  # nothing was stored
    # The engine goes on serving other instances.
    other = engine.start_instance("simple_onboarding", actor="integrator:a")
    assert other.status == "running" and other.ready_tasks


def test_an_endless_loop_after_a_timer_leaves_the_instance_in_error_as_nobody_waits_to_be_told(engine, clock):
    # The same script behind a one-day timer: when the timer fires there is no caller to refuse, so the
    # instance keeps the failure as its error status, for an operator to see.
    diagram = (HOSTILE / "endless_loop.bpmn").read_text()
    timer = (
        '<bpmn:intermediateCatchEvent id="Timer_day" name="A day later">'
        "<bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_0</bpmn:outgoing>"
        '<bpmn:timerEventDefinition id="TimerDefinition_day">'
        '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"P1D"</bpmn:timeDuration>'
        "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
        '<bpmn:sequenceFlow id="Flow_0" sourceRef="Timer_day" targetRef="Script_spin" />'
    )
    diagram = diagram.replace(
        '<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Script_spin" />',
        '<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Timer_day" />' + timer,
    ).replace(
        "<bpmn:incoming>Flow_1</bpmn:incoming>\n      <bpmn:outgoing>Flow_2",
        "<bpmn:incoming>Flow_0</bpmn:incoming>\n      <bpmn:outgoing>Flow_2",
    )
    engine.deploy({"endless_loop.bpmn": diagram.encode()}, actor="analyst:test")
    waiting = engine.start_instance("endless_loop", actor="integrator:a")
    assert waiting.status == "running" and [t.element_id for t in waiting.pending_timers] == ["Timer_day"]

    clock.advance(timedelta(days=1))
    engine.fire_due_timers(actor="system:timers")

    stuck = engine.get_instance(waiting.id)
    assert stuck.status == "error"
    assert stuck.error["element_id"] == "Script_spin"
    assert "time limit" in stuck.error["message"]
    assert stuck.error["type"] == "script-timeout"
    assert [e.kind for e in engine.history(stuck.id)][-1] == "instance_error"
