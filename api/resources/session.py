"""Signing the cockpit in and out: a token becomes a cookie the browser sends from every tab of this site.

The cookie holds the token itself, so a revoked token ends every browser's sign-in at once and no session
is kept on the server (a load balancer needs nothing sticky); HttpOnly keeps it from every script of the
page, SameSite=Strict from every other site, and a change made on its strength must come from this site's
own pages (api/auth.py).
"""

from __future__ import annotations

from flask import jsonify, make_response, request
from flask.views import MethodView
from marshmallow import Schema, fields, validate

from ..auth import PERMISSIONS, SESSION_COOKIE, known_caller
from ..parsing import Blueprint
from . import problems
from .me import CallerSchema

blp = Blueprint(
    "session",
    __name__,
    url_prefix="/api/v1/session",
    description="The cockpit's sign-in: a token kept in an HttpOnly cookie for the whole browser",
)


class SignInSchema(Schema):
    token = fields.String(required=True, validate=validate.Length(min=1, max=1000))


@blp.route("/sign-in")
class SignIn(MethodView):
    @blp.arguments(SignInSchema)
    @blp.response(200, CallerSchema)
    @blp.doc(security=[])
    @problems(blp, 400, 422)
    def post(self, body):
        """Sign in: a known token is set as the HttpOnly, SameSite=Strict cookie the cockpit's requests
        then carry instead of a bearer token; answers who it names. An unknown token is 401 and counts
        against the address as a bearer token does (429)."""
        caller = known_caller(body["token"])
        response = jsonify(
            {"role": caller.role, "name": caller.name, "permissions": sorted(PERMISSIONS[caller.role])}
        )
        response.set_cookie(
            SESSION_COOKIE,
            body["token"].strip(),
            httponly=True,
            samesite="Strict",
            secure=request.is_secure,
            path="/",
        )
        return response


@blp.route("/sign-out")
class SignOut(MethodView):
    @blp.response(204)
    @blp.doc(security=[])
    def post(self):
        """Sign out: the cookie is cleared (answered 204 whether or not there was one)."""
        response = make_response("", 204)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="Strict")
        return response
