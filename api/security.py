"""What every answer tells the browser (flask-talisman) and how a client guessing tokens is slowed down
(Flask-Limiter).

The Content-Security-Policy is one for the whole app: scripts, styles and images only from the app itself
(the cockpit's pages and Swagger UI at /docs hold no inline script; bpmn-js and Swagger UI set inline
styles and draw data: images), no plugins, no <base>, forms posting only here, and no page framed by
another site (``frame-ancestors``, and ``X-Frame-Options`` for older browsers). Every answer, JSON
included, carries ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``; HSTS is sent
when the request came over HTTPS (directly or through a proxy that says so).
"""

from __future__ import annotations

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman

from .problems import problem

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def protect(app: Flask) -> None:
    Talisman(
        app,
        force_https=False,  # TLS ends at the load balancer, which also redirects plain HTTP
        session_cookie_secure=False,  # no sessions: the token travels in a header
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy="no-referrer",
    )
    limiter = Limiter(
        key_func=get_remote_address,
        # One budget for the whole API per client address, spent only by a request whose token is not
        # known: once it is spent, every request under /api from that address is answered 429 (a valid
        # token too, or a guesser could tell a right guess from a 429) until the window moves on.
        application_limits=[app.config["KANTA_FAILED_AUTH_LIMIT"]],
        application_limits_deduct_when=_unknown_token,
        application_limits_exempt_when=lambda: not request.path.startswith("/api/"),
        strategy="moving-window",
        storage_uri="memory://",  # per process: each gunicorn worker counts on its own
        headers_enabled=False,
    )
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, _too_many_failures)


def _unknown_token(response) -> bool:
    return response.status_code == 401 and "invalid_token" in response.headers.get("WWW-Authenticate", "")


def _too_many_failures(error: RateLimitExceeded):
    window = error.limit.limit.get_expiry()
    detail = (
        f"too many requests with an unknown token came from this address ({error.limit.limit}): "
        f"the API answers it again within {window} seconds"
    )
    body, status, headers = problem(429, "too-many-requests", "Too many failed authentications", detail)
    return body, status, {**headers, "Retry-After": str(window)}
