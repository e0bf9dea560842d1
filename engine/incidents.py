"""Incidents and repairs: what an operator does with an instance a failure stopped, and what an analyst does
with a fault of a diagram a request met.

A timer's run that fails has nobody to tell, so it is undone (the instance stays at the wait state it was
stored in) and opens an incident on the instance; every further failure of it counts on the same
incident. An operator can correct the instance's variables and retry: the retry runs what failed again
from that wait state, and either the instance goes on (the incident is resolved) or the incident counts
one failure more. Both are audited with their actor.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import external_tasks
from .audit import Change, audit_row
from .bpmn import Run
from .clock import now
from .context import Context
from .instances import instance_record
from .personal_data import Reader, log_read
from .problems import Conflict, FieldError, InvalidData, NotFound
from .projections import refresh_correlation_values
from .results import IncidentView, InstanceView, Page, incident_view
from .unit_of_work import Retry
from .vocabulary import AuditKind, InstanceStatus, Refusal, checked_variables


def page(
    context: Context, *, process_key, instance_id, open_only: bool, limit: int, offset: int, party=None
) -> Page:
    """Incidents, newest first; with ``party``, those of the instances it plays a lane of."""
    filters = {"process_key": process_key, "instance_id": instance_id}
    with context.new_unit() as unit:
        rows, total, exact = unit.store.incident_page(filters, open_only, limit, offset, party)
    return Page([incident_view(r) for r in rows], total, limit, offset, exact)


def get(context: Context, incident_id: int, party: str | None = None) -> IncidentView:
    with context.new_unit() as unit:
        incident = _incident(unit.store, incident_id)
        if party is not None and not unit.store.participates(incident.instance_id, party):
            raise NotFound(f"no incident {incident_id}", Refusal.NO_INCIDENT, {"incident_id": incident_id})
        return incident_view(incident)


def retry(context: Context, incident_id: int, *, actor: str, retries: int | None = None) -> InstanceView:
    """Run what failed again from the instance's wait state: due timers fire and the engine steps on. An
    external task's incident gives the task back to its workers with ``retries`` left (default 1)."""
    if retries is not None and (not isinstance(retries, int) or isinstance(retries, bool) or retries < 1):
        raise InvalidData("retries must be 1 or more", [FieldError("/retries", "1 or more")])
    with context.new_unit() as unit:
        store = unit.store
        incident = _incident(store, incident_id)
        _refuse_if_resolved(incident)
        if incident.instance_id is None:  # a start met it: no instance was stored to run again
            raise Conflict(
                f"incident {incident_id} is a fault of the diagram a start met; no instance was stored, so "
                "there is nothing to run again: deploy a corrected version, or mark it resolved",
                Refusal.INCIDENT_OF_A_START,
                {"incident_id": incident_id},
            )
        record = instance_record(store, incident.instance_id)
        if incident.task_id is not None:
            external_tasks.give_back(store, incident.task_id, retries or 1, actor, incident_id)
            store.resolve_incident(incident_id, now(), actor)
            unit.commit()
            return context.view(store, record)
        if record.status == InstanceStatus.RUNNING:  # a request's definition fault: nothing stopped
            raise Conflict(
                f"incident {incident_id} is a fault of the diagram a request met; the instance did not stop, "
                "so there is nothing to run again: move it to a corrected version, or mark it resolved",
                Refusal.INCIDENT_OF_THE_DIAGRAM,
                {"incident_id": incident_id},
            )
        if retries is not None:
            raise InvalidData(
                "retries are for an external task's incident; this one is a timer's",
                [FieldError("/retries", "leave it out")],
            )

    def fire_again(run: Run) -> Change:
        fired = run.fire_due_timers()
        return Change(AuditKind.INCIDENT_RETRIED, data={"incident": incident_id, "timers": fired})

    # The same unit of work as any other action on the instance; success resolves the incident with it.
    resolved = Retry(lambda store: store.resolve_incident(incident_id, now(), actor))
    return context.act(incident.instance_id, fire_again, actor, retry=resolved)


