"""What one unit of work and one instance may use. Beyond a bound the request is refused (422, naming the
bound) or, for a timer nobody waits on, the instance is put in error: no diagram, form or client holds a
worker or fills the store. Each bound is a setting of the engine (``Engine(limits=Limits(...))``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    script_seconds: float = 2.0  # one script, condition, timer expression or DMN cell
    # what one script (or expression that is not plain) may allocate in its evaluator process
    script_memory_bytes: int = 512 * 1024 * 1024
    engine_steps: int = 1_000  # engine tasks run in one unit of work without waiting for anything
    call_depth: int = 20  # call activities inside call activities (the catalogue nests two)
    tasks: int = 10_000  # tasks in one instance, multi-instance children included
    state_bytes: int = 5_000_000  # one instance's stored state
    variable_depth: int = 32  # nesting of the objects and lists a caller gives as variables


# SpiffWorkflow turns a duration's years and months into days month by month: "P999999999Y" alone holds a
# worker for hours. No onboarding deadline lies further than this.
MAX_DURATION_YEARS = 100

# SpiffWorkflow's task iterator stops 1,000 tasks deep: a task further down a path (a loop that went round
# 500 times) is never seen, so the instance would look completed with its variables lost. Stop before that.
MAX_PATH_LENGTH = 900
# The longest text one decision-table cell (an input entry, an input expression or an output entry) may
# hold: a cell is a test or a value, not a program, and every check and run of it stays linear in it.
MAX_DECISION_CELL_CHARS = 2_000
