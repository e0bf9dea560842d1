"""Traceability: each seed sentence the catalogue quotes → the elements quoting it → their scenarios.

Each user task, service task (the work a worker does), deciding gateway, timer, message catch and business
rule task of a diagram, and each rule of a decision table, says where its rule comes from in its documentation
(a rule: its description), with lines

    Source: <seed prefix> "<the Finnish sentence, quoted>"
    Source: organisation's own practice: <why>

(``tests/test_traceability.py`` checks that every such element has one and that every quote is in its seed.)
Any other element whose documentation carries a ``Source:`` line (an end or throw event, a call activity, a
join) is listed under its sentence too, so no quoted sentence lacks its line on the page.
A full features run records which elements each scenario's instances passed through (``ScenarioPaths``: the
elements the audit trail says were completed, and the service tasks a worker completed, in every instance the
scenario drove: an onboarding it drove to a message throw, then the process that message started) and
writes the page ``features/traceability.md`` from them: seed sentence → element ids → scenarios. A decision
table's rule counts as taken by the scenarios that ran its business rule task (the audit trail does not say
which rule matched). The run fails when the committed page is not what it would write, so the page is always
current; ``KANTA_WRITE_TRACEABILITY=1`` makes the run write it instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from engine import BPMN_NS, AuditKind

DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/"
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"}
EVENTS = {"startEvent", "intermediateCatchEvent", "boundaryEvent"}
QUOTED = re.compile(r'^Source: (?P<seed>\d{3}) "(?P<quote>.+)"$')
OWN_PRACTICE = re.compile(r"^Source: organisation's own practice: (?P<why>\S.*)$")
UNRECORDED = {"sequenceFlow", "lane"}
SOURCE_LINE = re.compile(r"^\s*Source:", re.MULTILINE)
WORKER_ENDINGS = {AuditKind.EXTERNAL_TASK_COMPLETED, AuditKind.EXTERNAL_TASK_BPMN_ERROR}
OWN = "own practice"  # the "seed" of the organisation's own practice
PAGE = Path(__file__).parent / "traceability.md"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def collapsed(text: str) -> str:
    return " ".join(text.split())


def seed_texts(seeds: Path) -> dict[str, str]:
    """Seed prefix ("001") → the seed's text with whitespace collapsed (the seeds break lines anywhere)."""
    return {
        path.name[:3]: collapsed(path.read_text(encoding="utf-8")) for path in sorted(seeds.glob("*.txt"))
    }


def kind_of(element) -> str | None:
    """What a diagram element is, when it is one that must say where its rule comes from."""
    tag = etree.QName(element).localname
    if tag in ("userTask", "businessRuleTask", "serviceTask"):
        return tag
    if tag in GATEWAYS and len(element.findall(f"{{{BPMN_NS}}}outgoing")) > 1:
        return "deciding gateway"
    if tag in EVENTS:
        if element.find(f"{{{BPMN_NS}}}timerEventDefinition") is not None:
            return "timer"
        if element.find(f"{{{BPMN_NS}}}messageEventDefinition") is not None:
            return "message catch"
    return None


@dataclass(frozen=True)
class Traced:
    """One element (or decision rule) that must say where it comes from."""

    file: str
    process: str  # the process key, or for a decision rule the decision's id
    element_id: str
    name: str
    text: str  # its documentation (a rule: its description)
    recorded: bool = True  # False: a sequence flow or a lane, which no audit trail names as passed through

    def sources(self) -> list[tuple[str, str]]:
        """(seed prefix or OWN, the quote or the why) of each well-formed Source line."""
        found = []
        for line in self.text.splitlines():
            line = line.strip()
            if quoted := QUOTED.match(line):
                found.append((quoted["seed"], collapsed(quoted["quote"])))
            elif own := OWN_PRACTICE.match(line):
                found.append((OWN, collapsed(own["why"])))
        return found


def traced_elements(catalogue: Path) -> list[Traced]:
    """Every element and decision rule of the catalogue that needs a source, with its documentation."""
    found = []
    for diagram in sorted(catalogue.glob("*.bpmn")):
        root = etree.parse(str(diagram), _PARSER).getroot()
        for process in root.iter(f"{{{BPMN_NS}}}process"):
            for element in process.iter(etree.Element):
                if element is process:
                    continue
                documentation = element.find(f"{{{BPMN_NS}}}documentation")
                text = (documentation.text if documentation is not None else "") or ""
                # an element that must say where its rule comes from, or any other (an end, a throw, a call
                # activity, a join) that quotes a sentence anyway: the sentence's line lists it
                if kind_of(element) is not None or SOURCE_LINE.search(text):
                    name = element.get("name") or element.get("id")
                    recorded = etree.QName(element).localname not in UNRECORDED
                    element_id = element.get("id")
                    found.append(Traced(diagram.name, process.get("id"), element_id, name, text, recorded))
    for table in sorted(catalogue.glob("*.dmn")):
        root = etree.parse(str(table), _PARSER).getroot()
        for decision in root.iter(f"{{{DMN_NS}}}decision"):
            for number, rule in enumerate(decision.iter(f"{{{DMN_NS}}}rule"), start=1):
                description = rule.find(f"{{{DMN_NS}}}description")
                text = (description.text if description is not None else "") or ""
                found.append(Traced(table.name, decision.get("id"), rule.get("id"), f"rule {number}", text))
    return found


