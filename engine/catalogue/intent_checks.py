"""10. What a diagram says but probably does not mean (warnings, accepted in the diagram with
``accept-warning``, see acceptance.py).

A timer or message boundary event drawn with the modeler's default is interrupting: when it fires, the task
it sits on is cancelled and the process goes on from the event. Drawn as a reminder, its path ends without
ever coming back to the main path: the instance "completes" at the reminder and skips everything after the
task. (Error, escalation and cancel boundary events are exception paths by nature and are not asked.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lxml import etree

from ..problems import Problem
from ..vocabulary import FLOW_NODES
from .diagram import SCOPES, Catalogue, bpmn_tag, describe, local_name

INTERRUPTING_DETOUR = "interrupting-detour"
_ASKED = ("timerEventDefinition", "messageEventDefinition")


def interrupting_detours(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for scope in root.iter(*map(bpmn_tag, SCOPES)):
        nodes = {n.get("id"): n for n in scope.iterchildren(etree.Element) if local_name(n) in FLOW_NODES}
        following: dict[str, list[str]] = defaultdict(list)
        for flow in scope.iterchildren(bpmn_tag("sequenceFlow")):
            following[flow.get("sourceRef")].append(flow.get("targetRef"))
        starts = [node_id for node_id, node in nodes.items() if local_name(node) == "startEvent"]
        main = _reached(starts, following)  # boundary events are not followed: the path as drawn
        for event_id, event in nodes.items():
            if local_name(event) != "boundaryEvent" or event.get("cancelActivity") == "false":
                continue
            if not any(event.find(bpmn_tag(kind)) is not None for kind in _ASKED):
                continue
            detour = _reached(following[event_id], following, avoid=main)
            if detour & main:
                continue  # it comes back to the main path
            ends = sorted(nodes[n].get("name") or n for n in detour if n in nodes and not following[n])
            where = f" at {', '.join(repr(end) for end in ends)}" if ends else ""
            task = nodes.get(event.get("attachedToRef"))
            cancelled = describe(task) if task is not None else "its activity"
            yield Problem.warning(
                file,
                event.sourceline,
                event_id,
                INTERRUPTING_DETOUR,
                f"{describe(event)} is interrupting: when it fires, {cancelled} is cancelled and the process "
                f"ends{where} without coming back to its main path. If it is a reminder, untick "
                '"Interrupting" in the modeler (cancelActivity="false")',
            )


def _reached(starts, following, avoid=frozenset()) -> set[str]:
    """The nodes reachable from ``starts``; a node of ``avoid`` is recorded but not gone beyond."""
    reached, pending = set(), list(starts)
    while pending:
        node_id = pending.pop()
        if node_id in reached:
            continue
        reached.add(node_id)
        if node_id not in avoid:
            pending.extend(following[node_id])
    return reached
