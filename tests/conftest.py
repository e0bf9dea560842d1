"""Shared fixtures: a controllable clock, real databases (SQLite file and PostgreSQL), an engine."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from engine import Engine
from engine.clock import ManualClock, SystemClock, use_clock
from harness.postgres import TemporaryPostgres, create_database

FIXTURES = Path(__file__).parent / "fixtures"
PROCESSES = FIXTURES / "processes"
_database_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    with TemporaryPostgres() as server:
        yield server


def _manual_clock():
    manual = ManualClock()
    use_clock(manual)
    yield manual
    use_clock(SystemClock())


clock = pytest.fixture(_manual_clock)


def engine_per_module(folder: str):
    """A module's own ``clock`` and ``engine`` fixtures: one manual clock and one engine on a fresh SQLite
    file in ``folder`` for all the module's tests (each test deploys its own case), where an engine per test
    would cost more than the tests do. In the module: ``clock, engine = engine_per_module("…")``."""

    def engine(tmp_path_factory, clock):
        running = Engine(f"sqlite:///{tmp_path_factory.mktemp(folder) / 'kanta.sqlite3'}", clock_source=clock)
        yield running
        running.close()

    return pytest.fixture(_manual_clock, scope="module", name="clock"), pytest.fixture(engine, scope="module")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kanta.sqlite3'}"
    server = request.getfixturevalue("postgres_server")
    return create_database(server.url, f"kanta_{next(_database_names)}")


@pytest.fixture
def engine(database_url, clock):
    running = Engine(database_url, clock_source=clock, script_timeout=0.5)
    running.deploy_folder(PROCESSES, actor="analyst:test")
    yield running
    running.close()
