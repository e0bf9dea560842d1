"""Runs features/county_registry_use_right.feature."""

from pytest_bdd import scenarios

from features import started_process_steps

# The steps of a process another process starts by its message, beside the shared ones (features/steps.py).
globals().update(
    {name: value for name, value in vars(started_process_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("county_registry_use_right.feature")
