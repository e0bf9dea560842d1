"""The coverage floor: a whole features run fails when a diagram has paths no feature takes."""

from __future__ import annotations

import shutil

from tests.features_run import ROOT, run_features

# A process no feature knows: deployable, valid, and never started by any scenario.
UNPROVEN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_unproven"
                  targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="unproven_process" name="Unproven process" isExecutable="true">
    <bpmn:startEvent id="Start_unproven" name="Started">
      <bpmn:outgoing>Flow_unproven</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="End_unproven" name="Ended">
      <bpmn:incoming>Flow_unproven</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_unproven" sourceRef="Start_unproven" targetRef="End_unproven" />
  </bpmn:process>
</bpmn:definitions>
"""


def test_a_diagram_without_a_feature_fails_the_features_run_though_every_scenario_passes(tmp_path):
    processes = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", processes)
    (processes / "unproven_process.bpmn").write_text(UNPROVEN)

    run = run_features(None, tmp_path / "out", processes=processes)

    assert run.failed_scenarios() == []
    assert run.returncode == 1, run.output
    assert "Path coverage below the floor (features/coverage-floor.json):" in run.output
    assert "unproven_process: sequence_flows 0.0 % < floor 100.0 % (missed: Flow_unproven)" in run.output
    measured = run.coverage()["processes"]
    assert measured["unproven_process"]["flow_nodes"]["missed"] == ["End_unproven", "Start_unproven"]
    assert all(
        m["sequence_flows"]["percent"] == 100.0 for key, m in measured.items() if key != "unproven_process"
    )
