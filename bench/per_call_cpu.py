"""The engine's CPU per call, without HTTP: the patient data repository onboarding's main path (``pdr_path``:
a start, eleven task completions and two messages, its parallel joins among them) walked by the engine in
one process over a SQLite file, timed with ``time.process_time`` (this process's CPU, so the machine's
load moves it less than a wall time, though on a shared machine still by a third from round to round), and
its Python function calls per call counted by ``cProfile`` over one more walk (a count the load does not
move).

``--against DIR`` walks the same path with another checkout's engine (its ``engine`` and ``bench`` packages
put first on the path of a process of its own), alternated with this checkout's round by round: the ratio
of the two medians is what travels. Each side runs in a fresh process that deploys the catalogue and walks
the path twice before it counts.

    .venv/bin/python -m bench.per_call_cpu [--against DIR] [--rounds 5] [--instances 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WARM_UP = 2  # instances walked before the count: the spec's first load, the first statements' compilation


def measure(instances: int) -> dict:
    """In this process: CPU milliseconds per call over ``instances`` walks of the path (after the warm-up),
    and then the Python function calls per call of one more walk, counted by ``cProfile`` (a count: the
    machine's load does not move it)."""
    import cProfile
    import pstats
    import tempfile
    import time

    import engine as engine_package
    from bench.pdr_path import PROCESSES, WRITES_PER_INSTANCE, through_engine
    from engine import Engine, migrate_database

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        migrate_database(url)
        engine = Engine(url, apply_migrations=False)
        engine.deploy_folder(PROCESSES, actor="bench")
        for number in range(_WARM_UP):
            through_engine(engine, f"warm-{number}")
        started = time.process_time()
        for number in range(instances):
            through_engine(engine, f"bench-{number}")
        used = time.process_time() - started
        profile = cProfile.Profile()
        profile.runcall(through_engine, engine, "counted")
        engine.close()
    return {
        "cpu_ms_per_call": 1000 * used / (instances * WRITES_PER_INSTANCE),
        "function_calls_per_call": pstats.Stats(profile).total_calls / WRITES_PER_INSTANCE,
        "calls": instances * WRITES_PER_INSTANCE,
        "engine": engine_package.__file__,
    }


def _one_round(checkout: Path, instances: int) -> dict:
    """One fresh process in ``checkout``: its figures (``measure``)."""
    # this file's ``measure``, run with the checkout's packages first on the path (another checkout may not
    # have this module); the engine it imported is reported, so a side can not measure the other's
    code = (
        "import json, runpy, sys; sys.path.insert(0, sys.argv[1]); "
        "figures = runpy.run_path(sys.argv[3])['measure'](int(sys.argv[2])); print(json.dumps(figures))"
    )
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(checkout), str(instances), __file__],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(figures["engine"]).resolve().parent.parent != checkout:
        raise SystemExit(f"{checkout}: measured the engine in {figures['engine']}")
    return figures


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--against", type=Path, help="another checkout of the repository")
    arguments.add_argument("--rounds", type=int, default=5)
    arguments.add_argument("--instances", type=int, default=15, help="instances walked per round and side")
    options = arguments.parse_args()

    sides = {"this": ROOT}
    if options.against is not None:
        sides["against"] = options.against.resolve()
    figures: dict[str, list[dict]] = {name: [] for name in sides}
    for number in range(1, options.rounds + 1):
        # alternate which side goes first, so that a load that rises or falls meets both alike
        order = list(sides) if number % 2 else list(reversed(sides))
        for name in order:
            figures[name].append(_one_round(sides[name], options.instances))
        load = os.getloadavg()[0]
        print(
            f"round {number}: "
            + ", ".join(
                f"{name} {figures[name][-1]['cpu_ms_per_call']:.2f} ms CPU and "
                f"{figures[name][-1]['function_calls_per_call']:,.0f} function calls a call"
                for name in sides
            )
            + f" (load average {load:.1f})",
            flush=True,
        )
    cpu = {name: [f["cpu_ms_per_call"] for f in rounds] for name, rounds in figures.items()}
    counted = {name: rounds[-1]["function_calls_per_call"] for name, rounds in figures.items()}
    medians = {name: statistics.median(values) for name, values in cpu.items()}
    print("median CPU ms per call: " + ", ".join(f"{name} {value:.2f}" for name, value in medians.items()))
    print("function calls per call: " + ", ".join(f"{name} {value:,.0f}" for name, value in counted.items()))
    if "against" in medians:
        ratios = [mine / theirs for mine, theirs in zip(cpu["this"], cpu["against"], strict=True)]
        print(
            f"this / against: CPU {medians['this'] / medians['against']:.3f} (round by round "
            + ", ".join(f"{ratio:.3f}" for ratio in ratios)
            + f"), function calls {counted['this'] / counted['against']:.3f}"
        )


if __name__ == "__main__":
    main()
