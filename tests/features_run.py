"""Run some Gherkin features in a pytest of their own, to test what the features and their reports do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class FeaturesRun:
    returncode: int
    output: str
    coverage_dir: Path
    living_documentation_dir: Path

    def coverage(self) -> dict:
        return json.loads((self.coverage_dir / "coverage.json").read_text())

    def traceability(self) -> str:
        return (self.living_documentation_dir / "traceability.md").read_text()

    def features(self) -> list[dict]:
        return json.loads((self.living_documentation_dir / "cucumber.json").read_text())

    def failed_scenarios(self) -> list[str]:
        return [
            scenario["name"]
            for feature in self.features()
            for scenario in feature["elements"]
            if any(step["result"]["status"] == "failed" for step in scenario["steps"])
        ]


def run_features(
    process_key: str | None, out: Path, processes: Path | None = None, *, workers: int | None = None
) -> FeaturesRun:
    """``pytest features/test_<process_key>.py`` (every feature: None) against ``processes`` (default: the
    catalogue), on ``workers`` pytest-xdist workers (None: a worker a core; 0: serially, without xdist)."""
    env = {**os.environ}
    if processes is not None:
        env["KANTA_FEATURE_PROCESSES"] = str(processes)
    run = FeaturesRun(0, "", out / "coverage", out / "features")
    command = [
        sys.executable, "-m", "pytest", f"features/test_{process_key}.py" if process_key else "features",
        "-q", "-p", "no:cacheprovider",
        f"--flow-coverage-dir={run.coverage_dir}",
        f"--cucumberjson={run.living_documentation_dir / 'cucumber.json'}",
    ]  # fmt: skip
    if workers is not None:
        command += ["-p", "no:xdist"] if workers == 0 else ["-n", str(workers)]
    finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    run.returncode, run.output = finished.returncode, finished.stdout + finished.stderr
    return run
