"""A refused field is said in the caller's language (``Accept-Language``: Finnish by default, Swedish,
English), at the same path, whichever library refused it: marshmallow a request's body and query,
jsonschema the data of a form. English is the library's own sentence; a message with no words in the
language stays as the library says it."""

from __future__ import annotations

import pytest

from .conftest import assert_problem, auth

START = "/api/v1/process-definitions/simple_onboarding/start"


def _said(response, status: int, kind: str) -> dict[str, str]:
    problem = assert_problem(response, status, kind)
    return {error["field"]: error["message"] for error in problem["errors"]}


def _asking(role: str, language: str | None) -> dict[str, str]:
    return auth(role) | ({"Accept-Language": language} if language else {})


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            None,
            {
                "/process_key": "Kenttä on pakollinen.",
                "/business_key": "Arvon on oltava tekstiä.",
                "/colour": "Tuntematon kenttä.",
            },
        ),
        (
            "sv-FI",
            {
                "/process_key": "Fältet är obligatoriskt.",
                "/business_key": "Värdet måste vara text.",
                "/colour": "Okänt fält.",
            },
        ),
        (
            "en",
            {
                "/process_key": "Missing data for required field.",
                "/business_key": "Not a valid string.",
                "/colour": "Unknown field.",
            },
        ),
    ],
)
def test_a_request_bodys_refused_fields_are_said_in_the_callers_language(client, language, said):
    body = {"business_key": 7, "colour": "blue"}
    response = client.post("/api/v1/process-instances", json=body, headers=_asking("integrator", language))
    assert _said(response, 422, "invalid-request") == said
    problem = response.get_json()
    reasons = {error["field"]: error.get("reason") for error in problem["errors"]}
    assert reasons == {"/process_key": "required", "/business_key": "wrong-type", "/colour": "unknown-field"}


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            None,
            {"/limit": "Arvon on oltava vähintään 1 ja enintään 500.", "/status": "Arvon on oltava jokin"},
        ),
        (
            "sv",
            {"/limit": "Värdet måste vara minst 1 och högst 500.", "/status": "Värdet måste vara något av"},
        ),
        (
            "en",
            {
                "/limit": "Must be greater than or equal to 1 and less than or equal to 500.",
                "/status": "Must be one of",
            },
        ),
    ],
)
def test_a_querys_range_and_choice_are_said_in_the_callers_language(client, language, said):
    response = client.get(
        "/api/v1/process-instances?limit=0&status=asleep", headers=_asking("viewer", language)
    )
    problem = assert_problem(response, 422, "invalid-request")
    messages = {error["field"]: error["message"] for error in problem["errors"]}
    assert {error["in"] for error in problem["errors"]} == {"query"}
    assert messages["/limit"] == said["/limit"]
    assert messages["/status"].startswith(said["/status"])
    assert "running" in messages["/status"]  # the choices, as the schema names them


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            None,
            {
                "/data/business_key": "”0737546-3” ei ole kelvollinen Y-tunnus: seitsemän numeroa, "
                "väliviiva ja oikea tarkistusnumero.",
                "/data/organisation_name": "Kenttä on pakollinen.",
                "/data/extra": "Kenttä ei kuulu tähän lomakkeeseen.",
            },
        ),
        (
            "sv",
            {
                "/data/business_key": "”0737546-3” är inget giltigt FO-nummer: sju siffror, ett "
                "bindestreck och rätt kontrollsiffra.",
                "/data/organisation_name": "Fältet är obligatoriskt.",
                "/data/extra": "Fältet hör inte till formuläret.",
            },
        ),
    ],
)
def test_a_forms_refused_fields_are_said_in_the_callers_language(client, language, said):
    data = {"business_key": "0737546-3", "extra": 1}
    response = client.post(START, json={"data": data}, headers=_asking("integrator", language))
    assert _said(response, 422, "invalid-data") == said


def test_a_forms_refused_fields_in_english_are_the_validators_own_words(client):
    data = {"business_key": "0737546-2", "organisation_name": "", "county": 3}
    response = client.post(START, json={"data": data}, headers=_asking("integrator", "en"))
    said = _said(response, 422, "invalid-data")
    assert "/data/organisation_name" in said and "/data/county" in said
    assert all(message.isascii() for message in said.values()), said


def test_a_forms_type_and_length_are_said_in_finnish(client):
    data = {"business_key": "0737546-2", "organisation_name": "x" * 201}
    response = client.post(START, json={"data": data}, headers=auth("integrator"))
    said = _said(response, 422, "invalid-data")
    assert said == {"/data/organisation_name": "Kirjoita enintään 200 merkkiä (tässä on 201)."}
    response = client.post(START, json={"data": {**data, "organisation_name": 5}}, headers=auth("integrator"))
    assert _said(response, 422, "invalid-data") == {"/data/organisation_name": "Arvon on oltava tekstiä."}


@pytest.mark.parametrize(
    ("language", "title"),
    [(None, "Tiedot hylättiin"), ("sv", "Uppgifterna avvisades"), ("en", "The data was refused")],
)
def test_a_refused_forms_title_is_said_in_the_callers_language(client, language, title):
    response = client.post(
        START, json={"data": {"business_key": "0737546-3"}}, headers=_asking("integrator", language)
    )
    assert assert_problem(response, 422, "invalid-data")["title"] == title
