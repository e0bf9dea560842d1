"""The migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from engine.store.database import connect, migrate
from engine.store.models import Base


def test_migrations_match_the_models(database_url):
    engine = connect(database_url)
    migrate(engine)
    migrate(engine)  # a second run finds nothing to do
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
