"""outbound files: the station's outbox of files for HQ; HQ's review of information reports

outbound_file lists the files waiting to go to HQ (a submitted report's PDF, the signage
photo, the work-rules document) and what became of them; local only, never synced
(app/sync/files.py).  info_report gains review_comment: HQ now accepts or returns
information reports as it does annual reports (draft → submitted → accepted | returned).
info_report's capture triggers list no columns, so they stay as 0007 installed them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 00:55:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.types


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbound_file',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('purpose', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('report_tbl', sa.String(length=20), nullable=True),
    sa.Column('report_id', sa.Uuid(), nullable=True),
    sa.Column('submitted_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('sent_bytes', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbound_file'))
    )
    op.create_index('ix_outbound_file_state', 'outbound_file', ['state', 'id'], unique=False)
    op.add_column('info_report', sa.Column('review_comment', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    op.drop_column('info_report', 'review_comment')  # SQLite 3.35+: no table rebuild, triggers stay
    op.drop_index('ix_outbound_file_state', table_name='outbound_file')
    op.drop_table('outbound_file')
