"""Check a catalogue of diagrams before SpiffWorkflow parses them, reporting every problem at once.

SpiffWorkflow stops at the first fault it meets and names no line. An analyst fixing a diagram wants
the whole list, each entry with the file, the line and the element id to look for in the modeler, so
these checks read the XML themselves and never stop early: schema validity, reachability, guarded
gateway branches, forms, expressions that compile, references between files, messages and ids.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import XSD_PATH as BPMN_XSD_PATH
from SpiffWorkflow.dmn.parser.BpmnDmnParser import SCHEMAS as DMN_XSD_PATHS

from .problems import Problem
from .scripting import expression_problem, script_problem

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn"
DMN_13_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/"

# Shown instead of "{namespace}" in the schema's messages, as the modeler's XML view shows them.
_PREFIXES = {
    BPMN_NS: "bpmn:",
    CAMUNDA_NS: "camunda:",
    "http://www.omg.org/spec/BPMN/20100524/DI": "bpmndi:",
    "http://www.omg.org/spec/DD/20100524/DC": "dc:",
    "http://www.omg.org/spec/DD/20100524/DI": "di:",
    **{namespace: "dmn:" for namespace in DMN_XSD_PATHS},
}

FLOW_NODES = frozenset(
    {
        "task", "userTask", "manualTask", "scriptTask", "serviceTask", "sendTask", "receiveTask",
        "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
    }
)  # fmt: skip
# Where sequence flows must connect everything; an ad hoc sub process runs its activities in any order.
SCOPES = ("process", "subProcess", "transaction")
CONDITIONAL_GATEWAYS = ("exclusiveGateway", "inclusiveGateway")
TIMER_EXPRESSIONS = ("timeDate", "timeDuration", "timeCycle")
LOOP_EXPRESSIONS = ("loopCardinality", "completionCondition")

_KIND_NAMES = {"subProcess": "sub process", "adHocSubProcess": "ad hoc sub process"}
# An ISO 8601 duration, cycle or date written bare: Python reads it as a name or a subtraction.
_UNQUOTED_ISO_TIME = re.compile(r"^(R\d*/)?(P[0-9YMWDTHS.,]+|\d{4}-\d\d-\d\d(T[0-9:.]+(Z|[+-][0-9:]+)?)?)$")
# SpiffWorkflow's DMN engine puts the input's value where a cell has a "?" outside quotes.
_DMN_INPUT_PLACEHOLDER = re.compile(r"""(\?)(?=(?:[^'"]|['"][^'"]*['"])*$)""")


def check_catalogue(diagrams: Mapping[str, etree._ElementTree], forms: Mapping[str, bytes]) -> list[Problem]:
    """Every problem in ``diagrams`` (file name -> parsed BPMN or DMN) and the ``forms`` they name."""
    catalogue = _Catalogue.of(diagrams, forms)
    problems = [
        _at(name, tree.getroot(), "is neither a BPMN 2.0 diagram nor a DMN decision table")
        for name, tree in diagrams.items()
        if name not in catalogue.bpmn and name not in catalogue.dmn
    ]
    for name, root in catalogue.bpmn.items():
        for check in BPMN_CHECKS:
            problems.extend(check(name, root, catalogue))
    for name, root in catalogue.dmn.items():
        for check in DMN_CHECKS:
            problems.extend(check(name, root, catalogue))
    problems.extend(_duplicate_definitions(catalogue))
    return problems


@dataclass
class _Catalogue:
    bpmn: dict[str, etree._Element]
    dmn: dict[str, etree._Element]
    forms: Mapping[str, bytes]
    form_faults: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, diagrams: Mapping[str, etree._ElementTree], forms: Mapping[str, bytes]) -> _Catalogue:
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
            for process in root.iter(_bpmn("process")):
                yield name, process

    def decisions(self) -> Iterator[tuple[str, etree._Element, bool]]:
        """(file, decision, whether it is the file's first): SpiffWorkflow reads one decision per file."""
        for name, root in self.dmn.items():
            decision_tag = f"{{{etree.QName(root).namespace}}}decision"
            for position, decision in enumerate(root.iterchildren(decision_tag)):
                yield name, decision, position == 0

    def form_fault(self, key: str) -> str | None:
        if key not in self.form_faults:
            self.form_faults[key] = _form_fault(self.forms[key])
        return self.form_faults[key]


# --- shared helpers --------------------------------------------------------------------------------------


def _bpmn(local_name: str) -> str:
    return f"{{{BPMN_NS}}}{local_name}"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _at(file: str, element: etree._Element, message: str) -> Problem:
    return Problem(file, element.sourceline, element.get("id"), message)


def _kind(element: etree._Element) -> str:
    local = _local(element)
    if local == "subProcess" and element.get("triggeredByEvent") == "true":
        return "event sub process"
    return _KIND_NAMES.get(local) or re.sub(r"(?<!^)(?=[A-Z])", " ", local).lower()


def _describe(element: etree._Element) -> str:
    """'user task "Fill in the customer data"': the kind of element and its name (its id if unnamed)."""
    label = " ".join((element.get("name") or element.get("label") or "").split()) or element.get("id")
    return f'{_kind(element)} "{label}"' if label else _kind(element)


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


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


def _bpmn_schema_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    yield from _schema_problems(file, root, BPMN_XSD_PATH, "the BPMN 2.0 schema")


def _dmn_schema_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    namespace = etree.QName(root).namespace
    xsd_path = DMN_XSD_PATHS.get(namespace)
    if xsd_path is None or _schema(xsd_path) is None:
        advice = f"save it as DMN 1.3 ({DMN_13_NS})"
        yield _at(file, root, f"uses the DMN namespace {namespace}, whose schema cannot be checked: {advice}")
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
        message = re.sub(r"\{([^}]*)\}", lambda m: _PREFIXES.get(m.group(1), m.group(0)), error.message)
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
        expression.tag = _bpmn("messagePath")
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


# --- 2. reachability -------------------------------------------------------------------------------------


def _unreachable_nodes(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    for scope in root.iter(*map(_bpmn, SCOPES)):
        reached = _reachable_ids(scope)
        for node in _flow_nodes(scope):
            if node.get("id") not in reached:
                why = "no sequence flow leads to it from a start event"
                yield _at(file, node, f"{_describe(node)} can never be reached: {why}")


def _flow_nodes(scope: etree._Element) -> list[etree._Element]:
    return [child for child in scope.iterchildren(etree.Element) if _local(child) in FLOW_NODES]


def _reachable_ids(scope: etree._Element) -> set[str]:
    nodes = _flow_nodes(scope)
    following: dict[str | None, list[str | None]] = defaultdict(list)
    for flow in scope.iterchildren(_bpmn("sequenceFlow")):
        following[flow.get("sourceRef")].append(flow.get("targetRef"))
    for node in nodes:
        if _local(node) == "boundaryEvent":
            following[node.get("attachedToRef")].append(node.get("id"))
    for thrower, catcher in _link_event_pairs(nodes):
        following[thrower.get("id")].append(catcher.get("id"))

    to_visit = [node.get("id") for node in _roots(nodes, following)]
    reached: set[str] = set()
    while to_visit:
        node_id = to_visit.pop()
        if node_id is not None and node_id not in reached:
            reached.add(node_id)
            to_visit.extend(following[node_id])
    return reached


def _roots(nodes: list[etree._Element], following: Mapping[str | None, list[str | None]]):
    """Where a scope's tokens start: its start events or, in a scope without one, every node nothing
    leads to (as BPMN 2.0 says of a process without start events).

    Event sub processes start on their own trigger and compensation handlers are called through an
    association, so neither waits for a sequence flow."""
    starts = [node for node in nodes if _local(node) == "startEvent"]
    if not starts:
        targets = {target for successors in following.values() for target in successors}
        starts = [n for n in nodes if n.get("id") not in targets and _local(n) != "boundaryEvent"]
    independent = [
        node for node in nodes
        if node.get("triggeredByEvent") == "true" or node.get("isForCompensation") == "true"
    ]  # fmt: skip
    return starts + independent


def _link_event_pairs(nodes: list[etree._Element]) -> Iterator[tuple[etree._Element, etree._Element]]:
    """A link throw event continues at the link catch event of the same name, as if a flow joined them."""

    def link_name(node):
        link = node.find(_bpmn("linkEventDefinition"))
        return link.get("name") if link is not None else None

    catchers = [n for n in nodes if _local(n) == "intermediateCatchEvent" and link_name(n)]
    for thrower in nodes:
        if _local(thrower) == "intermediateThrowEvent" and link_name(thrower):
            yield from ((thrower, c) for c in catchers if link_name(c) == link_name(thrower))


# --- 3. gateways -----------------------------------------------------------------------------------------


def _unguarded_gateway_flows(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    for gateway in root.iter(*map(_bpmn, CONDITIONAL_GATEWAYS)):
        flows = gateway.getparent().iterchildren(_bpmn("sequenceFlow"))
        outgoing = [flow for flow in flows if flow.get("sourceRef") == gateway.get("id")]
        default = gateway.get("default")
        if default and default not in {flow.get("id") for flow in outgoing}:
            why = "that is not one of its outgoing sequence flows"
            yield _at(file, gateway, f"{_describe(gateway)} names '{default}' as its default flow, but {why}")
        if len(outgoing) < 2:
            continue
        for flow in outgoing:
            if flow.get("id") != default and flow.find(_bpmn("conditionExpression")) is None:
                what = f"{_describe(flow)} leaves {_describe(gateway)}"
                yield _at(file, flow, f"{what} without a condition and is not its default flow")


# --- 4. forms --------------------------------------------------------------------------------------------


def _form_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    for task in root.iter(_bpmn("userTask")):
        key = task.get(f"{{{CAMUNDA_NS}}}formKey")
        if not key:
            advice = 'set its camunda:formKey to the path of its JSON Schema, e.g. "forms/<name>.json"'
            yield _at(file, task, f"{_describe(task)} has no form: {advice}")
        elif key not in catalogue.forms:
            yield _at(file, task, f'{_describe(task)} uses the form "{key}", which is not in the catalogue')
        elif fault := catalogue.form_fault(key):
            yield _at(file, task, f'the form "{key}" of {_describe(task)} {fault}')


def _form_fault(data: bytes) -> str | None:
    """What makes ``data`` unusable as a form, or None."""
    try:
        form = json.loads(data)
    except ValueError as error:  # a JSONDecodeError, or bytes that are no Unicode text
        return f"is not valid JSON: {error}"
    if not isinstance(form, dict):
        return f"is not a JSON Schema: its top level is a JSON {_json_type(form)}, not an object"
    try:
        Draft202012Validator.check_schema(form)
    except SchemaError as error:
        return f"is not a valid JSON Schema: {error.message} (at {error.json_path})"
    return None


def _json_type(value) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), "null")


# --- 5. expressions and scripts --------------------------------------------------------------------------


def _bpmn_expression_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    yield from _condition_problems(file, root)
    yield from _script_problems(file, root)
    yield from _timer_problems(file, root)
    yield from _loop_problems(file, root)


def _condition_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for condition in root.iter(_bpmn("conditionExpression")):
        flow = condition.getparent()
        fault = _expression_fault(_text(condition))
        if fault:
            yield _at(file, flow, f"the condition of {_describe(flow)} {fault}")


def _script_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for task in root.iter(_bpmn("scriptTask")):
        script = task.find(_bpmn("script"))
        if not _text(script):
            yield _at(file, task, f"{_describe(task)} has no script")
            continue
        fault = script_problem(script.text)
        if fault:
            line_in_script, message = fault
            line = script.sourceline + line_in_script - 1
            what = f"line {line_in_script} of the script of {_describe(task)}"
            yield Problem(file, line, task.get("id"), f"{what} does not compile: {message}")


def _timer_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for timer in root.iter(_bpmn("timerEventDefinition")):
        event = timer.getparent()
        expressions = [
            child for child in timer.iterchildren(etree.Element) if _local(child) in TIMER_EXPRESSIONS
        ]
        if not expressions:
            yield _at(file, event, f"the timer of {_describe(event)} has no date, duration or cycle")
        for expression in expressions:
            text = _text(expression)
            if _UNQUOTED_ISO_TIME.match(text):
                fault = f'is {text} without quotes: timer expressions are Python, so write "{text}"'
            else:
                fault = _expression_fault(text)
            if fault:
                yield _at(file, event, f"the {_local(expression)} of {_describe(event)} {fault}")


def _loop_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for loop in root.iter(_bpmn("multiInstanceLoopCharacteristics")):
        activity = loop.getparent()
        for expression in loop.iterchildren(etree.Element):
            if _local(expression) in LOOP_EXPRESSIONS:
                fault = _expression_fault(_text(expression))
                if fault:
                    yield _at(file, activity, f"the {_kind(expression)} of {_describe(activity)} {fault}")


def _expression_fault(text: str) -> str | None:
    if not text:
        return "is empty"
    message = expression_problem(text)
    return f"is not a valid expression: {message}" if message else None


def _dmn_expression_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        inputs = table.findall("dmn:input", namespace)
        for column in inputs:
            fault = _expression_fault(_text(column.find("dmn:inputExpression/dmn:text", namespace)))
            if fault:
                yield _at(file, column, f"the expression of {_describe(column)} {fault}")
        outputs = table.findall("dmn:output", namespace)
        for number, rule in enumerate(table.iterfind("dmn:rule", namespace), start=1):
            cells = [
                *_cells(rule, "dmn:inputEntry", inputs, _input_entry_problem, namespace),
                *_cells(rule, "dmn:outputEntry", outputs, expression_problem, namespace),
            ]
            for column, text, message in cells:
                what = f"rule {number}: the entry {text} for {_describe(column)}"
                yield _at(file, rule, f"{what} is not a valid expression: {message}")


# SpiffWorkflow evaluates UNIQUE and FIRST alike (the first matching rule) and COLLECT as a list per output;
# any other hit policy, or a COLLECT aggregation, it would quietly run as FIRST or as a plain list.
_HIT_POLICIES = {"UNIQUE", "FIRST", "COLLECT"}


def _hit_policy_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    namespace = {"dmn": etree.QName(root).namespace}
    for table in root.iterfind(".//dmn:decisionTable", namespace):
        policy = table.get("hitPolicy", "UNIQUE")
        if policy not in _HIT_POLICIES:
            yield _at(
                file, table, f"hit policy {policy} is not supported: use FIRST (the first matching rule "
                "wins, so the order of the rules matters), UNIQUE (at most one rule matches) or COLLECT",
            )  # fmt: skip
        elif policy == "COLLECT" and table.get("aggregation"):
            yield _at(
                file, table, f"COLLECT with the aggregation {table.get('aggregation')} is not supported: "
                "COLLECT gives the list of every matching rule's outputs",
            )  # fmt: skip


def _cells(rule, tag, columns, problem_of, namespace) -> Iterator[tuple[etree._Element, str, str]]:
    """(column, text, message) of each faulty cell; "-" or empty matches anything or gives nothing."""
    for column, entry in zip(columns, rule.iterfind(tag, namespace), strict=False):
        text = _text(entry.find("dmn:text", namespace))
        message = problem_of(text) if text not in ("", "-") else None
        if message:
            yield column, text, message


def _input_entry_problem(text: str) -> str | None:
    """SpiffWorkflow reads an input cell as a whole expression, as a test to put after the input's value
    ("> 5", "in ['a', 'b']"), or as an expression where "?" stands for that value."""
    if _DMN_INPUT_PLACEHOLDER.search(text):
        return expression_problem(_DMN_INPUT_PLACEHOLDER.sub("dmninputexpr", text))
    message = expression_problem(text)
    if message and expression_problem(f"dmninputexpr {text}") is None:
        if _WORD_OPERATOR.match(text.strip()):
            # SpiffWorkflow glues the test to the input expression with no space ("kindin [...]").
            test = text.strip()
            return f'a test that starts with a word ("{test}") must name the input: write "? {test}"'
        return None
    return message


_WORD_OPERATOR = re.compile(r"^(not\s+in|in|is|and|or)\b")


# --- 6. calls between diagrams ---------------------------------------------------------------------------


def _unresolved_calls(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    process_ids = {process.get("id") for _, process in catalogue.processes()}
    for call in root.iter(_bpmn("callActivity")):
        called = call.get("calledElement")
        if not called:
            yield _at(file, call, f"{_describe(call)} calls no process: set its called element")
        elif called not in process_ids:
            yield _at(file, call, f"{_describe(call)} calls process '{called}' which no diagram defines")

    decisions = {decision.get("id"): first for _, decision, first in catalogue.decisions()}
    for task in root.iter(_bpmn("businessRuleTask")):
        ref = task.get(f"{{{CAMUNDA_NS}}}decisionRef")
        if not ref:
            yield _at(file, task, f"{_describe(task)} names no decision: set its camunda:decisionRef")
        elif ref not in decisions:
            yield _at(file, task, f"{_describe(task)} uses decision '{ref}' which no DMN file defines")
        elif not decisions[ref]:
            why = "the engine reads only the first decision of a DMN file"
            yield _at(
                file, task, f"{_describe(task)} uses decision '{ref}', which is not first in its file: {why}"
            )


# --- 7. messages -----------------------------------------------------------------------------------------


def _message_problems(file: str, root: etree._Element, catalogue: _Catalogue) -> Iterator[Problem]:
    messages = {message.get("id"): message for message in root.iter(_bpmn("message"))}
    receivers = [(d.getparent(), d) for d in root.iter(_bpmn("messageEventDefinition"))]
    receivers += [(task, task) for task in root.iter(_bpmn("receiveTask"))]
    for element, definition in receivers:
        ref = definition.get("messageRef")
        if not ref:
            yield _at(file, element, f"{_describe(element)} names no message: choose one in the modeler")
        elif ref not in messages:
            yield _at(
                file, element, f"{_describe(element)} names message '{ref}', which this file does not define"
            )
        elif not (messages[ref].get("name") or "").strip():
            why = "messages are correlated by their name"
            yield _at(file, element, f"{_describe(element)} names message '{ref}', which has no name: {why}")


# --- 8. ids across the catalogue -------------------------------------------------------------------------


def _duplicate_definitions(catalogue: _Catalogue) -> Iterator[Problem]:
    """A process or decision id defined in two files: the engine would silently keep only one of them."""
    processes = ((file, process) for file, process in catalogue.processes())
    decisions = ((file, decision) for file, decision, _ in catalogue.decisions())
    for kind, definitions in (("process", processes), ("decision", decisions)):
        first_seen: dict[str, tuple[str, etree._Element]] = {}
        for file, element in definitions:
            element_id = element.get("id")
            if element_id in first_seen and first_seen[element_id][0] != file:
                other_file, other = first_seen[element_id]
                where = f"{other_file} (line {other.sourceline})"
                why = f"{kind} ids must be unique in the catalogue"
                yield _at(file, element, f"{kind} id '{element_id}' is already defined in {where}: {why}")
            first_seen.setdefault(element_id, (file, element))


BPMN_CHECKS = (
    _bpmn_schema_problems,
    _unreachable_nodes,
    _unguarded_gateway_flows,
    _form_problems,
    _bpmn_expression_problems,
    _unresolved_calls,
    _message_problems,
)
DMN_CHECKS = (_dmn_schema_problems, _dmn_expression_problems, _hit_policy_problems)
