"""An engine keeps the workflows it committed last, and never lets that change what an instance does: a
refused request leaves no trace in it, and a change made by another engine over the same database is
always seen."""

from __future__ import annotations

import pytest

from engine import Engine, ScriptFailure

PROVIDER, KELA = "integrator:provider", "integrator:kela"
APPLICATION = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}


def _waiting_for_kela(engine: Engine, business_key: str):
    started = engine.start_instance("kela_application", actor=PROVIDER, business_key=business_key)
    [task] = started.ready_tasks
    return engine.complete_task(task.id, APPLICATION, actor=PROVIDER)


def test_a_refused_message_leaves_nothing_in_the_kept_workflow(engine):
    waiting = _waiting_for_kela(engine, "2345678-5")
    with pytest.raises(ScriptFailure):  # the gateway after the catch needs "decision"
        engine.deliver_message("kela_decision", business_key="2345678-5", payload={"note": "x"}, actor=KELA)
    approved = engine.deliver_message(
        "kela_decision", business_key="2345678-5", payload={"decision": "approved"}, actor=KELA
    )
    assert approved.status == "completed"
    assert "note" not in approved.variables  # the refused payload was not kept anywhere
    kinds = [e.kind for e in engine.history(waiting.id)]
    assert kinds.count("message_received") == 1


def test_what_another_engine_wrote_is_seen_by_this_one(engine, database_url, clock):
    other = Engine(database_url, clock_source=clock, apply_migrations=False)
    try:
        waiting = _waiting_for_kela(engine, "3456789-1")  # this engine keeps the workflow it committed
        rejected = other.deliver_message(
            "kela_decision", business_key="3456789-1", payload={"decision": "rejected"}, actor=KELA
        )
        [fix] = rejected.ready_tasks
        assert fix.element_id == "Task_fix_application"
        # this engine's kept workflow is a revision behind: it must act on what the other one stored
        fixed = engine.complete_task(fix.id, {"correction": "OID korjattu"}, actor=PROVIDER)
        assert [t.element_id for t in fixed.ready_tasks] == ["Task_send_application"]
        assert fixed.variables["decision"] == "rejected"
        assert len([e for e in engine.history(waiting.id) if e.kind == "task_completed"]) == 2
    finally:
        other.close()
