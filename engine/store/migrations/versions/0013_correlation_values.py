"""a message wait keeps the value it is correlated by and its instance's version, indexed

A message whose contract correlates by a payload property was delivered by listing the versions of every
waiting instance, then reading the variable out of every waiting instance's JSON: two scans of all of them.
Each wait for such a message now keeps the text the instance's variable holds (as ``correlation_key``
keeps it) and every wait its instance's definition version, each indexed with the message's name. The
waits stored before are filled in from their instance and its version's contract.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 18:40:00
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# As engine/store/models.py keeps a value (a migration keeps its own copy: the code may move on).
_LONGEST = 120


def _key(value: str) -> str:
    return value if len(value) <= _LONGEST else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("message_subscriptions") as table:
        table.add_column(sa.Column("correlation_value", sa.String(200), nullable=True))
        table.add_column(sa.Column("definition_id", sa.Integer(), nullable=True))
    op.create_index(
        "ix_message_subscriptions_message_name_correlation_value",
        "message_subscriptions",
        ["message_name", "correlation_value"],
    )
    op.create_index(
        "ix_message_subscriptions_message_name_definition_id",
        "message_subscriptions",
        ["message_name", "definition_id"],
    )
    _fill_in()


def _fill_in() -> None:
    """The waits stored before: their instance's version (one statement), and the variable's text where
    the version's contract of the message correlates by variable (those waits only)."""
    connection = op.get_bind()
    metadata = sa.MetaData()
    waits = sa.Table("message_subscriptions", metadata, autoload_with=connection)
    instances = sa.Table("process_instances", metadata, autoload_with=connection)
    definitions = sa.Table("definition_versions", metadata, autoload_with=connection)
    version_of = sa.select(instances.c.definition_id).where(instances.c.id == waits.c.instance_id)
    connection.execute(sa.update(waits).values(definition_id=version_of.scalar_subquery()))
    by_variable = {}  # (definition id, message name) -> the variable
    for definition_id, forms in connection.execute(sa.select(definitions.c.id, definitions.c.forms)).all():
        for key, schema in (forms or {}).items():
            correlation = (schema or {}).get("x-correlation") if isinstance(schema, dict) else None
            if key.startswith("messages/") and (correlation or {}).get("by") == "variable":
                name = key.removeprefix("messages/").removesuffix(".json")
                by_variable[definition_id, name] = correlation.get("variable") or correlation.get("property")
    if not by_variable:
        return
    rows = connection.execute(
        sa.select(waits.c.id, waits.c.message_name, waits.c.definition_id, instances.c.variables)
        .join(instances, instances.c.id == waits.c.instance_id)
        .where(waits.c.message_name.in_({name for _, name in by_variable}))
    )
    for wait_id, message_name, definition_id, variables in rows.all():
        variable = by_variable.get((definition_id, message_name))
        value = (variables or {}).get(variable) if variable else None
        if isinstance(value, str):
            connection.execute(
                sa.update(waits).where(waits.c.id == wait_id).values(correlation_value=_key(value))
            )


def downgrade() -> None:
    for index in ("correlation_value", "definition_id"):
        op.drop_index(f"ix_message_subscriptions_message_name_{index}", table_name="message_subscriptions")
    with op.batch_alter_table("message_subscriptions") as table:
        table.drop_column("definition_id")
        table.drop_column("correlation_value")
