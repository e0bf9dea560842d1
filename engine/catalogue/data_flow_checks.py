"""9. Data flow: every variable a condition, script, decision input, timer or call mapping reads is written
on every path that reaches it.

A condition that names a variable no path has written stops the instance with a NameError the day an
instance gets there; one that names a variable another, earlier task wrote silently decides on a stale
value (a form field renamed while the gateway after it still reads the old name). So the variables are
followed along the sequence flows of each process, from what can write them:

- the start: the variables a process documents on its start event (``camunda:properties`` entries
  ``start-variable``), and what the call activities that call it pass in;
- a user task: its form's properties (the ``required`` ones surely, the others only when filled in);
- a message: its payload schema's properties (``messages/<name>.json``), likewise;
- a business rule task: its decision's outputs;
- a script task: what it assigns (whatever path it takes, or only on some);
- a call activity: its Out mappings' targets, or, with none, what the called process writes;
- a data object: what a task's data input association brings in.

A name nothing writes is an error (with the name meant, if one is close); a name some paths write but not
all, or a form field that is not required, is a warning naming where it is missing; a gateway right after a
task that decides on names that task does not write, while another task wrote them earlier, is a warning
naming both tasks. The analysis is a forward "written on every path" / "written on some path" pass over
the flows, to a fixed point through loops; a parallel join has every branch's writes.
"""

from __future__ import annotations

import ast
import difflib
import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from ..bpmn import DialectRefused, condition_python, expression_problem, timer_python, value_python
from ..problems import Problem
from ..vocabulary import CAMUNDA_NS, FLOW_NODES
from .diagram import TIMER_EXPRESSIONS, Catalogue, bpmn_tag, describe, local_name, text_of
from .messages import FOLDER as MESSAGE_FOLDER
from .messages import correlation_fault, schema_key
from .variable_names import Reads, expression_reads, script_effect

START_VARIABLE = "start-variable"
# What an external service task's worker gives back, as the task declares it: the engine can not know.
RESULT_VARIABLE = "result-variable"
UNDECLARED_START = "undeclared-start"
# The codes of the warnings this check gives (``accept-warning`` names them)
UNWRITTEN = "unwritten"  # an error
MAYBE_UNWRITTEN = "maybe-unwritten"
STALE_VALUE = "stale-value"
UNCOVERED_VALUE = "uncovered-value"
DATA_FLOW_CODES = frozenset({UNWRITTEN, UNDECLARED_START, MAYBE_UNWRITTEN, STALE_VALUE, UNCOVERED_VALUE})
_MERGING = ("exclusiveGateway", "inclusiveGateway", "parallelGateway")


@dataclass(frozen=True)
class Writer:
    """What wrote a variable, as the analyst knows it."""

    element_id: str
    description: str


@dataclass(frozen=True)
class Written:
    """The variables on the paths that reach a point: ``surely`` on every path, ``writers`` by who on any."""

    surely: frozenset[str]
    writers: Mapping[str, frozenset[Writer]]
    # (field, value, name): ``name`` is written when ``field`` has ``value`` (a form's if/then required)
    provided: frozenset[tuple[str, str, str]] = frozenset()
    # Elements whose writes are unknown because their own reference is broken (a missing form, payload
    # schema, decision or called process): what they might write is reported as that root cause, not as
    # a name nothing writes.
    unknown: frozenset[Writer] = frozenset()

    def then(
        self,
        surely: Iterable[str],
        maybe: Iterable[str],
        writer: Writer,
        provided: Iterable = (),
        *,
        unknown: bool = False,
    ) -> Written:
        writers = dict(self.writers)
        for name in {*surely, *maybe}:
            writers[name] = frozenset({writer})  # the nearest writer hides the earlier ones
        return Written(
            self.surely | frozenset(surely),
            writers,
            self.provided | frozenset(provided),
            self.unknown | {writer} if unknown else self.unknown,
        )

    def given(self, condition: str) -> Written:
        """What is written on a flow whose condition holds: a field a form requires when another has the
        value the condition asks for."""
        known = _conditions_known(condition)
        more = {name for field, value, name in self.provided if (field, value) in known}
        return Written(self.surely | more, self.writers, self.provided, self.unknown) if more else self

    @staticmethod
    def join(states: list[Written], *, all_paths_taken: bool) -> Written:
        if len(states) == 1:
            return states[0]
        writers: dict[str, frozenset[Writer]] = defaultdict(frozenset)
        for state in states:
            for name, who in state.writers.items():
                writers[name] |= who
        surely = [state.surely for state in states]
        provided = [state.provided for state in states]
        unknown = frozenset().union(*(state.unknown for state in states))
        if all_paths_taken:
            return Written(frozenset().union(*surely), dict(writers), frozenset().union(*provided), unknown)
        return Written(
            frozenset.intersection(*surely), dict(writers), frozenset.intersection(*provided), unknown
        )


