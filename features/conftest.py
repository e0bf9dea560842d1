"""The features' world: one real server (``kanta-onboarding serve``) with an adjustable clock, the Finnish
steps, and, when the features have run, their path coverage and living documentation.

Options (``pytest features``): ``--flow-coverage-dir`` (default ``build/coverage``) and pytest-bdd's
``--cucumberjson`` (default ``build/features/cucumber.json``; the living documentation is written beside it
as ``index.html``). The catalogue under test is ``processes/`` unless ``KANTA_FEATURE_PROCESSES`` names a
copy.

A run of features only uses every core (``features/parallel.py``): one pytest-xdist worker a core, each with
its own server and a fixed share of the feature files; each sends what its server went through
(``ServerOutcome``) to the controller, which writes the reports a serial run writes. ``-p no:xdist`` (or
``-n 0``) runs them serially.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from pytest_bdd.cucumber_json import LogBDDCucumberJSON

from features import parallel, parsed_features, step_lookup, step_running, steps
from features.flow_coverage import Diagram, Taken, below_floor, collect, measure, write_json
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
from features.traceability import write_page as write_traceability_page
from harness.identity_provider import IdentityProvider
from harness.server import RunningServer, free_port

FEATURES = Path(__file__).parent
FLOOR = FEATURES / "coverage-floor.json"
VERSIONS_MODULE = "test_version_migration.py"
OUTCOME = "kanta_features"  # what a worker sends the controller (its workeroutput)
PORT = "kanta_port"  # where a worker's features' server listens, told it by the controller (its workerinput)

# pytest-bdd's step definitions are fixtures; a conftest shares them with every feature's test module.
globals().update({name: value for name, value in vars(steps).items() if name.startswith("pytestbdd_")})
step_lookup.install()  # each distinct step of a module is looked up once, not at every run of it
step_running.install()  # a data table rendered without a deep copy, a step function's signature read once
parsed_features.install()  # a feature file whose text has not changed is not parsed again


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """A run of features only gets a worker an idle core (unless ``-n`` says otherwise, or xdist is off)."""
    if not config.pluginmanager.hasplugin("xdist") or config.option.numprocesses is not None:
        return
    if hasattr(config, "workerinput"):  # a worker never starts workers of its own
        return
    if config.option.collectonly or config.getoption("usepdb", False) or not parallel.only_features(config):
        return
    # what xdist's -n auto starts when told (PYTEST_XDIST_AUTO_NUM_WORKERS), else the idle cores
    told = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    cores = config.hook.pytest_xdist_auto_num_workers(config=config) if told else None
    # (the plugins the features never use are left out by features/pytest.ini, in the workers too)
    config.option.numprocesses = parallel.workers_for(
        [str(config.invocation_params.dir / arg) for arg in config.args], cores
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if parallel.only_features(config):
        return parallel.SharedOutFeatures(config, log, refusal=lambda serving: _refusal(config, serving))
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """The controller tells each worker where its features' server is to listen, to ask it whether it
    deployed the catalogue (``_refusal``)."""
    node.workerinput[PORT] = free_port()


def _refusal(config, serving: list) -> str | None:
    """The controller, when every worker has collected (and launched its server): an invalid catalogue
    stops the run before any worker is given a scenario, with what ``validate`` says of it. Every server
    deploys the same catalogue, and reports its refusal on /healthz: the first serving worker's is asked."""
    if not serving:
        return None
    refusal = _catalogue_refusal(_first_health(serving[0].workerinput[PORT]))
    if refusal is not None:
        config.stash[_refused] = refusal
    return refusal


