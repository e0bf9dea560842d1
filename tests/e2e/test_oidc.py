"""OpenID Connect bearer tokens against the real server: an identity provider of the test's own (keys it
generates, its JWKS served on a loopback port) signs tokens; the server takes the good ones, with the role
and party of their claims, and refuses an expired one, one of another issuer or audience, one signed with a
key the provider does not publish, and one whose party has no part in the onboarding. On SQLite and on
PostgreSQL."""

from __future__ import annotations

import itertools

import pytest

from harness import identity_provider
from harness.identity_provider import AUDIENCE, ISSUER
from harness.postgres import create_database
from harness.server import RunningServer
from tests.conftest import FIXTURES

PROVIDER, OTHER = "0737546-2", "1234567-1"
PROCESS = "vendor_onboarding"
_databases = itertools.count(1)


class IdentityProvider(identity_provider.IdentityProvider):
    """The harness's provider, whose tokens here are the provider's integrator's unless a test says else."""

    def token(self, role="integrator", party=PROVIDER, **claims) -> str:
        return super().token(role, party, **claims)


@pytest.fixture(scope="module")
def idp():
    provider = IdentityProvider()
    yield provider
    provider.close()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, idp, tmp_path_factory):
    database_url = None
    if request.param == "postgres":
        postgres = request.getfixturevalue("postgres_server")
        database_url = create_database(postgres.url, f"kanta_oidc_{next(_databases)}")
    env = idp.server_env()
    data = tmp_path_factory.mktemp(f"oidc_{request.param}")
    with RunningServer(data, processes=FIXTURES / "parties", database_url=database_url, env=env) as running:
        yield running


def start(server, token, business_key=PROVIDER):
    body = {"process_key": PROCESS, "business_key": business_key, "allow_duplicate": True}
    return server.call("POST", "/api/v1/process-instances", token=token, json_body=body)


def test_a_good_token_is_a_caller_with_the_role_and_party_of_its_claims(server, idp):
    status, _, me = server.call("GET", "/api/v1/me", token=idp.token())
    assert status == 200, me
    assert (me["role"], me["name"], me["party"], me["scoped"]) == (
        "integrator",
        f"integrator-of-{PROVIDER}",
        PROVIDER,
        True,
    )
    status, _, started = start(server, idp.token())
    assert status == 201, started
    assert started["parties"]["Service provider"] == PROVIDER
    assert started["started_by"] == f"integrator:integrator-of-{PROVIDER}"


def test_a_tokens_party_sees_only_its_own_part(server, idp):
    _, _, mine = start(server, idp.token())
    other = idp.token(party=OTHER)
    assert server.call("GET", f"/api/v1/process-instances/{mine['id']}", token=other)[0] == 404
    assert start(server, other, business_key=PROVIDER)[0] == 403
    assert (
        server.call("GET", f"/api/v1/process-instances/{mine['id']}", token=idp.token("admin", None))[0]
        == 200
    )


@pytest.mark.parametrize(
    ("why", "make", "said"),
    [
        ("expired", lambda idp: idp.token(lifetime=-120), "the token has expired"),
        ("wrong issuer", lambda idp: idp.token(iss="https://other.example"), f"not issued by {ISSUER}"),
        ("wrong audience", lambda idp: idp.token(aud="another-service"), f"not meant for {AUDIENCE}"),
        ("unknown key", lambda idp: idp.token(key=idp.stranger_key, kid="k2"), "a key the identity provider"),
        ("forged with k1", lambda idp: idp.token(key=idp.stranger_key), "not valid"),
        ("no party", lambda idp: idp.token(party=None), "names none"),
        ("two roles", lambda idp: idp.token(kanta_role=["viewer", "admin"]), "exactly one of the roles"),
    ],
)
def test_a_token_the_service_does_not_take_is_answered_401_saying_why(server, idp, why, make, said):
    status, headers, problem = server.call("GET", "/api/v1/me", token=make(idp))
    assert status == 401, (why, problem)
    assert said in problem["detail"], why
    assert headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
