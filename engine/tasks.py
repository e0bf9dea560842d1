"""Human tasks: the task lists, one task with its form and instructions, and completing it."""

from __future__ import annotations

from collections.abc import Mapping

from .audit import Change
from .bpmn import Run, task_details
from .catalogue import forms
from .context import Context
from .instances import instance_record
from .personal_data import Reader, hidden, log_read, masked
from .problems import Conflict, Forbidden, NotFound
from .results import InstanceView, Page, TaskView, task_view
from .store.queries import CandidateKind, ReadyTaskRecord, Store
from .vocabulary import AuditKind, Refusal, checked_variables


def page(
    context: Context,
    *,
    instance_id,
    process_key,
    lane,
    business_key,
    assignee=None,
    candidate_user=None,
    candidate_group=None,
    element_id=None,
    offered_to=None,
    limit: int,
    offset: int,
    party: str | None = None,
) -> Page[TaskView]:
    """Ready tasks; with ``party``, those of the lanes it plays (its work list)."""
    filters = {
        "instance_id": instance_id,
        "process_key": process_key,
        "lane": lane,
        "business_key": business_key,
        "assignee": assignee,
        "element_id": element_id,
    }
    candidates = {CandidateKind.USER: candidate_user, CandidateKind.GROUP: candidate_group}
    with context.new_unit() as unit:
        rows, total, exact = unit.store.ready_task_page(filters, limit, offset, candidates, offered_to, party)
    return Page(
        [task_view(r, definition_version=version) for r, version in rows], total, limit, offset, exact
    )


def get(context: Context, task_id: str, party: str | None = None, reader: Reader | None = None) -> TaskView:
    """A ready human task with its form, its instructions and the data it starts from; a party reads the
    tasks of the instances it plays a lane of."""
    with context.new_unit() as unit:
        ready = ready_task(unit.store, task_id, party)
        record = instance_record(unit.store, ready.instance_id)
        run = context.restore(unit.store, record)
        documentation, data = task_details(run.human_task(task_id))
        form = run.definition.forms.get(ready.form_key) if ready.form_key else None
        if reader is not None:
            hide = hidden(run.definition, unit.store.parties_of(record.id), reader)
            log_read(unit.store, reader, record.id, data, hide)
            unit.commit()
            data = masked(data, hide)
        return task_view(
            ready,
            documentation=documentation,
            form=form,
            data=data,
            definition_version=run.definition.version,
        )


def complete(
    context: Context,
    task_id: str,
    data: Mapping | None,
    *,
    actor: str,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Complete a ready human task with ``data``, which must satisfy the task's form; a party completes
    only the tasks of the lanes it plays. The answer is the instance as ``reader`` may see it."""
    data = checked_variables(data, "data", context.limits.variable_depth)

    def completing(run: Run) -> Change:
        def check_form(form_key: str, task_name: str) -> None:
            forms.validate(
                run.definition.forms[form_key], data, f'the data for task "{task_name}"', at="/data"
            )

        element_id = run.complete(task_id, data, check_form)
        return Change(AuditKind.TASK_COMPLETED, element_id, task_id, data)

    def the_instance(store: Store) -> str:
        ready = ready_task(store, task_id, party)
        if party is not None and store.parties_of(ready.instance_id).get(ready.lane) != party:
            raise Forbidden(
                f'task {task_id} is in the lane "{ready.lane}", which party {party} does not play '
                "in this instance: only that lane's party completes it",
                Refusal.TASK_IN_ANOTHER_LANE,
                {"task_id": task_id, "lane": ready.lane, "party": party},
            )
        return ready.instance_id

    return context.act(the_instance, completing, actor, reader=reader)


def ready_task(store: Store, task_id: str, party: str | None = None) -> ReadyTaskRecord:
    """The ready task; NotFound also when ``party`` plays no lane of its instance."""
    ready = store.ready_task(task_id)  # an id that is no UUID finds nothing, on every database
    if ready is not None and (party is None or store.participates(ready.instance_id, party)):
        return ready
    done = store.completion_of(task_id) if ready is None else None
    if done is not None and (party is None or store.participates(done.instance_id, party)):
        raise Conflict(
            f"task {task_id} is not ready: it was completed by {done.actor} at {done.at.isoformat()}",
            Refusal.TASK_COMPLETED,
            {"task_id": task_id, "actor": done.actor, "at": done.at.isoformat()},
        )
    raise NotFound(f"no ready task {task_id}", Refusal.NO_READY_TASK, {"task_id": task_id})
