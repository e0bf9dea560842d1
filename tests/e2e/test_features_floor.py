"""The coverage floor: a whole features run fails when a diagram has paths no feature takes, and a run on
every core reports what a serial run does."""

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

    run = run_features(None, tmp_path / "parallel", processes=processes, workers=2)

    assert "bringing up nodes" in run.output, run.output  # pytest-xdist's workers
    assert run.failed_scenarios() == []
    assert run.returncode == 1, run.output
    assert "Path coverage below the floor (features/coverage-floor.json):" in run.output
    assert "unproven_process: sequence_flows 0.0 % < floor 100.0 % (missed: Flow_unproven)" in run.output
    measured = run.coverage()["processes"]
    assert measured["unproven_process"]["flow_nodes"]["missed"] == ["End_unproven", "Start_unproven"]
    assert all(
        m["sequence_flows"]["percent"] == 100.0 for key, m in measured.items() if key != "unproven_process"
    )

    # Each worker runs its share on a server of its own; the reports are those of one server running all.
    serial = run_features(None, tmp_path / "serial", processes=processes, workers=0)

    assert "bringing up nodes" not in serial.output and serial.returncode == 1, serial.output
    assert without_times(serial.coverage()) == without_times(run.coverage())
    assert serial.traceability() == run.traceability()
    listed = [line for line in run.traceability().splitlines() if line.startswith("- T")]
    own_server = "features/version_migration.feature"  # on a server and catalogue of its own
    assert len(listed) == sum(len(f["elements"]) for f in run.features() if f["uri"] != own_server)
    assert without_times(serial.features()) == without_times(run.features())


def without_times(report):
    """A report less what two runs of the same scenarios differ in: when, and how long each step took."""
    if isinstance(report, dict):
        return {k: without_times(v) for k, v in report.items() if k not in ("generated_at", "duration")}
    if isinstance(report, list):
        return [without_times(item) for item in report]
    return report
