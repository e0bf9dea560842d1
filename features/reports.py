"""The HTML reports of a features run: the coverage drawn on each diagram, and the living documentation.

Both are static pages that open from disk (``file://``): the diagram XML and the coverage are written into
the page, and the bpmn-js viewer the cockpit serves is copied beside them, so no server is needed to read
them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pytest_bdd.feature import get_feature

from features.flow_coverage import Diagram

ROOT = Path(__file__).resolve().parent.parent
VIEWER = ROOT / "api" / "web" / "static" / "vendor" / "bpmn-js"
_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def write_coverage_pages(coverage: dict, diagrams: list[Diagram], folder: Path) -> Path:
    """``index.html`` (a table of every process) and ``<key>.html`` (its diagram, coloured) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VIEWER, folder / "bpmn-js", dirs_exist_ok=True)
    for diagram in diagrams:
        measured = coverage["processes"][diagram.key]
        missed = set(measured["flow_nodes"]["missed"]) | set(measured["sequence_flows"]["missed"])
        covered = sorted((set(diagram.flow_nodes) | set(diagram.sequence_flows)) - missed)
        page = _templates.get_template("coverage_diagram.html").render(
            key=diagram.key,
            measured=measured,
            payload={"xml": diagram.xml, "covered": covered, "missed": sorted(missed)},
        )
        (folder / f"{diagram.key}.html").write_text(page)
    index = _templates.get_template("coverage_index.html").render(coverage=coverage)
    (folder / "index.html").write_text(index)
    return folder / "index.html"


def write_living_documentation(cucumber_json: Path, coverage_folder: Path, folder: Path) -> Path:
    """One page of every feature, scenario and step with its result, each feature linked to its diagram."""
    features = json.loads(cucumber_json.read_text())
    for feature in features:
        tables, examples = _tables_and_examples(ROOT / feature["uri"])
        key = Path(feature["uri"]).stem  # features/<process key>.feature
        diagram_page = coverage_folder / f"{key}.html"
        feature["coverage_link"] = os.path.relpath(diagram_page, folder) if diagram_page.exists() else None
        runs_of = {line: iter(rows) for line, rows in examples.items()}
        for scenario in feature["elements"]:
            # An outline's runs come in the order of its example rows: fill each run's tables with its row.
            example = next(runs_of.get(scenario["line"], iter(())), {})
            for step in scenario["steps"]:
                step["table"] = [
                    [_filled(cell, example) for cell in row] for row in tables.get(step["line"], [])
                ]
            results = [step["result"]["status"] for step in scenario["steps"]]
            scenario["status"] = "failed" if "failed" in results else "passed"
        feature["status"] = (
            "failed" if any(s["status"] == "failed" for s in feature["elements"]) else "passed"
        )
    scenarios = [s for f in features for s in f["elements"]]
    totals = {
        "features": len(features),
        "scenarios": len(scenarios),
        "failed": sum(1 for s in scenarios if s["status"] == "failed"),
        "steps": sum(len(s["steps"]) for s in scenarios),
    }
    folder.mkdir(parents=True, exist_ok=True)
    page = _templates.get_template("living_documentation.html").render(features=features, totals=totals)
    (folder / "index.html").write_text(page)
    return folder / "index.html"


Tables = dict[int, list[list[str]]]  # a step's line → its data table's rows
Examples = dict[int, list[dict[str, str]]]  # a scenario outline's line → its example rows


def _tables_and_examples(feature_file: Path) -> tuple[Tables, Examples]:
    """Each step's data table by the step's line (cucumber JSON leaves them out, and readers need the data),
    and each scenario outline's example rows by the outline's line. Read from pytest-bdd's parse of the
    feature, which it keeps from the collection (a run's controller on every core parses it here)."""
    if not feature_file.exists():
        return {}, {}
    feature = get_feature(str(feature_file.parent), feature_file.name)
    tables, examples = {}, {}
    steps = list(feature.background.steps) if feature.background is not None else []
    for scenario in feature.scenarios.values():
        steps += scenario.steps[len(scenario.all_background_steps) :]
        if scenario.examples:
            examples[scenario.line_number] = [
                row for block in scenario.examples for row in block.as_contexts()
            ]
    for step in steps:
        if step.datatable is not None:
            tables[step.line_number] = step.datatable.raw()
    return tables, examples


def _filled(cell: str, example: dict[str, str]) -> str:
    for name, value in example.items():
        cell = cell.replace(f"<{name}>", value)
    return cell
