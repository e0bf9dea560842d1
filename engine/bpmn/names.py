"""The names a diagram gives its elements in other languages than its own.

A diagram's ``name`` attributes are in the catalogue's language (Finnish); the same name in another language
is a Camunda Modeler extension property of the element, ``name_en`` or ``name_sv``, which Camunda and
bpmn.io keep and run past untouched. Read from the deployed files, not from SpiffWorkflow's specs: lanes and
the process itself are no task specs there."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

_BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
_CAMUNDA = "http://camunda.org/schema/1.0/bpmn"
TRANSLATED_NAME = re.compile(r"^name_([a-z]{2})$")  # name_en, name_sv: the element's name in that language


@dataclass(frozen=True)
class Translations:
    """The other-language names of one definition version's elements."""

    # (element id, name in the diagram) -> {language: name}; keyed by both, since a process and the
    # processes it calls may use one id (Task_contact_vendor) for different elements
    elements: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    # lane name in the diagram -> {language: name}
    lanes: dict[str, dict[str, str]] = field(default_factory=dict)

    def of_element(self, element_id: str, name: str | None) -> dict[str, str]:
        return self.elements.get((element_id, name or ""), {})

    def of_lane(self, name: str | None) -> dict[str, str]:
        return self.lanes.get(name or "", {})


def translations(sources: Mapping[str, str]) -> Translations:
    """The translated names in every diagram of a deployed definition (``sources``: file name -> its XML,
    checked when it was deployed)."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    elements, lanes = {}, {}
    for file_name, text in sorted(sources.items()):
        if not file_name.endswith(".bpmn"):
            continue
        root = etree.fromstring(text.encode("utf-8"), parser)
        for element in root.iter(f"{{{_BPMN}}}*"):
            names = _translated(element)
            if not names:
                continue
            name = element.get("name") or ""
            if etree.QName(element).localname == "lane":
                lanes.setdefault(name, names)
            elements.setdefault((element.get("id") or "", name), names)
    return Translations(elements, lanes)


def named_elements(text: str) -> list[tuple[str, str, str]]:
    """(id, kind, name) of every element of a diagram that has a name, in the file's order: its kind is the
    BPMN element's own (``userTask``, ``lane``, ``sequenceFlow``…), its name the diagram's."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    return [
        (element.get("id"), etree.QName(element).localname, element.get("name").strip())
        for element in root.iter(f"{{{_BPMN}}}*")
        if element.get("id") and (element.get("name") or "").strip()
    ]


def _translated(element) -> dict[str, str]:
    extensions = element.find(f"{{{_BPMN}}}extensionElements")
    if extensions is None:
        return {}
    names = {}
    for prop in extensions.iterfind(f"{{{_CAMUNDA}}}properties/{{{_CAMUNDA}}}property"):
        match = TRANSLATED_NAME.match(prop.get("name") or "")
        if match and (prop.get("value") or "").strip():
            names.setdefault(match.group(1), prop.get("value").strip())
    return names
