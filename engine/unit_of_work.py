"""A unit of work: one transaction in which an instance is loaded, moved on and written back whole.

Every use case runs in one. Acting on an instance loads its record and workflow, lets the action move it,
runs the engine steps, and writes the state, the status change, the audit events and the projections
together. A write based on a stale revision is retried from the start: if what the caller asked for is
still possible (another branch of the same instance moved meanwhile) it then succeeds, and if it is not
(the task was completed by someone else) the caller gets a Conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine as Database
from sqlalchemy.exc import DBAPIError

from .audit import Change, audit_row
from .bpmn import LoadedDefinition, Run
from .clock import Clock, clock_in_use, now
from .parties import players
from .problems import ConcurrentChange, Conflict, FaultIncident, NotFound, ScriptFailure
from .projections import (
    ProjectionChange,
    Projections,
    correlates_by_variable,
    project,
    refresh_correlation_values,
)
from .store.database import chosen_as_lock_victim
from .store.queries import InstanceRecord, Store
from .vocabulary import AuditKind, ErrorKind, InstanceStatus, Refusal, public_error
from .work_signal import WorkSignal

CONFLICT_RETRIES = 8


class UnitOfWork:
    """One transaction on the store, with the engine's clock in use while it lasts.

    ``with engine_unit() as unit: ... unit.commit()``; leaving the block without a commit rolls back."""

    store: Store

    def __init__(self, database: Database, clock: Clock | None, work_signal: WorkSignal | None = None):
        self._database = database
        self._clock = clock
        self._work_signal = work_signal

    def __enter__(self) -> UnitOfWork:
        self._stack = ExitStack()
        self._stack.enter_context(clock_in_use(self._clock))
        self.connection = self._stack.enter_context(self._database.connect())
        self.store = Store(self.connection)
        return self

    def __exit__(self, exc_type, error, traceback) -> None:
        try:
            self.rollback()
        finally:
            self._stack.close()
        if isinstance(error, DBAPIError) and chosen_as_lock_victim(error):
            raise LockVictim(
                "another request held what this one needed, and the database undid this one; retry it"
            ) from error

    def commit(self) -> None:
        """Commit; then the waiting workers hear of the topics whose tasks became fetchable (see
        ``work_signal``)."""
        topics, self.store.work_ready = self.store.work_ready, set()
        if topics and self._work_signal is not None:
            self._work_signal.notify_in(self.connection, topics)
        self.connection.commit()
        if topics and self._work_signal is not None:
            self._work_signal.committed(topics)

    def rollback(self) -> None:
        self.connection.rollback()
        self.store.work_ready = set()  # what was rolled back made nothing fetchable
        self.store.chain_heads, self.store.known_parties = {}, {}  # nor wrote a chain's head or a party


@dataclass(frozen=True)
class Retry:
    """An operator's retry of what failed on an instance an incident stopped: the action runs on the
    instance in error, its projections are written anew (the incident dropped them), a failure counts on
    the incident again, and success runs ``resolved`` in the same transaction."""

    resolved: Callable[[Store], None]


class LockVictim(Conflict):
    """The database undid this unit of work to settle a deadlock (two transactions each waiting for a row
    the other holds, as two instances sending each other a message do) or a serialization failure. Nothing
    of it is stored, so running it again is safe: ``act_on_instance`` does, and a caller is answered 409."""


class StaleRevision(Exception):
    """Another writer moved the instance since this unit of work read it."""


class Undelivered(Exception):
    """A message an instance threw could not be delivered (``message_flow``); ``failure`` says where and
    why, as a run's failure does: the request is refused, or a timer's run becomes an incident."""

    def __init__(self, element_id: str | None, message: str):
        super().__init__(message)
        self.failure = {"element_id": element_id, "message": message, "type": "MessageUndelivered"}


def act_on_instance(
    new_unit: Callable[[], UnitOfWork],
    restore: Callable[[Store, InstanceRecord], Run],
    target: str | Callable[[Store], str],
    action: Callable[[Run], Change | None],
    actor: str,
    dump: Callable[[Run], str | None],
    *,
    claim_due_by: datetime | None = None,
    committed: Callable[[InstanceRecord, Run, dict[str, str]], None] | None = None,
    pass_on: Callable[[Store, InstanceRecord, Run, str], None] | None = None,
    retry: Retry | None = None,
    answering: Callable[[Store, InstanceRecord, LoadedDefinition, Projections], object] | None = None,
):
    """Apply ``action`` to the instance ``target`` (its id, or what finds it in the store within the same
    transaction) in one unit of work, retried on a stale revision; answers
    (record, its definition, projections), or what ``answering`` makes of them in the same transaction
    (it may write what must be kept with the answer: its usage-log row, a delivered message's idempotency
    key), or None when the action found nothing to do (then nothing is written). With ``claim_due_by``
    the instance is only taken if it still has a timer due by then and no other transaction holds it (else
    None); a failure there puts the instance in error, as nobody waits on a timer. With ``retry`` the
    instance is one an incident stopped, and a failure counts on the incident. A caller's request the
    diagram could not go on with is refused, nothing of it stored."""
    unattended = claim_due_by is not None or retry is not None  # a failure has nobody to answer
    acts_on = InstanceStatus.ERROR if retry is not None else InstanceStatus.RUNNING
    for _attempt in range(CONFLICT_RETRIES):
        try:
            with new_unit() as unit:
                instance_id = target if isinstance(target, str) else target(unit.store)
                if claim_due_by is None:
                    record = unit.store.instance(instance_id)
                    if record is None:
                        raise NotFound(
                            f"no process instance {instance_id}",
                            Refusal.NO_INSTANCE,
                            {"instance_id": instance_id},
                        )
                else:
                    record = unit.store.claim_due(instance_id, claim_due_by, InstanceStatus.RUNNING)
                    if record is None:
                        return None
                if record.status != acts_on:
                    values = {"instance_id": instance_id, "status": str(record.status)}
                    if retry is not None:
                        raise Conflict(
                            f"instance {instance_id} is {record.status}: no incident holds it",
                            Refusal.NO_INCIDENT_HOLDS,
                            values,
                        )
                    raise Conflict(
                        f"instance {instance_id} is {record.status}; it can not change any more",
                        Refusal.INSTANCE_ENDED,
                        values,
                    )
                run = restore(unit.store, record)
                existing_ready = [] if retry is not None else unit.store.ready_tasks(record.id)
                change = action(run)
                if change is None:
                    return None
                run.step()
                state = dump(run)
                if run.failure is not None and not unattended:
                    raise refused(run.failure, instance_id=record.id)
                try:
                    if run.failure is not None:  # a timer's run failed: it is undone and an incident opened
                        record_incident(unit.store, record, run.failure, actor)
                        state, projections = None, Projections([], [], [])
                    else:
                        anew = retry is not None  # a retry writes the projections the incident dropped
                        projections = write_run(
                            unit.store, record, run, actor, change, existing_ready, state, rewrite=anew
                        ).now
                        # the messages it threw, to their instances, in this transaction
                        if pass_on is not None:
                            pass_on(unit.store, record, run, actor)
                        if retry is not None:
                            retry.resolved(unit.store)
                except StaleRevision:
                    continue  # another writer moved the instance; try again on its state
                except Undelivered as undelivered:
                    if not unattended:
                        raise refused(undelivered.failure) from None
                    # a timer's run threw what nobody receives: undone, and an incident on the thrower
                    unit.rollback()
                    record = unit.store.instance(instance_id)
                    record_incident(unit.store, record, undelivered.failure, actor)
                    state, projections = None, Projections([], [], [])
                answer = (record, run.definition, projections)
                if answering is not None:
                    answer = answering(unit.store, *answer)
                unit.commit()
                if committed is not None and state is not None:
                    committed(record, run, projections.parties)
                return answer
        except LockVictim:
            continue  # the database undid this attempt to settle a deadlock: run it again on fresh states
        except ScriptFailure as refusal:
            if refusal.incident == FaultIncident.INSTANCE:
                note_definition_fault(new_unit, refusal, actor)
            raise
    raise ConcurrentChange(
        f"instance {instance_id} kept changing while this request was applied; retry it",
        Refusal.KEPT_CHANGING,
        {"instance_id": instance_id},
    )


def refused(
    failure: dict, *, instance_id: str | None = None, definition: tuple[str, int] | None = None
) -> ScriptFailure:
    """A caller's request the diagram could not go on with (a condition naming data the request did not
    give, a script over its time limit) is refused and nothing of it is stored: the instance stays at the
    wait state it was in, as a synchronous failure rolls back in Camunda, and the caller can send corrected
    data. Only a timer, which nobody waits on, leaves an instance in error status.

    The refusal says the diagram's blame: what met a fault of the diagram is a request for the running
    instance ``instance_id`` (an incident on it) or a start of the ``definition`` (process key, version),
    which stores no instance (an incident on the version)."""
    kind = ErrorKind.of(failure.get("type"))
    if kind not in (ErrorKind.MESSAGE_UNDELIVERED, ErrorKind.DEFINITION_FAULT):
        kind = ErrorKind.SCRIPT_FAILURE
    incident = FaultIncident.NONE
    if kind == ErrorKind.DEFINITION_FAULT:
        incident = (
            FaultIncident.INSTANCE
            if instance_id
            else FaultIncident.VERSION
            if definition
            else FaultIncident.NONE
        )
    element_id = failure["element_id"] or "(unknown element)"
    return ScriptFailure(
        element_id,
        failure["message"],
        kind=str(kind),
        incident=incident,
        instance_id=instance_id,
        definition=definition,
    )


def note_definition_fault(new_unit: Callable[[], UnitOfWork], refusal: ScriptFailure, actor: str) -> None:
    """A caller's request met a fault of the diagram (``definition-fault``): the request is refused and
    nothing of it stored, but the analyst must hear of it, so it is an incident on the instance, recorded in
    a unit of work of its own. Unlike a timer's, it does not stop the instance, which stays running where
    it waited (other requests may take other paths); a fault met again counts on the open incident (first
    and last seen, how many times). An analyst marks it resolved, or a move to another version does."""
    failure = {"element_id": refusal.element_id, "message": refusal.message, "type": refusal.kind}
    with new_unit() as unit:
        store = unit.store
        record = store.hold_instance(refusal.instance_id)  # two faults at once count twice on one incident
        if record is None or record.status != InstanceStatus.RUNNING:
            return
        moment = now()
        incident = store.open_incident(record.id)
        if incident is None:
            incident_id, failures = store.add_incident(record, failure, moment), 1
        else:
            store.count_failure(incident.id, failure, moment)
            incident_id, failures = incident.id, incident.failures + 1
        data = {**failure, "incident": incident_id, "failures": failures}
        store.add_audit([audit_row(actor, AuditKind.DEFINITION_FAULT_MET, moment, record.id, data=data)])
        unit.commit()


@contextmanager
def start_faults_noted(new_unit: Callable[[], UnitOfWork], actor: str) -> Iterator[None]:
    """Around a start (its unit of work inside): a fault of the diagram it meets is noted on the definition
    version (``note_start_fault``) once the start's own unit of work is undone, and the refusal goes on."""
    try:
        yield
    except ScriptFailure as refusal:
        if refusal.incident == FaultIncident.VERSION:
            note_start_fault(new_unit, refusal, actor)
        raise


