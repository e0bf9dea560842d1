"""The engine's service functions: each call is one unit of work on the store.

A call loads what it needs, lets SpiffWorkflow act, writes the instance's state, its projections
(ready human tasks, pending timers, message subscriptions) and an audit event, and commits. A
write based on a stale revision of an instance is retried from the start: if what the caller asked
for is still possible (another branch of the same instance moved meanwhile) it then succeeds, and if
it is not (the task was completed by someone else) the caller gets a Conflict.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path

from SpiffWorkflow.bpmn.specs.event_definitions import ErrorEventDefinition, MessageEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.exceptions import WorkflowException
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import catalogue, clock, forms
from .problems import Conflict, FieldError, InvalidData, NotFound, ScriptFailure
from .scripting import RestrictedScriptEngine
from .spiff import MessageEvent, Serializer
from .store.database import connect, migrate
from .store.models import (
    AuditEvent,
    DefinitionVersion,
    MessageSubscription,
    PendingTimer,
    ProcessInstance,
    ReadyTask,
)
from .views import (
    DefinitionView,
    DeployResult,
    HistoryEvent,
    InstanceView,
    MessageWaitView,
    Page,
    TaskView,
    TimerView,
)

RUNNING, COMPLETED, ERROR, CANCELLED = "running", "completed", "error", "cancelled"
STATUSES = (RUNNING, COMPLETED, ERROR, CANCELLED)
CONFLICT_RETRIES = 8
COUNT_CAP = 10_000
_VARIABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass
class _Change:
    """What one unit of work did to an instance, for its audit event."""

    kind: str
    element_id: str | None = None
    task_id: str | None = None
    data: dict | None = None


@dataclass(frozen=True)
class _LoadedDefinition:
    """A definition version as the engine runs it; versions never change, so it is cached for good."""

    id: int
    version: int
    spec: object
    subprocess_specs: dict
    forms: dict


@dataclass
class _Run:
    """A workflow being moved on by one unit of work, and what happened while it moved."""

    workflow: BpmnWorkflow
    definition: _LoadedDefinition
    completed_before: set = field(default_factory=set)
    failure: dict | None = None
    cancelled: bool = False

    def __post_init__(self):
        finished = self.workflow.get_tasks(state=TaskState.COMPLETED | TaskState.CANCELLED)
        self.completed_before = {t.id for t in finished if t.state == TaskState.COMPLETED}
        self.cancelled_before = {t.id for t in finished if t.state == TaskState.CANCELLED}
        self.waiting_before = set(self.workflow.event_manager.tasks)

    def step(self) -> None:
        """Run every engine task that can run; a failing script puts the instance in error."""
        try:
            self.workflow.do_engine_steps()
        except Exception as error:  # any failure of diagram code must not escape as a crash
            self.failure = _failure(error)

    @cached_property
    def tasks_now(self) -> list:
        """Every task once the unit of work has moved the workflow, in tree order: one walk of the task
        tree serves the audit, the variables and the projections (read only after the workflow moved)."""
        return self.workflow.get_tasks()

    def newly_completed(self):
        return [
            t
            for t in self.tasks_now
            if t.state == TaskState.COMPLETED
            and t.id not in self.completed_before
            and t.task_spec.bpmn_id is not None
        ]


def _refused(failure: dict) -> ScriptFailure:
    """A caller's request the diagram could not go on with (a condition naming data the request did not
    give, a script over its time limit) is refused and nothing of it is stored: the instance stays at the
    wait state it was in, as a synchronous failure rolls back in Camunda, and the caller can send corrected
    data. Only a timer, which nobody waits on, leaves an instance in error status."""
    return ScriptFailure(failure["element_id"] or "(unknown element)", failure["message"])


def _failure(error: Exception) -> dict:
    task_spec = getattr(error, "task_spec", None)
    cause = getattr(error, "__cause__", None) or error
    return {
        "element_id": getattr(task_spec, "bpmn_id", None),
        "message": str(error),
        "type": type(cause).__name__,
    }


class Engine:
    """Runs the catalogue's processes durably over one database."""

    def __init__(
        self, database_url: str, *, clock_source=None, script_timeout: float = 2.0, apply_migrations=True
    ):
        if clock_source is not None:
            clock.use_clock(clock_source)
        self.db = connect(database_url)
        if apply_migrations:
            migrate(self.db)
        self._sessions = sessionmaker(self.db, expire_on_commit=False)
        self.serializer = Serializer()
        self.script_engine = RestrictedScriptEngine(timeout_seconds=script_timeout)
        self._definitions: dict[int, _LoadedDefinition] = {}

    def close(self) -> None:
        self.db.dispose()

    def health(self) -> dict:
        """Whether the database answers and how many processes are deployed."""
        try:
            with self._sessions() as session:
                deployed = session.scalar(select(func.count(func.distinct(DefinitionVersion.process_key))))
        except SQLAlchemyError:
            return {"status": "unavailable", "database": "unreachable", "definitions": 0}
        status = "ok" if deployed else "no definitions"
        return {"status": status, "database": "reachable", "definitions": deployed}

    # ---- definitions -------------------------------------------------------------------------------

    def deploy(self, files: Mapping[str, bytes], actor: str) -> DeployResult:
        """Check and store the processes in ``files``; a process whose content changed gets a new version."""
        definitions = catalogue.build(files, self.serializer)
        deployed, unchanged = [], []
        with self._sessions() as session:
            for key, definition in sorted(definitions.items()):
                latest = self._latest_definition(session, key)
                if latest is not None and latest.content_hash == definition.content_hash:
                    unchanged.append(_definition_view(latest))
                    continue
                row = DefinitionVersion(
                    process_key=key,
                    version=(latest.version + 1) if latest else 1,
                    name=definition.name,
                    documentation=definition.documentation,
                    content_hash=definition.content_hash,
                    spec=definition.spec,
                    sources=definition.sources,
                    main_file=definition.main_file,
                    forms=definition.forms,
                    deployed_at=clock.now(),
                    deployed_by=actor,
                )
                session.add(row)
                session.add(
                    _audit(actor, "definition_deployed", data={"process_key": key, "version": row.version})
                )
                deployed.append(row)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                raise Conflict(
                    "another deployment of the same process was stored at the same time; retry"
                ) from None
        return DeployResult([_definition_view(r) for r in deployed], unchanged)

    def deploy_folder(self, root: Path, actor: str) -> DeployResult:
        return self.deploy(catalogue.read_folder(Path(root)), actor)

    def list_definitions(self) -> list[DefinitionView]:
        with self._sessions() as session:
            latest = (
                select(DefinitionVersion.process_key, func.max(DefinitionVersion.version).label("version"))
                .group_by(DefinitionVersion.process_key)
                .subquery()
            )
            rows = session.scalars(
                select(DefinitionVersion)
                .join(
                    latest,
                    (DefinitionVersion.process_key == latest.c.process_key)
                    & (DefinitionVersion.version == latest.c.version),
                )
                .order_by(DefinitionVersion.process_key)
            ).all()
            return [_definition_view(r) for r in rows]

    def get_definition(self, key: str, version: int | None = None) -> DefinitionView:
        with self._sessions() as session:
            return _definition_view(self._definition_row(session, key, version))

    def definition_versions(self, key: str) -> list[DefinitionView]:
        with self._sessions() as session:
            rows = session.scalars(
                select(DefinitionVersion)
                .where(DefinitionVersion.process_key == key)
                .order_by(DefinitionVersion.version)
            ).all()
            if not rows:
                raise NotFound(f'no process "{key}" is deployed')
            return [_definition_view(r) for r in rows]

    def definition_source(self, key: str, version: int | None = None) -> str:
        """The BPMN file of the process as it was deployed."""
        with self._sessions() as session:
            row = self._definition_row(session, key, version)
            return row.sources[row.main_file]

    # ---- instances ----------------------------------------------------------------------------------

    def start_instance(
        self,
        process_key: str,
        *,
        actor: str,
        business_key: str | None = None,
        variables: Mapping | None = None,
        idempotency_key: str | None = None,
    ) -> InstanceView:
        """Start the latest version of ``process_key``. A retried start with the same idempotency key
        returns the instance the first one started."""
        variables = _checked_variables(variables, "variables")
        with self._sessions() as session:
            if idempotency_key:
                existing = self._instance_for_idempotency_key(session, idempotency_key)
                if existing is not None:
                    return self._repeat_of_start(session, existing, process_key, business_key)
            definition = self._loaded(session, self._definition_row(session, process_key, None).id)
            workflow = BpmnWorkflow(
                definition.spec, definition.subprocess_specs, script_engine=self.script_engine
            )
            for start in workflow.get_tasks(state=TaskState.READY):
                start.set_data(**variables)
            run = _Run(workflow, definition)
            run.step()
            if run.failure is not None:
                raise _refused(run.failure)
            now = clock.now()
            row = ProcessInstance(
                id=str(uuid.uuid4()),
                definition_id=definition.id,
                process_key=process_key,
                business_key=business_key,
                status=RUNNING,
                idempotency_key=idempotency_key,
                started_at=now,
                started_by=actor,
                updated_at=now,
            )
            change = _Change("instance_started", data={"business_key": business_key, "variables": variables})
            projections = self._write(session, row, run, actor, change, existing_ready={})
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                existing = idempotency_key and self._instance_for_idempotency_key(session, idempotency_key)
                if existing:
                    return self._repeat_of_start(session, existing, process_key, business_key)
                raise
            return self._instance_view(session, row, *projections)

    def get_instance(self, instance_id: str) -> InstanceView:
        with self._sessions() as session:
            row = self._instance_row(session, instance_id)
            return self._instance_view(session, row, *self._projections(session, row.id))

    def list_instances(
        self,
        *,
        process_key: str | None = None,
        status: str | None = None,
        business_key: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[InstanceView]:
        if status is not None and status not in STATUSES:
            raise InvalidData(
                f'unknown status "{status}"', [FieldError("status", f"one of {', '.join(STATUSES)}")]
            )
        query = select(ProcessInstance, DefinitionVersion.version).join(DefinitionVersion)
        for column, value in (
            (ProcessInstance.process_key, process_key),
            (ProcessInstance.status, status),
            (ProcessInstance.business_key, business_key),
        ):
            if value is not None:
                query = query.where(column == value)
        with self._sessions() as session:
            total, exact = _count(session, query)
            rows = session.execute(
                query.order_by(ProcessInstance.started_at.desc(), ProcessInstance.id)
                .limit(limit)
                .offset(offset)
            ).all()
            items = [self._instance_view(session, row, [], [], [], version) for row, version in rows]
            return Page(items, total, limit, offset, exact)

    def cancel_instance(self, instance_id: str, *, actor: str) -> InstanceView:
        def cancel(run: _Run) -> _Change:
            run.workflow.cancel()
            run.cancelled = True
            return _Change("instance_cancelled")

        return self._act(instance_id, cancel, actor)

    def history(self, instance_id: str) -> list[HistoryEvent]:
        with self._sessions() as session:
            self._instance_row(session, instance_id)
            rows = session.scalars(
                select(AuditEvent).where(AuditEvent.instance_id == instance_id).order_by(AuditEvent.id)
            ).all()
            return [_history_event(r) for r in rows]

    # ---- tasks ------------------------------------------------------------------------------------

    def list_tasks(
        self,
        *,
        instance_id: str | None = None,
        process_key: str | None = None,
        lane: str | None = None,
        business_key: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[TaskView]:
        query = select(ReadyTask)
        for column, value in (
            (ReadyTask.instance_id, instance_id),
            (ReadyTask.process_key, process_key),
            (ReadyTask.lane, lane),
            (ReadyTask.business_key, business_key),
        ):
            if value is not None:
                query = query.where(column == value)
        with self._sessions() as session:
            total, exact = _count(session, query)
            rows = session.scalars(
                query.order_by(ReadyTask.ready_since, ReadyTask.id).limit(limit).offset(offset)
            ).all()
            return Page([_task_view(r) for r in rows], total, limit, offset, exact)

    def get_task(self, task_id: str) -> TaskView:
        """A ready human task with its form, its instructions and the data it starts from."""
        with self._sessions() as session:
            ready = self._ready_task(session, task_id)
            row = self._instance_row(session, ready.instance_id)
            definition = self._loaded(session, row.definition_id)
            task = self._restore(session, row).get_task_from_id(uuid.UUID(task_id))
            return _task_view(
                ready,
                documentation=task.task_spec.documentation or "",
                form=definition.forms.get(ready.form_key) if ready.form_key else None,
                data=_json_safe(task.data),
            )

    def complete_task(self, task_id: str, data: Mapping | None, *, actor: str) -> InstanceView:
        """Complete a ready human task with ``data``, which must satisfy the task's form."""
        data = _checked_variables(data, "data")
        with self._sessions() as session:
            ready = self._ready_task(session, task_id)
            instance_id = ready.instance_id

        def complete(run: _Run) -> _Change:
            task = run.workflow.get_task_from_id(uuid.UUID(task_id))
            if task is None or not task.task_spec.manual:
                raise NotFound(f'no human task "{task_id}" in instance {instance_id}')
            if task.state != TaskState.READY:
                state = TaskState.get_name(task.state).lower()
                raise Conflict(f'task "{task.task_spec.bpmn_name}" is not ready: it is {state}')
            form_key = _form_key(task.task_spec)
            if form_key:
                forms.validate(run.definition.forms[form_key], data, f'task "{task.task_spec.bpmn_name}"')
            task.set_data(**data)
            task.run()
            return _Change("task_completed", task.task_spec.bpmn_id, task_id, data)

        return self._act(instance_id, complete, actor)

    # ---- events -----------------------------------------------------------------------------------

    def deliver_message(
        self,
        name: str,
        *,
        actor: str,
        business_key: str | None = None,
        instance_id: str | None = None,
        payload: Mapping | None = None,
    ) -> InstanceView:
        """Deliver message ``name`` to the one instance waiting for it, found by business key or id."""
        payload = _checked_variables(payload, "payload")
        if business_key is None and instance_id is None:
            raise InvalidData(
                "say which instance the message is for",
                [FieldError("business_key", "give business_key or instance_id")],
            )
        query = (
            select(MessageSubscription.instance_id).where(MessageSubscription.message_name == name).distinct()
        )
        if business_key is not None:
            query = query.where(MessageSubscription.business_key == business_key)
        if instance_id is not None:
            query = query.where(MessageSubscription.instance_id == instance_id)
        with self._sessions() as session:
            waiting = session.scalars(query).all()
        target = f"business key {business_key!r}" if business_key is not None else f"instance {instance_id}"
        if not waiting:
            raise NotFound(f'no running instance with {target} is waiting for message "{name}"')
        if len(waiting) > 1:
            raise Conflict(
                f'{len(waiting)} instances with {target} wait for message "{name}" ({", ".join(waiting)}); '
                "send it to one of them by instance_id"
            )

        def deliver(run: _Run) -> _Change:
            try:
                run.workflow.send_event(BpmnEvent(MessageEvent(name), dict(payload)))
            except WorkflowException:
                raise Conflict(f'instance {waiting[0]} is no longer waiting for message "{name}"') from None
            return _Change("message_received", data={"message": name, "payload": payload})

        return self._act(waiting[0], deliver, actor)

    def fire_due_timers(self, *, actor: str = "timer", limit: int = 500) -> list[str]:
        """Fire every timer due by the clock's now; return the ids of the instances that moved."""
        now = clock.now()
        with self._sessions() as session:
            due = session.scalars(
                select(PendingTimer.instance_id)
                .where(PendingTimer.due_at <= now)
                .group_by(PendingTimer.instance_id)
                .order_by(func.min(PendingTimer.due_at))
                .limit(limit)
            ).all()

        def fire(run: _Run) -> _Change | None:
            waiting = [t for t in run.workflow.event_manager.tasks.values() if _timer_due(t) is not None]
            run.workflow.refresh_timers()
            fired = [t.task_spec.bpmn_id for t in waiting if t.state != TaskState.WAITING]
            if not fired:
                return None  # another process fired them first
            return _Change("timers_fired", data={"timers": fired, "clock": now.isoformat()})

        moved = []
        for instance_id in due:
            try:
                if self._act(instance_id, fire, actor, claim_due_by=now) is not None:
                    moved.append(instance_id)
            except (NotFound, Conflict):
                continue  # cancelled or finished meanwhile: its timers are gone with it
        return moved

    # ---- time ---------------------------------------------------------------------------------------

    def clock_reading(self) -> tuple[datetime, bool]:
        """The service's time now, and whether its clock is adjustable (moved by ``advance_clock``)."""
        return clock.now(), isinstance(clock.current_clock(), clock.ManualClock)

    def advance_clock(self, duration: str, *, actor: str) -> tuple[datetime, list[str]]:
        """Move an adjustable clock on by an ISO 8601 ``duration`` (``P3D``, ``PT12H``, ``P2W``) and fire
        what fell due; answers the new time and the instances that moved. For acceptance tests and
        training environments: a service on the system clock refuses."""
        current = clock.current_clock()
        if not isinstance(current, clock.ManualClock):
            raise Conflict("the service's clock follows the system time; only an adjustable clock moves")
        before = current.now()
        try:
            # The same reading of durations as the diagrams' timers (months and years from "now").
            step = TimerEventDefinition.get_timedelta_from_start(
                TimerEventDefinition.parse_iso_duration(duration), before
            )
        except Exception:  # Spiff's parser raises several kinds for text it can not read
            step = None
        if step is None or step <= timedelta(0):
            raise InvalidData(
                f'"{duration}" is not a positive ISO 8601 duration',
                [
                    FieldError(
                        "duration", "an ISO 8601 duration such as P3D, PT12H or P2W; time only moves on"
                    )
                ],
            )
        after = current.advance(step)
        with self._sessions.begin() as session:
            moved = {"from": before.isoformat(), "to": after.isoformat(), "duration": duration}
            session.add(_audit(actor, "clock_advanced", data=moved, at=after))
        return after, self.fire_due_timers(actor=actor)

    # ---- the unit of work -------------------------------------------------------------------------

    def _act(
        self,
        instance_id: str,
        action: Callable[[_Run], _Change | None],
        actor: str,
        *,
        claim_due_by: datetime | None = None,
    ) -> InstanceView | None:
        """Apply ``action`` to the instance in one unit of work; an action that finds nothing to do
        (answers None) writes nothing and the call answers None. With ``claim_due_by`` the instance is
        only taken if it still has a timer due by then and no other transaction holds it (else None)."""
        for _attempt in range(CONFLICT_RETRIES):
            with self._sessions() as session:
                if claim_due_by is None:
                    row = self._instance_row(session, instance_id)
                else:
                    row = self._claim_due(session, instance_id, claim_due_by)
                    if row is None:
                        return None
                if row.status != RUNNING:
                    raise Conflict(f"instance {instance_id} is {row.status}; it can not change any more")
                run = _Run(self._restore(session, row), self._loaded(session, row.definition_id))
                existing_ready = {
                    t.id: t for t in session.scalars(select(ReadyTask).where(ReadyTask.instance_id == row.id))
                }
                change = action(run)
                if change is None:
                    return None
                if not run.cancelled:
                    run.step()
                if run.failure is not None and claim_due_by is None:
                    raise _refused(run.failure)
                try:
                    projections = self._write(session, row, run, actor, change, existing_ready)
                    session.commit()
                except StaleDataError:
                    session.rollback()
                    continue  # another writer moved the instance; try again on its state
                return self._instance_view(session, row, *projections)
        raise Conflict(f"instance {instance_id} kept changing while this request was applied; retry it")

    @staticmethod
    def _claim_due(session: Session, instance_id: str, due_by: datetime) -> ProcessInstance | None:
        """Lock a running instance that still has a timer due, skipping one another transaction holds.

        On PostgreSQL (FOR UPDATE SKIP LOCKED) timer workers running at once split the due instances
        instead of queueing on the same rows; the lock goes with the transaction, so a worker that dies
        mid-claim leaves the timer pending for the next. SQLite has no row locks and ignores the clause:
        there, as everywhere, the revision check keeps a timer from firing twice.
        """
        still_due = (
            select(PendingTimer.id)
            .where(PendingTimer.instance_id == instance_id, PendingTimer.due_at <= due_by)
            .exists()
        )
        return session.scalars(
            select(ProcessInstance)
            .where(ProcessInstance.id == instance_id, ProcessInstance.status == RUNNING, still_due)
            .with_for_update(skip_locked=True)
        ).first()

    def _write(
        self, session, row: ProcessInstance, run: _Run, actor: str, change: _Change, existing_ready: dict
    ):
        workflow = run.workflow
        now = clock.now()
        events = workflow.get_events()
        error_end = next((e for e in events if isinstance(e.event_definition, ErrorEventDefinition)), None)
        new = row not in session
        previous = None if new else row.status
        if run.cancelled:
            row.status = CANCELLED
        elif run.failure is not None:
            row.status, row.error = ERROR, run.failure
        elif error_end is not None:
            definition = error_end.event_definition
            row.status = ERROR
            code = definition.code or definition.name
            row.error = {
                "element_id": _error_end_element(run, definition),
                "message": f'the process ended with error "{code}" that nothing caught',
                "type": "UncaughtError",
                "error_code": definition.code,
            }
        elif workflow.is_completed():
            row.status = COMPLETED
        row.state = self.serializer.dump_state(workflow)
        row.variables = _current_variables(workflow, run.tasks_now)
        row.updated_at = now
        if row.status != RUNNING:
            row.ended_at = now
        if new:
            session.add(row)

        audit = [_audit_row(actor, change.kind, row.id, change.element_id, change.task_id, change.data, now)]
        for task in run.newly_completed():
            audit.append(
                _audit_row(
                    actor,
                    "element_completed",
                    row.id,
                    task.task_spec.bpmn_id,
                    str(task.id),
                    {
                        "name": task.task_spec.bpmn_name,
                        "type": type(task.task_spec).__name__,
                        "process": task.workflow.spec.name,
                        "came_from": _came_from(task, run.cancelled_before),
                    },
                    now,
                )
            )
        if row.status not in (previous, RUNNING) and change.kind != f"instance_{row.status}":
            audit.append(_audit_row(actor, f"instance_{row.status}", row.id, data=row.error, at=now))
        # One multi-row INSERT, in this order; the instance row is flushed first (autoflush), so a stale
        # revision still fails here, before anything of this unit of work is written.
        session.execute(insert(AuditEvent), audit)
        return self._write_projections(session, row, run, existing_ready, now)

    def _write_projections(self, session: Session, row: ProcessInstance, run: _Run, existing: dict, now):
        """Bring the instance's projections in line with its workflow, writing only what changed."""
        workflow = run.workflow
        running = row.status == RUNNING
        ready = {}
        if running:
            for task in (t for t in run.tasks_now if t.state == TaskState.READY and t.task_spec.manual):
                task_id = str(task.id)
                ready[task_id] = existing.get(task_id) or ReadyTask(
                    id=task_id,
                    instance_id=row.id,
                    process_key=row.process_key,
                    business_key=row.business_key,
                    element_id=task.task_spec.bpmn_id,
                    name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
                    lane=task.task_spec.lane,
                    form_key=_form_key(task.task_spec),
                    ready_since=now,
                )
        for task_id, stale in existing.items():
            if task_id not in ready:
                session.delete(stale)
        session.add_all(t for task_id, t in ready.items() if task_id not in existing)

        timers, messages = [], []
        if running:
            for task in workflow.event_manager.tasks.values():
                for definition in _event_definitions(task.task_spec.event_definition):
                    spec = task.task_spec
                    if isinstance(definition, MessageEventDefinition):
                        messages.append(
                            MessageSubscription(
                                instance_id=row.id,
                                task_id=str(task.id),
                                element_id=spec.bpmn_id,
                                message_name=definition.name,
                                business_key=row.business_key,
                            )
                        )
                    elif (
                        isinstance(definition, TimerEventDefinition) and (due := _timer_due(task)) is not None
                    ):
                        timers.append(
                            PendingTimer(
                                instance_id=row.id,
                                task_id=str(task.id),
                                element_id=spec.bpmn_id,
                                name=spec.bpmn_name or definition.name or spec.bpmn_id,
                                due_at=due,
                            )
                        )
        waiting_now = set(workflow.event_manager.tasks) if running else set()
        if waiting_now != run.waiting_before:
            # No ORM bookkeeping for these rows: none of them is loaded in this session.
            unsynchronized = {"synchronize_session": False}
            session.execute(
                delete(PendingTimer).where(PendingTimer.instance_id == row.id),
                execution_options=unsynchronized,
            )
            session.execute(
                delete(MessageSubscription).where(MessageSubscription.instance_id == row.id),
                execution_options=unsynchronized,
            )
            session.add_all(timers + messages)
        ordered = sorted(ready.values(), key=lambda t: (t.ready_since, t.id))
        return ordered, messages, sorted(timers, key=lambda t: t.due_at)

    # ---- reading --------------------------------------------------------------------------------

    def _restore(self, session: Session, row: ProcessInstance) -> BpmnWorkflow:
        definition = self._loaded(session, row.definition_id)
        workflow = self.serializer.load_state(row.state, definition.spec, definition.subprocess_specs)
        # The script engine is not part of the stored state: without this the unrestricted default runs.
        workflow.script_engine = self.script_engine
        return workflow

    def _loaded(self, session: Session, definition_id: int) -> _LoadedDefinition:
        loaded = self._definitions.get(definition_id)
        if loaded is None:
            row = session.get(DefinitionVersion, definition_id)
            spec, subprocess_specs = self.serializer.load_spec(row.spec)
            loaded = _LoadedDefinition(row.id, row.version, spec, subprocess_specs, row.forms)
            self._definitions[definition_id] = loaded
        return loaded

    @staticmethod
    def _latest_definition(session: Session, key: str) -> DefinitionVersion | None:
        return session.scalars(
            select(DefinitionVersion)
            .where(DefinitionVersion.process_key == key)
            .order_by(DefinitionVersion.version.desc())
            .limit(1)
        ).first()

    def _definition_row(self, session: Session, key: str, version: int | None) -> DefinitionVersion:
        if version is None:
            row = self._latest_definition(session, key)
        else:
            row = session.scalars(
                select(DefinitionVersion).where(
                    DefinitionVersion.process_key == key, DefinitionVersion.version == version
                )
            ).first()
        if row is None:
            which = f'process "{key}"' if version is None else f'version {version} of process "{key}"'
            raise NotFound(f"no {which} is deployed")
        return row

    @staticmethod
    def _instance_row(session: Session, instance_id: str) -> ProcessInstance:
        row = session.get(ProcessInstance, instance_id) if _is_uuid(instance_id) else None
        if row is None:
            raise NotFound(f"no process instance {instance_id}")
        return row

    @staticmethod
    def _ready_task(session: Session, task_id: str) -> ReadyTask:
        ready = session.get(ReadyTask, task_id) if _is_uuid(task_id) else None
        if ready is not None:
            return ready
        done = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.task_id == task_id, AuditEvent.kind == "task_completed")
            .limit(1)
        ).first()
        if done is not None:
            raise Conflict(
                f"task {task_id} is not ready: it was completed by {done.actor} at {done.at.isoformat()}"
            )
        raise NotFound(f"no ready task {task_id}")

    @staticmethod
    def _instance_for_idempotency_key(session: Session, key: str) -> ProcessInstance | None:
        return session.scalars(select(ProcessInstance).where(ProcessInstance.idempotency_key == key)).first()

    def _repeat_of_start(self, session, existing: ProcessInstance, process_key, business_key) -> InstanceView:
        if existing.process_key != process_key or existing.business_key != business_key:
            raise Conflict(
                f"the idempotency key was already used to start instance {existing.id} "
                f'of "{existing.process_key}" with another process or business key'
            )
        return self._instance_view(session, existing, *self._projections(session, existing.id))

    @staticmethod
    def _projections(session: Session, instance_id: str):
        ready = session.scalars(
            select(ReadyTask)
            .where(ReadyTask.instance_id == instance_id)
            .order_by(ReadyTask.ready_since, ReadyTask.id)
        ).all()
        messages = session.scalars(
            select(MessageSubscription)
            .where(MessageSubscription.instance_id == instance_id)
            .order_by(MessageSubscription.id)
        ).all()
        timers = session.scalars(
            select(PendingTimer).where(PendingTimer.instance_id == instance_id).order_by(PendingTimer.due_at)
        ).all()
        return ready, messages, timers

    def _instance_view(self, session: Session, row: ProcessInstance, ready, messages, timers, version=None):
        return InstanceView(
            id=row.id,
            process_key=row.process_key,
            definition_version=version or self._loaded(session, row.definition_id).version,
            business_key=row.business_key,
            status=row.status,
            started_at=row.started_at,
            started_by=row.started_by,
            updated_at=row.updated_at,
            ended_at=row.ended_at,
            variables=row.variables,
            error=row.error,
            ready_tasks=[_task_view(t) for t in ready],
            waiting_messages=[MessageWaitView(m.message_name, m.element_id) for m in messages],
            pending_timers=[TimerView(t.element_id, t.name, t.due_at) for t in timers],
        )


