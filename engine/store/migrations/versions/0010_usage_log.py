"""usage log of personal data

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usage_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("party", sa.String(length=200), nullable=True),
        sa.Column("instance_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("masked", sa.JSON(), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage_log")),
    )
    with op.batch_alter_table("usage_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_usage_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_usage_log_instance_id_at"), ["instance_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("usage_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_usage_log_instance_id_at"))
        batch_op.drop_index(batch_op.f("ix_usage_log_at"))
    op.drop_table("usage_log")
