"""Scale figures of the real service (gunicorn, SQLite and PostgreSQL), each measured as a ratio in one run.

P1  K instances of the patient data repository onboarding main path through HTTP, one client on keep-alive
    connections, on SQLite and on PostgreSQL: instances/s, per-call p50/p95; beside it, in the same run
    and interleaved round by round, bare SpiffWorkflow doing the same path with serialize + deserialize
    around every step. p1_ratio = HTTP engine on SQLite / bare, per instance.
P2  start + complete + get instance, and the task lists (by business key; by process key, 50 a page),
    with 1,000 and then 100,000 instances stored in PostgreSQL (filled with copies of a real instance's
    rows). p2_ratio = the worst p50 ratio (100k / 1k) of those calls.
P3  bytes stored per instance (state + instance row + projection rows; audit rows apart) against
    SpiffWorkflow's default serialization (spec included) of bare SpiffWorkflow's instance walking the
    same path, after every step of the path. p3_ratio = the largest stored/default over the path.
P4  instances/s of the P1 path with several concurrent clients, 1 and then 2 gunicorn workers on
    PostgreSQL. p4_speedup = 2 workers / 1 worker.
P5  a migration batch moving N (10,000) waiting instances to a changed version on PostgreSQL, run by the
    server's timer thread: instances/s, and the API's p95 latency meanwhile against the p95 before the
    batch. p5_latency_ratio = p95 during / p95 before.

Loopback only, bounded load, stops by itself; prints a table and writes build/bench/results.json.

    .venv/bin/python -m bench.scale [--instances 30] [--rounds 3] [--large 100000] [--only p1,p3]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, func, select, text

from bench import api_client, bulk_fill, machine
from bench.api_client import Client, Latencies
from bench.pdr_path import (
    PROCESS_KEY,
    PROCESSES,
    ROOT,
    STEPS,
    WRITES_PER_INSTANCE,
    BareSpiffWorkflow,
    bare_serialized,
    through_engine,
)
from bench.tables import reflected
from engine import COUNT_CAP, Engine
from harness.catalogue import changed_copy
from harness.postgres import TemporaryPostgres, create_database
from harness.server import RunningServer

TARGETS = {
    "p1_ratio": ("<=", 2.0),
    "p2_ratio": ("<=", 1.2),
    "p3_ratio": ("<=", 0.5),
    "p4_speedup": (">=", 1.5),
}
FIRST_TASK = STEPS[0]


def percentile(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def call_figures(latencies: Latencies) -> dict:
    figures = {"all": _p50_p95(latencies.all())}
    figures.update({kind: _p50_p95(values) for kind, values in sorted(latencies.by_kind.items())})
    return figures


def _p50_p95(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": ms(percentile(values, 50)), "p95_ms": ms(percentile(values, 95))}


class Run:
    """What every phase needs: the temporary folder, the PostgreSQL server, a token, bare SpiffWorkflow."""

    def __init__(self, folder: Path, postgres: TemporaryPostgres, options):
        self.folder, self.postgres, self.options = folder, postgres, options
        self.token = secrets.token_urlsafe(24)
        self.bare = BareSpiffWorkflow()
        self.postmaster = machine.postmaster_pid(getattr(postgres, "_data", Path("/nonexistent")))

    def server(
        self, name: str, *, database: str | None = None, workers: int = 1, env: dict | None = None
    ) -> RunningServer:
        url = create_database(self.postgres.url, database) if database else None
        return RunningServer(
            self.folder / name,
            tokens=f"admin:bench:{self.token}",
            processes=PROCESSES,
            database_url=url,
            workers=workers,
            startup_timeout=120,
            env=env,
        )

    def client(self, server: RunningServer) -> Client:
        return Client(server.port, self.token)

    def engine_batch(self, engine: Engine, count: int, prefix: str) -> float:
        started = time.perf_counter()
        for index in range(count):
            through_engine(engine, f"{prefix}-{index}")
        return (time.perf_counter() - started) / count

    def bare_batch(self, count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            bare_serialized(self.bare)
        return (time.perf_counter() - started) / count


# ---- P1 ------------------------------------------------------------------------------------------


def p1_store(run: Run, store: str) -> dict:
    options = run.options
    per_round = max(1, options.instances // options.rounds)
    database = "bench_p1" if store == "postgresql" else None
    with run.server(f"p1-{store}", database=database) as server:
        client = run.client(server)
        for warm in range(2):  # definitions restored and cached, connection pools filled
            api_client.run_path(client, f"p1-{store}-warm-{warm}", Latencies())
        run.bare_batch(2)
        # The engine in this process, on a store of its own kind: what HTTP adds on top of it.
        if database:
            in_process = Engine(create_database(run.postgres.url, "bench_p1_in_process"))
        else:
            in_process = Engine(f"sqlite:///{run.folder / 'p1-in-process.sqlite3'}")
        in_process.deploy_folder(PROCESSES, actor="bench")
        run.engine_batch(in_process, 2, f"p1-{store}-engine-warm")
        latencies, http_rounds, bare_rounds, engine_rounds = Latencies(), [], [], []
        meter = machine.CpuMeter(server._process.pid, run.postmaster if database else None)
        http_wall, cpu = 0.0, []
        for number in range(options.rounds):
            bare_rounds.append(run.bare_batch(per_round))
            engine_rounds.append(run.engine_batch(in_process, per_round, f"p1-{store}-engine-{number}"))
            meter.start()
            started = time.perf_counter()
            for index in range(per_round):
                api_client.run_path(client, f"p1-{store}-{number}-{index}", latencies)
            elapsed = time.perf_counter() - started
            cpu.append(meter.stop(elapsed))
            http_wall += elapsed
            http_rounds.append(elapsed / per_round)
        in_process.close()
    instances = per_round * options.rounds
    http, bare = statistics.median(http_rounds), statistics.median(bare_rounds)
    return {
        "instances": instances,
        "writes_per_instance": WRITES_PER_INSTANCE,
        "instances_per_s": round(instances / http_wall, 2),
        "http_ms_per_instance": ms(http),
        "bare_serialized_ms_per_instance": ms(bare),
        "ratio": round(http / bare, 2),
        "engine_in_process_ms_per_instance": ms(statistics.median(engine_rounds)),
        "engine_in_process_ratio": round(statistics.median(engine_rounds) / bare, 2),
        "calls": call_figures(latencies),
        "server_cpu_ms_per_instance": ms(sum(c["server_cpu_s"] for c in cpu) / instances),
        "postgres_cpu_ms_per_instance": ms(sum(c["postgres_cpu_s"] for c in cpu) / instances),
        "driver_cpu_ms_per_instance": ms(sum(c["driver_cpu_s"] for c in cpu) / instances),
        "machine_busy": round(statistics.mean(c["machine_busy"] for c in cpu), 3),
    }


# ---- P3 ------------------------------------------------------------------------------------------


def _bytes(value) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return len(value.encode())
    if isinstance(value, dict | list):
        return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())
    return 8  # numbers and timestamps


def _row_bytes(row) -> int:
    return sum(_bytes(v) for v in row._mapping.values())


def p3(run: Run) -> dict:
    """One instance along the path; after every write, its stored bytes against the default serialization
    of bare SpiffWorkflow's instance after the same write of the same path."""
    points = []
    default_sizes = bare_serialized(run.bare)
    with run.server("p3", database="bench_p3") as server:
        db = create_engine(server._database_url)
        tables = reflected(db)
        instances = tables["process_instances"]

        def rows_of(connection, name: str, instance_id: str) -> list:
            table = tables[name]
            return list(connection.execute(select(table).where(table.c.instance_id == instance_id)))

        def measure(instance: dict, after: str) -> None:
            with db.connect() as connection:
                row = connection.execute(select(instances).where(instances.c.id == instance["id"])).one()
                on_disk = connection.scalar(
                    select(func.pg_column_size(instances.c.state)).where(instances.c.id == row.id)
                )
                projections = sum(
                    _row_bytes(r)
                    for name in ("ready_tasks", "pending_timers", "message_subscriptions")
                    for r in rows_of(connection, name, row.id)
                )
                audit = rows_of(connection, "audit_events", row.id)
            default = default_sizes[len(points)]
            stored = _row_bytes(row) + projections
            points.append(
                {
                    "after": after,
                    "state_bytes": _bytes(row.state),
                    "state_bytes_on_disk_postgresql": on_disk,
                    "instance_row_and_projections_bytes": stored,
                    "audit_rows": len(audit),
                    "audit_bytes": sum(_row_bytes(a) for a in audit),
                    "default_serialization_bytes": default,
                    "ratio": round(stored / default, 3),
                    "ratio_with_audit": round((stored + sum(_row_bytes(a) for a in audit)) / default, 3),
                }
            )

        api_client.run_path(run.client(server), "p3-0737546-2", Latencies(), after_step=measure)
        db.dispose()
    worst = max(points, key=lambda p: p["ratio"])
    return {"ratio": worst["ratio"], "worst_after": worst["after"], "points": points}


