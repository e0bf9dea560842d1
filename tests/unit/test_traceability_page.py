"""The traceability page says which elements quote each seed sentence and which scenarios take them, and a run
notices when the committed page is not current."""

from __future__ import annotations

from features import traceability
from features.service import Onboarding
from features.traceability import ScenarioPaths, check, page

DIAGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="joining" isExecutable="true">
    <bpmn:userTask id="Task_contact_vendor" name="Contact the vendor">
      <bpmn:documentation>Source: 001 "Ota yhteyttä järjestelmätoimittajaasi."</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_correct" name="Correct the application">
      <bpmn:documentation>Source: 001 "Ota yhteyttä järjestelmätoimittajaasi."
Source: organisation's own practice: a refused application is filed again</bpmn:documentation>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>
"""


def _paths() -> ScenarioPaths:
    paths = ScenarioPaths()
    done = {"kind": "element_completed", "data": {"process": "joining"}}
    paths.add("joining.feature", "Hylätty hakemus korjataan", [{**done, "element_id": "Task_correct"}])
    contact = [{**done, "element_id": "Task_contact_vendor"}]
    paths.add("joining.feature", "Toimittajaan otetaan yhteyttä", contact)
    return paths


def test_each_quote_lists_its_elements_and_the_scenarios_that_take_them(tmp_path):
    (tmp_path / "joining.bpmn").write_text(DIAGRAM, encoding="utf-8")
    text = page(tmp_path, _paths())
    assert "- Lause: “Ota yhteyttä järjestelmätoimittajaasi.”" in text
    assert "  - `joining` / `Task_contact_vendor` (Contact the vendor): T2" in text
    assert "  - `joining` / `Task_correct` (Correct the application): T1" in text
    assert "- Perustelu: “a refused application is filed again”" in text
    assert "- T1: `joining.feature` — Hylätty hakemus korjataan" in text


def test_a_page_that_is_not_current_is_named_until_it_is_written(tmp_path, monkeypatch):
    catalogue, build = tmp_path / "processes", tmp_path / "build"
    catalogue.mkdir()
    (catalogue / "joining.bpmn").write_text(DIAGRAM, encoding="utf-8")
    monkeypatch.setattr(traceability, "PAGE", tmp_path / "features" / "traceability.md")
    (tmp_path / "features").mkdir()
    assert "is not current" in check(catalogue, _paths(), build, write=False)
    assert check(catalogue, _paths(), build, write=True) is None
    assert check(catalogue, _paths(), build, write=False) is None
    # a scenario that no longer takes an element makes the committed page stale again
    assert "is not current" in check(catalogue, ScenarioPaths(), build, write=False)
    assert (build / "traceability.md").read_text(encoding="utf-8") == page(catalogue, ScenarioPaths())


WORKED = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="joining" isExecutable="true">
    <bpmn:serviceTask id="Task_check_register_entries" name="Tarkista rekisteritiedot">
      <bpmn:documentation>Source: 001 "ajantasaiset tunnistetiedot"</bpmn:documentation>
    </bpmn:serviceTask>
  </bpmn:process>
</bpmn:definitions>
"""


def test_a_service_task_a_worker_completed_counts_for_its_scenario(tmp_path):
    (tmp_path / "joining.bpmn").write_text(WORKED, encoding="utf-8")
    worked = {"kind": "external_task_completed", "element_id": "Task_check_register_entries", "task_id": "t1"}
    paths = ScenarioPaths()
    # the worker's event names no process: the instance's own is taken
    paths.add("joining.feature", "Järjestelmä tarkistaa rekisteritiedot", [worked], "joining")
    paths.add("joining.feature", "Työ odottaa vielä", [], "joining")
    text = page(tmp_path, paths)
    assert "- Lause: “ajantasaiset tunnistetiedot”" in text
    assert "  - `joining` / `Task_check_register_entries` (Tarkista rekisteritiedot): T1" in text
    assert "- T2: `joining.feature` — Työ odottaa vielä" not in text  # a scenario that passed nothing


def test_a_worker_completion_belongs_to_the_process_that_completed_the_task(tmp_path):
    (tmp_path / "joining.bpmn").write_text(WORKED, encoding="utf-8")
    called = {"kind": "element_completed", "element_id": "Task_check_register_entries", "task_id": "t1"}
    worked = {"kind": "external_task_completed", "element_id": "Task_check_register_entries", "task_id": "t1"}
    paths = ScenarioPaths()
    # the joining called from an organisational change: the service task is the joining's, not the caller's
    history = [{**called, "data": {"process": "joining"}}, worked]
    paths.add("change.feature", "Uusi Y-tunnus", history, "change")
    assert paths.taken[("change.feature", "Uusi Y-tunnus")] == {("joining", "Task_check_register_entries")}


