"""Warnings an analyst has accepted in the diagram.

A warning says what may be meant (a payload field that may be missing, a boundary event that ends the
process elsewhere). Where it is meant, the analyst says so on the element the warning names, or on its
process for every such warning there, with a ``camunda:properties`` entry ``accept-warning`` whose value is
the warning's code (several codes comma-separated). Camunda Modeler edits it under "Extension properties",
and the engine, as Camunda, runs nothing differently for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lxml import etree

from ..problems import Problem
from ..vocabulary import CAMUNDA_NS
from .diagram import bpmn_tag

ACCEPT_WARNING = "accept-warning"


def unaccepted(problems: Iterable[Problem], diagrams: Mapping[str, etree._Element]) -> list[Problem]:
    accepted = {name: _accepted_in(root) for name, root in diagrams.items()}
    return [
        problem
        for problem in problems
        if not (
            problem.is_warning and problem.code in accepted.get(problem.file, {}).get(problem.element_id, ())
        )
    ]


def _accepted_in(root: etree._Element) -> dict[str, set[str]]:
    """element id -> the warning codes accepted there (a process's own reach every element inside it)."""
    accepted: dict[str, set[str]] = {}
    for process in root.iter(bpmn_tag("process")):
        everywhere = _codes(process)
        for element in process.iter(etree.Element):
            if element.get("id"):
                accepted[element.get("id")] = everywhere | _codes(element)
    return accepted


def _codes(element: etree._Element) -> set[str]:
    path = f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}properties/{{{CAMUNDA_NS}}}property"
    codes = set()
    for entry in element.iterfind(path):
        if entry.get("name") == ACCEPT_WARNING:
            codes |= {code.strip() for code in (entry.get("value") or "").split(",") if code.strip()}
    return codes