def _first_health(port: int, within: float = 60.0) -> object:
    """The first answer of /healthz on ``port``, whatever its status (None: none within ``within`` seconds;
    the worker's own wait for its server then says why)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                said = answer.read()
        except urllib.error.HTTPError as refused:
            said = refused.read()
        except OSError:
            time.sleep(0.05)
            continue
        try:
            return json.loads(said)
        except ValueError:  # not the service's answer: the worker's own wait says what listens there
            return None
    return None


def _catalogue_refusal(health: object) -> str | None:
    """Why the server refused to deploy the catalogue under test, from its /healthz answer, said as
    ``kanta-onboarding validate`` says it (file:line: [element] message); None when it deployed it. The
    server's deploy checks what ``validate`` checks, so the features do not validate it again: an invalid
    catalogue would fail every scenario with the same traceback, so the run says why once, and stops."""
    refused = health.get("catalogue") if isinstance(health, dict) else None
    if not refused:
        return None
    lines = []
    for problem in refused["problems"]:
        where = (Path(refused["folder"]) / problem["file"]).as_posix()
        where += "" if problem["line"] is None else f":{problem['line']}"
        element = f" [{problem['element_id']}]" if problem["element_id"] else ""
        said = f"warning ({problem['code']}): " if problem["severity"] == "warning" else ""
        lines.append(f"{where}:{element} {said}{problem['message']}")
    return f"the catalogue {processes_dir()} can not be deployed:\n" + "\n".join(lines)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The controller: a worker is done; keep what its server went through, and its scenarios' steps."""
    sent = getattr(node, "workeroutput", {}).get(OUTCOME)
    if sent is None:
        return
    outcome = ServerOutcome.from_json(sent)
    node.config.stash[_outcomes].append(outcome)
    report = node.config._bddcucumberjson
    for feature in outcome.cucumber:
        report.features[feature["uri"]] = feature
    # in the order of a serial run: the order the test modules are collected (test_<feature>.py)
    report.features = dict(sorted(report.features.items(), key=lambda item: Path(item[0]).stem))


def pytest_addoption(parser):
    parser.addoption(
        "--flow-coverage-dir",
        default=str(ROOT / "build" / "coverage"),
        help="where the features' path coverage (coverage.json and HTML) is written",
    )


class CucumberJSON(LogBDDCucumberJSON):
    """pytest-bdd's cucumber JSON report, minus its failure on subtest reports (schemathesis' subtests are
    unhashable, and pytest-bdd looks every report up in a weak dictionary). A worker keeps its features to
    send them to the controller, which writes the report."""

    def __init__(self, logfile: str, *, write: bool = True):
        super().__init__(logfile)
        self.write = write

    def pytest_runtest_logreport(self, report):
        if isinstance(report, pytest.SubtestReport):
            return
        super().pytest_runtest_logreport(report)

    def pytest_sessionfinish(self):
        if self.write:
            super().pytest_sessionfinish()

    def pytest_terminal_summary(self, terminalreporter):
        if self.write:
            super().pytest_terminal_summary(terminalreporter)


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # After pytest-bdd's own configure, which opens its report only for --cucumberjson: ours, always.
    bdd_report = getattr(config, "_bddcucumberjson", None)
    if bdd_report is not None:
        config.pluginmanager.unregister(bdd_report)
    path = Path(config.option.cucumber_json_path or ROOT / "build" / "features" / "cucumber.json")
    path.parent.mkdir(parents=True, exist_ok=True)  # pytest-bdd does not
    config.option.cucumber_json_path = str(path)
    worker = parallel.worker_number(config) is not None
    config._bddcucumberjson = CucumberJSON(
        str(path), write=not worker
    )  # where pytest-bdd's unconfigure finds it
    config.pluginmanager.register(config._bddcucumberjson)
    config.stash[_deselected] = 0
    config.stash[_instances] = []
    config.stash[_outcomes] = []


_deselected = pytest.StashKey[int]()
_scenario = pytest.StashKey[tuple[str, str]]()  # the test's (feature file, scenario name)
# (feature file, scenario name, instance id, the shared clock's time at the scenario's end)
_instances = pytest.StashKey[list[tuple[str, str, str, datetime]]]()
_launched = pytest.StashKey["Launched"]()
_outcomes = pytest.StashKey[list["ServerOutcome"]]()  # this process's, or in the controller its workers'
_every_feature = pytest.StashKey[bool]()
_refused = pytest.StashKey[str]()  # why the controller gave its workers no scenario


@dataclass
class Launched:
    """The servers this process started for the features as it collected them."""

    folder: Path
    identities: IdentityProvider
    server: RunningServer
    versions: tuple[IdentityProvider, RunningServer] | None = None
    servers: list[RunningServer] = field(default_factory=list)  # every one started, to wait for at the end

    def stop(self) -> None:
        """Wait for every server to end (the features begin each one's stop when they are done with it)."""
        for server in self.servers:
            server.stop()
        self.identities.close()
        if self.versions:
            self.versions[0].close()


def _launch(config, folder: Path, versions: bool) -> Launched:
    # Every party signs in as itself through an identity provider, and no token of no party is taken: what
    # a party may not see or do fails the feature.
    identities = IdentityProvider()
    server = RunningServer(
        folder / "features-service",
        tokens=TOKENS,
        processes=processes_dir(),
        clock=f"adjustable@{WORLD_STARTS}",
        env=identities.server_env(),
        keep_alive=True,  # a connection for the whole run, not one a call
        port=getattr(config, "workerinput", {}).get(PORT),  # a worker's: where the controller asks it
    )
    server.launch()
    launched = Launched(folder, identities, server)
    launched.servers.append(server)
    if versions:
        from features import test_version_migration as version_module  # collected by now, as pytest-bdd needs

        launched.versions = version_module.launch(folder / "versions")
        launched.servers.append(launched.versions[1])
        config.stash[version_module.LAUNCHED] = launched.versions
    return launched