ENDING = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="joining" isExecutable="true">
    <bpmn:documentation>Source: 001 "Kanta-palvelut ovat käytössäsi."</bpmn:documentation>
    <bpmn:callActivity id="Call_join" name="Liity">
      <bpmn:documentation>Source: 004 "toimijoiden sulautuminen"</bpmn:documentation>
    </bpmn:callActivity>
    <bpmn:intermediateThrowEvent id="Throw_in_use" name="Käytössä" />
    <bpmn:sequenceFlow id="Flow_to_end" sourceRef="Throw_in_use" targetRef="End_in_use">
      <bpmn:documentation>Source: 004 "toimijoiden sulautuminen"</bpmn:documentation>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="End_in_use" name="Palvelut käytössä">
      <bpmn:documentation>Why it ends.
Source: 001 "Kanta-palvelut ovat käytössäsi."</bpmn:documentation>
    </bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
"""


def test_an_end_event_or_call_activity_that_quotes_a_sentence_is_listed_under_it(tmp_path):
    (tmp_path / "joining.bpmn").write_text(ENDING, encoding="utf-8")
    paths = ScenarioPaths()
    done = {"kind": "element_completed", "data": {"process": "joining"}}
    paths.add("joining.feature", "Palvelut otetaan käyttöön", [{**done, "element_id": "End_in_use"}])
    text = page(tmp_path, paths)
    in_use = text.split("- Lause: “Kanta-palvelut ovat käytössäsi.”\n", 1)[1].split("\n\n", 1)[0]
    assert in_use.splitlines() == ["  - `joining` / `End_in_use` (Palvelut käytössä): T1"]
    merged = text.split("- Lause: “toimijoiden sulautuminen”\n", 1)[1].split("\n\n", 1)[0]
    assert merged.splitlines() == [
        "  - `joining` / `Call_join` (Liity): ei yhtään tapausta",
        "  - `joining` / `Flow_to_end` (Flow_to_end): kulku tai kaista, jota ajo ei kirjaa"
        " (a flow or lane: no run records it)",
    ]
    # an element quoting nothing stays off the page; the process's own documentation is no element of it
    assert "Throw_in_use" not in text
    assert "`joining` / `joining`" not in text


FOLLOWED = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="onboarding" isExecutable="true">
    <bpmn:intermediateThrowEvent id="Throw_in_use_to_county" name="Kerro hyvinvointialueelle">
      <bpmn:documentation>Source: 002 "hyvinvointialue vastaa"</bpmn:documentation>
    </bpmn:intermediateThrowEvent>
  </bpmn:process>
  <bpmn:process id="county" isExecutable="true">
    <bpmn:userTask id="Task_organiser_readiness" name="Vahvista edellytykset">
      <bpmn:documentation>Source: 002 "hyvinvointialue vastaa"</bpmn:documentation>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>
"""


def test_a_scenario_that_drove_two_instances_takes_what_both_went_through(tmp_path):
    """A scenario drives an onboarding to its throw, then follows the county's process the throw started:
    its path is both instances' (the conftest records every instance the scenario drove)."""
    (tmp_path / "onboarding.bpmn").write_text(FOLLOWED, encoding="utf-8")
    scenario = ("county.feature", "Hyvinvointialue vahvistaa edellytykset")
    paths = ScenarioPaths()
    thrown = {"kind": "element_completed", "data": {"process": "onboarding"}}
    caught = {"kind": "element_completed", "data": {"process": "county"}}
    paths.add(*scenario, [{**thrown, "element_id": "Throw_in_use_to_county"}], "onboarding")
    paths.add(*scenario, [{**caught, "element_id": "Task_organiser_readiness"}], "county")
    assert paths.taken[scenario] == {
        ("onboarding", "Throw_in_use_to_county"),
        ("county", "Task_organiser_readiness"),
    }
    text = page(tmp_path, paths)
    assert "  - `onboarding` / `Throw_in_use_to_county` (Kerro hyvinvointialueelle): T1" in text
    assert "  - `county` / `Task_organiser_readiness` (Vahvista edellytykset): T1" in text


def test_a_scenario_records_every_instance_it_drove_once_in_the_order_it_first_did():
    scenario = Onboarding(service=None)
    assert scenario.driven == []
    scenario.instance_id = "onboarding-1"
    scenario.instance_id = "county-1"  # it follows the process the onboarding's message started
    scenario.instance_id = "onboarding-1"  # and goes back to the onboarding
    assert scenario.driven == ["onboarding-1", "county-1"]
    assert scenario.instance_id == "onboarding-1"
    assert Onboarding(service=None, instance_id="given").driven == ["given"]
