"""The features' step lookup (``features/step_lookup.py``) answers what pytest-bdd's own answers, and
pytest-bdd still looks its steps up through it: a pytest-bdd that changes either fails here."""

from __future__ import annotations

import importlib

import pytest

from features import step_lookup

pytest_plugins = ["pytester"]

CONFTEST = """
import pytest
from pytest_bdd import given, parsers, then

from features import step_lookup

step_lookup.install()


@pytest.fixture(scope="session")
def ran():
    return []


@given("a start every scenario shares")
def shared_start(ran):
    ran.append("start")


@given(parsers.parse("a number {number:d}"), target_fixture="number")
def a_number(number):
    return number


@then(parsers.parse('the step of "{module}" ran'))
def module_step_ran(ran, module):
    assert ran[-1] == module, ran
"""

# Both modules define a step of the same text, each its own.
FEATURE = """Feature: Lookup {module}
  Background:
    Given a start every scenario shares

  Scenario: Once
    When the module's own step
    Then the step of "{module}" ran

  Scenario Outline: With a number
    Given a number <number>
    When the module's own step
    Then the step of "{module}" ran

    Examples:
      | number |
      | 1      |
      | 2      |
"""

MODULE = """
from pytest_bdd import scenarios, when


@when("the module's own step")
def own_step(ran):
    ran.append("{module}")


scenarios("{module}.feature")
"""


class Compare:
    """Before each step, pytest-bdd's own lookup beside the answer the features' lookup kept for it."""

    def __init__(self):
        self.steps, self.differ, self.modules = 0, [], None

    def pytest_bdd_before_step(self, request, step):
        found = request.session.stash[step_lookup.FOUND]
        module = request.node.parent.nodeid
        # a KeyError here: pytest-bdd looked the step up without the features' lookup
        kept = found[(module, step.type, step.name)]
        own = list(step_lookup.UNCACHED(step=step, fixturemanager=request._fixturemanager, node=request.node))
        self.steps += 1
        if kept != own:
            self.differ.append((module, step.name, kept, own))

    def pytest_sessionfinish(self, session):
        self.modules = sorted(session.stash[step_lookup.SEEN])


@pytest.fixture
def lookup_restored(monkeypatch):
    """The lookup pytest-bdd has now, put back after the test (``install`` replaces it process-wide)."""
    scenario_module = importlib.import_module("pytest_bdd.scenario")
    name = "find_fixturedefs_for_step"
    monkeypatch.setattr(scenario_module, name, getattr(scenario_module, name))


def test_a_step_finds_what_pytest_bdd_finds_and_only_its_modules_definitions(pytester, lookup_restored):
    pytester.makeconftest(CONFTEST)
    for module in ("alpha", "beta"):
        (pytester.path / f"{module}.feature").write_text(FEATURE.format(module=module))
        pytester.makepyfile(**{f"test_{module}": MODULE.replace("{module}", module)})
    compare = Compare()
    result = pytester.runpytest("-p", "no:xdist", "-p", "no:cacheprovider", plugins=[compare])
    result.assert_outcomes(passed=6)  # beta's tests would run alpha's step if the modules were mixed up
    assert compare.steps == 22
    assert compare.differ == []
    # the step definitions each module sees were found once for the module, not at each of its steps
    assert compare.modules == ["test_alpha.py", "test_beta.py"]
