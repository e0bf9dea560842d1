"""Incidents: failures nobody was there to answer (a timer's run), and retrying them."""

from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import DEPLOY, READ, REPAIR, requires
from ..parsing import Blueprint
from ..schemas import (
    IncidentPageSchema,
    IncidentQuerySchema,
    IncidentSchema,
    InstanceSchema,
    RetryIncidentSchema,
)
from . import engine, problems

blp = Blueprint(
    "incidents",
    __name__,
    url_prefix="/api/v1/incidents",
    description="Failures with nobody to answer them, open on their instance until an admin retries",
)


@blp.route("")
class Incidents(MethodView):
    @requires(READ)
    @blp.arguments(IncidentQuerySchema, location="query")
    @blp.response(200, IncidentPageSchema)
    @problems(blp, 422)
    def get(self, query):
        """Incidents, newest first; open ones only unless `open=false`."""
        return engine().list_incidents(**query, party=g.caller.scope)


@blp.route("/<int:incident_id>")
class Incident(MethodView):
    @requires(READ)
    @blp.response(200, IncidentSchema)
    @problems(blp, 404)
    def get(self, incident_id):
        """One incident."""
        return engine().get_incident(incident_id, party=g.caller.scope)


@blp.route("/<int:incident_id>/retry")
class RetryIncident(MethodView):
    @requires(REPAIR)
    @blp.arguments(RetryIncidentSchema, required=False)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 422)
    def post(self, body, incident_id):
        """Run what failed again from the instance's wait state; answers where the instance then stands (still
        `error`, with the incident counting one failure more, if it failed again). An external task's
        incident gives the task back to the workers with `retries` (default 1)."""
        return engine().retry_incident(incident_id, actor=g.caller.actor, retries=(body or {}).get("retries"))


@blp.route("/<int:incident_id>/resolve")
class ResolveIncident(MethodView):
    @requires(DEPLOY)
    @blp.response(200, IncidentSchema)
    @problems(blp, 404, 409)
    def post(self, incident_id):
        """Mark resolved an incident of kind `definition-fault` that a request met: the diagram was at fault,
        the request was refused, and the instance went on waiting where it was (or, a start's, no instance
        was stored). An analyst does so once the diagram is corrected (moving the instance to the corrected
        version resolves it too, and deploying a new version resolves a start's). An incident that stopped
        its instance, or an external task's, is retried instead (409)."""
        return engine().resolve_incident(incident_id, actor=g.caller.actor)
