"""The Kanta catalogue's own rules, beyond what the engine runs: they hold for ``processes/`` only.

The engine lets a user task without a form take any JSON object (a diagram brought from elsewhere runs as
drawn), but every task of the Kanta onboarding catalogue asks for its data with a form, so that what a
service provider enters is checked field by field: a JSON Schema in ``forms/`` or Camunda form fields.
A field that holds a person's data (a contact person, an e-mail address, who signs) is marked
``"x-personal-data": true``, so that only the lanes that saw it are shown it and every read is logged."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from engine.vocabulary import BPMN_NS, CAMUNDA_NS

CATALOGUE = Path(__file__).parents[2] / "processes"
# what names a person, or reaches one: a contact person, who signs, an e-mail address (an organisation's name
# and Y-tunnus are not personal data, processes/README.md)
PERSONAL_NAME = re.compile(r"^(contact|signatory)(_|$)|(^|_)(person|email)$")


def tasks_without_a_form(folder: Path) -> list[str]:
    """``file:line: [id]`` of each user task in ``folder`` that names no form and has no form fields."""
    found = []
    for path in sorted(folder.rglob("*.bpmn")):
        for task in etree.parse(str(path)).iter(f"{{{BPMN_NS}}}userTask"):
            has_fields = task.find(f"{{{BPMN_NS}}}extensionElements/{{{CAMUNDA_NS}}}formData") is not None
            if not task.get(f"{{{CAMUNDA_NS}}}formKey") and not has_fields:
                found.append(f"{path.relative_to(folder)}:{task.sourceline}: [{task.get('id')}]")
    return found


def test_every_task_of_the_kanta_catalogue_has_a_form():
    assert list(CATALOGUE.glob("*.bpmn"))
    assert tasks_without_a_form(CATALOGUE) == []


def test_the_rule_finds_a_task_without_a_form(tmp_path):
    (tmp_path / "free.bpmn").write_text(
        f'<bpmn:definitions xmlns:bpmn="{BPMN_NS}" xmlns:camunda="{CAMUNDA_NS}">\n'
        '<bpmn:process id="p"><bpmn:userTask id="Formless" />\n'
        '<bpmn:userTask id="Formed" camunda:formKey="forms/f.json" /></bpmn:process></bpmn:definitions>'
    )
    assert tasks_without_a_form(tmp_path) == ["free.bpmn:2: [Formless]"]


def unmarked_personal_fields(folder: Path) -> list[str]:
    """``form: field`` of each field of ``folder``'s forms and message contracts that holds a person's data
    (by its name, or an e-mail format) and is not marked ``x-personal-data``."""
    found = []
    for path in sorted([*folder.glob("forms/*.json"), *folder.glob("messages/*.json")]):
        properties = json.loads(path.read_text(encoding="utf-8")).get("properties", {})
        for name, field in properties.items():
            personal = PERSONAL_NAME.search(name) or field.get("format") == "email"
            if personal and field.get("x-personal-data") is not True:
                found.append(f"{path.relative_to(folder)}: {name}")
    return found


def test_every_field_of_the_kanta_catalogue_with_a_persons_data_is_marked_personal():
    assert unmarked_personal_fields(CATALOGUE) == []


def test_the_rule_finds_a_persons_data_left_unmarked(tmp_path):
    (tmp_path / "forms").mkdir()
    fields = {
        "contact_person": {"type": "string"},
        "signatory_name": {"type": "string", "x-personal-data": True},
        "reply_to": {"type": "string", "format": "email"},
        "organisation_name": {"type": "string"},
        "sent_on": {"type": "string", "format": "date"},
    }
    (tmp_path / "forms" / "f.json").write_text(json.dumps({"properties": fields}))
    assert unmarked_personal_fields(tmp_path) == ["forms/f.json: contact_person", "forms/f.json: reply_to"]
