"""The REST resources under /api/v1, one module per resource."""

from __future__ import annotations

from flask import current_app

from engine import Engine

from ..problems import PROBLEM_JSON
from ..schemas import ProblemSchema

_DESCRIPTIONS = {
    400: "The body is not JSON (or uses what JSON does not allow: NaN, Infinity, very deep nesting)",
    401: "No or unknown bearer token",
    403: "The token's role may not do this, or its party may not do it here (another party's lane)",
    404: "Not found",
    409: "Conflicts with the current state (task not ready, stale update, ambiguous message)",
    413: "The request body is too large",
    414: "The URL is too long (the server reads at most 8190 bytes of request line)",
    422: "The request or its data was refused; each field is named",
    429: "Too many requests with an unknown token came from this address: wait for Retry-After seconds",
    431: "A header is too large",
}


def engine() -> Engine:
    return current_app.extensions["kanta_engine"]


def problems(blueprint, *statuses):
    """Document the problem+json answers a view can give (so OpenAPI lists every response)."""

    def decorate(view):
        for status in (401, 403, 414, 429, *statuses):
            view = blueprint.alt_response(
                status, schema=ProblemSchema, description=_DESCRIPTIONS[status], content_type=PROBLEM_JSON
            )(view)
        return view

    return decorate