NOTHING = Written(frozenset(), {})


def data_flow_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    flows = DataFlow.of(catalogue)
    for process in root.iter(bpmn_tag("process")):
        if process.get("isExecutable") == "true":
            yield from flows.problems(file, process)


class DataFlow:
    """The data flow of every process of a catalogue; a called process's writes are shared by its callers."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.processes = {process.get("id"): (file, process) for file, process in catalogue.processes()}
        self.decision_outputs = _decision_outputs(catalogue)
        self._analyses: dict[str, _ScopeFlow] = {}
        self._schemas: dict[str, dict] = {}
        self._in_progress: set[str] = set()

    @classmethod
    def of(cls, catalogue: Catalogue) -> DataFlow:
        # The checks run file by file; the analysis of the catalogue is made once.
        cached = getattr(catalogue, "_data_flow", None)
        if cached is None:
            cached = cls(catalogue)
            catalogue._data_flow = cached  # type: ignore[attr-defined]
        return cached

    def problems(self, file: str, process: etree._Element) -> Iterator[Problem]:
        analysis = self.analysis(process.get("id"))
        if analysis is not None:
            yield from analysis.problems()

    def analysis(self, process_id: str) -> _ScopeFlow | None:
        """The data flow of a process, made once; None while it is being made (a process that calls itself,
        or is called by a process it calls with every variable)."""
        if process_id in self._analyses:
            return self._analyses[process_id]
        if process_id in self._in_progress or process_id not in self.processes:
            return None
        self._in_progress.add(process_id)
        file, process = self.processes[process_id]
        analysis = _ScopeFlow(self, file, process, self.start_of(process))
        analysis.run()
        self._in_progress.discard(process_id)
        self._analyses[process_id] = analysis
        return analysis

    # --- what a process starts with and ends with ---------------------------------------------------------

    def start_of(self, process: etree._Element) -> Written:
        start = Written(frozenset(), {})
        declared = _declared_start_variables(process)
        who = Writer(process.get("id"), f'the start of process "{process.get("id")}" ({START_VARIABLE})')
        start = start.then(declared, (), who)
        passed_in = []
        for file, caller in self.processes.values():
            for call in caller.iter(bpmn_tag("callActivity")):
                if call.get("calledElement") != process.get("id"):
                    continue
                targets = _in_targets(call)
                if targets is not None:
                    writer = Writer(call.get("id"), f"{describe(call)} in {file} (its In mappings)")
                    broken = any(_broken_expression(m) for m in _mappings(call, "in"))
                    passed_in.append(NOTHING.then(targets, (), writer, unknown=broken))
                    continue
                # Every variable is passed: the called process starts with what the caller has there.
                analysis = self.analysis(caller.get("id"))
                before = analysis.before_node(call.get("id")) if analysis is not None else None
                passed_in.append(
                    before or NOTHING.then((), (), Writer(call.get("id"), describe(call)), unknown=True)
                )
        if passed_in:
            by_callers = Written.join(passed_in, all_paths_taken=False)
            writers = {**by_callers.writers, **start.writers}
            start = Written(start.surely | by_callers.surely, writers, frozenset(), by_callers.unknown)
        return start

    def end_of(self, process_id: str, call: etree._Element) -> Written:
        """What a called process has written when it ends (unknown while it is being analysed)."""
        analysis = self.analysis(process_id)
        if analysis is None:
            return NOTHING.then((), (), Writer(call.get("id"), describe(call)), unknown=True)
        return analysis.at_end()

    # --- what an element writes --------------------------------------------------------------------------

    def schema(self, key: str) -> dict:
        if key not in self._schemas:
            self._schemas[key] = json.loads(self.catalogue.forms[key])
        return self._schemas[key]

    def usable(self, key: str | None) -> bool:
        """Whether the form or payload schema ``key`` is there and sound (its faults are reported as such)."""
        forms = self.catalogue.forms
        if not key or key not in forms or self.catalogue.form_fault(key):
            return False
        return not key.startswith(f"{MESSAGE_FOLDER}/") or correlation_fault(forms[key]) is None

    def provided_by(self, key: str | None) -> list[tuple[str, str, str]]:
        """(field, value, name) for each ``if field is value then name is required`` of a form's allOf."""
        if not self.usable(key):
            return []
        schema = self.schema(key)
        provided = []
        for rule in [schema, *(schema.get("allOf") or [])]:
            when, then = rule.get("if"), rule.get("then")
            if not isinstance(when, dict) or not isinstance(then, dict):
                continue
            consts = {
                field: json.dumps(spec["const"])
                for field, spec in (when.get("properties") or {}).items()
                if isinstance(spec, dict) and "const" in spec and field in (when.get("required") or ())
            }
            for field, value in consts.items():
                provided += [(field, value, name) for name in then.get("required") or ()]
        return provided

    def decision_inputs(self, ref: str | None) -> list[tuple[etree._Element, str]]:
        return _decision_inputs(self.catalogue, ref)

    def form_fields(self, key: str | None) -> tuple[set[str], set[str]]:
        """(required, every) property of a form or payload schema; nothing for one that is missing or broken
        (reported by the form checks)."""
        if not self.usable(key):
            return set(), set()
        schema = self.schema(key)
        properties = set(schema.get("properties") or {})
        required = {name for name in schema.get("required") or () if name in properties}
        return required, properties


