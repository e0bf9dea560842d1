"""The features' world: one real server (``kanta-onboarding serve``) with an adjustable clock, the Finnish
steps, and, when the features have run, their path coverage and living documentation.

Options (``pytest features``): ``--flow-coverage-dir`` (default ``build/coverage``) and pytest-bdd's
``--cucumberjson`` (default ``build/features/cucumber.json``; the living documentation is written beside it
as ``index.html``). The catalogue under test is ``processes/`` unless ``KANTA_FEATURE_PROCESSES`` names a
copy.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from pytest_bdd.cucumber_json import LogBDDCucumberJSON

from features import steps
from features.flow_coverage import below_floor, collect, measure, write_json
from features.reports import write_coverage_pages, write_living_documentation
from features.service import (
    ROOT,
    TOKENS,
    WORLD_STARTS,
    Onboarding,
    Service,
    migrating_at_every_step,
    processes_dir,
)
from features.traceability import ScenarioPaths
from features.traceability import check as check_traceability
from harness.identity_provider import IdentityProvider
from harness.server import RunningServer, Validation

FEATURES = Path(__file__).parent
FLOOR = FEATURES / "coverage-floor.json"

# pytest-bdd's step definitions are fixtures; a conftest shares them with every feature's test module.
globals().update({name: value for name, value in vars(steps).items() if name.startswith("pytestbdd_")})


def pytest_addoption(parser):
    parser.addoption(
        "--flow-coverage-dir",
        default=str(ROOT / "build" / "coverage"),
        help="where the features' path coverage (coverage.json and HTML) is written",
    )


class CucumberJSON(LogBDDCucumberJSON):
    """pytest-bdd's cucumber JSON report, minus its failure on subtest reports (schemathesis' subtests are
    unhashable, and pytest-bdd looks every report up in a weak dictionary)."""

    def pytest_runtest_logreport(self, report):
        if isinstance(report, pytest.SubtestReport):
            return
        super().pytest_runtest_logreport(report)


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # After pytest-bdd's own configure, which opens its report only for --cucumberjson: ours, always.
    bdd_report = getattr(config, "_bddcucumberjson", None)
    if bdd_report is not None:
        config.pluginmanager.unregister(bdd_report)
    path = Path(config.option.cucumber_json_path or ROOT / "build" / "features" / "cucumber.json")
    path.parent.mkdir(parents=True, exist_ok=True)  # pytest-bdd does not
    config.option.cucumber_json_path = str(path)
    config._bddcucumberjson = CucumberJSON(str(path))  # where pytest-bdd's unconfigure finds it
    config.pluginmanager.register(config._bddcucumberjson)
    config.stash[_deselected] = 0
    config.stash[_instances] = []


_deselected = pytest.StashKey[int]()
_coverage = pytest.StashKey[dict]()
_scenario = pytest.StashKey[tuple[str, str]]()  # the test's (feature file, scenario name)
_instances = pytest.StashKey[list[tuple[str, str, str]]]()  # (feature file, scenario name, instance id)
_paths = pytest.StashKey[ScenarioPaths]()
_versions_folder = pytest.StashKey[Path]()


def pytest_collection_finish(session):
    """The version migration feature's own server starts now, beside the first features, rather than after
    them (it is stopped when its feature is done, or when the run ends)."""
    if any(Path(str(item.path)).name == "test_version_migration.py" for item in session.items):
        from features import test_version_migration as versions  # collected by now, as pytest-bdd needs

        folder = Path(tempfile.mkdtemp(prefix="kanta-versions-"))
        session.config.stash[_versions_folder] = folder
        session.config.stash[versions.LAUNCHED] = versions.launch(folder)


def _stop_the_versions_server(config) -> None:
    folder = config.stash.get(_versions_folder, None)
    if folder is None:
        return
    from features import test_version_migration as versions

    launched = config.stash.get(versions.LAUNCHED, None)
    if launched is not None:
        identities, server = launched
        server.stop()
        identities.close()
    shutil.rmtree(folder, ignore_errors=True)


def pytest_bdd_before_scenario(request, feature, scenario):
    request.node.stash[_scenario] = (Path(feature.filename).name, scenario.name)


def pytest_deselected(items):
    if items and items[0].config.stash.get(_deselected, None) is not None:
        items[0].config.stash[_deselected] += len(items)


@pytest.fixture(scope="session")
def service(request, tmp_path_factory):
    """The service every feature talks to; when they are done, their coverage is read from it."""
    # Every party signs in as itself through an identity provider, and no token of no party is taken: what
    # a party may not see or do fails the feature.
    with IdentityProvider() as identities:
        server = RunningServer(
            tmp_path_factory.mktemp("features-service"),
            tokens=TOKENS,
            processes=processes_dir(),
            clock=f"adjustable@{WORLD_STARTS}",
            env=identities.server_env(),
        )
        # The catalogue is validated while the server starts: an invalid one would fail every scenario with
        # the same traceback, so the run says why once, and stops.
        validation = Validation(processes_dir())
        server.launch()
        try:
            deployable, report = validation.result()
            if not deployable:
                pytest.exit(f"the catalogue {processes_dir()} can not be deployed:\n{report}", returncode=1)
            server.wait_until_healthy()
            yield from _serve_the_features(request, Service(server, identities))
        finally:
            server.stop()


def _serve_the_features(request, running: Service):
    """The service until the features are done; then their coverage, and the paths each scenario took."""
    if migrating_at_every_step():
        running.deploy_changed_copies()
    yield running
    diagrams, taken, histories = collect(running)
    coverage = measure(diagrams, taken)
    folder = Path(request.config.getoption("--flow-coverage-dir"))
    write_json(coverage, folder)
    write_coverage_pages(coverage, diagrams, folder)
    request.config.stash[_coverage] = coverage
    paths = ScenarioPaths()
    for feature, scenario, instance_id in request.config.stash[_instances]:
        process_key, history = histories[instance_id]
        paths.add(feature, scenario, history, process_key)
    request.config.stash[_paths] = paths
    if running.versions:
        (folder / "migrations.json").write_text(json.dumps({"instances_moved": running.moves}))


@pytest.fixture
def onboarding(service, request):
    """The scenario's own process instance, driven by the steps."""
    scenario = Onboarding(service)
    failed_before = request.session.testsfailed
    yield scenario
    if scenario.instance_id is not None and _scenario in request.node.stash:
        request.config.stash[_instances].append((*request.node.stash[_scenario], scenario.instance_id))
    if scenario.unchecked is not None and request.session.testsfailed == failed_before:
        pytest.fail(f'the scenario ends after "{scenario.unchecked}" without checking where it stands')


