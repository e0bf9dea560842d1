"""Messages between instances, and starting an instance (by a call, or by a message its start event waits
for) inside a unit of work.

A send task, a message throw event or a message end event throws its message; the engine delivers it to
the instance that waits for it, found by the message's correlation (the thrower's business key, or the
payload property an instance variable holds), or, when none waits, starts the process whose message start
event it is: once per business key, by the same check as a message from outside (``refuse_a_second``);
where the message's contract declares ``"x-one-instance-per"`` (payload fields), once per business key and
those fields' values (``distinct_by``). The payload is what the message's
contract (``messages/<name>.json``) declares of the thrower's variables: the schema's properties.

Thrower and receiver move on in one transaction: the unit of work that moved the thrower writes the
receiver too, with the receiver's own revision check, and commits both or neither. An outbox (the delivery
recorded with the thrower, delivered after commit) would need a worker and would leave a window in which
the thrower has sent and the receiver not yet received, visible to every reader; one transaction has no
such window, and a stale receiver is settled as any stale write is: the whole unit of work runs again on
fresh states. A message nobody waits for and no process starts with is not dropped: the caller's request is
refused (422, ``message-undelivered``, nothing stored), and a timer's run becomes an incident, so that a
lost message is always seen. Only a contract with ``"x-to-those-waiting": true`` says otherwise: its message
is a signal to whoever waits for it in the thrower's own instance (the catches there took it before the engine
sees it), so a throw none of them caught is recorded in the instance's history (``message_not_waited_for``)
and goes to no other instance and starts no process: the process that would have waited had already ended.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from .audit import Change, audit_row
from .bpmn import LoadedDefinition, Run
from .catalogue import forms
from .catalogue.messages import ONE_INSTANCE_PER, contract_of, schema_key, to_those_waiting
from .clock import now
from .correlation import waiting_instances
from .problems import AlreadyRunning, InvalidData, ScriptFailure
from .store.queries import InstanceRecord, Store
from .unit_of_work import Undelivered, refused, write_run
from .vocabulary import AuditKind, InstanceStatus, Refusal

if TYPE_CHECKING:
    from .context import Context
    from .projections import ProjectionChange

# A message may set off another (a receiver that throws on): a chain longer than this is a loop.
MOST_HOPS = 20


def begin(
    context: Context,
    store: Store,
    definition: LoadedDefinition,
    *,
    process_key: str,
    business_key: str | None,
    variables: dict,
    actor: str,
    idempotency_key: str | None = None,
    idempotency_party: str | None = None,
    message: tuple[str, dict] | None = None,
    hops: int = 0,
) -> tuple[InstanceRecord, Run, ProjectionChange]:
    """Start an instance of ``definition`` in ``store``'s transaction, with ``variables`` or, for a process
    whose start event waits for a message, with ``message`` (its name and payload) delivered to it; the
    messages it throws on its way are delivered too. Raises ScriptFailure (nothing stored) when it can
    not go on."""
    run = Run.start(definition, context.script_engine, variables, context.limits)
    run.step()
    if message is not None and run.failure is None:
        run.deliver(*message)
        run.step()
    state = run.dump(context.serializer)
    if run.failure is not None:
        raise refused(run.failure, definition=(process_key, definition.version))
    started = now()
    record = InstanceRecord(
        id=str(uuid.uuid4()),
        definition_id=definition.id,
        process_key=process_key,
        business_key=business_key,
        status=InstanceStatus.RUNNING,
        state="",
        variables={},
        error=None,
        idempotency_key=idempotency_key,
        idempotency_party=idempotency_party or "",
        started_at=started,
        started_by=actor,
        updated_at=started,
    )
    data = {"business_key": business_key, "variables": variables}
    if message is not None:
        data = {"business_key": business_key, "message": {"name": message[0], "payload": message[1]}}
    projections = write_run(
        store, record, run, actor, Change(AuditKind.INSTANCE_STARTED, data=data), [], state
    )
    try:
        pass_on(context, store, record, run, actor, hops)
    except Undelivered as undelivered:
        if hops:
            raise  # the thrower that started this instance is refused, at its own element
        raise refused(undelivered.failure) from None
    return record, run, projections


def pass_on(
    context: Context, store: Store, thrower: InstanceRecord, run: Run, actor: str, hops: int = 0
) -> None:
    """Deliver every message ``run`` threw, in ``store``'s transaction; Undelivered when one can not be."""
    for thrown in run.thrown:
        if hops >= MOST_HOPS:
            raise Undelivered(
                thrown.element_id,
                f'message "{thrown.name}" is the {hops + 1}th sent on by instances receiving one: a loop?',
            )
        if to_those_waiting(run.definition.forms, thrown.name):
            _record_not_waited_for(store, thrower, thrown.name, thrown.element_id, actor)
            continue
        contract = contract_of(run.definition.forms, thrown.name)
        declared = (contract[0] if contract else {}).get("properties", {})
        payload = {name: value for name, value in thrown.variables.items() if name in declared}
        _deliver(context, store, thrower, thrown.name, thrown.element_id, payload, actor, hops + 1)


