"""drop deleted indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 19:00:57.482955
"""
from __future__ import annotations

from alembic import op



revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('annual_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annual_report_deleted'))

    with op.batch_alter_table('catalogue_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalogue_entry_deleted'))

    with op.batch_alter_table('demand', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demand_deleted'))

    with op.batch_alter_table('demand_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demand_transition_deleted'))

    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_deleted'))

    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_deleted'))

    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_attendance_deleted'))

    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_deleted'))

    with op.batch_alter_table('period_unlock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_unlock_deleted'))

    with op.batch_alter_table('policy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policy_deleted'))

    with op.batch_alter_table('service_institution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_institution_deleted'))

    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_record_deleted'))

    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_member_deleted'))

    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_deleted'))



def downgrade() -> None:
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_member_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_record_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('service_institution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_institution_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('policy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policy_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('period_unlock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_unlock_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_attendance_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('demand_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demand_transition_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('demand', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demand_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('catalogue_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalogue_entry_deleted'), ['deleted'], unique=False)

    with op.batch_alter_table('annual_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annual_report_deleted'), ['deleted'], unique=False)

