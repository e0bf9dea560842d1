"""Fill the engine's tables fast for P2: copies of one real instance's rows, inserted with SQLAlchemy Core
into the tables as reflected from the database.

Going through the API would take hours for 100,000 instances on a small machine; the copies have the
rows a started instance has (its state, its ready task, its audit events) under new ids and business
keys, started one second apart so that lists have an order to keep. A copy's state still names the
template's task ids, so copies are listed and counted but never completed; the benchmark only completes
instances it started through the API.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select, text

from bench.tables import reflected

BATCH = 2000


@dataclass
class Template:
    instance: dict
    ready: list[dict]
    audit: list[dict]
    timers: list[dict]
    messages: list[dict]

    @classmethod
    def read(cls, db: Engine, instance_id: str) -> Template:
        tables = reflected(db)
        instances = tables["process_instances"]
        with db.connect() as connection:

            def rows(name):
                table = tables[name]
                found = connection.execute(select(table).where(table.c.instance_id == instance_id))
                return [dict(r._mapping) for r in found]

            instance = connection.execute(select(instances).where(instances.c.id == instance_id)).one()
            return cls(
                dict(instance._mapping),
                rows("ready_tasks"),
                rows("audit_events"),
                rows("pending_timers"),
                rows("message_subscriptions"),
            )


def business_key(number: int) -> str:
    return f"fill-{number:06d}"


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _fresh_ids(template: Template) -> tuple[dict, list, list, list]:
    """The template's state and projection rows with every task id replaced by a new one, consistently:
    a copy whose tasks are its own can be moved on (migrated, completed) like an instance started live."""
    new = {old: str(uuid.uuid4()) for old in set(UUID.findall(template.instance["state"]))}

    def renamed(value):
        return new.get(value, value)

    instance = {**template.instance, "state": UUID.sub(lambda m: new[m.group(0)], template.instance["state"])}
    ready = [{**r, "id": renamed(r["id"])} for r in template.ready]
    timers = [{**t, "task_id": renamed(t["task_id"])} for t in template.timers]
    messages = [{**m, "task_id": renamed(m["task_id"])} for m in template.messages]
    return instance, ready, timers, messages


def fill(db: Engine, template: Template, first: int, last: int, *, own_tasks: bool = False) -> float:
    """Insert copies numbered ``first`` … ``last - 1``; answers the seconds it took. With ``own_tasks``
    each copy's tasks get ids of their own (slower; else they share the template's). VACUUM ANALYZE
    follows, as autovacuum would long have run on a database that grew over months (and so that it does
    not run now, on the same two cores, while latencies are measured)."""
    started = time.perf_counter()
    tables = reflected(db)
    base = template.instance["started_at"]
    for batch_start in range(first, last, BATCH):
        instances, ready, audit, timers, messages = [], [], [], [], []
        for number in range(batch_start, min(batch_start + BATCH, last)):
            copied, copied_ready, copied_timers, copied_messages = (
                _fresh_ids(template)
                if own_tasks
                else (template.instance, template.ready, template.timers, template.messages)
            )
            instance_id = str(uuid.uuid4())
            key = business_key(number)
            at = base - timedelta(seconds=last - number)
            instances.append(
                {**copied, "id": instance_id, "business_key": key, "idempotency_key": None,
                 "started_at": at, "updated_at": at}
            )  # fmt: skip
            ready.extend(
                {**r, "id": str(uuid.uuid4()), "instance_id": instance_id, "business_key": key,
                 "ready_since": at}
                for r in copied_ready
            )  # fmt: skip
            audit.extend(
                {**{k: v for k, v in a.items() if k != "id"}, "instance_id": instance_id, "at": at}
                for a in template.audit
            )
            timers.extend(
                {**{k: v for k, v in t.items() if k != "id"}, "instance_id": instance_id}
                for t in copied_timers
            )
            messages.extend(
                {**{k: v for k, v in m.items() if k != "id"}, "instance_id": instance_id, "business_key": key}
                for m in copied_messages
            )
        with db.begin() as connection:
            connection.execute(tables["process_instances"].insert(), instances)
            for name, rows in (
                ("ready_tasks", ready),
                ("audit_events", audit),
                ("pending_timers", timers),
                ("message_subscriptions", messages),
            ):
                if rows:
                    connection.execute(tables[name].insert(), rows)
    with db.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE" if db.dialect.name == "postgresql" else "ANALYZE"))
    return time.perf_counter() - started
