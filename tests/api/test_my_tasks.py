"""'My tasks': the ready tasks assigned to the caller's name or offered to it as a candidate user."""

from __future__ import annotations

from tests.integration.test_modeler_forms import modeler_diagram

from .conftest import TOKENS, auth


def test_mine_lists_the_tasks_assigned_or_offered_to_the_caller_and_no_other(client, engine):
    integrator, viewer = TOKENS["integrator"][0], TOKENS["viewer"][0]
    assigned = f'camunda:assignee="{integrator}" camunda:candidateUsers="{viewer}, liisa"'
    engine.deploy({"modeler.bpmn": modeler_diagram(assigned)}, actor="analyst:test")
    engine.start_instance("modeler_form", actor="integrator:test", business_key="0737546-2")
    engine.start_instance("simple_onboarding", actor="integrator:test", business_key="1572860-0")

    def listed(role: str, query: str) -> list[str]:
        answer = client.get(f"/api/v1/tasks?{query}", headers=auth(role))
        assert answer.status_code == 200, answer.get_json()
        return sorted(task["business_key"] for task in answer.get_json()["items"])

    assert listed("integrator", "") == ["0737546-2", "1572860-0"]
    assert listed("integrator", "mine=true") == ["0737546-2"]  # its assignee
    assert listed("viewer", "mine=true") == ["0737546-2"]  # a candidate user
    assert listed("analyst", "mine=true") == []  # neither
    assert listed("viewer", "mine=true&business_key=1572860-0") == []
    assert listed("viewer", "mine=false") == ["0737546-2", "1572860-0"]
