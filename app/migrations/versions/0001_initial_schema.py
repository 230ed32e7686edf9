"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 17:20:58.448523
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('annual_report',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('narrative', sa.JSON(), nullable=False),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('submitted_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_report')),
    sa.UniqueConstraint('station_id', 'year', 'kind', name=op.f('uq_annual_report_station_id_year_kind'))
    )
    with op.batch_alter_table('annual_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annual_report_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_annual_report_station_id'), ['station_id'], unique=False)

    op.create_table('enterprise',
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('credit_code_warning', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=200), nullable=False),
    sa.Column('industry_section', sa.String(length=1), nullable=True),
    sa.Column('industry_code', sa.String(length=5), nullable=True),
    sa.Column('district', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('legal_representative', sa.String(length=100), nullable=False),
    sa.Column('contact_name', sa.String(length=100), nullable=False),
    sa.Column('contact_phone', sa.String(length=50), nullable=False),
    sa.Column('employees', sa.Integer(), nullable=True),
    sa.Column('revenue', app.models.types.ScaledDecimal(), nullable=True),
    sa.Column('assets', app.models.types.ScaledDecimal(), nullable=True),
    sa.Column('size_year', sa.Integer(), nullable=True),
    sa.Column('size', sa.String(length=10), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise'))
    )
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_contact_phone'), ['contact_phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_credit_code'), ['credit_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_deleted'), ['deleted'], unique=False)
        batch_op.create_index('ix_enterprise_district_size', ['district', 'size'], unique=False)
        batch_op.create_index('ix_enterprise_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_station_id'), ['station_id'], unique=False)

    op.create_table('event',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('event_type', sa.String(length=20), nullable=False),
    sa.Column('theme', sa.String(length=40), nullable=True),
    sa.Column('starts_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('partners', sa.Text(), nullable=False),
    sa.Column('speakers', sa.Text(), nullable=False),
    sa.Column('walk_in_count', sa.Integer(), nullable=False),
    sa.Column('satisfaction', sa.Double(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_station_id'), ['station_id'], unique=False)

    op.create_table('expert',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert'))
    )
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_expert_station_id'), ['station_id'], unique=False)

    op.create_table('policy',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('issued_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('expires_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('industries', sa.Text(), nullable=False),
    sa.Column('sizes', sa.String(length=100), nullable=False),
    sa.Column('districts', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('attachment', sa.String(length=300), nullable=True),
    sa.Column('local_note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy'))
    )
    with op.batch_alter_table('policy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policy_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_policy_station_id'), ['station_id'], unique=False)

    op.create_table('profile_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_profile_meta'))
    )
    op.create_table('service_institution',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('contact_name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('entered_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('exited_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('exit_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_institution'))
    )
    with op.batch_alter_table('service_institution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_institution_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_institution_station_id'), ['station_id'], unique=False)

    op.create_table('staff_member',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('full_time', sa.Boolean(), nullable=False),
    sa.Column('start_date', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('end_date', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('trainings', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_member'))
    )
    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_member_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_member_station_id'), ['station_id'], unique=False)

    op.create_table('station',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('district', sa.String(length=20), nullable=False),
    sa.Column('host_organisation', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('signage_hung_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('signage_photo', sa.String(length=300), nullable=True),
    sa.Column('work_rules_filed_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('work_rules_document', sa.String(length=300), nullable=True),
    sa.Column('premises', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station')),
    sa.UniqueConstraint('code', name=op.f('uq_station_code'))
    )
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_station_id'), ['station_id'], unique=False)

    op.create_table('catalogue_entry',
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('fee_type', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['service_institution.id'], name=op.f('fk_catalogue_entry_institution_id_service_institution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_entry'))
    )
    with op.batch_alter_table('catalogue_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalogue_entry_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalogue_entry_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalogue_entry_station_id'), ['station_id'], unique=False)

    op.create_table('event_attendance',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('enterprise_id', sa.Uuid(), nullable=True),
    sa.Column('attendee_name', sa.String(length=100), nullable=False),
    sa.Column('registered_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('checked_in_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_event_attendance_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_attendance_event_id_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_attendance'))
    )
    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_attendance_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_attendance_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_attendance_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_attendance_station_id'), ['station_id'], unique=False)

    op.create_table('service_record',
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.Column('service_date', app.models.types.ISODate(length=10), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('prep_minutes', sa.Integer(), nullable=False),
    sa.Column('contact_minutes', sa.Integer(), nullable=False),
    sa.Column('fee_type', sa.String(length=10), nullable=False),
    sa.Column('fee', app.models.types.ScaledDecimal(), nullable=True),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('institution_id', sa.Uuid(), nullable=True),
    sa.Column('expert_id', sa.Uuid(), nullable=True),
    sa.Column('policy_id', sa.Uuid(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('follow_up_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('reportable', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_service_record_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.id'], name=op.f('fk_service_record_expert_id_expert')),
    sa.ForeignKeyConstraint(['institution_id'], ['service_institution.id'], name=op.f('fk_service_record_institution_id_service_institution')),
    sa.ForeignKeyConstraint(['policy_id'], ['policy.id'], name=op.f('fk_service_record_policy_id_policy')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_member.id'], name=op.f('fk_service_record_staff_id_staff_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_record'))
    )
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.create_index('ix_service_record_date', ['service_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_deleted'), ['deleted'], unique=False)
        batch_op.create_index('ix_service_record_enterprise_date', ['enterprise_id', 'service_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_station_id'), ['station_id'], unique=False)

    op.create_table('demand',
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.Column('service_record_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('received_on', app.models.types.ISODate(length=10), nullable=False),
    sa.Column('due_on', app.models.types.ISODate(length=10), nullable=True),
    sa.Column('assignee_staff_id', sa.Uuid(), nullable=True),
    sa.Column('assignee_institution_id', sa.Uuid(), nullable=True),
    sa.Column('assignee_expert_id', sa.Uuid(), nullable=True),
    sa.Column('closed_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_expert_id'], ['expert.id'], name=op.f('fk_demand_assignee_expert_id_expert')),
    sa.ForeignKeyConstraint(['assignee_institution_id'], ['service_institution.id'], name=op.f('fk_demand_assignee_institution_id_service_institution')),
    sa.ForeignKeyConstraint(['assignee_staff_id'], ['staff_member.id'], name=op.f('fk_demand_assignee_staff_id_staff_member')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_demand_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['service_record_id'], ['service_record.id'], name=op.f('fk_demand_service_record_id_service_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_demand'))
    )
    with op.batch_alter_table('demand', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demand_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_demand_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_demand_station_id'), ['station_id'], unique=False)
        batch_op.create_index('ix_demand_status_due', ['status', 'due_on'], unique=False)

    op.create_table('demand_transition',
    sa.Column('demand_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['demand_id'], ['demand.id'], name=op.f('fk_demand_transition_demand_id_demand')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_demand_transition'))
    )
    with op.batch_alter_table('demand_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demand_transition_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_demand_transition_demand_id'), ['demand_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_demand_transition_station_id'), ['station_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('demand_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demand_transition_station_id'))
        batch_op.drop_index(batch_op.f('ix_demand_transition_demand_id'))
        batch_op.drop_index(batch_op.f('ix_demand_transition_deleted'))

    op.drop_table('demand_transition')
    with op.batch_alter_table('demand', schema=None) as batch_op:
        batch_op.drop_index('ix_demand_status_due')
        batch_op.drop_index(batch_op.f('ix_demand_station_id'))
        batch_op.drop_index(batch_op.f('ix_demand_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_demand_deleted'))

    op.drop_table('demand')
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_record_station_id'))
        batch_op.drop_index('ix_service_record_enterprise_date')
        batch_op.drop_index(batch_op.f('ix_service_record_deleted'))
        batch_op.drop_index('ix_service_record_date')

    op.drop_table('service_record')
    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_attendance_station_id'))
        batch_op.drop_index(batch_op.f('ix_event_attendance_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_attendance_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_event_attendance_deleted'))

    op.drop_table('event_attendance')
    with op.batch_alter_table('catalogue_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalogue_entry_station_id'))
        batch_op.drop_index(batch_op.f('ix_catalogue_entry_institution_id'))
        batch_op.drop_index(batch_op.f('ix_catalogue_entry_deleted'))

    op.drop_table('catalogue_entry')
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_station_id'))
        batch_op.drop_index(batch_op.f('ix_station_deleted'))

    op.drop_table('station')
    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_member_station_id'))
        batch_op.drop_index(batch_op.f('ix_staff_member_deleted'))

    op.drop_table('staff_member')
    with op.batch_alter_table('service_institution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_institution_station_id'))
        batch_op.drop_index(batch_op.f('ix_service_institution_deleted'))

    op.drop_table('service_institution')
    op.drop_table('profile_meta')
    with op.batch_alter_table('policy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policy_station_id'))
        batch_op.drop_index(batch_op.f('ix_policy_deleted'))

    op.drop_table('policy')
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_station_id'))
        batch_op.drop_index(batch_op.f('ix_expert_deleted'))

    op.drop_table('expert')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_station_id'))
        batch_op.drop_index(batch_op.f('ix_event_starts_at'))
        batch_op.drop_index(batch_op.f('ix_event_deleted'))

    op.drop_table('event')
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_station_id'))
        batch_op.drop_index(batch_op.f('ix_enterprise_name_initials'))
        batch_op.drop_index('ix_enterprise_name')
        batch_op.drop_index('ix_enterprise_district_size')
        batch_op.drop_index(batch_op.f('ix_enterprise_deleted'))
        batch_op.drop_index(batch_op.f('ix_enterprise_credit_code'))
        batch_op.drop_index(batch_op.f('ix_enterprise_contact_phone'))

    op.drop_table('enterprise')
    with op.batch_alter_table('annual_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annual_report_station_id'))
        batch_op.drop_index(batch_op.f('ix_annual_report_deleted'))

    op.drop_table('annual_report')
