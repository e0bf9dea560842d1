"""pytest-bdd's step lookup, with what it asks pytest paid once per test module rather than at every step.

pytest-bdd finds a step's definition anew each time a step runs (``find_fixturedefs_for_step``): it asks
pytest, for every fixture name of the session, which of its definitions the test sees, keeps the step
definitions among them, and tries each one's parser on the step's text. Over the features that was about
half of the pytest process's CPU (some 300,000 fixture look-ups a run, most answering the same). pytest-bdd
offers no option or hook to keep any of it, so this module replaces that one function (``install``).

Which step definitions a test sees depends only on where it stands in the collection tree: they are
module-level fixtures (``features/conftest.py`` and a feature's test module), registered as the modules are
collected and never after; a test itself registers only the values of ``target_fixture`` steps, which are not
step definitions. So the step definitions a module's tests see are found once, by pytest-bdd's own means,
and each step is matched against them as pytest-bdd matches it: by keyword type, then by parser. A step's
answer is kept too (a background's steps recur in every scenario). ``tests/unit/test_step_lookup.py`` fails if
pytest-bdd no longer looks steps up through this function, if the answer differs from pytest-bdd's own, or if
a step defined in one module is found from another.
"""

from __future__ import annotations

import importlib

import pytest
from pytest_bdd.compat import get_fixture_names, getfixturedefs
from pytest_bdd.steps import step_function_context_registry

# the module, not the ``scenario`` function pytest-bdd exports under the same name
_scenario_module = importlib.import_module("pytest_bdd.scenario")
UNCACHED = _scenario_module.find_fixturedefs_for_step

# a session's step definitions as a module's tests see them: its node id → (fixture, step context) pairs
SEEN = pytest.StashKey[dict[str, list]]()
# a session's answers: (the module's node id, step type, step text) → the fixtures that parse the step
FOUND = pytest.StashKey[dict[tuple[str, str, str], list]]()


def _module_of(node) -> str:
    return node.parent.nodeid if node.parent is not None else ""


def _step_definitions(fixturemanager, node) -> list:
    """The step definitions ``node`` sees, each (its fixture, its step context), in pytest-bdd's order."""
    seen = []
    for name in get_fixture_names(fixturemanager=fixturemanager):
        for fixturedef in getfixturedefs(fixturemanager, name, node) or []:
            context = step_function_context_registry.get(fixturedef.func)
            if context is not None:
                seen.append((fixturedef, context))
    return seen


def find_fixturedefs_for_step(step, fixturemanager, node) -> list:
    """The fixtures of the step definitions that parse ``step`` and that ``node`` sees: what pytest-bdd's
    own lookup answers."""
    found = node.session.stash.setdefault(FOUND, {})
    key = (_module_of(node), step.type, step.name)
    if key not in found:
        seen = node.session.stash.setdefault(SEEN, {})
        if key[0] not in seen:
            seen[key[0]] = _step_definitions(fixturemanager, node)
        found[key] = [
            fixturedef
            for fixturedef, context in seen[key[0]]
            if (context.type is None or context.type == step.type) and context.parser.is_matching(step.name)
        ]
    return found[key]


def install() -> None:
    """Route pytest-bdd's step lookup through this module (``inject_fixturedefs_for_step`` calls its module's
    ``find_fixturedefs_for_step`` by name at every step)."""
    _scenario_module.find_fixturedefs_for_step = find_fixturedefs_for_step
