"""Check a catalogue of diagrams before SpiffWorkflow parses them, reporting every problem at once.

SpiffWorkflow stops at the first fault it meets and names no line. An analyst fixing a diagram wants
the whole list, each entry with the file, the line and the element id to look for in the modeler, so
these checks read the XML themselves and never stop early: schema validity, constructs the engine runs,
reachability, guarded gateway branches, forms, expressions that compile, references between files,
messages and their payload schemas, and ids.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from ..problems import Problem
from .acceptance import unaccepted
from .construct_checks import construct_problems
from .data_flow_checks import DATA_FLOW_CODES, data_flow_problems
from .decision_coverage import coverage_warnings
from .diagram import Catalogue, at
from .dmn_checks import (
    decision_cell_problems,
    hit_policy_problems,
    overlapping_rule_problems,
    requirement_problems,
    typed_entry_problems,
)
from .flow_checks import (
    bpmn_expression_problems,
    form_problems,
    message_problems,
    reserved_ids,
    unguarded_gateway_flows,
    unreachable_nodes,
    unresolved_calls,
)
from .form_checks import form_content_problems
from .intent_checks import interrupting_detours
from .messages import contract_problems
from .party_checks import lane_agreement_problems, party_problems
from .reference_checks import dangling_references
from .schema_checks import bpmn_schema_problems, dmn_schema_problems


def check_catalogue(diagrams: Mapping[str, etree._ElementTree], forms: Mapping[str, bytes]) -> list[Problem]:
    """Every problem in ``diagrams`` (file name -> parsed BPMN or DMN) and the ``forms`` they name."""
    catalogue = Catalogue.of(diagrams, forms)
    problems = [
        at(name, tree.getroot(), "is neither a BPMN 2.0 diagram nor a DMN decision table")
        for name, tree in diagrams.items()
        if name not in catalogue.bpmn and name not in catalogue.dmn
    ]
    for name, root in catalogue.bpmn.items():
        for check in BPMN_CHECKS:
            problems.extend(check(name, root, catalogue))
    for name, root in catalogue.dmn.items():
        for check in DMN_CHECKS:
            problems.extend(check(name, root, catalogue))
    problems.extend(duplicate_definitions(catalogue))
    problems.extend(lane_agreement_problems(catalogue))
    problems.extend(form_content_problems(catalogue))
    return unaccepted(_root_causes_first(problems), catalogue.bpmn)


def _root_causes_first(problems: list[Problem]) -> list[Problem]:
    """A variable reported unwritten where another check already found the element's fault (a script that
    does not compile, a condition naming a field the payload schema lacks) is a consequence of that fault:
    it is folded under it."""
    faulty = {(p.file, p.element_id) for p in problems if not p.is_warning and p.code not in DATA_FLOW_CODES}
    return [p for p in problems if p.code not in DATA_FLOW_CODES or (p.file, p.element_id) not in faulty]


# --- 8. ids across the catalogue -------------------------------------------------------------------------


def duplicate_definitions(catalogue: Catalogue) -> Iterator[Problem]:
    """A process or decision id defined in two files: the engine would silently keep only one of them."""
    processes = ((file, process) for file, process in catalogue.processes())
    decisions = catalogue.decisions()
    for kind, definitions in (("process", processes), ("decision", decisions)):
        first_seen: dict[str, tuple[str, etree._Element]] = {}
        for file, element in definitions:
            element_id = element.get("id")
            if element_id in first_seen and first_seen[element_id][0] != file:
                other_file, other = first_seen[element_id]
                where = f"{other_file} (line {other.sourceline})"
                why = f"{kind} ids must be unique in the catalogue"
                yield at(file, element, f"{kind} id '{element_id}' is already defined in {where}: {why}")
            first_seen.setdefault(element_id, (file, element))


BPMN_CHECKS = (
    bpmn_schema_problems,
    dangling_references,
    construct_problems,
    unreachable_nodes,
    unguarded_gateway_flows,
    form_problems,
    bpmn_expression_problems,
    unresolved_calls,
    message_problems,
    contract_problems,
    reserved_ids,
    data_flow_problems,
    interrupting_detours,
    party_problems,
)
DMN_CHECKS = (
    dmn_schema_problems,
    decision_cell_problems,
    hit_policy_problems,
    typed_entry_problems,
    overlapping_rule_problems,
    requirement_problems,
    coverage_warnings,
)
