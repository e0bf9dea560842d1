"""An OpenID Connect identity provider of the tests' own: it generates its signing key, publishes it as a JWKS
on a loopback port and signs the tokens the tests and the features call the service with, each naming a role
and a party in the claims the service reads by default (``kanta_role``, ``kanta_party``, ``sub``).

with IdentityProvider() as idp, RunningServer(tmp_path, env=idp.server_env()) as server:
    server.call("GET", "/api/v1/me", token=idp.token("integrator", "0737546-2"))
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER, AUDIENCE = "https://tunnistus.example/realms/kanta", "kanta-onboarding"


class IdentityProvider:
    """Signs tokens with its key ``k1``; publishes only that key at ``jwks_url``. ``stranger_key`` is a key it
    does not publish (a forger's)."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwks = json.dumps({"keys": [public | {"kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

        class Keys(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(jwks)

            def log_message(self, *args):
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Keys)
        self.jwks_url = f"http://127.0.0.1:{self._http.server_port}/protocol/openid-connect/certs"
        self._closing = threading.Event()
        self._serving = threading.Thread(target=self._serve, name="identity-provider", daemon=True)
        self._serving.start()

    def _serve(self) -> None:
        # Each connection is awaited without a timeout, and ``close`` wakes the wait with one of its own:
        # ``serve_forever`` would notice a shutdown only at its next poll, up to half a second later, and
        # every run of the features and many tests close a provider or two at their end.
        while not self._closing.is_set():
            self._http.handle_request()

    @cached_property
    def stranger_key(self):
        """A key of its own kind that it never publishes; made when first asked for (an RSA key takes a tenth
        of a second or more, and only the tests of forged tokens need it)."""
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def __enter__(self) -> IdentityProvider:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self):
        self._closing.set()
        with contextlib.suppress(OSError):  # closed before: nobody listens
            socket.create_connection(self._http.server_address, timeout=5).close()
        self._serving.join()
        self._http.server_close()

    def server_env(self) -> dict[str, str]:
        """The settings a server takes this provider's tokens with (and no viewer or integrator of no
        party)."""
        return {
            "KANTA_OIDC_ISSUER": ISSUER,
            "KANTA_OIDC_AUDIENCE": AUDIENCE,
            "KANTA_OIDC_JWKS_URL": self.jwks_url,
            "KANTA_UNSCOPED_TOKENS": "refuse",
        }

    def token(
        self,
        role: str = "integrator",
        party: str | None = None,
        *,
        name: str | None = None,
        key=None,
        kid: str = "k1",
        lifetime: int = 300,
        **claims,
    ) -> str:
        """A signed token of ``role`` acting for ``party`` (none: no party claim), named ``name`` in the
        audit trail (else ``<role>-of-<party>``), valid for ``lifetime`` seconds; ``claims`` add or replace
        claims."""
        body = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": name or f"{role}-of-{party}",
            "iat": int(time.time()),
            "exp": int(time.time()) + lifetime,
            "kanta_role": role,
            **({"kanta_party": party} if party else {}),
            **claims,
        }
        return jwt.encode(body, key or self.key, algorithm="RS256", headers={"kid": kid})