# --- one scope: a process, a sub process or a transaction ---------------------------------------------------


class _ScopeFlow:
    def __init__(self, flows: DataFlow, file: str, scope: etree._Element, entry: Written):
        self.flows, self.file, self.scope, self.entry = flows, file, scope, entry
        self.nodes = {
            node.get("id"): node
            for node in scope.iterchildren(etree.Element)
            if local_name(node) in FLOW_NODES
        }
        self.incoming: dict[str, list[etree._Element]] = defaultdict(list)
        self.outgoing: dict[str, list[etree._Element]] = defaultdict(list)
        for flow in scope.iterchildren(bpmn_tag("sequenceFlow")):
            self.incoming[flow.get("targetRef")].append(flow)
            self.outgoing[flow.get("sourceRef")].append(flow)
        self.attached: dict[str, list[str]] = defaultdict(list)
        for node_id, node in self.nodes.items():
            if node.get("attachedToRef"):
                self.attached[node.get("attachedToRef")].append(node_id)
        self.before: dict[str, Written] = {}
        self.after: dict[str, Written] = {}
        self.inner: dict[str, _ScopeFlow] = {}
        self._effects: dict[Writer, tuple] = {}
        self._writers: dict[str, Writer] = {}
        self.messages = {
            m.get("id"): (m.get("name") or "").strip() for m in scope.getroottree().iter(bpmn_tag("message"))
        }

    # --- the fixed point ----------------------------------------------------------------------------------

    def run(self) -> None:
        pending = list(self.nodes)
        rounds = 0
        while pending and rounds < 50 * max(len(self.nodes), 1):
            rounds += 1
            node_id = pending.pop(0)
            before = self._state_before(self.nodes[node_id])
            if before is None:
                continue
            after = self._through(self.nodes[node_id], before)
            if self.before.get(node_id) == before and self.after.get(node_id) == after:
                continue
            self.before[node_id], self.after[node_id] = before, after
            followers = [flow.get("targetRef") for flow in self.outgoing[node_id]]
            followers += self.attached[node_id]
            pending.extend(f for f in followers if f in self.nodes and f not in pending)

    def _state_before(self, node: etree._Element) -> Written | None:
        kind = local_name(node)
        if kind == "boundaryEvent":
            # It fires while its activity runs: what the activity writes is not there yet.
            return self.before.get(node.get("attachedToRef"))
        flows = self.incoming[node.get("id")]
        if not flows:
            return self.entry if kind == "startEvent" or not self._has_start() else None
        reached = [self._along(f) for f in flows if f.get("sourceRef") in self.after]
        if not reached:
            return None
        return Written.join(reached, all_paths_taken=kind == "parallelGateway" and len(flows) > 1)

    def _along(self, flow: etree._Element) -> Written:
        state = self.after[flow.get("sourceRef")]
        condition = flow.find(bpmn_tag("conditionExpression"))
        return state.given(text_of(condition)) if condition is not None else state

    def _has_start(self) -> bool:
        return any(local_name(node) == "startEvent" for node in self.nodes.values())

    def _through(self, node: etree._Element, before: Written) -> Written:
        kind = local_name(node)
        writer = self._writer(node)
        if kind in ("subProcess", "transaction"):
            inner = _ScopeFlow(self.flows, self.file, node, before)
            inner.run()
            self.inner[node.get("id")] = inner
            return inner.at_end()
        effect = self._effects.get(writer)
        if effect is None:
            # What an element writes does not change between rounds: worked out once.
            surely, maybe = self._writes(node)
            form_key = node.get(f"{{{CAMUNDA_NS}}}formKey")
            provided = self.flows.provided_by(form_key) if kind == "userTask" else ()
            effect = self._effects[writer] = (surely, maybe, provided, self._writes_unknown(node))
        surely, maybe, provided, unknown = effect
        return before.then(surely, maybe, writer, provided, unknown=unknown)

    def _writer(self, node: etree._Element) -> Writer:
        node_id = node.get("id")
        if node_id not in self._writers:
            self._writers[node_id] = Writer(node_id, describe(node))
        return self._writers[node_id]

    def _writes_unknown(self, node: etree._Element) -> bool:
        """Whether what ``node`` writes is unknown because what it refers to is missing or broken."""
        kind = local_name(node)
        keys = [schema_key(name) for name in self._caught_messages(node)]
        if kind == "userTask":
            keys.append(node.get(f"{{{CAMUNDA_NS}}}formKey"))
        if any(not self.flows.usable(key) for key in keys):
            return True
        if kind == "businessRuleTask":
            return node.get(f"{{{CAMUNDA_NS}}}decisionRef") not in self.flows.decision_outputs
        if kind == "callActivity" and _out_targets(node) is None:
            called = node.get("calledElement")
            return called not in self.flows.processes or bool(self.flows.end_of(called, node).unknown)
        return False

    def _writes(self, node: etree._Element) -> tuple[set[str], set[str]]:
        kind = local_name(node)
        surely, maybe = set(), set()
        if kind == "userTask":
            required, every = self.flows.form_fields(node.get(f"{{{CAMUNDA_NS}}}formKey"))
            surely, maybe = required, every - required
        elif kind == "businessRuleTask":
            surely = set(self.flows.decision_outputs.get(node.get(f"{{{CAMUNDA_NS}}}decisionRef"), ()))
        elif kind == "scriptTask":
            effect = script_effect(text_of(node.find(bpmn_tag("script"))))
            surely, maybe = set(effect.assigns), set(effect.may_assign)
        elif kind == "serviceTask":
            surely = _declared(node, RESULT_VARIABLE)
        elif kind == "callActivity":
            targets = _out_targets(node)
            if targets is None:
                end = self.flows.end_of(node.get("calledElement"), node)
                surely, maybe = set(end.surely), set(end.writers) - end.surely
            else:
                surely = targets
        for name in self._caught_messages(node):
            required, every = self.flows.form_fields(schema_key(name))
            surely |= required
            maybe |= every - required
        for association in node.iterchildren(bpmn_tag("dataInputAssociation")):
            surely |= {
                self._data_object_name(text_of(source)) for source in association.iter(bpmn_tag("sourceRef"))
            }
        return surely, maybe - surely

    def _caught_messages(self, node: etree._Element) -> list[str]:
        refs = [d.get("messageRef") for d in node.iterchildren(bpmn_tag("messageEventDefinition"))]
        if local_name(node) == "receiveTask":
            refs.append(node.get("messageRef"))
        return [self.messages[ref] for ref in refs if self.messages.get(ref)]

    def _data_object_name(self, reference_id: str) -> str:
        for reference in self.scope.getroottree().iter(bpmn_tag("dataObjectReference")):
            if reference.get("id") == reference_id:
                return reference.get("dataObjectRef") or reference_id
        return reference_id

    def before_node(self, node_id: str) -> Written | None:
        """The variables when ``node_id`` starts, in this scope or a sub process inside it."""
        if node_id in self.before:
            return self.before[node_id]
        for inner in self.inner.values():
            found = inner.before_node(node_id)
            if found is not None:
                return found
        return None

    def at_end(self) -> Written:
        ends = [
            self.after[node_id]
            for node_id, node in self.nodes.items()
            if node_id in self.after and not self.outgoing[node_id] and local_name(node) != "boundaryEvent"
        ]
        return Written.join(ends, all_paths_taken=False) if ends else self.entry

    # --- the reads ----------------------------------------------------------------------------------------

    def problems(self) -> Iterator[Problem]:
        for node_id, node in self.nodes.items():
            if node_id not in self.before:
                continue  # never reached: reported by the reachability check
            yield from self._node_problems(node)
            if node_id in self.inner:
                yield from self.inner[node_id].problems()
        yield from self._stale_decisions()
        yield from self._uncovered_gateways()

    def _node_problems(self, node: etree._Element) -> Iterator[Problem]:
        node_id = node.get("id")
        before, after = self.before[node_id], self.after[node_id]
        kind = local_name(node)
        own = {*_element_variable(node), *_input_parameters(node)}
        itself = describe(node)
        if kind == "scriptTask":
            effect = script_effect(text_of(node.find(bpmn_tag("script"))))
            yield from self._check(
                node, f"the script of {itself}", Reads(effect.reads, frozenset()), before, own
            )
        if kind == "businessRuleTask":
            ref = node.get(f"{{{CAMUNDA_NS}}}decisionRef")
            for column, expression in self.flows.decision_inputs(ref):
                what = f"the {describe(column)} of decision '{ref}', used by {itself},"
                yield from self._check(node, what, expression_reads(expression), before, own)
        for timer in node.iterchildren(bpmn_tag("timerEventDefinition")):
            for expression in timer.iterchildren(*map(bpmn_tag, TIMER_EXPRESSIONS)):
                what = f"the {local_name(expression)} of {itself}"
                python = _timer_python_of(local_name(expression), text_of(expression))
                yield from self._check(node, what, expression_reads(python), before, own)
        loop = node.find(bpmn_tag("multiInstanceLoopCharacteristics"))
        if loop is not None and loop.get(f"{{{CAMUNDA_NS}}}collection"):
            collection = expression_reads(_python_of(loop.get(f"{{{CAMUNDA_NS}}}collection")))
            yield from self._check(node, f"the collection of {itself}", collection, before, set())
        if kind == "callActivity":
            for mapping in node.iterfind(f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}in"):
                what = f"an In mapping of {itself}"
                if mapping.get("sourceExpression") is not None:
                    reads = expression_reads(_python_of(mapping.get("sourceExpression")))
                    yield from self._check(node, what, reads, before, own, element=mapping)
                elif mapping.get("source"):
                    # a source the caller lacks arrives as null: only a name nothing writes is wrong
                    reads = Reads(frozenset(), frozenset({mapping.get("source")}))
                    yield from self._check(node, what, reads, before, own, element=mapping)
        for flow in self.outgoing[node_id]:
            condition = flow.find(bpmn_tag("conditionExpression"))
            if condition is not None:
                reads = expression_reads(_condition_python_of(condition))
                what = f"the condition of {describe(flow)}"
                yield from self._check(node, what, reads, after, set(), element=flow, on_leaving=True)

    def _check(self, node, reader: str, reads: Reads, state: Written, own: set[str], *, element=None,
               on_leaving: bool = False) -> Iterator[Problem]:  # fmt: skip
        """``reader`` reads ``reads`` where ``state`` holds: when ``node`` starts, or ``on_leaving`` it."""
        element = node if element is None else element
        where = element.get("id") or node.get("id")
        for name in sorted(reads.always | reads.guarded):
            if name in own or name in state.surely:
                continue
            if name not in state.writers:
                if state.unknown:
                    continue  # a consequence of the broken reference, which is reported as itself
                message = f"{reader} reads '{name}', {self._nothing_writes(name)}"
                if self._start_declared():
                    yield Problem(self.file, element.sourceline, where, message, code=UNWRITTEN)
                else:  # a diagram that does not say what it starts with may be given the name at start
                    message += f" (if a start passes it, declare it as a {START_VARIABLE} on the start event)"
                    yield Problem.warning(self.file, element.sourceline, where, UNDECLARED_START, message)
            elif name in reads.always:
                missing = self._missing_on(name, node, state, on_leaving=on_leaving)
                message = f"{reader} reads '{name}', {missing}"
                yield Problem.warning(self.file, element.sourceline, where, MAYBE_UNWRITTEN, message)

    def _start_declared(self) -> bool:
        """Whether the process says what it starts with (a ``start-variable`` entry, even an empty one):
        then a name nothing writes is an error; a diagram from elsewhere that says nothing gets a warning."""
        process = self.scope
        while process is not None and local_name(process) != "process":
            process = process.getparent()
        if process is None:
            return True
        return any(
            prop.get("name") == START_VARIABLE
            for start in process.iterchildren(bpmn_tag("startEvent"))
            for prop in start.iterfind(
                f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}properties/{{{CAMUNDA_NS}}}property"
            )
        )

    def _nothing_writes(self, name: str) -> str:
        later = sorted({w.description for state in self.after.values() for w in state.writers.get(name, ())})
        if later:
            return f"which only {' and '.join(later)} writes, and not on a path before it"
        known = [other for other in self._all_names() if other != name]
        hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        meant = f": did you mean '{hint[0]}'?" if hint else ""
        sources = "no start variable, form, message, decision, script or call"
        return f"which {sources} on a path to it writes{meant}"

    def _all_names(self) -> list[str]:
        names = set(self.entry.writers)
        for state in self.after.values():
            names |= set(state.writers)
        return sorted(names)

    def _missing_on(self, name: str, node: etree._Element, state: Written, *, on_leaving: bool) -> str:
        writers = sorted({w.description for w in state.writers[name]})
        written = " and ".join(writers)
        where = self._where_missing(name, node, after=on_leaving)
        return f"which {written} writes, but {where}: an instance that comes that way stops here"

    def _where_missing(self, name: str, node: etree._Element, *, after: bool) -> str:
        """The nearest place, going back from ``node``, where ``name`` is not surely written: a form or
        message that does not require it, or a path into a merge that does not write it."""
        seen: set[tuple[str, bool]] = set()
        pending = [(node.get("id"), after)]
        while pending:
            node_id, look_after = pending.pop(0)
            if (node_id, look_after) in seen or node_id not in self.nodes:
                continue
            seen.add((node_id, look_after))
            here = self.nodes[node_id]
            if look_after:
                state = self.after.get(node_id)
                if state is None or name in state.surely:
                    continue
                if name in state.writers and Writer(node_id, describe(here)) in state.writers[name]:
                    return f"{self._form_of(here)} does not require it"
                pending.append((node_id, False))
                continue
            if local_name(here) == "boundaryEvent":
                pending.append((here.get("attachedToRef"), False))
                continue
            sources = [f.get("sourceRef") for f in self.incoming[node_id] if f.get("sourceRef") in self.after]
            if not sources:
                declare = f"declare it as a {START_VARIABLE} if a start passes it"
                return f"the process does not start with it ({declare})"
            for source in sources:
                if name not in self.after[source].writers:
                    return f"not on the path from {describe(self.nodes[source])}"
            pending.extend((source, True) for source in sources)
        return "not on every path to it"

    def _form_of(self, node: etree._Element) -> str:
        key = node.get(f"{{{CAMUNDA_NS}}}formKey")
        if key:
            return f'the form "{key}" of {describe(node)}'
        names = self._caught_messages(node)
        if names:
            return f'the payload schema "{schema_key(names[0])}" of {describe(node)}'
        return describe(node)

    # --- a decision right after a task that reads what an earlier task wrote --------------------------------

    def _stale_decisions(self) -> Iterator[Problem]:
        for gateway_id, gateway in self.nodes.items():
            if gateway_id not in self.after or local_name(gateway) not in (
                "exclusiveGateway",
                "inclusiveGateway",
            ):
                continue
            conditions = [(f, f.find(bpmn_tag("conditionExpression"))) for f in self.outgoing[gateway_id]]
            conditions = [(f, c) for f, c in conditions if c is not None]
            if not conditions:
                continue
            read = {flow: expression_reads(text_of(c)) for flow, c in conditions}
            state = self.after[gateway_id]
            warned = set()
            for task in self._tasks_right_before(gateway):
                surely, maybe = self._writes(task)
                written_by_task = surely | maybe
                for flow, reads in read.items():
                    for name in sorted(reads.always | reads.guarded):
                        if name in written_by_task or name not in state.writers or (flow, name) in warned:
                            continue
                        renamed = difflib.get_close_matches(name, sorted(written_by_task), n=1, cutoff=0.6)
                        if not renamed:
                            continue  # deciding on an earlier task's data is common; a near name is not
                        warned.add((flow, name))
                        earlier = " and ".join(sorted({w.description for w in state.writers[name]}))
                        yield Problem.warning(
                            self.file,
                            flow.sourceline,
                            flow.get("id"),
                            STALE_VALUE,
                            f"the condition of {describe(flow)} decides on '{name}', which {earlier} wrote "
                            f"earlier, not {describe(task)} right before the gateway (it has "
                            f"'{renamed[0]}': was the field renamed?): it decides on a value from before "
                            "that task",
                        )

    # --- an exclusive gateway without a default that a known value set falls through -------------------

    def _uncovered_gateways(self) -> Iterator[Problem]:
        for gateway_id, gateway in self.nodes.items():
            if (
                gateway_id not in self.after
                or local_name(gateway) != "exclusiveGateway"
                or gateway.get("default")
            ):
                continue
            leaving = self.outgoing[gateway_id]
            conditions = [flow.find(bpmn_tag("conditionExpression")) for flow in leaving]
            if len(leaving) < 2 or any(condition is None for condition in conditions):
                continue
            compared = [_values_compared(text_of(condition)) for condition in conditions]
            if any(c is None for c in compared) or len({variable for variable, _ in compared}) != 1:
                continue
            variable = compared[0][0]
            known = self._values_written(variable, self.after[gateway_id])
            if known is None:
                continue
            source, values = known
            uncovered = sorted(values - set().union(*(taken for _, taken in compared)))
            if uncovered:
                shown = ", ".join(uncovered)
                yield Problem.warning(
                    self.file,
                    gateway.sourceline,
                    gateway_id,
                    UNCOVERED_VALUE,
                    f"{describe(gateway)} has no default flow and no condition holds when '{variable}' is "
                    f"{shown}, which {source} allows: an instance with it stops at the gateway (add a "
                    "default flow, or a condition for it)",
                )

    def _values_written(self, variable: str, state: Written) -> tuple[str, set[str]] | None:
        """(what allows them, the values) of ``variable`` when every writer of it says its value set."""
        values, sources = set(), []
        for writer in state.writers.get(variable, ()):
            node = self.nodes.get(writer.element_id)
            if node is None:
                return None
            keys = [schema_key(name) for name in self._caught_messages(node)]
            if local_name(node) == "userTask":
                keys.append(node.get(f"{{{CAMUNDA_NS}}}formKey"))
            specs = [
                self.flows.schema(key).get("properties", {}).get(variable)
                for key in keys
                if self.flows.usable(key)
            ]
            known = [_value_set(spec) for spec in specs if spec is not None]
            if not known or any(k is None for k in known):
                return None
            values = values.union(*known)
            sources.append(self._form_of(node))
        return (" and ".join(sources), values) if sources else None

    def _tasks_right_before(self, gateway: etree._Element) -> list[etree._Element]:
        """The activities and catch events a deciding gateway follows, back through merging gateways (a
        join of two tasks' paths has both); none when another deciding gateway stands between."""
        found, waiting, seen = [], [gateway], set()
        while waiting:
            node = waiting.pop()
            for flow in self.incoming[node.get("id")]:
                source = self.nodes.get(flow.get("sourceRef"))
                if source is None or source.get("id") in seen:
                    continue
                seen.add(source.get("id"))
                if local_name(source) not in _MERGING:
                    found.append(source)
                elif len(self.outgoing[source.get("id")]) == 1:
                    waiting.append(source)
                else:
                    return []  # another deciding gateway
        return found


