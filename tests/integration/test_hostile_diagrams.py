"""Diagrams are untrusted: hostile ones are refused at deployment or stopped while running."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engine.problems import DefinitionInvalid
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"


def deploy_one(engine, name):
    return engine.deploy({name: (HOSTILE / name).read_bytes()}, actor="analyst:test")


@pytest.mark.parametrize("name", ["external_entity.bpmn", "entity_bomb.bpmn"])
def test_entities_are_refused_before_anything_is_stored(engine, name):
    before = [(d.key, d.version) for d in engine.list_definitions()]
    started = time.monotonic()
    with pytest.raises(DefinitionInvalid) as refused:
        deploy_one(engine, name)
    assert time.monotonic() - started < 5
    [problem] = refused.value.problems
    assert problem.file == name and problem.line == 2  # the DOCTYPE line
    assert "DOCTYPE" in problem.message
    assert "root:" not in str(refused.value)  # nothing of /etc/passwd leaked into the message
    assert [(d.key, d.version) for d in engine.list_definitions()] == before


@pytest.mark.parametrize(
    ("name", "element_id"),
    [("import_os.bpmn", "Script_import_os"), ("subclasses.bpmn", "Script_subclasses")],
)
def test_scripts_reaching_for_the_interpreter_are_refused_at_deployment(engine, name, element_id, tmp_path):
    with pytest.raises(DefinitionInvalid) as refused:
        deploy_one(engine, name)
    problems = refused.value.problems
    assert problems, "expected the script to be refused"
    assert all(p.file == name for p in problems)
    assert any("_" in p.message and p.line for p in problems), problems
    assert not Path("/tmp/kanta_pwned").exists()
    assert "import_os" not in [d.key for d in engine.list_definitions()]


def test_an_endless_loop_is_stopped_and_the_engine_keeps_working(engine):
    deploy_one(engine, "endless_loop.bpmn")
    started = time.monotonic()
    stuck = engine.start_instance("endless_loop", actor="integrator:a")
    assert time.monotonic() - started < 5
    assert stuck.status == "error"
    assert stuck.error["element_id"] == "Script_spin"
    assert "time limit" in stuck.error["message"]
    assert [e.kind for e in engine.history(stuck.id)][-1] == "instance_error"
    # The engine goes on serving other instances.
    other = engine.start_instance("simple_onboarding", actor="integrator:a")
    assert other.status == "running" and other.ready_tasks
