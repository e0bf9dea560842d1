"""A DMN file as Camunda Modeler writes it (FEEL cells, no expressionLanguage, three decisions in one file,
a DRD), saved again by dmn-moddle as the modeler does, deploys and decides as DMN says: decisions found by
id anywhere in the file, the required decision taken first and its output read by the dependant, COLLECT
SUM adding up, ANY refusing rules that disagree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from engine import DefinitionInvalid, ScriptFailure

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "fixtures" / "feel"
PROVIDER = "integrator:provider"


@pytest.fixture
def deployed(engine, tmp_path):
    saved = tmp_path / "fee_decisions.dmn"
    result = subprocess.run(
        ["node", "tests/save_like_a_modeler.mjs", str(FOLDER / "fee_decisions.dmn"), str(saved)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0 and result.stderr == "", result.stderr
    files = {"fee.bpmn": (FOLDER / "fee.bpmn").read_bytes(), "fee_decisions.dmn": saved.read_bytes()}
    engine.deploy(files, actor="analyst:test")
    return engine


def decided(engine, **variables) -> dict:
    instance = engine.start_instance("fee_check", actor=PROVIDER, variables=variables)
    assert instance.status == "completed"
    return instance.variables


@pytest.mark.parametrize(
    ("applicant", "applied_on", "category", "fee"),
    [
        ({"type": "private_provider", "staff": 3}, "2026-08-31", "small", 100),
        ({"type": "independent_practitioner", "staff": 10}, "2026-08-31", "large", 350),
        ({"type": "private_provider", "staff": 12}, "2026-09-01", "large", 400),
        ({"type": "wellbeing_services_county", "staff": 5000}, "2026-10-01", "public", 50),
        ({"type": "wellbeing_services_county", "staff": 5000}, "2026-01-01", "public", None),
    ],
)
def test_the_required_decision_runs_first_and_its_output_feeds_the_fee(
    deployed, applicant, applied_on, category, fee
):
    variables = decided(
        deployed, applicant=applicant, applied_on=applied_on, new_access_point=False, volume_growth=0
    )
    assert variables["fee"] == fee  # COLLECT SUM of the matching rules; no rule: null
    assert "category" not in variables  # a required decision's outputs feed the decision, not the instance
    assert variables["notice"] is False


@pytest.mark.parametrize(
    ("new_access_point", "volume_growth", "notice"),
    [(True, 0, True), (True, 600_000, True), (None, 10, False)],
)
def test_any_rules_that_agree_decide_together(deployed, new_access_point, volume_growth, notice):
    applicant = {"type": "private_provider", "staff": 1}
    variables = decided(
        deployed, applicant=applicant, applied_on="2026-01-01",
        new_access_point=new_access_point, volume_growth=volume_growth,
    )  # fmt: skip
    assert variables["notice"] is notice


def test_a_value_of_the_wrong_type_fails_the_decision_naming_rule_and_input(deployed):
    applicant = {"type": "private_provider", "staff": "three"}
    with pytest.raises(ScriptFailure) as failure:
        deployed.start_instance("fee_check", actor=PROVIDER, variables={"applicant": applicant})
    message = failure.value.message
    assert (
        'decision "Applicant category": rule 1 (Rule_small_private): input "Staff" is the string' in message
    )


def test_any_rules_that_surely_disagree_are_refused_at_deploy(engine):
    table = (FOLDER / "fee_decisions.dmn").read_bytes()
    # the volume rule now says "no notice" where the access-point rule says "notice": both match
    ending = b'</outputEntry>\n      </rule>\n      <rule id="Rule_nothing">'
    table = table.replace(b"<text>true</text>" + ending, b"<text>false</text>" + ending)
    assert b'LiteralExpression_8"><text>false' in table
    # rule 1 (true, -) and rule 2 (-, a range) both match a new access point with a large volume growth
    with pytest.raises(DefinitionInvalid) as refused:
        engine.deploy({"fee.bpmn": (FOLDER / "fee.bpmn").read_bytes(), "d.dmn": table}, actor="analyst:test")
    assert "rules 1 and 2 of the ANY decision table" in str(refused.value)
