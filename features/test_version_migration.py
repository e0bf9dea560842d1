"""Runs features/version_migration.feature on a server of its own.

Its scenarios publish changed versions of catalogue processes, so they run against a copy of the catalogue
in a folder of their own and a server of their own: the other features, their coverage and the catalogue
itself never see the changed versions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_bdd import scenarios

from features import version_steps
from features.service import TOKENS, WORLD_STARTS, Onboarding, Service, processes_dir
from harness.server import RunningServer

# The processes the scenarios change, with the forms and message contracts they name.
CHANGED = ("patient_data_repository_onboarding.bpmn", "prescription_service_onboarding.bpmn")

globals().update(
    {name: value for name, value in vars(version_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("version_migration.feature")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("changed-catalogue")
    for folder in ("forms", "messages"):
        shutil.copytree(processes_dir() / folder, copy / folder)
    for name in CHANGED:
        shutil.copy(processes_dir() / name, copy / name)
    return copy


@pytest.fixture(scope="module")
def service(catalogue, tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("versions-service"),
        tokens=f"{TOKENS},{version_steps.ROLES}",
        processes=catalogue,
        clock=f"adjustable@{WORLD_STARTS}",
    ) as server:
        yield Service(server)


@pytest.fixture
def onboarding(service, request):
    """The scenario's onboardings, on this module's own server (kept out of the catalogue's coverage)."""
    scenario = Onboarding(service)
    failed_before = request.session.testsfailed
    yield scenario
    if scenario.unchecked is not None and request.session.testsfailed == failed_before:
        pytest.fail(f'the scenario ends after "{scenario.unchecked}" without checking where it stands')


@pytest.fixture
def versions(catalogue) -> version_steps.Versions:
    return version_steps.Versions(catalogue)
