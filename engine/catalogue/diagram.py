"""How the checks read a catalogue's XML: its diagrams by kind, and where an element is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

from ..bpmn import DMN_XSD_PATHS
from ..decisions import Decision, read_decisions
from ..decisions.tables import Fault
from ..problems import Problem
from ..vocabulary import BPMN_NS
from .forms import form_fault

# Where sequence flows must connect everything; an ad hoc sub process runs its activities in any order.
SCOPES = ("process", "subProcess", "transaction")
CONDITIONAL_GATEWAYS = ("exclusiveGateway", "inclusiveGateway")
TIMER_EXPRESSIONS = ("timeDate", "timeDuration", "timeCycle")
LOOP_EXPRESSIONS = ("loopCardinality", "completionCondition")

_KIND_NAMES = {"subProcess": "sub process", "adHocSubProcess": "ad hoc sub process"}


@dataclass
class Catalogue:
    bpmn: dict[str, etree._Element]
    dmn: dict[str, etree._Element]
    forms: Mapping[str, bytes]
    form_faults: dict[str, str | None] = field(default_factory=dict)
    decision_reads: dict[str, tuple[list[Decision], list[Fault]]] = field(default_factory=dict)

    @classmethod
    def of(cls, diagrams: Mapping[str, etree._ElementTree], forms: Mapping[str, bytes]) -> Catalogue:
        bpmn, dmn = {}, {}
        for name, tree in diagrams.items():
            root = tree.getroot()
            namespace = etree.QName(root).namespace or ""
            if namespace == BPMN_NS:
                bpmn[name] = root
            elif namespace in DMN_XSD_PATHS or "omg.org/spec/DMN/" in namespace:
                dmn[name] = root
        return cls(bpmn, dmn, forms)

    def processes(self) -> Iterator[tuple[str, etree._Element]]:
        for name, root in self.bpmn.items():
            for process in root.iter(bpmn_tag("process")):
                yield name, process

    def decisions(self) -> Iterator[tuple[str, etree._Element]]:
        """(file, decision element) of every decision in every DMN file."""
        for name, root in self.dmn.items():
            yield from ((name, d) for d in root.iterchildren(f"{{{etree.QName(root).namespace}}}decision"))

    def read_decisions(self, file: str) -> tuple[list[Decision], list[Fault]]:
        """The decisions of a DMN file as the engine reads them, and the faults found reading them."""
        if file not in self.decision_reads:
            self.decision_reads[file] = read_decisions(file, self.dmn[file])
        return self.decision_reads[file]

    def every_decision(self) -> dict[str, Decision]:
        return {d.id: d for file in self.dmn for d in self.read_decisions(file)[0]}

    def form_fault(self, key: str) -> str | None:
        if key not in self.form_faults:
            self.form_faults[key] = form_fault(self.forms[key])
        return self.form_faults[key]


# --- shared helpers --------------------------------------------------------------------------------------


def bpmn_tag(local_name: str) -> str:
    return f"{{{BPMN_NS}}}{local_name}"


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def at(file: str, element: etree._Element, message: str) -> Problem:
    return Problem(file, element.sourceline, element.get("id"), message)


def kind_of(element: etree._Element) -> str:
    local = local_name(element)
    if local == "subProcess" and element.get("triggeredByEvent") == "true":
        return "event sub process"
    return _KIND_NAMES.get(local) or re.sub(r"(?<!^)(?=[A-Z])", " ", local).lower()


def describe(element: etree._Element) -> str:
    """'user task "Fill in the customer data"': the kind of element and its name (its id if unnamed)."""
    label = " ".join((element.get("name") or element.get("label") or "").split()) or element.get("id")
    return f'{kind_of(element)} "{label}"' if label else kind_of(element)


def text_of(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""
