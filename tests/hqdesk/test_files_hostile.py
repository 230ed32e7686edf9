"""Hostile uploads are refused with a 4xx and a Chinese message, and leave nothing behind:
a sha256 the bytes do not match, a file over the cap, a chunk at the wrong offset or past
the declared size, bytes that are not what they claim, another station's upload or report,
a submission whose file is already fixed."""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from app.sync import file_types, protocol
from tests.sync.file_helpers import hq_files

CJK = re.compile(r"[\u4e00-\u9fff]")
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def _start(client: Any, who: Any, **meta: Any) -> Any:
    body = {"sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF), "media_type": file_types.PDF,
            "purpose": "signage_photo" if meta.get("purpose") == "signage_photo" else "work_rules_document"} | meta
    return client.post("/v1/files/uploads", content=protocol.encode(body), headers=who.headers(**{"Content-Encoding": "zstd"}))


def _chunk(client: Any, who: Any, upload_id: str, offset: int, data: bytes) -> Any:
    return client.post("/v1/files/chunk", content=data,
                       headers=who.headers(**{"X-Upload-Id": upload_id, "X-Upload-Offset": str(offset)}))


def _refused(answer: Any, status: int, words: str) -> None:
    assert answer.status_code == status, answer.text
    message = answer.json()["message"]
    assert CJK.search(message) and words in message, message


@pytest.fixture(scope="module")
def pair(enrol: Any) -> tuple[Any, Any]:
    return enrol("GZ-HOSTILE-A"), enrol("GZ-HOSTILE-B")


def test_a_sha256_the_bytes_do_not_match_is_refused_and_nothing_is_kept(app_client: Any, pair: Any, hq_engine: Engine) -> None:
    a, _ = pair
    before = hq_files(hq_engine)
    started = _start(app_client, a, sha256="0" * 64).json()
    answer = _chunk(app_client, a, started["upload_id"], 0, PDF)
    _refused(answer, 422, "SHA-256")
    assert hq_files(hq_engine) == before


def test_an_oversize_file_or_chunk_is_refused(app_client: Any, pair: Any, hq_engine: Engine) -> None:
    a, _ = pair
    before = hq_files(hq_engine)
    _refused(_start(app_client, a, size=file_types.MAX_FILE_BYTES + 1), 422, "请求内容不符合同步协议")
    started = _start(app_client, a).json()
    too_big = b"%PDF-" + b"x" * file_types.CHUNK_BYTES
    _refused(_chunk(app_client, a, started["upload_id"], 0, too_big), 413, "太大")  # the door's cap on one chunk
    _refused(_chunk(app_client, a, started["upload_id"], 0, PDF + b"more"), 413, "超出了声明的文件大小")
    assert hq_files(hq_engine)["chunks"] == before["chunks"] and hq_files(hq_engine)["blobs"] == before["blobs"]
    app_client.post("/v1/files/chunk", content=PDF, headers=a.headers(**{"X-Upload-Id": started["upload_id"],
                                                                         "X-Upload-Offset": "0"}))  # finish it: tidy


def test_the_front_door_caps_a_chunk_before_reading_it(app_client: Any, pair: Any) -> None:
    from app.hq.asgi_guard import DOORS

    a, _ = pair
    assert DOORS[("POST", "/v1/files/chunk")].limits.body == file_types.CHUNK_BYTES
    declared = a.headers(**{"X-Upload-Id": str(uuid.uuid4()), "X-Upload-Offset": "0",
                            "Content-Length": str(file_types.CHUNK_BYTES + 1)})
    _refused(app_client.post("/v1/files/chunk", content=b"x" * (file_types.CHUNK_BYTES + 1), headers=declared), 413, "太大")


def test_a_chunk_at_the_wrong_offset_is_refused_and_says_where_to_go_on(app_client: Any, pair: Any, hq_engine: Engine) -> None:
    a, _ = pair
    data = b"%PDF-1.4\n" + b"offset test " * 3000
    started = _start(app_client, a, sha256=hashlib.sha256(data).hexdigest(), size=len(data)).json()
    assert _chunk(app_client, a, started["upload_id"], 0, data[:1000]).json()["offset"] == 1000
    before = hq_files(hq_engine)
    _refused(_chunk(app_client, a, started["upload_id"], 0, data[:1000]), 409, "应从第 1000 字节开始")  # a resend
    _refused(_chunk(app_client, a, started["upload_id"], 5000, data[5000:6000]), 409, "已收到这个文件的 1000 字节")
    assert hq_files(hq_engine) == before
    resumed = _start(app_client, a, sha256=hashlib.sha256(data).hexdigest(), size=len(data)).json()
    assert (resumed["upload_id"], resumed["offset"]) == (started["upload_id"], 1000)  # the same upload, where it ended
    done = _chunk(app_client, a, started["upload_id"], 1000, data[1000:]).json()
    assert done["complete"] and done["version"] >= 1


