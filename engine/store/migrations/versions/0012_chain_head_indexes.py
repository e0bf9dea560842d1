"""the newest row of an instance's audit trail and usage log found by index

Each new audit or usage-log row chains from the newest row of its instance. With an index on
(instance_id, at) only, the database read and sorted every row of the instance to find it, so a read of a
long-lived, often-read instance grew slower with each read.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 18:10:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_usage_log_instance_id_id", "usage_log", ["instance_id", "id"])
    op.create_index("ix_audit_events_instance_id_id", "audit_events", ["instance_id", "id"])
    op.drop_index("ix_audit_events_instance_id", table_name="audit_events")


def downgrade() -> None:
    op.create_index("ix_audit_events_instance_id", "audit_events", ["instance_id"])
    op.drop_index("ix_audit_events_instance_id_id", table_name="audit_events")
    op.drop_index("ix_usage_log_instance_id_id", table_name="usage_log")
