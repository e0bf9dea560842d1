"""How many workers a features run takes: one for each core idle now, no more than its feature files."""

from __future__ import annotations

import multiprocessing
import os
import time

from features.parallel import idle_cores, idle_share, workers_for

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
