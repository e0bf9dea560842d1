"""Runs features/kanta_joining.feature."""

from pytest_bdd import scenarios

from features import joining_preparations_steps, side_by_side_steps

# The steps of the onboardings the joining runs side by side, and of the joining's signal that its
# preparations are done, beside the shared ones (features/steps.py).
for steps in (side_by_side_steps, joining_preparations_steps):
    globals().update({name: value for name, value in vars(steps).items() if name.startswith("pytestbdd_")})

scenarios("kanta_joining.feature")
