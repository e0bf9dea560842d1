"""A process whose start message's contract declares ``"x-one-instance-per"`` runs once per business key
and the values of those payload fields: the county's own process (``county_registry_use_right``) is
started under the producer's business key once per wellbeing services county it produces for, and a
second start for the same county is refused, from outside (409 already-running naming the running
instance and the county) and when thrown (the thrower's message-undelivered, naming them too). A
contract without the declaration starts one per business key, as before. Each start holds the business
key, so starts at the same moment are settled as one after another."""

from __future__ import annotations

import json

import pytest

from engine import Engine, InstanceView, ScriptFailure
from engine.problems import AlreadyRunning
from tests.integration.catalogue import CATALOGUE
from tests.integration.test_concurrency import _race

PRODUCER = "2345678-0"  # a care home producing for wellbeing services counties: the business key
COUNTY_A, COUNTY_B = "6060606-3", "1572860-0"
IN_USE = "social_welfare_repository_in_use_for_county"
COUNTY_PROCESS = "county_registry_use_right"
CONTRACT = f"messages/{IN_USE}.json"
NAMESPACES = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'


def thrower(process_id: str, message: str) -> bytes:
    """A process that throws ``message`` (with the variables its contract declares) and ends."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NAMESPACES} id="D_{process_id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="{process_id}" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:intermediateThrowEvent id="Throw_in_use"><bpmn:messageEventDefinition messageRef="M" />
    </bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Throw_in_use" />
    <bpmn:sequenceFlow id="F2" sourceRef="Throw_in_use" targetRef="Finish" />
  </bpmn:process>
  <bpmn:message id="M" name="{message}" />
</bpmn:definitions>
""".encode()


def receiver(process_id: str, message: str) -> bytes:
    """A process that its message ``message`` starts, and that waits at a task."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NAMESPACES} id="D_{process_id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="{process_id}" isExecutable="true">
    <bpmn:startEvent id="Start_noted"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
    <bpmn:userTask id="Task_check" />
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start_noted" targetRef="Task_check" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_check" targetRef="Finish" />
  </bpmn:process>
  <bpmn:message id="M" name="{message}" />
</bpmn:definitions>
""".encode()


def contract(declared: list[str] | None) -> bytes:
    """A contract of a message carrying a county, correlated by business key, with ``declared`` as its
    ``x-one-instance-per`` (None: without it)."""
    schema = {
        "type": "object",
        "x-correlation": {"by": "business_key"},
        "properties": {"county_business_id": {"type": "string"}},
        "required": ["county_business_id"],
    }
    if declared is not None:
        schema["x-one-instance-per"] = declared
    return json.dumps(schema).encode()


@pytest.fixture
def engine(database_url, clock):
    running = Engine(database_url, clock_source=clock)
    running.deploy_folder(CATALOGUE, actor="analyst:test")
    yield running
    running.close()


def in_use(engine: Engine, county: str) -> InstanceView:
    """The producer's message from outside that its repository is in use for ``county``."""
    return engine.deliver_message(
        IN_USE,
        actor="integrator:provider",
        business_key=PRODUCER,
        payload={"county_business_id": county, "registry_use_right_supported": True},
    )


def county_processes(engine: Engine, status=None) -> dict[str, str]:
    """{instance id: county} of the producer's county processes."""
    found = engine.list_instances(process_key=COUNTY_PROCESS, business_key=PRODUCER, status=status).items
    return {i.id: engine.get_instance(i.id).variables["county_business_id"] for i in found}


def test_the_catalogue_declares_the_county_as_what_makes_a_county_process_distinct():
    declared = json.loads((CATALOGUE / CONTRACT).read_text(encoding="utf-8"))
    assert declared["x-one-instance-per"] == ["county_business_id"]
    assert set(declared["x-one-instance-per"]) <= set(declared["properties"])


def test_a_producer_for_two_counties_gets_a_county_process_for_each(engine):
    first = in_use(engine, COUNTY_A)
    assert (first.message_outcome, first.business_key) == ("started", PRODUCER)
    assert county_processes(engine) == {first.id: COUNTY_A}

    second = in_use(engine, COUNTY_B)

    assert (second.message_outcome, second.business_key) == ("started", PRODUCER)
    assert second.id != first.id
    assert county_processes(engine) == {first.id: COUNTY_A, second.id: COUNTY_B}
    # each opens its own county's readiness, and beside it the producer's agreement with that county
    for started in (first, second):
        assert sorted(t.element_id for t in engine.get_instance(started.id).ready_tasks) == [
            "Task_deliver_documents",
            "Task_organiser_readiness",
        ]


def test_the_same_county_twice_is_refused_naming_the_running_instance_and_the_county(engine):
    first = in_use(engine, COUNTY_A)
    other = in_use(engine, COUNTY_B)

    with pytest.raises(AlreadyRunning) as refused:
        in_use(engine, COUNTY_A)

    running = refused.value
    assert running.kind == "already-running"
    assert [r["instance_id"] for r in running.running] == [first.id]
    assert running.values["instance_id"] == first.id
    assert running.values["one_instance_per"] == {"county_business_id": COUNTY_A}
    assert running.values["business_key"] == PRODUCER
    assert first.id in running.detail and COUNTY_A in running.detail
    assert county_processes(engine) == {first.id: COUNTY_A, other.id: COUNTY_B}


