"""Who does a task, from one version to the next: a task dragged into another lane in the modeler, or a lane
deleted with its tasks left behind, changes which organisation may do the work (engine/parties.py) with no
other sign in the diagram. Deploying says so, naming the task and both lanes, as a warning an analyst who
meant it accepts on the task (``accept-warning`` = ``lane-changed``, see catalogue/acceptance.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from .catalogue.acceptance import unaccepted
from .catalogue.diagram import local_name
from .parties import PROPERTY, lane_rules_in
from .problems import Problem
from .vocabulary import BPMN_NS

LANE_CHANGED = "lane-changed"
_DOING = ("userTask", "manualTask", "task", "receiveTask")  # a party's work; and the messages it sends:
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def lane_changes(
    new_roots: Mapping[str, etree._Element], old_roots: Mapping[str, etree._Element]
) -> list[Problem]:
    """The tasks of the diagrams ``new_roots`` whose lane's party differs from the one they had in the same
    files' ``old_roots`` (both parsed, by file name)."""
    said = []
    for file, root in new_roots.items():
        old = old_roots.get(file)
        if old is None:
            continue
        before = {task.get("id"): lane for task, lane in _lanes_of_tasks(old)}
        for task, now in _lanes_of_tasks(root):
            was = before.get(task.get("id"))
            if was is not None and was[1] != now[1]:
                said.append(_moved(file, task, was, now))
    return unaccepted(said, new_roots)


class StoredDiagrams:
    """The diagrams of deployed versions, each file's text parsed once however many versions carry it (a
    called process's file travels with every caller)."""

    def __init__(self):
        self._parsed: dict[tuple[str, str], etree._Element] = {}

    def roots(self, sources: Mapping[str, str]) -> dict[str, etree._Element]:
        return {file: self._root(file, text) for file, text in sources.items() if file.endswith(".bpmn")}

    def _root(self, file: str, text: str) -> etree._Element:
        root = self._parsed.get((file, text))
        if root is None:
            root = self._parsed[(file, text)] = etree.fromstring(text.encode(), _PARSER)
        return root


def _moved(file: str, task: etree._Element, was: tuple, now: tuple) -> Problem:
    name = task.get("name") or task.get("id")
    return Problem.warning(
        file,
        task.sourceline,
        task.get("id"),
        LANE_CHANGED,
        f'"{name}" was in {_lane(was)} and is now in {_lane(now)}: from this version on another organisation '
        "does it. If the task was dragged there by mistake, move it back; if it is meant, accept the warning "
        f"on the task (accept-warning = {LANE_CHANGED})",
    )


def _lane(lane: tuple[str | None, str | None]) -> str:
    name, rule = lane
    if name is None:
        return "no lane (only a caller of no party does it)"
    return f'lane "{name}" (played by {rule})' if rule else f'lane "{name}" (no {PROPERTY} entry)'


def _lanes_of_tasks(root: etree._Element) -> Iterator[tuple[etree._Element, tuple[str | None, str | None]]]:
    """(task, (its lane's name, that lane's party entry)) for every task of a party's work in the diagram;
    a task in no lane has (None, None)."""
    rules = {lane.get("id"): rule for lane, _, rule in lane_rules_in(root)}
    lane_of = {}
    for lane in root.iter(f"{{{BPMN_NS}}}lane"):
        for ref in lane.iterfind(f"{{{BPMN_NS}}}flowNodeRef"):
            played = (lane.get("name") or lane.get("id"), rules.get(lane.get("id")))
            lane_of[(ref.text or "").strip()] = played
    for task in root.iter(*(f"{{{BPMN_NS}}}{kind}" for kind in (*_DOING, "intermediateCatchEvent"))):
        if local_name(task) in _DOING or task.find(f"{{{BPMN_NS}}}messageEventDefinition") is not None:
            yield task, lane_of.get(task.get("id"), (None, None))
