"""Parties: the provider plays its lane from the business key, Kela from the diagram, the vendor once a task
names it; each party sees the instances it plays a lane of and does only its own lanes' work. On SQLite and
on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import DefinitionInvalid, Forbidden, NotFound

FOLDER = Path(__file__).parents[1] / "fixtures" / "parties"
PROVIDER, OTHER_PROVIDER, VENDOR, KELA = "0737546-2", "1234567-1", "2345678-0", "0246246-0"
PROCESS = "vendor_onboarding"


@pytest.fixture
def parties_engine(engine):
    files = {p.relative_to(FOLDER).as_posix(): p.read_bytes() for p in FOLDER.rglob("*") if p.is_file()}
    engine.deploy(files, actor="analyst:test")
    return engine


def start(engine, party=PROVIDER, **extra):
    return engine.start_instance(
        PROCESS, actor=f"integrator:{party}", business_key=party, party=party, **extra
    )


def with_vendor_named(engine):
    instance = start(engine)
    [task] = instance.ready_tasks
    return engine.complete_task(
        task.id, {"vendor_business_id": VENDOR}, actor="integrator:provider", party=PROVIDER
    )


def test_the_provider_and_kela_play_their_lanes_from_the_start_and_the_vendor_once_named(parties_engine):
    engine = parties_engine
    started = start(engine)
    assert started.parties == {"Service provider": PROVIDER, "Kela": KELA}
    named = with_vendor_named(engine)
    assert named.parties == {"Service provider": PROVIDER, "System vendor": VENDOR, "Kela": KELA}
    assert engine.get_instance(named.id, party=VENDOR).parties == named.parties
    bound = [(e.actor, e.data) for e in engine.history(named.id) if e.kind == "party_bound"]
    assert (f"integrator:{PROVIDER}", {"lane": "Service provider", "party": PROVIDER}) in bound
    assert ("integrator:provider", {"lane": "System vendor", "party": VENDOR}) in bound


def test_a_party_starts_only_its_own_onboardings(parties_engine):
    with pytest.raises(Forbidden, match="starts only its own onboardings"):
        parties_engine.start_instance(PROCESS, actor="i", business_key=OTHER_PROVIDER, party=PROVIDER)


def test_a_party_lists_and_reads_only_the_instances_it_plays_a_lane_of(parties_engine):
    engine = parties_engine
    mine = with_vendor_named(engine)
    theirs = start(engine, OTHER_PROVIDER)
    listed = {
        p: {i.id for i in engine.list_instances(party=p).items} for p in (PROVIDER, VENDOR, "9999999-9")
    }
    assert listed == {PROVIDER: {mine.id}, VENDOR: {mine.id}, "9999999-9": set()}
    assert engine.list_instances(party=PROVIDER).total == 1
    assert {i.id for i in engine.list_instances().items} == {mine.id, theirs.id}
    assert {i.id for i in engine.list_instances(party=KELA).items} == {mine.id, theirs.id}
    with pytest.raises(NotFound):
        engine.get_instance(theirs.id, party=PROVIDER)
    with pytest.raises(NotFound):
        engine.history(theirs.id, party=VENDOR)


def test_only_the_party_of_a_tasks_lane_completes_it(parties_engine):
    engine = parties_engine
    instance = with_vendor_named(engine)
    [task] = instance.ready_tasks
    assert task.lane == "System vendor"
    assert [t.id for t in engine.list_tasks(party=VENDOR).items] == [task.id]
    assert engine.list_tasks(party=PROVIDER).items == []
    assert engine.get_task(task.id, party=PROVIDER).id == task.id  # the provider sees its onboarding's task
    with pytest.raises(NotFound):
        engine.get_task(task.id, party=OTHER_PROVIDER)
    with pytest.raises(Forbidden, match='lane "System vendor"'):
        engine.complete_task(task.id, {"prepared": True}, actor="integrator:provider", party=PROVIDER)
    with pytest.raises(NotFound):
        engine.complete_task(task.id, {"prepared": True}, actor="integrator:other", party=OTHER_PROVIDER)
    done = engine.complete_task(task.id, {"prepared": True}, actor="integrator:vendor", party=VENDOR)
    assert done.ready_tasks == []
    with pytest.raises(NotFound):  # a completed task is not another party's to know of either
        engine.complete_task(task.id, {"prepared": True}, actor="integrator:other", party=OTHER_PROVIDER)


def test_a_partys_worker_fetches_only_its_own_lanes_service_tasks(parties_engine):
    engine = parties_engine
    instance = with_vendor_named(engine)
    [task] = instance.ready_tasks
    engine.complete_task(task.id, {"prepared": True}, actor="integrator:vendor", party=VENDOR)
    topics = [{"name": "system-check", "lock_duration_ms": 60_000}]
    assert engine.fetch_and_lock("w", topics, actor="integrator:provider", party=PROVIDER) == []
    [locked] = engine.fetch_and_lock("w", topics, actor="integrator:vendor", party=VENDOR)
    with pytest.raises(NotFound):
        engine.get_external_task(locked.id, party=OTHER_PROVIDER)
    with pytest.raises(Forbidden):
        engine.complete_external_task(locked.id, "w", actor="integrator:provider", party=PROVIDER)
    assert engine.list_external_tasks(party=OTHER_PROVIDER).items == []
    moved = engine.complete_external_task(locked.id, "w", actor="integrator:vendor", party=VENDOR)
    assert [m.name for m in moved.waiting_messages] == ["kela_decision"]


def test_kelas_decision_is_sent_by_kela_only(parties_engine):
    engine = parties_engine
    instance = with_vendor_named(engine)
    [task] = instance.ready_tasks
    engine.complete_task(task.id, {"prepared": True}, actor="integrator:vendor", party=VENDOR)
    topics = [{"name": "system-check", "lock_duration_ms": 60_000}]
    [locked] = engine.fetch_and_lock("w", topics, actor="integrator:vendor", party=VENDOR)
    engine.complete_external_task(locked.id, "w", actor="integrator:vendor", party=VENDOR)
    decision = {"decision": "approved"}
    with pytest.raises(Forbidden, match='lane "Kela"'):
        engine.deliver_message(
            "kela_decision", actor="i", business_key=PROVIDER, payload=decision, party=PROVIDER
        )
    with pytest.raises(NotFound):
        engine.deliver_message(
            "kela_decision", actor="i", business_key=PROVIDER, payload=decision, party=OTHER_PROVIDER
        )
    delivered = engine.deliver_message(
        "kela_decision", actor="integrator:kela", business_key=PROVIDER, payload=decision, party=KELA
    )
    assert [t.element_id for t in delivered.ready_tasks] == ["Task_report"]


def test_only_the_provider_cancels(parties_engine):
    engine = parties_engine
    instance = with_vendor_named(engine)
    with pytest.raises(NotFound):
        engine.cancel_instance(instance.id, actor="i", party=OTHER_PROVIDER)
    with pytest.raises(Forbidden, match="only the provider"):
        engine.cancel_instance(instance.id, actor="integrator:vendor", party=VENDOR)
    assert engine.cancel_instance(instance.id, actor="integrator:p", party=PROVIDER).status == "cancelled"


def test_idempotency_keys_are_each_partys_own(parties_engine):
    engine = parties_engine
    first = start(engine, idempotency_key="start-1")
    again = start(engine, idempotency_key="start-1")
    theirs = start(engine, OTHER_PROVIDER, idempotency_key="start-1")
    assert first.id == again.id != theirs.id


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("from:vendor_id", 'the form field "vendor_id", which no user task\'s form in this diagram has'),
        ("", "has an empty party entry: write business-key, from:<form field> or the party's Y-tunnus"),
    ],
)
def test_a_lane_whose_party_entry_can_not_be_run_is_refused_at_deploy(engine, entry, said):
    diagram = (FOLDER / "vendor_onboarding.bpmn").read_text().replace("from:vendor_business_id", entry)
    files = {"vendor_onboarding.bpmn": diagram.encode(), **_messages()}
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(files, actor="analyst:test")
    [problem] = refused.value.problems
    line = next(n for n, text in enumerate(diagram.splitlines(), 1) if 'id="Lane_vendor"' in text)
    assert (problem.file, problem.line, problem.element_id) == ("vendor_onboarding.bpmn", line, "Lane_vendor")
    assert said in problem.message


def test_a_lane_of_one_name_is_played_alike_in_every_diagram(engine):
    diagram = (FOLDER / "vendor_onboarding.bpmn").read_text()
    other = diagram.replace("vendor_onboarding", "vendor_onboarding_copy").replace('"0246246-0"', '"kela"')
    files = {"a.bpmn": diagram.encode(), "b.bpmn": other.encode(), **_messages()}
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy(files, actor="analyst:test")
    said = 'lane "Kela" is played by "kela" here and by "0246246-0" in a.bpmn'
    found = [(p.file, p.element_id) for p in refused.value.problems if said in p.message]
    assert found == [("b.bpmn", "Lane_kela")]


def _messages() -> dict[str, bytes]:
    """The files beside the diagram: its forms and its message's contract."""
    return {p.relative_to(FOLDER).as_posix(): p.read_bytes() for p in FOLDER.rglob("*.json")}
