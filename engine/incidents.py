"""Incidents and repairs: what an operator does with an instance a failure stopped.

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
from .problems import Conflict, FieldError, InvalidData, NotFound
from .projections import refresh_correlation_values
from .results import IncidentView, InstanceView, Page, incident_view
from .unit_of_work import Retry
from .vocabulary import AuditKind, InstanceStatus, checked_variables


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
            raise NotFound(f"no incident {incident_id}")
        return incident_view(incident)


def retry(context: Context, incident_id: int, *, actor: str, retries: int | None = None) -> InstanceView:
    """Run what failed again from the instance's wait state: due timers fire and the engine steps on. An
    external task's incident gives the task back to its workers with ``retries`` left (default 1)."""
    if retries is not None and (not isinstance(retries, int) or isinstance(retries, bool) or retries < 1):
        raise InvalidData("retries must be 1 or more", [FieldError("/retries", "1 or more")])
    with context.new_unit() as unit:
        store = unit.store
        incident = _incident(store, incident_id)
        if incident.resolved_at is not None:
            when = incident.resolved_at.isoformat()
            raise Conflict(f"incident {incident_id} was resolved by {incident.resolved_by} at {when}")
        record = instance_record(store, incident.instance_id)
        if incident.task_id is not None:
            external_tasks.give_back(store, incident.task_id, retries or 1, actor, incident_id)
            store.resolve_incident(incident_id, now(), actor)
            unit.commit()
            return context.view(store, record)
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


def change_variables(
    context: Context, instance_id: str, values: Mapping | None, removed: list[str], *, actor: str
) -> InstanceView:
    """Set and remove an instance's variables where it stands (running, or stopped by an incident); the
    audit keeps the old and the new values. Nothing runs: a retry or the next step reads them."""
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
                f"instance {instance_id} is {record.status}; its variables can not change any more"
            )
        run = context.restore(store, record)
        old = run.change_variables(dict(values), list(removed))
        state = run.dump(context.serializer)
        if state is None:
            raise InvalidData(run.failure["message"], [FieldError("set", run.failure["message"])])
        moment = now()
        record.state, record.variables, record.updated_at = state, run.variables(), moment
        if not store.update_instance(record):
            raise Conflict(f"instance {instance_id} changed meanwhile; look again and retry")
        forms = context.definitions.loaded(store, record.definition_id).forms
        refresh_correlation_values(store, record.id, forms, record.variables, store.waits(record.id)[0])
        new = {name: record.variables.get(name) for name in old}
        data = {"old": old, "new": new}
        store.add_audit([audit_row(actor, AuditKind.VARIABLES_CHANGED, moment, record.id, data=data)])
        unit.commit()
        return context.view(store, record)


def _incident(store, incident_id: int):
    storable = isinstance(incident_id, int) and 0 < incident_id < 2**63  # a database's integers end there
    incident = store.incident(incident_id) if storable else None
    if incident is None:
        raise NotFound(f"no incident {incident_id}")
    return incident
