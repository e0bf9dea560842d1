"""Every wait state the features reach is migrated and then checked: each process gets a changed copy as a
new version, and after every action the instance moves to the other version before the scenario looks
where it stands. Every scenario must pass as it does without moving."""

from __future__ import annotations

import json

from tests.features_run import run_features


def test_every_scenario_passes_when_its_instance_moves_version_after_every_step(tmp_path, monkeypatch):
    monkeypatch.setenv("KANTA_FEATURE_MIGRATE", "1")
    run = run_features(None, tmp_path)
    assert run.returncode == 0, run.output[-6000:]
    assert run.failed_scenarios() == []
    moved = json.loads((run.coverage_dir / "migrations.json").read_text())["instances_moved"]
    assert moved > 300, moved  # every feature's instances moved at each of their steps
