from __future__ import annotations

import posixpath

from flask import Response, g
from flask.views import MethodView

from ..auth import DEPLOY, READ, requires
from ..parsing import Blueprint
from ..schemas import DefinitionQuerySchema, DefinitionSchema, DeployFilesSchema, DeployResultSchema
from . import engine, problems

blp = Blueprint(
    "process-definitions",
    __name__,
    url_prefix="/api/v1/process-definitions",
    description="Deployed BPMN processes and their versions",
)


def _upload_name(filename: str) -> str:
    """Forms are addressed as ``forms/<name>.json`` by the diagrams; diagrams by their file name."""
    name = posixpath.basename((filename or "").replace("\\", "/"))
    return f"forms/{name}" if name.endswith(".json") else name


@blp.route("")
class Definitions(MethodView):
    @requires(READ)
    @blp.response(200, DefinitionSchema(many=True))
    @problems(blp)
    def get(self):
        """The latest version of every deployed process."""
        return engine().list_definitions()

    @requires(DEPLOY)
    @blp.arguments(DeployFilesSchema, location="files")
    @blp.response(201, DeployResultSchema)
    @problems(blp, 409, 413, 422)
    def post(self, upload):
        """Deploy BPMN, DMN and form (JSON Schema) files, checked first: refused with every problem."""
        files = {_upload_name(f.filename): f.read() for f in upload["files"]}
        return engine().deploy(files, actor=g.caller.actor)


@blp.route("/<process_key:key>")
class Definition(MethodView):
    @requires(READ)
    @blp.arguments(DefinitionQuerySchema, location="query")
    @blp.response(200, DefinitionSchema)
    @problems(blp, 404, 422)
    def get(self, query, key):
        """The latest version of a process, or ``?version=N``."""
        return engine().get_definition(key, query.get("version"))


@blp.route("/<process_key:key>/versions")
class DefinitionVersions(MethodView):
    @requires(READ)
    @blp.response(200, DefinitionSchema(many=True))
    @problems(blp, 404)
    def get(self, key):
        """Every deployed version of a process, oldest first."""
        return engine().definition_versions(key)


@blp.route("/<process_key:key>/xml")
class DefinitionXml(MethodView):
    @requires(READ)
    @blp.arguments(DefinitionQuerySchema, location="query")
    @blp.response(200, description="The BPMN file as deployed", content_type="application/xml")
    @problems(blp, 404, 422)
    def get(self, query, key):
        """The BPMN file of a process version as it was deployed."""
        return Response(engine().definition_source(key, query.get("version")), mimetype="application/xml")
