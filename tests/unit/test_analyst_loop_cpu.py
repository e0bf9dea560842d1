"""The analyst loop's benchmark counts the CPU of a process whose parent ended without waiting for it, as
the features' servers' workers end (killed with their process group): an orphan is adopted and reaped by the
benchmark, and its CPU is in the figure."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A parent that starts a child burning CPU, kills it with SIGKILL once the child has said how much CPU it used
# and never waits for it, then says its own CPU and the child's pid, and ends: the child is left unreaped.
_PARENT = textwrap.dedent(
    """
    import os, resource, signal, subprocess, sys
    burner = (
        "import resource, sys\\n"
        "def used():\\n"
        "    u = resource.getrusage(resource.RUSAGE_SELF)\\n"
        "    return u.ru_utime + u.ru_stime\\n"
        "while used() < 0.3:\\n"
        "    sum(range(10000))\\n"
        "print(used(), flush=True)\\n"
        "sys.stdin.read()\\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", burner], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    child_cpu = float(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.returncode = 0  # so the Popen object does not wait for it when it is collected
    u = resource.getrusage(resource.RUSAGE_SELF)
    print(child.pid, child_cpu, u.ru_utime + u.ru_stime, flush=True)
    os._exit(0)
    """
)

# The benchmark's own steps, in a process of their own (a subreaper stays one for its whole life).
_MEASURE = textwrap.dedent(
    """
    import json, subprocess, sys
    from bench.analyst_loop import adopt_orphans, children_cpu, reap_orphans
    adopt_orphans()
    before = children_cpu()
    said = subprocess.run([sys.executable, "-c", sys.argv[1]], capture_output=True, text=True, check=True)
    waited = children_cpu() - before
    reaped = reap_orphans()
    print(json.dumps({"said": said.stdout.split(), "waited": waited, "counted": children_cpu() - before,
                      "reaped": reaped}))
    """
)


def test_an_orphan_killed_unreaped_is_reaped_and_its_cpu_counted():
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, _PARENT], capture_output=True, text=True, check=True, cwd=ROOT
    )
    figures = json.loads(measured.stdout)
    child_pid, child_cpu, parent_cpu = (
        int(figures["said"][0]),
        float(figures["said"][1]),
        float(figures["said"][2]),
    )
    assert figures["reaped"] == [child_pid]
    # The parent's own CPU is all that waiting for it brings; the orphan's comes when the benchmark reaps it.
    assert figures["waited"] < parent_cpu + child_cpu
    assert figures["counted"] >= parent_cpu + child_cpu
