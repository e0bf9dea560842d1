"""The check that applies the allow-list of ``constructs`` to every process of a diagram."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..bpmn import JUEL_LANGUAGES, PYTHON_LANGUAGES, DialectRefused, parameters_of
from ..problems import Problem
from ..vocabulary import BPMN_NS, CAMUNDA_NS, FLOW_NODES
from .constructs import (
    ASSIGNMENT_EXPRESSION,
    CALL_MAPPING,
    CAMUNDA_ATTRIBUTES,
    CAMUNDA_ELEMENTS,
    CANCEL_OUTSIDE,
    COMPENSATION,
    CONDITION_LANGUAGE,
    DEFINITION_NAMES,
    DESCRIPTIONS,
    ELEMENTS,
    EMPTY_EVENT_GATEWAY,
    EVENT_DEFINITION_REF,
    EVENT_DEFINITIONS,
    EVENT_KINDS,
    EVENT_SUB_PROCESS,
    EXTERNAL_ELSEWHERE,
    FORM_DATA_OWNERS,
    INNER_MESSAGE_START,
    INSTANTIATING_RECEIVE,
    MAPPING_ATTRIBUTES,
    MULTIPLE_EVENT,
    NO_EFFECT_ATTRIBUTES,
    NO_FORM_DATA_HERE,
    NOT_EXTERNAL,
    OTHER_ENGINE,
    PARAMETER_OWNERS,
    PARAMETERS_ELSEWHERE,
    SCRIPT_FORMAT,
    SECOND_START,
    XML_NS,
    XSI_NS,
    Verdict,
    camunda_verdict,
    refused,
)
from .diagram import SCOPES, Catalogue, bpmn_tag, describe, kind_of, local_name


def construct_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """Every construct in the processes of ``root`` that the engine would not run as BPMN says."""
    for process in root.iter(bpmn_tag("process")):
        yield from _attribute_problems(file, process)
        for element in process.iter(etree.Element):
            if element is not process:
                yield from _attribute_problems(file, element)
                yield from _extension_problems(file, element)
        for scope in [process, *process.iter(*map(bpmn_tag, SCOPES[1:]))]:
            if not _inside_event_sub_process(scope, process):
                yield from _scope_problems(file, scope)


def _inside_event_sub_process(scope: etree._Element, process: etree._Element) -> bool:
    """Whether ``scope`` is in an event sub process, which is refused as a whole."""
    while scope is not process:
        if scope.get("triggeredByEvent") == "true" or local_name(scope) == "adHocSubProcess":
            return True
        scope = scope.getparent()
    return False


def _refusal(file: str, element: etree._Element, verdict: Verdict, subject: str | None = None) -> Problem:
    """The problem for a refused construct, at the element's line and the id of the element it belongs to."""
    owner = element
    while owner is not None and not owner.get("id"):
        owner = owner.getparent()
    subject = subject or describe(element)
    message = f"{subject}: {verdict.construct} is not supported: {verdict.how}"
    return Problem(file, element.sourceline, owner.get("id") if owner is not None else None, message)


def _scope_problems(file: str, scope: etree._Element) -> Iterator[Problem]:
    starts = []
    for element in scope.iterchildren(etree.Element):
        if etree.QName(element).namespace != BPMN_NS:
            continue  # another vocabulary's element: the schema check names it
        name = local_name(element)
        if name in DESCRIPTIONS:
            continue
        verdict = ELEMENTS.get(name) or refused(name, "the engine does not run it")
        if not verdict.runs:
            yield _refusal(file, element, verdict)
            continue
        if name == "startEvent":
            starts.append(element)
        yield from _element_problems(file, element, scope)
    if len(starts) > 1 and scope.get("triggeredByEvent") != "true":
        for start in starts[1:]:
            where = "process" if local_name(scope) == "process" else local_name(scope)
            verdict = refused(f"a second start event in one {where}", SECOND_START.how)
            yield _refusal(file, start, verdict)


