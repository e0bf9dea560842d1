"""the Idempotency-Key of a message delivered to a waiting instance is kept with its answer

A message that started an instance kept its key on the instance; one delivered to an instance that waited
kept nothing, so a retry of the same delivery was delivered again, or refused as no longer waited for. Each
key is now kept with the delivery's answer until it expires.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_keys",
        sa.Column("party", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("party", "key", name=op.f("pk_message_keys")),
    )
    op.create_index(op.f("ix_message_keys_expires_at"), "message_keys", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_message_keys_expires_at"), table_name="message_keys")
    op.drop_table("message_keys")
