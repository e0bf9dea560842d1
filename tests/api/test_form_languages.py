"""Forms in the caller's language: a form words its titles, descriptions and choice labels in Finnish and
keeps the English beside them (`x-title-en`, `x-description-en`, `x-enum-labels-en`); every answer that shows
a form (a task's, the start page's, a message contract) picks by `Accept-Language` as element names do, and
`Content-Language` says which languages its words are in."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import auth

WORDED = Path(__file__).parents[1] / "fixtures" / "form_words"


@pytest.fixture
def started(client, engine):
    engine.deploy_folder(WORDED, actor="analyst:test")
    response = client.post(
        "/api/v1/process-instances",
        json={"process_key": "worded_application", "business_key": "0737546-2"},
        headers=auth("integrator"),
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def read(client, path: str, language: str | None = None):
    headers = auth("viewer") | ({"Accept-Language": language} if language else {})
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert "Accept-Language" in response.headers.get("Vary", "")
    return response.get_json(), response.headers.get("Content-Language")


def words(schema: dict) -> tuple:
    """What a person reads of a form: its title and description, each field's title and choice labels."""
    fields = schema["properties"]
    return (
        schema.get("title"),
        schema.get("description"),
        {name: (field.get("title"), field.get("x-enum-labels")) for name, field in fields.items()},
    )


def complete_the_application(client, started):
    task_id = started["ready_tasks"][0]["id"]
    done = client.post(
        f"/api/v1/tasks/{task_id}/complete",
        json={"data": {"access_point_oid": "1.2.246.537.6.918.18.10.13.1", "login_method": "bank_id"}},
        headers=auth("integrator"),
    )
    assert done.status_code == 200, done.get_json()
    return done.get_json()


def test_a_task_form_is_finnish_by_default_and_says_so(client, started):
    task, language = read(client, f"/api/v1/tasks/{started['ready_tasks'][0]['id']}")
    assert language == "fi"
    assert words(task["form"]) == (
        "Liittymishakemus",
        "Kanta Ekstranetissä tehty liittymishakemus.",
        {
            "access_point_oid": ("Teknisen liityntäpisteen OID", None),
            "login_method": ("Ekstranetin kirjautumistapa", ["Suomi.fi-tunnistus", "Pankkitunnukset"]),
            "notes": ("Huomiot", None),
        },
    )


def test_a_task_form_in_english_for_a_caller_who_asks_for_english(client, started):
    task, language = read(client, f"/api/v1/tasks/{started['ready_tasks'][0]['id']}", "en-GB,en;q=0.9")
    assert words(task["form"]) == (
        "Joining application",
        "The joining application filed in Kanta Extranet.",
        {
            "access_point_oid": ("Technical access point OID", None),
            "login_method": ("Extranet login", ["Suomi.fi identification", "Bank credentials"]),
            "notes": ("Huomiot", None),  # no English beside it: the Finnish stays
        },
    )
    assert language == "en, fi"  # one field's title is Finnish still
    # the rules of the form are the form as deployed, whatever the language
    assert task["form"]["properties"]["login_method"]["enum"] == ["suomi_fi", "bank_id"]
    assert task["form"]["additionalProperties"] is False


def test_the_answers_are_not_mixed_up_between_languages(client, started):
    """What is worked out once per form and language is kept: the English never leaks into the Finnish."""
    path = f"/api/v1/tasks/{started['ready_tasks'][0]['id']}"
    for _ in range(2):
        english, _ = read(client, path, "en")
        finnish, _ = read(client, path, "fi")
        assert english["form"]["title"] == "Joining application"
        assert finnish["form"]["title"] == "Liittymishakemus"


def test_a_message_contract_in_the_language_asked_for(client, started):
    definition, language = read(client, "/api/v1/process-definitions/worded_application", "en")
    assert language == "en"
    [contract] = definition["messages"]
    assert words(contract["schema"]) == (
        "Kela's decision on the application",
        None,
        {"decision": ("Decision", ["Approved", "Rejected"])},
    )
    definition, language = read(client, "/api/v1/process-definitions/worded_application")
    assert language == "fi"
    assert words(definition["messages"][0]["schema"])[2] == {
        "decision": ("Päätös", ["Hyväksytty", "Hylätty"])
    }


def test_the_contract_an_instance_waits_with_in_the_language_asked_for(client, started):
    complete_the_application(client, started)
    instance, language = read(client, f"/api/v1/process-instances/{started['id']}", "en")
    assert language == "en"
    [waiting] = instance["waiting_messages"]
    assert waiting["schema"]["title"] == "Kela's decision on the application"
    instance, language = read(client, f"/api/v1/process-instances/{started['id']}", "sv")
    assert language == "fi"  # neither the names nor the form have Swedish
    assert instance["waiting_messages"][0]["schema"]["title"] == "Kelan päätös hakemuksesta"


def test_the_start_form_drawn_in_the_diagram_in_the_language_asked_for(client, started):
    """A start event's camunda:formData: its label and the element's name in Finnish, each field's and the
    element's `name_en` property in English."""
    path = "/api/v1/process-definitions/worded_application"
    definition, _ = read(client, path)
    assert (
        definition["start_form"]["title"],
        definition["start_form"]["properties"]["reference"]["title"],
    ) == (
        "Hakemus aloitettu",
        "Viite",
    )
    definition, _ = read(client, path, "en")
    assert (
        definition["start_form"]["title"],
        definition["start_form"]["properties"]["reference"]["title"],
    ) == (
        "Application started",
        "Reference",
    )
    form, language = read(client, f"{path}/start")
    assert language == "fi"
    assert [form["properties"][name]["title"] for name in ("business_key", "reference")] == [
        "Y-tunnus",
        "Viite",
    ]
    form, language = read(client, f"{path}/start", "en")
    assert language == "en"
    assert form["title"] == "Application started"
    assert [form["properties"][name]["title"] for name in ("business_key", "reference")] == [
        "Business ID (Y-tunnus)",
        "Reference",
    ]
    assert form["required"][0] == "business_key"


def test_the_start_page_of_a_process_without_a_start_form_in_the_language_asked_for(client, engine):
    engine.deploy_folder(WORDED, actor="analyst:test")
    form, language = read(client, "/api/v1/process-definitions/simple_onboarding/start")
    assert (language, form["title"], form["properties"]["organisation_name"]["title"]) == (
        "fi",
        "Aloita liittyminen",
        "Organisaation nimi",
    )
    form, language = read(client, "/api/v1/process-definitions/simple_onboarding/start", "en")
    assert (language, form["title"], form["properties"]["organisation_name"]["title"]) == (
        "en",
        "Start onboarding",
        "Organisation name",
    )
