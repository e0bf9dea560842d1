"""How the engine reads diagrams: SpiffWorkflow's Camunda parser, with one change.

The diagrams speak the dialect Camunda Modeler and bpmn.io write (``camunda:formKey``,
``camunda:decisionRef``). A message delivered from outside merges its payload into the task data, as
correlating a message with variables does in Camunda.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree
from SpiffWorkflow.bpmn.parser import event_parsers
from SpiffWorkflow.bpmn.parser.event_parsers import ReceiveTaskParser, SendTaskParser
from SpiffWorkflow.bpmn.parser.util import full_tag
from SpiffWorkflow.bpmn.specs.defaults import ReceiveTask, SendTask
from SpiffWorkflow.camunda.parser.CamundaParser import CamundaParser
from SpiffWorkflow.camunda.parser.event_parsers import CamundaEventDefinitionParser
from SpiffWorkflow.camunda.specs.user_task import UserTask
from SpiffWorkflow.exceptions import SpiffWorkflowException

from ..decisions import Decision, read_decisions
from ..problems import Problem
from ..vocabulary import BPMN_NS
from .call_activity import MappedCallActivity, MappedCallActivityParser
from .decisions import DecisionTask, DecisionTaskParser
from .dialects import in_python
from .external_task import ExternalTask, ExternalTaskParser
from .input_output import EXTENSION as PARAMETERS
from .input_output import parameters_of
from .joins import BranchMergingInclusiveGateway, BranchMergingParallelGateway
from .message_event import MessageEvent
from .serializer import Serializer
from .user_task import AssignedUserTask, AssignedUserTaskParser


class _ParametersParser:
    """Reads an element's camunda:inputOutput into its task spec's extensions (see ``input_output``)."""

    def parse_extensions(self, node=None):
        extensions = super().parse_extensions(node)
        parameters = parameters_of(self.node if node is None else node)
        if parameters is not None:
            extensions = {**extensions, PARAMETERS: parameters}
        return extensions


class _MessageEventParser(CamundaEventDefinitionParser):
    def parse_message_event(self, message_event):
        parsed = super().parse_message_event(message_event)
        return MessageEvent(parsed.name, parsed.correlation_properties, parsed.expression, parsed.result_var)


def _as_the_engine_reads(parser_class):
    mixins = (_ParametersParser,)
    reads_events = issubclass(parser_class, CamundaEventDefinitionParser)
    if reads_events and not issubclass(parser_class, _MessageEventParser):
        mixins += (_MessageEventParser,)
    return type(parser_class.__name__, (*mixins, parser_class), {})


class _ReceiveTaskParser(_MessageEventParser, ReceiveTaskParser):
    """A receive task waits for its message as a message catch event does (SpiffWorkflow's own parser
    makes a message the Camunda serializer can not store)."""

    def create_task(self):
        return ReceiveTaskParser.create_task(self)


class _SendTaskParser(_MessageEventParser, SendTaskParser):
    """A send task throws its message as a message throw event does (SpiffWorkflow's own parser makes a
    message the Camunda serializer can not store)."""

    def create_task(self):
        return SendTaskParser.create_task(self)


class DiagramParser(CamundaParser):
    OVERRIDE_PARSER_CLASSES = {  # noqa: RUF012 (SpiffWorkflow reads this class attribute)
        tag: (_as_the_engine_reads(parser_class), spec_class)
        for tag, (parser_class, spec_class) in {
            **CamundaParser.PARSER_CLASSES,
            **CamundaParser.OVERRIDE_PARSER_CLASSES,
            full_tag("callActivity"): (MappedCallActivityParser, MappedCallActivity),
            full_tag("receiveTask"): (_ReceiveTaskParser, ReceiveTask),
            full_tag("sendTask"): (_SendTaskParser, SendTask),
            full_tag("userTask"): (AssignedUserTaskParser, AssignedUserTask),
            # Only external service tasks get past the allow-list; the others are refused before parsing.
            full_tag("serviceTask"): (ExternalTaskParser, ExternalTask),
            full_tag("businessRuleTask"): (DecisionTaskParser, DecisionTask),
            # joins keep every branch's writes (joins.py)
            full_tag("parallelGateway"): (
                CamundaParser.PARSER_CLASSES[full_tag("parallelGateway")][0],
                BranchMergingParallelGateway,
            ),
            full_tag("inclusiveGateway"): (
                CamundaParser.PARSER_CLASSES[full_tag("inclusiveGateway")][0],
                BranchMergingInclusiveGateway,
            ),
        }.items()
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.decisions: dict[str, Decision] = {}

    def add_dmn_xml(self, node, filename=None):
        """Every decision of the file, found by its id (SpiffWorkflow's own reader takes the first one)."""
        decisions, _ = read_decisions(filename or "", node)  # its faults are the catalogue checks' to report
        self.decisions.update((decision.id, decision) for decision in decisions)

    def decisions_for(self, decision_id: str) -> dict[str, dict] | None:
        """The decision and every decision it requires, directly or not, as they are stored with a spec."""
        if decision_id not in self.decisions:
            return None
        found, waiting = {}, [decision_id]
        while waiting:
            key = waiting.pop()
            if key not in found and key in self.decisions:
                found[key] = self.decisions[key].as_dict()
                waiting.extend(self.decisions[key].required)
        return found


def parsed_elements() -> frozenset[str]:
    """The BPMN elements (local names) SpiffWorkflow's parser makes tasks of: each needs a verdict."""
    tags = {**DiagramParser.PARSER_CLASSES, **DiagramParser.OVERRIDE_PARSER_CLASSES}
    return frozenset(etree.QName(tag).localname for tag in tags)


def parsed_event_definitions() -> frozenset[str]:
    """The BPMN event definitions (local names) SpiffWorkflow's event parsers read."""
    xpaths = [value for name, value in vars(event_parsers).items() if name.endswith("_EVENT_XPATH")]
    return frozenset(xpath.rsplit(":", 1)[1] for xpath in xpaths)


# ---- reading a catalogue ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedProcess:
    """An executable process as SpiffWorkflow reads it, with what it draws on."""

    key: str
    name: str
    node: etree._Element  # the <bpmn:process> element, for its documentation
    main_file: str
    spec: str  # serialized spec and the specs of the processes it calls
    files: frozenset[str]  # every diagram file it draws on (its own, called processes, decision tables)
    form_keys: frozenset[str]


def parse_processes(
    trees: Mapping[str, etree._ElementTree], serializer: Serializer, skip: frozenset[str] = frozenset()
) -> tuple[dict[str, ParsedProcess], list[Problem]]:
    """Parse diagrams; answer the executable processes by key and every fault SpiffWorkflow found, each at
    its line. The processes of the files in ``skip`` (those with problems already found) are not parsed,
    nor are faults reported in them: those problems come first, and SpiffWorkflow's would only echo them.

    Whatever SpiffWorkflow raises becomes a problem: an analyst's upload never ends in a crash."""
    parser = DiagramParser()
    problems = []
    for name, tree in trees.items():
        try:
            if tree.getroot().tag.startswith(f"{{{BPMN_NS}}}"):
                parser.add_bpmn_xml(in_python(tree), filename=name)
            else:
                parser.add_dmn_xml(tree.getroot(), filename=name)
        except Exception as error:  # SpiffWorkflow raises its own errors and whatever its code hits
            problems.append(_problem_from_spiff(error, name, trees))
    processes = {}
    for key in parser.get_process_ids():
        file = parser.get_process_parser(key).filename
        if file in skip:
            continue
        try:
            processes[key] = _parsed(parser, key, serializer)
        except Exception as error:  # as above: a fault of the diagram, or one the engine can not store
            problems.append(_problem_from_spiff(error, file, trees, process_id=key))
    return processes, [p for p in problems if p.file not in skip]


def _parsed(parser: DiagramParser, key: str, serializer: Serializer) -> ParsedProcess:
    process_parser = parser.get_process_parser(key)
    spec = parser.get_spec(key)
    subprocess_specs = parser.get_subprocess_specs(key)
    specs = [spec, *subprocess_specs.values()]
    files = {parser.get_process_parser(s.name).filename for s in specs}
    files |= {
        decision["file"]
        for s in specs
        for task_spec in s.task_specs.values()
        if isinstance(task_spec, DecisionTask)
        for decision in task_spec.decisions.values()
    }
    form_keys = {
        task_spec.form.key
        for s in specs
        for task_spec in s.task_specs.values()
        if isinstance(task_spec, UserTask) and task_spec.form.key
    }
    return ParsedProcess(
        key=key,
        name=process_parser.get_name() or key,
        node=process_parser.node,
        main_file=process_parser.filename,
        spec=serializer.dump_spec(spec, subprocess_specs),
        files=frozenset(files),
        form_keys=frozenset(form_keys),
    )


def _problem_from_spiff(error: Exception, default_file: str, trees, process_id: str | None = None) -> Problem:
    """SpiffWorkflow names the element but not its line: find the line in the file it came from."""
    file = getattr(error, "file_name", "") or default_file
    element_id = getattr(error, "id", "") or process_id
    line = None
    tree = trees.get(file)
    if tree is not None and element_id:
        found = tree.getroot().xpath("//*[@id=$id]", id=element_id)
        line = found[0].sourceline if found else None
    if isinstance(error, SpiffWorkflowException):
        message = str(error.args[0]) if error.args else str(error)
    else:
        message = f"the engine can not read or store it: {type(error).__name__}: {error}"
    return Problem(file, line, element_id, message)
