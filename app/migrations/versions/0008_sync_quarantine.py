"""sync quarantine: pulled rows the station could not store

sync_quarantine keeps each pulled row that failed to apply (a type, a missing required
value, a length, a constraint) with its error, so one bad row at HQ never stops a
station's pull (app/sync/quarantine.py).  Local only, never synced.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:05:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_quarantine',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tbl', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=32), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('app_version', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_quarantine'))
    )
    op.create_index('ux_sync_quarantine_tbl_row_id', 'sync_quarantine', ['tbl', 'row_id'], unique=True)


def downgrade() -> None:
    op.drop_index('ux_sync_quarantine_tbl_row_id', table_name='sync_quarantine')
    op.drop_table('sync_quarantine')
