"""Element names in the caller's language: a diagram names its elements in Finnish and keeps the English
(and Swedish) beside them as `name_en` / `name_sv` properties; `Accept-Language` picks, `Content-Language`
says which languages the names shown are in."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import auth

NAMES = Path(__file__).parents[1] / "fixtures" / "names"


@pytest.fixture
def started(client, engine):
    engine.deploy_folder(NAMES, actor="analyst:test")
    response = client.post(
        "/api/v1/process-instances", json={"process_key": "named_onboarding"}, headers=auth("integrator")
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def names(client, path: str, language: str | None = None):
    headers = auth("viewer") | ({"Accept-Language": language} if language else {})
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert "Accept-Language" in response.headers.get("Vary", "")
    return response.get_json(), response.headers.get("Content-Language")


def test_finnish_is_the_default_and_says_so(client, started):
    assert [(t["name"], t["lane"]) for t in started["ready_tasks"]] == [
        ("Ota yhteyttä järjestelmätoimittajaan", "Palvelunantaja")
    ]
    instance, language = names(client, f"/api/v1/process-instances/{started['id']}")
    assert language == "fi"
    assert instance["ready_tasks"][0]["name"] == "Ota yhteyttä järjestelmätoimittajaan"
    assert [t["name"] for t in instance["pending_timers"]] == ["Muistutuksen aika"]


def test_english_names_for_a_caller_who_asks_for_english(client, started):
    instance, language = names(client, f"/api/v1/process-instances/{started['id']}", "en-GB,en;q=0.9")
    assert language == "en"
    assert [(t["name"], t["lane"]) for t in instance["ready_tasks"]] == [
        ("Contact the system vendor", "Service provider")
    ]
    assert [t["name"] for t in instance["pending_timers"]] == ["Time to remind"]
    tasks, language = names(client, f"/api/v1/tasks?instance_id={started['id']}", "en")
    assert (language, [t["name"] for t in tasks["items"]]) == ("en", ["Contact the system vendor"])
    task, language = names(client, f"/api/v1/tasks/{started['ready_tasks'][0]['id']}", "en")
    assert (language, task["name"], task["lane"]) == ("en", "Contact the system vendor", "Service provider")
    definition, language = names(client, "/api/v1/process-definitions/named_onboarding", "en")
    assert (language, definition["name"]) == ("en", "Named onboarding")


def test_a_name_missing_in_the_language_asked_for_stays_finnish_and_the_answer_says_both(
    client, started, clock
):
    clock.advance(days=4)  # the reminder's timer fires: its task has no Swedish or English name
    client.application.extensions["kanta_engine"].fire_due_timers()
    instance, language = names(client, f"/api/v1/process-instances/{started['id']}", "sv")
    assert language == "sv, fi"
    assert sorted((t["name"], t["lane"]) for t in instance["ready_tasks"]) == [
        ("Kontakta systemleverantören", "Tjänsteanordnare"),
        ("Muistuta", "Tjänsteanordnare"),
    ]


@pytest.mark.parametrize(
    ("accepted", "shown"),
    [
        ("en-GB,fi;q=0.5", "en"),
        ("de,sv-FI;q=0.8,fi;q=0.5", "sv"),
        ("fi;q=0.2,en;q=0.9", "en"),
        ("en;q=0,fi", "fi"),
    ],
)
def test_the_caller_s_order_of_preference_decides_and_a_regional_tag_counts_as_its_language(
    client, started, accepted, shown
):
    _instance, languages = names(client, f"/api/v1/process-instances/{started['id']}", accepted)
    assert languages.split(", ")[0] == shown


def test_a_language_the_names_are_not_in_gives_finnish(client, started):
    instance, language = names(client, f"/api/v1/process-instances/{started['id']}", "de")
    assert language == "fi"
    assert instance["ready_tasks"][0]["name"] == "Ota yhteyttä järjestelmätoimittajaan"


def test_an_answer_without_element_names_says_no_language(client):
    response = client.get("/api/v1/me", headers=auth("viewer") | {"Accept-Language": "en"})
    assert response.status_code == 200
    assert "Content-Language" not in response.headers


def test_a_diagram_s_named_elements_in_the_caller_s_language_beside_the_diagram_s_own(client, started):
    """What the cockpit draws a diagram with and fills its step and lane choices from."""
    path = "/api/v1/process-definitions/named_onboarding/elements"
    english, language = names(client, path, "en")
    assert language == "en, fi"  # the start, the untranslated task and the end have Finnish names only
    assert (english["process_key"], english["version"]) == ("named_onboarding", 1)
    by_id = {e["element_id"]: e for e in english["elements"]}
    assert by_id["Lane_provider"] == {
        "element_id": "Lane_provider",
        "kind": "lane",
        "name": "Service provider",
        "diagram_name": "Palvelunantaja",
    }
    assert by_id["Task_contact_vendor"]["name"] == "Contact the system vendor"
    timer = by_id["Timer_reminder"]
    assert (timer["kind"], timer["name"]) == ("boundaryEvent", "Time to remind")
    assert by_id["Task_untranslated"]["name"] == "Muistuta"
    assert by_id["named_onboarding"]["name"] == "Named onboarding"

    finnish, language = names(client, path)
    assert language == "fi"
    assert all(e["name"] == e["diagram_name"] for e in finnish["elements"])
    swedish, _ = names(client, f"{path}?version=1", "sv")
    assert {e["element_id"]: e["name"] for e in swedish["elements"]}["Lane_provider"] == "Tjänsteanordnare"


def test_the_elements_of_a_process_or_version_not_deployed_are_not_found(client, started):
    for path in (
        "/api/v1/process-definitions/nothing_such/elements",
        "/api/v1/process-definitions/named_onboarding/elements?version=9",
    ):
        response = client.get(path, headers=auth("viewer"))
        assert response.status_code == 404, response.get_json()
        assert response.content_type == "application/problem+json"
