"""Request and response bodies (marshmallow); the OpenAPI document is generated from them."""

from __future__ import annotations

from datetime import UTC

import marshmallow
from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, validate

from engine import COUNT_CAP, INSTANCE_SORTS, ErrorKind, InstanceStatus

from .parsing import storable_text


class Schema(marshmallow.Schema):
    """A body's schema. An instance is never changed once made (its fields are bound as it is made), so a
    deep copy of one is the instance itself: flask-smorest deep-copies a view's documentation, schema
    instances and all, at each of its decorators (a view of ours has ten and more: ``problems``), every
    worker and test server as it starts; marshmallow and apispec copy fields, never a schema. The OpenAPI
    document is the same byte for byte (``tests/api/test_docs.py``)."""

    def __deepcopy__(self, memo):
        return self


class Instant(fields.AwareDateTime):
    """An instant a record holds, always answered in UTC: the answer right after a change and any later
    read spell the same instant the same way (the service's clock may run in another zone; only the
    clock's own time is shown in it)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return super()._serialize(value.astimezone(UTC) if value is not None else None, attr, obj, **kwargs)


STATUSES = tuple(str(status) for status in InstanceStatus)
ERROR_KINDS = tuple(str(kind) for kind in ErrorKind)
PARTS = ("body", "query", "header", "path")
_KEY = [validate.Length(min=1, max=200), storable_text]
_VERSION = validate.Range(min=1, max=2**31 - 1)  # a version number the database's integer holds


class FieldErrorSchema(Schema):
    in_ = fields.String(
        required=True,
        data_key="in",
        validate=validate.OneOf(PARTS),
        metadata={"description": "the part of the request the field is in", "enum": list(PARTS)},
    )
    field = fields.String(
        required=True,
        metadata={
            "description": 'JSON Pointer (RFC 6901) to the field in that part: "/data/contact/email" in the '
            'body, "/status" among the query parameters; "" is the whole part',
            "example": "/data/business_id",
        },
    )
    message = fields.String(required=True, metadata={"description": "what to give instead, in English"})
    reason = fields.String(
        metadata={
            "description": "a refused form field's message as a stable word, for a client that says it in "
            "its reader's language: required, required-with, not-a-field, read-only, format-fi-business-id, "
            "format-oid, format-date, format-email, format-ipv4, format-ipv6, format-ip-address, "
            "format-hostname, date-too-early, date-too-late, must-tick, must-untick, "
            "not-a-choice, fill-in, too-short, too-long, at-least, more-than, at-most, less-than, "
            "not-as-asked"
        }
    )
    values = fields.Dict(
        metadata={
            "description": "what the reason speaks of: the value given (`given`), a bound (`bound`, a date "
            "the Finnish way), a length (`count`, `length`), the field whose value needs this one (`given`)"
        }
    )


class DiagramProblemSchema(Schema):
    file = fields.String(required=True)
    line = fields.Integer(allow_none=True, required=True)
    element_id = fields.String(allow_none=True, required=True)
    message = fields.String(required=True)
    severity = fields.String(
        required=True,
        validate=validate.OneOf(("error", "warning")),
        metadata={"description": "an error refuses the deployment; a warning is said and deploys"},
    )
    code = fields.String(
        allow_none=True,
        required=True,
        metadata={
            "description": "a warning's kind: a camunda:properties entry accept-warning=<code> accepts it"
        },
    )


class RunningInstanceSchema(Schema):
    instance_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(("running", "error")))
    started_at = Instant(required=True)


class ProblemSchema(Schema):
    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    errors = fields.List(
        fields.Nested(FieldErrorSchema), metadata={"description": "one entry per refused field"}
    )
    problems = fields.List(
        fields.Nested(DiagramProblemSchema), metadata={"description": "problems in the deployed files"}
    )
    element_id = fields.String(metadata={"description": "where the process could not go on"})
    reason = fields.String(
        metadata={
            "description": "a 409's or a 422 script-failure's, definition-fault's or message-undelivered's "
            "cause as a stable word, whatever the language `title` and `detail` are in (e.g. task-completed, "
            "instance-ended, already-running, process-retired, several-waiting, locked-by-another-worker)"
        }
    )
    values = fields.Dict(
        metadata={"description": "what the reason speaks of (ids, names, statuses, ISO 8601 times)"}
    )
    running = fields.List(
        fields.Nested(RunningInstanceSchema),
        metadata={"description": "already-running: the instances of the business key that have not ended"},
    )


class CorrelationSchema(Schema):
    by = fields.String(
        required=True,
        metadata={
            "enum": ["business_key", "variable"],
            "description": "business_key: the message is sent with the business key of the instance that "
            "waits (or with its instance_id); variable: the payload's `property` is the value the instance "
            "holds in its `variable`, and finds it",
        },
    )
    property = fields.String(
        metadata={"description": "by variable: the payload property (required text) that finds the instance"}
    )
    variable = fields.String(
        metadata={"description": "by variable: the instance variable that holds the property's value"}
    )


class MessageContractSchema(Schema):
    name = fields.String(required=True, metadata={"description": "the message name to send"})
    schema = fields.Dict(
        required=True,
        metadata={"description": "the payload's JSON Schema, its titles and labels in the caller's language"},
    )
    correlation = fields.Nested(CorrelationSchema, required=True)


class RetirementSchema(Schema):
    retired_at = Instant(required=True)
    retired_by = fields.String(required=True)
    reason = fields.String(required=True)


class RetireSchema(Schema):
    reason = fields.String(
        load_default="",
        validate=validate.Length(max=2000),
        metadata={"description": "why, for the audit and the people who read the process list"},
    )


class DefinitionSchema(Schema):
    process_key = fields.String(required=True)
    name = fields.String(required=True)
    version = fields.Integer(required=True)
    content_hash = fields.String(required=True)
    documentation = fields.String(required=True)
    main_file = fields.String(required=True)
    deployed_at = Instant(required=True)
    deployed_by = fields.String(required=True)
    messages = fields.List(
        fields.Nested(MessageContractSchema),
        required=True,
        metadata={
            "description": "the messages the process waits for or throws, each with its payload schema"
        },
    )
    start_form = fields.Dict(
        allow_none=True,
        required=True,
        metadata={
            "description": "the JSON Schema the variables of a start must satisfy (the start event's "
            "camunda:formData); null: any object"
        },
    )
    retirement = fields.Nested(
        RetirementSchema,
        allow_none=True,
        required=True,
        metadata={"description": "set when the process starts no new instance; its running instances finish"},
    )


class ElementSchema(Schema):
    element_id = fields.String(required=True)
    kind = fields.String(
        required=True,
        metadata={"description": "the BPMN element: userTask, receiveTask, intermediateCatchEvent, lane, …"},
    )
    name = fields.String(required=True, metadata={"description": "in the language of Accept-Language"})
    diagram_name = fields.String(
        required=True,
        metadata={"description": "as the diagram names it (Finnish): what `lane=` of the lists takes"},
    )


class DefinitionElementsSchema(Schema):
    process_key = fields.String(required=True)
    version = fields.Integer(required=True)
    elements = fields.List(fields.Nested(ElementSchema), required=True)


class DefinitionQuerySchema(Schema):
    version = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))


class DeployFilesSchema(Schema):
    files = fields.List(Upload(), required=True, validate=validate.Length(min=1, max=200))


class DeployResultSchema(Schema):
    deployed = fields.List(fields.Nested(DefinitionSchema), required=True)
    unchanged = fields.List(fields.Nested(DefinitionSchema), required=True)
    warnings = fields.List(
        fields.Nested(DiagramProblemSchema),
        required=True,
        metadata={"description": "what the checks found that may be meant: deployed all the same"},
    )


class TaskSchema(Schema):
    id = fields.String(required=True)
    instance_id = fields.String(required=True)
    process_key = fields.String(required=True)
    business_key = fields.String(allow_none=True, required=True)
    element_id = fields.String(required=True)
    name = fields.String(required=True)
    lane = fields.String(allow_none=True, required=True)
    assignee = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "the user the task is for (camunda:assignee)"},
    )
    candidate_users = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "the users who may take the task (camunda:candidateUsers)"},
    )
    candidate_groups = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "the groups whose members may take the task (camunda:candidateGroups)"},
    )
    form_key = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "the task's form; null: the task takes any JSON object as its data"},
    )
    ready_since = Instant(required=True)


class TaskDetailSchema(TaskSchema):
    documentation = fields.String(required=True)
    form = fields.Dict(
        allow_none=True,
        required=True,
        metadata={
            "description": "the task's JSON Schema form, its titles and labels in the caller's language"
        },
    )
    data = fields.Dict(required=True, metadata={"description": "the variables the task starts from"})


class TimerSchema(Schema):
    element_id = fields.String(required=True)
    name = fields.String(required=True)
    due_at = Instant(required=True)


class MessageWaitSchema(Schema):
    name = fields.String(required=True, metadata={"description": "the message name to send"})
    element_id = fields.String(required=True)
    schema = fields.Dict(
        allow_none=True,
        required=True,
        metadata={
            "description": "the payload's JSON Schema (null on a version deployed without one), its titles "
            "and labels in the caller's language"
        },
    )
    correlation = fields.Nested(CorrelationSchema, required=True)
    lane = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "the lane the diagram draws the catch in: the party the message comes from"},
    )
    waiting_since = Instant(
        allow_none=True,
        required=True,
        metadata={"description": "since when the instance waits for it (null: a wait older than this field)"},
    )


class InstanceErrorSchema(Schema):
    type = fields.String(
        required=True,
        metadata={"enum": list(ERROR_KINDS), "description": "why the instance stopped, in a stable word"},
    )
    message = fields.String(required=True)
    element_id = fields.String(allow_none=True, required=True)
    error_code = fields.String(
        allow_none=True, metadata={"description": "the code of an uncaught BPMN error end event"}
    )


class WaitingStepSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("task", "message", "timer")))
    element_id = fields.String(required=True)
    name = fields.String(required=True, metadata={"description": "the task's or timer's name, the message's"})


class InstanceSummarySchema(Schema):
    id = fields.String(required=True)
    process_key = fields.String(required=True)
    definition_version = fields.Integer(required=True)
    business_key = fields.String(allow_none=True, required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    started_at = Instant(required=True)
    started_by = fields.String(required=True)
    updated_at = Instant(required=True)
    ended_at = Instant(allow_none=True, required=True)
    error = fields.Nested(InstanceErrorSchema, allow_none=True, required=True)
    organisation_name = fields.String(
        allow_none=True, required=True, metadata={"description": "the organisation_name variable, if any"}
    )
    waiting = fields.List(
        fields.Nested(WaitingStepSchema),
        required=True,
        metadata={"description": "where it stands: the tasks, messages and timers it waits for"},
    )
    next_due_at = Instant(
        allow_none=True, required=True, metadata={"description": "when its first pending timer falls due"}
    )


class InstanceSchema(InstanceSummarySchema):
    variables = fields.Dict(required=True)
    ready_tasks = fields.List(fields.Nested(TaskSchema), required=True)
    waiting_messages = fields.List(fields.Nested(MessageWaitSchema), required=True)
    pending_timers = fields.List(fields.Nested(TimerSchema), required=True)
    parties = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": "who plays which lane: lane name -> party (Y-tunnus or OID)"},
    )


def _allow_duplicate():
    return fields.Boolean(
        load_default=False,
        metadata={
            "description": "true: start even when the business key has an instance of the process that has "
            "not ended; false (default): that is answered 409 `already-running`, naming them in `running`"
        },
    )


class StartInstanceSchema(Schema):
    process_key = fields.String(required=True, validate=_KEY)
    business_key = fields.String(
        load_default=None,
        allow_none=True,
        validate=_KEY,
        metadata={
            "description": "the instance's business key, the provider's Y-tunnus; where the process's start "
            "form asks the provider's `business_id`, left out it is that `business_id`, and one that is not "
            "the same is refused with 422 at `/business_key`"
        },
    )
    variables = fields.Dict(keys=fields.String(), load_default=dict, validate=storable_text)
    allow_duplicate = _allow_duplicate()


class StartFormSchema(Schema):
    data = fields.Dict(
        keys=fields.String(),
        required=True,
        validate=storable_text,
        metadata={
            "description": "the fields of the form GET /process-definitions/{process_key}/start answers: "
            "`business_key` becomes the instance's business key, the other fields its variables; where the "
            "form asks the provider's `business_id` instead, that one field is both the business key and a "
            "variable (a `business_key` sent beside it must be the same: 422 at `/data/business_key`)"
        },
    )
    allow_duplicate = _allow_duplicate()


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**31 - 1))


_SORTS = [f"{order}{column}" for column in INSTANCE_SORTS for order in ("", "-")]


class InstanceQuerySchema(PageQuerySchema):
    process_key = fields.String(validate=_KEY)
    status = fields.String(validate=validate.OneOf(STATUSES))
    business_key = fields.String(validate=_KEY)
    search = fields.String(
        data_key="q",
        validate=_KEY,
        metadata={"description": "a part of the business key or of the organisation's name, in any case"},
    )
    version = fields.Integer(validate=_VERSION, metadata={"description": "the definition version"})
    lane = fields.String(validate=_KEY, metadata={"description": "instances with a ready task in this lane"})
    waiting_at = fields.String(
        validate=_KEY,
        metadata={
            "description": "instances waiting at this element: a ready task, message, timer or external task"
        },
    )
    due_before = Instant(
        metadata={
            "description": "instances with a pending timer due before this time (ISO 8601, with offset)"
        }
    )
    sort = fields.String(
        load_default="-started_at",
        validate=validate.OneOf(_SORTS),
        metadata={"description": "started_at, updated_at or next_due_at; a leading - sorts latest first"},
    )


class TaskQuerySchema(PageQuerySchema):
    instance_id = fields.String(validate=_KEY)
    process_key = fields.String(validate=_KEY)
    lane = fields.String(validate=_KEY)
    business_key = fields.String(validate=_KEY)
    assignee = fields.String(validate=_KEY, metadata={"description": "tasks assigned to this user"})
    candidate_user = fields.String(
        validate=_KEY, metadata={"description": "tasks this user is a candidate for (camunda:candidateUsers)"}
    )
    candidate_group = fields.String(
        validate=_KEY,
        metadata={"description": "tasks this group is a candidate for (camunda:candidateGroups)"},
    )
    mine = fields.Boolean(
        load_default=False,
        metadata={
            "description": "true: only the caller's tasks, those assigned to the caller's name or offered "
            "to it as a candidate user"
        },
    )


class PageSchema(Schema):
    total = fields.Integer(
        required=True, metadata={"description": "matches; a lower bound if not total_exact"}
    )
    total_exact = fields.Boolean(
        required=True,
        metadata={"description": f"false when more than {COUNT_CAP:,} match: total is then {COUNT_CAP:,}"},
    )
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)


class InstancePageSchema(PageSchema):
    items = fields.List(fields.Nested(InstanceSummarySchema), required=True)


class TaskPageSchema(PageSchema):
    items = fields.List(fields.Nested(TaskSchema), required=True)


class CompleteTaskSchema(Schema):
    data = fields.Dict(keys=fields.String(), required=True, validate=storable_text)


class MessageSchema(Schema):
    name = fields.String(required=True, validate=_KEY)
    business_key = fields.String(load_default=None, allow_none=True, validate=_KEY)
    instance_id = fields.String(load_default=None, allow_none=True, validate=_KEY)
    correlation_keys = fields.Dict(
        keys=fields.String(),
        load_default=dict,
        validate=storable_text,
        metadata={"description": "variables the instance must hold, each with this value"},
    )
    payload = fields.Dict(keys=fields.String(), load_default=dict, validate=storable_text)


class MessageAnswerSchema(InstanceSchema):
    message_outcome = fields.String(
        required=True,
        metadata={
            "enum": ["delivered", "started"],
            "description": "delivered: to the instance that waited for the message (200); started: no "
            "instance waited, and the message started an instance of the process whose message start event "
            "waits for it (201)",
        },
    )


class HistoryEventSchema(Schema):
    id = fields.Integer(required=True)
    at = Instant(required=True)
    actor = fields.String(required=True)
    kind = fields.String(required=True)
    element_id = fields.String(allow_none=True, required=True)
    task_id = fields.String(allow_none=True, required=True)
    data = fields.Dict(allow_none=True, required=True)


class CatalogueReportSchema(Schema):
    folder = fields.String(required=True)
    checked_at = fields.String(required=True, metadata={"description": "when serve tried to deploy it"})
    files = fields.List(fields.String(), required=True, metadata={"description": "the files with problems"})
    problems = fields.List(fields.Nested(DiagramProblemSchema), required=True)


class HealthSchema(Schema):
    status = fields.String(
        required=True,
        metadata={
            "description": "ok; degraded (the catalogue folder could not be deployed at startup: the "
            "versions deployed before serve); no definitions; unavailable"
        },
    )
    database = fields.String(required=True)
    definitions = fields.Integer(required=True)
    catalogue = fields.Nested(
        CatalogueReportSchema,
        metadata={"description": "present when the catalogue folder could not be deployed at startup"},
    )


class ClockSchema(Schema):
    now = fields.AwareDateTime(required=True, metadata={"description": "the service's time"})
    adjustable = fields.Boolean(
        required=True, metadata={"description": "whether POST /clock/advance may move it (test and training)"}
    )


class AdvanceClockSchema(Schema):
    duration = fields.String(
        required=True,
        validate=validate.Length(min=2, max=40),
        metadata={"description": "ISO 8601 duration, e.g. P3D, PT12H, P2W", "example": "P3D"},
    )


class ClockAdvancedSchema(ClockSchema):
    moved_instances = fields.List(
        fields.String(), required=True, metadata={"description": "instances whose timers fired"}
    )


class IncidentSchema(Schema):
    id = fields.Integer(required=True)
    instance_id = fields.String(
        allow_none=True,
        required=True,
        metadata={
            "description": "the instance it is open on; null: a start met a fault of the diagram and stored "
            "no instance, so the incident is the definition version's (`definition_version`)"
        },
    )
    process_key = fields.String(required=True)
    definition_version = fields.Integer(
        allow_none=True,
        required=True,
        metadata={"description": "the version a start met the fault on (null: an instance's incident)"},
    )
    element_id = fields.String(allow_none=True, required=True)
    kind = fields.String(
        required=True,
        metadata={
            "description": "what failed: an instance error's type (a timer's run), "
            "`definition-fault` (a request or a start met a fault of the diagram), "
            "`external-task-failure` (a worker's failure left its task no retries) or `uncaught-error` (a "
            "worker's BPMN error nothing caught)"
        },
    )
    message = fields.String(required=True)
    failures = fields.Integer(required=True, metadata={"description": "how many times it failed so far"})
    opened_at = Instant(required=True)
    last_failure_at = Instant(required=True)
    resolved_at = Instant(allow_none=True, required=True)
    resolved_by = fields.String(allow_none=True, required=True)
    task_id = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "the external task whose worker's failure opened it (null: a timer's run)"},
    )


class IncidentPageSchema(PageSchema):
    items = fields.List(fields.Nested(IncidentSchema), required=True)


class IncidentQuerySchema(PageQuerySchema):
    process_key = fields.String(validate=_KEY)
    instance_id = fields.String(validate=_KEY)
    open_only = fields.Boolean(
        load_default=True, data_key="open", metadata={"description": "only incidents not yet resolved"}
    )


class VariableChangeSchema(Schema):
    set = fields.Dict(keys=fields.String(), load_default=dict, validate=storable_text)
    remove = fields.List(fields.String(validate=_KEY), load_default=list, validate=validate.Length(max=200))


class ProcessChangeSchema(Schema):
    process_key = fields.String(required=True, metadata={"description": "the process, or one it calls"})
    added = fields.List(fields.String(), required=True, metadata={"description": "element ids"})
    removed = fields.List(fields.String(), required=True)
    changed = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        required=True,
        metadata={"description": "element id → what changed in it"},
    )
    moved_to = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": "element id → the id the new version gives it (matched by its place)"},
    )
    dropped = fields.Boolean(required=True, metadata={"description": "the new version lacks this process"})


class WaitingElementSchema(Schema):
    element_id = fields.String(required=True)
    instances = fields.Integer(required=True, metadata={"description": "instances waiting there now"})
    after = fields.String(
        allow_none=True, required=True, metadata={"description": "where they would wait after migrating"}
    )
    needs_mapping = fields.Boolean(required=True)


class MigrationPlanSchema(Schema):
    process_key = fields.String(required=True)
    from_version = fields.Integer(required=True)
    to_version = fields.Integer(required=True)
    mapping = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    processes = fields.List(fields.Nested(ProcessChangeSchema), required=True)
    waiting = fields.List(fields.Nested(WaitingElementSchema), required=True)
    instances = fields.Integer(required=True, metadata={"description": "instances on the old version"})
    blocked_count = fields.Integer(required=True, metadata={"description": "instances the plan can not move"})
    blocked_instances = fields.List(fields.String(), required=True, metadata={"description": "the first 100"})


def _mapping_entry(text: str) -> None:
    if text.count("=") != 1 or not all(text.split("=")):
        raise ValidationError(f"{text!r} is not OLD=NEW (two element ids)")


class MigrationPlanQuerySchema(Schema):
    to = fields.Integer(required=True, validate=_VERSION, metadata={"description": "version"})
    map = fields.List(
        fields.String(validate=[validate.Length(max=401), _mapping_entry]),
        load_default=list,
        metadata={"description": "OLD=NEW: instances waiting at element OLD wait at NEW after migrating"},
    )


class RefusedInstanceSchema(Schema):
    instance_id = fields.String(required=True)
    reasons = fields.List(fields.String(), required=True)


class MigrationOutcomeSchema(Schema):
    process_key = fields.String(required=True)
    from_version = fields.Integer(required=True)
    to_version = fields.Integer(required=True)
    dry_run = fields.Boolean(required=True)
    migrated = fields.List(fields.String(), required=True, metadata={"description": "moved (or would be)"})
    refused = fields.List(fields.Nested(RefusedInstanceSchema), required=True)


class VersionCountsSchema(Schema):
    version = fields.Integer(required=True)
    statuses = fields.Dict(
        keys=fields.String(validate=validate.OneOf(STATUSES)), values=fields.Integer(), required=True
    )


class InstanceCountsSchema(Schema):
    versions = fields.List(fields.Nested(VersionCountsSchema), required=True)


class MigrationBatchRequestSchema(Schema):
    process_key = fields.String(required=True, validate=_KEY)
    from_version = fields.Integer(required=True, validate=_VERSION)
    to_version = fields.Integer(required=True, validate=_VERSION)
    mapping = fields.Dict(
        keys=fields.String(validate=_KEY), values=fields.String(validate=_KEY), load_default=dict
    )
    instance_ids = fields.List(
        fields.String(validate=_KEY),
        load_default=None,
        validate=validate.Length(max=100_000),
        metadata={
            "description": "the instances to move; all the movable ones of the old version when left out"
        },
    )


class MigrationSchema(MigrationBatchRequestSchema):
    instance_ids = fields.List(
        fields.String(validate=_KEY),
        load_default=None,
        validate=validate.Length(max=1_000),
        metadata={"description": "the instances to move (at most 1,000; more: a batch); all when left out"},
    )
    dry_run = fields.Boolean(load_default=False, metadata={"description": "say what would happen only"})


class MigrationBatchSchema(Schema):
    id = fields.Integer(required=True)
    process_key = fields.String(required=True)
    from_version = fields.Integer(required=True)
    to_version = fields.Integer(required=True)
    mapping = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    total = fields.Integer(required=True, metadata={"description": "instances the batch moves"})
    done = fields.Integer(required=True, metadata={"description": "instances handled so far"})
    migrated = fields.Integer(required=True)
    refused_count = fields.Integer(required=True)
    refused = fields.List(
        fields.Nested(RefusedInstanceSchema), required=True, metadata={"description": "the first 100"}
    )
    status = fields.String(required=True, validate=validate.OneOf(("queued", "running", "finished")))
    created_by = fields.String(required=True)
    created_at = Instant(required=True)
    finished_at = Instant(allow_none=True, required=True)


# ---- external tasks ------------------------------------------------------------------------------------

_MAX_LOCK_MS = 7 * 24 * 3600 * 1000
_MESSAGE = [validate.Length(max=4000), storable_text]


class ExternalTaskSchema(Schema):
    id = fields.String(required=True, metadata={"description": "the task_id to act on it with"})
    instance_id = fields.String(required=True)
    process_key = fields.String(required=True)
    business_key = fields.String(allow_none=True, required=True)
    element_id = fields.String(required=True)
    name = fields.String(required=True, metadata={"description": "the service task's name in the diagram"})
    topic = fields.String(required=True, metadata={"description": "the service task's camunda:topic"})
    created_at = Instant(required=True)
    worker_id = fields.String(allow_none=True, required=True, metadata={"description": "who holds the lock"})
    lock_expires_at = Instant(
        allow_none=True, required=True, metadata={"description": "past it, the task is fetchable again"}
    )
    retries = fields.Integer(
        allow_none=True,
        required=True,
        metadata={"description": "left after the last failure (null: none yet); 0: an incident is open"},
    )
    error_message = fields.String(allow_none=True, required=True)
    error_details = fields.String(allow_none=True, required=True)
    retry_at = Instant(
        allow_none=True, required=True, metadata={"description": "not fetchable before (a failure's timeout)"}
    )


class LockedExternalTaskSchema(ExternalTaskSchema):
    variables = fields.Dict(
        required=True, metadata={"description": "the instance's variables (those the topic named, if any)"}
    )


class ExternalTaskPageSchema(PageSchema):
    items = fields.List(fields.Nested(ExternalTaskSchema), required=True)


class ExternalTaskQuerySchema(PageQuerySchema):
    topic = fields.String(validate=_KEY)
    locked = fields.Boolean(
        metadata={"description": "true: only tasks whose lock holds now; false: only those not locked"}
    )
    instance_id = fields.String(validate=_KEY)
    process_key = fields.String(validate=_KEY)
    worker_id = fields.String(validate=_KEY)


class TopicSchema(Schema):
    name = fields.String(required=True, validate=_KEY, metadata={"description": "a service task's topic"})
    lock_duration_ms = fields.Integer(
        required=True,
        validate=validate.Range(min=1, max=_MAX_LOCK_MS),
        metadata={"description": "how long the fetched tasks stay locked for this worker"},
    )
    variables = fields.List(
        fields.String(validate=_KEY),
        load_default=None,
        allow_none=True,
        metadata={"description": "the variables to fetch; all when left out"},
    )
    business_key = fields.String(
        load_default=None,
        allow_none=True,
        validate=_KEY,
        metadata={"description": "only the tasks of the instance with this business key"},
    )
    process_keys = fields.List(
        fields.String(validate=_KEY),
        load_default=None,
        allow_none=True,
        metadata={"description": "only the tasks of instances of these processes"},
    )


class FetchAndLockSchema(Schema):
    worker_id = fields.String(required=True, validate=_KEY)
    max_tasks = fields.Integer(load_default=10, validate=validate.Range(min=1, max=100))
    topics = fields.List(fields.Nested(TopicSchema), required=True, validate=validate.Length(min=1, max=100))


class WorkerSchema(Schema):
    worker_id = fields.String(required=True, validate=_KEY, metadata={"description": "who holds the lock"})


class CompleteExternalTaskSchema(WorkerSchema):
    variables = fields.Dict(keys=fields.String(), load_default=dict, validate=storable_text)


class ExternalTaskFailureSchema(WorkerSchema):
    error_message = fields.String(
        load_default=None, allow_none=True, validate=[validate.Length(max=4000), storable_text]
    )
    error_details = fields.String(
        load_default=None, allow_none=True, validate=[validate.Length(max=100_000), storable_text]
    )
    retries = fields.Integer(
        required=True,
        validate=validate.Range(min=0, max=2**31 - 1),
        metadata={"description": "retries left; 0 opens an incident on the instance"},
    )
    retry_timeout_ms = fields.Integer(
        load_default=0,
        validate=validate.Range(min=0, max=_MAX_LOCK_MS),
        metadata={"description": "the task is not fetched again before this has passed"},
    )


class BpmnErrorSchema(WorkerSchema):
    error_code = fields.String(
        required=True,
        validate=_KEY,
        metadata={"description": "caught by the error boundary event with this code"},
    )
    error_message = fields.String(
        load_default=None, allow_none=True, validate=[validate.Length(max=4000), storable_text]
    )
    variables = fields.Dict(keys=fields.String(), load_default=dict, validate=storable_text)


class ExtendLockSchema(WorkerSchema):
    new_duration_ms = fields.Integer(
        required=True,
        validate=validate.Range(min=1, max=_MAX_LOCK_MS),
        metadata={"description": "the lock then holds this long from now"},
    )


class RetryIncidentSchema(Schema):
    retries = fields.Integer(
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=1, max=2**31 - 1),
        metadata={"description": "an external task's incident: the retries the task gets back (default 1)"},
    )


class OversightQuerySchema(Schema):
    due_within_days = fields.Integer(
        load_default=7,
        validate=validate.Range(min=1, max=366),
        metadata={"description": "how far ahead `due_soon` looks, in days"},
    )


class WaitingCountSchema(Schema):
    element_id = fields.String(required=True)
    kind = fields.String(
        required=True, validate=validate.OneOf(["task", "message", "timer", "external_task"])
    )
    instances = fields.Integer(required=True, metadata={"description": "running instances waiting there"})


class DueTimerSchema(Schema):
    instance_id = fields.String(required=True)
    business_key = fields.String(allow_none=True, required=True)
    element_id = fields.String(required=True)
    name = fields.String(required=True)
    due_at = Instant(required=True)


class LateInstanceSchema(Schema):
    instance_id = fields.String(required=True)
    business_key = fields.String(allow_none=True, required=True)
    element_id = fields.String(required=True, metadata={"description": "the reminder that fired"})
    name = fields.String(required=True, metadata={"description": "the reminder's name"})
    waiting_at = fields.String(
        required=True, metadata={"description": "the element the reminder is attached to, still waiting"}
    )
    fired_at = Instant(required=True, metadata={"description": "when it last fired"})


class OversightSchema(Schema):
    process_key = fields.String(required=True)
    now = fields.AwareDateTime(required=True, metadata={"description": "the service's time it was read at"})
    due_within_days = fields.Integer(required=True)
    waiting = fields.List(fields.Nested(WaitingCountSchema), required=True)
    overdue = fields.List(fields.Nested(DueTimerSchema), required=True)
    overdue_total = fields.Integer(
        required=True, metadata={"description": "all of them (the list holds 200)"}
    )
    due_soon = fields.List(fields.Nested(DueTimerSchema), required=True)
    due_soon_total = fields.Integer(required=True)
    late = fields.List(fields.Nested(LateInstanceSchema), required=True)
    late_total = fields.Integer(required=True)


class DeployQuerySchema(Schema):
    forms_from_catalogue = fields.Boolean(
        load_default=False,
        metadata={
            "description": "take a form or message contract the upload lacks from the processes deployed"
        },
    )
