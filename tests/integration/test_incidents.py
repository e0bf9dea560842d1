"""A timer's failure opens an incident: the instance stays at its wait state, the operator corrects its
variables and retries, and it goes on; every step audited with its actor."""

from __future__ import annotations

from datetime import timedelta

import pytest

from engine import Conflict, InvalidData, NotFound
from tests.integration.test_limits import ACTOR, diagram, script, timer, with_start_variables

ADMIN = "admin:operator"


@pytest.fixture
def stopped(engine, clock):
    """An instance whose timer fired a script that needs a variable nobody set."""
    nodes = timer("Timer_day", "P1D") + script("Script_fee", "fee = base * 2")
    nodes += '<bpmn:manualTask id="Task_look" name="Look" />\n'
    flows = [
        ("StartEvent", "Timer_day", ""),
        ("Timer_day", "Script_fee", ""),
        ("Script_fee", "Task_look", ""),
        ("Task_look", "EndEvent", ""),
    ]
    # "base" is said to come with the start, which it does not here: the diagram deploys, the timer fails
    engine.deploy(
        {"fees.bpmn": with_start_variables(diagram("fees", nodes, flows), "base")}, actor="analyst:test"
    )
    started = engine.start_instance("fees", actor=ACTOR, business_key="1234567-1")
    clock.advance(timedelta(days=1))
    assert engine.fire_due_timers() == [started.id]
    return engine.get_instance(started.id)


def test_a_failing_timer_opens_an_incident_and_the_instance_waits_where_it_was(engine, stopped):
    assert stopped.status == "error"
    assert (stopped.ready_tasks, stopped.pending_timers) == ([], [])
    [incident] = engine.list_incidents().items
    assert (incident.instance_id, incident.element_id, incident.failures) == (stopped.id, "Script_fee", 1)
    assert "base" in incident.message and incident.resolved_at is None
    assert engine.fire_due_timers() == []  # nothing fires on its own while the incident is open


def test_a_retry_that_fails_again_counts_on_the_same_incident(engine, stopped):
    [incident] = engine.list_incidents().items
    again = engine.retry_incident(incident.id, actor=ADMIN)
    assert again.status == "error"
    [same] = engine.list_incidents().items
    assert (same.id, same.failures) == (incident.id, 2)


def test_corrected_variables_and_a_retry_take_the_instance_on(engine, stopped, clock):
    [incident] = engine.list_incidents().items
    fixed = engine.change_variables(stopped.id, values={"base": 10}, actor=ADMIN)
    assert (fixed.status, fixed.variables["base"]) == ("error", 10)

    clock.advance(timedelta(hours=1))
    going = engine.retry_incident(incident.id, actor=ADMIN)
    assert going.status == "running" and going.error is None
    assert [t.element_id for t in going.ready_tasks] == ["Task_look"]
    assert going.variables["fee"] == 20
    assert engine.list_incidents().total == 0
    resolved = engine.get_incident(incident.id)
    assert (resolved.resolved_by, resolved.resolved_at) == (ADMIN, clock.now())

    history = engine.history(stopped.id)
    changed = next(e for e in history if e.kind == "variables_changed")
    assert (changed.actor, changed.data) == (ADMIN, {"old": {"base": None}, "new": {"base": 10}})
    assert [e.kind for e in history if e.kind.startswith("incident")] == ["incident_retried"]
    with pytest.raises(Conflict, match="resolved"):
        engine.retry_incident(incident.id, actor=ADMIN)


def test_variables_are_removed_and_refused_when_they_can_not_change(engine, stopped):
    with pytest.raises(InvalidData):
        engine.change_variables(stopped.id, values={"base": 1}, removed=["base"], actor=ADMIN)
    engine.change_variables(stopped.id, values={"note": "x"}, actor=ADMIN)
    gone = engine.change_variables(stopped.id, removed=["note"], actor=ADMIN)
    assert "note" not in gone.variables
    with pytest.raises(NotFound):
        engine.retry_incident(999_999, actor=ADMIN)
