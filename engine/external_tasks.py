"""External tasks: the service tasks instances wait at, done by integrators' workers (Camunda 7's pattern).

A worker fetches and locks tasks by topic for a while, does the work, and completes the task with
variables, reports a failure (with the retries left and a timeout before the next try), throws a BPMN
error by code, extends its lock or gives the task up. A lock that runs out gives the task back: it is
fetchable again, and the worker that held it can still act on it until another worker locks it.

Acting on a task's lock (fetching, extending, unlocking, a failure) changes only the task's row, not the
instance's state, so it does not take the instance's revision: workers never collide with the people
completing the instance's other tasks. Completing and throwing a BPMN error move the instance on, each in
a unit of work on it (``act_on_instance``). Every action is audited with its actor and the worker's id.

A worker's failure with no retries left opens an incident on the instance; the instance goes on running
(its other paths too) and the task is not fetched until an admin retries the incident, which gives the
task back with one retry (or as many as the retry says). A BPMN error that no boundary event of the task
or of its enclosing sub processes catches does the same: an incident of kind ``uncaught-error``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .audit import Change, audit_row
from .bpmn import Run, extension_properties
from .clock import now
from .context import Context
from .correlation import holds
from .instances import instance_record, is_uuid
from .personal_data import Reader
from .problems import Conflict, FieldError, Forbidden, InvalidData, NotFound
from .results import ExternalTaskView, InstanceView, Page, external_task_view
from .store.external_task_queries import ExternalTaskRecord, TaskFilter
from .store.queries import Store
from .vocabulary import AuditKind, ErrorKind, Refusal, checked_variables

# The kind of incident a worker's failure with no retries left opens. Not an ``ErrorKind``: those say why
# an instance stopped, and this incident stops only its task.
FAILURE_KIND = "external-task-failure"
MAX_TASKS = 100  # per fetch: a worker asks again for more
MAX_LOCK_MS = 7 * 24 * 3600 * 1000  # a week; a lock is for the work at hand, not a reservation


def fetch_and_lock(
    context: Context,
    worker_id: str,
    topics: list[Mapping],
    max_tasks: int,
    *,
    actor: str,
    party: str | None = None,
) -> list[ExternalTaskView]:
    """Lock up to ``max_tasks`` fetchable tasks of ``topics`` for ``worker_id``, oldest first, each for its
    topic's ``lock_duration_ms``; answers them with the instance's variables (only those the topic names in
    ``variables``, when it names any) and the task's extension properties (its camunda:properties).
    Fetchable: not locked or its lock expired, past its retry timeout,
    and with retries left. On PostgreSQL concurrent fetches never hand out one task twice."""
    worker_id = _worker(worker_id)
    wanted = _topics(topics)
    if not isinstance(max_tasks, int) or isinstance(max_tasks, bool) or not 1 <= max_tasks <= MAX_TASKS:
        raise InvalidData(
            f"max_tasks must be from 1 to {MAX_TASKS}", [FieldError("/max_tasks", f"from 1 to {MAX_TASKS}")]
        )
    # A value other than text is compared on the instance read here, not in the claim's query: then the
    # claim takes more candidates than asked, and locks only the first that match.
    checked_here = any(not isinstance(v, str) for t in wanted for v in (t.variables or {}).values())
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        locked, audit = [], []
        filters = [_filter(store, t) for t in wanted]
        claimed = store.claim_external_tasks(filters, moment, MAX_TASKS if checked_here else max_tasks, party)
        for task in claimed:
            if len(locked) == max_tasks:
                break
            record = store.instance(task.instance_id)
            # the first topic entry that asks for it
            asked = next(
                (t for t, f in zip(wanted, filters, strict=True) if t.matches(task, record, f)), None
            )
            if asked is None:
                continue
            until = moment + timedelta(milliseconds=asked.lock_ms)
            if not store.lock_external_task(task.id, worker_id, moment, until):
                continue  # taken by another worker between claim and lock (a database without row locks)
            definition = context.definitions.loaded(store, record.definition_id)
            variables, names = record.variables, asked.names
            if asked.local_only:
                # A waiting external task has no variables of its own: the catalogue refuses input
                # parameters on a service task, and a worker's local variables come only with its completion.
                variables = {}
            elif names is not None:
                variables = {name: variables[name] for name in names if name in variables}
            properties = extension_properties(definition.spec, definition.subprocess_specs, task.element_id)
            locked.append(_with_lock(task, worker_id, until, variables, definition.version, properties))
            data = {"worker_id": worker_id, "topic": task.topic, "lock_expires_at": until}
            audit.append(_audit(actor, AuditKind.EXTERNAL_TASK_LOCKED, moment, task, data))
        if audit:
            store.add_audit(audit)
        unit.commit()
    return locked


def complete(
    context: Context,
    task_id: str,
    worker_id: str,
    variables: Mapping | None,
    *,
    actor: str,
    local_variables: Mapping | None = None,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Complete the task ``worker_id`` holds, merging ``variables`` into the instance, which moves on;
    ``local_variables`` are the task's own: gone when it completes, as in Camunda (the audit keeps them).
    NotFound when no such task waits (any more); Conflict when another worker holds it or none does. The
    answer is the instance as ``reader`` may see it."""
    worker_id = _worker(worker_id)
    variables = checked_variables(variables, "variables", context.limits.variable_depth)
    local_variables = checked_variables(local_variables, "local_variables", context.limits.variable_depth)

    def completing(run: Run) -> Change:
        element_id = run.complete_external(task_id, variables, local_variables)
        data = {"worker_id": worker_id, "variables": variables}
        if local_variables:
            data["local_variables"] = local_variables
        return Change(AuditKind.EXTERNAL_TASK_COMPLETED, element_id, task_id, data)

    return context.act(
        lambda store: _held(store, task_id, worker_id, party=party).instance_id,
        completing,
        actor,
        reader=reader,
    )


