"""period unlock log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 17:39:50.386804
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('period_unlock',
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('unlocked_by', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('relock_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('relocked_by', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['relocked_by'], ['staff_member.id'], name=op.f('fk_period_unlock_relocked_by_staff_member')),
    sa.ForeignKeyConstraint(['unlocked_by'], ['staff_member.id'], name=op.f('fk_period_unlock_unlocked_by_staff_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_unlock'))
    )
    with op.batch_alter_table('period_unlock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_unlock_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_period_unlock_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_period_unlock_station_id'), ['station_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('period_unlock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_unlock_station_id'))
        batch_op.drop_index(batch_op.f('ix_period_unlock_period'))
        batch_op.drop_index(batch_op.f('ix_period_unlock_deleted'))

    op.drop_table('period_unlock')
