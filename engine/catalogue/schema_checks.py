"""1. Each file against its XML schema (BPMN 2.0, DMN 1.3), named as the modeler's XML view names it."""

from __future__ import annotations

import copy
import functools
import re
import threading
from collections.abc import Iterator

from lxml import etree

from ..bpmn import BPMN_XSD_PATH, DMN_XSD_PATHS
from ..problems import Problem
from ..vocabulary import BPMN_DI_NS, BPMN_NS, CAMUNDA_NS, DMN_13_NS
from .diagram import Catalogue, at, bpmn_tag

# Shown instead of "{namespace}" in the schema's messages, as the modeler's XML view shows them.
PREFIXES = {
    BPMN_NS: "bpmn:",
    CAMUNDA_NS: "camunda:",
    BPMN_DI_NS: "bpmndi:",
    "http://www.omg.org/spec/DD/20100524/DC": "dc:",
    "http://www.omg.org/spec/DD/20100524/DI": "di:",
    **{namespace: "dmn:" for namespace in DMN_XSD_PATHS},
}


# --- 1. the XML schemas ----------------------------------------------------------------------------------

# An XMLSchema keeps the log of its last validation; validating from two threads would mix the logs.
_validation_lock = threading.Lock()


@functools.cache
def _schema(xsd_path: str) -> etree.XMLSchema | None:
    try:
        return etree.XMLSchema(etree.parse(xsd_path, etree.XMLParser(no_network=True)))
    except etree.XMLSchemaParseError:
        # SpiffWorkflow 3.2.0's DMN12.xsd imports a DI schema in place of DMNDI and does not compile.
        return None


def bpmn_schema_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    yield from _schema_problems(file, root, BPMN_XSD_PATH, "the BPMN 2.0 schema")


def dmn_schema_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    namespace = etree.QName(root).namespace
    xsd_path = DMN_XSD_PATHS.get(namespace)
    if xsd_path is None or _schema(xsd_path) is None:
        advice = f"save it as DMN 1.3 ({DMN_13_NS})"
        yield at(file, root, f"uses the DMN namespace {namespace}, whose schema cannot be checked: {advice}")
        return
    yield from _schema_problems(file, root, xsd_path, "the DMN schema")


def _schema_problems(file: str, root: etree._Element, xsd_path: str, schema_name: str) -> Iterator[Problem]:
    schema = _schema(xsd_path)
    with _validation_lock:
        schema.validate(_without_bpmn_js_correlation_quirk(root))
        errors = list(schema.error_log)
    for error in errors:
        element = _element_at_line(root, error.line)
        element_id = element.get("id") if element is not None else None
        message = re.sub(r"\{([^}]*)\}", lambda m: PREFIXES.get(m.group(1), m.group(0)), error.message)
        yield Problem(file, error.line or None, element_id, f"does not follow {schema_name}: {message}")


def _without_bpmn_js_correlation_quirk(root: etree._Element) -> etree._Element:
    """bpmn-js writes correlation property expressions as bpmn:formalExpression where the schema wants
    bpmn:messagePath; like SpiffWorkflow's BpmnValidator.preprocess, rename them (on a copy: the
    caller's tree is left as it was) so a diagram is not refused for its modeler's habit."""
    path = "//bpmn:correlationPropertyRetrievalExpression/bpmn:formalExpression"
    if not root.xpath(path, namespaces={"bpmn": BPMN_NS}):
        return root
    document = copy.deepcopy(root)
    for expression in document.xpath(path, namespaces={"bpmn": BPMN_NS}):
        expression.tag = bpmn_tag("messagePath")
    return document


def _element_at_line(root: etree._Element, line: int) -> etree._Element | None:
    """The nearest element with an id at or enclosing ``line`` (schema errors name a line, not an element)."""
    nearest = None
    for element in root.iter(etree.Element):
        if element.sourceline is not None and element.sourceline > line:
            break
        nearest = element
        if element.sourceline == line and element.get("id"):
            return element
    while nearest is not None and not nearest.get("id"):
        nearest = nearest.getparent()
    return nearest