def handle_failure(
    context: Context,
    task_id: str,
    worker_id: str,
    *,
    error_message: str | None,
    error_details: str | None,
    retries: int,
    retry_timeout_ms: int,
    actor: str,
    party: str | None = None,
) -> ExternalTaskView:
    """Record ``worker_id``'s failure at the task it holds and release the lock: the task is fetchable again
    after ``retry_timeout_ms`` with ``retries`` left; with 0 left it opens an incident on the instance (the
    same incident counts the failures of this task until an admin retries it)."""
    worker_id = _worker(worker_id)
    _count("/retries", retries, 0, 2**31 - 1)
    _count("/retry_timeout_ms", retry_timeout_ms, 0, MAX_LOCK_MS)
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        task = _held(store, task_id, worker_id, for_update=True, party=party)
        retry_at = moment + timedelta(milliseconds=retry_timeout_ms) if retry_timeout_ms else None
        values = {
            "retries": retries,
            "error_message": error_message,
            "error_details": error_details,
            "retry_at": retry_at,
            "worker_id": None,
            "lock_expires_at": None,
        }
        store.update_external_task(task.id, **values)
        data = {
            "worker_id": worker_id,
            "error_message": error_message,
            "error_details": error_details,
            "retries": retries,
            "retry_at": retry_at,
        }
        store.add_audit([_audit(actor, AuditKind.EXTERNAL_TASK_FAILED, moment, task, data)])
        if retries > 0 and retry_at is None:
            store.announce_work(task.topic)
        if retries == 0:
            message = error_message or "the worker reported a failure and left no retries"
            _open_incident(store, task, FAILURE_KIND, message, moment)
        unit.commit()
        return _view(store, task.id)


