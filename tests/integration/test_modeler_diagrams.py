"""Diagrams written as Camunda Modeler writes them (tests/fixtures/modeler) get the verdict EXPECTED.json
gives each: they run, starting and standing where it says, or they are refused with exactly the problems
it names. Each is checked as written and again after a save with camunda-bpmn-moddle, the library the
modeler saves with, so that the verdict does not hang on how a file was typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import DefinitionInvalid, Engine
from engine.clock import ManualClock, SystemClock, use_clock
from tests.test_modeler_roundtrip import saved_like_a_modeler

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "modeler"
EXPECTED = {
    name: verdict
    for name, verdict in json.loads((FOLDER / "EXPECTED.json").read_text()).items()
    if name.endswith(".bpmn")
}
FORMS = {f"forms/{path.name}": path.read_bytes() for path in (FOLDER / "forms").glob("*.json")}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    clock = ManualClock()
    use_clock(clock)
    running = Engine(f"sqlite:///{tmp_path_factory.mktemp('modeler') / 'kanta.sqlite3'}", clock_source=clock)
    yield running
    running.close()
    use_clock(SystemClock())


def test_every_diagram_in_the_folder_has_a_verdict():
    assert set(EXPECTED) == {path.name for path in FOLDER.glob("*.bpmn")}


@pytest.mark.parametrize("saved", [False, True], ids=["as written", "saved by the modeler's library"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_modeler_diagram_gets_its_verdict(engine, tmp_path, name, saved):
    path = saved_like_a_modeler(FOLDER / name, tmp_path / name) if saved else FOLDER / name
    expected = EXPECTED[name]
    files = {name: path.read_bytes(), **FORMS}
    if expected["verdict"] == "refused":
        with pytest.raises(DefinitionInvalid) as refused:
            engine.deploy(files, actor="analyst:test")
        found = [(p.element_id, p.message) for p in refused.value.problems]
        assert len(found) == len(expected["problems"]), found
        for element_id, named in expected["problems"]:
            assert any(e == element_id and named in m for e, m in found), (element_id, named, found)
        assert all(p.file == name and p.line for p in refused.value.problems)
        return
    engine.deploy(files, actor="analyst:test")
    for start in expected["starts"]:
        key = Path(name).stem  # each diagram's process is named as its file
        instance = engine.start_instance(key, actor="integrator:test", variables=start["variables"])
        view = engine.get_instance(instance.id)
        assert view.status == start.get("status", "running")
        assert sorted(t.element_id for t in view.ready_tasks) == start.get("ready", [])
        assert sorted(t.element_id for t in view.pending_timers) == start.get("timers", [])
