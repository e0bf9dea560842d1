"""An API over a fresh SQLite file with the fixture catalogue deployed, and one token per role."""

from __future__ import annotations

import pytest
from sqlalchemy import MetaData, select

from api.app import create_app
from engine import migrate_database
from tests.conftest import PROCESSES

# role:name:token; the audit trail names the actor role:name.
TOKENS = {
    "viewer": ("monitor", "tok-viewer-0123456789abcdef0123456789"),
    "integrator": ("ops-bot", "tok-integrator-0123456789abcdef0123456789"),
    "analyst": ("modeller", "tok-analyst-0123456789abcdef0123456789"),
    "admin": ("root", "tok-admin-0123456789abcdef0123456789"),
}
KANTA_TOKENS = ",".join(f"{role}:{name}:{token}" for role, (name, token) in TOKENS.items())


PROBLEMS = "https://kanta-onboarding.example/problems/"


def assert_problem(response, status: int, kind: str) -> dict:
    """The response is a problem+json of this status and type, with a title and a detail."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    problem = response.get_json()
    assert problem["type"] == PROBLEMS + kind
    assert problem["status"] == status
    assert problem["title"].strip() and problem["detail"].strip()
    return problem


def fields_named(problem: dict, part: str = "body") -> set[str]:
    """The JSON Pointers of the refused fields, every one of them in ``part`` of the request."""
    errors = problem.get("errors", [])
    assert {error["in"] for error in errors} <= {part}, errors
    return {error["field"] for error in errors}


def auth(role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[role][1]}"}


def actor(role: str) -> str:
    return f"{role}:{TOKENS[role][0]}"


@pytest.fixture
def app(tmp_path, clock):
    """What `serve` prepares before it makes the app: a migrated database with the catalogue deployed."""
    database = f"sqlite:///{tmp_path / 'kanta.sqlite3'}"
    migrate_database(database)
    application = create_app(
        {
            "TESTING": True,
            "KANTA_DATABASE_URL": database,
            "KANTA_DATA_DIR": str(tmp_path),
            "KANTA_TOKENS": KANTA_TOKENS,
            "KANTA_UNSCOPED_TOKENS": True,  # the role tests' viewer and integrator act for no party
            "KANTA_TIMER_INTERVAL": 0,
            "KANTA_PROCESSES_DIR": str(PROCESSES),
            "KANTA_CLOCK": clock,
        }
    )
    application.extensions["kanta_engine"].deploy_folder(PROCESSES, actor="system:startup")
    yield application
    application.extensions["kanta_engine"].close()


@pytest.fixture
def app_on_each_database(database_url, tmp_path, clock):
    """The same API on SQLite and on PostgreSQL: a module that needs both takes it as its ``app``."""
    migrate_database(database_url)
    application = create_app(
        {
            "TESTING": True,
            "KANTA_DATABASE_URL": database_url,
            "KANTA_DATA_DIR": str(tmp_path),
            "KANTA_TOKENS": KANTA_TOKENS,
            "KANTA_UNSCOPED_TOKENS": True,  # as in ``app``
            "KANTA_TIMER_INTERVAL": 0,
            "KANTA_PROCESSES_DIR": str(PROCESSES),
            "KANTA_CLOCK": clock,
        }
    )
    application.extensions["kanta_engine"].deploy_folder(PROCESSES, actor="system:startup")
    yield application
    application.extensions["kanta_engine"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def engine(app):
    return app.extensions["kanta_engine"]


@pytest.fixture
def stored(engine):
    """``stored()`` reads every row of every table: compare two readings to prove nothing changed."""
    tables = MetaData()
    tables.reflect(engine.db)

    def snapshot() -> dict[str, list[tuple]]:
        with engine.db.connect() as connection:
            return {
                name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
                for name, table in tables.tables.items()
            }

    return snapshot


@pytest.fixture
def start(client):
    """Start an instance through the API as the integrator; answers its JSON."""

    def started(
        process_key: str = "simple_onboarding",
        business_key: str | None = None,
        *,
        allow_duplicate: bool = False,
        **variables,
    ):
        body = {"process_key": process_key, "business_key": business_key, "variables": variables}
        response = client.post(
            "/api/v1/process-instances",
            json={**body, "allow_duplicate": allow_duplicate},
            headers=auth("integrator"),
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return started
