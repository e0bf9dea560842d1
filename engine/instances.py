"""Starting, reading, listing and cancelling process instances."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy.exc import IntegrityError

from .audit import Change
from .bpmn import Run, start_form_key
from .catalogue import forms
from .catalogue.start_form import BUSINESS_KEY, start_page_form
from .context import Context
from .definitions import latest_definition_head, refuse_if_retired
from .message_flow import begin, refuse_a_second
from .personal_data import Reader, hidden, log_read, masked
from .problems import Conflict, FieldError, Forbidden, InvalidData, NotFound
from .projections import Projections
from .results import HistoryEvent, InstanceView, Page, StartPageForm, history_event, instance_view
from .store.queries import INSTANCE_SORTS, InstanceFinding, InstanceRecord, Store
from .unit_of_work import StaleRevision, start_faults_noted
from .vocabulary import AuditKind, InstanceStatus, Refusal, checked_variables


def start(
    context: Context,
    process_key: str,
    *,
    actor: str,
    business_key: str | None,
    variables: Mapping | None,
    idempotency_key: str | None,
    allow_duplicate: bool = True,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Start the latest version of ``process_key``. A retried start with the same idempotency key (of the
    same party) answers the instance the first one started. A party starts its own onboardings only: the
    business key names it. Unless ``allow_duplicate``, a business key that already has an instance of the
    process that has not ended (running, or stopped by an incident) is refused with AlreadyRunning naming
    those instances. The answer is the instance as ``reader`` may see it (``Context.answer``)."""
    variables = checked_variables(variables, "variables", context.limits.variable_depth)
    business_key = business_key_of_start(context, process_key, business_key, variables, at="/business_key")
    if party is not None and business_key != party:
        raise Forbidden(
            f"party {party} starts only its own onboardings: give business_key {party!r} (the provider's)",
            Refusal.OWN_ONBOARDINGS_ONLY,
            {"party": party},
        )
    refusing_a_second = not allow_duplicate and business_key is not None
    with start_faults_noted(context.new_unit, actor), context.new_unit() as unit:
        store = unit.store
        if refusing_a_second:  # until this start commits, another of the same key waits, then sees it
            store.hold_business_key(process_key, business_key)
        if idempotency_key:
            existing = store.instance_for_idempotency_key(idempotency_key, party)
            if existing is not None:
                answer = repeat_of_start(context, store, existing, process_key, business_key, reader)
                unit.commit()
                return answer
        row = latest_definition_head(store, process_key)
        refuse_if_retired(store, process_key)
        if row.start_message:
            raise InvalidData(
                f'"{process_key}" starts when message "{row.start_message}" arrives: send it through '
                "POST /api/v1/messages",
                [FieldError("/process_key", f'starts with message "{row.start_message}"')],
            )
        definition = context.definitions.loaded(store, row.id)
        if refusing_a_second:
            refuse_a_second(store, process_key, business_key)
        start_form = definition.forms.get(start_form_key(process_key))
        if start_form is not None:
            what = f'the variables to start "{process_key}" with'
            forms.validate(start_form, variables, what, at="/variables")
        try:
            record, run, projections = begin(
                context,
                store,
                definition,
                process_key=process_key,
                business_key=business_key,
                variables=variables,
                actor=actor,
                idempotency_key=idempotency_key,
                idempotency_party=party,
            )
            answer = context.answer(store, record, definition, projections.now, reader)
            unit.commit()
            context.committed(record, run, projections.now.parties)
        except IntegrityError:  # the same idempotency key stored meanwhile by another start
            unit.rollback()
            existing = idempotency_key and store.instance_for_idempotency_key(idempotency_key, party)
            if existing:
                answer = repeat_of_start(context, store, existing, process_key, business_key, reader)
                unit.commit()
                return answer
            raise
        except StaleRevision:  # an instance its messages reached moved meanwhile
            raise Conflict(
                "an instance this start sends a message to changed meanwhile; retry it",
                Refusal.RECEIVER_CHANGED,
            ) from None
        return answer


def form_to_start(context: Context, process_key: str) -> StartPageForm:
    """The form a person fills to start ``process_key``: its business key and its start form's fields. When
    the start form asks the provider's ``business_id`` itself, that field is the business key too and is
    asked once (required, in the business key's place): two fields could say two organisations."""
    with context.new_unit() as unit:
        latest = latest_definition_head(unit.store, process_key)
        definition = context.definitions.loaded(unit.store, latest.id)
    start_form = definition.forms.get(start_form_key(process_key))
    form = start_page_form(start_form)
    if names_business_id(start_form):
        properties = dict(form["properties"])
        asked_for_key, own = properties.pop(BUSINESS_KEY), properties.pop(BUSINESS_ID)
        properties = {BUSINESS_ID: {**asked_for_key, **own, **_SERVES_AS_BUSINESS_KEY}, **properties}
        required = [name for name in form["required"] if name not in (BUSINESS_KEY, BUSINESS_ID)]
        form = {**form, "properties": properties, "required": [BUSINESS_ID, *required]}
    return StartPageForm(form, process_key, definition.version)