@functools.lru_cache(maxsize=4096)
def _conditions_known(condition: str) -> frozenset[tuple[str, str]]:
    """(variable, JSON value) pairs a condition holding implies: ``x``, ``x == "a"``, each side of ``and``."""
    try:
        tree = ast.parse(condition.strip(), mode="eval").body
    except SyntaxError:
        return frozenset()
    parts = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    known = set()
    for part in parts:
        if isinstance(part, ast.Name):
            known.add((part.id, "true"))
        elif isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.ops[0], ast.Eq):
            left, right = part.left, part.comparators[0]
            if isinstance(right, ast.Name):
                left, right = right, left
            if isinstance(left, ast.Name) and isinstance(right, ast.Constant):
                known.add((left.id, json.dumps(right.value)))
    return frozenset(known)


def _declared_start_variables(process: etree._Element) -> set[str]:
    names = set()
    for start in process.iterchildren(bpmn_tag("startEvent")):
        names |= _declared(start, START_VARIABLE)
    return names


def _declared(node: etree._Element, property_name: str) -> set[str]:
    """The names a ``camunda:properties`` entry ``property_name`` of ``node`` lists (comma-separated)."""
    names = set()
    for prop in node.iterfind(
        f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}properties/{{{CAMUNDA_NS}}}property"
    ):
        if prop.get("name") == property_name and prop.get("value"):
            names |= {part.strip() for part in prop.get("value").split(",") if part.strip()}
    return names


