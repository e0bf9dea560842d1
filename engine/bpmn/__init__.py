"""Everything the engine does with SpiffWorkflow, and the only package that imports it (import-linter
checks): reading diagrams, storing specs and states, running diagram code in a sandbox, reading a
workflow's task tree, and routing SpiffWorkflow's timers through the engine's clock."""

from SpiffWorkflow.bpmn.parser.BpmnParser import XSD_PATH as BPMN_XSD_PATH
from SpiffWorkflow.dmn.parser.BpmnDmnParser import SCHEMAS as DMN_XSD_PATHS

from . import fan_out, input_output, timer_clock
from .code_policy import expression_problem, script_problem
from .diagram_builtins import DIAGRAM_NAMES
from .dialects import (
    JUEL_LANGUAGES,
    PYTHON_LANGUAGES,
    DialectRefused,
    collection_variable,
    condition_python,
    correlation_expressions,
    timer_python,
    value_python,
)
from .external_task import extension_properties
from .input_output import parameters_of
from .juel import is_juel
from .message_event import declare_contents
from .parser import DiagramParser, ParsedProcess, parse_processes, parsed_elements, parsed_event_definitions
from .sandbox import RestrictedScriptEngine
from .serializer import Serializer
from .user_task import form_data_key, start_form_key
from .version_change import MigrationRefused, ProcessChanges, mapping_targets
from .version_change import compare as compare_versions
from .version_change import move as move_to_version
from .workflow import LoadedDefinition, Run, form_lanes, parse_duration, start_lane, task_details

timer_clock.install()
fan_out.install()
input_output.install()

__all__ = [
    "BPMN_XSD_PATH",
    "DIAGRAM_NAMES",
    "DMN_XSD_PATHS",
    "JUEL_LANGUAGES",
    "PYTHON_LANGUAGES",
    "DiagramParser",
    "DialectRefused",
    "LoadedDefinition",
    "MigrationRefused",
    "ParsedProcess",
    "ProcessChanges",
    "RestrictedScriptEngine",
    "Run",
    "Serializer",
    "collection_variable",
    "compare_versions",
    "condition_python",
    "correlation_expressions",
    "declare_contents",
    "expression_problem",
    "extension_properties",
    "form_data_key",
    "form_lanes",
    "is_juel",
    "mapping_targets",
    "move_to_version",
    "parameters_of",
    "parse_duration",
    "parse_processes",
    "parsed_elements",
    "parsed_event_definitions",
    "script_problem",
    "start_form_key",
    "start_lane",
    "task_details",
    "timer_python",
    "value_python",
]
