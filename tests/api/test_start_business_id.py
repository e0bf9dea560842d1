"""The provider's Y-tunnus asked once: where a process's start form asks the provider's `business_id`
(the social-care onboarding's does), that one answer is the instance's business key as well. A start that
gives only the business_id gets it as its key, a business key that says another organisation is refused at
its field, and a key and a business_id that agree start as they always did. Against the real catalogue,
with integrators acting for one provider each, as they do in production."""

from __future__ import annotations

import json

import pytest

from api.app import create_app
from engine import migrate_database
from tests.api.conftest import assert_problem, fields_named
from tests.integration.catalogue import CATALOGUE

PROVIDER, OTHER_PROVIDER = "0737546-2", "2345678-0"
NAME = "Hoivakoti Aurinko Oy"
SOCIAL_CARE = "social_welfare_repository_onboarding"
TOKENS = {
    "provider": f"integrator:aurinko:tok-aurinko-0123456789abcdef0123456789:{PROVIDER}",
    "admin": "admin:root:tok-admin-0123456789abcdef0123456789",
}


@pytest.fixture
def client(tmp_path, clock):
    database = f"sqlite:///{tmp_path / 'kanta.sqlite3'}"
    migrate_database(database)
    application = create_app(
        {
            "TESTING": True,
            "KANTA_DATABASE_URL": database,
            "KANTA_DATA_DIR": str(tmp_path),
            "KANTA_TOKENS": ",".join(TOKENS.values()),
            "KANTA_TIMER_INTERVAL": 0,
            "KANTA_PROCESSES_DIR": str(CATALOGUE),
            "KANTA_CLOCK": clock,
        }
    )
    application.extensions["kanta_engine"].deploy_folder(CATALOGUE, actor="system:startup")
    yield application.test_client()
    application.extensions["kanta_engine"].close()


def auth(who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[who].split(':')[2]}"}


def start(client, who: str = "provider", **body):
    return client.post(
        "/api/v1/process-instances", json={"process_key": SOCIAL_CARE, **body}, headers=auth(who)
    )


def start_from_form(client, data: dict, who: str = "provider"):
    return client.post(
        f"/api/v1/process-definitions/{SOCIAL_CARE}/start", json={"data": data}, headers=auth(who)
    )


def instances(client) -> list[dict]:
    page = client.get(f"/api/v1/process-instances?process_key={SOCIAL_CARE}", headers=auth("admin"))
    assert page.status_code == 200, page.get_json()
    return page.get_json()["items"]


def start_forms_asking_business_id() -> set[str]:
    """The processes of the catalogue whose start event names a form with a business_id field."""
    asking = set()
    for diagram in CATALOGUE.glob("*.bpmn"):
        text = diagram.read_text(encoding="utf-8")
        for form in {part.split('"')[0] for part in text.split('camunda:formKey="')[1:]}:
            properties = json.loads((CATALOGUE / form).read_text(encoding="utf-8")).get("properties", {})
            start_event = text.split(f'camunda:formKey="{form}"')[0].rsplit("<", 1)[-1]
            if start_event.startswith("bpmn:startEvent") and "business_id" in properties:
                asking.add(diagram.stem)
    return asking


def test_the_start_page_of_a_process_whose_start_form_asks_the_business_id_asks_the_y_tunnus_once(client):
    asking = start_forms_asking_business_id()
    assert SOCIAL_CARE in asking
    for process in (d.stem for d in CATALOGUE.glob("*.bpmn")):
        response = client.get(f"/api/v1/process-definitions/{process}/start", headers=auth("admin"))
        assert response.status_code == 200, (process, response.get_json())
        form = response.get_json()
        asked = [
            name for name in form["properties"] if form["properties"][name].get("format") == "fi-business-id"
        ]
        identity = [name for name in asked if name in ("business_key", "business_id")]
        assert identity == ["business_id" if process in asking else "business_key"], (process, asked)
        assert identity[0] in form["required"], process

    form = client.get(f"/api/v1/process-definitions/{SOCIAL_CARE}/start", headers=auth("admin")).get_json()
    assert next(iter(form["properties"])) == "business_id"
    assert "business_key" not in form["properties"]
    assert form["required"] == ["business_id"]
    assert form["properties"]["business_id"]["title"] == "Y-tunnus"
    assert "business key" in form["properties"]["business_id"]["description"]
    english = client.get(
        f"/api/v1/process-definitions/{SOCIAL_CARE}/start", headers=auth("admin") | {"Accept-Language": "en"}
    ).get_json()
    assert english["properties"]["business_id"]["title"] == "Business ID (Y-tunnus)"
    assert "not asked a second time" in english["properties"]["business_id"]["description"]


