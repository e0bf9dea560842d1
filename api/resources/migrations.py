"""Moving running instances to another version of their process: the plan, and the migration."""

from __future__ import annotations

from flask import g
from flask.views import MethodView

from ..auth import READ, REPAIR, requires
from ..parsing import Blueprint
from ..schemas import (
    MigrationBatchRequestSchema,
    MigrationBatchSchema,
    MigrationOutcomeSchema,
    MigrationSchema,
)
from . import engine, problems

blp = Blueprint(
    "migrations",
    __name__,
    url_prefix="/api/v1/migrations",
    description="Moving running instances to another version of their process",
)


@blp.route("")
class Migrations(MethodView):
    @requires(REPAIR)
    @blp.arguments(MigrationSchema)
    @blp.response(200, MigrationOutcomeSchema)
    @problems(blp, 400, 404, 413, 422)
    def post(self, migration):
        """Move instances of one version to another (at most 1,000: more is a batch), each in its own
        transaction: those that can not move are listed with the reasons and left as they were. `dry_run`
        says what would happen, writing nothing. Every move is audited (`instance_migrated`, with both
        versions and the mapping)."""
        return engine().migrate_instances(
            migration["process_key"],
            migration["from_version"],
            migration["to_version"],
            actor=g.caller.actor,
            mapping=migration["mapping"],
            instance_ids=migration["instance_ids"],
            dry_run=migration["dry_run"],
        )


batches = Blueprint(
    "migration-batches",
    __name__,
    url_prefix="/api/v1/migration-batches",
    description="Migrations of many instances, moved in the background by the timer workers",
)


@batches.route("")
class MigrationBatches(MethodView):
    @requires(REPAIR)
    @batches.arguments(MigrationBatchRequestSchema)
    @batches.response(202, MigrationBatchSchema)
    @problems(batches, 400, 404, 413, 422)
    def post(self, migration):
        """Move many instances in the background: the timer workers move them 100 at a time, each in its own
        transaction, audited as the caller's move. Answers the batch; `GET /migration-batches/{id}` says how
        far it has come."""
        batch = engine().start_migration_batch(
            migration["process_key"],
            migration["from_version"],
            migration["to_version"],
            actor=g.caller.actor,
            mapping=migration["mapping"],
            instance_ids=migration["instance_ids"],
        )
        return batch, 202, {"Location": f"/api/v1/migration-batches/{batch.id}"}


@batches.route("/<int:batch_id>")
class MigrationBatch(MethodView):
    @requires(READ)
    @batches.response(200, MigrationBatchSchema)
    @problems(batches, 404)
    def get(self, batch_id):
        """How far a migration batch has come, with the first reasons of instances that could not move."""
        return engine().migration_batch(batch_id)
