from __future__ import annotations

import json
import posixpath

from flask import Response, g
from flask.views import MethodView

from engine import MESSAGE_CORRELATION, MESSAGE_FOLDER

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


def _upload_name(filename: str, content: bytes) -> str:
    """Diagrams by their file name; a JSON file where the catalogue keeps it: a message's contract (sent
    from a ``messages/`` folder, or a schema saying its correlation) as ``messages/<name>.json``, a form as
    the diagrams address it, ``forms/<name>.json``. A browser sends no folder, so the content decides."""
    path = (filename or "").replace("\\", "/")
    name = posixpath.basename(path)
    if not name.endswith(".json"):
        return name
    folder = posixpath.basename(posixpath.dirname(path))
    return (
        f"{MESSAGE_FOLDER}/{name}"
        if folder == MESSAGE_FOLDER or _says_correlation(content)
        else f"forms/{name}"
    )


def _says_correlation(content: bytes) -> bool:
    try:
        schema = json.loads(content)
    except ValueError:
        return False  # the catalogue's checks say what is wrong with it, as a form
    return isinstance(schema, dict) and MESSAGE_CORRELATION in schema


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
        """Deploy BPMN, DMN, form and message (JSON Schema) files, checked first: refused with every problem.

        A JSON file with `x-correlation` (or sent as `messages/<name>.json`) is the contract of message
        `<name>`; any other is a form, `forms/<name>.json`."""
        contents = [(f.filename, f.read()) for f in upload["files"]]
        files = {_upload_name(name, content): content for name, content in contents}
        return engine().deploy(files, actor=g.caller.actor)


@blp.route("/<process_key:process_key>")
class Definition(MethodView):
    @requires(READ)
    @blp.arguments(DefinitionQuerySchema, location="query")
    @blp.response(200, DefinitionSchema)
    @problems(blp, 404, 422)
    def get(self, query, process_key):
        """The latest version of a process, or ``?version=N``, with the messages it waits for: each one's
        name, payload JSON Schema and correlation."""
        return engine().get_definition(process_key, query.get("version"))


@blp.route("/<process_key:process_key>/versions")
class DefinitionVersions(MethodView):
    @requires(READ)
    @blp.response(200, DefinitionSchema(many=True))
    @problems(blp, 404)
    def get(self, process_key):
        """Every deployed version of a process, oldest first."""
        return engine().definition_versions(process_key)


@blp.route("/<process_key:process_key>/xml")
class DefinitionXml(MethodView):
    @requires(READ)
    @blp.arguments(DefinitionQuerySchema, location="query")
    @blp.response(200, description="The BPMN file as deployed", content_type="application/xml")
    @problems(blp, 404, 422)
    def get(self, query, process_key):
        """The BPMN file of a process version as it was deployed."""
        return Response(
            engine().definition_source(process_key, query.get("version")), mimetype="application/xml"
        )
