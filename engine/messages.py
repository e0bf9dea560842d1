"""Messages from outside: found by name and business key (or instance id), or by the payload property
their contract correlates by, delivered to the one instance that waits for it; when none waits (by business
key), a process whose message start event waits for it starts with it. Which instance waits is read from
the message subscriptions, never from states; the payload must satisfy the message's contract (its JSON
Schema in the catalogue) before anything runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy.exc import IntegrityError

from . import message_keys
from .audit import Change
from .bpmn import Run, start_lane
from .catalogue.messages import thrown_only
from .clock import now
from .context import Context
from .correlation import waiting_instances
from .instances import repeat_of_start
from .message_flow import begin, check_payload, distinct_by, refuse_a_second, started_by
from .parties import may_play
from .personal_data import Reader
from .problems import Conflict, FieldError, Forbidden, InvalidData, NotFound
from .results import InstanceView
from .store.queries import Store
from .unit_of_work import Undelivered, start_faults_noted
from .vocabulary import AuditKind, Refusal, checked_variables


def deliver(
    context: Context,
    name: str,
    *,
    actor: str,
    business_key: str | None,
    instance_id: str | None,
    payload: Mapping | None,
    correlation_keys: Mapping | None = None,
    party: str | None = None,
    idempotency_key: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Deliver message ``name`` to the one instance waiting for it: found by business key or id, or, where
    the message's contract correlates by a payload property, by the instance variable holding the
    payload's value; and among those by ``correlation_keys``: variables the instance must have, each with
    that value. A party sends only
    the messages whose catching event is in a lane it plays (Kela's decision only by Kela).

    When none waits, the process whose message start event waits for it starts, once per business key: a
    business key that has an instance of it that has not ended is refused with AlreadyRunning, so the same
    message sent twice (at once, too) starts one. Where the message's contract declares
    ``"x-one-instance-per"``, once per business key and those payload fields' values (``distinct_by``).
    A message that starts an instance with ``idempotency_key`` answers that instance when it is sent again
    with the key; one delivered with it answers what its delivery answered, for
    ``context.message_keys_kept`` (``message_keys``). The answer is the instance as ``reader`` may see it
    (``Context.answer``), a kept one too."""
    payload = checked_variables(payload, "payload", context.limits.variable_depth)
    keys = dict(correlation_keys or {})
    sent = message_keys.request_hash(name, business_key, instance_id, keys, payload or {})
    if idempotency_key:
        with context.new_unit() as unit:
            first = message_keys.first_answer(unit.store, party, idempotency_key, sent, now())
            existing = None if first else unit.store.instance_for_idempotency_key(idempotency_key, party)
            if first is not None or existing is not None:
                answer = (
                    _kept(context, unit.store, first, reader)
                    if first is not None
                    else _repeat(context, unit.store, existing, name, business_key, reader)
                )
                unit.commit()
                return answer
    named = business_key is not None or instance_id is not None or bool(keys)
    target = " and ".join(
        part
        for part in (
            f"business key {business_key!r}" if business_key is not None else "",
            f"instance {instance_id}" if instance_id is not None else "",
            "variables " + ", ".join(f"{k} = {v!r}" for k, v in keys.items()) if keys else "",
        )
        if part
    )

    def the_one_waiting(store: Store) -> str:
        if idempotency_key:  # first: of two deliveries with the key at once, the second waits here
            kept = context.message_keys_kept
            message_keys.claim(store, party, idempotency_key, sent, now(), kept)
        found = {"business_key": business_key, "instance_id": instance_id, "keys": keys}
        waiting, by_payload, missing = waiting_instances(context, store, name, payload, **found, party=party)
        if not waiting and party is not None:
            _refuse_another_partys(
                store, name, party, waiting_instances(context, store, name, payload, **found)[0]
            )
        if not named and not by_payload:
            # nothing said which instance: a business key, or the payload property a contract correlates by
            wanted = "the message finds its instance by it: give it as text"
            fields = [FieldError(f"/payload/{prop}", wanted) for prop in missing]
            raise InvalidData(
                "say which instance the message is for",
                fields or [FieldError("/business_key", "give business_key, instance_id or correlation_keys")],
            )
        described = target or "the payload's correlation property"
        if not waiting:
            raise NobodyWaits(
                f'no running instance with {described} is waiting for message "{name}"',
                Refusal.NOBODY_WAITS,
                {"name": name},
            )
        if len(waiting) > 1:
            raise Conflict(
                f'{len(waiting)} instances with {described} wait for message "{name}" '
                f"({', '.join(waiting)}); send it to one of them by instance_id",
                Refusal.SEVERAL_WAITING,
                {"count": len(waiting), "name": name, "instances": ", ".join(waiting)},
            )
        return waiting[0]

    def delivering(run: Run) -> Change:
        # The contract of the version the instance runs on; a version deployed before messages had
        # contracts has none, and its payload goes in as before.
        _refuse_a_signal_between_processes(run.definition.forms, name)
        check_payload(run.definition, name, payload)
        if not run.deliver(name, payload):
            raise Conflict(
                f'the instance is no longer waiting for message "{name}"',
                Refusal.NO_LONGER_WAITING,
                {"name": name},
            )
        return Change(AuditKind.MESSAGE_RECEIVED, data={"name": name, "payload": payload})

    def keeping_the_answer(store: Store, answer: InstanceView) -> None:
        message_keys.keep_answer(store, party, idempotency_key, replace(answer, message_outcome=DELIVERED))

    try:
        delivered = context.act(
            the_one_waiting,
            delivering,
            actor,
            reader=reader,
            answered=keeping_the_answer if idempotency_key else None,
        )
    except NobodyWaits as nobody:
        if instance_id is not None:
            raise
        return _start_by_message(
            context, name, business_key, payload, actor, nobody, party, idempotency_key, reader
        )
    except IntegrityError:  # the same key kept meanwhile by a delivery at the same moment: its answer
        with context.new_unit() as unit:
            first = message_keys.first_answer(unit.store, party, idempotency_key, sent, now())
            if first is None:
                raise
            answer = _kept(context, unit.store, first, reader)
            unit.commit()
        return answer
    return replace(delivered, message_outcome=DELIVERED)


