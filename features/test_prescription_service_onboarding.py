"""Runs features/prescription_service_onboarding.feature."""

from pytest_bdd import scenarios

scenarios("prescription_service_onboarding.feature")