def start_from_form(
    context: Context,
    process_key: str,
    data: Mapping,
    *,
    actor: str,
    allow_duplicate: bool,
    idempotency_key: str | None,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Start ``process_key`` with the data of its ``form_to_start``: the business key from its field, the
    rest as variables. Data the form refuses raises InvalidData naming each field under "/data". Where the
    form asks the ``business_id`` as the business key, a ``business_key`` sent beside it as before is taken
    when it is the same and refused at "/data/business_key" when it is not."""
    form = form_to_start(context, process_key)  # an unknown process is told before the data
    variables = {name: value for name, value in data.items() if name != BUSINESS_KEY}
    if BUSINESS_KEY in form["properties"]:
        forms.validate(form, data, "the start", at="/data", kind="start form")
        business_key = data[BUSINESS_KEY]
    else:  # the business_id is the business key
        forms.validate(form, variables, "the start", at="/data", kind="start form")
        business_key = variables[BUSINESS_ID]
        if data.get(BUSINESS_KEY) is not None:  # sent beside it, as the form once asked
            refuse_a_contradiction(data[BUSINESS_KEY], business_key, at="/data/business_key")
    return start(
        context,
        process_key,
        actor=actor,
        business_key=business_key,
        variables=variables,
        idempotency_key=idempotency_key,
        allow_duplicate=allow_duplicate,
        party=party,
        reader=reader,
    )


# The start form's field that names the provider by its Y-tunnus: where a process's start form has it, it is
# the instance's business key as well (the lanes played by "business-key" are the provider's).
BUSINESS_ID = "business_id"

# Said of that field on the start page, in Finnish with the English beside (engine/form_words.py).
_SERVES_AS_BUSINESS_KEY = {
    "description": "Palvelunantajan Y-tunnus: seitsemän numeroa, yhdysmerkki ja tarkistenumero, esim. "
    "0737546-2. Se on myös liittymisen tunniste (business key), joten sitä ei kysytä toiseen kertaan.",
    "x-description-en": "The provider's business ID: seven digits, a hyphen and the check digit, e.g. "
    "0737546-2. It is the onboarding's business key as well, so it is not asked a second time.",
}


def names_business_id(start_form: Mapping | None) -> bool:
    """Whether a process's start form asks the provider's ``business_id``."""
    return start_form is not None and BUSINESS_ID in start_form.get("properties", {})


def business_key_of_start(
    context: Context, process_key: str, business_key: str | None, variables: Mapping, *, at: str
) -> str | None:
    """The business key a start gives; when it gives none and the process's start form asks the provider's
    ``business_id``, the business_id given: one answer serves as both. A business key that contradicts the
    business_id is refused (InvalidData at ``at``), since the two would name two organisations. A start
    whose business_id is absent or the same as its key is left as it is, without reading the catalogue."""
    given = variables.get(BUSINESS_ID)
    if not isinstance(given, str) or given == business_key:
        return business_key
    with context.new_unit() as unit:
        latest = unit.store.latest_definition_head(process_key)
        start_form = latest and context.definitions.loaded(unit.store, latest.id).forms.get(
            start_form_key(process_key)
        )
    if not names_business_id(start_form):  # an unknown process is told by the start itself
        return business_key
    if business_key is None:
        return given
    refuse_a_contradiction(business_key, given, at=at)
    return business_key


def refuse_a_contradiction(business_key, business_id: str, *, at: str) -> None:
    """InvalidData at ``at`` when ``business_key`` is not the start form's ``business_id``."""
    if business_key != business_id:
        raise InvalidData(
            f"business_key {business_key!r} is not the start form's business_id {business_id!r}: the "
            "provider's Y-tunnus is the business key; give it once as business_id, or both the same",
            [FieldError(at, f"is not the business_id given ({business_id}); leave it out or give the same")],
        )


def repeat_of_start(
    context, store: Store, existing: InstanceRecord, process_key, business_key, reader: Reader | None = None
):
    """The instance a start with the same idempotency key started, as ``reader`` may see it (the caller
    commits)."""
    if existing.process_key != process_key or existing.business_key != business_key:
        raise Conflict(
            f"the idempotency key was already used to start instance {existing.id} "
            f'of "{existing.process_key}" with another process or business key',
            Refusal.IDEMPOTENCY_KEY_USED,
            {"instance_id": existing.id, "process_key": existing.process_key},
        )
    return context.view(store, existing, reader)


def instance_record(store: Store, instance_id: str, party: str | None = None) -> InstanceRecord:
    """The instance; NotFound also when ``party`` plays no lane of it (it may not know it exists)."""
    record = store.instance(instance_id) if is_uuid(instance_id) else None
    if record is None or (party is not None and not store.participates(record.id, party)):
        raise NotFound(
            f"no process instance {instance_id}", Refusal.NO_INSTANCE, {"instance_id": instance_id}
        )
    return record


def get(
    context: Context, instance_id: str, party: str | None = None, reader: Reader | None = None
) -> InstanceView:
    """The instance; for a ``reader``, its personal data masked as the reader may see it, and the read
    written to the usage log."""
    with context.new_unit() as unit:
        view = context.view(unit.store, instance_record(unit.store, instance_id, party), reader)
        if reader is not None:  # the read's usage-log row; an engine-internal read wrote nothing
            unit.commit()
        return view


def page(
    context: Context,
    *,
    process_key,
    status,
    business_key,
    limit: int,
    offset: int,
    finding: InstanceFinding | None = None,
    party: str | None = None,
) -> Page[InstanceView]:
    """Instances newest first (or as ``finding`` sorts them), each with where it waits; ``status`` is one
    status or a tuple of them (any of which matches)."""
    for wanted in status if isinstance(status, tuple) else (status,):
        if wanted is not None and wanted not in tuple(InstanceStatus):
            statuses = ", ".join(InstanceStatus)
            raise InvalidData(f'unknown status "{wanted}"', [FieldError("/status", f"one of {statuses}")])
    if finding is not None and finding.sort.removeprefix("-") not in INSTANCE_SORTS:
        sorts = ", ".join(INSTANCE_SORTS)
        raise InvalidData(f'unknown sort "{finding.sort}"', [FieldError("/sort", f"one of {sorts}, or -one")])
    filters = {"process_key": process_key, "status": status, "business_key": business_key}
    with context.new_unit() as unit:
        rows, total, exact = unit.store.instance_page(filters, limit, offset, finding, party=party)
        waits = unit.store.waits_of([record.id for record, _ in rows])
        # the versions are cached once loaded: a page reads each at most once, and mostly not at all
        items = [
            instance_view(
                record,
                version,
                Projections(*waits[record.id]),
                context.definitions.loaded(unit.store, record.definition_id),
            )
            for record, version in rows
        ]
    return Page(items, total, limit, offset, exact)


def cancel(
    context: Context,
    instance_id: str,
    *,
    actor: str,
    party: str | None = None,
    reader: Reader | None = None,
) -> InstanceView:
    """Cancel the instance; a party cancels only what it is the provider of (the business key names it).
    The answer is the instance as ``reader`` may see it."""

    def cancelling(run: Run) -> Change:
        run.cancel()
        return Change(AuditKind.INSTANCE_CANCELLED)

    def the_instance(store: Store) -> str:
        record = instance_record(store, instance_id, party)
        if party is not None and record.business_key != party:
            raise Forbidden(
                f"only the provider ({record.business_key}) cancels instance {instance_id}",
                Refusal.PROVIDER_CANCELS,
                {"instance_id": instance_id, "provider": record.business_key},
            )
        return record.id

    return context.act(the_instance if party is not None else instance_id, cancelling, actor, reader=reader)


def history(
    context: Context, instance_id: str, party: str | None = None, reader: Reader | None = None
) -> list[HistoryEvent]:
    """The audit trail; for a ``reader``, the data of its events (start variables, task data, message
    payloads) masked as the reader may see it, and the read written to the usage log."""
    with context.new_unit() as unit:
        record = instance_record(unit.store, instance_id, party)
        events = [history_event(r) for r in unit.store.history(record.id)]
        if reader is None:
            return events
        definition = context.definitions.loaded(unit.store, record.definition_id)
        hide = hidden(definition, unit.store.parties_of(record.id), reader)
        shown = set()
        for event in events:
            for values in _values_in(event.data):
                shown |= set(values)
        log_read(unit.store, reader, record.id, shown, hide)
        unit.commit()
        return [replace(e, data=_masked_event(e.data, hide)) if e.data else e for e in events]


def _values_in(data: dict | None) -> list[dict]:
    """The variables an audit event's data holds: itself (a task's data), or its start variables or
    message payload."""
    if not isinstance(data, dict):
        return []
    nested = [data[key] for key in ("variables", "payload") if isinstance(data.get(key), dict)]
    return nested or [data]


def _masked_event(data: dict, hide: set[str]) -> dict:
    if any(isinstance(data.get(key), dict) for key in ("variables", "payload")):
        return {k: masked(v, hide) if k in ("variables", "payload") and isinstance(v, dict) else v
                for k, v in data.items()}  # fmt: skip
    return masked(data, hide)


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True
