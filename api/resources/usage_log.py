"""The usage log: every read of an instance's or a task's data (who, which instance, which fields, when,
through which endpoint), kept apart from the audit trail, for admins to answer who used a client's data."""

from __future__ import annotations

from flask.views import MethodView
from marshmallow import Schema, fields

from ..auth import REPAIR, requires
from ..parsing import Blueprint
from ..schemas import Instant, PageQuerySchema, PageSchema
from . import engine, problems

blp = Blueprint(
    "usage-log",
    __name__,
    url_prefix="/api/v1/usage-log",
    description="Who read which instance's data, when and why (admins only)",
)


class UsageLogQuerySchema(PageQuerySchema):
    instance_id = fields.String()


class UsageLogEntrySchema(Schema):
    id = fields.Integer(required=True)
    at = Instant(required=True)
    actor = fields.String(required=True)
    party = fields.String(allow_none=True, required=True)
    instance_id = fields.String(required=True)
    fields_ = fields.List(
        fields.String(), required=True, data_key="fields", attribute="fields",
        metadata={"description": "the variables the reader was shown"},
    )  # fmt: skip
    masked = fields.List(
        fields.String(), required=True, metadata={"description": "the personal data it was not shown"}
    )
    purpose = fields.String(required=True, metadata={"description": "the endpoint it read through"})


class UsageLogPageSchema(PageSchema):
    items = fields.List(fields.Nested(UsageLogEntrySchema), required=True)


@blp.route("")
class UsageLog(MethodView):
    @requires(REPAIR)
    @blp.arguments(UsageLogQuerySchema, location="query")
    @blp.response(200, UsageLogPageSchema)
    @problems(blp, 422)
    def get(self, query):
        """Reads of instances' data, newest first, of one instance or of all."""
        return engine().usage_log(**query)
