"""sync capture: outbox and bookkeeping tables, change-capture triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00

The trigger DDL is frozen in app/migrations/triggers/r0003.py (written by app.sync.capture; it read the columns from
the live schema, so this migration creates exactly the triggers revision 0003's
tables need.  Rows that existed before this revision are not in the outbox: the
first enrolment queues them (app.sync.enrolment).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.types
from app.migrations.triggers import r0003, reinstall

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_outbox',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=32), nullable=False),
        sa.Column('hlc', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_sync_outbox_tbl_row_id', 'sync_outbox', ['tbl', 'row_id'], unique=False)
    op.create_table(
        'sync_control',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('applying', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_control')),
    )
    op.create_table(
        'sync_clock',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hlc', sa.BigInteger(), nullable=False),
        sa.Column('offset_ms', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_clock')),
    )
    op.create_table(
        'sync_field_clock',
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=32), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('hlc', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('tbl', 'row_id', 'field', name=op.f('pk_sync_field_clock')),
        sqlite_with_rowid=False,
    )
    op.create_table(
        'sync_push_batch',
        sa.Column('batch_id', sa.String(length=36), nullable=False),
        sa.Column('max_seq', sa.Integer(), nullable=False),
        sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_sync_push_batch')),
    )
    op.create_table(
        'sync_cursor',
        sa.Column('scope', sa.String(length=64), nullable=False),
        sa.Column('cursor', sa.Text(), nullable=True),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('scope', name=op.f('pk_sync_cursor')),
    )
    op.create_table(
        'sync_rejection',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('batch_id', sa.String(length=36), nullable=False),
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.Column('at', app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_rejection')),
    )
    op.create_table(
        'sync_log',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('started_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('finished_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('completed', sa.Boolean(), nullable=False),
        sa.Column('pushed', sa.Integer(), nullable=False),
        sa.Column('pulled', sa.Integer(), nullable=False),
        sa.Column('rejected', sa.Integer(), nullable=False),
        sa.Column('conflicts', sa.Integer(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_log')),
    )
    bind = op.get_bind()
    reinstall(bind, r0003.TRIGGERS)


def downgrade() -> None:
    bind = op.get_bind()
    reinstall(bind, ())
    for table in ('sync_log', 'sync_rejection', 'sync_cursor', 'sync_push_batch', 'sync_field_clock',
                  'sync_clock', 'sync_control'):
        op.drop_table(table)
    op.drop_index('ix_sync_outbox_tbl_row_id', table_name='sync_outbox')
    op.drop_table('sync_outbox')
