"""HQ schema: replica_row with its txid trigger, accounts, batches, conflicts, merges, rejections.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 17:51:09.842597
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import app.hq.models

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applied_batch',
    sa.Column('station_id', sa.UUID(), nullable=False),
    sa.Column('batch_id', sa.UUID(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('result', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.PrimaryKeyConstraint('station_id', 'batch_id', name=op.f('pk_applied_batch'))
    )
    op.create_table('conflict_log',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('tbl', sa.Text(), nullable=False),
    sa.Column('row_id', sa.UUID(), nullable=False),
    sa.Column('field', sa.Text(), nullable=False),
    sa.Column('winning_value', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('losing_value', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('winning_hlc', sa.BigInteger(), nullable=False),
    sa.Column('losing_hlc', sa.BigInteger(), nullable=False),
    sa.Column('winning_station_id', sa.UUID(), nullable=True),
    sa.Column('losing_station_id', sa.UUID(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_log'))
    )
    op.create_index(op.f('ix_conflict_log_row_id'), 'conflict_log', ['row_id'], unique=False)
    op.create_table('enterprise_alias',
    sa.Column('merged_id', sa.UUID(), nullable=False),
    sa.Column('survivor_id', sa.UUID(), nullable=False),
    sa.PrimaryKeyConstraint('merged_id', name=op.f('pk_enterprise_alias'))
    )
    op.create_index(op.f('ix_enterprise_alias_survivor_id'), 'enterprise_alias', ['survivor_id'], unique=False)
    op.create_table('hq_meta',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_hq_meta'))
    )
    op.create_table('merge_record',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('survivor_id', sa.UUID(), nullable=False),
    sa.Column('merged_id', sa.UUID(), nullable=False),
    sa.Column('credit_code', sa.Text(), nullable=False),
    sa.Column('station_id', sa.UUID(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_record'))
    )
    op.create_index(op.f('ix_merge_record_merged_id'), 'merge_record', ['merged_id'], unique=False)
    op.create_table('rejected_write',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('station_id', sa.UUID(), nullable=False),
    sa.Column('batch_id', sa.UUID(), nullable=False),
    sa.Column('tbl', sa.Text(), nullable=False),
    sa.Column('row_id', sa.UUID(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejected_write'))
    )
    op.create_index(op.f('ix_rejected_write_station_id'), 'rejected_write', ['station_id'], unique=False)
    op.create_table('replica_row',
    sa.Column('tbl', sa.Text(), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('station_id', sa.UUID(), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('field_hlc', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('field_station', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('txid', app.hq.models.Xid8(), server_default=sa.text('pg_current_xact_id()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('tbl', 'id', name=op.f('pk_replica_row'))
    )
    op.create_index('ix_replica_row_credit_code', 'replica_row', [sa.literal_column("(data->>'credit_code')")], unique=False, postgresql_where=sa.text("tbl = 'enterprise' AND NOT deleted"))
    op.create_index('ix_replica_row_enterprise_ref', 'replica_row', [sa.literal_column("(data->>'enterprise_id')")], unique=False, postgresql_where=sa.text("tbl IN ('service_record', 'demand', 'event_attendance')"))
    op.create_index('ix_replica_row_station', 'replica_row', ['station_id', 'tbl'], unique=False)
    op.create_index('ix_replica_row_txid_tbl_id', 'replica_row', ['txid', 'tbl', 'id'], unique=False)
    # The row's txid is the transaction of its latest change, whatever the writer sets:
    # the pull watermark (docs/sync-protocol.md, "Pull") depends on it.
    op.execute("""
        CREATE FUNCTION replica_row_stamp_txid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.txid := pg_current_xact_id();
            RETURN NEW;
        END $$""")
    op.execute("""
        CREATE TRIGGER replica_row_txid BEFORE INSERT OR UPDATE ON replica_row
        FOR EACH ROW EXECUTE FUNCTION replica_row_stamp_txid()""")
    op.create_table('station_account',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('district', sa.Text(), server_default='', nullable=False),
    sa.Column('station_id', sa.UUID(), nullable=False),
    sa.Column('status', sa.Text(), server_default='active', nullable=False),
    sa.Column('token_hash', sa.Text(), nullable=True),
    sa.Column('token_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('enrol_code_hash', sa.Text(), nullable=True),
    sa.Column('enrol_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cursor_txid', sa.BigInteger(), nullable=True),
    sa.Column('cursor_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_station_account')),
    sa.UniqueConstraint('enrol_code_hash', name=op.f('uq_station_account_enrol_code_hash')),
    sa.UniqueConstraint('station_id', name=op.f('uq_station_account_station_id')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_station_account_token_hash'))
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS replica_row_txid ON replica_row")
    op.execute("DROP FUNCTION IF EXISTS replica_row_stamp_txid()")
    op.drop_table('station_account')
    op.drop_index('ix_replica_row_txid_tbl_id', table_name='replica_row')
    op.drop_index('ix_replica_row_station', table_name='replica_row')
    op.drop_index('ix_replica_row_enterprise_ref', table_name='replica_row', postgresql_where=sa.text("tbl IN ('service_record', 'demand', 'event_attendance')"))
    op.drop_index('ix_replica_row_credit_code', table_name='replica_row', postgresql_where=sa.text("tbl = 'enterprise' AND NOT deleted"))
    op.drop_table('replica_row')
    op.drop_index(op.f('ix_rejected_write_station_id'), table_name='rejected_write')
    op.drop_table('rejected_write')
    op.drop_index(op.f('ix_merge_record_merged_id'), table_name='merge_record')
    op.drop_table('merge_record')
    op.drop_table('hq_meta')
    op.drop_index(op.f('ix_enterprise_alias_survivor_id'), table_name='enterprise_alias')
    op.drop_table('enterprise_alias')
    op.drop_index(op.f('ix_conflict_log_row_id'), table_name='conflict_log')
    op.drop_table('conflict_log')
    op.drop_table('applied_batch')
