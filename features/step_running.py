"""pytest-bdd's running of a scenario, with what it did anew at every scenario and step done once.

- A step's data table: pytest-bdd renders every scenario before it runs it (an outline's example values into
  its steps' text and tables), and renders a table by deep-copying it whole, each cell with its location,
  then putting the values in. Over the features that was about a quarter of the pytest process's CPU (some
  200,000 objects copied a run, for about 1,200 tables). ``render_datatable`` makes the rendered table anew
  row by row and cell by cell, as the copy did, and shares only the locations, which nothing changes.
- A step function's signature: pytest-bdd asks ``inspect.signature`` for it at every step (twice: for the
  arguments it parses, and for the fixtures it asks for); a function's signature is read once.

pytest-bdd offers no option or hook for either, so ``install`` replaces the two (as ``step_lookup`` does
its lookup). ``tests/unit/test_step_running.py`` fails if pytest-bdd no longer renders or reads signatures
through them, or if they answer otherwise than pytest-bdd's own.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import replace
from types import FunctionType

from pytest_bdd import parser, utils
from pytest_bdd.gherkin_parser import DataTable

# the module, not the ``scenario`` function pytest-bdd exports under the same name
_scenario_module = importlib.import_module("pytest_bdd.scenario")
UNCACHED_RENDER = parser.Step.render_datatable
UNCACHED_SIGNATURE = inspect.signature

_signatures: dict[FunctionType, inspect.Signature] = {}


def render_datatable(datatable: DataTable, context) -> DataTable:
    """``datatable`` with the example values of ``context`` in its cells, a table of its own (the template
    is left as it was): what pytest-bdd's own rendering answers."""
    return replace(
        datatable,
        rows=[
            replace(
                row,
                cells=[replace(cell, value=parser.render_string(cell.value, context)) for cell in row.cells],
            )
            for row in datatable.rows
        ],
    )


def signature(function) -> inspect.Signature:
    """``inspect.signature(function)``, read once for a plain function (a step's)."""
    if not isinstance(function, FunctionType):
        return UNCACHED_SIGNATURE(function)
    known = _signatures.get(function)
    if known is None:
        known = _signatures[function] = UNCACHED_SIGNATURE(function)
    return known


def install() -> None:
    parser.Step.render_datatable = staticmethod(render_datatable)
    _scenario_module.signature = signature
    utils.signature = signature
