"""SpiffWorkflow's timers read the engine's clock, and fire at their due time, not before."""

from datetime import UTC, datetime, timedelta

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from engine.bpmn import DiagramParser
from tests.conftest import PROCESSES


def _report_deadline():
    parser = DiagramParser()
    parser.add_bpmn_file(str(PROCESSES / "timers.bpmn"))
    return BpmnWorkflow(parser.get_spec("report_deadline"))


def _ready(workflow):
    return sorted(t.task_spec.bpmn_id for t in workflow.get_tasks(state=TaskState.READY, manual=True))


def test_duration_timers_are_due_from_the_clocks_now_and_fire_inclusively(clock):
    clock.set(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    workflow = _report_deadline()
    workflow.do_engine_steps()
    [run_test] = workflow.get_tasks(state=TaskState.READY, manual=True)
    run_test.set_data(result="passed")
    run_test.run()
    workflow.do_engine_steps()
    due = {
        t.task_spec.bpmn_id: datetime.fromisoformat(t._get_internal_data("event_value"))
        for t in workflow.event_manager.tasks.values()
    }
    assert due["Timer_report_reminder"] == datetime(2026, 3, 4, 8, 0, tzinfo=UTC)

    clock.advance(timedelta(days=2) - timedelta(seconds=1))
    workflow.refresh_timers()
    workflow.do_engine_steps()
    assert _ready(workflow) == ["Task_report_test"]

    clock.advance(seconds=1)
    workflow.refresh_timers()
    workflow.do_engine_steps()
    assert _ready(workflow) == ["Task_remind", "Task_report_test"]


def test_system_clock_is_aware_utc():
    from engine.clock import SystemClock

    assert SystemClock().now().tzinfo is UTC
