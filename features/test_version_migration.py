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
from harness.identity_provider import IdentityProvider
from harness.server import RunningServer

# The processes the scenarios change, with the forms and message contracts they name.
CHANGED = ("patient_data_repository_onboarding.bpmn", "prescription_service_onboarding.bpmn")
# The server the conftest launched for this module as the run began: (its identity provider, the server).
LAUNCHED = pytest.StashKey[tuple[IdentityProvider, RunningServer]]()

globals().update(
    {name: value for name, value in vars(version_steps).items() if name.startswith("pytestbdd_")}
)

scenarios("version_migration.feature")


def launch(folder: Path) -> tuple[IdentityProvider, RunningServer]:
    """This module's server, its data and its copy of the changed processes in ``folder``, launched without
    waiting for it: the features' conftest launches it as the run begins, so that it starts while the other
    features run."""
    catalogue = folder / "changed-catalogue"
    for folder_of_catalogue in ("forms", "messages"):
        shutil.copytree(processes_dir() / folder_of_catalogue, catalogue / folder_of_catalogue)
    for name in CHANGED:
        shutil.copy(processes_dir() / name, catalogue / name)
    identities = IdentityProvider()  # each party signs in as its own organisation, as in the other features
    server = RunningServer(
        folder / "versions-service",
        tokens=f"{TOKENS},{version_steps.ROLES}",
        processes=catalogue,
        clock=f"adjustable@{WORLD_STARTS}",
        env=identities.server_env(),
        keep_alive=True,  # a connection for the whole run, not one a call
    )
    server.launch()
    return identities, server


@pytest.fixture(scope="module")
def service(request, tmp_path_factory):
    launched = request.config.stash.get(LAUNCHED, None)
    identities, server = launched or launch(tmp_path_factory.mktemp("versions"))
    try:
        server.wait_until_healthy()
        yield Service(server, identities)
    finally:
        if launched:  # the conftest waits for it to end, beside the other servers, when the run is done
            server.terminate(quick=True)  # every call of its feature has been answered
        else:
            server.stop()
            identities.close()


@pytest.fixture
def catalogue(service) -> Path:
    return service.server.processes


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
