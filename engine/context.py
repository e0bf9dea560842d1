"""What every use case works with: a new unit of work, the serializer, the sandboxed script engine and the
cache of loaded definitions; and the three steps they share (restore an instance, act on it, show it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from . import message_flow
from .audit import Change
from .bpmn import RestrictedScriptEngine, Run, Serializer
from .clock import Clock, current_clock
from .limits import Limits
from .message_keys import KEPT as MESSAGE_KEYS_KEPT
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
        workflow = self.states.take(record.id, record.revision) if to_move else None
        if workflow is not None:
            return Run(workflow, definition, self.limits)
        return Run.restore(definition, record.state, self.serializer, self.script_engine, self.limits)

    def committed(self, record: InstanceRecord, run: Run) -> None:
        """Keep the workflow of a running instance just committed, for the next unit of work on it."""
        if record.status == InstanceStatus.RUNNING and not run.cancelled:
            self.states.keep(record.id, record.revision, run.workflow)

    def act(
        self,
        target: str | Callable[[Store], str],
        action: Callable[[Run], Change | None],
        actor: str,
        *,
        claim_due_by: datetime | None = None,
        retry: Retry | None = None,
        answered: Callable[[Store, InstanceView], None] | None = None,
    ) -> InstanceView | None:
        """Apply ``action`` to the instance in a unit of work of its own (see ``act_on_instance``);
        ``answered`` is given the view it answers before the unit commits."""
        acted = act_on_instance(
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
            answered=None if answered is None else _viewed(answered),
        )
        if acted is None:
            return None
        record, definition, projections = acted
        # the definition the run acted on has the contracts of the messages the instance now awaits
        return instance_view(record, definition.version, projections, definition)

    def record_incident(self, instance_id: str, failure: dict, actor: str) -> None:
        """Put an instance in error in a unit of work of its own (its timers failed outside the diagram)."""
        with self.new_unit() as unit:
            record = unit.store.instance(instance_id)
            if record is not None and record.status == InstanceStatus.RUNNING:
                record_incident(unit.store, record, failure, actor)
                unit.commit()

    def view(self, store: Store, record: InstanceRecord) -> InstanceView:
        """An instance with its projections as stored."""
        messages, timers = store.waits(record.id)
        projections = Projections(store.ready_tasks(record.id), messages, timers, store.parties_of(record.id))
        definition = self.definitions.loaded(store, record.definition_id)
        return instance_view(record, definition.version, projections, definition)


def _viewed(answered: Callable[[Store, InstanceView], None]):
    """``answered`` given the view of what ``act_on_instance`` hands it (record, definition, projections)."""

    def answering(store: Store, record: InstanceRecord, definition, projections: Projections) -> None:
        answered(store, instance_view(record, definition.version, projections, definition))

    return answering