def resolve(context: Context, incident_id: int, *, actor: str) -> IncidentView:
    """Mark an incident of a fault a request met resolved (the analyst corrected the diagram, or the request
    will not come again); audited with the actor. An incident that stopped its instance is resolved by a
    retry, and an external task's by giving the task back, so those are refused here."""
    with context.new_unit() as unit:
        store = unit.store
        incident = _incident(store, incident_id)
        _refuse_if_resolved(incident)
        record = None if incident.instance_id is None else store.hold_instance(incident.instance_id)
        if record is not None and (incident.task_id is not None or record.status != InstanceStatus.RUNNING):
            raise Conflict(
                f"incident {incident_id} holds its instance back: retry it (POST /api/v1/incidents/"
                f"{incident_id}/retry) rather than marking it resolved",
                Refusal.INCIDENT_HOLDS_INSTANCE,
                {"incident_id": incident_id},
            )
        moment = now()
        store.resolve_incident(incident_id, moment, actor)
        data = {"incident": incident_id, "by": "marked", **_definition_of(incident)}
        instance_id = None if record is None else record.id
        store.add_audit([audit_row(actor, AuditKind.INCIDENT_RESOLVED, moment, instance_id, data=data)])
        unit.commit()
        return incident_view(store.incident(incident_id))


def _definition_of(incident) -> dict:
    """What names a start's incident in the audit trail, which has no instance to hang it on."""
    if incident.instance_id is not None:
        return {}
    return {"process_key": incident.process_key, "version": incident.definition_version}


def resolve_on_version_change(store, record, actor: str, moment) -> None:
    """A running instance (one no incident stopped) moved to another version leaves the faults its old
    version's diagram had: their incident is resolved, audited as the move's actor's. (One an incident
    stopped stays stopped there: the retry runs the new version.)"""
    incident = store.open_incident(record.id)
    if incident is None:
        return
    store.resolve_incident(incident.id, moment, actor)
    data = {"incident": incident.id, "by": "version_change"}
    store.add_audit([audit_row(actor, AuditKind.INCIDENT_RESOLVED, moment, record.id, data=data)])


def change_variables(
    context: Context,
    instance_id: str,
    values: Mapping | None,
    removed: list[str],
    *,
    actor: str,
    reader: Reader | None = None,
) -> InstanceView:
    """Set and remove an instance's variables where it stands (running, or stopped by an incident); the
    audit keeps the old and the new values. Nothing runs: a retry or the next step reads them. A correction
    uses the data it changes (the audit shows its old values) and answers every variable: with ``reader``,
    the usage log says so, as for a read."""
    values = checked_variables(values, "set", context.limits.variable_depth)
    bad = [name for name in removed if not isinstance(name, str) or name in values]
    if bad:
        raise InvalidData(
            "a variable can not be both set and removed",
            [FieldError("remove", f"{', '.join(map(str, bad))}")],
        )
    with context.new_unit() as unit:
        store = unit.store
        record = instance_record(store, instance_id)
        if record.status not in (InstanceStatus.RUNNING, InstanceStatus.ERROR):
            raise Conflict(
                f"instance {instance_id} is {record.status}; its variables can not change any more",
                Refusal.INSTANCE_ENDED,
                {"instance_id": instance_id, "status": str(record.status)},
            )
        run = context.restore(store, record)
        old = run.change_variables(dict(values), list(removed))
        state = run.dump(context.serializer)
        if state is None:
            raise InvalidData(run.failure["message"], [FieldError("set", run.failure["message"])])
        moment = now()
        record.state, record.variables, record.updated_at = state, run.variables(), moment
        if not store.update_instance(record):
            raise Conflict(
                f"instance {instance_id} changed meanwhile; look again and retry",
                Refusal.CHANGED_MEANWHILE,
                {"instance_id": instance_id},
            )
        forms = context.definitions.loaded(store, record.definition_id).forms
        refresh_correlation_values(store, record.id, forms, record.variables, store.waits(record.id)[0])
        new = {name: record.variables.get(name) for name in old}
        data = {"old": old, "new": new}
        store.add_audit([audit_row(actor, AuditKind.VARIABLES_CHANGED, moment, record.id, data=data)])
        view = context.view(store, record)
        # only admins correct, and they see personal data: nothing is masked, everything used is logged
        log_read(store, reader, record.id, set(old) | set(view.variables), ())
        unit.commit()
        return view


def _refuse_if_resolved(incident) -> None:
    if incident.resolved_at is not None:
        when = incident.resolved_at.isoformat()
        raise Conflict(
            f"incident {incident.id} was resolved by {incident.resolved_by} at {when}",
            Refusal.INCIDENT_RESOLVED,
            {"incident_id": incident.id, "resolved_by": incident.resolved_by, "resolved_at": when},
        )


def _incident(store, incident_id: int):
    storable = isinstance(incident_id, int) and 0 < incident_id < 2**63  # a database's integers end there
    incident = store.incident(incident_id) if storable else None
    if incident is None:
        raise NotFound(f"no incident {incident_id}", Refusal.NO_INCIDENT, {"incident_id": incident_id})
    return incident
