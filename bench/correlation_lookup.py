"""Delivering a message that correlates by a payload property, among many waiting instances.

A process waits for ``kela_numbered_decision``, whose contract correlates by the payload's
``application_number`` against the instance variable ``kela_application_number`` (the fixture of
``tests/api/test_message_correlation.py``). One instance is started through the engine; ``--instances``
copies of its rows (its ``process_instances`` row and its ``message_subscriptions`` row, each copy with
its own application number and task ids) are inserted with SQLAlchemy Core into the tables as reflected.
Then, in the engine in-process: ``--deliveries`` deliveries to copies picked across the range (each moves
its instance to its end), and as many to a number no instance holds (the look-up alone: refused).

``.venv/bin/python -m bench.correlation_lookup [--database postgresql] [--instances 10000]`` prints the
p50/p95 of both in milliseconds and writes ``build/bench/correlation_lookup.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import create_engine, insert, select

from bench.tables import reflected
from engine import Engine, EngineError, migrate_database
from harness.postgres import TemporaryPostgres, create_database
from tests.api.test_message_correlation import CONTRACT, DIAGRAM

MESSAGE = "kela_numbered_decision"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def number(index: int) -> str:
    return f"KELA-{index:06d}"


def fill(database_url: str, template_id: str, count: int) -> float:
    """Copies 1 … count of the template instance waiting for the message; answers the seconds it took."""
    db = create_engine(database_url)
    tables = reflected(db)
    instances, subscriptions = tables["process_instances"], tables["message_subscriptions"]
    began = time.monotonic()
    with db.begin() as connection:
        instance = dict(
            connection.execute(select(instances).where(instances.c.id == template_id)).one()._mapping
        )
        waits = [
            dict(r._mapping)
            for r in connection.execute(
                select(subscriptions).where(subscriptions.c.instance_id == template_id)
            )
        ]
        for first in range(1, count + 1, 1000):
            rows, subscribed = [], []
            for index in range(first, min(first + 1000, count + 1)):
                fresh = {old: str(uuid.uuid4()) for old in set(UUID.findall(instance["state"]))}
                copy_id = str(uuid.uuid4())
                variables = {**instance["variables"], "kela_application_number": number(index)}
                state = UUID.sub(lambda m, fresh=fresh: fresh[m.group(0)], instance["state"])
                rows.append({**instance, "id": copy_id, "variables": variables, "state": state})
                for wait in waits:
                    row = {k: v for k, v in wait.items() if k != "id"}
                    row.update(instance_id=copy_id, task_id=fresh.get(wait["task_id"], wait["task_id"]))
                    if "correlation_value" in row:  # the projection of the variable, where the schema has it
                        row["correlation_value"] = number(index)
                    subscribed.append(row)
            connection.execute(insert(instances), rows)
            connection.execute(insert(subscriptions), subscribed)
    if db.dialect.name == "postgresql":
        with db.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    db.dispose()
    return time.monotonic() - began


def timed(call) -> float:
    began = time.monotonic()
    call()
    return (time.monotonic() - began) * 1000


def summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "n": len(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--instances", type=int, default=10_000)
    parser.add_argument("--deliveries", type=int, default=30)
    parser.add_argument("--out", default="build/bench/correlation_lookup.json")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.database == "postgresql":
            url = create_database(stack.enter_context(TemporaryPostgres()).url, "kanta_correlation_bench")
        else:
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/kanta.sqlite3"
        migrate_database(url)
        engine = Engine(url, apply_migrations=False)
        stack.callback(engine.close)
        files = {
            "numbered_application.bpmn": DIAGRAM.encode(),
            f"messages/{MESSAGE}.json": json.dumps(CONTRACT).encode(),
        }
        engine.deploy(files, actor="analyst:bench")
        template = engine.start_instance(
            "numbered_application", actor="integrator:bench", variables={"kela_application_number": number(0)}
        )
        filled = fill(url, template.id, args.instances)
        picks = random.Random(7).sample(range(1, args.instances + 1), args.deliveries)

        def deliver(value: str) -> None:
            payload = {"application_number": value, "decision": "approved"}
            engine.deliver_message(MESSAGE, actor="integrator:bench", payload=payload)

        deliveries = [timed(lambda v=v: deliver(v)) for v in map(number, picks)]

        def look_up_nothing() -> None:
            try:
                deliver("KELA-none")
            except EngineError:
                return
            raise AssertionError("a number no instance holds was delivered")

        misses = [timed(look_up_nothing) for _ in range(args.deliveries)]
    results = {
        "database": args.database,
        "waiting_instances": args.instances + 1,
        "fill_seconds": round(filled, 1),
        "delivery": summary(deliveries),
        "look_up_finding_none": summary(misses),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