def _ran_every_feature(session) -> bool:
    ran = {Path(str(item.path)).name for item in session.items}
    every = {f"test_{feature.stem}.py" for feature in FEATURES.glob("*.feature")}
    return every <= ran and session.config.stash.get(_deselected, 0) == 0


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    config = session.config
    _stop_the_versions_server(config)
    cucumber_json = Path(config.option.cucumber_json_path)
    coverage_folder = Path(config.getoption("--flow-coverage-dir"))
    if cucumber_json.exists() and session.items:
        write_living_documentation(cucumber_json, coverage_folder, cucumber_json.parent)
    coverage = config.stash.get(_coverage, None)
    if coverage is None or not _ran_every_feature(session):
        return  # a part of the features proves nothing about the floor
    problems = below_floor(coverage, json.loads(FLOOR.read_text()))
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    write = os.environ.get("KANTA_WRITE_TRACEABILITY") == "1"
    stale = None
    # the page is of the catalogue itself, as it runs without moving versions
    if processes_dir().resolve() == (ROOT / "processes").resolve() and not migrating_at_every_step():
        stale = check_traceability(processes_dir(), config.stash[_paths], cucumber_json.parent, write)
    if stale:
        if reporter:
            reporter.write_line(stale, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if problems:
        if reporter:
            reporter.write_line("Path coverage below the floor (features/coverage-floor.json):", red=True)
            for problem in problems:
                reporter.write_line("  " + problem, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif reporter:
        reporter.write_line(f"Path coverage at or above the floor: {coverage_folder / 'index.html'}")