DELIVERED, STARTED = "delivered", "started"


class NobodyWaits(NotFound):
    """No instance waits for the message: a process may start with it instead."""


def _refuse_a_signal_between_processes(forms: Mapping, name: str) -> None:
    if thrown_only(forms, name):
        raise Forbidden(
            f'message "{name}" is thrown by the processes of the catalogue only (its contract says '
            '"x-thrown-only"): no party sends it from outside',
            Refusal.MESSAGE_THROWN_ONLY,
            {"name": name},
        )


def _refuse_another_partys(store: Store, name: str, party: str, waiting: list[str]) -> None:
    """Forbidden when an instance ``party`` plays a lane of waits for the message in a lane of another's."""
    for instance_id in waiting:
        if store.participates(instance_id, party):
            lanes = {m.lane for m in store.waits(instance_id)[0] if m.message_name == name}
            lane = ", ".join(sorted(str(lane) for lane in lanes))
            raise Forbidden(
                f'instance {instance_id} waits for message "{name}" in the lane "{lane}", which party '
                f"{party} does not play: only that lane's party sends it",
                Refusal.MESSAGE_IN_ANOTHER_LANE,
                {"instance_id": instance_id, "name": name, "lane": lane, "party": party},
            )


def _start_by_message(
    context: Context,
    name,
    business_key,
    payload,
    actor,
    nobody: NotFound,
    party: str | None = None,
    idempotency_key: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """A new instance of the process whose message start event waits for ``name``, with its payload; a
    party starts it only when it would play the start event's lane. The business key is held from the check
    for an instance of it to the insert (``Store.hold_business_key``): of two such messages at once, one
    starts it and the other is refused, as it would be a moment later. A fault of the diagram the start
    meets is an incident on the definition version."""
    with start_faults_noted(context.new_unit, actor), context.new_unit() as unit:
        store = unit.store
        try:
            process_key, definition = started_by(context, store, name)
        except Undelivered as several:
            raise Conflict(str(several), Refusal.SEVERAL_STARTED, {"name": name}) from None
        if definition is None:
            raise NotFound(
                f"{nobody}, and no process starts with it", Refusal.NOBODY_WAITS_OR_STARTS, {"name": name}
            ) from None
        _refuse_a_signal_between_processes(definition.forms, name)
        lane = start_lane(definition)
        if party is not None and not may_play(definition.lanes.get(lane), party, business_key):
            raise Forbidden(
                f'{nobody}; it would start "{process_key}", whose start event is in the lane "{lane}", '
                f"which party {party} does not play",
                Refusal.START_IN_ANOTHER_LANE,
                {"name": name, "process_key": process_key, "lane": lane, "party": party},
            )
        check_payload(definition, name, payload)
        if business_key is not None:
            store.hold_business_key(process_key, business_key)
        if idempotency_key:  # sent again while the first was starting: that one's instance
            existing = store.instance_for_idempotency_key(idempotency_key, party)
            if existing is not None:
                answer = _repeat(context, store, existing, name, business_key, reader)
                unit.commit()
                return answer
        if business_key is not None:  # one per business key, or per it and the fields the contract names
            refuse_a_second(store, process_key, business_key, distinct_by(definition, name, payload))
        try:
            record, run, projections = begin(
                context,
                store,
                definition,
                process_key=process_key,
                business_key=business_key,
                variables={},
                actor=actor,
                message=(name, payload),
                idempotency_key=idempotency_key,
                idempotency_party=party,
            )
            started = context.answer(store, record, definition, projections.now, reader)
            unit.commit()
        except IntegrityError:  # the same key stored meanwhile by a message of no business key
            unit.rollback()
            existing = idempotency_key and store.instance_for_idempotency_key(idempotency_key, party)
            if existing:
                answer = _repeat(context, store, existing, name, business_key, reader)
                unit.commit()
                return answer
            raise
        context.committed(record, run, projections.now.parties)
        return replace(started, message_outcome=STARTED)


def _kept(context: Context, store: Store, first: InstanceView, reader: Reader | None) -> InstanceView:
    """The answer a delivery with the same idempotency key kept, as ``reader`` may see it now (the caller
    commits: a repeat is a read of the data too)."""
    return context.shown(store, first, context.definitions.loaded(store, first.definition_id), reader)


def _repeat(
    context: Context, store: Store, existing, name: str, business_key: str | None, reader: Reader | None
) -> InstanceView:
    """The instance a message sent before with the same idempotency key started, as ``reader`` may see it
    (the caller commits)."""
    started_by_it = store.definition(existing.definition_id).start_message == name
    if existing.business_key != business_key or not started_by_it:
        raise Conflict(
            f"the idempotency key was already used to start instance {existing.id} of "
            f'"{existing.process_key}" with another message or business key',
            Refusal.IDEMPOTENCY_KEY_USED,
            {"instance_id": existing.id, "process_key": existing.process_key},
        )
    return replace(repeat_of_start(context, store, existing, existing.process_key, business_key, reader),
                   message_outcome=STARTED)  # fmt: skip
