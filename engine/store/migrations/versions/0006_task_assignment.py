"""task assignment and message starts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 12:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ready_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignee", sa.String(length=200), nullable=True))
        # Tasks made ready before assignments were kept are offered to nobody in particular.
        batch_op.add_column(sa.Column("candidate_users", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("candidate_groups", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.create_index(
            batch_op.f("ix_ready_tasks_assignee_ready_since_id"),
            ["assignee", "ready_since", "id"],
            unique=False,
        )
    op.create_table(
        "task_candidates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["ready_tasks.id"],
            name=op.f("fk_task_candidates_task_id_ready_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_candidates")),
    )
    with op.batch_alter_table("task_candidates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_candidates_task_id"), ["task_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_task_candidates_kind_name_task_id"), ["kind", "name", "task_id"], unique=False
        )
    with op.batch_alter_table("definition_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_message", sa.String(length=200), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_definition_versions_start_message"), ["start_message"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("definition_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_definition_versions_start_message"))
        batch_op.drop_column("start_message")
    with op.batch_alter_table("task_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_candidates_kind_name_task_id"))
        batch_op.drop_index(batch_op.f("ix_task_candidates_task_id"))
    op.drop_table("task_candidates")
    with op.batch_alter_table("ready_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ready_tasks_assignee_ready_since_id"))
        batch_op.drop_column("candidate_groups")
        batch_op.drop_column("candidate_users")
        batch_op.drop_column("assignee")
