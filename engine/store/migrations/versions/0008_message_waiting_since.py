"""since when an instance waits for a message

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 15:00:00
"""

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("message_subscriptions") as batch:
        batch.add_column(sa.Column("waiting_since", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("message_subscriptions") as batch:
        batch.drop_column("waiting_since")
