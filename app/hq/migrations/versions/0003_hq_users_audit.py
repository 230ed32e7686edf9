"""HQ desk accounts and their audit trail: hq_user (admin / staff / bureau, enrolled with a
one-time code like a station, token stored only as sha256) and audit_log (who, when, what,
before and after, for every HQ action: the desk's endpoints and the command line alike).

Revision ID: 0003_hq_users_audit
Revises: 0002_enterprise_requests
Create Date: 2026-12-07 00:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0003_hq_users_audit"
down_revision = "0002_enterprise_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE TABLE hq_user (
            id bigserial CONSTRAINT pk_hq_user PRIMARY KEY,
            name text NOT NULL CONSTRAINT uq_hq_user_name UNIQUE
                CONSTRAINT ck_hq_user_name CHECK (length(name) BETWEEN 1 AND 64),
            role text NOT NULL CONSTRAINT ck_hq_user_role CHECK (role IN ('admin', 'staff', 'bureau')),
            status text NOT NULL DEFAULT 'active' CONSTRAINT ck_hq_user_status CHECK (status IN ('active', 'revoked')),
            token_hash text CONSTRAINT uq_hq_user_token_hash UNIQUE,
            enrol_code_hash text CONSTRAINT uq_hq_user_enrol_code_hash UNIQUE,
            enrol_expires_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now(),
            enrolled_at timestamptz,
            revoked_at timestamptz,
            last_seen_at timestamptz
        )""")
    op.execute("""
        CREATE TABLE audit_log (
            id bigserial CONSTRAINT pk_audit_log PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT now(),
            actor text NOT NULL,
            role text NOT NULL,
            action text NOT NULL,
            target text NOT NULL DEFAULT '',
            before jsonb,
            after jsonb
        )""")
    op.execute("CREATE INDEX ix_audit_log_at ON audit_log (at DESC, id DESC)")
    op.execute("CREATE INDEX ix_audit_log_action ON audit_log (action, at DESC)")


def downgrade() -> None:
    op.execute("DROP TABLE audit_log")
    op.execute("DROP TABLE hq_user")
