"""The analyst's loop: ``kanta-onboarding validate processes`` then ``pytest -q features``, as an analyst runs
it after changing a diagram; its wall time and the CPU time of its whole process tree (the features' workers
and their servers with them), round by round.

``--against DIR`` runs the same loop in another checkout of the repository (its features, its pytest options,
its catalogue, and its service and engine: its own install, ``DIR/.venv``, when it has one, else this
environment's, and either way each side's loop runs with its checkout first on ``PYTHONPATH``, ahead of an
editable install, so the servers the features start run that checkout's code) alternated with this one in
each round: on a machine others share, the wall time is noise, and the ratio of the CPU times of one session
is what travels. ``--serial`` runs the features without workers (``-p no:xdist``); ``--features ARGS`` adds
arguments to pytest.

The CPU counts every process of the tree, also those no parent waited for: the features end their servers
with SIGKILL to the server's process group (``RunningServer.terminate(quick=True)``), so a gunicorn worker
and its script evaluators die with their parent and are never reaped by it, and the kernel adds a process's
CPU to ``RUSAGE_CHILDREN`` only when it is reaped. Such a worker did most of the loop's computing (it
answers every call): uncounted, a serial loop looked half idle. The benchmark makes itself the subreaper of
its descendants (Linux's ``PR_SET_CHILD_SUBREAPER``): an orphan is reparented to it and reaped here, its CPU
counted; the figures say how much of the CPU was the orphans'.
"""

from __future__ import annotations

import argparse
import ctypes
import os
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
_PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
# How long an orphan killed with its parent may take to end (a SIGKILLed process ends at once, a large one
# tearing its memory down takes a moment); one still running after it is left alone, its CPU uncounted.
_ORPHANS_END_SECONDS = 30.0


def children_cpu() -> float:
    """The CPU seconds (user + system) of every child process waited for so far, and of theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def adopt_orphans() -> None:
    """Make this process the subreaper of its descendants: one whose parent ended without waiting for it is
    reparented here (not to init), so ``reap_orphans`` counts its CPU."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"prctl(PR_SET_CHILD_SUBREAPER): {os.strerror(error)}")


def reap_orphans(within: float = _ORPHANS_END_SECONDS) -> list[int]:
    """Wait for every child this process has not waited for (the orphans adopted since the last call), for
    at most ``within`` seconds; answers their pids. Call it only when no child of its own is running."""
    reaped, deadline = [], time.monotonic() + within
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped  # none left
        if pid:
            reaped.append(pid)
        elif time.monotonic() < deadline:
            time.sleep(0.01)
        else:
            return reaped


def one_loop(checkout: Path, features_args: list[str], out: Path) -> tuple[float, float, float]:
    """One loop in ``checkout``: its wall and CPU seconds, and the orphans' share of the CPU (what a count
    of the reaped children alone missed). A step that fails stops the benchmark."""
    started, cpu = time.perf_counter(), children_cpu()
    orphans_cpu = 0.0
    own = checkout / ".venv" / "bin"
    commands = own if (own / "kanta-onboarding").exists() else BIN  # the checkout's install, or this one
    for command in (
        [str(commands / "kanta-onboarding"), "validate", "processes"],
        [
            str(commands / "pytest"), "-q", "features", *features_args,
            f"--cucumberjson={out / 'cucumber.json'}", f"--flow-coverage-dir={out / 'coverage'}",
        ],
    ):  # fmt: skip
        # the checkout's own packages before the editable install's finder (which Python asks after the path)
        environment = {**os.environ, "PYTHONPATH": str(checkout)}
        finished = subprocess.run(command, cwd=checkout, env=environment, capture_output=True, text=True)
        ended, before_orphans = time.perf_counter(), children_cpu()
        reap_orphans()
        orphans_cpu += children_cpu() - before_orphans
        if finished.returncode != 0:
            sys.exit(f"{shlex.join(command)} failed in {checkout}:\n{finished.stdout[-3000:]}")
    return ended - started, children_cpu() - cpu, orphans_cpu


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--rounds", type=int, default=3)
    arguments.add_argument("--against", type=Path, help="another checkout, run alternated with this one")
    arguments.add_argument("--serial", action="store_true", help="the features without workers")
    arguments.add_argument("--features", default="", help="more arguments to pytest")
    options = arguments.parse_args()
    features_args = shlex.split(options.features) + (["-p", "no:xdist"] if options.serial else [])
    adopt_orphans()
    checkouts = {"this": ROOT}
    if options.against is not None:
        checkouts = {"against": options.against.resolve(), **checkouts}
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(options.rounds):
            for name, checkout in checkouts.items():
                wall, cpu, orphans = one_loop(checkout, features_args, Path(folder) / name)
                figures[name].append((wall, cpu, orphans))
                print(
                    f"round {number + 1} {name:>7}: {wall:6.1f} s wall {cpu:6.1f} s CPU "
                    f"(of which {orphans:.1f} s of orphans: {cpu - orphans:.1f} s counted without them)",
                    flush=True,
                )
    for name, runs in figures.items():
        walls, cpus = [wall for wall, _, _ in runs], [cpu for _, cpu, _ in runs]
        orphans = [orphan for _, _, orphan in runs]
        print(
            f"{name:>7}: wall median {statistics.median(walls):.1f} s ({min(walls):.1f}–{max(walls):.1f}), "
            f"CPU median {statistics.median(cpus):.1f} s ({min(cpus):.1f}–{max(cpus):.1f}), "
            f"orphans' CPU median {statistics.median(orphans):.1f} s"
        )
    if options.against is not None:
        pairs = zip(figures["this"], figures["against"], strict=True)
        ratios = [this_cpu / against_cpu for (_, this_cpu, _), (_, against_cpu, _) in pairs]
        print(f"CPU this/against per round: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
