"""parties of instances

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instance_parties",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("instance_id", sa.String(length=36), nullable=False),
        sa.Column("lane", sa.String(length=200), nullable=False),
        sa.Column("party", sa.String(length=200), nullable=False),
        sa.Column("bound_at", sa.DateTime(), nullable=False),
        sa.Column("bound_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["instance_id"],
            ["process_instances.id"],
            name=op.f("fk_instance_parties_instance_id_process_instances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instance_parties")),
        sa.UniqueConstraint("instance_id", "lane", name=op.f("uq_instance_parties_instance_id_lane")),
    )
    with op.batch_alter_table("instance_parties", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instance_parties_party_instance_id"), ["party", "instance_id"], unique=False
        )
    # Instances and waits from before parties were kept have none: only a global caller reaches them.
    with op.batch_alter_table("message_subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lane", sa.String(length=200), nullable=True))
    with op.batch_alter_table("external_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lane", sa.String(length=200), nullable=True))
    with op.batch_alter_table("process_instances", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("idempotency_party", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.drop_constraint("uq_process_instances_idempotency_key", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_process_instances_idempotency_party_idempotency_key"),
            ["idempotency_party", "idempotency_key"],
        )


def downgrade() -> None:
    with op.batch_alter_table("process_instances", schema=None) as batch_op:
        batch_op.drop_constraint("uq_process_instances_idempotency_party_idempotency_key", type_="unique")
        batch_op.create_unique_constraint("uq_process_instances_idempotency_key", ["idempotency_key"])
        batch_op.drop_column("idempotency_party")
    with op.batch_alter_table("external_tasks", schema=None) as batch_op:
        batch_op.drop_column("lane")
    with op.batch_alter_table("message_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("lane")
    with op.batch_alter_table("instance_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instance_parties_party_instance_id"))
    op.drop_table("instance_parties")