def pytest_collection_finish(session):
    """The servers of this process's features start now, while the rest of pytest starts, rather than when
    the first scenario needs them: the features' own, and the version migration feature's."""
    mine = parallel.my_share(session.config, [item.nodeid for item in session.items])
    if not mine:
        return
    folder = Path(tempfile.mkdtemp(prefix="kanta-features-"))
    versions = any(Path(module).name == VERSIONS_MODULE for module in mine)
    session.config.stash[_launched] = _launch(session.config, folder, versions)
    session.config.stash[_every_feature] = _ran_every_feature(session)


def pytest_bdd_before_scenario(request, feature, scenario):
    request.node.stash[_scenario] = (Path(feature.filename).name, scenario.name)


def pytest_bdd_before_step_call(request, feature, scenario, step, step_func, step_func_args):
    steps.keyword_fits(step.type, step_func)


def pytest_deselected(items):
    if items and items[0].config.stash.get(_deselected, None) is not None:
        items[0].config.stash[_deselected] += len(items)


@pytest.fixture(scope="session")
def service(request):
    """The service every feature talks to; when they are done, what its instances went through is read from
    it (``ServerOutcome``)."""
    launched = request.config.stash[_launched]
    server = launched.server
    try:
        status, health = server.wait_until_answering()
        refusal = _catalogue_refusal(health)
        if refusal is not None:
            pytest.exit(refusal, returncode=1)
        if status != 200:
            raise AssertionError(f"the features' server is not healthy ({status}): {health}")
        running = Service(server, launched.identities)
        if migrating_at_every_step():
            running.deploy_changed_copies()
        yield running
        request.config.stash[_outcomes].append(ServerOutcome.read(running, request.config.stash[_instances]))
    finally:
        server.terminate(quick=True)  # every call of the features has been answered


@pytest.fixture
def onboarding(service, request):
    """The scenario's own process instance, driven by the steps."""
    scenario = Onboarding(service)
    failed_before = request.session.testsfailed
    yield scenario
    if scenario.instance_id is not None and _scenario in request.node.stash:
        # what its instance went through by the scenario's end, the shared clock's time then (it stands still
        # between moves): a timer of it that fires when a later scenario moves the clock on is no step of this
        # scenario (and would depend on the order they ran in)
        ended = service.now()
        for instance_id in scenario.driven:  # each instance it drove, e.g. an onboarding and what it started
            request.config.stash[_instances].append((*request.node.stash[_scenario], instance_id, ended))
    if scenario.unchecked is not None and request.session.testsfailed == failed_before:
        pytest.fail(f'the scenario ends after "{scenario.unchecked}" without checking where it stands')


