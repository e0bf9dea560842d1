"""Blame the right party: a failure the diagram causes whatever the caller sends (a gateway none of whose
conditions holds and that has no default, a name nothing wrote) is a ``definition-fault``, distinct from a
``script-failure`` the data may cause; a timer's such failure is an incident of that type."""

from __future__ import annotations

from datetime import timedelta

import pytest

from engine import Conflict, Engine, ScriptFailure
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


def _checked_routing(default_to_end: bool = False) -> bytes:
    """A "Check" task (no form: its data may say any ``kind``), then a gateway on ``kind``; version 2 of it
    (``default_to_end``) gives the gateway a default flow, which corrects the diagram."""
    nodes = '<bpmn:userTask id="Check" name="Check" />\n<bpmn:exclusiveGateway id="Gateway_kind" />\n'
    nodes += '<bpmn:userTask id="Review" name="Review" />\n'
    flows = [
        ("StartEvent", "Check", ""),
        ("Check", "Gateway_kind", ""),
        ("Gateway_kind", "Review", 'kind == "health"'),
        ("Gateway_kind", "EndEvent", 'kind == "social"'),
        ("Review", "EndEvent", ""),
    ]
    if default_to_end:
        flows.append(("Gateway_kind", "Review", ""))
    text = with_start_variables(diagram("checked_routing", nodes, flows), "kind")
    if default_to_end:  # the flow added last, to Review, is the gateway's default
        text = text.replace(
            b'<bpmn:exclusiveGateway id="Gateway_kind" />',
            b'<bpmn:exclusiveGateway id="Gateway_kind" default="Flow_6" />',
        )
    return text


def _met_fault(engine, instance_id: str, task_id: str, kind: str = "pharmacy"):
    with pytest.raises(ScriptFailure) as refused:
        engine.complete_task(task_id, {"kind": kind}, actor=ACTOR)
    assert (refused.value.kind, refused.value.element_id) == ("definition-fault", "Gateway_kind")
    return refused.value


def test_a_request_meeting_a_definition_fault_opens_an_incident_and_leaves_the_instance_running(bare, clock):
    bare.deploy({"checked_routing.bpmn": _checked_routing()}, actor="analyst:test")
    started = bare.start_instance("checked_routing", actor=ACTOR, variables={"kind": "health"})
    [check] = started.ready_tasks
    first_seen = clock.now()
    _met_fault(bare, started.id, check.id)

    instance = bare.get_instance(started.id)
    assert (instance.status, [t.id for t in instance.ready_tasks], instance.error) == (
        "running",
        [check.id],
        None,
    )
    assert instance.variables == {"kind": "health"}  # nothing of the request stored
    [incident] = bare.list_incidents(instance_id=started.id).items
    assert (incident.kind, incident.element_id, incident.failures) == ("definition-fault", "Gateway_kind", 1)
    assert "none of the conditions of gateway Gateway_kind holds" in incident.message
    assert incident.opened_at == incident.last_failure_at == first_seen

    # Met again: the same incident counts it, first and last seen apart; each is in the audit trail.
    clock.advance(timedelta(hours=3))
    _met_fault(bare, started.id, check.id, kind="dental")
    [again] = bare.list_incidents(instance_id=started.id).items
    assert (again.id, again.failures, again.opened_at) == (incident.id, 2, first_seen)
    assert again.last_failure_at == first_seen + timedelta(hours=3)
    met = [e for e in bare.history(started.id) if e.kind == "definition_fault_met"]
    assert [(e.actor, e.element_id, e.data["failures"]) for e in met] == [(ACTOR, None, 1), (ACTOR, None, 2)]
    assert {e.data["incident"] for e in met} == {incident.id}

    # The instance goes on with data the diagram covers, its incident still open for the analyst.
    moved = bare.complete_task(check.id, {"kind": "health"}, actor=ACTOR)
    assert [t.element_id for t in moved.ready_tasks] == ["Review"]
    assert bare.get_incident(incident.id).resolved_at is None


def test_a_script_failure_of_the_data_opens_no_incident(bare):
    nodes = '<bpmn:userTask id="Give" name="Give" />\n' + script("Script_count", "count = int(given)")
    flows = [("StartEvent", "Give", ""), ("Give", "Script_count", ""), ("Script_count", "EndEvent", "")]
    code = diagram("counting", nodes, flows)
    bare.deploy({"counting.bpmn": with_start_variables(code, "given")}, actor="analyst:test")
    started = bare.start_instance("counting", actor=ACTOR, variables={"given": "1"})
    with pytest.raises(ScriptFailure) as refused:
        bare.complete_task(started.ready_tasks[0].id, {"given": "many"}, actor=ACTOR)
    assert refused.value.kind == "script-failure"
    assert bare.list_incidents(instance_id=started.id).total == 0


def test_an_analyst_marks_a_definition_fault_resolved_and_a_retry_is_refused(bare):
    bare.deploy({"checked_routing.bpmn": _checked_routing()}, actor="analyst:test")
    started = bare.start_instance("checked_routing", actor=ACTOR, variables={"kind": "health"})
    _met_fault(bare, started.id, started.ready_tasks[0].id)
    [incident] = bare.list_incidents(instance_id=started.id).items

    with pytest.raises(Conflict) as nothing_stopped:
        bare.retry_incident(incident.id, actor="admin:test")
    assert "mark it resolved" in str(nothing_stopped.value)

    resolved = bare.resolve_incident(incident.id, actor="analyst:maija")
    assert (resolved.resolved_by, resolved.resolved_at is not None) == ("analyst:maija", True)
    assert bare.list_incidents(instance_id=started.id).total == 0
    [event] = [e for e in bare.history(started.id) if e.kind == "incident_resolved"]
    assert (event.actor, event.data) == ("analyst:maija", {"incident": incident.id, "by": "marked"})
    with pytest.raises(Conflict):
        bare.resolve_incident(incident.id, actor="analyst:maija")
    assert bare.get_instance(started.id).status == "running"


def test_a_move_to_the_corrected_version_resolves_the_definition_fault(bare):
    bare.deploy({"checked_routing.bpmn": _checked_routing()}, actor="analyst:test")
    started = bare.start_instance("checked_routing", actor=ACTOR, variables={"kind": "health"})
    _met_fault(bare, started.id, started.ready_tasks[0].id)
    [incident] = bare.list_incidents(instance_id=started.id).items

    bare.deploy({"checked_routing.bpmn": _checked_routing(default_to_end=True)}, actor="analyst:test")
    outcome = bare.migrate_instances("checked_routing", 1, 2, actor="admin:test")
    assert outcome.migrated == [started.id], outcome
    resolved = bare.get_incident(incident.id)
    assert resolved.resolved_by == "admin:test"
    [event] = [e for e in bare.history(started.id) if e.kind == "incident_resolved"]
    assert event.data == {"incident": incident.id, "by": "version_change"}

    # On the corrected version the same data goes on by the default flow.
    [check] = bare.get_instance(started.id).ready_tasks
    moved = bare.complete_task(check.id, {"kind": "pharmacy"}, actor=ACTOR)
    assert [t.element_id for t in moved.ready_tasks] == ["Review"]
