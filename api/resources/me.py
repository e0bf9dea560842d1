"""Who is calling: the role behind the bearer token, so a client offers only what the role may do."""

from __future__ import annotations

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..auth import PERMISSIONS, READ, ROLES, requires
from . import problems

blp = Blueprint("me", __name__, url_prefix="/api/v1/me", description="The caller behind the token")


class CallerSchema(Schema):
    role = fields.String(required=True, metadata={"enum": list(ROLES)})
    name = fields.String(required=True, metadata={"description": "the name the audit trail gives"})
    party = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "the organisation the caller acts for (Y-tunnus or OID); null: none"},
    )
    scoped = fields.Boolean(
        required=True, metadata={"description": "true: the caller sees and does only its party's part"}
    )
    permissions = fields.List(
        fields.String(), required=True, metadata={"description": "read, operate, deploy, move_clock"}
    )


@blp.route("")
class Me(MethodView):
    @requires(READ)
    @blp.response(200, CallerSchema)
    @problems(blp)
    def get(self):
        """The caller's role, name, party and permissions (every role may ask)."""
        caller = g.caller
        return {
            "role": caller.role,
            "name": caller.name,
            "party": caller.party,
            "scoped": caller.scope is not None,
            "permissions": sorted(PERMISSIONS[caller.role]),
        }
