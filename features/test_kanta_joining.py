"""Runs features/kanta_joining.feature."""

from pytest_bdd import scenarios

scenarios("kanta_joining.feature")
