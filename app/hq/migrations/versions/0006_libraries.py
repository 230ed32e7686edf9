"""The HQ desk's libraries (资源库): two partial indexes, no table (the libraries live in
replica_row).

- ix_replica_row_policy_ref: service records that relay a policy, by policy, for the
  relay coverage of the policy list (app.hq.libraries.coverage) without scanning every
  service record;
- ix_replica_row_enterprise_name: live enterprises by (name's first 200 characters, id), the enterprise
  library's order and keyset paging (app.hq.libraries.enterprises).

Revision ID: 0006_libraries
Revises: 0005_files
Create Date: 2026-12-07 01:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006_libraries"
down_revision = "0005_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_replica_row_policy_ref ON replica_row ((data->>'policy_id')) "
        "WHERE tbl = 'service_record' AND data->>'policy_id' IS NOT NULL"
    )
    op.execute(
        "CREATE INDEX ix_replica_row_enterprise_name ON replica_row ((left(coalesce(data->>'name', ''), 200)), id) "
        "WHERE tbl = 'enterprise' AND NOT deleted"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_replica_row_enterprise_name")
    op.execute("DROP INDEX ix_replica_row_policy_ref")
