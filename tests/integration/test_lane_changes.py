"""A task dragged into another party's lane, or left in no lane when its lane is deleted, changes which
organisation does it: deploying the new version says so, naming the task and both lanes, unless the analyst
accepted it on the task."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from engine import Engine, read_folder

PROCESSES = Path(__file__).parents[2] / "processes"
DIAGRAM = "patient_data_repository_onboarding.bpmn"
TASK = "<bpmn:flowNodeRef>Task_contact_vendor</bpmn:flowNodeRef>"
ANALYST = "analyst:test"
PROVIDER = "2468230-9"


@pytest.fixture
def deployed(database_url, clock):
    running = Engine(database_url, clock_source=clock)
    files = read_folder(PROCESSES)
    running.deploy(files, ANALYST)
    yield running, files
    running.close()


def _changed(files, change) -> dict[str, bytes]:
    return {**files, DIAGRAM: change(files[DIAGRAM].decode()).encode()}


def _into_kela_lane(text: str) -> str:
    text = text.replace(f"        {TASK}\n", "", 1)
    kela = text.index('<bpmn:lane id="Lane_kela"')
    refs = text.index("<bpmn:flowNodeRef>", kela)
    return text[:refs] + TASK + "\n        " + text[refs:]


def _lane_changes(result):
    return [w for w in result.warnings if w.code == "lane-changed"]


def test_a_task_dragged_into_kela_s_lane_is_said_with_both_lanes_and_their_parties(deployed):
    engine, files = deployed
    result = engine.deploy(_changed(files, _into_kela_lane), ANALYST)
    [moved] = _lane_changes(result)
    assert (moved.file, moved.element_id) == (DIAGRAM, "Task_contact_vendor")
    assert moved.line is not None
    assert (
        '"Ota yhteyttä järjestelmätoimittajaan" was in lane "Palvelunantaja" (played by business-key) and is '
        'now in lane "Kela" (played by kela)'
    ) in moved.message
    assert engine.get_definition("patient_data_repository_onboarding").version == 2  # deployed: only said


def test_a_task_whose_lane_was_deleted_is_said_to_be_in_no_lane(deployed):
    engine, files = deployed
    result = engine.deploy(_changed(files, lambda text: text.replace(f"        {TASK}\n", "", 1)), ANALYST)
    [moved] = _lane_changes(result)
    assert moved.element_id == "Task_contact_vendor"
    assert "is now in no lane (only a caller of no party does it)" in moved.message


def test_a_move_the_analyst_accepted_on_the_task_is_not_said_and_an_unmoved_version_says_nothing(deployed):
    engine, files = deployed
    accepted = '<camunda:property name="accept-warning" value="lane-changed" />'

    def moved_and_accepted(text: str) -> str:
        task = text.index('<bpmn:userTask id="Task_contact_vendor"')
        properties = text.index("<camunda:properties>", task) + len("<camunda:properties>")
        return _into_kela_lane(text[:properties] + accepted + text[properties:])

    reworded = _changed(files, lambda text: text.replace("Ota yhteyttä", "Ota heti yhteyttä", 1))
    assert _lane_changes(engine.deploy(reworded, ANALYST)) == []
    assert _lane_changes(engine.deploy(_changed(files, moved_and_accepted), ANALYST)) == []


def test_a_deploy_reads_each_diagram_once_and_says_a_move_once_however_many_processes_carry_it(
    deployed, monkeypatch
):
    # The moved diagram is called by the joining, the usage extension and the organisation change: four
    # new versions carry it, and each is compared with the version before; an instance started on a new
    # version then plays its lanes as the deploy read them, without reading the diagram again.
    engine, files = deployed
    changed = _changed(files, _into_kela_lane)
    texts = {"new": changed[DIAGRAM], "old": files[DIAGRAM]}
    parsed = dict.fromkeys(texts, 0)
    fromstring = etree.fromstring

    def counted(text, *args, **kwargs):
        for which, diagram in texts.items():
            parsed[which] += text == diagram
        return fromstring(text, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", counted)
    result = engine.deploy(changed, ANALYST)

    carriers = {v.process_key for v in result.deployed}
    assert {"patient_data_repository_onboarding", "kanta_joining", "usage_extension"} <= carriers
    [moved] = _lane_changes(result)
    assert (moved.file, moved.element_id) == (DIAGRAM, "Task_contact_vendor")
    assert 'is now in lane "Kela" (played by kela)' in moved.message
    assert parsed == {"new": 1, "old": 1}

    started = engine.start_instance(
        "patient_data_repository_onboarding", actor="integrator:test", business_key=PROVIDER, party=PROVIDER
    )
    assert started.parties["Palvelunantaja"] == PROVIDER
    assert parsed == {"new": 1, "old": 1}
