"""Every diagram of the catalogue passes bpmnlint's recommended rules (the npm linter bpmn.io uses)."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BPMNLINT = ROOT / "node_modules" / ".bin" / "bpmnlint"
DIAGRAMS = sorted((ROOT / "processes").glob("*.bpmn"))


def test_the_catalogue_has_diagrams():
    assert DIAGRAMS, "processes/ holds no .bpmn file"


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=[d.name for d in DIAGRAMS])
def test_bpmnlint_finds_nothing(diagram):
    # A missing linter is a broken set-up, not a reason to skip: the catalogue would go unchecked.
    assert BPMNLINT.exists(), f"{BPMNLINT} is missing: run `npm ci` in {ROOT}"
    result = subprocess.run(
        # --max-warnings=0: a warning is a finding too (bpmnlint exits 0 on warnings by default).
        [str(BPMNLINT), "--max-warnings=0", str(diagram.relative_to(ROOT))],
        cwd=ROOT,  # bpmnlint reads .bpmnlintrc from the working directory
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "problem" not in result.stdout, result.stdout + result.stderr
