"""Path coverage: which flow nodes and sequence flows of each diagram the features made the service take.

Everything is read over the REST API once the features have run: the deployed diagrams
(``/process-definitions/{key}/xml``) give the totals, and each instance's audit trail gives what was taken:
every ``element_completed`` event names the element, the process it belongs to and the flow nodes the token
``came_from`` (every branch, for a join), so a sequence flow counts as taken when its source and target were
passed in that order. Two flows between the same pair of nodes would be indistinguishable; bpmnlint's
recommended rules already refuse such diagrams, so this counts both.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from engine import BPMN_NS, FLOW_NODES

# Diagrams are untrusted input here as everywhere: no entities, no network, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class Diagram:
    """One process's flow nodes (id → name) and sequence flows (id → (source, target))."""

    key: str
    name: str
    version: int
    xml: str
    flow_nodes: dict[str, str] = field(default_factory=dict)
    sequence_flows: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, key: str, name: str, version: int, xml: str) -> Diagram:
        diagram = cls(key, name, version, xml)
        root = etree.fromstring(xml.encode(), _PARSER)
        if root.getroottree().docinfo.internalDTD is not None:
            # libxml2 expands internal entities in attributes even with resolve_entities off.
            raise ValueError(f"the diagram deployed as {key} has a DOCTYPE; diagrams never need one")
        process = root.find(f"{{{BPMN_NS}}}process[@id='{key}']")
        if process is None:
            raise ValueError(f"the diagram deployed as {key} has no process with that id")
        for element in process.iter(f"{{{BPMN_NS}}}*"):
            tag = etree.QName(element).localname
            if tag in FLOW_NODES:
                diagram.flow_nodes[element.get("id")] = element.get("name") or element.get("id")
            elif tag == "sequenceFlow":
                pair = (element.get("sourceRef"), element.get("targetRef"))
                diagram.sequence_flows[element.get("id")] = pair
        return diagram


@dataclass
class Taken:
    """What the instances passed through, per process key."""

    flow_nodes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    steps: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))

    def add_history(self, events: list[dict]) -> None:
        for event in events:
            if event["kind"] != "element_completed" or not event.get("element_id"):
                continue
            process = (event.get("data") or {}).get("process")
            self.flow_nodes[process].add(event["element_id"])
            for source in (event.get("data") or {}).get("came_from") or []:
                self.steps[process].add((source, event["element_id"]))


def _measure(covered: set[str], everything: list[str]) -> dict:
    missed = sorted(set(everything) - covered)
    total = len(everything)
    return {
        "covered": total - len(missed),
        "total": total,
        "percent": round(100.0 * (total - len(missed)) / total, 2) if total else 100.0,
        "missed": missed,
    }


def measure(diagrams: list[Diagram], taken: Taken) -> dict:
    """The coverage document (what ``coverage.json`` holds)."""
    processes = {}
    for diagram in sorted(diagrams, key=lambda d: d.key):
        nodes = taken.flow_nodes.get(diagram.key, set()) & diagram.flow_nodes.keys()
        steps = taken.steps.get(diagram.key, set())
        flows = {flow for flow, pair in diagram.sequence_flows.items() if pair in steps}
        processes[diagram.key] = {
            "name": diagram.name,
            "version": diagram.version,
            "flow_nodes": _measure(nodes, list(diagram.flow_nodes)),
            "sequence_flows": _measure(flows, list(diagram.sequence_flows)),
        }
    return {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "processes": processes}


def collect(service) -> tuple[list[Diagram], Taken, dict[str, tuple[str, list[dict]]]]:
    """The deployed diagrams, everything every stored instance went through, and each instance's process key
    and audit trail by its id (what the traceability page reads), read over the API."""
    diagrams = []
    for definition in service.call("GET", "/process-definitions"):
        key = definition["process_key"]
        xml = service.call("GET", f"/process-definitions/{key}/xml")
        diagrams.append(Diagram.parse(key, definition["name"], definition["version"], xml))
    taken, histories = Taken(), {}
    offset = 0
    while True:
        page = service.call("GET", f"/process-instances?limit=500&offset={offset}")
        for instance in page["items"]:
            history = service.call("GET", f"/process-instances/{instance['id']}/history")
            taken.add_history(history)
            histories[instance["id"]] = (instance["process_key"], history)
        if len(page["items"]) < page["limit"]:
            return diagrams, taken, histories
        offset += page["limit"]


def below_floor(coverage: dict, floor: dict) -> list[str]:
    """Every process and measure under the floor kept in the repository (features/coverage-floor.json)."""
    problems = []
    for key, measured in coverage["processes"].items():
        for kind in ("sequence_flows", "flow_nodes"):
            wanted = floor.get(key, {}).get(kind, floor["default"][kind])
            got = measured[kind]
            if got["percent"] < wanted:
                missed = ", ".join(got["missed"])
                problems.append(f"{key}: {kind} {got['percent']} % < floor {wanted} % (missed: {missed})")
    return problems


def write_json(coverage: dict, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "coverage.json"
    path.write_text(json.dumps(coverage, indent=2, ensure_ascii=False) + "\n")
    return path
