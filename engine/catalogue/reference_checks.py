"""Root causes first: a reference to something that is not there (a flow to a deleted task, a boundary event
on a deleted activity, a lane listing a deleted element) is reported as itself, with the id meant when one is
close, and what it makes unreachable is folded under it instead of being listed element by element.

The XML schema does not see these (an IDREF may point at any id in the file), and SpiffWorkflow answers
them with a guess ("perhaps a form has the same ID?") about something else."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from lxml import etree

from ..problems import Problem
from ..vocabulary import FLOW_NODES
from .diagram import SCOPES, Catalogue, at, bpmn_tag, describe, local_name


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """': did you mean 'X'?' for the closest of ``known``, or nothing."""
    close = difflib.get_close_matches(wrong, sorted(set(known) - {wrong}), n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


def dangling_references(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for scope in root.iter(*map(bpmn_tag, SCOPES)):
        nodes = {
            child.get("id"): child
            for child in scope.iterchildren(etree.Element)
            if local_name(child) in FLOW_NODES
        }
        for flow in scope.iterchildren(bpmn_tag("sequenceFlow")):
            for end, word in (("sourceRef", "comes from"), ("targetRef", "leads to")):
                ref = flow.get(end)
                if ref and ref not in nodes:
                    yield at(file, flow, f"{describe(flow)} {word} '{ref}', {_missing_in(scope, nodes, ref)}")
        for event in (node for node in nodes.values() if local_name(node) == "boundaryEvent"):
            ref = event.get("attachedToRef")
            if ref and ref not in nodes:
                yield at(
                    file, event, f"{describe(event)} is attached to '{ref}', {_missing_in(scope, nodes, ref)}"
                )
    every_id = {
        element.get("id")
        for process in root.iter(bpmn_tag("process"))
        for element in process.iter(etree.Element)
        if element.get("id")
    }
    for lane in root.iter(bpmn_tag("lane")):
        for ref in lane.iterchildren(bpmn_tag("flowNodeRef")):
            name = (ref.text or "").strip()
            if name and name not in every_id:
                what = f"{describe(lane)} lists '{name}', which is not in the diagram"
                yield Problem(file, ref.sourceline, lane.get("id"), what + did_you_mean(name, every_id))


def _missing_in(scope: etree._Element, nodes: dict, ref: str) -> str:
    where = "the process" if local_name(scope) == "process" else describe(scope)
    return f"which is not in {where}{did_you_mean(ref, nodes)}"


def dangling_scopes(file: str, root: etree._Element) -> set[str]:
    """The ids of the scopes with a flow or boundary event whose other end is missing: what they can not
    reach is a consequence of it."""
    flawed = set()
    for scope in root.iter(*map(bpmn_tag, SCOPES)):
        ids = {
            child.get("id") for child in scope.iterchildren(etree.Element) if local_name(child) in FLOW_NODES
        }
        ends = [
            flow.get(end)
            for flow in scope.iterchildren(bpmn_tag("sequenceFlow"))
            for end in ("sourceRef", "targetRef")
        ]
        ends += [
            node.get("attachedToRef")
            for node in scope.iterchildren(bpmn_tag("boundaryEvent"))
            if node.get("attachedToRef")
        ]
        if any(end and end not in ids for end in ends):
            flawed.add(scope.get("id"))
    return flawed
