"""Where an identity provider puts the role and the party: the claims the settings name, nested or not."""

from __future__ import annotations

import pytest

from api.auth import RefusedIdentity
from api.oidc import OidcSettings, OidcVerifier

KEYCLOAK = OidcSettings(
    issuer="https://idp.example/realms/kanta",
    audience="kanta-onboarding",
    jwks_url="http://127.0.0.1:9/certs",  # never read: these tests give verified claims
    role_claim="realm_access.roles",
    party_claim="organisation.business_id",
    name_claim="preferred_username",
)


def identity(claims, settings=KEYCLOAK, **options):
    return OidcVerifier(settings, **options).identity(claims)


def test_the_role_is_the_one_service_role_in_a_nested_list_and_the_party_a_nested_claim():
    claims = {
        "realm_access": {"roles": ["offline_access", "integrator", "uma_authorization"]},
        "organisation": {"business_id": "2345678-0"},
        "preferred_username": "ajas-worker",
    }
    caller = identity(claims)
    assert (caller.role, caller.name, caller.party, caller.scope) == (
        "integrator",
        "ajas-worker",
        "2345678-0",
        "2345678-0",
    )


@pytest.mark.parametrize(
    ("claims", "said"),
    [
        ({"realm_access": {"roles": ["viewer", "admin"]}}, "exactly one of the roles"),
        ({"realm_access": {"roles": []}}, "exactly one of the roles"),
        ({"realm_access": {"roles": ["viewer"]}, "preferred_username": "x"}, "names none"),
        ({"realm_access": {"roles": ["viewer"]}, "organisation": {"business_id": 7}}, "not a party's"),
        ({"realm_access": {"roles": ["admin"]}}, "no preferred_username"),
    ],
)
def test_claims_that_say_no_one_identity_are_refused(claims, said):
    with pytest.raises(RefusedIdentity, match=said):
        identity(claims)


def test_an_admin_needs_no_party_and_a_development_viewer_may_have_none():
    admin = identity({"realm_access": {"roles": ["admin"]}, "preferred_username": "root"})
    assert (admin.party, admin.scope) == (None, None)
    viewer = identity(
        {"realm_access": {"roles": ["viewer"]}, "preferred_username": "dev"}, allow_unscoped=True
    )
    assert viewer.scope is None


def test_oidc_is_configured_whole_or_not_at_all():
    assert OidcSettings.from_config({}) is None
    with pytest.raises(ValueError, match="needs KANTA_OIDC_AUDIENCE, KANTA_OIDC_JWKS_URL as well"):
        OidcSettings.from_config({"KANTA_OIDC_ISSUER": "https://idp.example"})
