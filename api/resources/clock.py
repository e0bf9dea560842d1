"""The service's clock: read by anyone with a token; moved on only when the service runs with an
adjustable clock (acceptance tests, training), and only by an admin."""

from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import MOVE_CLOCK, READ, requires
from ..parsing import Blueprint
from ..schemas import AdvanceClockSchema, ClockAdvancedSchema, ClockSchema
from . import engine, problems

blp = Blueprint(
    "clock",
    __name__,
    url_prefix="/api/v1/clock",
    description="The time the service runs on; adjustable for acceptance tests and training",
)


@blp.route("")
class Clock(MethodView):
    @requires(READ)
    @blp.response(200, ClockSchema)
    @problems(blp)
    def get(self):
        """The service's time now, and whether it may be moved."""
        now, adjustable = engine().clock_reading()
        return {"now": now, "adjustable": adjustable}


@blp.route("/advance")
class AdvanceClock(MethodView):
    @requires(MOVE_CLOCK)
    @blp.arguments(AdvanceClockSchema)
    @blp.response(200, ClockAdvancedSchema)
    @problems(blp, 400, 409, 413, 422)
    def post(self, body):
        """Let time pass ("three days pass") and fire every timer due by then, none early.

        Only on a service started with an adjustable clock (`kanta-onboarding serve --clock adjustable`);
        on the system clock the answer is 409."""
        now, moved = engine().advance_clock(body["duration"], actor=g.caller.actor)
        return {"now": now, "adjustable": True, "moved_instances": moved}