def handle_bpmn_error(
    context: Context,
    task_id: str,
    worker_id: str,
    error_code: str,
    *,
    error_message: str | None = None,
    variables: Mapping | None = None,
    actor: str,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Throw the BPMN error ``error_code`` at the task ``worker_id`` holds: the error boundary event of the
    task (or of an enclosing sub process) with that code, or with none, catches it, gets ``variables`` and
    the instance goes on from it. Uncaught, the task is held back and an incident (``uncaught-error``)
    opened, as a failure with no retries left; the instance stays where it is, running. The answer is the
    instance as ``reader`` may see it."""
    worker_id = _worker(worker_id)
    if not isinstance(error_code, str) or not error_code.strip():
        raise InvalidData("error_code is required", [FieldError("/error_code", "a non-empty text")])
    variables = checked_variables(variables, "variables", context.limits.variable_depth)
    data = {"worker_id": worker_id, "error_code": error_code, "error_message": error_message}

    def throwing(run: Run) -> Change | None:
        element_id, caught_by = run.throw_error(task_id, error_code, variables)
        if caught_by is None:
            return None  # nothing is written: the incident is opened below
        change = {**data, "variables": variables, "caught_by": caught_by}
        return Change(AuditKind.EXTERNAL_TASK_BPMN_ERROR, element_id, task_id, change)

    view = context.act(
        lambda store: _held(store, task_id, worker_id, party=party).instance_id,
        throwing,
        actor,
        reader=reader,
    )
    if view is not None:
        return view
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        task = _held(store, task_id, worker_id, for_update=True, party=party)
        message = f'the worker threw BPMN error "{error_code}" and no error boundary event catches it'
        if error_message:
            message += f": {error_message}"
        store.update_external_task(
            task.id, retries=0, error_message=message, worker_id=None, lock_expires_at=None, retry_at=None
        )
        audit = _audit(actor, AuditKind.EXTERNAL_TASK_BPMN_ERROR, moment, task, {**data, "caught_by": None})
        store.add_audit([audit])
        _open_incident(store, task, ErrorKind.UNCAUGHT_ERROR, message, moment)
        view = context.view(store, instance_record(store, task.instance_id), reader)
        unit.commit()
        return view


def extend_lock(
    context: Context,
    task_id: str,
    worker_id: str,
    new_duration_ms: int,
    *,
    actor: str,
    party: str | None = None,
) -> ExternalTaskView:
    """Lock the task ``worker_id`` holds for ``new_duration_ms`` from now."""
    worker_id = _worker(worker_id)
    _count("/new_duration_ms", new_duration_ms, 1, MAX_LOCK_MS)
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        task = _held(store, task_id, worker_id, for_update=True, party=party)
        until = moment + timedelta(milliseconds=new_duration_ms)
        store.update_external_task(task.id, lock_expires_at=until)
        data = {"worker_id": worker_id, "lock_expires_at": until}
        store.add_audit([_audit(actor, AuditKind.EXTERNAL_TASK_LOCK_EXTENDED, moment, task, data)])
        unit.commit()
        return _view(store, task.id)


def unlock(context: Context, task_id: str, *, actor: str, party: str | None = None) -> ExternalTaskView:
    """Release the task's lock, whoever holds it: it is fetchable again at once (an operator's action, as
    in Camunda, where unlock names no worker)."""
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        task = _external_task(store, task_id, for_update=True, party=party, doing=True)
        store.update_external_task(task.id, worker_id=None, lock_expires_at=None)
        store.announce_work(task.topic)
        data = {"worker_id": task.worker_id}
        store.add_audit([_audit(actor, AuditKind.EXTERNAL_TASK_UNLOCKED, moment, task, data)])
        unit.commit()
        return _view(store, task.id)


def get(context: Context, task_id: str, party: str | None = None) -> ExternalTaskView:
    with context.new_unit() as unit:
        return _view(unit.store, _external_task(unit.store, task_id, party=party).id)


def page(
    context: Context,
    *,
    topic: str | None,
    locked: bool | None,
    instance_id: str | list[str] | None,
    process_key: str | None,
    worker_id: str | None,
    limit: int,
    offset: int,
    party: str | None = None,
    task_ids: list[str] | None = None,
    element_ids: list[str] | None = None,
    retries_left: bool | None = None,
    definition: tuple[str, int] | None = None,
) -> Page[ExternalTaskView]:
    """The external tasks instances wait at, oldest first; ``locked`` True: only those whose lock holds
    now, False: only those not locked (or whose lock expired); ``retries_left`` True: those a worker can
    still fetch by their retries, False: those out of retries (an incident holds them back). An id, an
    element id or an instance id given as a list: any of them."""
    filters = {
        "topic": topic,
        "instance_id": instance_id,
        "process_key": process_key,
        "worker_id": worker_id,
        "id": [t for t in task_ids if is_uuid(t)] if task_ids is not None else None,
        "element_id": element_ids,
    }
    with context.new_unit() as unit:
        store = unit.store
        ids = None if definition is None else store.definition_ids([definition])
        rows, total, exact = store.external_task_page(
            filters, locked, now(), limit, offset, party, retries_left=retries_left, definition_ids=ids
        )
        versions = store.definition_versions_of([r.instance_id for r in rows])
    views = [external_task_view(r, definition_version=versions.get(r.instance_id)) for r in rows]
    return Page(views, total, limit, offset, exact)


def set_retries(
    context: Context,
    task_ids: list[str],
    retries: int,
    *,
    actor: str,
    party: str | None = None,
    may_resolve_incidents: bool = False,
) -> list[ExternalTaskView]:
    """Set the retries left of each task, as Camunda's operators do: 0 holds the task back and opens an
    incident on its instance, as a worker's failure with no retries left does; more than 0 makes it
    fetchable again and resolves the incident its failures opened, which only a caller that
    ``may_resolve_incidents`` (an admin, who retries incidents) does. All or none: NotFound names the first
    task that does not wait (or that ``party`` may not see)."""
    _count("/retries", retries, 0, 2**31 - 1)
    if not isinstance(task_ids, list) or not task_ids or not all(isinstance(t, str) for t in task_ids):
        raise InvalidData("name at least one external task", [FieldError("/task_ids", "a non-empty list")])
    with context.new_unit() as unit:
        store, moment = unit.store, now()
        tasks = [
            _external_task(store, task_id, for_update=True, party=party, doing=True) for task_id in task_ids
        ]
        audit = []
        for task in dict((t.id, t) for t in tasks).values():
            incident = store.open_incident(task.instance_id, task.id)
            data = {"retries": retries, "retries_before": task.retries}
            if retries == 0 and task.retries != 0:
                message = f"the retries of the task were set to 0 by {actor}"
                _open_incident(store, task, FAILURE_KIND, task.error_message or message, moment)
            elif incident is not None:
                if not may_resolve_incidents:
                    raise Forbidden(
                        f"external task {task.id} is held back by incident {incident.id}: giving it retries "
                        "resolves the incident, which only an admin does",
                        Refusal.RETRIES_RESOLVE_INCIDENT,
                        {"task_id": task.id, "incident_id": incident.id},
                    )
                store.resolve_incident(incident.id, moment, actor)
                data["incident"] = incident.id
            store.update_external_task(task.id, retries=retries)
            if retries > 0:
                store.announce_work(task.topic)
            audit.append(_audit(actor, AuditKind.EXTERNAL_TASK_RETRIES_SET, moment, task, data))
        store.add_audit(audit)
        unit.commit()
        return [_view(store, task.id) for task in tasks]


def give_back(store: Store, task_id: str, retries: int, actor: str, incident_id: int) -> None:
    """An admin's retry of the incident a task's failure opened: the task is fetchable again at once with
    ``retries`` left (its last failure stays on it until the next)."""
    task = store.external_task(task_id, for_update=True)
    if task is None:
        return  # the instance moved past it meanwhile (cancelled): the incident only closes
    store.update_external_task(task.id, retries=retries, retry_at=None, worker_id=None, lock_expires_at=None)
    store.announce_work(task.topic)
    data = {"incident": incident_id, "task_id": task.id, "retries": retries}
    store.add_audit([_audit(actor, AuditKind.INCIDENT_RETRIED, now(), task, data)])


# ---- what the actions share ------------------------------------------------------------------------------


def _view(store: Store, task_id: str) -> ExternalTaskView:
    task = store.external_task(task_id)
    versions = store.definition_versions_of([task.instance_id])
    return external_task_view(task, definition_version=versions.get(task.instance_id))


def _external_task(
    store: Store, task_id: str, *, for_update: bool = False, party: str | None = None, doing: bool = False
) -> ExternalTaskRecord:
    """The task; NotFound also when ``party`` plays no lane of its instance, and, ``doing`` it, Forbidden
    when the party does not play the task's lane (a party's worker does its own organisation's work)."""
    task = store.external_task(task_id, for_update=for_update) if is_uuid(task_id) else None
    if task is None or (party is not None and not store.participates(task.instance_id, party)):
        raise NotFound(
            f"no external task {task_id}: it was completed, or its instance moved past it",
            Refusal.NO_EXTERNAL_TASK,
            {"task_id": task_id},
        )
    if doing and party is not None and store.parties_of(task.instance_id).get(task.lane) != party:
        raise Forbidden(
            f'external task {task_id} is in the lane "{task.lane}", which party {party} does not play in '
            "this instance: only that lane's party's worker does it",
            Refusal.EXTERNAL_TASK_IN_ANOTHER_LANE,
            {"task_id": task_id, "lane": task.lane, "party": party},
        )
    return task