def test_a_county_process_that_has_ended_lets_the_same_county_start_again(engine):
    first = in_use(engine, COUNTY_A)
    engine.cancel_instance(first.id, actor="operator:test")
    assert county_processes(engine, status="running") == {}

    again = in_use(engine, COUNTY_A)

    assert again.id != first.id
    assert county_processes(engine, status="running") == {again.id: COUNTY_A}


def test_a_thrown_message_starts_a_county_process_per_county_and_refuses_the_same_county(engine):
    engine.deploy(
        {
            "county_notice.bpmn": thrower("county_notice", IN_USE),
            CONTRACT: (CATALOGUE / CONTRACT).read_bytes(),
        },
        actor="analyst:test",
    )

    def throw(county: str) -> InstanceView:
        return engine.start_instance(
            "county_notice",
            actor="integrator:provider",
            business_key=PRODUCER,
            variables={"county_business_id": county, "registry_use_right_supported": True},
        )

    assert throw(COUNTY_A).status == "completed"
    assert throw(COUNTY_B).status == "completed"
    processes = county_processes(engine)
    assert sorted(processes.values()) == sorted([COUNTY_A, COUNTY_B])
    [for_a] = [i for i, county in processes.items() if county == COUNTY_A]

    # The thrower sees its throw refused, at its own element, naming the running instance and the county;
    # nothing of it is stored.
    with pytest.raises(ScriptFailure) as undelivered:
        throw(COUNTY_A)

    refused = undelivered.value
    assert (refused.kind, refused.element_id) == ("message-undelivered", "Throw_in_use")
    assert for_a in refused.message and repr(COUNTY_A) in refused.message
    assert county_processes(engine) == processes
    assert len(engine.list_instances(process_key="county_notice").items) == 2


def test_without_the_declaration_a_message_starts_one_per_business_key_as_before(engine):
    engine.deploy(
        {
            "notice.bpmn": thrower("notice", "noted"),
            "noted_register.bpmn": receiver("noted_register", "noted"),
            "messages/noted.json": contract(None),
        },
        actor="analyst:test",
    )
    first = engine.start_instance(
        "notice", actor="integrator:test", business_key=PRODUCER, variables={"county_business_id": COUNTY_A}
    )
    assert first.status == "completed"
    [started] = engine.list_instances(process_key="noted_register", business_key=PRODUCER).items

    # another county, all the same: one per business key, thrown and from outside
    with pytest.raises(ScriptFailure) as undelivered:
        engine.start_instance(
            "notice",
            actor="integrator:test",
            business_key=PRODUCER,
            variables={"county_business_id": COUNTY_B},
        )
    assert undelivered.value.kind == "message-undelivered" and started.id in undelivered.value.message
    with pytest.raises(AlreadyRunning) as refused:
        engine.deliver_message(
            "noted", actor="integrator:test", business_key=PRODUCER, payload={"county_business_id": COUNTY_B}
        )
    assert refused.value.running[0]["instance_id"] == started.id
    assert "one_instance_per" not in refused.value.values
    assert [i.id for i in engine.list_instances(process_key="noted_register").items] == [started.id]


def test_a_version_deployed_with_the_declaration_starts_per_county_from_then_on(engine):
    files = {"noted_register.bpmn": receiver("noted_register", "noted")}
    engine.deploy({**files, "messages/noted.json": contract(None)}, actor="analyst:test")

    def noted(county: str) -> InstanceView:
        return engine.deliver_message(
            "noted", actor="integrator:test", business_key=PRODUCER, payload={"county_business_id": county}
        )

    first = noted(COUNTY_A)
    with pytest.raises(AlreadyRunning):
        noted(COUNTY_B)

    engine.deploy({**files, "messages/noted.json": contract(["county_business_id"])}, actor="analyst:test")
    second = noted(COUNTY_B)

    assert second.definition_version == first.definition_version + 1
    with pytest.raises(AlreadyRunning) as refused:
        noted(COUNTY_A)
    assert refused.value.running[0]["instance_id"] == first.id


def test_messages_at_the_same_moment_start_one_per_county(engine, database_url, clock):
    counties = [COUNTY_A, COUNTY_A, COUNTY_B, COUNTY_B]
    outcomes = _race(database_url, clock, [lambda e, county=county: in_use(e, county) for county in counties])

    started = [o for o in outcomes if isinstance(o, InstanceView)]
    refused = [o for o in outcomes if isinstance(o, AlreadyRunning)]
    assert len(started) == 2 and len(refused) == 2, outcomes
    assert county_processes(engine) == {
        s.id: engine.get_instance(s.id).variables["county_business_id"] for s in started
    }
    assert sorted(county_processes(engine).values()) == sorted([COUNTY_A, COUNTY_B])
    assert {r.running[0]["instance_id"] for r in refused} == {s.id for s in started}