def note_start_fault(new_unit: Callable[[], UnitOfWork], refusal: ScriptFailure, actor: str) -> None:
    """A start met a fault of the diagram: it is refused and stores no instance, so the incident is the
    definition version's, as Camunda's cockpit shows a version's incidents, recorded in a unit of work of
    its own. Met again at the same element of that version, it counts on the open incident. Deploying a
    later version of the process resolves it (the analyst corrected the diagram), or an analyst does."""
    process_key, version = refusal.definition
    failure = {"element_id": refusal.element_id, "message": refusal.message, "type": refusal.kind}
    with new_unit() as unit:
        store = unit.store
        store.hold_start_faults(process_key)  # two starts meeting it at once count twice on one incident
        moment = now()
        incident = store.open_start_incident(process_key, version, refusal.element_id)
        if incident is None:
            incident_id, failures = store.add_start_incident(process_key, version, failure, moment), 1
        else:
            store.count_failure(incident.id, failure, moment)
            incident_id, failures = incident.id, incident.failures + 1
        data = {
            **failure,
            "process_key": process_key,
            "version": version,
            "incident": incident_id,
            "failures": failures,
        }
        met = AuditKind.DEFINITION_FAULT_MET
        store.add_audit([audit_row(actor, met, moment, element_id=refusal.element_id, data=data)])
        unit.commit()