# ---- helpers -------------------------------------------------------------------------------------


def _audit(actor, kind, instance_id=None, element_id=None, task_id=None, data=None, at=None) -> AuditEvent:
    return AuditEvent(**_audit_row(actor, kind, instance_id, element_id, task_id, data, at))


def _audit_row(actor, kind, instance_id=None, element_id=None, task_id=None, data=None, at=None) -> dict:
    return {
        "instance_id": instance_id,
        "at": at or clock.now(),
        "actor": actor,
        "kind": kind,
        "element_id": element_id,
        "task_id": task_id,
        "data": _json_safe(data) if data is not None else None,
    }


def _count(session: Session, query) -> tuple[int, bool]:
    """How many rows ``query`` matches, counted up to COUNT_CAP: past it the exact figure is not worth
    reading every matching row of a large deployment for each page."""
    counted = session.scalar(select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery()))
    return (counted, True) if counted <= COUNT_CAP else (COUNT_CAP, False)


def _checked_variables(values, what: str) -> dict:
    """Variables become names in diagram expressions: a JSON object with plain identifier keys."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InvalidData(f"{what} must be a JSON object", [FieldError(what, "expected an object")])
    bad = [k for k in values if not isinstance(k, str) or not _VARIABLE_NAME.match(k)]
    if bad:
        raise InvalidData(
            f"{what} has names that can not be variables: {', '.join(map(repr, bad))}",
            [
                FieldError(f"{what}/{k}", "a name starts with a letter and has only letters, digits and _")
                for k in bad
            ],
        )
    unstorable = list(_unstorable_text(values, what))
    if unstorable:
        raise InvalidData(
            f"{what} holds text no database can store (a NUL character or a lone surrogate)",
            [FieldError(path, "remove the NUL character or the unpaired surrogate") for path in unstorable],
        )
    return dict(values)


def _unstorable_text(value, path: str):
    """Paths of strings PostgreSQL refuses (NUL) or no UTF-8 encoder takes (lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")  # a lone surrogate does not encode
        except UnicodeEncodeError:
            yield path
        else:
            if "\x00" in value:
                yield path
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _unstorable_text(item, f"{path}/{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _unstorable_text(item, f"{path}/{index}")


def _current_variables(workflow: BpmnWorkflow, tasks: list) -> dict:
    """The instance's variables as a person would see them: the data where the instance now stands."""
    if workflow.is_completed():
        return _json_safe(workflow.data)
    merged = {}
    frontier = TaskState.READY | TaskState.WAITING | TaskState.ERROR
    for task in tasks:
        if task.state & frontier:
            merged.update(task.data)
    return _json_safe(merged)


def _json_safe(data) -> dict:
    return json.loads(json.dumps(data, default=str))


def _event_definitions(definition):
    if isinstance(definition, MultipleEventDefinition):
        return list(definition.event_definitions)
    return [definition]


def _timer_due(task):
    """When a waiting timer task falls due, or None if it is not a timer (or not yet scheduled)."""
    for definition in _event_definitions(getattr(task.task_spec, "event_definition", None)):
        if isinstance(definition, TimerEventDefinition):
            value = task._get_internal_data("event_value")
            if isinstance(value, dict):  # a cycle: the next occurrence
                value = value.get("next")
            if isinstance(value, str):
                return TimerEventDefinition.parse_time_or_duration(value)
    return None


def _came_from(task, cancelled_before: set) -> list[str]:
    """The flow nodes the instance came from to reach ``task`` (none at a process's start): with the
    element itself each names a sequence flow taken, for path coverage and for drawing the path.

    A join continues on the branch that arrived last; Spiff cancels the join's waiting instances on the
    other branches, so the branches that arrived are the parents of those cancelled in this unit of work
    (told by task id, not by timestamp: the machines of a cluster need not agree on the time)."""
    arrived = [_flow_node_before(task)]
    if len(task.task_spec.inputs) > 1:
        arrived += [
            _flow_node_before(waiting)
            for waiting in task.workflow.get_tasks(spec_name=task.task_spec.name, state=TaskState.CANCELLED)
            if waiting.id not in cancelled_before and waiting.parent.state == TaskState.COMPLETED
        ]
    return sorted({node for node in arrived if node is not None})


def _flow_node_before(task) -> str | None:
    parent = task.parent
    while parent is not None and parent.task_spec.bpmn_id is None:
        parent = parent.parent
    return parent.task_spec.bpmn_id if parent is not None else None


def _form_key(task_spec) -> str | None:
    form = getattr(task_spec, "form", None)
    return getattr(form, "key", None) or None


def _error_end_element(run: _Run, definition) -> str | None:
    for task in run.newly_completed():
        if _event_definitions(getattr(task.task_spec, "event_definition", None))[0] == definition:
            return task.task_spec.bpmn_id
    return None


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _definition_view(row: DefinitionVersion) -> DefinitionView:
    return DefinitionView(
        key=row.process_key,
        name=row.name,
        version=row.version,
        content_hash=row.content_hash,
        documentation=row.documentation,
        main_file=row.main_file,
        deployed_at=row.deployed_at,
        deployed_by=row.deployed_by,
    )


def _task_view(row: ReadyTask, **extra) -> TaskView:
    return TaskView(
        id=row.id,
        instance_id=row.instance_id,
        process_key=row.process_key,
        business_key=row.business_key,
        element_id=row.element_id,
        name=row.name,
        lane=row.lane,
        form_key=row.form_key,
        ready_since=row.ready_since,
        **extra,
    )


def _history_event(row: AuditEvent) -> HistoryEvent:
    return HistoryEvent(
        row.id, row.instance_id, row.at, row.actor, row.kind, row.element_id, row.task_id, row.data
    )
