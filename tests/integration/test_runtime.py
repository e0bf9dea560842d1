"""Every service function of the engine, on SQLite and on PostgreSQL, checking where the instance stands."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from engine import Engine, read_folder
from engine.problems import Conflict, InvalidData, NotFound, ScriptFailure
from tests.conftest import PROCESSES

ANALYST, PROVIDER, KELA = "analyst:test", "integrator:provider", "integrator:kela"


def only_task(instance):
    assert len(instance.ready_tasks) == 1, instance.ready_tasks
    return instance.ready_tasks[0]


def element_ids(tasks):
    return sorted(t.element_id for t in tasks)


def test_deploy_lists_every_process_of_the_catalogue(engine):
    keys = [d.process_key for d in engine.list_definitions()]
    assert keys == sorted(
        [
            "joining_main",
            "joining_sub",
            "kela_application",
            "obligation_check",
            "failing_check",
            "parallel_preparation",
            "report_deadline",
            "simple_onboarding",
            "ten_tasks",
        ]
    )
    simple = engine.get_definition("simple_onboarding")
    assert simple.version == 1 and len(simple.content_hash) == 64
    assert "Task_fill_customer_data" in engine.definition_source("simple_onboarding")


def test_redeploying_unchanged_files_makes_no_new_version(engine):
    result = engine.deploy_folder(PROCESSES, actor=ANALYST)
    assert result.deployed == []
    assert {d.process_key for d in result.unchanged} >= {"simple_onboarding", "ten_tasks"}


def test_a_changed_file_becomes_a_new_version_and_running_instances_stay_on_theirs(engine):
    first = engine.start_instance("simple_onboarding", actor=PROVIDER, business_key="1234567-1")
    files = _catalogue_files()
    renamed = files["simple_onboarding.bpmn"].replace(
        b'name="Approve the customer"', b'name="Approve the joining"'
    )
    assert renamed != files["simple_onboarding.bpmn"]
    result = engine.deploy({**files, "simple_onboarding.bpmn": renamed}, actor=ANALYST)
    assert [(d.process_key, d.version) for d in result.deployed] == [("simple_onboarding", 2)]
    assert "simple_onboarding" not in {d.process_key for d in result.unchanged}
    second = engine.start_instance("simple_onboarding", actor=PROVIDER)
    assert (first.definition_version, second.definition_version) == (1, 2)
    assert (
        engine.get_definition("simple_onboarding", version=1).content_hash != result.deployed[0].content_hash
    )
    assert "Approve the customer" in engine.definition_source("simple_onboarding", version=1)
    assert "Approve the joining" in engine.definition_source("simple_onboarding")
    # The old instance keeps running on version 1 to its end; the new one runs version 2.
    data = {"business_id": "1234567-1", "organisation_name": "Oy"}
    old = engine.complete_task(only_task(first).id, data, actor=PROVIDER)
    new = engine.complete_task(only_task(second).id, data, actor=PROVIDER)
    assert (old.definition_version, only_task(old).name) == (1, "Approve the customer")
    assert (new.definition_version, only_task(new).name) == (2, "Approve the joining")


def test_a_start_reads_the_latest_version_without_its_contents(engine):
    from engine.store.queries import DEFINITION_CONTENTS, Store

    files = _catalogue_files()
    renamed = files["simple_onboarding.bpmn"].replace(b'name="Approve the customer"', b'name="Approve it"')
    engine.deploy({**files, "simple_onboarding.bpmn": renamed}, actor=ANALYST)
    with engine.db.connect() as connection:
        store = Store(connection)
        head = store.latest_definition_head("simple_onboarding")
        whole = store.definition_version("simple_onboarding", None)
        assert store.latest_definition_head("no_such_process") is None
    assert (head.version, whole.version) == (2, 2)
    assert set(whole._mapping) >= DEFINITION_CONTENTS and not DEFINITION_CONTENTS & set(head._mapping)
    assert dict(head._mapping) == {k: v for k, v in whole._mapping.items() if k not in DEFINITION_CONTENTS}
    with pytest.raises(NotFound):
        engine.start_instance("no_such_process", actor=PROVIDER)


def _catalogue_files():
    return read_folder(PROCESSES)


def test_a_simple_onboarding_runs_from_start_to_end(engine):
    started = engine.start_instance(
        "simple_onboarding", actor=PROVIDER, business_key="1234567-1", variables={"channel": "extranet"}
    )
    assert started.status == "running"
    assert started.variables == {"channel": "extranet"}
    task = only_task(started)
    assert (task.element_id, task.lane) == ("Task_fill_customer_data", "Service provider")

    detail = engine.get_task(task.id)
    assert detail.form["required"] == ["business_id", "organisation_name"]
    assert detail.data == {"channel": "extranet"}
    assert detail.documentation

    after_first = engine.complete_task(
        task.id, {"business_id": "1234567-1", "organisation_name": "Hoivakoti Oy"}, actor=PROVIDER
    )
    assert after_first.status == "running"
    approve = only_task(after_first)
    assert (approve.element_id, approve.lane) == ("Task_approve", "Kela")
    assert after_first.variables["organisation_name"] == "Hoivakoti Oy"

    done = engine.complete_task(approve.id, {"approved": True}, actor=KELA)
    assert done.status == "completed" and done.ended_at is not None
    assert done.ready_tasks == []
    assert done.variables["approved"] is True

    history = engine.history(done.id)
    kinds = [(e.kind, e.element_id, e.actor) for e in history]
    assert kinds[0] == ("instance_started", None, PROVIDER)
    assert ("task_completed", "Task_fill_customer_data", PROVIDER) in kinds
    assert ("task_completed", "Task_approve", KELA) in kinds
    assert kinds[-1] == ("instance_completed", None, KELA)
    completed_elements = [e.element_id for e in history if e.kind == "element_completed"]
    assert completed_elements[0].startswith("Start") or "Task_fill_customer_data" in completed_elements
    assert "End_done" in completed_elements
    written = next(e for e in history if e.kind == "task_completed" and e.element_id == "Task_approve")
    assert written.data == {"approved": True}


def test_task_data_is_checked_against_the_form_and_nothing_changes_when_refused(engine):
    started = engine.start_instance("simple_onboarding", actor=PROVIDER)
    task = only_task(started)
    with pytest.raises(InvalidData) as refused:
        engine.complete_task(task.id, {"business_id": "123", "extra": 1}, actor=PROVIDER)
    fields = {e.field for e in refused.value.errors}
    assert fields == {"/data/business_id", "/data/organisation_name", "/data/extra"}
    with pytest.raises(InvalidData):
        engine.complete_task(task.id, {"business_id": "1234567-2", "organisation_name": "x"}, actor=PROVIDER)
    with pytest.raises(InvalidData):
        engine.complete_task(task.id, ["not", "an", "object"], actor=PROVIDER)
    unchanged = engine.get_instance(started.id)
    assert [t.id for t in unchanged.ready_tasks] == [task.id]
    assert [e.kind for e in engine.history(started.id)].count("task_completed") == 0


def test_a_task_that_is_not_ready_is_refused(engine):
    started = engine.start_instance("simple_onboarding", actor=PROVIDER)
    task = only_task(started)
    engine.complete_task(task.id, {"business_id": "1234567-1", "organisation_name": "Oy"}, actor=PROVIDER)
    with pytest.raises(Conflict, match="completed by integrator:provider"):
        engine.complete_task(task.id, {"business_id": "1234567-1", "organisation_name": "Oy"}, actor=PROVIDER)
    with pytest.raises(NotFound):
        engine.complete_task("00000000-0000-0000-0000-000000000000", {}, actor=PROVIDER)
    with pytest.raises(NotFound):
        engine.complete_task("not-a-uuid", {}, actor=PROVIDER)


def test_starting_with_the_same_idempotency_key_returns_the_same_instance(engine):
    first = engine.start_instance(
        "simple_onboarding", actor=PROVIDER, business_key="b1", idempotency_key="k-1"
    )
    again = engine.start_instance(
        "simple_onboarding", actor=PROVIDER, business_key="b1", idempotency_key="k-1"
    )
    assert again.id == first.id
    assert engine.list_instances(process_key="simple_onboarding").total == 1
    with pytest.raises(Conflict):
        engine.start_instance("ten_tasks", actor=PROVIDER, idempotency_key="k-1")


def test_unknown_process_and_bad_variables_are_refused(engine):
    with pytest.raises(NotFound, match="no_such"):
        engine.start_instance("no_such", actor=PROVIDER)
    with pytest.raises(InvalidData) as refused:
        engine.start_instance("simple_onboarding", actor=PROVIDER, variables={"__class__": 1, "ok": 2})
    assert [e.field for e in refused.value.errors] == ["/variables/__class__"]
    assert engine.list_instances().total == 0


def test_tasks_are_listed_by_instance_process_lane_and_business_key(engine):
    a = engine.start_instance("parallel_preparation", actor=PROVIDER, business_key="A")
    b = engine.start_instance("simple_onboarding", actor=PROVIDER, business_key="B")
    assert element_ids(a.ready_tasks) == ["Task_certificates", "Task_security_plan"]
    assert engine.list_tasks().total == 3
    assert element_ids(engine.list_tasks(instance_id=a.id).items) == [
        "Task_certificates",
        "Task_security_plan",
    ]
    assert element_ids(engine.list_tasks(process_key="simple_onboarding").items) == [
        "Task_fill_customer_data"
    ]
    assert element_ids(engine.list_tasks(lane="System vendor").items) == ["Task_certificates"]
    assert [t.instance_id for t in engine.list_tasks(business_key="B").items] == [b.id]
    page = engine.list_tasks(limit=2, offset=2)
    assert (page.total, len(page.items)) == (3, 1)


def test_parallel_branches_join_before_the_final_check(engine):
    started = engine.start_instance("parallel_preparation", actor=PROVIDER)
    security, certificates = sorted(started.ready_tasks, key=lambda t: t.element_id)[::-1]
    after_one = engine.complete_task(security.id, {"done": True}, actor=PROVIDER)
    assert element_ids(after_one.ready_tasks) == ["Task_certificates"]
    after_both = engine.complete_task(certificates.id, {"done": True}, actor="integrator:vendor")
    assert element_ids(after_both.ready_tasks) == ["Task_final_check"]
    done = engine.complete_task(only_task(after_both).id, {"done": True}, actor=PROVIDER)
    assert done.status == "completed"


def test_a_message_is_delivered_by_business_key_and_its_payload_decides_the_path(engine):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key="2345678-5")
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    waiting = engine.complete_task(only_task(started).id, application, actor=PROVIDER)
    assert waiting.ready_tasks == []
    assert [(m.name, m.element_id) for m in waiting.waiting_messages] == [
        ("kela_decision", "Catch_kela_decision")
    ]
    with pytest.raises(NotFound):
        engine.deliver_message("kela_decision", business_key="no-such-key", payload={}, actor=KELA)
    with pytest.raises(NotFound):
        engine.deliver_message("other_message", business_key="2345678-5", payload={}, actor=KELA)

    rejected = engine.deliver_message(
        "kela_decision", business_key="2345678-5", payload={"decision": "rejected"}, actor=KELA
    )
    assert rejected.waiting_messages == []
    assert only_task(rejected).element_id == "Task_fix_application"
    assert rejected.variables["decision"] == "rejected"

    back = engine.complete_task(only_task(rejected).id, {"correction": "OID fixed"}, actor=PROVIDER)
    waiting_again = engine.complete_task(only_task(back).id, application, actor=PROVIDER)
    assert [m.name for m in waiting_again.waiting_messages] == ["kela_decision"]
    approved = engine.deliver_message(
        "kela_decision", instance_id=started.id, payload={"decision": "approved"}, actor=KELA
    )
    assert approved.status == "completed"
    received = [e for e in engine.history(started.id) if e.kind == "message_received"]
    assert [(e.data["name"], e.data["payload"]["decision"]) for e in received] == [
        ("kela_decision", "rejected"),
        ("kela_decision", "approved"),
    ]
    assert {e.actor for e in received} == {KELA}


def test_a_message_the_diagram_can_not_go_on_with_is_refused_and_the_instance_keeps_waiting(engine):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key="2345678-5")
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    waiting = engine.complete_task(only_task(started).id, application, actor=PROVIDER)
    history = engine.history(started.id)

    # The gateway after the message reads `decision`; a payload with a typo must not end the onboarding.
    with pytest.raises(ScriptFailure) as refused:
        engine.deliver_message(
            "kela_decision", business_key="2345678-5", payload={"decison": "x"}, actor=KELA
        )
    assert refused.value.element_id == "Gateway_decision"
    assert "decision" in refused.value.message

    unchanged = engine.get_instance(started.id)
    assert (unchanged.status, unchanged.waiting_messages) == ("running", waiting.waiting_messages)
    assert "decison" not in unchanged.variables
    # nothing of the refused message was stored: its trail only says the diagram's fault was met
    after = engine.history(started.id)
    assert after[: len(history)] == history
    assert [(e.kind, e.actor, e.data["element_id"]) for e in after[len(history) :]] == [
        ("definition_fault_met", KELA, "Gateway_decision")
    ]
    approved = engine.deliver_message(
        "kela_decision", business_key="2345678-5", payload={"decision": "approved"}, actor=KELA
    )
    assert approved.status == "completed"


def test_a_waiting_message_and_its_definition_publish_its_payload_schema_and_correlation(engine):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key="2345678-5")
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    [waiting] = engine.complete_task(only_task(started).id, application, actor=PROVIDER).waiting_messages

    contract = json.loads((PROCESSES / "messages" / "kela_decision.json").read_text())
    del contract["x-correlation"]  # published on its own, as the correlation
    assert (waiting.name, waiting.element_id) == ("kela_decision", "Catch_kela_decision")
    assert (waiting.schema, waiting.correlation) == (contract, {"by": "business_key"})
    [published] = engine.get_definition("kela_application").messages
    assert (published.name, published.schema, published.correlation) == (
        "kela_decision",
        contract,
        {"by": "business_key"},
    )
    assert engine.get_definition("simple_onboarding").messages == []


def test_a_payload_its_schema_refuses_is_refused_field_by_field_before_anything_runs(engine):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key="2345678-5")
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    waiting = engine.complete_task(only_task(started).id, application, actor=PROVIDER)
    history = engine.history(started.id)

    with pytest.raises(InvalidData) as refused:
        engine.deliver_message(
            "kela_decision",
            business_key="2345678-5",
            payload={"decision": "maybe", "decision_note": 5},
            actor=KELA,
        )
    assert [e.field for e in refused.value.errors] == ["/payload/decision", "/payload/decision_note"]
    assert "'maybe' is not one of the choices: 'approved', 'rejected'" in refused.value.errors[0].message
    assert 'the payload of message "kela_decision" does not satisfy its schema' in refused.value.detail

    unchanged = engine.get_instance(started.id)
    assert (unchanged.waiting_messages, unchanged.variables) == (waiting.waiting_messages, waiting.variables)
    assert engine.history(started.id) == history  # nothing of the refused message was stored


def test_a_message_waited_for_by_two_instances_with_one_business_key_is_refused(engine):
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.1"}
    for _ in range(2):
        started = engine.start_instance("kela_application", actor=PROVIDER, business_key="same")
        engine.complete_task(only_task(started).id, application, actor=PROVIDER)
    with pytest.raises(Conflict, match="2 instances"):
        engine.deliver_message(
            "kela_decision", business_key="same", payload={"decision": "approved"}, actor=KELA
        )


def test_timers_fire_exactly_when_the_clock_reaches_their_due_time(engine, clock):
    started = engine.start_instance("report_deadline", actor=PROVIDER)
    reporting = engine.complete_task(only_task(started).id, {"result": "passed"}, actor=PROVIDER)
    assert element_ids(reporting.ready_tasks) == ["Task_report_test"]
    due = {t.element_id: t.due_at for t in reporting.pending_timers}
    assert due == {
        "Timer_report_reminder": clock.now() + timedelta(days=2),
        "Timer_give_up": clock.now() + timedelta(days=30),
    }

    clock.advance(days=2, microseconds=-1)
    assert engine.fire_due_timers() == []
    assert element_ids(engine.get_instance(started.id).ready_tasks) == ["Task_report_test"]

    clock.advance(microseconds=1)  # exactly two days
    assert engine.fire_due_timers() == [started.id]
    reminded = engine.get_instance(started.id)
    assert element_ids(reminded.ready_tasks) == ["Task_remind", "Task_report_test"]
    assert [t.element_id for t in reminded.pending_timers] == ["Timer_give_up"]
    assert engine.fire_due_timers() == []  # nothing fires twice

    report = next(t for t in reminded.ready_tasks if t.element_id == "Task_report_test")
    waiting = engine.complete_task(report.id, {"report_date": "2026-01-07"}, actor=PROVIDER)
    assert [t.element_id for t in waiting.pending_timers] == ["Timer_wait_week"]
    assert waiting.pending_timers[0].due_at == clock.now() + timedelta(days=7)
    clock.advance(days=7)
    engine.fire_due_timers()
    after = engine.get_instance(started.id)
    assert after.pending_timers == []
    assert element_ids(after.ready_tasks) == ["Task_remind"]
    fired = [e for e in engine.history(started.id) if e.kind == "timers_fired"]
    assert [e.data["timers"] for e in fired] == [["Timer_report_reminder"], ["Timer_wait_week"]]
    assert {e.actor for e in fired} == {"timer"}


def test_an_interrupting_timer_ends_the_wait(engine, clock):
    started = engine.start_instance("report_deadline", actor=PROVIDER)
    engine.complete_task(only_task(started).id, {"result": "failed"}, actor=PROVIDER)
    clock.advance(days=30)
    engine.fire_due_timers()
    expired = engine.get_instance(started.id)
    assert element_ids(expired.ready_tasks) == ["Task_remind"]
    assert expired.pending_timers == []
    assert "End_expired" in [
        e.element_id for e in engine.history(started.id) if e.kind == "element_completed"
    ]


def test_a_business_rule_table_chooses_the_end(engine):
    ends = {}
    for licence, has_system in (("health", True), ("social", False), ("none", False)):
        started = engine.start_instance("obligation_check", actor=PROVIDER)
        done = engine.complete_task(
            only_task(started).id, {"licence": licence, "has_patient_system": has_system}, actor=PROVIDER
        )
        assert done.status == "completed"
        ends[licence] = [
            e.element_id
            for e in engine.history(done.id)
            if e.kind == "element_completed" and e.element_id.startswith("End")
        ][-1]
        ends[licence + "_service"] = done.variables["service"]
    assert ends == {
        "health": "End_patient",
        "health_service": "patient_data_repository",
        "social": "End_social",
        "social_service": "social_welfare_repository",
        "none": "End_none",
        "none_service": "none",
    }


def test_a_call_activity_runs_the_called_process_inside_the_instance(engine):
    started = engine.start_instance("joining_main", actor=PROVIDER, business_key="3456789-1")
    data = {"business_id": "1234567-1", "organisation_name": "Oy"}
    in_sub = engine.complete_task(only_task(started).id, data, actor=PROVIDER)
    assert only_task(in_sub).element_id == "Task_in_sub"
    assert only_task(in_sub).business_key == "3456789-1"
    after = engine.complete_task(only_task(in_sub).id, {"done": True}, actor=PROVIDER)
    assert only_task(after).element_id == "Task_after"
    done = engine.complete_task(only_task(after).id, {"done": True}, actor=PROVIDER)
    assert done.status == "completed"


def test_an_uncaught_error_end_event_leaves_the_instance_in_error(engine):
    failed = engine.start_instance("failing_check", actor=PROVIDER)
    assert failed.status == "error"
    assert failed.error["element_id"] == "End_failed"
    assert failed.error["error_code"] == "not_eligible"
    assert failed.error["type"] == "uncaught-error"  # a stable word, never the name of a class
    assert engine.list_instances(status="error").total == 1
    assert engine.list_instances(status="completed").total == 0
    last = engine.history(failed.id)[-1]
    assert (last.kind, last.data["type"]) == ("instance_error", "uncaught-error")


def test_cancel_ends_the_instance_and_its_tasks(engine):
    started = engine.start_instance("simple_onboarding", actor=PROVIDER)
    cancelled = engine.cancel_instance(started.id, actor="admin:ops")
    assert cancelled.status == "cancelled" and cancelled.ready_tasks == []
    assert engine.list_tasks(instance_id=started.id).total == 0
    with pytest.raises(Conflict, match="cancelled"):
        engine.cancel_instance(started.id, actor="admin:ops")
    with pytest.raises(NotFound, match="no ready task"):
        engine.complete_task(only_task(started).id, {}, actor=PROVIDER)
    assert [(e.kind, e.actor) for e in engine.history(started.id)][-1] == ("instance_cancelled", "admin:ops")
    assert [e.kind for e in engine.history(started.id)].count("instance_cancelled") == 1


def test_instances_are_listed_with_filters_and_pages(engine):
    for n in range(5):
        engine.start_instance("simple_onboarding", actor=PROVIDER, business_key=f"k{n % 2}")
    engine.start_instance("ten_tasks", actor=PROVIDER, business_key="k0")
    assert engine.list_instances().total == 6
    assert engine.list_instances(process_key="simple_onboarding").total == 5
    assert engine.list_instances(business_key="k0").total == 4
    page = engine.list_instances(limit=4, offset=4)
    assert (page.total, len(page.items)) == (6, 2)
    with pytest.raises(InvalidData):
        engine.list_instances(status="finished")
    with pytest.raises(NotFound):
        engine.get_instance("nope")


def test_a_new_engine_over_the_same_database_resumes_an_instance_mid_way(database_url, clock):
    first = Engine(database_url, clock_source=clock)
    first.deploy_folder(PROCESSES, actor=ANALYST)
    started = first.start_instance("ten_tasks", actor=PROVIDER)
    state = started
    for step in range(4):
        state = first.complete_task(only_task(state).id, {"step": step}, actor=PROVIDER)
    first.close()

    second = Engine(database_url, clock_source=clock)
    resumed = second.get_instance(started.id)
    assert only_task(resumed).element_id == "Task_05"
    assert resumed.variables["step"] == 3
    for step in range(4, 10):
        resumed = second.complete_task(only_task(resumed).id, {"step": step}, actor=PROVIDER)
    assert resumed.status == "completed"
    completed = [e.element_id for e in second.history(started.id) if e.kind == "task_completed"]
    assert completed == [f"Task_{n:02d}" for n in range(1, 11)]
    second.close()


def test_history_names_the_element_each_step_came_from(engine):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key="k")
    application = {"system_name": "eRA", "access_point_oid": "1.2.246.1"}
    engine.complete_task(only_task(started).id, application, actor=PROVIDER)
    engine.deliver_message("kela_decision", business_key="k", payload={"decision": "approved"}, actor=KELA)
    steps = [
        (e.data["came_from"], e.element_id)
        for e in engine.history(started.id)
        if e.kind == "element_completed"
    ]
    assert steps == [
        ([], "Start_application"),
        (["Start_application"], "Task_send_application"),
        (["Task_send_application"], "Catch_kela_decision"),
        (["Catch_kela_decision"], "Gateway_decision"),
        (["Gateway_decision"], "End_approved"),
    ]
    assert {e.data["process"] for e in engine.history(started.id) if e.kind == "element_completed"} == {
        "kela_application"
    }


@pytest.mark.parametrize("order", [0, 1])
def test_a_parallel_join_names_every_branch_that_arrived(engine, order):
    started = engine.start_instance("parallel_preparation", actor=PROVIDER)
    first = sorted(started.ready_tasks, key=lambda t: t.element_id)[order]
    after_first = engine.complete_task(first.id, {"done": True}, actor=PROVIDER)
    engine.complete_task(only_task(after_first).id, {"done": True}, actor=PROVIDER)
    (join,) = [e for e in engine.history(started.id) if e.element_id == "Gateway_join"]
    assert join.data["came_from"] == ["Task_certificates", "Task_security_plan"]


def test_text_no_database_can_store_is_refused_before_anything_is_written(engine):
    with pytest.raises(InvalidData) as refused:
        engine.start_instance(
            "simple_onboarding", actor=PROVIDER, variables={"note": "a\x00b", "list": ["ok", "\udc80"]}
        )
    assert sorted(e.field for e in refused.value.errors) == ["/variables/list/1", "/variables/note"]
    assert engine.list_instances().total == 0


def test_long_lists_count_up_to_a_cap(engine, monkeypatch):
    from engine.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for _ in range(3):
        engine.start_instance("simple_onboarding", actor=PROVIDER)
    exact = engine.list_tasks(limit=2)
    assert (exact.total, exact.total_exact, len(exact.items)) == (3, True, 2)
    engine.start_instance("simple_onboarding", actor=PROVIDER)
    capped = engine.list_tasks(limit=2)
    assert (capped.total, capped.total_exact, len(capped.items)) == (3, False, 2)
    assert len(engine.list_tasks(limit=10).items) == 4  # the page itself is never cut by the cap
    assert engine.list_instances().total_exact is False


def _three_branch_preparation(engine, register_named: str = "Register") -> None:
    """parallel_preparation with a third branch into its join: the Kela registration beside the other two."""
    files = _catalogue_files()
    third = (
        files["parallel.bpmn"]
        .replace(
            b"<bpmn:outgoing>Flow_3</bpmn:outgoing>\n    </bpmn:parallelGateway>",
            b"<bpmn:outgoing>Flow_3</bpmn:outgoing>\n      <bpmn:outgoing>Flow_8</bpmn:outgoing>\n"
            b"    </bpmn:parallelGateway>\n"
            b'    <bpmn:userTask id="Task_register" name="Register" camunda:formKey="forms/done.json">\n'
            b"      <bpmn:incoming>Flow_8</bpmn:incoming>\n      <bpmn:outgoing>Flow_9</bpmn:outgoing>\n"
            b"    </bpmn:userTask>",
        )
        .replace(
            b"<bpmn:incoming>Flow_5</bpmn:incoming>\n      <bpmn:outgoing>Flow_6</bpmn:outgoing>",
            b"<bpmn:incoming>Flow_5</bpmn:incoming>\n      <bpmn:incoming>Flow_9</bpmn:incoming>\n"
            b"      <bpmn:outgoing>Flow_6</bpmn:outgoing>",
        )
        .replace(
            b'<bpmn:sequenceFlow id="Flow_7"',
            b'<bpmn:sequenceFlow id="Flow_8" sourceRef="Gateway_split" targetRef="Task_register" />\n'
            b'    <bpmn:sequenceFlow id="Flow_9" sourceRef="Task_register" targetRef="Gateway_join" />\n'
            b'    <bpmn:sequenceFlow id="Flow_7"',
        )
    )
    assert third.count(b"Flow_9") == 3
    third = third.replace(b'name="Register"', f'name="{register_named}"'.encode())
    engine.deploy({**files, "parallel.bpmn": third}, actor=ANALYST)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_a_join_names_every_branch_that_arrived_however_many_units_of_work_before(engine, order):
    # Spiff keeps only the latest arrival at a join waiting and cancels the one before it at once: the first
    # of three branches, which arrived two units of work before the join fired, is still named
    _three_branch_preparation(engine)
    started = engine.start_instance("parallel_preparation", actor=PROVIDER)
    branches = sorted(t.element_id for t in started.ready_tasks)
    assert branches == ["Task_certificates", "Task_register", "Task_security_plan"]
    state = started
    for index in order:
        (task,) = [t for t in state.ready_tasks if t.element_id == branches[index]]
        state = engine.complete_task(task.id, {"done": True}, actor=PROVIDER)
    assert [t.element_id for t in state.ready_tasks] == ["Task_final_check"]
    (join,) = [e for e in engine.history(started.id) if e.element_id == "Gateway_join"]
    assert join.data["came_from"] == branches


def test_a_join_that_fires_after_its_instance_moved_version_names_the_branches_that_arrived_before(engine):
    # moving a version resets each wait (SpiffWorkflow predicts them again); the branches that arrived at a
    # join before the move are kept with its wait, as a timer's due time is
    _three_branch_preparation(engine)
    started = engine.start_instance("parallel_preparation", actor=PROVIDER)
    branches = sorted(t.element_id for t in started.ready_tasks)
    state = started
    for element_id in branches[:2]:
        (task,) = [t for t in state.ready_tasks if t.element_id == element_id]
        state = engine.complete_task(task.id, {"done": True}, actor=PROVIDER)
    version = state.definition_version
    _three_branch_preparation(engine, register_named="Register with Kela")  # the next version
    outcome = engine.migrate_instances("parallel_preparation", version, version + 1, actor="admin:operator")
    assert outcome.migrated == [started.id] and outcome.refused == []
    state = engine.get_instance(started.id)
    assert state.definition_version == version + 1
    (task,) = [t for t in state.ready_tasks if t.element_id == branches[2]]
    state = engine.complete_task(task.id, {"done": True}, actor=PROVIDER)
    assert [t.element_id for t in state.ready_tasks] == ["Task_final_check"]
    (join,) = [e for e in engine.history(started.id) if e.element_id == "Gateway_join"]
    assert join.data["came_from"] == branches
