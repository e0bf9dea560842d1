"""Runs features/vendor_package_onboarding.feature."""

from pytest_bdd import scenarios

scenarios("vendor_package_onboarding.feature")
