"""incidents

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:40:00
"""

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("instance_id", sa.String(length=36), nullable=False),
        sa.Column("process_key", sa.String(length=200), nullable=False),
        sa.Column("element_id", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("opened_at", UtcDateTime(), nullable=False),
        sa.Column("last_failure_at", UtcDateTime(), nullable=False),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["instance_id"],
            ["process_instances.id"],
            name=op.f("fk_incidents_instance_id_process_instances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_instance_id"), ["instance_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_resolved_at_opened_at"), ["resolved_at", "opened_at"])


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_resolved_at_opened_at"))
        batch_op.drop_index(batch_op.f("ix_incidents_instance_id"))
    op.drop_table("incidents")
