"""A UNIQUE decision table means what DMN says: at most one rule matches. SpiffWorkflow stops at the first
match, so a rule an analyst adds that overlaps another would silently never be used; here every rule is
checked and two matches fail the decision naming both rows, as Camunda's engine does. (FIRST is the hit
policy for tables whose rules overlap on purpose; COLLECT gathers every match.)"""

from __future__ import annotations

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.dmn.engine.DMNEngine import DMNEngine

_decide = DMNEngine.decide


def _unique_decide(self, task):
    table = self.decision_table
    if table.hit_policy != "UNIQUE":
        return _decide(self, task)
    matched = [rule for rule in table.rules if self._DMNEngine__check_rule(rule, task)]
    if len(matched) > 1:
        rows = " and ".join(str(rule.row_number) for rule in matched)
        raise WorkflowTaskException(
            f'decision table "{table.name or table.id}" is UNIQUE but rules {rows} match: make the rules '
            "exclude each other, or set the hit policy to FIRST if the first matching rule should win",
            task=task,
        )
    return matched


def install() -> None:
    DMNEngine.decide = _unique_decide
