"""An in-memory stand-in for the store, so the unit of work, status changes and projections are tested
without a database (the real store is tested against SQLite and PostgreSQL in tests/integration)."""

from __future__ import annotations

import copy
from dataclasses import replace
from types import SimpleNamespace

from engine.store.queries import InstanceRecord, ReadyTaskRecord


class FakeStore:
    def __init__(self):
        self.instances: dict[str, InstanceRecord] = {}
        self.ready: dict[str, ReadyTaskRecord] = {}
        self.messages: dict[str, list] = {}
        self.timers: dict[str, list] = {}
        self.audit: list[dict] = []
        self.incidents: list[dict] = []
        self.wait_writes = 0
        self.moved_by_others = 0  # how many of the next writes find the instance moved by another writer

    def instance(self, instance_id):
        record = self.instances.get(instance_id)
        return replace(record) if record else None

    def claim_due(self, instance_id, due_by, running):
        record = self.instance(instance_id)
        due = any(t.due_at <= due_by for t in self.timers.get(instance_id, []))
        return record if record and record.status == running and due else None

    def ready_tasks(self, instance_id):
        tasks = [t for t in self.ready.values() if t.instance_id == instance_id]
        return sorted(tasks, key=lambda t: (t.ready_since, t.id))

    def insert_instance(self, record):
        record.revision = 1
        self.instances[record.id] = replace(record)

    def update_instance(self, record):
        stored = self.instances[record.id]
        if self.moved_by_others:
            self.moved_by_others -= 1
            stored = self.instances[record.id] = replace(stored, revision=stored.revision + 1)
        if stored.revision != record.revision:
            return False
        record.revision += 1
        self.instances[record.id] = replace(record)
        return True

    def add_audit(self, rows):
        self.audit.extend(rows)

    def replace_ready_tasks(self, removed, added):
        for task_id in removed:
            del self.ready[task_id]
        self.ready.update({t.id: t for t in added})

    def messages_waiting_since(self, instance_id):
        return {m.task_id: m.waiting_since for m in self.messages.get(instance_id, [])}

    def hold_instance(self, instance_id):
        return self.instance(instance_id)  # one writer at a time here

    def open_incident(self, instance_id, task_id=None):
        for incident in self.incidents:
            if incident["instance_id"] == instance_id and incident["resolved_at"] is None:
                return SimpleNamespace(**incident)
        return None

    def add_incident(self, record, failure, at, task_id=None):
        self.incidents.append(
            {"id": len(self.incidents) + 1, "instance_id": record.id, "failure": failure, "failures": 1,
             "opened_at": at, "last_failure_at": at, "resolved_at": None}
        )  # fmt: skip
        return len(self.incidents)

    def count_failure(self, incident_id, failure, at):
        incident = self.incidents[incident_id - 1]
        incident.update(failure=failure, failures=incident["failures"] + 1, last_failure_at=at)

    def replace_waits(self, instance_id, messages, timers, *, stored=(True, True)):
        # a kind of wait said to have no rows must have none: else the real store would keep stale ones
        messages_stored, timers_stored = stored
        assert messages_stored or not self.messages.get(instance_id), "messages stored, said none"
        assert timers_stored or not self.timers.get(instance_id), "timers stored, said none"
        self.wait_writes += 1
        self.messages[instance_id], self.timers[instance_id] = list(messages), list(timers)


class FakeUnitOfWork:
    """A transaction over a FakeStore: what is not committed is undone when the block ends."""

    def __init__(self, store: FakeStore):
        self.store = store

    def __enter__(self):
        self._snapshot = copy.deepcopy(self.store.__dict__)
        self._committed = False
        return self

    def __exit__(self, *exc_info):
        if not self._committed:
            moved_by_others = self.store.moved_by_others  # what other writers did is not undone
            self.store.__dict__.update(self._snapshot)
            self.store.moved_by_others = moved_by_others

    def commit(self):
        self._committed = True
        self._snapshot = copy.deepcopy(self.store.__dict__)

    def rollback(self):
        pass
