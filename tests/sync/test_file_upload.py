"""The file channel end to end: a submitted report's PDF travels with the next sync and HQ
holds it byte-identical; the signage photo and work-rules document follow the profile;
a re-submission is a new version; the same bytes from two stations are stored once."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, text

from app.services.reporting import drafts
from app.sync.engine import sync
from app.sync.file_types import sha256_hex
from tests.sync.file_helpers import hq_blob, hq_files, outbound, submit_info


def test_a_submitted_reports_pdf_reaches_hq_byte_identical(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-FILE-A")
    rid, pdf = submit_info(a.db)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
    assert outbound(a.db) == [("report_pdf", "pending", 0, None, "")]
    with a.db.sessions() as s:  # the editor shows the PDF's trip beside the status
        assert drafts.load_info(s, "2026-Q3").pdf_upload.state == "pending"  # type: ignore[union-attr]
    result = sync(a.db, a.client())
    assert result.completed and result.files_sent == 1, result
    assert outbound(a.db) == [("report_pdf", "sent", len(pdf), 1, "")]
    assert hq_blob(hq_engine, sha256_hex(pdf)) == pdf
    with hq_engine.connect() as conn:
        link = conn.execute(text("SELECT station_id, report_tbl, report_id, version, sha256 FROM station_file")).one()
    assert tuple(link) == (a.station_id, "info_report", rid, 1, hashlib.sha256(pdf).hexdigest())
    assert hq_files(hq_engine)["uploads"] == 0 and hq_files(hq_engine)["chunks"] == 0
    with a.db.sessions() as s:
        shown = drafts.load_info(s, "2026-Q3").pdf_upload
    assert shown is not None and (shown.state, shown.version) == ("sent", 1)
    again = sync(a.db, a.client())  # nothing pending: nothing sent again
    assert again.completed and again.files_sent == 0
