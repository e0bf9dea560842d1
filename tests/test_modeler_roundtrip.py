"""Every diagram and decision table survives a save in bpmn.io / Camunda Modeler: opened and saved again with
bpmn-moddle or dmn-moddle and the Camunda extension descriptors (what those tools use), it keeps every
element, attribute and text — the Camunda attributes and extension elements the engine reads included —
and the saved catalogue still validates."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SAVE = ROOT / "tests" / "save_like_a_modeler.mjs"
DIAGRAMS = sorted([*(ROOT / "processes").glob("*.bpmn"), *(ROOT / "processes").glob("*.dmn")])
# Attributes a modeler leaves out when they hold the default: the same meaning either way.
DEFAULTS = {("decisionTable", "hitPolicy", "UNIQUE")}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def saved_like_a_modeler(diagram: Path, target: Path) -> Path:
    # A missing bpmn-moddle is a broken set-up, not a reason to skip: run `npm ci`.
    assert (ROOT / "node_modules" / "camunda-bpmn-moddle").exists(), f"run `npm ci` in {ROOT}"
    result = subprocess.run(
        ["node", str(SAVE), str(diagram), str(target)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr  # no import warning either
    return target


def content(path: Path) -> Counter:
    """Every element with its attributes and text, in no particular order (a save may reformat)."""
    root = etree.parse(str(path), _PARSER).getroot()
    return Counter(
        (element.tag, _meaningful(element), (element.text or "").strip())
        for element in root.iter()
        if isinstance(element.tag, str)
    )


def _meaningful(element) -> tuple:
    local = etree.QName(element).localname
    return tuple(sorted((k, v) for k, v in element.attrib.items() if (local, k, v) not in DEFAULTS))


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=[d.name for d in DIAGRAMS])
def test_a_modeler_save_keeps_everything(diagram, tmp_path):
    saved = saved_like_a_modeler(diagram, tmp_path / diagram.name)
    before, after = content(diagram), content(saved)
    assert (before - after, after - before) == (Counter(), Counter())


def test_the_catalogue_saved_by_a_modeler_still_validates(tmp_path):
    catalogue = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", catalogue)
    for diagram in DIAGRAMS:
        saved_like_a_modeler(diagram, catalogue / diagram.name)
    command = Path(sys.executable).parent / "kanta-onboarding"
    result = subprocess.run([str(command), "validate", str(catalogue)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 11 diagram(s)"), result.stdout
