"""A parallel or inclusive join keeps every branch's writes, as the process's one scope of variables does
in Camunda (engine/bpmn/joins.py): a branch that did not write a variable does not undo another's write,
and a variable written on two branches takes the later write. The instances are stored between every
step, as between any two calls."""

from __future__ import annotations

import pytest
from lxml import etree

from engine.bpmn import Serializer
from engine.bpmn.joins import BranchMergingInclusiveGateway, BranchMergingParallelGateway
from engine.bpmn.parser import DiagramParser
from tests.conftest import engine_per_module
from tests.integration.test_constructs import BEGIN_WITH_SIZE, Case, flows, user

clock, engine = engine_per_module("joins")


def branches(gateway: str = "parallelGateway", on_a: str = "", on_b: str = "") -> str:
    """Begin → split → branch A (``Branch_a``, then ``on_a``'s elements) and branch B (``Branch_b``, then
    ``on_b``'s) → join → the user task "After". ``on_a``/``on_b``: (element XML, its ids in order)."""
    a_body, a_ids = on_a or ("", ())
    b_body, b_ids = on_b or ("", ())
    if gateway == "inclusiveGateway":  # both branches taken
        condition = '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">True'
        conditions = "".join(
            f'<bpmn:sequenceFlow id="To_{side}" sourceRef="Split" targetRef="Branch_{side}">'
            f"{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>"
            for side in "ab"
        )
    else:
        conditions = flows("Split", "Branch_a") + flows("Split", "Branch_b")
    return (
        BEGIN_WITH_SIZE
        + f'<bpmn:{gateway} id="Split" /><bpmn:{gateway} id="Join" />'
        + user("Branch_a")
        + user("Branch_b")
        + a_body
        + b_body
        + user("After")
        + '<bpmn:endEvent id="Finish" />'
        + flows("Begin", "Split")
        + conditions
        + flows("Branch_a", *a_ids, "Join")
        + flows("Branch_b", *b_ids, "Join")
        + flows("Join", "After", "Finish")
    )


def variables(case: Case) -> dict:
    return case.engine.get_instance(case.instance.id).variables


BOTH = ("running", ["Branch_a", "Branch_b"], [], [])
AFTER = ("running", ["After"], [], [])


@pytest.mark.parametrize("gateway", ["parallelGateway", "inclusiveGateway"])
def test_a_write_on_one_branch_is_kept_when_a_branch_that_did_not_write_arrives_later(engine, clock, gateway):
    case = Case(engine, clock, branches(gateway))
    assert case.start(size=1, decision="open") == BOTH
    assert case.complete("Branch_a", decision="approved") == ("running", ["Branch_b"], [], [])
    assert variables(case)["decision"] == "open"  # branch A's write is its own until the join
    assert case.complete("Branch_b", note="seen") == AFTER
    merged = variables(case)
    assert merged["decision"] == "approved"  # SpiffWorkflow alone gave "open": branch B's stale copy
    assert merged["note"] == "seen"
    assert merged["size"] == 1


@pytest.mark.parametrize("first, second", [("Branch_a", "Branch_b"), ("Branch_b", "Branch_a")])
def test_a_variable_written_on_both_branches_takes_the_later_write(engine, clock, first, second):
    case = Case(engine, clock, branches())
    assert case.start(size=1, decision="open") == BOTH
    assert case.complete(first, decision=f"by {first}")[1] == [second]
    assert case.complete(second, decision=f"by {second}") == AFTER
    assert variables(case)["decision"] == f"by {second}"


def test_the_later_write_wins_though_its_branch_arrived_first(engine, clock):
    """Branch A writes, then waits at a check of its own; branch B writes later and reaches the join first:
    B's write is the later one, and A arriving after it does not undo it."""
    check = (user("Check_a"), ("Check_a",))
    case = Case(engine, clock, branches(on_a=check))
    assert case.start(size=1, decision="open") == BOTH
    assert case.complete("Branch_a", decision="by A") == ("running", ["Branch_b", "Check_a"], [], [])
    assert case.complete("Branch_b", decision="by B") == ("running", ["Check_a"], [], [])
    assert case.complete("Check_a") == AFTER
    assert variables(case)["decision"] == "by B"


