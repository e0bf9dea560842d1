"""A run of the features alone reads features/pytest.ini, not pyproject.toml: the same options, less the
plugins only the rest of the tests use (each one's asserts are rewritten again at every start)."""

from __future__ import annotations

import configparser
import importlib.metadata
import shlex
import tomllib
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _project_options() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]


def _features_options() -> configparser.SectionProxy:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(ROOT / "features" / "pytest.ini", encoding="utf-8")
    return ini["pytest"]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _left_out(addopts: list[str]) -> list[str]:
    return [arg.removeprefix("no:") for flag, arg in pairwise(addopts) if flag == "-p"]


def test_the_features_run_with_the_projects_options():
    project, features = _project_options(), _features_options()
    assert _lines(features["filterwarnings"]) == project["filterwarnings"]
    assert _lines(features["markers"]) == project["markers"]
    addopts = shlex.split(features["addopts"])
    assert addopts[: len(shlex.split(project["addopts"]))] == shlex.split(project["addopts"])
    assert set(features) <= {"addopts", "filterwarnings", "markers"}, "an option pyproject.toml may lack"


def test_the_plugins_left_out_of_the_features_are_installed_plugins_and_not_theirs():
    addopts = shlex.split(_features_options()["addopts"])
    left_out = _left_out(addopts)
    assert left_out, "the features load every plugin installed"
    installed = {entry.name for entry in importlib.metadata.entry_points(group="pytest11")}
    # `-p no:` a plugin that is not there is silently accepted: a renamed plugin would be loaded again
    assert set(left_out) <= installed
    # the features' own: Gherkin, and a worker a core
    assert not {"pytest-bdd", "xdist"} & set(left_out)
