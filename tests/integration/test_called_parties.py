"""A call activity that names on whose behalf its process runs (its ``party`` entry, ``from:<variable>`` of
an In mapping's target): the called process's provider lane is played by that party — a new joiner does its
own joining inside another organisation's change —, each binding audited with who caused it; an entry the
engine can not honour is refused at deploy, naming the file, element and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import DefinitionInvalid, Forbidden, NotFound

FOLDER = Path(__file__).parents[1] / "fixtures" / "called_party"
PROVIDER, JOINER, OUTSIDER = "2468230-9", "1572860-0", "1234567-1"
CALLED_LANE = "Service provider @change/Call_joining"


def files(change: str | None = None, joining: str | None = None) -> dict[str, bytes]:
    return {
        "change.bpmn": (change or (FOLDER / "change.bpmn").read_text()).encode(),
        "joining.bpmn": (joining or (FOLDER / "joining.bpmn").read_text()).encode(),
    }


@pytest.fixture
def joining_started(engine):
    engine.deploy(files(), actor="analyst:test")
    started = engine.start_instance(
        "change", actor="integrator:provider", business_key=PROVIDER, party=PROVIDER
    )
    [name] = started.ready_tasks
    return engine, engine.complete_task(
        name.id, {"joiner_business_id": JOINER}, actor="integrator:provider", party=PROVIDER
    )


def test_the_called_process_runs_on_behalf_of_the_party_its_in_mappings_name(joining_started):
    engine, instance = joining_started
    assert instance.parties == {"Service provider": PROVIDER, "Kela": "kela", CALLED_LANE: JOINER}
    [apply] = instance.ready_tasks
    assert (apply.element_id, apply.lane) == ("Task_apply", CALLED_LANE)
    bound = [(e.actor, e.data) for e in engine.history(instance.id) if e.kind == "party_bound"]
    assert ("integrator:provider", {"lane": CALLED_LANE, "party": JOINER}) in bound  # who caused it


def test_the_party_is_found_whatever_the_called_processs_start_event_is_named(engine):
    joining = (FOLDER / "joining.bpmn").read_text()
    renamed = joining.replace("Start_joining", "Liittyminen_alkaa").replace("Joining started", "Alkaa")
    assert renamed.count("Liittyminen_alkaa") >= 2  # the event and the flow leaving it
    engine.deploy(files(joining=renamed), actor="analyst:test")
    started = engine.start_instance(
        "change", actor="integrator:provider", business_key=PROVIDER, party=PROVIDER
    )
    [name] = started.ready_tasks
    called = engine.complete_task(
        name.id, {"joiner_business_id": JOINER}, actor="integrator:provider", party=PROVIDER
    )
    assert called.parties[CALLED_LANE] == JOINER
    [apply] = called.ready_tasks
    assert [t.id for t in engine.list_tasks(party=JOINER).items] == [apply.id]


def test_only_the_new_joiner_does_its_joinings_tasks_and_the_caller_keeps_its_own(joining_started):
    engine, instance = joining_started
    [apply] = instance.ready_tasks
    assert [t.id for t in engine.list_tasks(party=JOINER).items] == [apply.id]
    assert engine.list_tasks(party=PROVIDER).items == []
    assert engine.get_instance(instance.id, party=JOINER).id == instance.id  # the joiner sees its joining
    with pytest.raises(NotFound):
        engine.get_instance(instance.id, party=OUTSIDER)
    with pytest.raises(Forbidden, match=f'lane "{CALLED_LANE}"'):
        engine.complete_task(apply.id, {"applied": True}, actor="integrator:provider", party=PROVIDER)
    applied = engine.complete_task(apply.id, {"applied": True}, actor="integrator:joiner", party=JOINER)
    [accept] = applied.ready_tasks
    assert accept.lane == "Kela"  # the called process's other lanes are played as everywhere
    with pytest.raises(Forbidden):
        engine.complete_task(accept.id, {"accepted": True}, actor="integrator:joiner", party=JOINER)
    accepted = engine.complete_task(accept.id, {"accepted": True}, actor="integrator:kela", party="kela")
    [close] = accepted.ready_tasks
    assert (close.element_id, close.lane) == ("Task_close", "Service provider")
    with pytest.raises(Forbidden):
        engine.complete_task(close.id, {"closed": True}, actor="integrator:joiner", party=JOINER)
    done = engine.complete_task(close.id, {"closed": True}, actor="integrator:provider", party=PROVIDER)
    assert done.status == "completed"


def test_a_lane_filter_finds_the_lane_of_that_name_played_for_a_called_process(joining_started):
    engine, instance = joining_started
    [apply] = instance.ready_tasks
    assert [t.id for t in engine.list_tasks(lane="Service provider").items] == [apply.id]
    assert [t.id for t in engine.list_tasks(lane=CALLED_LANE).items] == [apply.id]
    assert engine.list_tasks(lane="Kela").items == []
    assert [i.id for i in engine.list_instances(lane="Service provider").items] == [instance.id]
    assert engine.list_instances(lane="Service").items == []  # a lane's whole name, not a part of it


ENTRY = '<camunda:property name="party" value="from:business_id" />'


@pytest.mark.parametrize(
    ("change", "joining", "said"),
    [
        (
            ENTRY.replace("from:business_id", "business-key"),
            None,
            'has the party entry "business-key": write from:<variable>',
        ),
        (
            ENTRY.replace("from:business_id", "from:joiner_id"),
            None,
            'on behalf of the party in "joiner_id", which none of its In mappings gives the called process '
            "(their targets: business_id)",
        ),
        (
            ENTRY,
            ("business-key", "1572860-0"),
            'the process it calls, "joining", has no lane played by business-key',
        ),
    ],
)
def test_a_call_activitys_party_entry_the_engine_can_not_honour_is_refused_at_deploy(
    engine, change, joining, said
):
    diagram = (FOLDER / "change.bpmn").read_text().replace(ENTRY, change)
    called = (FOLDER / "joining.bpmn").read_text()
    if joining is not None:
        called = called.replace(*joining)
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(files(diagram, called), actor="analyst:test")
    [problem] = [p for p in refused.value.problems if p.element_id == "Call_joining"]
    line = next(n for n, text in enumerate(diagram.splitlines(), 1) if 'id="Call_joining"' in text)
    assert (problem.file, problem.line) == ("change.bpmn", line)
    assert said in problem.message
