from __future__ import annotations

import json
import posixpath

from flask import Response, g
from flask.views import MethodView
from flask_smorest import abort

from engine import MESSAGE_CORRELATION, MESSAGE_FOLDER

from ..auth import DEPLOY, OPERATE, READ, reader, requires
from ..parsing import Blueprint
from ..schemas import (
    DefinitionElementsSchema,
    DefinitionQuerySchema,
    DefinitionSchema,
    DeployFilesSchema,
    DeployQuerySchema,
    DeployResultSchema,
    InstanceCountsSchema,
    InstanceSchema,
    MigrationPlanQuerySchema,
    MigrationPlanSchema,
    RetireSchema,
    StartFormSchema,
)
from . import engine, problems
from .instances import IDEMPOTENCY_KEY, idempotency_key

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


def _named_files(uploads) -> dict[str, bytes]:
    """The uploaded files by the name the catalogue gives them; 422 naming every file whose name has a
    control character (a NUL would cut the name short in a filesystem or a log) or that would take the
    name of another file of the upload (two forms/x.json: one would silently be lost), nothing stored."""
    files, first_of, refused = {}, {}, {}
    for index, upload in enumerate(uploads):
        given = upload.filename or ""
        content = upload.read()
        name = _upload_name(given, content)
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
            files[name] = content
    if refused:
        abort(
            422, message="some files of the upload can not be named", messages={"files": {"files": refused}}
        )
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
    @blp.arguments(DeployQuerySchema, location="query")
    @blp.arguments(DeployFilesSchema, location="files")
    @blp.response(201, DeployResultSchema)
    @problems(blp, 409, 413, 422)
    def post(self, query, upload):
        """Deploy BPMN, DMN, form and message (JSON Schema) files, checked first: refused with every problem.

        A JSON file with `x-correlation` (or sent as `messages/<name>.json`) is the contract of message
        `<name>`; any other is a form, `forms/<name>.json`. With `forms_from_catalogue=true` a form or
        message contract the upload lacks is taken from the processes deployed (the upload's own win)."""
        return engine().deploy(
            _named_files(upload["files"]),
            actor=g.caller.actor,
            forms_from_catalogue=query["forms_from_catalogue"],
        )


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


@blp.route("/<process_key:process_key>/start")
class StartForm(MethodView):
    @requires(READ)
    @blp.response(
        200,
        description="a JSON Schema: `business_key` (a Y-tunnus, its check digit checked) and the fields "
        "of the process's `start_form`, or `organisation_name` for a process without one; where the "
        "`start_form` asks the provider's `business_id`, that field, required, in `business_key`'s place",
    )
    @problems(blp, 404)
    def get(self, process_key):
        """The form a person fills to start the process (the cockpit's start page draws it): what POST
        takes as `data`, its words in the language of `Accept-Language` (Finnish by default, or English)."""
        return engine().form_to_start(process_key)

    @requires(OPERATE)
    @blp.arguments(StartFormSchema)
    @blp.response(201, InstanceSchema)
    @blp.doc(parameters=[IDEMPOTENCY_KEY])
    @problems(blp, 400, 404, 409, 413, 422, 431)
    def post(self, start, process_key):
        """Start an instance from the form GET answers, as the cockpit does: `data` is checked as a
        task's data is (422 naming each field, "/data/business_key"); its `business_key` becomes the
        instance's business key and the other fields its variables; where the form asks the provider's
        `business_id` instead, it is both (a `business_key` sent beside it as before must be the same: 422 at
        "/data/business_key"). A business key with an instance of the process that has not ended is
        answered 409 `already-running` unless `allow_duplicate` is true."""
        return engine().start_from_form(
            process_key,
            start["data"],
            actor=g.caller.actor,
            allow_duplicate=start["allow_duplicate"],
            idempotency_key=idempotency_key(),
            party=g.caller.scope,
            reader=reader(),
        )


@blp.route("/<process_key:process_key>/retire")
class RetireDefinition(MethodView):
    @requires(DEPLOY)
    @blp.arguments(RetireSchema)
    @blp.response(200, DefinitionSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, body, process_key):
        """Retire a process (renamed or replaced): it starts no new instance, by a request or a message;
        its running instances finish on their versions. 409 when it is retired already."""
        return engine().retire_process(process_key, actor=g.caller.actor, reason=body["reason"])


@blp.route("/<process_key:process_key>/reinstate")
class ReinstateDefinition(MethodView):
    @requires(DEPLOY)
    @blp.response(200, DefinitionSchema)
    @problems(blp, 404, 409)
    def post(self, process_key):
        """Reinstate a retired process: it starts new instances again. 409 when it is not retired."""
        return engine().reinstate_process(process_key, actor=g.caller.actor)


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


@blp.route("/<process_key:process_key>/elements")
class DefinitionElements(MethodView):
    @requires(READ)
    @blp.arguments(DefinitionQuerySchema, location="query")
    @blp.response(200, DefinitionElementsSchema)
    @problems(blp, 404, 422)
    def get(self, query, process_key):
        """The named elements of the latest version's diagram, or ``?version=N``'s, in the file's order:
        each one's id, kind and name in the caller's language. What a list is filtered by (a step for
        `waiting_at`, a lane's `diagram_name` for `lane`) and what draws a diagram in the reader's
        language."""
        return engine().definition_elements(process_key, query.get("version"))


@blp.route("/<process_key:process_key>/instance-counts")
class DefinitionInstanceCounts(MethodView):
    @requires(READ)
    @blp.response(200, InstanceCountsSchema)
    @problems(blp, 404)
    def get(self, process_key):
        """How many instances each version of the process has, by status (versions with none left out); for
        a viewer or integrator of a party, of the instances its party plays a lane of."""
        counts = engine().instances_per_version(process_key, party=g.caller.scope)
        return {"versions": [{"version": v, "statuses": s} for v, s in sorted(counts.items())]}


@blp.route("/<process_key:process_key>/versions/<int:from_version>/migration-plan")
class MigrationPlan(MethodView):
    @requires(READ)
    @blp.arguments(MigrationPlanQuerySchema, location="query")
    @blp.response(200, MigrationPlanSchema)
    @problems(blp, 404, 422)
    def get(self, query, process_key, from_version):
        """What moving the instances of `from_version` to version `to` would do: the elements added,
        removed and changed (in called processes too), where the waiting instances would stand, and which
        need a mapping (`map=OLD=NEW`, repeatable) before they can move."""
        mapping = dict(entry.split("=") for entry in query["map"])
        return engine().migration_plan(process_key, from_version, query["to"], mapping)
