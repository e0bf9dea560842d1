"""A token verified once is taken again without its signature checked anew, but never past its expiry, and
never once the key that verified it is no longer the one its provider publishes."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

import api.oidc
from api.auth import RefusedIdentity
from api.oidc import LEEWAY, OidcSettings, OidcVerifier

SETTINGS = OidcSettings(issuer="https://idp.example/kanta", audience="kanta", jwks_url="http://127.0.0.1:9/")
PARTY = "2345678-0"


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class PublishedKeys:
    """What ``PyJWKClient`` answers: the key published under a token's key id, new objects whenever the
    keys are read again (``publish``), and its refusal of a key id not published."""

    def __init__(self, **keys):
        self.publish(**keys)

    def publish(self, **keys) -> None:
        self.keys = {
            kid: jwt.PyJWK(json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key())) | {"kid": kid})
            for kid, key in keys.items()
        }

    def get_signing_key_from_jwt(self, token: str):
        kid = jwt.get_unverified_header(token)["kid"]
        if kid not in self.keys:
            raise jwt.PyJWKClientError(f'Unable to find a signing key that matches: "{kid}"')
        return self.keys[kid]


def token(key, kid="k1", lifetime=300) -> str:
    now = int(time.time())
    claims = {
        "iss": SETTINGS.issuer,
        "aud": SETTINGS.audience,
        "sub": "ajas",
        "iat": now,
        "exp": now + lifetime,
    }
    claims["kanta_role"], claims["kanta_party"] = "integrator", PARTY
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


def verifier(keys: PublishedKeys) -> OidcVerifier:
    verifying = OidcVerifier(SETTINGS)
    verifying._keys = keys
    return verifying


def count_decodes(monkeypatch) -> list[str]:
    decoded = []
    decode = jwt.decode

    def counted(token, *args, **kwargs):
        decoded.append(token)
        return decode(token, *args, **kwargs)

    monkeypatch.setattr(api.oidc.jwt, "decode", counted)
    return decoded


def test_a_token_verified_once_is_taken_again_without_verifying_its_signature(monkeypatch):
    key = _key()
    verifying, signed = verifier(PublishedKeys(k1=key)), token(key)
    decoded = count_decodes(monkeypatch)
    first, again = verifying.caller(signed), verifying.caller(signed)
    assert first == again and (again.role, again.party) == ("integrator", PARTY)
    assert decoded == [signed]


def test_an_expired_token_is_refused_though_it_was_verified_before(monkeypatch):
    key = _key()
    verifying, signed = verifier(PublishedKeys(k1=key)), token(key, lifetime=60)
    assert verifying.caller(signed).party == PARTY
    later = datetime.fromtimestamp(time.time() + 60 + LEEWAY + 1, tz=UTC)

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return later

    monkeypatch.setattr(api.oidc, "datetime", Later)  # what the kept token's expiry is compared with
    monkeypatch.setattr(jwt.api_jwt, "datetime", Later)  # what PyJWT checks the token's times with
    with pytest.raises(RefusedIdentity, match="expired"):
        verifying.caller(signed)


def test_a_token_of_a_key_rotated_out_is_refused_though_it_was_verified_before():
    old, new = _key(), _key()
    keys = PublishedKeys(k1=old)
    verifying, signed = verifier(keys), token(old)
    assert verifying.caller(signed).party == PARTY
    keys.publish(k2=new)
    assert verifying.caller(token(new, kid="k2")).party == PARTY
    with pytest.raises(RefusedIdentity, match="does not publish"):
        verifying.caller(signed)


def test_a_token_is_verified_anew_when_its_key_id_is_published_with_another_key(monkeypatch):
    old, new = _key(), _key()
    keys = PublishedKeys(k1=old)
    verifying, signed = verifier(keys), token(old)
    assert verifying.caller(signed).party == PARTY
    keys.publish(k1=new)
    with pytest.raises(RefusedIdentity, match="not valid: Signature verification failed"):
        verifying.caller(signed)


def test_a_token_read_with_the_keys_again_is_verified_again(monkeypatch):
    key = _key()
    keys = PublishedKeys(k1=key)
    verifying, signed = verifier(keys), token(key)
    decoded = count_decodes(monkeypatch)
    verifying.caller(signed)
    keys.publish(k1=key)  # the same key, read again
    verifying.caller(signed)
    verifying.caller(signed)
    assert decoded == [signed, signed]


def test_the_tokens_kept_are_bounded_the_oldest_forgotten_first(monkeypatch):
    monkeypatch.setattr(api.oidc, "VERIFIED_KEPT", 3)
    key = _key()
    verifying = verifier(PublishedKeys(k1=key))
    signed = [token(key, lifetime=300 + n) for n in range(5)]
    for each in signed:
        verifying.caller(each)
    assert list(verifying._verified) == signed[2:]


def test_a_refused_token_is_not_kept():
    key = _key()
    verifying = verifier(PublishedKeys(k1=key))
    forged = token(_key())
    for _ in range(2):
        with pytest.raises(RefusedIdentity, match="Signature verification failed"):
            verifying.caller(forged)
    assert verifying._verified == {}