def _record_not_waited_for(store: Store, thrower: InstanceRecord, name: str, element_id, actor: str) -> None:
    """The history of ``thrower`` says that it sent message ``name`` at ``element_id`` and that no one in the
    instance waited for it: a signal to those waiting, sent when none did, is seen there, not refused."""
    kind = AuditKind.MESSAGE_NOT_WAITED_FOR
    store.add_audit([audit_row(actor, kind, now(), thrower.id, element_id, data={"name": name})])


def _deliver(context, store, thrower: InstanceRecord, name, element_id, payload, actor, hops) -> None:
    key = thrower.business_key
    found, _, _ = waiting_instances(context, store, name, payload, business_key=key, thrown=True)
    waiting = [i for i in found if i != thrower.id]
    if len(waiting) > 1:
        raise Undelivered(
            element_id, f'message "{name}" is for one instance, and {len(waiting)} with business key {key!r} '
            f"wait for it ({', '.join(waiting)})",
        )  # fmt: skip
    if waiting:
        receive(context, store, waiting[0], name, payload, actor, thrower.id, element_id, hops)
        return
    process_key, starting = started_by(context, store, name)
    if starting is None:
        whom = f"with business key {key!r}" if key else "(the thrower has no business key to find it by)"
        raise Undelivered(
            element_id, f'no instance {whom} waits for message "{name}", and no process starts with it'
        )
    try:
        check_payload(starting, name, payload)
    except InvalidData as refusal:
        raise Undelivered(
            element_id, f'the process that starts with message "{name}" refuses it: {refusal}'
        ) from None
    if key is not None:  # one onboarding per business key, as a message from outside starts it
        store.hold_business_key(process_key, key)
        distinct = distinct_by(starting, name, payload)
        try:
            refuse_a_second(store, process_key, key, distinct)
        except AlreadyRunning as running:
            per = "".join(f" and {field} {value!r}" for field, value in distinct.items())
            raise Undelivered(
                element_id, f'message "{name}" would start "{process_key}" for business key {key!r}{per}, '
                f"which already has an instance of it that has not ended "
                f"({running.running[0]['instance_id']}): a message starts one per business key"
                + "".join(f" and {field}" for field in distinct),
            ) from None  # fmt: skip
    try:
        begin(
            context,
            store,
            starting,
            process_key=process_key,
            business_key=key,
            variables={},
            actor=actor,
            message=(name, payload),
            hops=hops,
        )
    except ScriptFailure as failure:
        raise Undelivered(
            element_id, f'the instance of "{process_key}" it starts could not go on at {failure.element_id}: '
            f"{failure.message}",
        ) from None  # fmt: skip


def receive(context, store, instance_id, name, payload, actor, thrower_id, element_id, hops) -> None:
    """The instance ``instance_id`` receives the message another instance threw, in the same transaction."""
    record = store.instance(instance_id)
    run = context.restore(store, record)
    existing_ready = store.ready_tasks(record.id)
    try:
        check_payload(run.definition, name, payload)
    except InvalidData as refusal:
        raise Undelivered(element_id, f"instance {instance_id} refuses it: {refusal}") from None
    if not run.deliver(name, payload):
        raise Undelivered(element_id, f'instance {instance_id} no longer waits for message "{name}"')
    run.step()
    state = run.dump(context.serializer)
    if run.failure is not None:
        where, why = run.failure["element_id"], run.failure["message"]
        raise Undelivered(element_id, f"instance {instance_id} could not go on with it at {where}: {why}")
    data = {"name": name, "payload": payload, "from_instance_id": thrower_id}
    write_run(store, record, run, actor, Change(AuditKind.MESSAGE_RECEIVED, data=data), existing_ready, state)
    pass_on(context, store, record, run, actor, hops)


def check_payload(definition, name: str, payload: dict) -> None:
    """InvalidData naming each field of ``payload`` that the receiving version's contract refuses."""
    contract = contract_of(definition.forms, name)
    if contract is not None:
        forms.validate(contract[0], payload, f'the payload of message "{name}"', "/payload", "schema")


