"""Runs features/social_welfare_repository_onboarding.feature."""

from pytest_bdd import scenarios

from features import started_process_steps

# The onboarding starts the county's own process by its message; a scenario may follow it there.
globals().update(
    {name: value for name, value in vars(started_process_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("social_welfare_repository_onboarding.feature")
