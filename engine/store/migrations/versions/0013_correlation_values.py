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
    """The waits stored before: their instance's version, and the variable of a by-variable contract."""
    connection = op.get_bind()
    metadata = sa.MetaData()
    waits = sa.Table("message_subscriptions", metadata, autoload_with=connection)
    instances = sa.Table("process_instances", metadata, autoload_with=connection)
    definitions = sa.Table("definition_versions", metadata, autoload_with=connection)
    rows = connection.execute(
        sa.select(
            waits.c.id, waits.c.message_name, instances.c.variables, definitions.c.forms, definitions.c.id
        )
        .join(instances, instances.c.id == waits.c.instance_id)
        .join(definitions, definitions.c.id == instances.c.definition_id)
    )
    for wait_id, message_name, variables, forms, definition_id in rows.all():
        kept = {"definition_id": definition_id}
        correlation = ((forms or {}).get(f"messages/{message_name}.json") or {}).get("x-correlation") or {}
        value = (variables or {}).get(correlation.get("variable") or correlation.get("property"))
        if correlation.get("by") == "variable" and isinstance(value, str):
            kept["correlation_value"] = _key(value)
        connection.execute(sa.update(waits).where(waits.c.id == wait_id).values(**kept))


def downgrade() -> None:
    for index in ("correlation_value", "definition_id"):
        op.drop_index(f"ix_message_subscriptions_message_name_{index}", table_name="message_subscriptions")
    with op.batch_alter_table("message_subscriptions") as table:
        table.drop_column("definition_id")
        table.drop_column("correlation_value")