def _element_problems(file: str, element: etree._Element, scope: etree._Element) -> Iterator[Problem]:
    name = local_name(element)
    if name in EVENT_KINDS:
        yield from _event_problems(file, element, scope)
    if element.get("isForCompensation") == "true":
        yield _refusal(file, element, COMPENSATION)
    if name == "subProcess" and element.get("triggeredByEvent") == "true":
        yield _refusal(file, element, EVENT_SUB_PROCESS)
    if name == "receiveTask" and element.get("instantiate") == "true":
        yield _refusal(file, element, INSTANTIATING_RECEIVE)
    if name == "scriptTask":
        script_format = (element.get("scriptFormat") or "python").strip()
        if script_format.lower() not in ("python", "python3"):
            verdict = refused(f'script format "{script_format}"', SCRIPT_FORMAT.how)
            yield _refusal(file, element, verdict)
    if name == "sequenceFlow":
        condition = element.find(bpmn_tag("conditionExpression"))
        language = condition.get("language") if condition is not None else None
        if language and language.strip().lower() not in PYTHON_LANGUAGES | JUEL_LANGUAGES:
            yield _refusal(file, element, refused(f'condition language "{language}"', CONDITION_LANGUAGE.how))
    if name == "eventBasedGateway":
        yield from _event_gateway_problems(file, element, scope)
    if name == "serviceTask" and not _names_java(element):
        topic = (element.get(f"{{{CAMUNDA_NS}}}topic") or "").strip()
        if element.get(f"{{{CAMUNDA_NS}}}type") != "external" or not topic:
            yield _refusal(file, element, NOT_EXTERNAL)


_JAVA = ("class", "delegateExpression", "expression")


def _names_java(service_task: etree._Element) -> bool:
    """Whether a service task names Java or a connector: refused by that name alone, not twice."""
    if any(service_task.get(f"{{{CAMUNDA_NS}}}{name}") is not None for name in _JAVA):
        return True
    return service_task.find(f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}connector") is not None


def _event_problems(file: str, event: etree._Element, scope: etree._Element) -> Iterator[Problem]:
    kind = local_name(event)
    definitions = [
        child for child in event.iterchildren(etree.Element) if local_name(child).endswith("EventDefinition")
    ]
    if event.find(bpmn_tag("eventDefinitionRef")) is not None:
        yield _refusal(file, event, EVENT_DEFINITION_REF)
    if len(definitions) > 1:
        yield _refusal(file, event, MULTIPLE_EVENT)
        return
    event_name = (
        DEFINITION_NAMES.get(local_name(definitions[0]), local_name(definitions[0]))
        if definitions
        else "none"
    )
    verdict = EVENT_DEFINITIONS.get((kind, event_name)) or refused(event_name, "the engine does not run it")
    if not verdict.runs:
        yield _refusal(file, event, verdict)
    elif kind == "startEvent" and event_name == "message" and local_name(scope) != "process":
        yield _refusal(file, event, INNER_MESSAGE_START)
    elif (
        event_name == "cancel"
        and local_name(_attached_to(event, scope) if kind == "boundaryEvent" else scope) != "transaction"
    ):
        yield _refusal(file, event, CANCEL_OUTSIDE)


def _attached_to(boundary: etree._Element, scope: etree._Element) -> etree._Element:
    found = scope.xpath("./*[@id=$id]", id=boundary.get("attachedToRef") or "")
    return found[0] if found else scope


_WAITS_AFTER_EVENT_GATEWAY = {"intermediateCatchEvent": ("message", "timer"), "receiveTask": ()}


def _event_gateway_problems(file: str, gateway: etree._Element, scope: etree._Element) -> Iterator[Problem]:
    flows = [
        f for f in scope.iterchildren(bpmn_tag("sequenceFlow")) if f.get("sourceRef") == gateway.get("id")
    ]
    targets = [scope.xpath("./*[@id=$id]", id=f.get("targetRef") or "") for f in flows]
    waits = [t[0] for t in targets if t and local_name(t[0]) in _WAITS_AFTER_EVENT_GATEWAY]
    if len(waits) < 2 or len(waits) != len(targets):
        yield _refusal(file, gateway, EMPTY_EVENT_GATEWAY)


