"""Who is calling: bearer tokens with roles, from configuration.

``KANTA_TOKENS`` holds comma-separated ``role:token`` pairs (``role:name:token`` names the token in
the audit trail; otherwise its name is a short fingerprint; ``role:name:token:party`` says which
organisation the caller acts for). Tokens are kept only as SHA-256 digests.

An identity is a role and a party (a Y-tunnus or an organisation OID). A viewer or integrator of a party
sees and does only that party's part (engine/parties.py); admin and analyst are global. A viewer or
integrator token without a party is refused unless ``KANTA_UNSCOPED_TOKENS=allow`` (development), when it
sees and does everything, as before parties were kept.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import wraps

from flask import current_app, g, request
from flask_smorest import abort

from engine import Reader

from .security import FailedAuthentications, TooManyFailures

ROLES = ("viewer", "integrator", "analyst", "admin")
# A token is all a caller shows: one this long can not be guessed, even without the limit on failures.
SHORTEST_TOKEN = 32
# Permissions are machine names: /me lists them and the cockpit offers what they allow.
READ, OPERATE, DEPLOY, MOVE_CLOCK = "read", "operate", "deploy", "move_clock"
REPAIR = "repair"  # retry incidents, correct an instance's variables
_DOING = {
    READ: "read",
    OPERATE: "operate instances",
    DEPLOY: "deploy definitions",
    MOVE_CLOCK: "move the clock",
    REPAIR: "repair instances",
}
PERMISSIONS = {
    "viewer": {READ},
    "integrator": {READ, OPERATE},
    "analyst": {READ, DEPLOY},
    "admin": {READ, OPERATE, DEPLOY, MOVE_CLOCK, REPAIR},
}


# The roles that act for their party only; the others see every party's instances.
SCOPED_ROLES = ("viewer", "integrator")


@dataclass(frozen=True)
class Caller:
    role: str
    name: str
    party: str | None = None

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.name}"

    @property
    def scope(self) -> str | None:
        """The party whose part alone the caller sees and does; None: every party's (admin, analyst, or a
        development token of no party)."""
        return self.party if self.role in SCOPED_ROLES else None


class RefusedIdentity(Exception):
    """A bearer token that is not an identity the service takes; the message says why (never the token)."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_tokens(text: str, *, allow_unscoped: bool = False) -> dict[str, Caller]:
    """``role:token``, ``role:name:token`` or ``role:name:token:party`` entries → callers by token digest.
    A viewer's or integrator's entry without a party is refused unless ``allow_unscoped``."""
    callers = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        parts = entry.split(":")
        token_at = 2 if len(parts) == 4 else -1
        if len(parts) not in (2, 3, 4) or parts[0] not in ROLES or not parts[token_at] or not parts[-1]:
            raise ValueError(
                f"bad token entry {parts[0]!r}…: write role:token, role:name:token or role:name:token:party, "
                f"role one of {ROLES}"
            )
        role, token = parts[0], parts[token_at]
        party = parts[3] if len(parts) == 4 else None
        name = parts[1] if len(parts) >= 3 else f"token-{digest(token)[:8]}"
        if role in SCOPED_ROLES and party is None and not allow_unscoped:
            raise ValueError(
                f"the token of {role}:{name} names no party: a {role} acts for one organisation, so write "
                f"{role}:{name}:<token>:<party> with its Y-tunnus or OID (or, in development only, set "
                "KANTA_UNSCOPED_TOKENS=allow)"
            )
        if len(token) < SHORTEST_TOKEN:
            raise ValueError(
                f"the token of {role}:{name} is {len(token)} characters long: a token needs at least "
                f"{SHORTEST_TOKEN} (e.g. openssl rand -hex 24 makes one of 48)"
            )
        callers[digest(token)] = Caller(role, name, party)
    return callers


def new_token() -> str:
    return secrets.token_urlsafe(32)


# The cockpit's sign-in: the token in a cookie no script can read (HttpOnly), sent to this site only
# (SameSite=Strict), so a browser signs in once for all its tabs. Integrators keep sending the bearer token.
SESSION_COOKIE = "kanta_session"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _presented_token() -> str:
    """The bearer token of the Authorization header, else the sign-in cookie's; a request that changes
    something on the cookie's strength alone must come from this site's own pages (its Origin, or the
    browser's Sec-Fetch-Site, says so): a page of another site can not act with it (CSRF)."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if not cookie:
        abort(
            401,
            message="send Authorization: Bearer <token>",
            reason="token-missing",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if request.method not in _SAFE_METHODS and not same_origin():
        abort(
            403,
            message="a change signed in by the cockpit's cookie must come from the cockpit's own pages",
            reason="cookie-from-elsewhere",
        )
    return cookie


def same_origin() -> bool:
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == request.host_url.rstrip("/")
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def known_caller(token: str) -> Caller:
    """The caller a token names, counting unknown tokens against the address that sends them (401, 429)."""
    failures: FailedAuthentications = current_app.extensions["kanta_failed_authentications"]
    address = request.remote_addr or "unknown"
    try:
        failures.check(address)
    except TooManyFailures as spent:
        abort(
            429,
            message=f"too many requests with an unknown token came from this address ({spent.limit}): "
            f"the API answers it again in {spent.retry_after} seconds",
            reason="too-many-unknown-tokens",
            values={"limit": spent.limit, "retry_after": spent.retry_after},
            headers={"Retry-After": str(spent.retry_after)},
        )
    token = token.strip()
    verifier = current_app.extensions.get("kanta_oidc")
    if verifier is not None and token.count(".") == 2:  # a JWT (static tokens have no dots): api/oidc.py
        try:
            return verifier.caller(token)
        except RefusedIdentity as refused:
            failures.failed(address)
            abort(
                401,
                message=str(refused),
                reason="token-refused",
                values={"why": str(refused)},
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
    wanted = digest(token)
    callers: dict[str, Caller] = current_app.config["KANTA_CALLERS"]
    found = None
    for known, caller in callers.items():
        if hmac.compare_digest(known, wanted):  # compare every entry in constant time
            found = caller
    if found is None:
        failures.failed(address)
        abort(
            401,
            message="the token is not known",
            reason="token-unknown",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    return found


def _caller() -> Caller:
    return known_caller(_presented_token())


def reader() -> Reader:
    """The caller as a reader of an instance's data, for the usage log and the masking of personal data:
    a viewer sees none of it; the endpoint is why it reads."""
    caller: Caller = g.caller
    rule = request.url_rule.rule if request.url_rule is not None else request.path
    return Reader(caller.actor, caller.scope, caller.role != "viewer", f"{request.method} {rule}")


def requires(permission: str):
    """The view runs only for a caller whose role has ``permission``; ``g.caller`` says who it is."""

    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            caller = _caller()
            if permission not in PERMISSIONS[caller.role]:
                abort(
                    403,
                    message=f"the role {caller.role} may not {_DOING[permission]} ({permission})",
                    reason="role-may-not",
                    values={"role": caller.role, "permission": permission},
                )
            g.caller = caller
            return view(*args, **kwargs)

        return checked

    return decorate
