from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import OPERATE, requires
from ..parsing import Blueprint
from ..schemas import MessageAnswerSchema, MessageSchema
from . import engine, problems, shown
from .instances import IDEMPOTENCY_KEY, idempotency_key

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
    @blp.response(200, MessageAnswerSchema, description="Delivered to the instance that waited for it")
    @blp.alt_response(
        201, schema=MessageAnswerSchema, description="Nobody waited: it started an instance of the process "
        "whose message start event waits for it",
    )  # fmt: skip
    @problems(blp, 400, 404, 409, 413, 422)
    @blp.doc(parameters=[IDEMPOTENCY_KEY])
    def post(self, message):
        """Deliver a message to the one instance waiting for it: by business key or instance id, or, when
        its contract correlates by a payload property, by the payload alone; `correlation_keys` (variables
        the instance holds) narrow it further. Several waiting is 409. When no instance with that business
        key waits, start the process whose message start event waits for it, once per business key: one
        that has an instance of it that has not ended is refused with 409 `already-running`, so the same
        message sent twice, at once too, starts one. A message sent again with the Idempotency-Key of one
        that started an instance answers that instance; one delivered with it answers what it answered then
        (for KANTA_MESSAGE_KEY_HOURS), delivered once; another message under the key is 409. The answer is
        the instance, and its `message_outcome` says which happened."""
        answer = engine().deliver_message(
            message["name"],
            actor=g.caller.actor,
            business_key=message["business_key"],
            instance_id=message["instance_id"],
            correlation_keys=message["correlation_keys"],
            payload=message["payload"],
            party=g.caller.scope,
            idempotency_key=idempotency_key(),
        )
        return shown(answer), (201 if answer.message_outcome == "started" else 200)