@pytest.mark.parametrize(("media_type", "purpose", "data", "words"), [
    (file_types.PDF, "work_rules_document", b"MZ\x90\x00 an exe claimed as a PDF" * 10, "与声明的PDF不符"),
    (file_types.PDF, "work_rules_document", b"\x89PNG\r\n\x1a\n a photo claimed as a PDF" * 10, "文件内容是PNG 图片"),
    (file_types.JPEG, "signage_photo", b"%PDF-1.4 a PDF claimed as a photo" * 10, "文件内容是PDF"),
    (file_types.DOCX, "work_rules_document", b"PK\x03\x04 a zip that is no Word document" * 10, "不是有效的 Word 文档"),
])
def test_bytes_that_are_not_what_they_claim_are_refused(app_client: Any, pair: Any, hq_engine: Engine, media_type: str,
                                                        purpose: str, data: bytes, words: str) -> None:
    a, _ = pair
    before = hq_files(hq_engine)
    started = _start(app_client, a, sha256=hashlib.sha256(data).hexdigest(), size=len(data), media_type=media_type,
                     purpose=purpose).json()
    _refused(_chunk(app_client, a, started["upload_id"], 0, data), 422, words)
    assert hq_files(hq_engine) == before


def test_a_type_the_use_does_not_take_is_refused_at_the_start(app_client: Any, pair: Any, hq_engine: Engine) -> None:
    a, _ = pair
    before = hq_files(hq_engine)
    _refused(_start(app_client, a, purpose="signage_photo"), 422, "挂牌照片只能是")
    _refused(_start(app_client, a, media_type="application/x-msdownload"), 422, "工作制度文件只能是")
    assert hq_files(hq_engine) == before


def test_another_stations_upload_or_report_is_not_reachable(app_client: Any, pair: Any, hq_engine: Engine) -> None:
    a, b = pair
    data = b"%PDF-1.4\n" + b"a's own file " * 500
    started = _start(app_client, a, sha256=hashlib.sha256(data).hexdigest(), size=len(data)).json()
    before = hq_files(hq_engine)
    _refused(_chunk(app_client, b, started["upload_id"], 0, data), 404, "没有这个上传")
    _refused(_chunk(app_client, b, str(uuid.uuid4()), 0, data), 404, "没有这个上传")
    assert hq_files(hq_engine) == before
    with hq_engine.begin() as conn:  # a report of A's at HQ
        rid = uuid.uuid4()
        conn.execute(text("INSERT INTO replica_row (tbl, id, station_id, version, deleted, data) VALUES "
                          "('info_report', :i, :s, 1, false, CAST(:d AS jsonb))"),
                     {"i": rid, "s": a.station_id, "d": '{"period": "2026-Q3", "status": "submitted", '
                                                        '"submitted_at": "2026-10-08T02:00:00+00:00"}'})
    report = {"purpose": "report_pdf", "report_tbl": "info_report", "report_id": str(rid),
              "submitted_at": "2026-10-08T02:00:00+00:00", "media_type": file_types.PDF}
    _refused(_start(app_client, b, **report), 404, "不属于本站")
    assert hq_files(hq_engine) == before
    # A's own: taken; then a different file for the same submission is refused: it is fixed
    mine = _start(app_client, a, **report).json()  # A sent these very bytes before: linked without resending
    assert (mine["complete"], mine["upload_id"], mine["version"]) == (True, None, 1)
    other = PDF + b"% changed afterwards\n"
    _refused(_start(app_client, a, sha256=hashlib.sha256(other).hexdigest(), size=len(other), **report), 409, "不能再更改")


def test_bad_headers_are_refused_in_chinese(app_client: Any, pair: Any) -> None:
    a, _ = pair
    _refused(app_client.post("/v1/files/chunk", content=PDF, headers=a.headers(**{"X-Upload-Offset": "0"})), 422, "上传编号")
    _refused(app_client.post("/v1/files/chunk", content=PDF, headers=a.headers(**{"X-Upload-Id": str(uuid.uuid4()),
                                                                                   "X-Upload-Offset": "-1"})), 422, "上传位置")
    _refused(app_client.post("/v1/files/chunk", content=PDF, headers={protocol.PROTOCOL_HEADER: "2"}), 401, "同步令牌")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.binary(min_size=1, max_size=64))
def test_any_bytes_not_starting_like_a_pdf_are_not_taken_as_one(head: bytes) -> None:
    problem = file_types.type_problem("report_pdf", file_types.PDF, head)
    assert (problem is None) == head.startswith(b"%PDF-")
