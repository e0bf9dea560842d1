"""A decision table's gaps, input combinations no rule matches, are found where the values of every tested
column can be listed (booleans, the enum of the form the inputs come from, numbers around the table's
bounds) and reported by validate as warnings that stop nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from engine import problems_in, read_folder, warnings_in

ROOT = Path(__file__).resolve().parents[2]

PROCESS = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="x">
  <bpmn:process id="route" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:userTask id="Ask" name="Ask" camunda:formKey="forms/kind.json" />
    <bpmn:businessRuleTask id="Decide" name="Decide" camunda:decisionRef="route_decision" />
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Ask" />
    <bpmn:sequenceFlow id="F2" sourceRef="Ask" targetRef="Decide" />
    <bpmn:sequenceFlow id="F3" sourceRef="Decide" targetRef="Finish" />
  </bpmn:process>
</bpmn:definitions>
"""
FORM = {
    "type": "object",
    "properties": {
        "kind": {"type": "string", "enum": ["clinic", "pharmacy", "county"]},
        "urgent": {"type": "boolean"},
    },
}


def table(rules: str, hit_policy: str = "UNIQUE") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="x">
  <decision id="route_decision" name="Route">
    <decisionTable id="Table_route" hitPolicy="{hit_policy}">
      <input id="In_kind" label="Kind">
        <inputExpression id="E1" typeRef="string"><text>kind</text></inputExpression>
      </input>
      <input id="In_urgent" label="Urgent">
        <inputExpression id="E2" typeRef="boolean"><text>urgent</text></inputExpression>
      </input>
      <output id="Out" name="lane" typeRef="string" />
{rules}
    </decisionTable>
  </decision>
</definitions>
""".encode()


def rule(number: int, kind: str, urgent: str) -> str:
    return (
        f'      <rule id="R{number}"><inputEntry id="K{number}"><text>{kind}</text></inputEntry>'
        f'<inputEntry id="U{number}"><text>{urgent}</text></inputEntry>'
        f'<outputEntry id="O{number}"><text>"x"</text></outputEntry></rule>'
    )


def gaps(files: dict[str, bytes]) -> list:
    """The decision-gap warnings of ``files`` (the data-flow checks warn of other things too)."""
    return [w for w in warnings_in(files) if w.code == "decision-gap"]


def catalogue(rules: str, hit_policy: str = "UNIQUE") -> dict[str, bytes]:
    return {
        "route.bpmn": PROCESS,
        "route.dmn": table(rules, hit_policy),
        "forms/kind.json": json.dumps(FORM).encode(),
    }


def test_a_form_value_no_rule_takes_is_a_gap_named_with_its_inputs():
    rules = rule(1, '"clinic","pharmacy"', "-") + rule(2, '"county"', "true")
    [warning] = gaps(catalogue(rules))
    assert (warning.file, warning.element_id) == ("route.dmn", "route_decision")
    assert warning.message.startswith('decision "Route": no rule matches kind = "county", urgent = false:')


def test_a_covered_table_and_a_first_table_ending_in_anything_have_no_gap():
    covered = rule(1, 'not("county")', "-") + rule(2, '"county"', "true") + rule(3, '"county"', "false")
    assert gaps(catalogue(covered)) == []
    first = rule(1, '"clinic"', "true") + rule(2, "-", "-")
    assert gaps(catalogue(first, hit_policy="FIRST")) == []
    assert gaps(catalogue(rule(1, '"clinic"', "true"), hit_policy="COLLECT")) == []  # a list, maybe empty


def test_numbers_are_judged_around_the_bounds_the_cells_name():
    files = read_folder(ROOT / "tests" / "fixtures" / "feel")
    messages = sorted(w.message for w in gaps(files))
    assert 'applicant.type = "private_provider", applicant.staff = -1' in messages[0]  # [0..10) and >= 10
    assert "new_access_point = false, volume_growth = 1000000001" in messages[1]  # ]500000..1000000000]


def test_the_catalogue_has_no_gap():
    assert gaps(read_folder(ROOT / "processes")) == []


def test_validate_prints_a_gap_as_a_warning_and_still_succeeds(tmp_path):
    for name, data in catalogue(rule(1, '"clinic","pharmacy"', "-")).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    command = Path(sys.executable).parent / "kanta-onboarding"
    result = subprocess.run([str(command), "validate", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    *warnings, last = result.stdout.splitlines()
    gap = f'{tmp_path}/route.dmn:3: [route_decision] warning (decision-gap): decision "Route": no rule'
    assert any(line.startswith(gap) for line in warnings), warnings
    assert last.startswith("ok: 2 diagram(s)")


def test_a_columns_predefined_values_list_it_before_any_form():
    rules = rule(1, '"clinic","pharmacy","county"', "-")
    files = catalogue(rules)
    predefined = b'<inputValues id="V"><text>"clinic","pharmacy","county","lab"</text></inputValues></input>'
    files["route.dmn"] = files["route.dmn"].replace(
        b"</inputExpression>\n      </input>", b"</inputExpression>" + predefined, 1
    )
    [warning] = gaps(files)
    assert 'no rule matches kind = "lab":' in warning.message
    files["route.dmn"] = files["route.dmn"].replace(b'"lab"</text>', b"'lab'</text>")
    [problem] = [p for p in problems_in(files) if not p.is_warning]
    assert problem.element_id == "In_kind" and 'the predefined values of input "Kind"' in problem.message
