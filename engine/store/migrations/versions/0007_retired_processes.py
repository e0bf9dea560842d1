"""retired processes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 15:40:00
"""

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retired_processes",
        sa.Column("process_key", sa.String(length=200), nullable=False),
        sa.Column("retired_at", UtcDateTime(), nullable=False),
        sa.Column("retired_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("process_key", name=op.f("pk_retired_processes")),
    )


def downgrade() -> None:
    op.drop_table("retired_processes")
