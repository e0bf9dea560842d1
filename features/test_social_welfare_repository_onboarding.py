"""Runs features/social_welfare_repository_onboarding.feature."""

from pytest_bdd import scenarios

scenarios("social_welfare_repository_onboarding.feature")
