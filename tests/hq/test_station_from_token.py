"""Finding 12: taking the station from a `station_id` in the request body went unnoticed by
the suite.  A push acts as the token's station, whatever station the body names."""

from __future__ import annotations

from sqlalchemy import text

from app.models.types import uuid7
from tests.hq.conftest import call
from tests.hq.factories import enterprise, hlc, service_record


def test_push_naming_another_station_in_the_body_acts_as_the_tokens_station(app_client, hq_engine, enrol) -> None:
    victim, pusher = enrol("S-V1"), enrol("S-P1")
    forged = service_record(victim.station_id, uuid7())  # a row naming the victim
    shared = enterprise(victim.station_id, hlc(0))  # a shared row naming the victim
    own = service_record(pusher.station_id, uuid7())
    batch = str(uuid7())
    named = str(victim.station_id)
    payload = {"batch_id": batch, "station_id": named, "station": named, "rows": [forged, shared, own]}
    answer = call(app_client, pusher, "/v1/push", payload)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert {r["id"]: r["reason"] for r in body["rejected"]} == {forged["id"]: "wrong_station"}
    assert body["accepted"] == 2
    ids = "{" + ",".join((forged["id"], shared["id"], own["id"])) + "}"
    with hq_engine.connect() as conn:
        owners = "SELECT CAST(id AS text), CAST(station_id AS text) FROM replica_row WHERE id = ANY(CAST(:ids AS uuid[]))"
        stored = dict(conn.execute(text(owners), {"ids": ids}).all())
        writers = conn.execute(text("SELECT field_station FROM replica_row WHERE id = :i"), {"i": shared["id"]}).scalar_one()
        batches = conn.execute(text("SELECT CAST(station_id AS text) FROM applied_batch WHERE batch_id = :b"), {"b": batch}).all()
        rejected = conn.execute(text("SELECT CAST(station_id AS text) FROM rejected_write WHERE row_id = :i"), {"i": forged["id"]}).all()
    me = str(pusher.station_id)
    assert stored == {shared["id"]: me, own["id"]: me}  # nothing written under the victim's name
    assert set(writers.values()) == {me}  # the enterprise's fields are the pusher's edits
    assert [b[0] for b in batches] == [me] and [r[0] for r in rejected] == [me]
    # and the victim's view is untouched: none of it arrived as the victim's own work
    pulled = call(app_client, victim, "/v1/pull", {"cursor": None, "limit": 5000}).json()["rows"]
    assert own["id"] not in {r["id"] for r in pulled} and forged["id"] not in {r["id"] for r in pulled}
