from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import OPERATE, requires
from ..parsing import Blueprint
from ..schemas import InstanceSchema, MessageSchema
from . import engine, problems

blp = Blueprint(
    "messages",
    __name__,
    url_prefix="/api/v1/messages",
    description="Messages from outside, such as Kela's decision on an application",
)


@blp.route("")
class Messages(MethodView):
    @requires(OPERATE)
    @blp.arguments(MessageSchema)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, message):
        """Deliver a message to the one instance waiting for it: by business key or instance id, or, when
        its contract correlates by a payload property, by the payload alone; `correlation_keys` (variables
        the instance holds) narrow it further. None waiting is 404, several 409."""
        return engine().deliver_message(
            message["name"],
            actor=g.caller.actor,
            business_key=message["business_key"],
            instance_id=message["instance_id"],
            correlation_keys=message["correlation_keys"],
            payload=message["payload"],
        )
