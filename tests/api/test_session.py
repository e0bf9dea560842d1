"""Signing in once per browser: a token becomes an HttpOnly, SameSite=Strict cookie; the cookie signs in
reads from anywhere on the site and changes only from the site's own pages; signing out clears it; bearer
tokens keep working."""

from __future__ import annotations

import pytest

from api.app import create_app

from .conftest import TOKENS, actor, assert_problem, auth

ORIGIN = "http://localhost"  # the test client's own site


def signed_in(client, role: str = "integrator"):
    response = client.post("/api/v1/session/sign-in", json={"token": TOKENS[role][1]})
    assert response.status_code == 200, response.get_json()
    return response


def test_a_known_token_sets_an_httponly_strict_cookie_and_names_the_caller(client):
    response = signed_in(client)
    assert response.get_json()["name"] == TOKENS["integrator"][0]
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("kanta_session=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert client.get("/api/v1/me").get_json()["role"] == "integrator"  # no header: the cookie


def test_an_unknown_token_sets_no_cookie(client):
    response = client.post("/api/v1/session/sign-in", json={"token": "x" * 40})
    assert_problem(response, 401, "unauthenticated")
    assert "Set-Cookie" not in response.headers
    assert_problem(client.get("/api/v1/me"), 401, "unauthenticated")


def test_a_change_on_the_cookie_needs_this_site_s_origin(client, engine):
    signed_in(client)
    body = {"process_key": "simple_onboarding", "business_key": "0737546-2"}
    elsewhere = client.post(
        "/api/v1/process-instances", json=body, headers={"Origin": "https://evil.example"}
    )
    assert_problem(elsewhere, 403, "forbidden")
    nothing_said = client.post("/api/v1/process-instances", json=body)
    assert_problem(nothing_said, 403, "forbidden")
    assert engine.list_instances().total == 0
    here = client.post("/api/v1/process-instances", json=body, headers={"Origin": ORIGIN})
    assert here.status_code == 201, here.get_json()
    assert here.get_json()["started_by"] == actor("integrator")  # audited as the cookie's caller
    fetched = client.post(
        "/api/v1/process-instances",
        json={**body, "business_key": "1572860-0"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert fetched.status_code == 201


def test_the_cookie_carries_its_role_no_further(client):
    signed_in(client, "viewer")
    body = {"process_key": "simple_onboarding", "business_key": "0737546-2"}
    refused = client.post("/api/v1/process-instances", json=body, headers={"Origin": ORIGIN})
    assert_problem(refused, 403, "forbidden")


def test_signing_out_clears_the_cookie(client):
    signed_in(client)
    response = client.post("/api/v1/session/sign-out")
    assert response.status_code == 204
    assert "kanta_session=;" in response.headers["Set-Cookie"]
    assert_problem(client.get("/api/v1/me"), 401, "unauthenticated")


def test_a_bearer_token_goes_before_the_cookie_and_needs_no_origin(client):
    signed_in(client, "viewer")
    me = client.get("/api/v1/me", headers=auth("admin")).get_json()
    assert me["role"] == "admin"
    started = client.post(
        "/api/v1/process-instances",
        json={"process_key": "simple_onboarding", "business_key": "0737546-2"},
        headers=auth("integrator"),
    )
    assert started.status_code == 201


@pytest.fixture
def behind_a_proxy(app):
    """The service behind one proxy: what `KANTA_TRUSTED_PROXIES=1` makes of the app."""
    config = {key: value for key, value in app.config.items() if key.startswith("KANTA_") or key == "TESTING"}
    behind = create_app({**config, "KANTA_TRUSTED_PROXIES": 1})
    yield behind.test_client()
    behind.extensions["kanta_engine"].close()


# What a TLS-terminating proxy sends on: the browser asked https://kanta.example, the proxy asks us over http.
FORWARDED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "kanta.example",
    "X-Forwarded-For": "192.0.2.7",
}


def test_behind_a_trusted_proxy_the_cookie_changes_from_the_address_the_browser_used(behind_a_proxy, engine):
    client = behind_a_proxy
    response = client.post(
        "/api/v1/session/sign-in", json={"token": TOKENS["integrator"][1]}, headers=FORWARDED
    )
    assert response.status_code == 200, response.get_json()
    body = {"process_key": "simple_onboarding", "business_key": "0737546-2"}
    browser = FORWARDED | {"Origin": "https://kanta.example"}
    started = client.post("/api/v1/process-instances", json=body, headers=browser)
    assert started.status_code == 201, started.get_json()
    internal = client.post(
        "/api/v1/process-instances",
        json={**body, "business_key": "1572860-0"},
        headers=FORWARDED | {"Origin": "http://localhost"},  # the address the proxy used is not the site
    )
    assert_problem(internal, 403, "forbidden")
    assert engine.list_instances().total == 1


def test_without_trusted_proxies_a_forwarded_header_is_not_believed(client, engine):
    signed_in(client)
    body = {"process_key": "simple_onboarding", "business_key": "0737546-2"}
    forged = client.post(
        "/api/v1/process-instances", json=body, headers=FORWARDED | {"Origin": "https://kanta.example"}
    )
    assert_problem(forged, 403, "forbidden")
    assert engine.list_instances().total == 0
