"""HTTP hardening of the real server: security headers on every answer, a client guessing tokens slowed
down with 429, and no short token accepted at start-up."""

from __future__ import annotations

import time

import pytest

from harness.server import RunningServer

from .conftest import ADMIN_TOKEN, TOKENS

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("http"), tokens=TOKENS) as running:
        yield running


@pytest.mark.parametrize(
    ("path", "token", "status"),
    [
        ("/api/v1/me", ADMIN_TOKEN, 200),  # JSON
        ("/api/v1/me", None, 401),  # a problem
        ("/healthz", None, 200),
        ("/openapi.json", None, 200),
        ("/docs", None, 200),  # Swagger UI
        ("/login", None, 200),  # the cockpit
        ("/static/swagger-ui/swagger-ui-bundle.js", None, 200),
    ],
)
def test_every_answer_forbids_sniffing_framing_and_scripts_from_elsewhere(server, path, token, status):
    answered, headers, _ = server.call("GET", path, token=token)

    assert answered == status
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"


def test_the_docs_page_holds_no_inline_script(server):
    _, _, page = server.call("GET", "/docs")

    assert "<script>" not in page and "onload" not in page
    assert '<script defer src="/static/docs.js"></script>' in page
    assert 'data-spec-url="/openapi.json"' in page


def test_a_client_guessing_tokens_is_answered_429_after_ten_failures_and_health_still_answers(tmp_path):
    with RunningServer(tmp_path, tokens=TOKENS) as server:
        guesses = [
            server.call("GET", "/api/v1/me", token=f"guess-{n:02d}-0123456789abcdef0123456789")[0]
            for n in range(10)
        ]
        assert guesses == [401] * 10

        status, headers, problem = server.call(
            "GET", "/api/v1/me", token="guess-10-0123456789abcdef0123456789"
        )
        assert (status, headers["Content-Type"]) == (429, PROBLEM)
        assert problem["type"].endswith("/too-many-requests")
        assert problem["reason"] == "too-many-unknown-tokens" and 0 < int(headers["Retry-After"]) <= 60
        assert "tuntemattomalla API-tunnisteella" in problem["detail"]  # Finnish: no other language asked for
        # From that address even a right token waits: otherwise a right guess would stand out from a 429.
        assert server.call("GET", "/api/v1/me", token=ADMIN_TOKEN)[0] == 429
        assert server.call("GET", "/healthz")[0] == 200


def test_requests_without_a_token_and_with_a_right_one_spend_nothing(tmp_path):
    with RunningServer(tmp_path, tokens=TOKENS) as server:
        statuses = {server.call("GET", "/api/v1/me")[0] for _ in range(15)}
        statuses |= {server.call("GET", "/api/v1/me", token=ADMIN_TOKEN)[0] for _ in range(15)}
        assert statuses == {401, 200}


def test_the_failure_budget_comes_back_when_its_window_moves_on(tmp_path):
    with RunningServer(tmp_path, tokens=TOKENS, env={"KANTA_FAILED_AUTH_LIMIT": "3/2 seconds"}) as server:
        for n in range(3):
            assert (
                server.call("GET", "/api/v1/me", token=f"guess-{n}-0123456789abcdef0123456789abc")[0] == 401
            )
        status, headers, _ = server.call("GET", "/api/v1/me", token=ADMIN_TOKEN)
        assert (status, headers["Retry-After"]) == (429, "2")
        time.sleep(2.2)
        assert server.call("GET", "/api/v1/me", token=ADMIN_TOKEN)[0] == 200


@pytest.mark.parametrize(
    ("tokens", "said"),
    [
        (
            "admin:root:abc",
            "KANTA_TOKENS: the token of admin:root is 3 characters long: a token needs at least 32",
        ),
        (
            f"viewer:monitor:{'x' * 31},{TOKENS}",
            "KANTA_TOKENS: the token of viewer:monitor is 31 characters long: a token needs at least 32",
        ),
    ],
)
def test_a_token_shorter_than_32_characters_stops_the_server_before_it_starts(tmp_path, tokens, said):
    server = RunningServer(tmp_path, tokens=tokens)

    with pytest.raises(RuntimeError) as stopped:
        server.start()

    assert "the server ended with 2" in str(stopped.value)
    assert said in server.output()
    assert "x" * 31 not in server.output()  # the token itself is never printed