def _mappings(call: etree._Element, direction: str) -> list[etree._Element]:
    return call.findall(f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}{direction}")


def _in_targets(call: etree._Element) -> set[str] | None:
    """What a call passes in by name; None when it passes every variable."""
    mappings = _mappings(call, "in")
    if not mappings or any(m.get("variables") == "all" for m in mappings):
        return None
    return {m.get("target") or m.get("source") for m in mappings if m.get("target") or m.get("source")}


def _broken_expression(mapping: etree._Element) -> bool:
    """A mapping whose expression does not compile: reported as itself, what it passes is unknown."""
    expression = mapping.get("sourceExpression")
    return expression is not None and bool(expression_problem(_python_of(expression)))


def _out_targets(call: etree._Element) -> set[str] | None:
    mappings = _mappings(call, "out")
    if not mappings or any(m.get("variables") == "all" for m in mappings):
        return None
    return {m.get("target") or m.get("source") for m in mappings if m.get("target") or m.get("source")}


def _element_variable(node: etree._Element) -> list[str]:
    loop = node.find(bpmn_tag("multiInstanceLoopCharacteristics"))
    variable = loop.get(f"{{{CAMUNDA_NS}}}elementVariable") if loop is not None else None
    return [variable] if variable else []


def _decision_outputs(catalogue: Catalogue) -> dict[str, list[str]]:
    outputs = {}
    for _, decision in catalogue.decisions():
        namespace = {"dmn": etree.QName(decision).namespace}
        names = [o.get("name") for o in decision.iterfind("dmn:decisionTable/dmn:output", namespace)]
        outputs[decision.get("id")] = [name.split(".")[0] for name in names if name]
    return outputs


