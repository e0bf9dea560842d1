"""Runs features/organisation_change.feature."""

from pytest_bdd import scenarios

scenarios("organisation_change.feature")
