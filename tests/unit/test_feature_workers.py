"""How many workers a features run takes: one for each core idle now, no more than its feature files."""

from __future__ import annotations

import multiprocessing
import os
import time

from features import parallel
from features.parallel import STEP_COST, idle_cores, idle_share, share, steps_of, weight_of, workers_for

# /proc/stat's cpu line: user nice system idle iowait irq softirq steal guest guest_nice
BEFORE = [1000, 0, 500, 8000, 100, 0, 0, 0, 0, 0]


def test_the_idle_share_counts_idle_and_waiting_for_io_and_nothing_else():
    # 100 ticks passed: 30 user, 10 system, 50 idle, 10 iowait
    after = [1030, 0, 510, 8050, 110, 0, 0, 0, 0, 0]
    assert idle_share(BEFORE, after) == 0.6


def test_a_machine_no_time_passed_on_is_taken_as_idle():
    assert idle_share(BEFORE, BEFORE) == 1.0


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_core_that_other_work_keeps_busy_is_not_counted():
    cores = len(os.sched_getaffinity(0))
    spinner = multiprocessing.get_context("fork").Process(target=_spin, args=(3.0,))
    spinner.start()
    try:
        assert idle_cores(cores, sample=0.5) <= cores - 1
    finally:
        spinner.terminate()
        spinner.join()


def test_a_run_takes_no_more_workers_than_its_feature_files_and_one_is_serial():
    assert workers_for(["features/test_kanta_joining.py"], cpus=8) == 0
    assert workers_for(["features/test_kanta_joining.py", "features/test_parties.py"], cpus=8) == 2
    assert workers_for(["features"], cpus=1) == 0


def test_a_step_of_the_version_migration_feature_weighs_what_it_costs():
    costly, plain = "features/test_version_migration.py", "features/test_parties.py"
    assert weight_of(costly) == STEP_COST["test_version_migration.py"] * steps_of(costly) > steps_of(costly)
    assert weight_of(plain) == steps_of(plain)


def test_the_shares_are_balanced_by_weight_not_by_steps(monkeypatch):
    weights = {"features/test_a.py": 500, "features/test_b.py": 400, "features/test_c.py": 300}
    weights["features/test_d.py"] = 200
    monkeypatch.setattr(parallel, "weight_of", weights.get)
    nodeids = [f"{module}::test_{n}" for module in weights for n in range(2)]
    assert share(nodeids, 2) == [
        ["features/test_a.py", "features/test_d.py"],
        ["features/test_b.py", "features/test_c.py"],
    ]