def test_a_start_with_only_the_forms_business_id_gets_it_as_its_business_key(client):
    given = {"business_id": PROVIDER, "organisation_name": "Hoivakoti Aurinko Oy", "joining_model": "direct"}
    response = start(client, variables=given)
    assert response.status_code == 201, response.get_json()
    instance = response.get_json()
    assert instance["business_key"] == PROVIDER
    assert instance["variables"]["business_id"] == PROVIDER
    # the provider plays the lane bound to the business key: its first task is its own
    assert instance["parties"]["Palvelunantaja"] == PROVIDER
    assert [t["lane"] for t in instance["ready_tasks"]] == ["Palvelunantaja"]
    assert [i["id"] for i in instances(client)] == [instance["id"]]

    cancelled = client.post(f"/api/v1/process-instances/{instance['id']}/cancel", headers=auth("provider"))
    assert cancelled.status_code == 200, cancelled.get_json()
    from_form = start_from_form(
        client, {"business_id": PROVIDER, "organisation_name": "Hoivakoti Aurinko Oy"}
    )
    assert from_form.status_code == 201, from_form.get_json()
    assert from_form.get_json()["business_key"] == PROVIDER
    variables = from_form.get_json()["variables"]
    assert (variables["business_id"], variables["organisation_name"]) == (PROVIDER, "Hoivakoti Aurinko Oy")
    assert variables["identity_given"] is True  # the diagram sees the identity given, not to be asked again


def test_a_business_key_that_contradicts_the_forms_business_id_is_refused_at_its_field(client):
    problem = assert_problem(
        start(
            client,
            business_key=PROVIDER,
            variables={"business_id": OTHER_PROVIDER, "organisation_name": NAME},
        ),
        422,
        "invalid-data",
    )
    assert fields_named(problem) == {"/business_key"}
    assert OTHER_PROVIDER in problem["errors"][0]["message"]
    problem = assert_problem(
        start_from_form(
            client, {"business_key": PROVIDER, "business_id": OTHER_PROVIDER, "organisation_name": NAME}
        ),
        422,
        "invalid-data",
    )
    assert fields_named(problem) == {"/data/business_key"}
    assert instances(client) == []


def test_the_old_way_a_business_key_and_the_same_business_id_still_starts(client):
    response = start(
        client, business_key=PROVIDER, variables={"business_id": PROVIDER, "organisation_name": NAME}
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["business_key"] == PROVIDER
    assert response.get_json()["variables"]["business_id"] == PROVIDER
    again = start_from_form(
        client, {"business_key": PROVIDER, "business_id": PROVIDER, "organisation_name": NAME}
    )
    assert_problem(again, 409, "already-running")  # the same provider's onboarding: the key was taken
    # a business key without any business_id starts as it always did; the intake asks the identity then
    alone = start(client, business_key=PROVIDER, allow_duplicate=True)
    assert alone.status_code == 201, alone.get_json()
    assert "business_id" not in alone.get_json()["variables"]
    assert alone.get_json()["variables"]["identity_given"] is False
    assert [t["element_id"] for t in alone.get_json()["ready_tasks"]] == ["Task_study_deployment"]


def test_a_provider_may_not_start_under_another_providers_business_id(client):
    for response in (
        start(client, variables={"business_id": OTHER_PROVIDER, "organisation_name": NAME}),
        start_from_form(client, {"business_id": OTHER_PROVIDER, "organisation_name": NAME}),
        start(client, business_key=OTHER_PROVIDER),
    ):
        problem = assert_problem(response, 403, "forbidden")
        assert problem["reason"] == "own-onboardings-only", problem
    # the same refusal keeps the other provider's Y-tunnus out of the stored onboardings
    assert instances(client) == []
    admin = start(client, "admin", variables={"business_id": OTHER_PROVIDER, "organisation_name": NAME})
    assert admin.status_code == 201, admin.get_json()
    assert admin.get_json()["business_key"] == OTHER_PROVIDER


def test_a_camunda_client_starting_with_only_the_business_id_variable_gets_it_as_its_business_key(client):
    path = f"/engine-rest/process-definition/key/{SOCIAL_CARE}/start"
    typed = {
        "business_id": {"value": PROVIDER, "type": "String"},
        "organisation_name": {"value": NAME, "type": "String"},
    }
    response = client.post(path, json={"variables": typed}, headers=auth("provider"))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["businessKey"] == PROVIDER
    refused = client.post(
        path,
        json={
            "businessKey": PROVIDER,
            "variables": {
                "business_id": {"value": OTHER_PROVIDER, "type": "String"},
                "organisation_name": {"value": NAME, "type": "String"},
            },
        },
        headers=auth("provider"),
    )
    assert refused.status_code == 400, refused.get_json()
    assert "business_key" in refused.get_json()["message"] and OTHER_PROVIDER in refused.get_json()["message"]
    assert [i["business_key"] for i in instances(client)] == [PROVIDER]


def test_a_business_id_given_without_the_organisations_name_is_refused_at_the_name(client):
    """With the business_id the intake treats the identity as given and does not ask it again, so a start
    without the name would leave the onboarding nameless for good."""
    problem = assert_problem(start(client, variables={"business_id": PROVIDER}), 422, "invalid-data")
    assert fields_named(problem) == {"/variables/organisation_name"}
    problem = assert_problem(start_from_form(client, {"business_id": PROVIDER}), 422, "invalid-data")
    assert fields_named(problem) == {"/data/organisation_name"}
    assert instances(client) == []
    # a business key alone still starts: the intake then asks the whole identity, the name with it
    alone = start(client, business_key=PROVIDER)
    assert alone.status_code == 201, alone.get_json()
