"""The engine's facade: one method per use case, each one unit of work on the store.

``Engine(database_url)`` connects (and by default migrates) the store; the use cases live in
``definitions``, ``instances``, ``tasks``, ``messages`` and ``timers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from . import (
    catalogue,
    definitions,
    external_tasks,
    incidents,
    instance_migration,
    instances,
    message_keys,
    messages,
    oversight,
    tasks,
    timers,
)
from .bpmn import RestrictedScriptEngine, Serializer
from .clock import Clock
from .context import Context
from .form_words import FormWordCache
from .limits import Limits
from .names import DIAGRAM_LANGUAGE, NameCache, Naming
from .personal_data import Reader
from .results import (
    DefinitionElements,
    DefinitionView,
    DeployResult,
    ExternalTaskView,
    HistoryEvent,
    IncidentView,
    InstanceView,
    Page,
    StartPageForm,
    TaskView,
)
from .store.database import connect, migrate
from .store.queries import InstanceFinding
from .unit_of_work import UnitOfWork
from .work_signal import WorkSignal


class Engine:
    """Runs the catalogue's processes durably over one database."""

    def __init__(
        self,
        database_url: str,
        *,
        clock_source: Clock | None = None,
        script_timeout: float | None = None,
        limits: Limits | None = None,
        apply_migrations: bool = True,
        message_keys_kept: timedelta = message_keys.KEPT,
    ):
        limits = limits or Limits()
        if script_timeout is not None:
            limits = replace(limits, script_seconds=script_timeout)
        self.db = connect(database_url)
        if apply_migrations:
            migrate(self.db)
        serializer = Serializer()
        self._work_signal = WorkSignal(self.db)
        self._context = Context(
            new_unit=lambda: UnitOfWork(self.db, clock_source, self._work_signal),
            serializer=serializer,
            script_engine=RestrictedScriptEngine(
                timeout_seconds=limits.script_seconds,
                task_limit=limits.tasks,
                memory_bytes=limits.script_memory_bytes,
                data_bytes=limits.state_bytes,
            ),
            limits=limits,
            definitions=definitions.DefinitionCache(serializer),
            clock_source=clock_source,
            message_keys_kept=message_keys_kept,
        )
        self._names = NameCache()
        self._form_words = FormWordCache(DIAGRAM_LANGUAGE)

    def close(self) -> None:
        self._work_signal.close()
        self._context.script_engine.close()
        self.db.dispose()

    def health(self) -> dict:
        """Whether the database answers and how many processes are deployed."""
        try:
            with self._context.new_unit() as unit:
                deployed = unit.store.deployed_process_count()
        except SQLAlchemyError:
            return {"status": "unavailable", "database": "unreachable", "definitions": 0}
        status = "ok" if deployed else "no definitions"
        return {"status": status, "database": "reachable", "definitions": deployed}

    # ---- definitions ------------------------------------------------------------------------------

    def deploy(
        self, files: Mapping[str, bytes], actor: str, *, forms_from_catalogue: bool = False
    ) -> DeployResult:
        return definitions.deploy(self._context, files, actor, forms_from_catalogue=forms_from_catalogue)

    def deploy_folder(self, root: Path, actor: str) -> DeployResult:
        """Deploy a catalogue folder; an empty or missing one is an empty catalogue, which deploys nothing."""
        files = catalogue.read_folder(Path(root))
        return definitions.deploy(self._context, files, actor, empty_is_valid=True)

    def list_definitions(self) -> list[DefinitionView]:
        return definitions.list_latest(self._context)

    def retire_process(self, key: str, *, actor: str, reason: str = "") -> DefinitionView:
        return definitions.retire(self._context, key, actor=actor, reason=reason)

    def reinstate_process(self, key: str, *, actor: str) -> DefinitionView:
        return definitions.reinstate(self._context, key, actor=actor)

    def get_definition(self, key: str, version: int | None = None) -> DefinitionView:
        return definitions.get(self._context, key, version)

    def definition_versions(self, key: str) -> list[DefinitionView]:
        return definitions.versions(self._context, key)

    def definition_elements(self, key: str, version: int | None = None) -> DefinitionElements:
        """The named elements of a version's diagram (the latest's when ``version`` is None): what a reader
        picks a step or a lane by, and what draws the diagram in the reader's language (``in_language``)."""
        return definitions.elements(self._context, key, version)

    def in_language(self, result, language: str):
        """``result`` (what a use case answered) with the element names and the forms' words it shows in
        ``language`` (one of ``NAME_LANGUAGES``), and the languages those are in: ``language`` first, the
        diagram's own after it when some name or word has none in ``language``; none when ``result`` shows
        neither."""
        naming = Naming(
            language,
            lambda key, version: self._names.of(key, version, self._deployed_files),
            self._form_words,
        )
        named = naming.result(result)
        return named, sorted(naming.used, key=lambda used: (used != language, used))

    def _deployed_files(self, key: str, version: int) -> dict[str, str]:
        with self._context.new_unit() as unit:
            row = unit.store.definition_version(key, version)
            return row.sources if row is not None else {}

    def definition_source(self, key: str, version: int | None = None) -> str:
        return definitions.source(self._context, key, version)

    # ---- instances --------------------------------------------------------------------------------

    def start_instance(
        self,
        process_key: str,
        *,
        actor: str,
        business_key: str | None = None,
        variables: Mapping | None = None,
        idempotency_key: str | None = None,
        allow_duplicate: bool = True,
        party: str | None = None,
    ) -> InstanceView:
        """Start an instance. ``party`` everywhere below is the caller's organisation: a party sees and does
        only its own part (engine/parties.py); None is a caller of no party (admin, analyst), who sees all.
        NotFound for what the party may not know exists, Forbidden for what it sees but may not do."""
        return instances.start(
            self._context,
            process_key,
            actor=actor,
            business_key=business_key,
            variables=variables,
            idempotency_key=idempotency_key,
            allow_duplicate=allow_duplicate,
            party=party,
        )

    def form_to_start(self, process_key: str) -> StartPageForm:
        """The JSON Schema a person fills to start ``process_key`` (``start_from_form``): the business key
        as a Y-tunnus, and the fields of the process's start form (or the organisation's name); the fields
        the engine adds are worded in ``language``, one of ``NAME_LANGUAGES``."""
        return instances.form_to_start(self._context, process_key)

    def start_from_form(
        self,
        process_key: str,
        data: Mapping,
        *,
        actor: str,
        allow_duplicate: bool = False,
        idempotency_key: str | None = None,
        party: str | None = None,
    ) -> InstanceView:
        """Start an instance with the data of ``form_to_start``: its business key and variables, checked as
        a task's data is. A second instance of a business key that has one running is refused unless
        ``allow_duplicate``."""
        return instances.start_from_form(
            self._context,
            process_key,
            data,
            actor=actor,
            allow_duplicate=allow_duplicate,
            idempotency_key=idempotency_key,
            party=party,
        )

    def get_instance(
        self, instance_id: str, *, party: str | None = None, reader: Reader | None = None
    ) -> InstanceView:
        """The instance; a ``reader``'s read is written to the usage log and shows the personal data it may
        see (engine/personal_data.py)."""
        return instances.get(self._context, instance_id, party, reader)

    def list_instances(
        self,
        *,
        process_key: str | None = None,
        status: str | tuple[str, ...] | None = None,
        business_key: str | None = None,
        limit: int = 50,
        offset: int = 0,
        search: str | None = None,
        version: int | None = None,
        lane: str | None = None,
        waiting_at: str | None = None,
        due_before: datetime | None = None,
        sort: str = "-started_at",
        party: str | None = None,
    ) -> Page[InstanceView]:
        """Instances by their columns' values and by what ``InstanceFinding`` finds: a part of the business
        key or organisation name, the version, a lane or element where they wait, a timer due before a
        time; sorted by started_at, updated_at or next_due_at ("-" first: latest first)."""
        finding = InstanceFinding(search, version, lane, waiting_at, due_before, sort)
        return instances.page(
            self._context,
            process_key=process_key,
            status=status,
            business_key=business_key,
            limit=limit,
            offset=offset,
            finding=finding,
            party=party,
        )

    def cancel_instance(self, instance_id: str, *, actor: str, party: str | None = None) -> InstanceView:
        return instances.cancel(self._context, instance_id, actor=actor, party=party)

    def history(
        self, instance_id: str, *, party: str | None = None, reader: Reader | None = None
    ) -> list[HistoryEvent]:
        return instances.history(self._context, instance_id, party, reader)

    def shown(self, view: InstanceView, reader: Reader) -> InstanceView:
        """``view`` (what an action answered) with the personal data ``reader`` may not see masked; the
        answer is written to the usage log."""
        return instances.shown(self._context, view, reader)

    def verify_audit(self) -> list[dict]:
        """Check the hash chains of the audit trail and the usage log: per table, the first row that breaks
        its instance's chain (None: every chain holds) and why, and how many rows predate the chains."""
        with self._context.new_unit() as unit:
            return [
                {"table": table, "broken_row": row_id, "why": why, "unhashed": unhashed}
                for table, row_id, why, unhashed in unit.store.broken_links()
            ]

    def usage_log(self, *, instance_id: str | None = None, limit: int = 50, offset: int = 0) -> Page[dict]:
        """The reads of instances' data, newest first: who, which instance, which fields (shown, masked),
        when and through which endpoint."""
        with self._context.new_unit() as unit:
            rows, total, exact = unit.store.usage_page(instance_id, limit, offset)
        return Page(rows, total, limit, offset, exact)

    # ---- tasks ------------------------------------------------------------------------------------

    def list_tasks(
        self,
        *,
        instance_id: str | None = None,
        process_key: str | None = None,
        lane: str | None = None,
        business_key: str | None = None,
        assignee: str | None = None,
        candidate_user: str | None = None,
        candidate_group: str | None = None,
        element_id: str | None = None,
        offered_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
        party: str | None = None,
    ) -> Page[TaskView]:
        """Ready tasks by their columns; ``offered_to`` a user: the tasks assigned to them or offered to
        them as a candidate ("my tasks")."""
        return tasks.page(
            self._context,
            instance_id=instance_id,
            process_key=process_key,
            lane=lane,
            business_key=business_key,
            assignee=assignee,
            candidate_user=candidate_user,
            candidate_group=candidate_group,
            element_id=element_id,
            offered_to=offered_to,
            limit=limit,
            offset=offset,
            party=party,
        )

    def get_task(self, task_id: str, *, party: str | None = None, reader: Reader | None = None) -> TaskView:
        return tasks.get(self._context, task_id, party, reader)

    def complete_task(
        self, task_id: str, data: Mapping | None, *, actor: str, party: str | None = None
    ) -> InstanceView:
        return tasks.complete(self._context, task_id, data, actor=actor, party=party)

    # ---- external tasks ---------------------------------------------------------------------------

    def on_work_ready(self, listener) -> None:
        """Call ``listener(topics)`` (a frozenset of topic names) as soon as external tasks of those topics
        become fetchable: after the commit that made them so, in this process, and on PostgreSQL also in
        the other processes on the database. From any thread; it must not block. A hint to look again,
        never a promise that a fetch finds the task (another worker may take it first)."""
        self._work_signal.listen(listener)

    # Workers' service-task work. Ids are text (a task's id is a UUID), times aware UTC datetimes, variables
    # JSON objects. NotFound: no such task waits (it was completed, or its instance moved past it);
    # Conflict: the task is locked by another worker, or by none; InvalidData: a refused argument, named
    # by a JSON Pointer (``/topics/0/lock_duration_ms``).

    def fetch_and_lock(
        self, worker_id: str, topics: list[Mapping], max_tasks: int = 10, *, actor: str, party=None
    ) -> list[ExternalTaskView]:
        """Lock up to ``max_tasks`` fetchable tasks for ``worker_id``, oldest first. ``topics`` is a list of
        ``{"name": str, "lock_duration_ms": int, "variables": [str] | None}``, each also with
        ``"business_key"``, ``"process_keys"``, ``"definitions"`` ([(key, version)]) and ``"holding"``
        ({variable: value}) to fetch only those instances' tasks, and ``"local_only"`` to answer only the
        task's own variables (a waiting task has none); each task answered carries ``worker_id``,
        ``lock_expires_at`` and ``variables`` (the instance's, or only those named)."""
        return external_tasks.fetch_and_lock(
            self._context, worker_id, list(topics), max_tasks, actor=actor, party=party
        )

    def complete_external_task(
        self,
        task_id: str,
        worker_id: str,
        variables: Mapping | None = None,
        *,
        actor: str,
        local_variables: Mapping | None = None,
        party: str | None = None,
    ) -> InstanceView:
        """Complete the task ``worker_id`` holds with ``variables``; answers the instance moved on.
        ``local_variables`` are the task's own: gone when it completes (the audit keeps them)."""
        return external_tasks.complete(
            self._context,
            task_id,
            worker_id,
            variables,
            actor=actor,
            local_variables=local_variables,
            party=party,
        )

    def handle_external_task_failure(
        self,
        task_id: str,
        worker_id: str,
        *,
        error_message: str | None = None,
        error_details: str | None = None,
        retries: int = 0,
        retry_timeout_ms: int = 0,
        actor: str,
        party: str | None = None,
    ) -> ExternalTaskView:
        """Record a failure of the task ``worker_id`` holds and release it: fetchable again after
        ``retry_timeout_ms`` with ``retries`` left; ``retries`` 0 opens an incident on the instance."""
        return external_tasks.handle_failure(
            self._context,
            task_id,
            worker_id,
            error_message=error_message,
            error_details=error_details,
            retries=retries,
            retry_timeout_ms=retry_timeout_ms,
            actor=actor,
            party=party,
        )

    def handle_external_task_bpmn_error(
        self,
        task_id: str,
        worker_id: str,
        error_code: str,
        *,
        error_message: str | None = None,
        variables: Mapping | None = None,
        actor: str,
        party: str | None = None,
    ) -> InstanceView:
        """Throw BPMN error ``error_code`` at the task ``worker_id`` holds; its error boundary event catches
        it with ``variables``. Uncaught: an incident (``uncaught-error``) on the instance, which waits."""
        return external_tasks.handle_bpmn_error(
            self._context,
            task_id,
            worker_id,
            error_code,
            error_message=error_message,
            variables=variables,
            actor=actor,
            party=party,
        )

    def extend_external_task_lock(
        self, task_id: str, worker_id: str, new_duration_ms: int, *, actor: str, party=None
    ) -> ExternalTaskView:
        """Lock the task ``worker_id`` holds for ``new_duration_ms`` from now."""
        return external_tasks.extend_lock(
            self._context, task_id, worker_id, new_duration_ms, actor=actor, party=party
        )

    def unlock_external_task(self, task_id: str, *, actor: str, party: str | None = None) -> ExternalTaskView:
        """Release the task's lock, whoever holds it; it is fetchable again at once."""
        return external_tasks.unlock(self._context, task_id, actor=actor, party=party)

    def get_external_task(self, task_id: str, *, party: str | None = None) -> ExternalTaskView:
        return external_tasks.get(self._context, task_id, party)

    def list_external_tasks(
        self,
        *,
        topic: str | None = None,
        locked: bool | None = None,
        instance_id: str | list[str] | None = None,
        process_key: str | None = None,
        worker_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
        party: str | None = None,
        task_ids: list[str] | None = None,
        element_ids: list[str] | None = None,
        retries_left: bool | None = None,
        definition: tuple[str, int] | None = None,
    ) -> Page[ExternalTaskView]:
        """The external tasks instances wait at, oldest first; ``locked`` True: lock held now, False: not;
        ``retries_left`` False: out of retries (held back by an incident); ``definition``: (key, version)."""
        return external_tasks.page(
            self._context,
            topic=topic,
            locked=locked,
            instance_id=instance_id,
            process_key=process_key,
            worker_id=worker_id,
            limit=limit,
            offset=offset,
            party=party,
            task_ids=task_ids,
            element_ids=element_ids,
            retries_left=retries_left,
            definition=definition,
        )

    def set_external_task_retries(
        self,
        task_ids: list[str],
        retries: int,
        *,
        actor: str,
        party: str | None = None,
        may_resolve_incidents: bool = False,
    ) -> list[ExternalTaskView]:
        """Set the retries left of the tasks: 0 opens an incident, as a failure with none left does; more
        resolves the incident of a task held back by one (only with ``may_resolve_incidents``: Forbidden
        otherwise). All or none."""
        return external_tasks.set_retries(
            self._context,
            list(task_ids) if isinstance(task_ids, list | tuple) else task_ids,
            retries,
            actor=actor,
            party=party,
            may_resolve_incidents=may_resolve_incidents,
        )

    # ---- messages and timers ----------------------------------------------------------------------

    def deliver_message(
        self,
        name: str,
        *,
        actor: str,
        business_key: str | None = None,
        instance_id: str | None = None,
        correlation_keys: Mapping | None = None,
        payload: Mapping | None = None,
        party: str | None = None,
        idempotency_key: str | None = None,
    ) -> InstanceView:
        """Deliver a message, or start the process whose message start event waits for it (once per
        business key; ``idempotency_key``: a message sent again answers the instance it started)."""
        return messages.deliver(
            self._context,
            name,
            actor=actor,
            business_key=business_key,
            instance_id=instance_id,
            correlation_keys=correlation_keys,
            payload=payload,
            party=party,
            idempotency_key=idempotency_key,
        )

    def fire_due_timers(self, *, actor: str = "timer", limit: int = timers.BATCH) -> list[str]:
        return timers.fire_due(self._context, actor=actor, limit=limit)

    def clock_reading(self) -> tuple[datetime, bool]:
        return timers.clock_reading(self._context)

    def advance_clock(self, duration: str, *, actor: str) -> tuple[datetime, list[str]]:
        return timers.advance_clock(self._context, duration, actor=actor)

    # ---- incidents and repairs --------------------------------------------------------------------

    def list_incidents(
        self,
        *,
        process_key: str | None = None,
        instance_id: str | None = None,
        open_only: bool = True,
        limit: int = 50,
        offset: int = 0,
        party: str | None = None,
    ) -> Page[IncidentView]:
        return incidents.page(
            self._context,
            process_key=process_key,
            instance_id=instance_id,
            open_only=open_only,
            limit=limit,
            offset=offset,
            party=party,
        )

    def get_incident(self, incident_id: int, *, party: str | None = None) -> IncidentView:
        return incidents.get(self._context, incident_id, party)

    def retry_incident(self, incident_id: int, *, actor: str, retries: int | None = None) -> InstanceView:
        """Retry what an incident stopped; an external task's incident gives the task back to the workers
        with ``retries`` left (default 1). Answers the instance."""
        return incidents.retry(self._context, incident_id, actor=actor, retries=retries)

    def resolve_incident(self, incident_id: int, *, actor: str) -> IncidentView:
        """Mark resolved an incident of a fault of the diagram that a request met (its instance did not
        stop); one that stopped its instance is retried instead."""
        return incidents.resolve(self._context, incident_id, actor=actor)

    def change_variables(
        self,
        instance_id: str,
        *,
        actor: str,
        values: Mapping | None = None,
        removed: list[str] = (),
        reader: Reader | None = None,
    ) -> InstanceView:
        """Correct an instance's variables (audited with the old values); with ``reader``, the use of its data
        is written to the usage log."""
        return incidents.change_variables(
            self._context, instance_id, values, list(removed), actor=actor, reader=reader
        )

    # ---- versions of running instances ------------------------------------------------------------

    def oversight(
        self, key: str, *, due_within_days: int = 7, party: str | None = None
    ) -> oversight.OversightView:
        """Where the process's running instances wait, what falls due and what is late; a party's, of the
        instances it plays a lane of only."""
        return oversight.oversight(self._context, key, due_within_days=due_within_days, party=party)

    def instances_per_version(self, key: str, *, party: str | None = None) -> dict[int, dict[str, int]]:
        """Per version of a process: how many of its instances are in each status (a party's: of the
        instances it plays a lane of)."""
        return instance_migration.instances_per_version(self._context, key, party)

    def migration_plan(
        self, key: str, from_version: int, to_version: int, mapping: Mapping | None = None
    ) -> instance_migration.MigrationPlan:
        return instance_migration.plan(self._context, key, from_version, to_version, dict(mapping or {}))

    def migrate_instances(
        self,
        key: str,
        from_version: int,
        to_version: int,
        *,
        actor: str,
        mapping: Mapping | None = None,
        instance_ids: list[str] | None = None,
        dry_run: bool = False,
    ) -> instance_migration.MigrationOutcome:
        return instance_migration.migrate(
            self._context,
            key,
            from_version,
            to_version,
            dict(mapping or {}),
            instance_ids,
            dry_run=dry_run,
            actor=actor,
        )

    def start_migration_batch(
        self,
        key: str,
        from_version: int,
        to_version: int,
        *,
        actor: str,
        mapping: Mapping | None = None,
        instance_ids: list[str] | None = None,
    ) -> instance_migration.BatchView:
        return instance_migration.start_batch(
            self._context, key, from_version, to_version, dict(mapping or {}), instance_ids, actor=actor
        )

    def migration_batch(self, batch_id: int) -> instance_migration.BatchView:
        return instance_migration.get_batch(self._context, batch_id)

    def run_migration_batches(self, *, limit: int = instance_migration.CHUNK) -> int:
        """Move the next chunk of a waiting migration batch; how many instances it handled."""
        return instance_migration.run_batches(self._context, limit=limit)
