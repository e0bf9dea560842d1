"""Runs features/social_welfare_repository_onboarding.feature."""

from pytest_bdd import scenarios

from features import joining_preparations_steps, started_process_steps

# The onboarding starts the county's own process by its message; a scenario may follow it there. Called by
# the joining, it waits for the joining's preparations.
for steps in (started_process_steps, joining_preparations_steps):
    globals().update({name: value for name, value in vars(steps).items() if name.startswith("pytestbdd_")})

scenarios("social_welfare_repository_onboarding.feature")
