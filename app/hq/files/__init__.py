"""The file channel at HQ (docs/sync-protocol.md, "Files"), and the reports inbox that opens
the PDFs stations submit: content-addressed, size-capped, resumable, deduplicated storage
in PostgreSQL (file_blob, file_upload, station_file: HQ migration 0005_files)."""
