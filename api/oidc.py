"""OpenID Connect bearer tokens: a JWT an identity provider signed, verified against the keys the provider
publishes (its JWKS), with its issuer, audience and expiry checked; the role and the party are read from
claims the settings name. PyJWT does the verifying (``PyJWKClient`` reads and caches the keys, and reads
them again for a key id it has not seen, so the provider may rotate its keys). A token verified once is
taken again without its signature checked anew while it has not expired, and while the provider's key that
verified it is still the one published under its key id (``_Verified``).

``KANTA_OIDC_ISSUER``, ``KANTA_OIDC_AUDIENCE`` and ``KANTA_OIDC_JWKS_URL`` turn it on (all three or none);
``KANTA_OIDC_ROLE_CLAIM`` (default ``kanta_role``), ``KANTA_OIDC_PARTY_CLAIM`` (``kanta_party``) and
``KANTA_OIDC_NAME_CLAIM`` (``sub``) say where the identity is; a dotted name reads a nested claim
(``realm_access.roles``), and a list of roles must hold exactly one of the service's roles.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt

from .auth import ROLES, SCOPED_ROLES, Caller, RefusedIdentity

# The algorithms an identity provider signs with; never "none", never an HMAC a public key could forge.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA")
# Seconds of clock difference between the provider and this service that are forgiven.
LEEWAY = 30
# How many verified tokens a worker keeps (a party's client calls with one token until it expires; the
# oldest kept is forgotten first).
VERIFIED_KEPT = 1024


@dataclass(frozen=True)
class _Verified:
    """A token whose signature, issuer, audience and times were verified: the caller it says, the key that
    verified it (the key client's object: a new one when the keys are read again, so a rotated key, or any
    key read again, verifies the token anew), and its ``exp``."""

    caller: Caller
    key: object
    expires: float


@dataclass(frozen=True)
class OidcSettings:
    issuer: str
    audience: str
    jwks_url: str
    role_claim: str = "kanta_role"
    party_claim: str = "kanta_party"
    name_claim: str = "sub"

    @classmethod
    def from_config(cls, config: Mapping) -> OidcSettings | None:
        """The settings of the Flask configuration, or None when OIDC is not configured; a ValueError
        when it is half configured."""
        given = {
            name: config.get(f"KANTA_OIDC_{name.upper()}") or ""
            for name in ("issuer", "audience", "jwks_url", "role_claim", "party_claim", "name_claim")
        }
        needed = ("issuer", "audience", "jwks_url")
        if not any(given[name] for name in needed):
            return None
        missing = [f"KANTA_OIDC_{name.upper()}" for name in needed if not given[name]]
        if missing:
            raise ValueError(f"OpenID Connect needs {', '.join(missing)} as well (or none of the three)")
        return cls(**{name: value for name, value in given.items() if value})


class OidcVerifier:
    def __init__(self, settings: OidcSettings, *, allow_unscoped: bool = False):
        self.settings = settings
        self._allow_unscoped = allow_unscoped
        self._keys = jwt.PyJWKClient(settings.jwks_url, cache_keys=True, lifespan=300, timeout=10)
        # Verifying the signature was about 2.4 % of a worker's CPU in the features, every call of a party
        # with the same token: a token verified once is kept until it expires or its key changes.
        self._verified: dict[str, _Verified] = {}
        self._keeping = threading.Lock()

    def caller(self, token: str) -> Caller:
        """The caller the token says, or RefusedIdentity saying why not."""
        settings = self.settings
        try:
            key = self._keys.get_signing_key_from_jwt(token)
            kept = self._verified.get(token)
            # expired as PyJWT says it: exp <= now - leeway
            if kept is not None and kept.key is key and kept.expires > _now() - LEEWAY:
                return kept.caller
            claims = jwt.decode(
                token,
                key.key,
                algorithms=list(ALGORITHMS),
                audience=settings.audience,
                issuer=settings.issuer,
                leeway=LEEWAY,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWKClientConnectionError:
            raise RefusedIdentity("the identity provider's keys could not be read: try again later") from None
        except jwt.PyJWKClientError:
            raise RefusedIdentity(
                "the token is signed with a key the identity provider does not publish"
            ) from None
        except jwt.ExpiredSignatureError:
            raise RefusedIdentity("the token has expired") from None
        except jwt.InvalidIssuerError:
            raise RefusedIdentity(f"the token was not issued by {settings.issuer}") from None
        except jwt.InvalidAudienceError:
            raise RefusedIdentity(f"the token is not meant for {settings.audience}") from None
        except jwt.PyJWTError as error:
            raise RefusedIdentity(f"the token is not valid: {error}") from None
        caller = self.identity(claims)
        self._keep(token, _Verified(caller, key, float(claims["exp"])))
        return caller

    def _keep(self, token: str, verified: _Verified) -> None:
        with self._keeping:  # a worker's threads verify side by side
            self._verified.pop(token, None)
            while len(self._verified) >= VERIFIED_KEPT:
                del self._verified[next(iter(self._verified))]
            self._verified[token] = verified

    def identity(self, claims: Mapping) -> Caller:
        """The caller verified claims say, or RefusedIdentity saying why not."""
        settings = self.settings
        role = _one_role(_claim(claims, settings.role_claim), settings.role_claim)
        party = _claim(claims, settings.party_claim)
        name = _claim(claims, settings.name_claim)
        if party is not None and (not isinstance(party, str) or not party.strip()):
            raise RefusedIdentity(f"the claim {settings.party_claim} is not a party's Y-tunnus or OID")
        if role in SCOPED_ROLES and party is None and not self._allow_unscoped:
            raise RefusedIdentity(
                f"a {role} acts for one organisation, and the token's claim {settings.party_claim} names none"
            )
        if not isinstance(name, str) or not name.strip():
            raise RefusedIdentity(
                f"the token has no {settings.name_claim} to name the caller in the audit trail"
            )
        return Caller(role, name.strip(), party.strip() if party else None)


def _now() -> float:
    """Now, as PyJWT reads it to check a token's times."""
    return datetime.now(tz=UTC).timestamp()


def _claim(claims: Mapping, path: str):
    value = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _one_role(value, claim: str) -> str:
    roles = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    known = [role for role in roles if role in ROLES]
    if len(known) != 1:
        said = "none" if not known else ", ".join(known)
        raise RefusedIdentity(
            f"the claim {claim} must hold exactly one of the roles {', '.join(ROLES)} ({said})"
        )
    return known[0]
