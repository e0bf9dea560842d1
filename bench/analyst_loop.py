"""The analyst's loop: ``kanta-onboarding validate processes`` then ``pytest -q features``, as an analyst runs
it after changing a diagram; its wall time and the CPU time of its whole process tree (the features' workers
and their servers with them), round by round.

``--against DIR`` runs the same loop in another checkout of the repository (its features, its pytest options
and its catalogue; the service and its engine are this environment's install) alternated with this one in
each round: on a machine others share, the wall time is noise, and the ratio of the CPU times of one session
is what travels. ``--serial`` runs the
features without workers (``-p no:xdist``); ``--features ARGS`` adds arguments to pytest.
"""

from __future__ import annotations

import argparse
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def children_cpu() -> float:
    """The CPU seconds (user + system) of every child process waited for so far, and of theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def one_loop(checkout: Path, features_args: list[str], out: Path) -> tuple[float, float]:
    """One loop in ``checkout``: its wall and CPU seconds. A step that fails stops the benchmark."""
    started, cpu = time.perf_counter(), children_cpu()
    for command in (
        [str(BIN / "kanta-onboarding"), "validate", "processes"],
        [
            str(BIN / "pytest"), "-q", "features", *features_args,
            f"--cucumberjson={out / 'cucumber.json'}", f"--flow-coverage-dir={out / 'coverage'}",
        ],
    ):  # fmt: skip
        finished = subprocess.run(command, cwd=checkout, capture_output=True, text=True)
        if finished.returncode != 0:
            sys.exit(f"{shlex.join(command)} failed in {checkout}:\n{finished.stdout[-3000:]}")
    return time.perf_counter() - started, children_cpu() - cpu


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--rounds", type=int, default=3)
    arguments.add_argument("--against", type=Path, help="another checkout, run alternated with this one")
    arguments.add_argument("--serial", action="store_true", help="the features without workers")
    arguments.add_argument("--features", default="", help="more arguments to pytest")
    options = arguments.parse_args()
    features_args = shlex.split(options.features) + (["-p", "no:xdist"] if options.serial else [])
    checkouts = {"this": ROOT}
    if options.against is not None:
        checkouts = {"against": options.against.resolve(), **checkouts}
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(options.rounds):
            for name, checkout in checkouts.items():
                wall, cpu = one_loop(checkout, features_args, Path(folder) / name)
                figures[name].append((wall, cpu))
                print(f"round {number + 1} {name:>7}: {wall:6.1f} s wall {cpu:6.1f} s CPU", flush=True)
    for name, runs in figures.items():
        walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
        print(
            f"{name:>7}: wall median {statistics.median(walls):.1f} s ({min(walls):.1f}–{max(walls):.1f}), "
            f"CPU median {statistics.median(cpus):.1f} s ({min(cpus):.1f}–{max(cpus):.1f})"
        )
    if options.against is not None:
        pairs = zip(figures["this"], figures["against"], strict=True)
        ratios = [this_cpu / against_cpu for (_, this_cpu), (_, against_cpu) in pairs]
        print(f"CPU this/against per round: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