def _decision_inputs(catalogue: Catalogue, ref: str | None) -> list[tuple[etree._Element, str]]:
    for _, decision in catalogue.decisions():
        if decision.get("id") == ref:
            namespace = {"dmn": etree.QName(decision).namespace}
            columns = decision.findall("dmn:decisionTable/dmn:input", namespace)
            return [(c, text_of(c.find("dmn:inputExpression/dmn:text", namespace))) for c in columns]
    return []


def _values_compared(condition: str) -> tuple[str, set[str]] | None:
    """(variable, the JSON values for which ``condition`` holds) when it only compares one variable with
    constants (``x == "a"``, ``x in ("a", "b")``, ``x``, ``not x``, joined by ``or``); None otherwise."""
    try:
        tree = ast.parse(condition.strip(), mode="eval").body
    except SyntaxError:
        return None
    parts = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.Or) else [tree]
    variable, values = None, set()
    for part in parts:
        found = _one_comparison(part)
        if found is None or (variable is not None and found[0] != variable):
            return None
        variable = found[0]
        values |= found[1]
    return (variable, values) if variable else None


def _one_comparison(part: ast.expr) -> tuple[str, set[str]] | None:
    if isinstance(part, ast.Name):
        return part.id, {"true"}
    if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not) and isinstance(part.operand, ast.Name):
        return part.operand.id, {"false"}
    if not (isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.left, ast.Name)):
        return None
    right = part.comparators[0]
    if isinstance(part.ops[0], ast.Eq) and isinstance(right, ast.Constant):
        return part.left.id, {json.dumps(right.value)}
    listed = isinstance(right, ast.List | ast.Tuple | ast.Set)
    if isinstance(part.ops[0], ast.In) and listed and all(isinstance(i, ast.Constant) for i in right.elts):
        return part.left.id, {json.dumps(item.value) for item in right.elts}
    return None


