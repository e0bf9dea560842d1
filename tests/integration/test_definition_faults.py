"""Blame the right party: a failure the diagram causes whatever the caller sends (a gateway none of whose
conditions holds and that has no default, a name nothing wrote) is a ``definition-fault``, distinct from a
``script-failure`` the data may cause; a timer's such failure is an incident of that type."""

from __future__ import annotations

from datetime import timedelta

import pytest

from engine import Engine, ScriptFailure
from tests.integration.test_limits import diagram, script, timer, with_start_variables

ACTOR = "integrator:test"


@pytest.fixture
def bare(database_url, clock):
    running = Engine(database_url, clock_source=clock)
    yield running
    running.close()


def _gateway() -> bytes:
    return with_start_variables(
        diagram(
            "routing",
            '<bpmn:exclusiveGateway id="Gateway_kind" />\n<bpmn:userTask id="Review" name="Review" />\n',
            [
                ("StartEvent", "Gateway_kind", ""),
                ("Gateway_kind", "Review", 'kind == "health"'),
                ("Gateway_kind", "EndEvent", 'kind == "social"'),
                ("Review", "EndEvent", ""),
            ],
        ),
        "kind",
    )


def test_a_gateway_that_covers_no_value_sent_is_the_definitions_fault(bare):
    bare.deploy({"routing.bpmn": _gateway()}, actor="analyst:test")
    with pytest.raises(ScriptFailure) as refused:
        bare.start_instance("routing", actor=ACTOR, variables={"kind": "pharmacy"})
    assert (refused.value.kind, refused.value.element_id) == ("definition-fault", "Gateway_kind")
    assert refused.value.message == (
        "none of the conditions of gateway Gateway_kind holds, and it has no default flow: give it a default "
        "flow, or conditions that cover every value"
    )
    assert bare.list_instances().total == 0  # nothing stored
    assert bare.start_instance("routing", actor=ACTOR, variables={"kind": "health"}).status == "running"


def test_a_script_failing_on_the_data_stays_a_script_failure(bare):
    code = diagram("counting", script("Script_count", "count = int(given)"), [
        ("StartEvent", "Script_count", ""), ("Script_count", "EndEvent", "")])  # fmt: skip
    bare.deploy({"counting.bpmn": with_start_variables(code, "given")}, actor="analyst:test")
    with pytest.raises(ScriptFailure) as refused:
        bare.start_instance("counting", actor=ACTOR, variables={"given": "many"})
    assert (refused.value.kind, refused.value.element_id) == ("script-failure", "Script_count")


def test_a_timer_run_reading_a_name_nothing_wrote_is_a_definition_fault_incident(bare, clock):
    waiting = diagram(
        "reminding",
        timer("Timer_wait", "P1D") + script("Script_remind", "reminded = reminder_count + 1"),
        [
            ("StartEvent", "Timer_wait", ""),
            ("Timer_wait", "Script_remind", ""),
            ("Script_remind", "EndEvent", ""),
        ],
    )
    bare.deploy({"reminding.bpmn": waiting}, actor="analyst:test")
    started = bare.start_instance("reminding", actor=ACTOR)
    clock.advance(timedelta(days=2))
    bare.fire_due_timers(actor="timer:test")
    instance = bare.get_instance(started.id)
    assert instance.status == "error"
    assert (instance.error["type"], instance.error["element_id"]) == ("definition-fault", "Script_remind")
    assert "the diagram reads a name that nothing wrote on the way here" in instance.error["message"]
    [incident] = bare.list_incidents(instance_id=started.id).items
    assert (incident.kind, incident.element_id) == ("definition-fault", "Script_remind")