def decision_users(catalogue: Path) -> dict[str, set[tuple[str, str]]]:
    """Decision id → the (process key, business rule task id) that evaluate it."""
    users = defaultdict(set)
    for diagram in sorted(catalogue.glob("*.bpmn")):
        root = etree.parse(str(diagram), _PARSER).getroot()
        for process in root.iter(f"{{{BPMN_NS}}}process"):
            for task in process.iter(f"{{{BPMN_NS}}}businessRuleTask"):
                ref = task.get("{http://camunda.org/schema/1.0/bpmn}decisionRef")
                if ref:
                    users[ref].add((process.get("id"), task.get("id")))
    return users


@dataclass
class ScenarioPaths:
    """What each scenario's instances passed through: (feature, scenario) → {(process key, element id)}, the
    union over every instance it drove (``add`` once for each)."""

    taken: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, feature: str, scenario: str, history: list[dict], process_key: str | None = None) -> None:
        """``history``: the audit trail of the scenario's instance of ``process_key``."""
        process_of = {}  # SpiffWorkflow task id -> the process its element belongs to
        for event in history:
            if event["kind"] == "element_completed" and event.get("element_id"):
                process = (event.get("data") or {}).get("process")
                process_of[event.get("task_id")] = process
                self.taken[(feature, scenario)].add((process, event["element_id"]))
        # a service task a worker completed (or ended with a BPMN error) was passed through too; the worker's
        # event names no process, the completion of the same task does (else: the instance's own process)
        for event in history:
            if event["kind"] in WORKER_ENDINGS and event.get("element_id"):
                process = process_of.get(event.get("task_id")) or process_key
                self.taken[(feature, scenario)].add((process, event["element_id"]))


def page(catalogue: Path, paths: ScenarioPaths) -> str:
    """The page (Markdown): seed sentence → elements → scenarios (numbered; listed at the end)."""
    users = decision_users(catalogue)
    scenarios = sorted(paths.taken)
    number = {scenario: index for index, scenario in enumerate(scenarios, start=1)}
    takers: dict[tuple[str, str], set[int]] = defaultdict(set)
    for scenario, elements in paths.taken.items():
        for element in elements:
            takers[element].add(number[scenario])
    by_source: dict[tuple[str, str], list[Traced]] = defaultdict(list)
    for traced in traced_elements(catalogue):
        for source in traced.sources():
            by_source[source].append(traced)

    def taken_by(traced: Traced) -> set[int]:
        if traced.file.endswith(".dmn"):  # a rule: the scenarios that ran its table
            return set().union(*(takers[user] for user in users.get(traced.process, ())))
        return takers[(traced.process, traced.element_id)]

    lines = [
        "# Jäljitettävyys: lähdelause → elementit → tapaukset",
        "",
        "Traceability: each sentence of the seed documents the catalogue quotes, the diagram elements and",
        "decision rules that quote it in a `Source:` line, and the scenarios of the features that take them",
        "(numbers, listed at the end). Written by `features/traceability.py` from the catalogue and a full",
        "features run; the run fails when this page is not current",
        "(`KANTA_WRITE_TRACEABILITY=1 .venv/bin/pytest features` writes it). A decision rule counts as",
        "taken by the scenarios that ran its decision table.",
        "",
    ]
    for seed in [*sorted(s for s in {s for s, _ in by_source} if s != OWN), OWN]:
        quotes = sorted(quote for s, quote in by_source if s == seed)
        if not quotes:
            continue
        title = "Organisaation oma käytäntö (organisation's own practice)" if seed == OWN else f"Lähde {seed}"
        lines += [f"## {title}", ""]
        for quote in quotes:
            lines.append(f"- {'Perustelu' if seed == OWN else 'Lause'}: “{quote}”")
            for traced in sorted(by_source[(seed, quote)], key=lambda t: (t.process, t.element_id)):
                taking = sorted(taken_by(traced))
                shown = ", ".join(f"T{n}" for n in taking) if taking else "ei yhtään tapausta"
                if not traced.recorded:
                    shown = "kulku tai kaista, jota ajo ei kirjaa (a flow or lane: no run records it)"
                lines.append(f"  - `{traced.process}` / `{traced.element_id}` ({traced.name}): {shown}")
        lines.append("")
    lines += ["## Tapaukset (scenarios)", ""]
    for scenario in scenarios:
        feature, name = scenario
        lines.append(f"- T{number[scenario]}: `{feature}` — {name}")
    return "\n".join(lines) + "\n"


def write_page(catalogue: Path, paths: ScenarioPaths, build: Path) -> str:
    """Write the page of ``catalogue`` into ``build`` (a copy's too; only the catalogue's is committed)."""
    text = page(catalogue, paths)
    build.mkdir(parents=True, exist_ok=True)
    (build / PAGE.name).write_text(text, encoding="utf-8")
    return text


def check(catalogue: Path, paths: ScenarioPaths, build: Path, write: bool) -> str | None:
    """Write the page into ``build`` (and to ``features/`` when ``write``); say what is wrong when the
    committed page is not current, else None."""
    text = write_page(catalogue, paths, build)
    if write:
        PAGE.write_text(text, encoding="utf-8")
        return None
    if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
        return (
            f"{PAGE.relative_to(PAGE.parent.parent)} is not current: this run wrote {build / PAGE.name}; "
            "run the features with KANTA_WRITE_TRACEABILITY=1 to update it"
        )
    return None
