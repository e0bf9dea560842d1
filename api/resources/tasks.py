from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import OPERATE, READ, reader, requires
from ..parsing import Blueprint
from ..schemas import CompleteTaskSchema, InstanceSchema, TaskDetailSchema, TaskPageSchema, TaskQuerySchema
from . import engine, problems

blp = Blueprint("tasks", __name__, url_prefix="/api/v1/tasks", description="Human tasks ready to be done")


@blp.route("")
class Tasks(MethodView):
    @requires(READ)
    @blp.arguments(TaskQuerySchema, location="query")
    @blp.response(200, TaskPageSchema)
    @problems(blp, 422)
    def get(self, query):
        """Ready human tasks, oldest first, filtered by instance, process, lane, business key, assignee and
        candidate user or group; `mine=true`: the caller's own (assigned to its name, or a candidate)."""
        mine = query.pop("mine")
        return engine().list_tasks(**query, offered_to=g.caller.name if mine else None, party=g.caller.scope)


@blp.route("/<string:task_id>")
class Task(MethodView):
    @requires(READ)
    @blp.response(200, TaskDetailSchema)
    @problems(blp, 404, 409)
    def get(self, task_id):
        """A ready task with its instructions, its JSON Schema form and the data it starts from."""
        return engine().get_task(task_id, party=g.caller.scope, reader=reader())


@blp.route("/<string:task_id>/complete")
class CompleteTask(MethodView):
    @requires(OPERATE)
    @blp.arguments(CompleteTaskSchema)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, body, task_id):
        """Complete a ready task with data that satisfies its form; answers where the instance then stands."""
        return engine().complete_task(
            task_id, body["data"], actor=g.caller.actor, party=g.caller.scope, reader=reader()
        )
