from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..schemas import HealthSchema
from . import engine

blp = Blueprint("health", __name__, url_prefix="/healthz", description="Liveness and readiness")


@blp.route("")
class Health(MethodView):
    @blp.doc(security=[])  # open: no bearer token needed
    @blp.response(200, HealthSchema)
    @blp.alt_response(
        503, schema=HealthSchema, description="The database is unreachable or nothing is deployed"
    )
    def get(self):
        """Is the database reachable and is anything deployed? Open to everyone."""
        report = engine().health()
        return report, (200 if report["status"] == "ok" else 503)
