"""Connecting to the store and bringing its schema up to date."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).parent / "migrations"


def connect(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_settings(dbapi_connection, _record):
            # WAL lets readers run while one writer commits; foreign keys are off by default in SQLite.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


def migrate(engine: Engine) -> None:
    """Apply every migration not yet applied (none when the schema is current)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def pending_migrations(engine: Engine) -> bool:
    """Whether the schema lacks a migration (or has none at all): then ``migrate`` must run first."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() != head


def migrate_database(url: str) -> None:
    """Bring the schema of the database at ``url`` up to date (``kanta-onboarding migrate-database``)."""
    database = connect(url)
    try:
        migrate(database)
    finally:
        database.dispose()


def schema_is_current(url: str) -> bool:
    """Whether the database at ``url`` has every migration; raises SQLAlchemyError if it is unreachable."""
    database = connect(url)
    try:
        return not pending_migrations(database)
    finally:
        database.dispose()


# SQLSTATEs of a transaction the database undid to let others go on: a deadlock, a serialization failure.
_LOCK_VICTIM_STATES = {"40P01", "40001"}


def chosen_as_lock_victim(error: DBAPIError) -> bool:
    """Whether the database undid the transaction to settle a deadlock or a serialization failure (then
    running it again is safe), rather than failing it for something running it again would meet too."""
    return getattr(error.orig, "sqlstate", None) in _LOCK_VICTIM_STATES
