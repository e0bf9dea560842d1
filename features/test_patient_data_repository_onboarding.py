"""Runs features/patient_data_repository_onboarding.feature."""

from pytest_bdd import scenarios

scenarios("patient_data_repository_onboarding.feature")