def record_incident(store: Store, record: InstanceRecord, failure: dict, actor: str) -> None:
    """A run nobody waits on (a timer's) failed: the instance stays at the wait state it was stored in, in
    error and waiting for nothing until an operator retries, and the failure is an incident on it (the open
    one counts another failure). As a failed job rolls back to its last wait state in Camunda."""
    moment = now()
    failure = public_error(failure)  # the incident and the instance name what failed in the stable words
    record.status, record.error = InstanceStatus.ERROR, failure
    record.updated_at = record.ended_at = moment
    if not store.update_instance(record):
        raise StaleRevision(record.id)
    incident = store.open_incident(record.id)
    if incident is None:
        store.add_incident(record, failure, moment)
    else:
        store.count_failure(incident.id, failure, moment)
    store.add_audit([audit_row(actor, AuditKind.INSTANCE_ERROR, moment, record.id, data=failure)])
    store.replace_ready_tasks([t.id for t in store.ready_tasks(record.id)], [])
    store.replace_external_tasks(store.external_task_ids(record.id), [])
    store.replace_waits(record.id, [], [])


def _bind_parties(store: Store, record: InstanceRecord, run: Run, actor: str, moment, *, new: bool):
    """Let the parties the diagram's lanes name play them (see engine/parties.py): (an audit row for each
    that now plays a lane, who plays which lane now)."""
    if not run.definition.lanes:
        return [], {}
    played = players(run.definition.lanes, record.business_key, record.variables) | run.called_parties()
    stored = {} if new else store.parties_of(record.id)
    changed = {lane: party for lane, party in played.items() if stored.get(lane) != party}
    store.bind_parties(record.id, changed, moment, actor)
    audit = [
        audit_row(actor, AuditKind.PARTY_BOUND, moment, record.id, data={"lane": lane, "party": party})
        for lane, party in changed.items()
    ]
    return audit, stored | changed


