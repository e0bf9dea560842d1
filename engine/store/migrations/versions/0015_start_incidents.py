"""an incident may be a definition version's, met by a start that stored no instance

A start whose run meets a fault of the diagram (a gateway no condition of which holds, a name nothing wrote)
stores no instance, so its incident is the definition version's: ``instance_id`` may be empty, and
``definition_version`` says which version of ``process_key`` it was met on.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 22:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as table:
        table.alter_column("instance_id", existing_type=sa.String(length=36), nullable=True)
        table.add_column(sa.Column("definition_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM incidents WHERE instance_id IS NULL")
    with op.batch_alter_table("incidents") as table:
        table.drop_column("definition_version")
        table.alter_column("instance_id", existing_type=sa.String(length=36), nullable=False)