def _held(
    store: Store, task_id: str, worker_id: str, *, for_update: bool = False, party: str | None = None
) -> ExternalTaskRecord:
    """The task, if ``worker_id`` holds its lock (an expired lock is still held until another worker
    fetches the task)."""
    task = _external_task(store, task_id, for_update=for_update, party=party, doing=True)
    if task.worker_id is None:
        raise Conflict(
            f"external task {task_id} is not locked: fetch and lock it first",
            Refusal.EXTERNAL_TASK_NOT_LOCKED,
            {"task_id": task_id},
        )
    if task.worker_id != worker_id:
        raise Conflict(
            f'external task {task_id} is locked by another worker, not by "{worker_id}"',
            Refusal.LOCKED_BY_ANOTHER_WORKER,
            {"task_id": task_id, "worker_id": worker_id},
        )
    return task


def _open_incident(store: Store, task, kind: str, message: str, at: datetime) -> None:
    failure = {"element_id": task.element_id, "message": message, "type": str(kind)}
    incident = store.open_incident(task.instance_id, task.id)
    if incident is None:
        store.add_incident(store.instance(task.instance_id), failure, at, task_id=task.id)
    else:
        store.count_failure(incident.id, failure, at)


def _with_lock(
    task: ExternalTaskRecord, worker_id: str, until: datetime, variables, version: int, properties: dict
) -> ExternalTaskView:
    view = external_task_view(task, variables, version)
    changed = {"worker_id": worker_id, "lock_expires_at": until, "extension_properties": properties}
    return replace(view, **changed)