def write_run(
    store: Store,
    record: InstanceRecord,
    run: Run,
    actor: str,
    change: Change,
    existing_ready,
    state: str,
    *,
    rewrite: bool = False,
) -> ProjectionChange:
    """Write what ``run`` did to the instance: its version, status, state and variables first (so a stale
    revision stops the unit of work before anything else is written), then the audit events and
    projections (all written anew with ``rewrite``)."""
    moment = now()
    previous = record.status if record.revision else None
    record.definition_id = run.definition.id  # a migration moves the run to another version
    record.status, record.error = run.outcome()
    record.state = state
    record.variables = run.variables()
    record.updated_at = moment
    if record.status != InstanceStatus.RUNNING:
        record.ended_at = moment
    if record.revision == 0:
        store.insert_instance(record)
    elif not store.update_instance(record):
        raise StaleRevision(record.id)

    audit = [audit_row(actor, change.kind, moment, record.id, change.element_id, change.task_id, change.data)]
    for element in run.newly_completed():
        data = {
            "name": element.name,
            "type": element.type,
            "process": element.process,
            "came_from": element.came_from,
        }
        audit.append(
            audit_row(
                actor,
                AuditKind.ELEMENT_COMPLETED,
                moment,
                record.id,
                element.element_id,
                element.task_id,
                data,
            )
        )
    ended = AuditKind.ended(record.status) if record.status != InstanceStatus.RUNNING else None
    if ended is not None and record.status != previous and change.kind != ended:
        audit.append(audit_row(actor, ended, moment, record.id, data=record.error))
    bound, parties = _bind_parties(store, record, run, actor, moment, new=previous is None)
    store.add_audit(audit + bound)

    projections = project(
        record,
        run,
        existing_ready,
        moment,
        rewrite=rewrite,
        waiting_since=lambda: store.messages_waiting_since(record.id),
    )
    store.replace_ready_tasks(projections.removed_ready, projections.added_ready)
    removed_external, added_external = projections.removed_external, projections.added_external
    if rewrite:  # the stored rows, not what the run saw, are what changes (an incident dropped them; a
        # version change may stand elsewhere); a task still ready keeps its row, lock and retries
        stored = set(store.external_task_ids(record.id))
        ready_now = {t.id for t in projections.external}
        removed_external = sorted(stored - ready_now)
        added_external = [t for t in projections.external if t.id not in stored]
    if removed_external or added_external:
        store.replace_external_tasks(removed_external, added_external)
    if projections.waits is not None:
        # stored as the run was restored, unless the rows are rewritten or the instance is new
        stored = (True, True) if rewrite else (False, False) if previous is None else run.waited_before
        store.replace_waits(record.id, *projections.waits, stored=stored)
    else:
        forms = run.definition.forms
        if any(correlates_by_variable(forms, m.message_name) for m in projections.now.messages):
            stored, _timers = store.waits(record.id)
            refresh_correlation_values(store, record.id, forms, record.variables, stored)
    return replace(projections, now=replace(projections.now, parties=parties))