# ---- P2 ------------------------------------------------------------------------------------------


def _p2_sample(client: Client, number: int, scale: int, probe_key: str, latencies: Latencies) -> None:
    client.connect()
    try:
        instance = api_client.start(client, f"p2-{scale}-{number}", latencies)
        instance = api_client.complete(client, instance, FIRST_TASK[1], FIRST_TASK[2], latencies)
        _, seconds = client.call("GET", f"/process-instances/{instance['id']}")
        latencies.add("get_instance", seconds)
        page, seconds = client.call("GET", f"/tasks?business_key={probe_key}")
        assert len(page["items"]) == 1, page
        latencies.add("tasks_by_business_key", seconds)
        page, seconds = client.call("GET", f"/tasks?process_key={PROCESS_KEY}&limit=50")
        assert len(page["items"]) == 50, page
        latencies.add("tasks_by_process_key", seconds)
    finally:
        client.close()


def _sql_timings(db, repeat: int = 5) -> dict:
    """The task list's two statements by process key, straight on the database: what the API waits for."""
    table = reflected(db)["ready_tasks"]
    matching = select(table.c.id).where(table.c.process_key == PROCESS_KEY)
    # counted as the engine counts a list: up to its cap
    count = select(func.count()).select_from(matching.limit(COUNT_CAP + 1).subquery())
    page = (
        select(table)
        .where(table.c.process_key == PROCESS_KEY)
        .order_by(table.c.ready_since, table.c.id)
        .limit(50)
    )
    figures = {}
    with db.connect() as connection:
        for name, statement in (("count", count), ("page", page)):
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                connection.execute(statement).all()
                times.append(time.perf_counter() - started)
            figures[f"sql_{name}_ms"] = ms(statistics.median(times))
        plan = connection.execute(
            text("EXPLAIN " + str(page.compile(db, compile_kwargs={"literal_binds": True})))
        )
        figures["page_plan"] = [line for (line,) in plan][:6]
    return figures