def _attribute_problems(file: str, element: etree._Element) -> Iterator[Problem]:
    allowed = CAMUNDA_ATTRIBUTES.get(local_name(element), frozenset())
    if local_name(element) in FLOW_NODES:
        allowed |= NO_EFFECT_ATTRIBUTES
    for attribute in element.attrib:
        namespace = etree.QName(attribute).namespace
        name = etree.QName(attribute).localname
        if namespace in (None, BPMN_NS, XSI_NS, XML_NS):
            continue
        if namespace == CAMUNDA_NS and name in allowed:
            if name in _ASSIGNMENTS and _EXPRESSION.search(element.get(attribute)):
                yield _refusal(file, element, ASSIGNMENT_EXPRESSION, _owner(element))
            continue
        if namespace == CAMUNDA_NS and name in ("type", "topic"):
            verdict = EXTERNAL_ELSEWHERE
        elif namespace == CAMUNDA_NS:
            verdict = camunda_verdict(name)
        else:
            verdict = refused(attribute, f"{OTHER_ENGINE.construct}: {OTHER_ENGINE.how}")
        yield _refusal(file, element, verdict, _owner(element))


_ASSIGNMENTS = ("assignee", "candidateUsers", "candidateGroups")
_EXPRESSION = re.compile(r"[$#]\{")


def _extension_problems(file: str, element: etree._Element) -> Iterator[Problem]:
    if local_name(element) != "extensionElements":
        return
    owner = element.getparent()
    for extension in element.iterchildren(etree.Element):
        namespace, name = etree.QName(extension).namespace, etree.QName(extension).localname
        if namespace == CAMUNDA_NS and name == "formData":
            if local_name(owner) not in FORM_DATA_OWNERS:
                yield _refusal(file, extension, NO_FORM_DATA_HERE, describe(owner))
            continue  # its fields are checked where they become a form (form_data)
        if namespace == CAMUNDA_NS and name in CAMUNDA_ELEMENTS:
            if name in ("in", "out") and not _a_call_mapping(owner, extension):
                given = ", ".join(sorted(extension.attrib)) or "nothing"
                verdict = refused(f"camunda:{name} with {given} on a {kind_of(owner)}", CALL_MAPPING.how)
                yield _refusal(file, extension, verdict, describe(owner))
            if name == "inputOutput":
                yield from _parameter_problems(file, owner, extension)
            continue
        if namespace == CAMUNDA_NS:
            verdict = camunda_verdict(name)
        else:
            verdict = refused(f"{{{namespace}}}{name}", f"{OTHER_ENGINE.construct}: {OTHER_ENGINE.how}")
        yield _refusal(file, extension, verdict, describe(owner))


def _parameter_problems(file: str, owner: etree._Element, parameters: etree._Element) -> Iterator[Problem]:
    looped = owner.find(bpmn_tag("multiInstanceLoopCharacteristics")) is not None
    if local_name(owner) not in PARAMETER_OWNERS or looped:
        where = f"a multi-instance {kind_of(owner)}" if looped else f"a {kind_of(owner)}"
        verdict = refused(f"camunda:inputOutput on {where}", PARAMETERS_ELSEWHERE.how)
        yield _refusal(file, parameters, verdict, describe(owner))
        return
    try:
        parameters_of(owner)
    except DialectRefused as refusal:
        owner_id = owner.get("id")
        yield Problem(
            file, parameters.sourceline, owner_id, f"camunda:inputOutput of {describe(owner)}: {refusal}"
        )


def _a_call_mapping(owner: etree._Element, mapping: etree._Element) -> bool:
    """An In or Out mapping as a call activity reads it (``flow_checks`` checks what it names)."""
    return local_name(owner) == "callActivity" and set(mapping.attrib) <= MAPPING_ATTRIBUTES


def _owner(element: etree._Element) -> str:
    """The element an attribute is found on, as an analyst finds it: a loop is its activity's."""
    if local_name(element).endswith(("EventDefinition", "LoopCharacteristics", "Expression")):
        parent = element.getparent()
        return f"{local_name(element)} of {describe(parent)}"
    return describe(element)
