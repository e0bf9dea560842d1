"""What every use case works with: a new unit of work, the serializer, the sandboxed script engine and the
cache of loaded definitions; and the three steps they share (restore an instance, act on it, show it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from . import message_flow
from .audit import Change
from .bpmn import LoadedDefinition, RestrictedScriptEngine, Run, Serializer
from .clock import Clock, current_clock
from .limits import Limits
from .message_keys import KEPT as MESSAGE_KEYS_KEPT
from .personal_data import Reader, hidden, log_read, masked
from .projections import Projections
from .results import InstanceView, instance_view
from .state_cache import StateCache
from .store.queries import InstanceRecord, Store
from .unit_of_work import Retry, UnitOfWork, act_on_instance, record_incident
from .vocabulary import InstanceStatus


@dataclass
class Context:
    new_unit: Callable[[], UnitOfWork]
    serializer: Serializer
    script_engine: RestrictedScriptEngine
    definitions: object  # definitions.DefinitionCache
    limits: Limits = field(default_factory=Limits)
    clock_source: Clock | None = None  # None: the process's default clock
    states: StateCache = field(default_factory=StateCache)
    # how long the Idempotency-Key of a delivered message answers its repeats (engine/message_keys.py)
    message_keys_kept: timedelta = MESSAGE_KEYS_KEPT

    @property
    def clock(self) -> Clock:
        return self.clock_source or current_clock()

    def restore(self, store: Store, record: InstanceRecord, *, to_move: bool = False) -> Run:
        """The instance's workflow as stored; one ``to_move`` may come from the cache of committed states."""
        definition = self.definitions.loaded(store, record.definition_id)
        kept = self.states.take(record.id, record.revision) if to_move else None
        if kept is not None:
            workflow, parties, standing = kept
            store.known_parties[record.id] = parties  # as committed with the workflow: not read again
            return Run(workflow, definition, self.limits, standing)
        return Run.restore(definition, record.state, self.serializer, self.script_engine, self.limits)

    def committed(self, record: InstanceRecord, run: Run, parties: dict[str, str]) -> None:
        """Keep the workflow of a running instance just committed, who plays its lanes and its standing, for
        the next unit of work on it."""
        if record.status == InstanceStatus.RUNNING and not run.cancelled:
            self.states.keep(record.id, record.revision, run.workflow, parties, run.standing_now())

    def act(
        self,
        target: str | Callable[[Store], str],
        action: Callable[[Run], Change | None],
        actor: str,
        *,
        claim_due_by: datetime | None = None,
        retry: Retry | None = None,
        reader: Reader | None = None,
        answered: Callable[[Store, InstanceView], None] | None = None,
    ) -> InstanceView | None:
        """Apply ``action`` to the instance in a unit of work of its own (see ``act_on_instance``); the
        answer is the instance as ``reader`` may see it (``answer``). ``answered`` is given the whole view
        before the unit commits, for what must be kept with it."""

        def answering(store: Store, record: InstanceRecord, acted_on: LoadedDefinition, now: Projections):
            # the definition the run acted on has the contracts of the messages the instance now awaits
            view = instance_view(record, acted_on.version, now, acted_on)
            if answered is not None:
                answered(store, view)
            return self.shown(store, view, acted_on, reader)

        return act_on_instance(
            self.new_unit,
            lambda store, record: self.restore(store, record, to_move=True),
            target,
            action,
            actor,
            lambda run: run.dump(self.serializer),
            claim_due_by=claim_due_by,
            committed=self.committed,
            pass_on=lambda store, record, run, actor: message_flow.pass_on(self, store, record, run, actor),
            retry=retry,
            answering=answering,
        )

    def answer(
        self,
        store: Store,
        record: InstanceRecord,
        definition: LoadedDefinition,
        projections: Projections,
        reader: Reader | None,
    ) -> InstanceView:
        """The instance a unit of work acted on or read, as ``reader`` may see it: the personal data it may
        not see masked, and the answer, a read of the instance's data too, written to the usage log in the
        same transaction (so it costs no transaction of its own). None: an engine-internal answer, whole and
        not logged."""
        return self.shown(
            store, instance_view(record, definition.version, projections, definition), definition, reader
        )

    def shown(
        self, store: Store, view: InstanceView, definition: LoadedDefinition, reader: Reader | None
    ) -> InstanceView:
        """``view`` of an instance of ``definition`` as ``reader`` may see it, the read written to the usage
        log (``answer``)."""
        if reader is None:
            return view
        hide = hidden(definition, view.parties, reader)
        log_read(store, reader, view.id, view.variables, hide)
        return replace(view, variables=masked(view.variables, hide))

    def record_incident(self, instance_id: str, failure: dict, actor: str) -> None:
        """Put an instance in error in a unit of work of its own (its timers failed outside the diagram)."""
        with self.new_unit() as unit:
            record = unit.store.instance(instance_id)
            if record is not None and record.status == InstanceStatus.RUNNING:
                record_incident(unit.store, record, failure, actor)
                unit.commit()

    def view(self, store: Store, record: InstanceRecord, reader: Reader | None = None) -> InstanceView:
        """An instance with its projections as stored, as ``reader`` may see it (``answer``: the caller
        commits the usage log's row)."""
        messages, timers = store.waits(record.id)
        projections = Projections(store.ready_tasks(record.id), messages, timers, store.parties_of(record.id))
        definition = self.definitions.loaded(store, record.definition_id)
        return self.answer(store, record, definition, projections, reader)
