"""The engine's CPU per call, without HTTP: the patient data repository onboarding's main path (``pdr_path``:
a start, eleven task completions and two messages, its parallel joins among them) walked by the engine in
one process over a SQLite file, timed with ``time.process_time`` (this process's CPU, so the machine's
load moves it less than a wall time).

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
    """In this process: CPU seconds per call over ``instances`` walks of the path (after the warm-up)."""
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
        engine.close()
    return {
        "cpu_ms_per_call": 1000 * used / (instances * WRITES_PER_INSTANCE),
        "calls": instances * WRITES_PER_INSTANCE,
        "engine": engine_package.__file__,
    }


def _one_round(checkout: Path, instances: int) -> float:
    """One fresh process in ``checkout``: its CPU milliseconds per call."""
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
    return figures["cpu_ms_per_call"]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--against", type=Path, help="another checkout of the repository")
    arguments.add_argument("--rounds", type=int, default=5)
    arguments.add_argument("--instances", type=int, default=15, help="instances walked per round and side")
    options = arguments.parse_args()

    sides = {"this": ROOT}
    if options.against is not None:
        sides["against"] = options.against.resolve()
    figures: dict[str, list[float]] = {name: [] for name in sides}
    for number in range(1, options.rounds + 1):
        # alternate which side goes first, so that a load that rises or falls meets both alike
        order = list(sides) if number % 2 else list(reversed(sides))
        for name in order:
            figures[name].append(_one_round(sides[name], options.instances))
        load = os.getloadavg()[0]
        print(
            f"round {number}: "
            + ", ".join(f"{name} {figures[name][-1]:.2f} ms CPU a call" for name in sides)
            + f" (load average {load:.1f})",
            flush=True,
        )
    medians = {name: statistics.median(values) for name, values in figures.items()}
    print("median CPU ms per call: " + ", ".join(f"{name} {value:.2f}" for name, value in medians.items()))
    if "against" in medians:
        print(f"this / against: {medians['this'] / medians['against']:.3f}")
        ratios = [mine / theirs for mine, theirs in zip(figures["this"], figures["against"], strict=True)]
        print("round by round: " + ", ".join(f"{ratio:.3f}" for ratio in ratios))


if __name__ == "__main__":
    main()
