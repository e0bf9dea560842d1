"""The obligation table answers every organisation the joining form can describe, by exactly one row.

A table that lets a combination fall through to "no obligation" by accident lets obliged providers off
(seed 001: "… (mukaan lukien itsenäiset ammatinharjoittajat) on liityttävä …, jos käytössä on sähköinen
asiakas- ja potilastietojärjestelmä"). The combinations come from the form's own enumerations, so a value
added to the form without a row fails here.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from engine.decisions import FEEL, decide, parse_expression, read_decisions
from engine.decisions.tables import Cell, OutputColumn

PROCESSES = Path(__file__).resolve().parents[2] / "processes"
FORM = json.loads((PROCESSES / "forms" / "kj_organisation_data.json").read_text())["properties"]
KINDS, LICENCES, SYSTEMS = (FORM[name]["enum"] for name in ("organisation_kind", "licence", "system_kind"))
COMBINATIONS = [
    {"organisation_kind": kind, "licence": licence, "system_kind": system, "writes_prescriptions": writes}
    for kind, licence, system, writes in itertools.product(KINDS, LICENCES, SYSTEMS, (True, False))
]


@pytest.fixture(scope="module")
def table():
    file = PROCESSES / "kanta_service_obligation.dmn"
    [decision], faults = read_decisions(file.name, etree.parse(str(file)).getroot())
    assert faults == []
    return decision


def _no_python(expression, names):
    raise AssertionError(f"the table's cells are FEEL, yet {expression!r} was run as Python")


def _matching_rules(table, data: dict) -> list:
    # look at every row, not the first only: the table as RULE ORDER gives each matching row's rule id
    every = replace(table, hit_policy="RULE ORDER", outputs=(OutputColumn("rule", "rule", "", "string"),))
    rules = tuple(replace(rule, outputs=(_literal(rule.id),)) for rule in table.rules)
    return decide({table.id: replace(every, rules=rules)}, table.id, data, _no_python)["rule"]


def _literal(text: str):
    return Cell(f'"{text}"', FEEL, parse_expression(f'"{text}"'))


def _answer(table, data: dict) -> tuple[bool, bool, bool]:
    out = decide({table.id: table}, table.id, data, _no_python)
    return (
        out["patient_data_repository_required"],
        out["social_welfare_repository_required"],
        out["prescription_service_required"],
    )


def test_the_table_says_its_rows_exclude_each_other(table):
    assert table.hit_policy == "UNIQUE"


@pytest.mark.parametrize("data", COMBINATIONS, ids=lambda d: "-".join(str(v) for v in d.values()))
def test_every_combination_matches_exactly_one_row(table, data):
    matched = _matching_rules(table, data)
    assert len(matched) == 1, f"{data} matches {matched}"


@pytest.mark.parametrize("data", [d for d in COMBINATIONS if d["organisation_kind"] != "pharmacy"])
def test_a_provider_with_an_electronic_system_must_join_a_repository(table, data):
    patient, social, _ = _answer(table, data)
    assert (patient or social) == (data["system_kind"] != "none"), data


@pytest.mark.parametrize("data", COMBINATIONS)
def test_whoever_writes_prescriptions_and_every_pharmacy_joins_the_prescription_service(table, data):
    _, _, prescription = _answer(table, data)
    assert prescription == (data["writes_prescriptions"] or data["organisation_kind"] == "pharmacy")


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        # The cases that used to fall through to "no obligation".
        (("independent_practitioner", "none", "client_system"), (False, True)),
        (("private_provider", "none", "patient_system"), (True, False)),
        (("private_provider", "none", "client_system"), (False, True)),
        # A health-care licence pairs with the Patient Data Repository, never with the social-care one.
        (("private_provider", "health", "client_system"), (True, False)),
        # A patient system never joins the social-care repository, but a social-care licence still obliges.
        (("private_provider", "social", "patient_system"), (False, True)),
        (("private_provider", "health", "patient_and_client_systems"), (True, False)),
        (("private_provider", "health_and_social", "patient_and_client_systems"), (True, True)),
    ],
)
def test_the_repository_follows_the_licence_and_the_system(table, profile, expected):
    kind, licence, system = profile
    data = {"organisation_kind": kind, "licence": licence, "system_kind": system}
    data["writes_prescriptions"] = False
    assert _answer(table, data)[:2] == expected
