"""A UNIQUE decision table where two rules match fails naming both rows, instead of quietly taking the
first: the analyst's new rule that overlaps an old one is found on its first use, and nothing is stored."""

from __future__ import annotations

import pytest

from engine import ScriptFailure, read_folder
from tests.conftest import PROCESSES

PROVIDER = "integrator:provider"


def test_two_matching_rules_of_a_unique_table_are_refused_by_row(engine):
    files = read_folder(PROCESSES)
    # UNIQUE, with a last rule whose test only the engine can judge ("not social" is no literal): the
    # catalogue checks can not see that it overlaps the first, so the decision finds out when it runs
    table = (
        files["obligation.dmn"]
        .replace(b'hitPolicy="FIRST"', b'hitPolicy="UNIQUE"')
        .replace(
            b'<inputEntry id="UnaryTests_any_licence">\n          <text>-</text>',
            b'<inputEntry id="UnaryTests_any_licence">\n          <text>!= "social"</text>',
        )
    )
    engine.deploy({**files, "obligation.dmn": table}, actor="analyst:test")
    started = engine.start_instance("obligation_check", actor=PROVIDER)
    [task] = started.ready_tasks

    with pytest.raises(ScriptFailure) as refused:  # "health" + a patient system: rules 1 and 3 match
        engine.complete_task(task.id, {"licence": "health", "has_patient_system": True}, actor=PROVIDER)
    assert "is UNIQUE but rules 1 and 3 match" in refused.value.message
    assert refused.value.kind == "definition-fault"  # the table's fault, not the data's
    assert [t.id for t in engine.get_instance(started.id).ready_tasks] == [task.id]  # nothing stored

    # where only one rule matches it decides as before
    other = engine.complete_task(task.id, {"licence": "none", "has_patient_system": False}, actor=PROVIDER)
    assert (other.status, other.variables["service"]) == ("completed", "none")