def test_a_variable_deleted_on_a_branch_is_gone_after_the_join(engine, clock):
    """A deletion is a write of "no value": the variable is gone for every branch, as removing a variable
    is in Camunda, unless another branch wrote it later."""
    forget = (
        '<bpmn:scriptTask id="Forget" scriptFormat="python"><bpmn:script>del decision</bpmn:script>'
        "</bpmn:scriptTask>",
        ("Forget",),
    )
    case = Case(engine, clock, branches(on_a=forget))
    assert case.start(size=1, decision="open") == BOTH
    assert case.complete("Branch_a") == ("running", ["Branch_b"], [], [])
    assert case.complete("Branch_b", note="seen") == AFTER
    merged = variables(case)
    assert "decision" not in merged
    assert merged["note"] == "seen"


def test_a_join_is_stored_under_spiffworkflows_own_type_name_and_loads_as_the_merging_join():
    """Specs stored before this merge name SpiffWorkflow's classes: they load as the merging joins, and a
    spec stored now reads the same (its content hash unchanged)."""
    case = Case(None, None, branches("parallelGateway"))  # its diagram only: nothing is deployed
    parser = DiagramParser()
    parser.add_bpmn_xml(etree.fromstring(case.source), filename="case.bpmn")
    serializer = Serializer()
    spec = parser.get_spec(case.key)
    assert isinstance(spec.task_specs["Join"], BranchMergingParallelGateway)
    text = serializer.dump_spec(spec, {})
    assert '"typename": "ParallelGateway"' in text
    assert "BranchMerging" not in text
    loaded, _ = serializer.load_spec(text)
    assert isinstance(loaded.task_specs["Join"], BranchMergingParallelGateway)
    inclusive = Case(None, None, branches("inclusiveGateway"))
    parser.add_bpmn_xml(etree.fromstring(inclusive.source), filename="inclusive.bpmn")
    text = serializer.dump_spec(parser.get_spec(inclusive.key), {})
    assert '"typename": "InclusiveGateway"' in text
    loaded, _ = serializer.load_spec(text)
    assert isinstance(loaded.task_specs["Join"], BranchMergingInclusiveGateway)


def test_a_join_in_a_loop_takes_each_round_from_its_own_split(engine, clock):
    """A loop back before the split: the second round's join waits for both of the second round's branches
    (SpiffWorkflow alone let the first round's arrival stand in for one) and merges them onto the data at
    the second split."""
    again = (
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">rounds &lt; 2</bpmn:conditionExpression>'
    )
    body = (
        BEGIN_WITH_SIZE
        + '<bpmn:exclusiveGateway id="Round" /><bpmn:parallelGateway id="Split" />'
        + '<bpmn:parallelGateway id="Join" />'
        + user("Branch_a")
        + user("Branch_b")
        + '<bpmn:scriptTask id="Count" scriptFormat="python"><bpmn:script>rounds = rounds + 1</bpmn:script>'
        + "</bpmn:scriptTask>"
        + '<bpmn:exclusiveGateway id="Again" default="Flow_Again_After" />'
        + user("After")
        + '<bpmn:endEvent id="Finish" />'
        + flows("Begin", "Round", "Split", "Branch_a", "Join", "Count", "Again")
        + flows("Split", "Branch_b", "Join")
        + f'<bpmn:sequenceFlow id="Flow_Again_Round" sourceRef="Again" targetRef="Round">{again}'
        + "</bpmn:sequenceFlow>"
        + flows("Again", "After", "Finish")
    )
    case = Case(engine, clock, body)
    assert case.start(size=1, decision="open", rounds=0) == BOTH
    assert case.complete("Branch_a", decision="first") == ("running", ["Branch_b"], [], [])
    assert case.complete("Branch_b") == BOTH  # the second round
    assert (variables(case)["decision"], variables(case)["rounds"]) == ("first", 1)
    assert case.complete("Branch_b", decision="second") == ("running", ["Branch_a"], [], [])
    assert case.complete("Branch_a") == AFTER
    assert (variables(case)["decision"], variables(case)["rounds"]) == ("second", 2)
