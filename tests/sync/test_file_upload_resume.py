"""An upload interrupted half-way resumes where HQ's stored bytes end and the file is stored
once: the client killed after its first chunk, a chunk's reply lost, the connection down
before a chunk left.  And the same bytes from two stations are one blob at HQ."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine

from app.models.database import Database
from app.services.station import file_store
from app.sync import file_types
from app.sync.client import OfflineError, SyncClient
from app.sync.engine import sync
from tests.sync.file_helpers import hq_blob, hq_files, outbound


def big_photo() -> bytes:
    return b"\xff\xd8\xff\xe0" + os.urandom(int(2.5 * file_types.CHUNK_BYTES))  # three chunks


class Crash(BaseException):
    """The process dying at this point (not an error the engine could handle)."""


class Interrupting(SyncClient):
    """The real client; after (or before) chunk number `at` something goes wrong."""

    def __init__(self, base: SyncClient, at: int, fault: str) -> None:
        super().__init__(base.base_url, base.token, http=base.http)
        self.at, self.fault = at, fault
        self.offsets: list[int] = []

    def file_chunk(self, upload_id: str, offset: int, data: bytes) -> dict[str, Any]:
        if len(self.offsets) + 1 == self.at and self.fault == "down_before":
            self.offsets.append(-1)
            raise OfflineError("网络中断（测试）")
        answer = super().file_chunk(upload_id, offset, data)
        self.offsets.append(offset)
        if len(self.offsets) == self.at and self.fault == "killed_after":
            raise Crash()
        if len(self.offsets) == self.at and self.fault == "reply_lost":
            raise OfflineError("回复丢失（测试）")
        return answer


class Resending(SyncClient):
    """A transport that sends the first chunk twice (a retry after a reply it thought lost)."""

    def __init__(self, base: SyncClient) -> None:
        super().__init__(base.base_url, base.token, http=base.http)
        self.offsets: list[int] = []

    def file_chunk(self, upload_id: str, offset: int, data: bytes) -> dict[str, Any]:
        self.offsets.append(offset)
        if len(self.offsets) == 1:
            super().file_chunk(upload_id, offset, data)
        return super().file_chunk(upload_id, offset, data)


class Watching(SyncClient):
    def __init__(self, base: SyncClient) -> None:
        super().__init__(base.base_url, base.token, http=base.http)
        self.offsets: list[int] = []

    def file_chunk(self, upload_id: str, offset: int, data: bytes) -> dict[str, Any]:
        self.offsets.append(offset)
        return super().file_chunk(upload_id, offset, data)


def queue_photo(db: Database, data: bytes) -> str:
    with db.begin() as s:
        stored = file_store.store_bytes(db.path.parent, data, file_types.JPEG)
        file_store.queue_upload(s, stored, "signage_photo", "挂牌.jpg")
    return stored.sha256


def _resume(make_station, hq_engine: Engine, code: str, fault: str) -> list[int]:  # type: ignore[no-untyped-def]
    a = make_station(code)
    photo = big_photo()
    sha = queue_photo(a.db, photo)
    before = hq_files(hq_engine)
    broken = Interrupting(a.client(), at=2, fault=fault)
    if fault == "killed_after":
        try:
            sync(a.db, broken)
            raise AssertionError("the crash should have stopped the sync")
        except Crash:
            pass
    else:
        assert not sync(a.db, broken).completed
    assert outbound(a.db)[0][1] == "pending"
    assert hq_files(hq_engine)["blobs"] == before["blobs"]  # nothing is kept until the whole file is there
    watching = Watching(a.client())
    result = sync(a.db, watching)
    assert result.completed and result.files_sent == 1, result
    after = hq_files(hq_engine)
    assert hq_blob(hq_engine, sha) == photo
    assert after["blobs"] == before["blobs"] + 1 and after["blob_bytes"] == before["blob_bytes"] + len(photo)
    assert after["links"] == before["links"] + 1 and (after["uploads"], after["chunks"]) == (0, 0)
    assert outbound(a.db)[0][:4] == ("signage_photo", "sent", len(photo), 1)
    return watching.offsets


def test_killed_after_the_first_chunks_resumes_where_hq_stored_bytes_end(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    offsets = _resume(make_station, hq_engine, "GZ-RESUME-KILL", "killed_after")
    assert offsets == [2 * file_types.CHUNK_BYTES], "the resumed sync sends only the bytes HQ does not hold"


def test_a_lost_chunk_reply_resumes_without_sending_the_chunk_twice(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    offsets = _resume(make_station, hq_engine, "GZ-RESUME-LOST", "reply_lost")
    assert offsets == [2 * file_types.CHUNK_BYTES]


def test_the_connection_down_before_a_chunk_resumes_from_the_last_stored_one(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    offsets = _resume(make_station, hq_engine, "GZ-RESUME-DOWN", "down_before")
    assert offsets == [file_types.CHUNK_BYTES, 2 * file_types.CHUNK_BYTES]


def test_a_chunk_sent_twice_is_refused_and_the_client_goes_on_from_hqs_offset(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-RESEND")
    photo = big_photo()
    sha = queue_photo(a.db, photo)
    before = hq_files(hq_engine)
    client = Resending(a.client())
    result = sync(a.db, client)
    assert result.completed and result.files_sent == 1, result
    # the second copy of chunk 0 was answered 409: the client asked where to go on
    assert client.offsets == [0, file_types.CHUNK_BYTES, 2 * file_types.CHUNK_BYTES]
    assert hq_blob(hq_engine, sha) == photo
    assert hq_files(hq_engine)["blob_bytes"] == before["blob_bytes"] + len(photo)


def test_the_same_bytes_from_two_stations_are_stored_once(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    photo = b"\xff\xd8\xff\xe0 the same photo " + os.urandom(5000)
    a, b = make_station("GZ-DEDUP-A"), make_station("GZ-DEDUP-B")
    before = hq_files(hq_engine)
    sha = queue_photo(a.db, photo)
    queue_photo(a.db, photo)  # chosen twice: queued once
    assert len(outbound(a.db)) == 1
    queue_photo(b.db, photo)
    assert sync(a.db, a.client()).files_sent == 1 and sync(b.db, b.client()).files_sent == 1
    after = hq_files(hq_engine)
    assert after["blobs"] == before["blobs"] + 1 and after["links"] == before["links"] + 2
    assert hq_blob(hq_engine, sha) == photo


def test_a_file_changed_on_disk_is_not_sent_and_says_why(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-TAMPER")
    sha = queue_photo(a.db, b"\xff\xd8\xff\xe0 original " + os.urandom(100))
    (a.db.path.parent / file_types.stored_name(sha, file_types.JPEG)).write_bytes(b"\xff\xd8\xff\xe0 changed")
    result = sync(a.db, a.client())
    assert result.completed and result.files_refused == 1
    state = outbound(a.db)[0]
    assert state[1] == "refused" and "已被改动" in state[4]
    assert hq_blob(hq_engine, sha) is None
