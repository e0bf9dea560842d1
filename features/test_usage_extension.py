"""Runs features/usage_extension.feature."""

from pytest_bdd import scenarios

scenarios("usage_extension.feature")
