"""A refused deployment lists its problems root causes first: what is wrong with an element itself, then the
names the data flow finds unwritten (often a consequence of the first), then the warnings."""

from __future__ import annotations

from engine import DefinitionInvalid, Problem


def test_root_causes_come_before_their_consequences_and_warnings_last_whatever_their_lines():
    warning = Problem.warning("a.bpmn", 3, "Flow_1", "maybe-unwritten", "may be unwritten")
    unwritten = Problem("a.bpmn", 5, "Gateway_1", "reads 'decison', which nothing writes", code="unwritten")
    missing_form = Problem(
        "a.bpmn", 40, "Task_1", 'uses the form "forms/x.json", which is not in the catalogue'
    )
    other_file = Problem("b.bpmn", 2, "Task_2", "is not executable")

    refused = DefinitionInvalid([warning, unwritten, other_file, missing_form])

    assert refused.problems == [missing_form, other_file, unwritten, warning]
    assert refused.detail.index("forms/x.json") < refused.detail.index("decison")
