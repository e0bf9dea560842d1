"""A migration batch moved in-process: 200 waiting onboardings of the patient data repository moved to a
changed version of their diagram by the batch worker's rounds, on SQLite, timed apart from the setup.

    .venv/bin/python -m bench.migration_batch [--instances 200] [--rounds 3]

Every instance of a batch compares the same two versions; the figure says what one move costs (ms per
instance, the median of the rounds) and how many instances a worker moves per second.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from engine import Engine
from harness.catalogue import changed_copy

CATALOGUE = Path(__file__).resolve().parent.parent / "processes"
KEY = "patient_data_repository_onboarding"


def one_round(instances: int) -> float:
    """Seconds the batch worker took to move ``instances`` waiting onboardings to the changed version."""
    with tempfile.TemporaryDirectory() as folder:
        engine = Engine(f"sqlite:///{folder}/bench.sqlite3")
        try:
            engine.deploy_folder(CATALOGUE, actor="analyst:bench")
            for number in range(instances):
                engine.start_instance(KEY, actor="integrator:bench", business_key=f"bench-{number}")
            [deployed] = [
                d
                for d in engine.deploy(changed_copy(CATALOGUE), actor="analyst:bench").deployed
                if d.process_key == KEY
            ]
            batch = engine.start_migration_batch(
                KEY, deployed.version - 1, deployed.version, actor="admin:bench"
            )
            started = time.perf_counter()
            while engine.run_migration_batches():
                pass
            took = time.perf_counter() - started
            moved = engine.migration_batch(batch.id)
            assert (moved.migrated, moved.refused_count) == (instances, 0), moved
            return took
        finally:
            engine.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    times = [one_round(options.instances) for _ in range(options.rounds)]
    median = statistics.median(times)
    print(
        f"{options.instances} instances, {options.rounds} rounds: median {median:.2f} s "
        f"({1000 * median / options.instances:.1f} ms per instance, "
        f"{options.instances / median:.0f} instances/s); "
        f"rounds {', '.join(f'{t:.2f}' for t in times)} s"
    )


if __name__ == "__main__":
    main()
