"""The blueprint every /engine-rest route is on; kept out of /api/v1's OpenAPI document (a plain Flask
blueprint), since its shapes are Camunda's, not this API's."""

from __future__ import annotations

from flask import Blueprint

from ..resources import engine

blp = Blueprint("engine-rest", __name__, url_prefix="/engine-rest")

__all__ = ["blp", "engine"]
