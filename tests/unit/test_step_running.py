"""The features' rendering of a scenario's data tables and reading of a step's signature
(``features/step_running.py``) answer what pytest-bdd's own answer, and pytest-bdd still renders and reads
through them: a pytest-bdd that changes either fails here."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from pytest_bdd import parser, utils

from features import step_running, steps

FEATURES = Path(__file__).resolve().parents[2] / "features"

OUTLINE = """Feature: Rendering
  Scenario Outline: A table with example values
    Given a form
      | kenttä | arvo         |
      | name   | <name>       |
      | date   | tänään       |
      | kept   | <not given>  |

    Examples:
      | name   |
      | Oy Ab  |
"""


def parsed(text: str, tmp_path: Path) -> parser.Feature:
    path = tmp_path / "rendering.feature"
    path.write_text(text, encoding="utf-8")
    return parser.FeatureParser(str(tmp_path), "rendering.feature").parse()


def test_a_rendered_table_is_pytest_bdds_own_and_leaves_the_template_as_it_was(tmp_path):
    step = parsed(OUTLINE, tmp_path).scenarios["A table with example values"].steps[0]
    template = step.datatable.raw()
    context = {"name": "Oy Ab"}

    ours = step_running.render_datatable(step.datatable, context)
    theirs = step_running.UNCACHED_RENDER(step.datatable, context)

    assert ours == theirs
    assert ours.raw() == [
        ["kenttä", "arvo"],
        ["name", "Oy Ab"],
        ["date", "tänään"],
        ["kept", "<not given>"],  # a value the examples do not give stays as written
    ]
    ours.rows[1].cells[1].value = "changed"  # a table of its own, to its cells
    assert step.datatable.raw() == template


def test_every_table_of_the_features_renders_as_pytest_bdd_renders_it(tmp_path):
    tables = 0
    for path in sorted(FEATURES.glob("*.feature")):
        feature = parser.FeatureParser(str(FEATURES), path.name).parse()
        for template in feature.scenarios.values():
            contexts = [context for examples in template.examples for context in examples.as_contexts()]
            for context in contexts or [{}]:
                for step in template.all_background_steps + template.steps:
                    if step.datatable is not None:
                        tables += 1
                        assert step_running.render_datatable(step.datatable, context) == (
                            step_running.UNCACHED_RENDER(step.datatable, context)
                        )
    assert tables > 100


def test_pytest_bdd_renders_and_reads_signatures_through_the_features_own_once_installed(tmp_path):
    scenario_module = importlib.import_module("pytest_bdd.scenario")
    step_running.install()  # as the features' conftest does
    assert parser.Step.render_datatable is step_running.render_datatable
    assert scenario_module.signature is step_running.signature
    assert utils.signature is step_running.signature

    rendered = parsed(OUTLINE, tmp_path).scenarios["A table with example values"].render({"name": "Oy Ab"})
    assert rendered.steps[0].datatable.raw()[1] == ["name", "Oy Ab"]


def test_a_steps_signature_is_the_one_inspect_reads_and_is_read_once():
    for function in (steps.complete_task, steps.start, lambda a, *, b=1: None):
        assert step_running.signature(function) == inspect.signature(function)
        assert step_running.signature(function) is step_running.signature(function)
    bound = step_running.install  # not a plain function's: asked each time, as inspect answers
    assert step_running.signature(print) == inspect.signature(print)
    assert step_running.signature(bound) == inspect.signature(bound)
