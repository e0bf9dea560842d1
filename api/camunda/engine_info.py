"""``GET /engine`` and ``GET /version``: what a Camunda client's health check asks first."""

from __future__ import annotations

from flask import jsonify

from ..auth import READ, requires
from .blueprint import blp

# The Camunda 7 REST API whose shapes this subset follows; a client gates what it calls by it.
REST_API_VERSION = "7.21.0"


@blp.get("/engine")
@requires(READ)
def engines():
    return jsonify([{"name": "default"}])


@blp.get("/version")
@requires(READ)
def version():
    return jsonify({"version": REST_API_VERSION})
