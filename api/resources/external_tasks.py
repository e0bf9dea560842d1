"""External tasks: the service tasks instances wait at, fetched, locked and done by integrators' workers."""

from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import OPERATE, READ, reader, requires
from ..parsing import Blueprint
from ..schemas import (
    BpmnErrorSchema,
    CompleteExternalTaskSchema,
    ExtendLockSchema,
    ExternalTaskFailureSchema,
    ExternalTaskPageSchema,
    ExternalTaskQuerySchema,
    ExternalTaskSchema,
    FetchAndLockSchema,
    InstanceSchema,
    LockedExternalTaskSchema,
)
from . import engine, problems

# Task ids are UUIDs: so /fetch-and-lock is never also read as a task's path (GET /{task_id}).
blp = Blueprint(
    "external-tasks",
    __name__,
    url_prefix="/api/v1/external-tasks",
    description='Service tasks (camunda:type="external") waiting for a worker: fetch and lock them by '
    "topic, then complete them, report a failure or throw a BPMN error",
)


@blp.route("/fetch-and-lock")
class FetchAndLock(MethodView):
    @requires(OPERATE)
    @blp.arguments(FetchAndLockSchema)
    @blp.response(200, LockedExternalTaskSchema(many=True))
    @problems(blp, 400, 413, 422)
    def post(self, body):
        """Lock up to `max_tasks` tasks of the topics for this worker, oldest first, each for its topic's
        `lock_duration_ms`; answers them with their variables (none: nothing to do now, ask again later).
        A task is fetchable when it is not locked (or its lock expired), past its retry timeout and has
        retries left; two workers never get the same task."""
        return engine().fetch_and_lock(
            body["worker_id"], body["topics"], body["max_tasks"], actor=g.caller.actor, party=g.caller.scope
        )


@blp.route("")
class ExternalTasks(MethodView):
    @requires(READ)
    @blp.arguments(ExternalTaskQuerySchema, location="query")
    @blp.response(200, ExternalTaskPageSchema)
    @problems(blp, 422)
    def get(self, query):
        """External tasks waiting, oldest first, filtered by topic, lock, instance, process and worker."""
        return engine().list_external_tasks(**query, party=g.caller.scope)


@blp.route("/<uuid:task_id>")
class ExternalTask(MethodView):
    @requires(READ)
    @blp.response(200, ExternalTaskSchema)
    @problems(blp, 404)
    def get(self, task_id):
        """One external task with its lock, retries and last failure."""
        return engine().get_external_task(str(task_id), party=g.caller.scope)


@blp.route("/<uuid:task_id>/complete")
class CompleteExternalTask(MethodView):
    @requires(OPERATE)
    @blp.arguments(CompleteExternalTaskSchema)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, body, task_id):
        """Complete the task this worker holds with variables; answers where the instance then stands. 409
        when another worker holds it (or none does), 404 when the task no longer waits."""
        return engine().complete_external_task(
            str(task_id),
            body["worker_id"],
            body["variables"],
            actor=g.caller.actor,
            party=g.caller.scope,
            reader=reader(),
        )


@blp.route("/<uuid:task_id>/failure")
class ExternalTaskFailure(MethodView):
    @requires(OPERATE)
    @blp.arguments(ExternalTaskFailureSchema)
    @blp.response(200, ExternalTaskSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, body, task_id):
        """Report that the work failed and release the lock: the task is fetched again after
        `retry_timeout_ms` while `retries` are left; `retries` 0 opens an incident on the instance, which
        an admin retries (`POST /api/v1/incidents/{incident_id}/retry`)."""
        return engine().handle_external_task_failure(
            str(task_id), actor=g.caller.actor, party=g.caller.scope, **body
        )


@blp.route("/<uuid:task_id>/bpmn-error")
class ExternalTaskBpmnError(MethodView):
    @requires(OPERATE)
    @blp.arguments(BpmnErrorSchema)
    @blp.response(200, InstanceSchema)
    @problems(blp, 400, 404, 409, 413, 422)
    def post(self, body, task_id):
        """Throw a BPMN error at the task: the error boundary event with that code catches it (with the
        variables) and the instance goes on from there. Nothing catches it: an incident
        (`uncaught-error`) is opened and the instance waits."""
        return engine().handle_external_task_bpmn_error(
            str(task_id),
            body["worker_id"],
            body["error_code"],
            error_message=body["error_message"],
            variables=body["variables"],
            actor=g.caller.actor,
            party=g.caller.scope,
            reader=reader(),
        )


@blp.route("/<uuid:task_id>/extend-lock")
class ExtendExternalTaskLock(MethodView):
    @requires(OPERATE)
    @blp.arguments(ExtendLockSchema)
    @blp.response(200, ExternalTaskSchema)
    @problems(blp, 400, 404, 409, 422)
    def post(self, body, task_id):
        """Keep the lock this worker holds for `new_duration_ms` from now."""
        return engine().extend_external_task_lock(
            str(task_id),
            body["worker_id"],
            body["new_duration_ms"],
            actor=g.caller.actor,
            party=g.caller.scope,
        )


@blp.route("/<uuid:task_id>/unlock")
class UnlockExternalTask(MethodView):
    @requires(OPERATE)
    @blp.response(200, ExternalTaskSchema)
    @problems(blp, 404)
    def post(self, task_id):
        """Release the task's lock, whoever holds it: it is fetchable again at once."""
        return engine().unlock_external_task(str(task_id), actor=g.caller.actor, party=g.caller.scope)
