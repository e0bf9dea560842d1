"""Runs features/parties.feature."""

from pytest_bdd import scenarios

scenarios("parties.feature")