def _value_set(spec: object) -> set[str] | None:
    """The JSON values a form or payload property may take, when it says them (an enum, or a boolean)."""
    if not isinstance(spec, dict):
        return None
    if isinstance(spec.get("enum"), list):
        return {json.dumps(value) for value in spec["enum"]}
    if spec.get("type") == "boolean":
        return {"true", "false"}
    return None


def _python_of(text: str | None) -> str:
    """The Python of a mapped value or collection as the engine runs it (JUEL translated); empty where the
    dialect is refused, which its own check reports."""
    try:
        return value_python(text or "")
    except DialectRefused:
        return ""


def _timer_python_of(kind: str, text: str) -> str:
    """A timer's value as the engine runs it (P7D, a date or a cron is no variable); empty where refused."""
    try:
        return timer_python(kind, text)
    except (DialectRefused, ValueError):  # a value the timer checks refuse, said there
        return ""


def _condition_python_of(condition: etree._Element) -> str:
    """A condition as the engine runs it (JUEL translated); empty where its dialect is refused."""
    try:
        return condition_python(text_of(condition), condition.get("language"))
    except DialectRefused:
        return ""


def _input_parameters(node: etree._Element) -> list[str]:
    """The names an activity's camunda:inputParameter entries give it while it runs (its own variables)."""
    path = f"{bpmn_tag('extensionElements')}/{{{CAMUNDA_NS}}}inputOutput/{{{CAMUNDA_NS}}}inputParameter"
    return [parameter.get("name") for parameter in node.iterfind(path) if parameter.get("name")]
