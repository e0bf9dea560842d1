"""migration batches

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 12:20:00
"""

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "migration_batches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("process_key", sa.String(length=200), nullable=False),
        sa.Column("from_version", sa.Integer(), nullable=False),
        sa.Column("to_version", sa.Integer(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("instance_ids", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("migrated", sa.Integer(), nullable=False),
        sa.Column("refused", sa.JSON(), nullable=False),
        sa.Column("refused_count", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
        sa.Column("claimed_until", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_migration_batches")),
    )
    with op.batch_alter_table("migration_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_migration_batches_finished_at"), ["finished_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("migration_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_migration_batches_finished_at"))
    op.drop_table("migration_batches")
