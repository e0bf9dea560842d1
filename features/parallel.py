"""The features on every core: pytest-xdist workers, each with a server of its own, and a fixed share of the
feature files.

A scenario moves its server's clock, which only moves forward, so the scenarios of one server run in the
order of a serial run: each worker is given whole feature files, before the run begins, and runs them in the
order they were collected. The shares are balanced by the steps each file runs, at what a step of it costs
(``share``); a worker knows its own share from the same collection, so it starts its servers while it
collects (the version migration feature's own server too, on the worker that runs it). The workers send what
their servers went through to the controller, which writes the same reports a serial run writes
(``features/conftest.py``).
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pytest_bdd.feature import get_feature
from xdist.scheduler import LoadFileScheduling

FEATURES = Path(__file__).parent
# A step of the version migration feature costs about three of another feature's: its scenarios publish
# changed diagrams (each a deploy, the diagram parsed and checked) and move instances between versions. Run
# serially its 152 steps took 2.4 s, the others' 170–190 steps a second; weighed as one step each, the worker
# that ran it ended 2.7–3.4 s after the other, one core idle meanwhile.
STEP_COST = {"test_version_migration.py": 3}


def test_module_of(nodeid: str) -> str:
    """``features/test_parties.py::test_…[…]`` → ``features/test_parties.py``."""
    return nodeid.split("::", 1)[0]


@cache
def steps_of(test_module: str) -> int:
    """How many steps the feature of ``features/test_<name>.py`` runs (each example of an outline once, a
    background's steps once): what a worker's share weighs, as the time of a scenario goes with its steps.
    Read from pytest-bdd's parse of the feature, which it keeps: a worker's collection has parsed every
    feature already."""
    feature_file = FEATURES / f"{Path(test_module).stem.removeprefix('test_')}.feature"
    if not feature_file.exists():
        return 1
    feature = get_feature(str(FEATURES), feature_file.name)
    total = len(feature.background.steps) if feature.background is not None else 0
    for scenario in feature.scenarios.values():
        runs = sum(len(examples.examples) for examples in scenario.examples) or 1
        total += (len(scenario.steps) - len(scenario.all_background_steps)) * runs
    return max(total, 1)


def weight_of(test_module: str) -> int:
    """What the feature of ``test_module`` weighs in a worker's share: its steps, at what a step of it costs
    (``STEP_COST``)."""
    return steps_of(test_module) * STEP_COST.get(Path(test_module).name, 1)


def share(nodeids: list[str], workers: int) -> list[list[str]]:
    """The test modules of each of ``workers`` workers, each in the order collected: the heaviest file
    first to the least loaded worker. The same collection always gives the same shares."""
    modules = list(dict.fromkeys(test_module_of(nodeid) for nodeid in nodeids))
    load = [0] * workers
    given: list[set[str]] = [set() for _ in range(workers)]
    for module in sorted(modules, key=lambda m: (-weight_of(m), modules.index(m))):
        lightest = load.index(min(load))
        given[lightest].add(module)
        load[lightest] += weight_of(module)
    return [[module for module in modules if module in mine] for mine in given]


def worker_number(config) -> int | None:
    """This worker's number (gw0 → 0), None in the controller or a serial run."""
    workerinput = getattr(config, "workerinput", None)
    return None if workerinput is None else int(workerinput["workerid"].removeprefix("gw"))


def my_share(config, nodeids: list[str]) -> list[str]:
    """The test modules this process runs: its worker's share, or every one in a serial run."""
    number = worker_number(config)
    if number is None:
        return list(dict.fromkeys(test_module_of(nodeid) for nodeid in nodeids))
    return share(nodeids, int(config.workerinput["workercount"]))[number]


def idle_cores(cores: int, sample: float = 0.2) -> int:
    """The cores no other work keeps busy now (their idle share over ``sample`` seconds, in whole cores): on
    a machine other work already fills, more workers only add their own start to the work. Measured now,
    not by the last minute's load average, which still counts the analyst's previous run of the loop and
    on two cores would keep every run serial."""
    try:
        before = _cpu_times()
        time.sleep(sample)
        return round(idle_share(before, _cpu_times()) * cores)
    except (OSError, ValueError):  # no /proc/stat: not Linux
        return cores - int(os.getloadavg()[0])


def idle_share(before: list[int], after: list[int]) -> float:
    """The share of the machine's CPU time that was idle between two readings of /proc/stat's ``cpu`` line
    (user nice system idle iowait irq softirq steal …; idle and iowait are idle)."""
    spent = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(spent[:8])
    return (spent[3] + spent[4]) / total if total > 0 else 1.0


def _cpu_times() -> list[int]:
    with open("/proc/stat") as stat:
        return [int(field) for field in stat.readline().split()[1:]]


def workers_for(args: list[str], cpus: int | None = None) -> int:
    """How many workers a features run given ``args`` gets: one a core (``cpus``, default every idle one), no
    more than the feature files it names (0: run serially, for one core or one file)."""
    modules = set()
    for arg in args:
        path = Path(arg.split("::", 1)[0]).resolve()
        if path.is_dir():
            modules |= {p.name for p in path.glob("test_*.py")}
        elif path.name.startswith("test_") and path.suffix == ".py":
            modules.add(path.name)
    count = min(cpus or idle_cores(len(os.sched_getaffinity(0))), len(modules))
    return count if count > 1 else 0


def only_features(config) -> bool:
    """Whether every path the run was given is in features/ (the whole test command is not)."""
    args = [arg for arg in config.args if not arg.startswith("-")]
    return bool(args) and all(
        Path(config.invocation_params.dir, arg.split("::", 1)[0]).resolve().is_relative_to(FEATURES)
        for arg in args
    )


class SharedOutFeatures(LoadFileScheduling):
    """Sends each worker its share (``share``) at once, in the order collected, and nothing else; nothing at
    all when ``refusal`` of the workers given a share (each has launched a server) says why not (the workers
    then stop their servers and end)."""

    def __init__(self, config, log=None, *, refusal: Callable[[list], str | None] = lambda serving: None):
        super().__init__(config, log)
        self.refusal = refusal

    def schedule(self) -> None:
        assert self.collection_is_completed
        if self.collection is not None:
            return
        if not self._check_nodes_have_same_collection():
            self.log("**Different tests collected, aborting run**")
            return
        self.collection = list(next(iter(self.registered_collections.values())))
        shares = share(self.collection, len(self.nodes))
        serving = [node for node in self.nodes if shares[int(node.gateway.id.removeprefix("gw"))]]
        if self.refusal(serving):
            for node in self.nodes:
                node.shutdown()
            return
        by_module: dict[str, dict[str, bool]] = defaultdict(dict)
        for nodeid in self.collection:
            by_module[test_module_of(nodeid)][nodeid] = False
        for node in self.nodes:
            mine = shares[int(node.gateway.id.removeprefix("gw"))]
            self.assigned_work[node] = {module: by_module[module] for module in mine}
            indices = [
                self.registered_collections[node].index(nodeid) for m in mine for nodeid in by_module[m]
            ]
            if indices:
                node.send_runtest_some(indices)
            node.shutdown()