def started_by(context: Context, store: Store, name: str) -> tuple[str | None, LoadedDefinition | None]:
    """(process key, its latest version) of the process whose message start event waits for ``name``, or
    (None, None); Undelivered when several start with it (which one is meant is not the engine's guess).
    A retired process starts none, as a request to start it is refused (``definitions.refuse_if_retired``):
    the store's one record of retired keys decides both."""
    rows = [row for row in store.definitions_started_by(name) if store.retirement(row.process_key) is None]
    if len(rows) > 1:
        keys = ", ".join(row.process_key for row in rows)
        raise Undelivered(None, f'message "{name}" starts several processes ({keys}): it can start only one')
    if not rows:
        return None, None
    return rows[0].process_key, context.definitions.loaded(store, rows[0].id)


def distinct_by(definition: LoadedDefinition, name: str, payload: dict | None) -> dict:
    """{field: value} of the payload fields that the contract of start message ``name`` (in the version
    that starts) declares as ``"x-one-instance-per"``: an instance is one per business key and these
    values (a producer for two wellbeing services counties runs the county's process once per county).
    Empty when the contract declares none, or the version was deployed before it did: one per business
    key, as before. A field the payload leaves out counts as the value null."""
    stored = definition.forms.get(schema_key(name)) or {}
    fields = stored.get(ONE_INSTANCE_PER) or []
    return {field: (payload or {}).get(field) for field in fields}


# Two onboardings of one organisation in one process are nearly always a double start; a few are shown.
_RUNNING_SHOWN = 5


def refuse_a_second(store: Store, process_key: str, business_key: str, distinct: dict | None = None) -> None:
    """Raise AlreadyRunning when ``business_key`` has an instance of ``process_key`` that has not ended;
    with ``distinct`` ({variable: value}, ``distinct_by``), only one whose variables hold those values.
    The caller holds the business key (``Store.hold_business_key``), so of two starts at the same moment
    the second sees the first's instance; a retry is recognised by its idempotency key before this. The
    hold is the business key's, whatever the values: coarser than the rule, so no two starts of one
    county's instance pass the check together."""
    unended = (InstanceStatus.RUNNING, InstanceStatus.ERROR)
    if not store.has_instance_in(process_key, business_key, unended):
        return  # the usual start: nothing to list or count
    if distinct:
        _refuse_the_same_values(store, process_key, business_key, distinct, unended)
        return
    filters = {"process_key": process_key, "business_key": business_key, "status": unended}
    rows, total, _ = store.instance_page(filters, _RUNNING_SHOWN, 0)
    if not rows:
        return
    running = [
        {"instance_id": record.id, "status": str(record.status), "started_at": record.started_at}
        for record, _ in rows
    ]
    raise _already_running(
        process_key,
        business_key,
        running,
        total,
        f'"{process_key}" already has {total} instance(s) with business key "{business_key}" that have not '
        f"ended ({running[0]['instance_id']}, started {running[0]['started_at'].isoformat()}): open it, or "
        'start another with "allow_duplicate": true',
    )


def _refuse_the_same_values(
    store: Store, process_key: str, business_key: str, distinct: dict, unended: tuple[str, ...]
) -> None:
    """AlreadyRunning when one of ``business_key``'s unended instances of ``process_key`` holds every value
    of ``distinct`` in its variables (where the start message's payload went)."""
    found = store.unended_values(process_key, business_key, unended, tuple(distinct))
    same = [(i, status, at) for i, status, at, values in found if values == distinct]
    if not same:
        return  # another county's instance, say: this one is distinct
    shown = same[:_RUNNING_SHOWN]
    running = [{"instance_id": i, "status": str(status), "started_at": at} for i, status, at in shown]
    values = ", ".join(f"{field} {value!r}" for field, value in distinct.items())
    raise _already_running(
        process_key,
        business_key,
        running,
        len(same),
        f'"{process_key}" already has an instance with business key "{business_key}" and {values} that has '
        f"not ended ({running[0]['instance_id']}, started {running[0]['started_at'].isoformat()}): the "
        f"contract of its start message starts one per business key and "
        f'{", ".join(distinct)} ("{ONE_INSTANCE_PER}"); open that one',
        reason=Refusal.ALREADY_RUNNING_FOR_VALUES,
        one_instance_per=distinct,
        distinct=values,
    )


def _already_running(
    process_key: str,
    business_key: str,
    running: list[dict],
    count: int,
    detail: str,
    reason: str = Refusal.ALREADY_RUNNING,
    **more,
) -> AlreadyRunning:
    """The refusal of a second instance, with the values every wording of it speaks of (the newest named)."""
    values = {
        "process_key": process_key,
        "business_key": business_key,
        "count": count,
        "instance_id": running[0]["instance_id"],
        "started_at": running[0]["started_at"].isoformat(),
        **more,
    }
    return AlreadyRunning(detail, running, values, reason=reason)
