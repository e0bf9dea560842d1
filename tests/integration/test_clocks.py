"""Each engine keeps its own time: two engines in one process, on clocks of their own, never read each
other's, SpiffWorkflow's timer arithmetic included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine import Engine, ManualClock
from tests.conftest import PROCESSES

PROVIDER = "integrator:provider"


def _engine_at(tmp_path, name: str, moment: datetime) -> tuple[Engine, ManualClock]:
    clock = ManualClock(moment)
    engine = Engine(f"sqlite:///{tmp_path / name}.sqlite3", clock_source=clock)
    engine.deploy_folder(PROCESSES, actor="analyst:test")
    return engine, clock


def _reporting(engine: Engine):
    started = engine.start_instance("report_deadline", actor=PROVIDER)
    [task] = started.ready_tasks
    return engine.complete_task(task.id, {"result": "passed"}, actor=PROVIDER)


def test_two_engines_in_one_process_keep_their_own_time(tmp_path):
    january, june = datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 6, 1, 9, tzinfo=UTC)
    early, early_clock = _engine_at(tmp_path, "early", january)
    late, _ = _engine_at(tmp_path, "late", june)
    try:
        assert early.get_definition("report_deadline").deployed_at == january
        assert late.get_definition("report_deadline").deployed_at == june
        early_instance, late_instance = _reporting(early), _reporting(late)
        # the same timers, each due as long after its own engine's now
        early_due = [t.due_at - january for t in early_instance.pending_timers]
        assert early_due == [t.due_at - june for t in late_instance.pending_timers]
        assert early_due[0] == timedelta(days=2)

        early_clock.advance(days=2)
        assert late.fire_due_timers() == []
        assert early.fire_due_timers() == [early_instance.id]
        assert late.get_instance(late_instance.id).pending_timers == late_instance.pending_timers
        assert early.clock_reading() == (january + timedelta(days=2), True)
        assert late.clock_reading() == (june, True)
    finally:
        early.close()
        late.close()
