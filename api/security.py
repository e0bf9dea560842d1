"""What every answer tells the browser, and how a client guessing tokens is slowed down.

The Content-Security-Policy is one for the whole app: scripts, styles and images only from the app itself
(the cockpit's pages and Swagger UI at /docs hold no inline script; bpmn-js and Swagger UI set inline
styles and draw data: images), no plugins, no <base>, forms posting only here, and no page framed by
another site (``frame-ancestors``, and ``X-Frame-Options`` for older browsers). Every answer, JSON
included, carries ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``; HSTS is sent
when the request came over HTTPS (directly or through a proxy that says so).

The headers never change, so they are set as one prepared set, not by flask-talisman, which rebuilds
its options and the policy for every request (about 50 µs of each call, measured, against a budget of
P1); the failed-authentication budget is kept by ``limits`` directly, the library Flask-Limiter wraps,
whose per-request machinery cost about 60 µs a call where one check here costs about 2 µs.
"""

from __future__ import annotations

import math
import time

from flask import Flask, request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def protect(app: Flask) -> None:
    """Every answer of ``app`` carries the security headers; its failed authentications are counted."""
    app.after_request(_with_security_headers)
    budget = FailedAuthentications(app.config["KANTA_FAILED_AUTH_LIMIT"])
    app.extensions["kanta_failed_authentications"] = budget


def _with_security_headers(response):
    # Added, not set: no view sets these headers, and adding skips a search per header (~6 µs a call).
    response.headers.extend(SECURITY_HEADERS)
    if request.is_secure or request.headers.get("X-Forwarded-Proto") == "https":
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    return response


class TooManyFailures(Exception):
    def __init__(self, limit: str, retry_after: int):
        super().__init__(limit)
        self.limit, self.retry_after = limit, retry_after


class FailedAuthentications:
    """One budget per client address, spent only by a request whose token is not known. Once it is spent,
    every request that needs a token from that address is refused (a right token too, or a guesser could
    tell a right guess from a refusal) until the moving window has let the oldest failure go. The count
    lives in this process: each gunicorn worker keeps its own."""

    def __init__(self, setting: str):
        self.limit = parse(setting)
        self.window = MovingWindowRateLimiter(MemoryStorage())
        # The addresses with a failure in the window, maybe: any other has its whole budget, and its
        # request (nearly every request) is not looked up in the window.
        self._failed_from: set[str] = set()

    def check(self, address: str) -> None:
        """Raise TooManyFailures when ``address`` has no failure left to spend."""
        if address not in self._failed_from:
            return
        stats = self.window.get_window_stats(self.limit, address)
        if stats.remaining <= 0:
            retry_after = max(1, math.ceil(stats.reset_time - time.time()))
            raise TooManyFailures(str(self.limit), retry_after)
        if stats.remaining >= self.limit.amount:  # its failures have left the window
            self._failed_from.discard(address)

    def failed(self, address: str) -> None:
        self.window.hit(self.limit, address)
        self._failed_from.add(address)  # after the hit: a check meanwhile that finds it sees the hit
