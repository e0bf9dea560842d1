from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from .. import catalogue_report
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
        """Is the database reachable and is anything deployed? Open to everyone. A catalogue folder that
        could not be deployed at startup is named with its problems (status "degraded": the versions
        deployed before it serve)."""
        report = engine().health()
        problems = catalogue_report.read(Path(current_app.config["KANTA_DATA_DIR"]))
        if problems is not None:
            report["catalogue"] = problems
            if report["status"] == "ok":
                report["status"] = "degraded"
        return report, (200 if report["status"] in ("ok", "degraded") else 503)
