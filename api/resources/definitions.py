from __future__ import annotations

import posixpath

from flask import Response, g
from flask.views import MethodView
from flask_smorest import abort

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


def _named_files(uploads) -> dict[str, bytes]:
    """The uploaded files by the name the catalogue gives them; 422 naming every file whose name has a
    control character (a NUL would cut the name short in a filesystem or a log) or that would take the
    name of another file of the upload (two forms/x.json: one would silently be lost), nothing stored."""
    files, first_of, refused = {}, {}, {}
    for index, upload in enumerate(uploads):
        given = upload.filename or ""
        name = _upload_name(given)
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in given):
            refused[str(index)] = [f"the file name {given!r} has a control character: name the file plainly"]
        elif not name:
            refused[str(index)] = ["the file has no name: name it, e.g. onboarding.bpmn"]
        elif name in first_of:
            first_index, first_given = first_of[name]
            refused[str(index)] = [
                f"the file {given!r} would be {name!r}, like the file {first_given!r} (files/{first_index}): "
                "give every file of an upload its own name"
            ]
        else:
            first_of[name] = (index, given)
            files[name] = upload.read()
    if refused:
        abort(422, message="some files of the upload can not be named", messages={"files": refused})
    return files


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
        return engine().deploy(_named_files(upload["files"]), actor=g.caller.actor)


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
