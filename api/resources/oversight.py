"""A process's oversight for its coordinators: where its running onboardings wait, what falls due, which
are late."""

from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import READ, requires
from ..parsing import Blueprint
from ..schemas import OversightQuerySchema, OversightSchema
from . import engine, problems

blp = Blueprint(
    "process-oversight",
    __name__,
    url_prefix="/api/v1/process-definitions",
    description="How many running instances of a process wait where, what falls due and what is late",
)


@blp.route("/<process_key:process_key>/oversight")
class ProcessOversight(MethodView):
    @requires(READ)
    @blp.arguments(OversightQuerySchema, location="query")
    @blp.response(200, OversightSchema)
    @problems(blp, 404, 422)
    def get(self, query, process_key):
        """The running instances of the process (any version): how many wait at each step, and in which
        kind of wait; the pending timers already due (`overdue`) and due within `due_within_days` days
        (`due_soon`), soonest first; and the instances that are `late`: a reminder (a non-interrupting
        boundary timer) fired and they still wait at the step it is attached to. Lists hold at most 200.
        A viewer or integrator of a party counts and lists only the instances its party plays a lane of."""
        return engine().oversight(process_key, due_within_days=query["due_within_days"], party=g.caller.scope)
