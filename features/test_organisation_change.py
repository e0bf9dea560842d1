"""Runs features/organisation_change.feature."""

from pytest_bdd import scenarios

from features import side_by_side_steps

# The steps of the joining's onboardings waiting side by side with the change (two messages awaited at once),
# beside the shared ones (features/steps.py).
globals().update(
    {name: value for name, value in vars(side_by_side_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("organisation_change.feature")
