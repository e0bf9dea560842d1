"""2–7. What makes a BPMN diagram run as drawn: every node reachable, guarded branches, forms, expressions
that compile, calls and decisions that resolve, messages with names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from lxml import etree

from ..bpmn import (
    JUEL_LANGUAGES,
    PYTHON_LANGUAGES,
    DialectRefused,
    collection_variable,
    condition_python,
    correlation_expressions,
    expression_problem,
    is_juel,
    script_problem,
    timer_python,
    value_python,
)
from ..problems import Problem
from ..vocabulary import CAMUNDA_NS, FLOW_NODES
from .constructs import FORM_KEYS
from .diagram import (
    CONDITIONAL_GATEWAYS,
    LOOP_EXPRESSIONS,
    SCOPES,
    TIMER_EXPRESSIONS,
    Catalogue,
    at,
    bpmn_tag,
    describe,
    kind_of,
    local_name,
    text_of,
)
from .reference_checks import dangling_scopes, did_you_mean

# --- 2. reachability -------------------------------------------------------------------------------------


def unreachable_nodes(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    dangling = dangling_scopes(file, root)
    for scope in root.iter(*map(bpmn_tag, SCOPES)):
        if scope.get("id") in dangling:
            continue  # what a missing flow end leaves unreached is its consequence (reference_checks)
        reached = _reachable_ids(scope)
        for node in _flow_nodes(scope):
            if node.get("id") not in reached:
                why = "no sequence flow leads to it from a start event"
                yield at(file, node, f"{describe(node)} can never be reached: {why}")


def _flow_nodes(scope: etree._Element) -> list[etree._Element]:
    return [child for child in scope.iterchildren(etree.Element) if local_name(child) in FLOW_NODES]


def _reachable_ids(scope: etree._Element) -> set[str]:
    nodes = _flow_nodes(scope)
    following: dict[str | None, list[str | None]] = defaultdict(list)
    for flow in scope.iterchildren(bpmn_tag("sequenceFlow")):
        following[flow.get("sourceRef")].append(flow.get("targetRef"))
    for node in nodes:
        if local_name(node) == "boundaryEvent":
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
    starts = [node for node in nodes if local_name(node) == "startEvent"]
    if not starts:
        targets = {target for successors in following.values() for target in successors}
        starts = [n for n in nodes if n.get("id") not in targets and local_name(n) != "boundaryEvent"]
    independent = [
        node for node in nodes
        if node.get("triggeredByEvent") == "true" or node.get("isForCompensation") == "true"
    ]  # fmt: skip
    return starts + independent


def _link_event_pairs(nodes: list[etree._Element]) -> Iterator[tuple[etree._Element, etree._Element]]:
    """A link throw event continues at the link catch event of the same name, as if a flow joined them."""

    def link_name(node):
        link = node.find(bpmn_tag("linkEventDefinition"))
        return link.get("name") if link is not None else None

    catchers = [n for n in nodes if local_name(n) == "intermediateCatchEvent" and link_name(n)]
    for thrower in nodes:
        if local_name(thrower) == "intermediateThrowEvent" and link_name(thrower):
            yield from ((thrower, c) for c in catchers if link_name(c) == link_name(thrower))


# --- 3. gateways -----------------------------------------------------------------------------------------


def unguarded_gateway_flows(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for gateway in root.iter(*map(bpmn_tag, CONDITIONAL_GATEWAYS)):
        flows = gateway.getparent().iterchildren(bpmn_tag("sequenceFlow"))
        outgoing = [flow for flow in flows if flow.get("sourceRef") == gateway.get("id")]
        default = gateway.get("default")
        if default and default not in {flow.get("id") for flow in outgoing}:
            why = "that is not one of its outgoing sequence flows"
            yield at(file, gateway, f"{describe(gateway)} names '{default}' as its default flow, but {why}")
        if len(outgoing) < 2:
            continue
        for flow in outgoing:
            if flow.get("id") != default and flow.find(bpmn_tag("conditionExpression")) is None:
                what = f"{describe(flow)} leaves {describe(gateway)}"
                yield at(file, flow, f"{what} without a condition and is not its default flow")


# --- 4. forms --------------------------------------------------------------------------------------------


def form_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """The form a user task (or a start event) names is in the catalogue and is a JSON Schema. A task
    without any form takes a JSON object of free data (the Kanta catalogue's own rule that each of its tasks
    has a form is a check of that catalogue, ``catalogue_rules``, not of the engine)."""
    for task in root.iter(bpmn_tag("userTask"), bpmn_tag("startEvent")):
        key = task.get(f"{{{CAMUNDA_NS}}}formKey")
        kind = next((FORM_KEYS[prefix] for prefix in FORM_KEYS if (key or "").startswith(prefix)), None)
        if not key:
            continue
        if kind is not None:
            yield at(
                file,
                task,
                f'{describe(task)} names the form "{key}": {kind.construct} is not supported: {kind.how}',
            )
        elif key not in catalogue.forms:
            meant = did_you_mean(key, catalogue.forms)
            yield at(
                file, task, f'{describe(task)} uses the form "{key}", which is not in the catalogue{meant}'
            )
        elif fault := catalogue.form_fault(key):
            yield at(file, task, f'the form "{key}" of {describe(task)} {fault}')


# --- 5. expressions and scripts --------------------------------------------------------------------------


def bpmn_expression_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    yield from _condition_problems(file, root)
    yield from _script_problems(file, root)
    yield from _timer_problems(file, root)
    yield from _loop_problems(file, root)
    yield from _mapping_problems(file, root)
    yield from _correlation_problems(file, root)


def _condition_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for condition in root.iter(bpmn_tag("conditionExpression")):
        flow = condition.getparent()
        language = (condition.get("language") or "").strip().lower()
        if language and language not in PYTHON_LANGUAGES | JUEL_LANGUAGES:
            continue  # a script language: the construct check refuses it
        fault = _translated_fault(
            text_of(condition), lambda text, language=language: condition_python(text, language)
        )
        if fault:
            yield at(file, flow, f"the condition of {describe(flow)} {fault}")


def _script_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for task in root.iter(bpmn_tag("scriptTask")):
        script = task.find(bpmn_tag("script"))
        if not text_of(script):
            yield at(file, task, f"{describe(task)} has no script")
            continue
        fault = script_problem(script.text)
        if fault:
            line_in_script, message = fault
            line = script.sourceline + line_in_script - 1
            what = f"line {line_in_script} of the script of {describe(task)}"
            yield Problem(file, line, task.get("id"), f"{what} does not compile: {message}")


def _timer_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for timer in root.iter(bpmn_tag("timerEventDefinition")):
        event = timer.getparent()
        expressions = [
            child for child in timer.iterchildren(etree.Element) if local_name(child) in TIMER_EXPRESSIONS
        ]
        if not expressions:
            yield at(file, event, f"the timer of {describe(event)} has no date, duration or cycle")
        for expression in expressions:
            kind = local_name(expression)
            fault = _translated_fault(text_of(expression), lambda text, kind=kind: timer_python(kind, text))
            if fault:
                yield at(file, event, f"the {local_name(expression)} of {describe(event)} {fault}")


def _loop_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    for loop in root.iter(bpmn_tag("multiInstanceLoopCharacteristics")):
        activity = loop.getparent()
        collection = loop.get(f"{{{CAMUNDA_NS}}}collection")
        if collection is not None:
            try:
                collection_variable(collection)
            except DialectRefused as refused:
                yield at(file, activity, f"the collection of {describe(activity)} can not run: {refused}")
        for expression in loop.iterchildren(etree.Element):
            if local_name(expression) in LOOP_EXPRESSIONS:
                to_python = (
                    condition_python if local_name(expression) == "completionCondition" else value_python
                )
                fault = _translated_fault(text_of(expression), to_python)
                if fault:
                    yield at(file, activity, f"the {kind_of(expression)} of {describe(activity)} {fault}")


def _mapping_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    """The In and Out mappings of call activities: each names what to pass, and an expression compiles."""
    for call in root.iter(bpmn_tag("callActivity")):
        for direction in ("in", "out"):
            for mapping in call.iterfind(f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}{direction}"):
                what = f"an {direction.capitalize()} mapping of {describe(call)}"
                expression = mapping.get("sourceExpression")
                if expression is not None:
                    fault = _translated_fault(expression.strip(), value_python)
                    if fault:
                        yield at(file, mapping, f"the source expression of {what} {fault}")
                    elif not mapping.get("target"):
                        yield at(file, mapping, f"{what} computes a value but names no target variable")
                elif not {"source", "variables", "businessKey"} & set(mapping.attrib):
                    yield at(file, mapping, f"{what} names no source variable: set its source or variables")


def _correlation_problems(file: str, root: etree._Element) -> Iterator[Problem]:
    """A correlation property's retrieval expression runs on every delivery of its message: JUEL (``${…}``)
    is translated as elsewhere, and what does not translate or compile is refused here, not at delivery."""
    for expression in correlation_expressions(root):
        retrieval = expression.getparent()
        prop = retrieval.getparent()
        what = f'the retrieval expression of correlation property "{prop.get("name") or prop.get("id")}"'
        what += f" for message {retrieval.get('messageRef')}" if retrieval.get("messageRef") else ""
        fault = _translated_fault(text_of(expression), value_python)
        if fault:
            yield at(file, prop, f"{what} {fault}")


def _translated_fault(text: str, to_python) -> str | None:
    """What is wrong with a text written in JUEL, as a bare timer value or in Python, once it is Python."""
    if not text:
        return "is empty"
    try:
        python = to_python(text)
    except DialectRefused as refused:
        return f"is not a valid expression: {refused}"
    return expression_fault(python)


def expression_fault(text: str) -> str | None:
    if not text:
        return "is empty"
    message = expression_problem(text)
    return f"is not a valid expression: {message}" if message else None


# --- 6. calls between diagrams ---------------------------------------------------------------------------


def unresolved_calls(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    process_ids = {process.get("id") for _, process in catalogue.processes()}
    for call in root.iter(bpmn_tag("callActivity")):
        called = call.get("calledElement")
        if not called:
            yield at(file, call, f"{describe(call)} calls no process: set its called element")
        elif called not in process_ids:
            meant = did_you_mean(called, process_ids)
            yield at(file, call, f"{describe(call)} calls process '{called}' which no diagram defines{meant}")

    decisions = {
        decision.get("id"): any(etree.QName(child).localname == "decisionTable" for child in decision)
        for _, decision in catalogue.decisions()
    }
    for task in root.iter(bpmn_tag("businessRuleTask")):
        ref = task.get(f"{{{CAMUNDA_NS}}}decisionRef")
        if not ref:
            yield at(file, task, f"{describe(task)} names no decision: set its camunda:decisionRef")
        elif ref not in decisions:
            meant = did_you_mean(ref, decisions)
            yield at(file, task, f"{describe(task)} uses decision '{ref}' which no DMN file defines{meant}")
        elif not decisions[ref]:
            why = "the engine takes a decision by its decision table"
            yield at(
                file, task, f"{describe(task)} uses decision '{ref}', which has no decision table: {why}"
            )


# --- 7. messages -----------------------------------------------------------------------------------------


def message_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    messages = {message.get("id"): message for message in root.iter(bpmn_tag("message"))}
    receivers = [(d.getparent(), d) for d in root.iter(bpmn_tag("messageEventDefinition"))]
    receivers += [(task, task) for task in root.iter(bpmn_tag("receiveTask"), bpmn_tag("sendTask"))]
    for element, definition in receivers:
        ref = definition.get("messageRef")
        if not ref:
            yield at(file, element, f"{describe(element)} names no message: choose one in the modeler")
        elif ref not in messages:
            meant = did_you_mean(ref, messages)
            yield at(
                file,
                element,
                f"{describe(element)} names message '{ref}', which this file does not define{meant}",
            )
        elif not (messages[ref].get("name") or "").strip():
            why = "messages are correlated by their name"
            yield at(file, element, f"{describe(element)} names message '{ref}', which has no name: {why}")
        elif is_juel(name := messages[ref].get("name")):
            why = "a message name is plain text: the engine finds the instance by the message's business key"
            yield at(
                file,
                element,
                f"{describe(element)} names message '{ref}', whose name \"{name}\" holds JUEL: {why}",
            )


# --- 8. ids the engine keeps for itself ------------------------------------------------------------------

# SpiffWorkflow names the tasks it adds to every process "Start" and "Root": an element with such an id
# collides with them, and the process fails when it starts.
_RESERVED_IDS = frozenset({"Start", "Root"})


def reserved_ids(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    for process in root.iter(bpmn_tag("process")):
        for element in process.iter():
            if element.get("id") in _RESERVED_IDS:
                yield at(
                    file,
                    element,
                    f"{describe(element)} has the id '{element.get('id')}', which the engine keeps for "
                    "itself: give it another id in the modeler",
                )