@dataclass
class ServerOutcome:
    """What the instances of one server went through, read from it once its features are done: the deployed
    diagrams, the elements and flows taken, the paths of each scenario, the instances moved between versions
    (when migrating at every step), and (from a worker) its scenarios' cucumber JSON and whether the run
    collected every feature."""

    diagrams: list[Diagram]
    taken: Taken
    paths: ScenarioPaths
    moves: int
    migrating: bool
    cucumber: list[dict] = field(default_factory=list)
    every_feature: bool = False

    @classmethod
    def read(cls, running: Service, instances: list[tuple[str, str, str, datetime]]) -> ServerOutcome:
        diagrams, taken, histories = collect(running)
        paths = ScenarioPaths()
        for feature, scenario, instance_id, ended in instances:
            process_key, history = histories[instance_id]
            by_then = [event for event in history if datetime.fromisoformat(event["at"]) <= ended]
            paths.add(feature, scenario, by_then, process_key)
        return cls(diagrams, taken, paths, running.moves, bool(running.versions))

    def to_json(self) -> dict:
        return {
            "diagrams": [[d.key, d.name, d.version, d.xml] for d in self.diagrams],
            "flow_nodes": {key: sorted(ids) for key, ids in self.taken.flow_nodes.items()},
            "steps": {key: sorted(pairs) for key, pairs in self.taken.steps.items()},
            "paths": [[*scenario, sorted(elements)] for scenario, elements in self.paths.taken.items()],
            "moves": self.moves,
            "migrating": self.migrating,
            "cucumber": self.cucumber,
            "every_feature": self.every_feature,
        }

    @classmethod
    def from_json(cls, sent: dict) -> ServerOutcome:
        taken, paths = Taken(), ScenarioPaths()
        for key, ids in sent["flow_nodes"].items():
            taken.flow_nodes[key].update(ids)
        for key, pairs in sent["steps"].items():
            taken.steps[key].update(tuple(pair) for pair in pairs)
        for feature, scenario, elements in sent["paths"]:
            paths.taken[(feature, scenario)].update(tuple(element) for element in elements)
        diagrams = [Diagram.parse(*diagram) for diagram in sent["diagrams"]]
        return cls(
            diagrams, taken, paths, sent["moves"], sent["migrating"], sent["cucumber"], sent["every_feature"]
        )

    @classmethod
    def merged(cls, outcomes: list[ServerOutcome]) -> ServerOutcome:
        """The servers' outcomes as one (every server deployed the same catalogue)."""
        whole = cls(outcomes[0].diagrams, Taken(), ScenarioPaths(), 0, outcomes[0].migrating)
        whole.every_feature = all(outcome.every_feature for outcome in outcomes)
        for outcome in outcomes:
            for key, ids in outcome.taken.flow_nodes.items():
                whole.taken.flow_nodes[key] |= ids
            for key, pairs in outcome.taken.steps.items():
                whole.taken.steps[key] |= pairs
            for scenario, elements in outcome.paths.taken.items():
                whole.paths.taken[scenario] |= elements
            whole.moves += outcome.moves
        return whole


def _ran_every_feature(session) -> bool:
    ran = {Path(str(item.path)).name for item in session.items}
    every = {f"test_{feature.stem}.py" for feature in FEATURES.glob("*.feature")}
    return every <= ran and session.config.stash.get(_deselected, 0) == 0


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    config = session.config
    launched = config.stash.get(_launched, None)
    try:
        _finish(session)
    finally:  # the servers stop while the reports are written, and are waited for after
        if launched is not None:
            launched.stop()
            if not session.testsfailed:  # else kept: each server's log is there
                shutil.rmtree(launched.folder, ignore_errors=True)


def _finish(session) -> None:
    """What this process's part of the run ends with: a worker sends the controller what its servers went
    through; the controller, or a serial run, writes the reports."""
    config = session.config
    launched = config.stash.get(_launched, None)
    outcomes = config.stash[_outcomes]
    if outcomes and launched is not None:  # this process ran features on its own server
        outcomes[0].every_feature = config.stash[_every_feature]
        if parallel.worker_number(config) is not None:
            outcomes[0].cucumber = list(config._bddcucumberjson.features.values())
            config.workeroutput[OUTCOME] = outcomes[0].to_json()
            return
    if _refused in config.stash:
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(config.stash[_refused], red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        return
    _report(session, ServerOutcome.merged(outcomes) if outcomes else None)


def _report(session, outcome: ServerOutcome | None) -> None:
    """The reports of the whole run: path coverage and its floor, the living documentation, the
    traceability page."""
    config = session.config
    cucumber_json = Path(config.option.cucumber_json_path)
    coverage_folder = Path(config.getoption("--flow-coverage-dir"))
    if outcome is None:
        if cucumber_json.exists() and config.stash.get(_launched, None) is not None:
            write_living_documentation(cucumber_json, coverage_folder, cucumber_json.parent)
        return
    coverage = measure(outcome.diagrams, outcome.taken)
    write_json(coverage, coverage_folder)
    write_coverage_pages(coverage, outcome.diagrams, coverage_folder)
    if outcome.migrating:
        (coverage_folder / "migrations.json").write_text(json.dumps({"instances_moved": outcome.moves}))
    if cucumber_json.exists():
        write_living_documentation(cucumber_json, coverage_folder, cucumber_json.parent)
    if not outcome.every_feature:
        return  # a part of the features proves nothing about the floor
    problems = below_floor(coverage, json.loads(FLOOR.read_text()))
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    write = os.environ.get("KANTA_WRITE_TRACEABILITY") == "1"
    stale = None
    # the committed page is of the catalogue itself, as it runs without moving versions
    if processes_dir().resolve() == (ROOT / "processes").resolve() and not migrating_at_every_step():
        stale = check_traceability(processes_dir(), outcome.paths, cucumber_json.parent, write)
    elif not migrating_at_every_step():
        write_traceability_page(processes_dir(), outcome.paths, cucumber_json.parent)
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
