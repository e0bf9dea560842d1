"""Keys of processes: a process id renamed in the modeler is reported at deploy (the old key would stay
startable), `retire` stops new starts of a key while its running instances finish, and a process deployed
without its callers says that they keep calling the version they were deployed with."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from engine import Conflict, Engine, NotFound
from tests.integration.test_limits import diagram

ANALYST, INTEGRATOR = "analyst:test", "integrator:test"


def _waiting(key: str, name: str | None = None) -> bytes:
    text = diagram(
        key,
        '<bpmn:userTask id="Review" name="Review" />\n',
        [("StartEvent", "Review", ""), ("Review", "EndEvent", "")],
    )
    return text.replace(f'name="{key}"'.encode(), f'name="{name or key}"'.encode(), 1)  # fmt: skip


@pytest.fixture
def bare(database_url, clock):
    running = Engine(database_url, clock_source=clock)
    yield running
    running.close()


def test_a_process_id_renamed_in_its_file_is_reported_and_the_old_key_retired_lets_its_instances_finish(bare):
    bare.deploy({"review.bpmn": _waiting("review", "Review of the application")}, actor=ANALYST)
    old = bare.start_instance("review", actor=INTEGRATOR)

    result = bare.deploy(
        {"review.bpmn": _waiting("application_review", "Review of the application")}, ANALYST
    )
    [renamed] = [w for w in result.warnings if w.code == "process-renamed"]
    assert (renamed.file, renamed.element_id) == ("review.bpmn", "application_review")
    assert (
        'process "application_review" replaces "review" of review.bpmn (was its id renamed?)'
        in renamed.message
    )
    assert "kanta-onboarding retire review" in renamed.message
    assert bare.start_instance("review", actor=INTEGRATOR).status == "running"  # still startable: said so

    retired = bare.retire_process("review", actor=ANALYST, reason="renamed to application_review")
    assert retired.retirement.retired_by == ANALYST
    assert retired.retirement.reason == "renamed to application_review"
    with pytest.raises(Conflict, match=r'process "review" was retired at .* by analyst:test \(renamed to'):
        bare.start_instance("review", actor=INTEGRATOR)
    # its running instances finish on their version
    done = bare.complete_task(old.ready_tasks[0].id, {}, actor=INTEGRATOR)
    assert done.status == "completed"
    listed = {d.process_key: d.retirement for d in bare.list_definitions()}
    assert listed["review"] is not None and listed["application_review"] is None
    assert bare.get_definition("review").retirement.retired_at == retired.retirement.retired_at
    with pytest.raises(Conflict, match="was retired at"):
        bare.retire_process("review", actor=ANALYST)

    # a retired key is not reported again as renamed
    again = bare.deploy({"review.bpmn": _waiting("application_review", "Reviewed again")}, ANALYST)
    assert [w for w in again.warnings if w.code == "process-renamed"] == []

    bare.reinstate_process("review", actor="analyst:other")
    assert bare.start_instance("review", actor=INTEGRATOR).status == "running"
    assert bare.get_definition("review").retirement is None
    with pytest.raises(Conflict, match='process "review" is not retired'):
        bare.reinstate_process("review", actor=ANALYST)
    with pytest.raises(NotFound):
        bare.retire_process("nowhere", actor=ANALYST)


def test_retiring_and_reinstating_are_audited_with_their_actor(bare):
    bare.deploy({"review.bpmn": _waiting("review")}, actor=ANALYST)
    bare.retire_process("review", actor="analyst:maija", reason="replaced")
    bare.reinstate_process("review", actor="analyst:matti")
    with bare.db.connect() as connection:
        rows = connection.execute(
            text("SELECT kind, actor, data FROM audit_events WHERE kind LIKE 'process_%' ORDER BY id")
        ).all()
    events = [
        (row.kind, row.actor, json.loads(row.data) if isinstance(row.data, str) else row.data) for row in rows
    ]
    assert events == [
        ("process_retired", "analyst:maija", {"process_key": "review", "reason": "replaced"}),
        ("process_reinstated", "analyst:matti", {"process_key": "review"}),
    ]


def test_a_new_process_in_another_file_with_the_same_name_is_reported_too(bare):
    bare.deploy({"review.bpmn": _waiting("review", "Review")}, actor=ANALYST)
    result = bare.deploy(
        {
            "review.bpmn": _waiting("other", "Something else"),
            "reviewing.bpmn": _waiting("reviewing", "Review"),
        },
        ANALYST,
    )
    assert {(w.element_id, w.code) for w in result.warnings if w.code == "process-renamed"} == {
        ("other", "process-renamed"),
        ("reviewing", "process-renamed"),
    }


def test_a_process_deployed_without_its_caller_says_the_caller_keeps_the_old_version(bare):
    callee = _waiting("checking")
    caller = diagram(
        "joining",
        '<bpmn:callActivity id="Call_checking" name="Check" calledElement="checking" />\n',
        [("StartEvent", "Call_checking", ""), ("Call_checking", "EndEvent", "")],
    )
    bare.deploy({"checking.bpmn": callee, "joining.bpmn": caller}, actor=ANALYST)
    changed = callee.replace(b'name="Review"', b'name="Review it"')
    result = bare.deploy({"checking.bpmn": changed}, actor=ANALYST)
    [left] = [w for w in result.warnings if w.code == "caller-keeps-old-callee"]
    assert (left.file, left.element_id) == ("checking.bpmn", "checking")
    assert left.message.startswith('joining call "checking" and go on calling the version they were deployed')
    # deployed together, nothing is left behind
    both = bare.deploy(
        {"checking.bpmn": changed.replace(b"Review it", b"Review"), "joining.bpmn": caller}, ANALYST
    )
    assert [w for w in both.warnings if w.code == "caller-keeps-old-callee"] == []


def _started_by_message(key: str, message: str) -> bytes:
    text = _waiting(key).decode()
    text = text.replace(
        '<bpmn:startEvent id="StartEvent" name="Start" />',
        '<bpmn:startEvent id="StartEvent" name="Start">'
        f'<bpmn:messageEventDefinition messageRef="Message_{message}" /></bpmn:startEvent>',
    )
    return text.replace("</bpmn:definitions>", f'<bpmn:message id="Message_{message}" name="{message}" />\n'
                        "</bpmn:definitions>").encode()  # fmt: skip


CONTRACT = {
    "messages/application_sent.json": json.dumps({"type": "object", "x-correlation": {"by": "business_key"}})
}


def test_a_retired_key_starts_no_instance_by_message_and_its_successor_with_the_same_message_does(bare):
    bare.deploy(
        {"application.bpmn": _started_by_message("application", "application_sent"), **CONTRACT}, ANALYST
    )
    assert bare.deliver_message("application_sent", actor=INTEGRATOR, business_key="1").process_key == (
        "application"
    )
    bare.retire_process("application", actor=ANALYST)
    with pytest.raises(NotFound, match="no process starts with it"):
        bare.deliver_message("application_sent", actor=INTEGRATOR, business_key="2")

    # renamed: the new key starts with the same message, and the retired one is not a second candidate
    bare.deploy({"intake.bpmn": _started_by_message("intake", "application_sent"), **CONTRACT}, ANALYST)
    started = bare.deliver_message("application_sent", actor=INTEGRATOR, business_key="3")
    assert (started.process_key, started.message_outcome) == ("intake", "started")
