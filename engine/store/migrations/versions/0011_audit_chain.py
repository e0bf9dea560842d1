"""hash chains of the audit trail and the usage log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 16:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows written before have no hash: `audit verify` counts them and checks the chains after them.
    for table in ("audit_events", "usage_log"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("previous_hash", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    for table in ("usage_log", "audit_events"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("hash")
            batch_op.drop_column("previous_hash")
