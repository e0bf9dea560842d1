"""DMN decisions as the engine takes them: read from DMN 1.3 files (every decision of a file, its table,
the decisions it requires), each cell in its own dialect (FEEL by default, or Python), and decided under
the table's hit policy. Nothing here knows SpiffWorkflow: engine/bpmn hands a business rule task's
variables in and merges the outputs back."""

from .evaluate import decide
from .feel import DecisionFailure, FeelError, TableFault, parse_expression, parse_unary_tests
from .tables import AGGREGATIONS, FEEL, HIT_POLICIES, NOT_RUN_HIT_POLICIES, PYTHON, Decision, read_decisions

__all__ = [
    "AGGREGATIONS",
    "FEEL",
    "HIT_POLICIES",
    "NOT_RUN_HIT_POLICIES",
    "PYTHON",
    "Decision",
    "DecisionFailure",
    "FeelError",
    "TableFault",
    "decide",
    "parse_expression",
    "parse_unary_tests",
    "read_decisions",
]
