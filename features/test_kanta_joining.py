"""Runs features/kanta_joining.feature."""

from pytest_bdd import scenarios

from features import side_by_side_steps

# The steps of the onboardings the joining runs side by side, beside the shared ones (features/steps.py).
globals().update(
    {name: value for name, value in vars(side_by_side_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("kanta_joining.feature")
