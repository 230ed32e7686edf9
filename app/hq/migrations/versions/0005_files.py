"""The file channel (docs/sync-protocol.md, "Files"): file_blob holds each file's bytes
once, by sha256, whichever stations send it; file_upload and file_upload_chunk hold an
upload under way (resumable: the next chunk must start where the stored bytes end);
station_file says which station sent which file for what: its work-rules document, its
signage photo, or the PDF of one submission of a report (version 1, 2, … per report;
a submitted file is never changed, a re-submission is a new row).

Revision ID: 0005_files
Revises: 0004_read_models
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0005_files"
down_revision = "0004_read_models"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE TABLE file_blob (
            sha256 text CONSTRAINT pk_file_blob PRIMARY KEY CONSTRAINT ck_file_blob_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            size bigint NOT NULL CONSTRAINT ck_file_blob_size CHECK (size BETWEEN 1 AND 20971520),
            media_type text NOT NULL,
            data bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_file_blob_length CHECK (octet_length(data) = size)
        )""")
    op.execute("""
        CREATE TABLE file_upload (
            id uuid CONSTRAINT pk_file_upload PRIMARY KEY,
            station_id uuid NOT NULL,
            sha256 text NOT NULL,
            size bigint NOT NULL CONSTRAINT ck_file_upload_size CHECK (size BETWEEN 1 AND 20971520),
            media_type text NOT NULL,
            purpose text NOT NULL,
            name text NOT NULL DEFAULT '',
            report_tbl text,
            report_id uuid,
            submitted_at timestamptz,
            received bigint NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_file_upload_received CHECK (received BETWEEN 0 AND size)
        )""")
    # one upload per station, file and use: a restarted upload finds the one under way
    op.execute("CREATE UNIQUE INDEX ux_file_upload_key ON file_upload (station_id, purpose, sha256, "
               "coalesce(report_id, '00000000-0000-0000-0000-000000000000'::uuid), "
               "coalesce(submitted_at, '-infinity'::timestamptz))")
    op.execute("""
        CREATE TABLE file_upload_chunk (
            upload_id uuid NOT NULL CONSTRAINT fk_file_upload_chunk_upload REFERENCES file_upload (id) ON DELETE CASCADE,
            "offset" bigint NOT NULL,
            data bytea NOT NULL,
            CONSTRAINT pk_file_upload_chunk PRIMARY KEY (upload_id, "offset")
        )""")
    op.execute("""
        CREATE TABLE station_file (
            id bigserial CONSTRAINT pk_station_file PRIMARY KEY,
            station_id uuid NOT NULL,
            sha256 text NOT NULL CONSTRAINT fk_station_file_blob REFERENCES file_blob (sha256),
            purpose text NOT NULL CONSTRAINT ck_station_file_purpose
                CHECK (purpose IN ('report_pdf', 'signage_photo', 'work_rules_document')),
            name text NOT NULL DEFAULT '',
            report_tbl text,
            report_id uuid,
            submitted_at timestamptz,
            version integer NOT NULL CONSTRAINT ck_station_file_version CHECK (version >= 1),
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_station_file_report CHECK (
                (purpose = 'report_pdf') = (report_id IS NOT NULL AND submitted_at IS NOT NULL
                                            AND report_tbl IN ('annual_report', 'info_report')))
        )""")
    # one PDF per submission of a report: a submitted file cannot be changed
    op.execute("CREATE UNIQUE INDEX ux_station_file_submission ON station_file (report_id, submitted_at) "
               "WHERE purpose = 'report_pdf'")
    op.execute("CREATE UNIQUE INDEX ux_station_file_version ON station_file (station_id, purpose, "
               "coalesce(report_id, '00000000-0000-0000-0000-000000000000'::uuid), version)")
    op.execute("CREATE UNIQUE INDEX ux_station_file_profile ON station_file (station_id, purpose, sha256) "
               "WHERE purpose <> 'report_pdf'")
    op.execute("CREATE INDEX ix_station_file_sha256 ON station_file (sha256)")


def downgrade() -> None:
    op.execute("DROP TABLE station_file")
    op.execute("DROP TABLE file_upload_chunk")
    op.execute("DROP TABLE file_upload")
    op.execute("DROP TABLE file_blob")
