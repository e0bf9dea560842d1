from __future__ import annotations

from flask import g, request
from flask.views import MethodView
from flask_smorest import abort

from ..auth import OPERATE, READ, REPAIR, reader, requires
from ..parsing import Blueprint, unstorable_text
from ..schemas import (
    HistoryEventSchema,
    InstancePageSchema,
    InstanceQuerySchema,
    InstanceSchema,
    StartInstanceSchema,
    VariableChangeSchema,
)
from . import engine, problems

blp = Blueprint(
    "process-instances",
    __name__,
    url_prefix="/api/v1/process-instances",
    description="Running and finished onboardings",
)


# The Idempotency-Key header, as OpenAPI documents it on every way to start and on messages.
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": 200},
    "description": "a retry with the same key is not done twice: it answers the instance the first one "
    "started, or what the first delivery of a message answered",
}


def idempotency_key() -> str | None:
    key = request.headers.get("Idempotency-Key") or None
    if key is not None and (len(key) > 200 or any(unstorable_text(key))):
        abort(422, messages={"headers": {"Idempotency-Key": ["at most 200 characters, no NUL"]}})
    return key


@blp.route("")
class Instances(MethodView):
    @requires(OPERATE)
    @blp.arguments(StartInstanceSchema)
    @blp.response(201, InstanceSchema)
    @blp.doc(parameters=[IDEMPOTENCY_KEY])
    @problems(blp, 400, 404, 409, 413, 422, 431)
    def post(self, start):
        """Start an instance of the latest version of a process. A business key that already has an instance
        of the process that has not ended is answered 409 `already-running` (naming them in `running`)
        unless `allow_duplicate` is true; a retry with the same Idempotency-Key answers the first start. Where
        the process's start form asks the provider's `business_id`, a start without a business key takes
        that variable as its key, and a key that is not the same is refused with 422 at `/business_key`."""
        return engine().start_instance(
            start["process_key"],
            actor=g.caller.actor,
            business_key=start["business_key"],
            variables=start["variables"],
            idempotency_key=idempotency_key(),
            allow_duplicate=start["allow_duplicate"],
            party=g.caller.scope,
            reader=reader(),
        )

    @requires(READ)
    @blp.arguments(InstanceQuerySchema, location="query")
    @blp.response(200, InstancePageSchema)
    @problems(blp, 422)
    def get(self, query):
        """Instances, newest first unless `sort` says otherwise, each with its organisation, where it waits
        and its next due date; found by a part of its business key or organisation name (`q`) and filtered
        by process key, version, status, business key, lane, the element it waits at and a timer due
        before a time."""
        return engine().list_instances(**query, party=g.caller.scope)


@blp.route("/<string:instance_id>")
class Instance(MethodView):
    @requires(READ)
    @blp.response(200, InstanceSchema)
    @problems(blp, 404)
    def get(self, instance_id):
        """Where an instance stands: status, variables, ready tasks, waiting messages, pending timers."""
        return engine().get_instance(instance_id, party=g.caller.scope, reader=reader())


@blp.route("/<string:instance_id>/cancel")
class CancelInstance(MethodView):
    @requires(OPERATE)
    @blp.response(200, InstanceSchema)
    @problems(blp, 404, 409)
    def post(self, instance_id):
        """Cancel a running instance: its open tasks, messages and timers are dropped; answers the instance,
        now cancelled (it stays readable, with its history)."""
        return engine().cancel_instance(
            instance_id, actor=g.caller.actor, party=g.caller.scope, reader=reader()
        )


@blp.route("/<string:instance_id>/history")
class History(MethodView):
    @requires(READ)
    @blp.response(200, HistoryEventSchema(many=True))
    @problems(blp, 404)
    def get(self, instance_id):
        """The audit trail: every state change with its actor, oldest first."""
        return engine().history(instance_id, party=g.caller.scope, reader=reader())


@blp.route("/<string:instance_id>/correct-variables")
class CorrectVariables(MethodView):
    @requires(REPAIR)
    @blp.arguments(VariableChangeSchema)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, change, instance_id):
        """Correct an instance's variables where it stands (running, or stopped by an incident): `set` some,
        `remove` others. Audited with the old and the new values; nothing runs until the next step. The use
        of the instance's data (the old values the audit shows, the variables answered) is written to the
        usage log."""
        return engine().change_variables(
            instance_id,
            values=change["set"],
            removed=change["remove"],
            actor=g.caller.actor,
            reader=reader(),
        )
