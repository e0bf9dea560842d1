"""The Kanta catalogue's own rules, beyond what the engine runs: they hold for ``processes/`` only.

The engine lets a user task without a form take any JSON object (a diagram brought from elsewhere runs as
drawn), but every task of the Kanta onboarding catalogue asks for its data with a form, so that what a
service provider enters is checked field by field: a JSON Schema in ``forms/`` or Camunda form fields."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from engine.vocabulary import BPMN_NS, CAMUNDA_NS

CATALOGUE = Path(__file__).parents[2] / "processes"


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