def _audit(actor: str, kind: AuditKind, at: datetime, task: ExternalTaskRecord, data: dict) -> dict:
    return audit_row(actor, kind, at, task.instance_id, task.element_id, task.id, data)


def _worker(worker_id) -> str:
    if not isinstance(worker_id, str) or not worker_id.strip() or len(worker_id) > 200:
        raise InvalidData(
            "worker_id is required", [FieldError("/worker_id", "a non-empty text of up to 200 characters")]
        )
    return worker_id


def _count(field: str, value, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        expected = f"from {low} to {high}"
        raise InvalidData(f"{field[1:]} must be {expected}", [FieldError(field, expected)])


@dataclass(frozen=True)
class _Topic:
    """What a worker asks of a topic: how long to lock, which variables (with ``local_only`` the task's own,
    which are none), and of which tasks (a business key, some processes, some definition versions, instances
    holding some variables' values; None: any)."""

    name: str
    lock_ms: int
    names: list[str] | None
    business_key: str | None
    process_keys: list[str] | None
    definitions: list[tuple[str, int]] | None = None  # (process key, version)
    variables: Mapping | None = None
    local_only: bool = False

    def matches(self, task: ExternalTaskRecord, record, claimed_by: TaskFilter) -> bool:
        """Whether the task, of the instance ``record``, is one this topic asks for (``claimed_by``: this
        topic's filter, with the definition versions' ids)."""
        ids = claimed_by.definition_ids
        return (
            task.topic == self.name
            and self.business_key in (None, task.business_key)
            and (self.process_keys is None or task.process_key in self.process_keys)
            and (ids is None or record.definition_id in ids)
            and (not self.variables or holds(record, self.variables))
        )


def _filter(store: Store, topic: _Topic) -> TaskFilter:
    ids = None if topic.definitions is None else store.definition_ids(topic.definitions)
    return TaskFilter(topic.name, topic.business_key, topic.process_keys, ids, topic.variables)


def _topics(topics) -> list[_Topic]:
    if not isinstance(topics, list) or not topics:
        raise InvalidData("topics must name at least one topic", [FieldError("/topics", "a non-empty list")])
    wanted = []
    for index, topic in enumerate(topics):
        at = f"/topics/{index}"
        name = topic.get("name") if isinstance(topic, Mapping) else None
        if not isinstance(name, str) or not name:
            raise InvalidData("a topic needs its name", [FieldError(f"{at}/name", "a non-empty text")])
        _count(f"{at}/lock_duration_ms", topic.get("lock_duration_ms"), 1, MAX_LOCK_MS)
        names = _names(topic.get("variables"), f"{at}/variables")
        business_key = topic.get("business_key")
        if business_key is not None and not isinstance(business_key, str):
            raise InvalidData("business_key must be text", [FieldError(f"{at}/business_key", "a text")])
        process_keys = _names(topic.get("process_keys"), f"{at}/process_keys")
        definitions = topic.get("definitions")
        if definitions is not None:
            definitions = [tuple(d) for d in definitions if isinstance(d, list | tuple)]
            if len(definitions) != len(topic["definitions"]) or not all(
                len(d) == 2 and isinstance(d[0], str) and isinstance(d[1], int) for d in definitions
            ):
                raise InvalidData(
                    "definitions must be (process key, version) pairs",
                    [FieldError(f"{at}/definitions", "a list of [process key, version]")],
                )
        holding = topic.get("holding")
        if holding is not None and not (
            isinstance(holding, Mapping) and all(map(_comparable, holding.values()))
        ):
            raise InvalidData(
                "holding must map variable names to text, numbers, booleans or null",
                [FieldError(f"{at}/holding", "an object of plain values")],
            )
        local_only = topic.get("local_only", False)
        if not isinstance(local_only, bool):
            raise InvalidData(
                "local_only must be true or false", [FieldError(f"{at}/local_only", "a boolean")]
            )
        wanted.append(
            _Topic(
                name,
                topic["lock_duration_ms"],
                names,
                business_key,
                process_keys,
                definitions,
                dict(holding) if holding else None,
                local_only,
            )
        )
    return wanted


def _comparable(value) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _names(names, at: str) -> list[str] | None:
    if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        raise InvalidData(f"{at.rsplit('/', 1)[-1]} must be a list of names", [FieldError(at, "names")])
    return names