def p2(run: Run) -> dict:
    options = run.options
    scales = (options.small, options.large)
    results = {"store": "postgresql", "scales": {}}
    with run.server("p2", database="bench_p2") as server:
        client = run.client(server)
        db = create_engine(server._database_url)
        client.connect()
        template_instance = api_client.start(client, "p2-template", Latencies())
        client.close()
        template = bulk_fill.Template.read(db, template_instance["id"])
        instances = reflected(db)["process_instances"]
        stored = 1
        for scale in scales:
            fill_seconds = bulk_fill.fill(db, template, stored, scale)
            stored = scale
            with db.connect() as connection:
                counted = connection.scalar(select(func.count()).select_from(instances))
            probe = bulk_fill.business_key(scale // 2)
            for warm in range(3):
                _p2_sample(client, warm, -scale, probe, Latencies())
            latencies = Latencies()
            for number in range(options.samples):
                _p2_sample(client, number, scale, probe, latencies)
            results["scales"][str(scale)] = {
                "instances_stored": counted,
                "fill_s": round(fill_seconds, 1),
                "calls": call_figures(latencies),
                **_sql_timings(db),
            }
        db.dispose()
    small, large = (results["scales"][str(s)]["calls"] for s in scales)
    kinds = ["start", "complete", "get_instance", "tasks_by_business_key", "tasks_by_process_key"]
    ratios = {kind: round(large[kind]["p50_ms"] / small[kind]["p50_ms"], 2) for kind in kinds}
    worst = max(ratios, key=ratios.get)
    results.update({"ratios_p50": ratios, "ratio": ratios[worst], "worst_call": worst})
    return results


# ---- P4 ------------------------------------------------------------------------------------------


def _concurrent(run: Run, client_count: int, per_client: int, server, prefix: str) -> tuple[float, Latencies]:
    latencies, lock = Latencies(), threading.Lock()

    def one_client(number: int) -> None:
        mine, client = Latencies(), run.client(server)
        for index in range(per_client):
            api_client.run_path(client, f"{prefix}-{number}-{index}", mine)
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    with ThreadPoolExecutor(client_count) as pool:
        for future in [pool.submit(one_client, n) for n in range(client_count)]:
            future.result()
    return time.perf_counter() - started, latencies


def p4(run: Run) -> dict:
    options = run.options
    results = {"clients": options.clients, "instances_per_client": options.per_client, "workers": {}}
    for workers in (1, 2):
        with run.server(f"p4-w{workers}", database=f"bench_p4_w{workers}", workers=workers) as server:
            _concurrent(run, options.clients, 1, server, f"p4-w{workers}-warm")  # every worker warmed
            meter = machine.CpuMeter(server._process.pid, run.postmaster)
            meter.start()
            wall, latencies = _concurrent(run, options.clients, options.per_client, server, f"p4-w{workers}")
            cpu = meter.stop(wall)
        instances = options.clients * options.per_client
        results["workers"][str(workers)] = {
            "instances": instances,
            "instances_per_s": round(instances / wall, 2),
            "calls": call_figures(latencies),
            **cpu,
        }
    one, two = (results["workers"][w]["instances_per_s"] for w in ("1", "2"))
    results["speedup"] = round(two / one, 2)
    return results


# ---- P5 ------------------------------------------------------------------------------------------


def _probe(client: Client, template: dict, number: int, latencies: Latencies) -> None:
    """The calls an integrator makes meanwhile: one instance, and one provider's tasks."""
    _, seconds = client.call("GET", f"/process-instances/{template['id']}")
    latencies.add("get_instance", seconds)
    _, seconds = client.call("GET", f"/tasks?business_key={bulk_fill.business_key(number)}")
    latencies.add("tasks_by_business_key", seconds)


def p5(run: Run) -> dict:
    count = run.options.migrate
    env = {"KANTA_TIMER_INTERVAL": "0.2"}  # the batch's chunks follow each other without a pause
    with run.server("p5", database="bench_p5", env=env) as server:
        client = run.client(server)
        db = create_engine(server._database_url)
        template_instance = api_client.start(client, "p5-template", Latencies())
        template = bulk_fill.Template.read(db, template_instance["id"])
        fill_seconds = bulk_fill.fill(db, template, 1, count, own_tasks=True)
        client.connect()  # the server closed the connection that sat idle while the tables were filled
        before = Latencies()
        for number in range(200):
            _probe(client, template_instance, 1 + number % (count - 1), before)
        status, _, deployed = server.upload(
            "/api/v1/process-definitions", changed_copy(PROCESSES), token=run.token
        )
        if status != 201:
            raise api_client.CallFailed(f"the changed catalogue was not deployed: {status} {deployed}")
        client.connect()
        body = {"process_key": PROCESS_KEY, "from_version": 1, "to_version": 2}
        batch, _ = client.call("POST", "/migration-batches", body, expect=202)
        started = time.perf_counter()
        during, number = Latencies(), 0
        while True:
            number += 1
            _probe(client, template_instance, 1 + number % (count - 1), during)
            if number % 20 == 0:
                progress, _ = client.call("GET", f"/migration-batches/{batch['id']}")
                if progress["status"] == "finished":
                    break
        elapsed = time.perf_counter() - started
        db.dispose()
    figures_before, figures_during = call_figures(before), call_figures(during)
    p95 = {
        name: figures["all"]["p95_ms"]
        for name, figures in (("before", figures_before), ("during", figures_during))
    }
    return {
        "instances": progress["total"],
        "migrated": progress["migrated"],
        "refused": progress["refused_count"],
        "fill_s": round(fill_seconds, 1),
        "seconds": round(elapsed, 1),
        "instances_per_s": round(progress["migrated"] / elapsed, 1),
        "calls_before": figures_before,
        "calls_during": figures_during,
        "latency_ratio": round(p95["during"] / p95["before"], 2),
    }


# ---- report --------------------------------------------------------------------------------------


def table(results: dict) -> str:
    lines = []

    def row(label: str, value) -> None:
        lines.append(f"  {label:<66} {value}")

    facts = results["machine"]
    lines.append(
        f"machine: {facts['nproc']} x {facts['cpu_model']}, Python {facts['python']}, "
        f"PostgreSQL {facts.get('postgresql', '?')}, SQLite {facts['sqlite']}"
    )
    if "p1" in results:
        lines.append(f"P1  main path ({WRITES_PER_INSTANCE} writes/instance), one client, keep-alive")
        for store, fig in results["p1"].items():
            calls = fig["calls"]["all"]
            row(
                f"{store}: instances/s | ms/instance | call p50/p95 ms",
                f"{fig['instances_per_s']:>7} | {fig['http_ms_per_instance']:>7} | "
                f"{calls['p50_ms']} / {calls['p95_ms']}",
            )
            row(
                f"{store}: server / postgres / driver CPU ms per instance",
                f"{fig['server_cpu_ms_per_instance']} / {fig['postgres_cpu_ms_per_instance']} / "
                f"{fig['driver_cpu_ms_per_instance']}",
            )
            row(
                f"{store}: bare serialize-per-step ms/instance (same run) | ratio",
                f"{fig['bare_serialized_ms_per_instance']} | {fig['ratio']}",
            )
            row(
                f"{store}: engine in-process (no HTTP) ms/instance | vs bare",
                f"{fig['engine_in_process_ms_per_instance']} | {fig['engine_in_process_ratio']}",
            )
    if "p2" in results:
        p2_figures = results["p2"]
        lines.append("P2  p50 ms (p95) by instances stored, PostgreSQL")
        scales = list(p2_figures["scales"])
        for kind, ratio in p2_figures["ratios_p50"].items():
            cells = " | ".join(
                "{p50_ms} ({p95_ms})".format(**p2_figures["scales"][s]["calls"][kind]) for s in scales
            )
            row(f"{kind}: {' | '.join(scales)}", f"{cells} | x{ratio}")
        for s in scales:
            fig = p2_figures["scales"][s]
            row(
                f"task list by process key straight in SQL at {s}: count | page",
                f"{fig['sql_count_ms']} | {fig['sql_page_ms']} ms",
            )
    if "p3" in results:
        lines.append("P3  bytes per instance: stored (row + projections) | audit | default serialization")
        for point in results["p3"]["points"]:
            if point["after"] in ("started", "Task_file_application", "Task_report_test"):
                row(
                    f"after {point['after']}",
                    f"{point['instance_row_and_projections_bytes']} | {point['audit_bytes']} | "
                    f"{point['default_serialization_bytes']} ({100 * point['ratio']:.0f} %)",
                )
    if "p4" in results:
        p4_figures = results["p4"]
        lines.append(f"P4  {p4_figures['clients']} concurrent clients, PostgreSQL")
        for workers, fig in p4_figures["workers"].items():
            row(
                f"{workers} worker(s): instances/s | call p50/p95 ms | machine busy",
                f"{fig['instances_per_s']} | {fig['calls']['all']['p50_ms']} / "
                f"{fig['calls']['all']['p95_ms']}"
                f" | {100 * fig['machine_busy']:.0f} %",
            )
            row(
                f"{workers} worker(s): CPU s server / postgres / driver in {fig['wall_s']} s",
                f"{fig['server_cpu_s']} / {fig['postgres_cpu_s']} / {fig['driver_cpu_s']}",
            )
    if "p5" in results:
        fig = results["p5"]
        lines.append(f"P5  a migration batch of {fig['instances']:,} waiting instances, PostgreSQL")
        row(
            "moved | refused | seconds | instances/s",
            f"{fig['migrated']} | {fig['refused']} | {fig['seconds']} | {fig['instances_per_s']}",
        )
        before, during = fig["calls_before"]["all"], fig["calls_during"]["all"]
        row(
            "API p50/p95 ms before | during the batch",
            f"{before['p50_ms']} / {before['p95_ms']} | {during['p50_ms']} / {during['p95_ms']}",
        )
    lines.append("ratios (target):")
    for key, (sign, target) in TARGETS.items():
        if key in results:
            met = results[key] <= target if sign == "<=" else results[key] >= target
            row(f"{key} ({sign} {target})", f"{results[key]}  {'met' if met else 'MISSED'}")
    return "\n".join(lines)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--instances", type=int, default=60, help="P1: instances per store")
    arguments.add_argument("--rounds", type=int, default=3, help="P1: rounds, HTTP and bare interleaved")
    arguments.add_argument("--small", type=int, default=1_000, help="P2: instances stored, first")
    arguments.add_argument("--large", type=int, default=100_000, help="P2: instances stored, then")
    arguments.add_argument(
        "--samples", type=int, default=50, help="P2: measured calls of each kind per scale"
    )
    arguments.add_argument("--clients", type=int, default=4, help="P4: concurrent clients")
    arguments.add_argument("--per-client", type=int, default=15, help="P4: instances per client")
    arguments.add_argument("--migrate", type=int, default=10_000, help="P5: instances a batch moves")
    arguments.add_argument("--only", default="p1,p2,p3,p4,p5", help="phases to run, e.g. p1,p3")
    arguments.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "results.json")
    options = arguments.parse_args()
    phases = set(options.only.split(","))

    began = time.perf_counter()
    results: dict = {
        "machine": {**machine.facts(), "load_average_at_start": os.getloadavg()},
        "parameters": {k: str(v) for k, v in vars(options).items()},
    }
    with tempfile.TemporaryDirectory(prefix="kanta-bench-") as folder, TemporaryPostgres() as postgres:
        with psycopg.connect(postgres.url.replace("postgresql+psycopg", "postgresql")) as connection:
            results["machine"]["postgresql"] = connection.execute("SHOW server_version").fetchone()[0]
        run = Run(Path(folder), postgres, options)
        if "p1" in phases:
            print("P1 …", flush=True)
            results["p1"] = {store: p1_store(run, store) for store in ("sqlite", "postgresql")}
            results["p1_ratio"] = results["p1"]["sqlite"]["ratio"]
        if "p3" in phases:
            print("P3 …", flush=True)
            results["p3"] = p3(run)
            results["p3_ratio"] = results["p3"]["ratio"]
        if "p2" in phases:
            print("P2 …", flush=True)
            results["p2"] = p2(run)
            results["p2_ratio"] = results["p2"]["ratio"]
        if "p4" in phases:
            print("P4 …", flush=True)
            results["p4"] = p4(run)
            results["p4_speedup"] = results["p4"]["speedup"]
        if "p5" in phases:
            results["p5"] = p5(run)
            results["p5_instances_per_s"] = results["p5"]["instances_per_s"]
            results["p5_latency_ratio"] = results["p5"]["latency_ratio"]
    results["duration_s"] = round(time.perf_counter() - began, 1)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["targets"] = {key: f"{sign} {value}" for key, (sign, value) in TARGETS.items()}
    headline = ("p1_ratio", "p2_ratio", "p3_ratio", "p4_speedup", "p5_instances_per_s", "p5_latency_ratio")
    ordered = {k: results[k] for k in headline if k in results}
    ordered.update(results)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n")
    print(table(ordered))
    print(f"took {results['duration_s']} s; written to {options.out}")


if __name__ == "__main__":
    main()
