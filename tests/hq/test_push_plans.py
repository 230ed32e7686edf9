"""A station's push plans the prefetch's reads once per connection, not on every push
(app.hq.push.GENERIC_PLANS_ON, app.hq.merge_prefetch.GENERIC_PLANS_OFF): their ids come as an
array, which a generic plan counts as 10 rows, so for a push of a few enterprises PostgreSQL kept
choosing a fresh plan (benchmarks/README.md, "Session 9").  Only those reads run with generic
plans: the merge's own statements afterwards run with the session's setting.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text

from app.hq import push as hq_push
from tests.hq.factories import enterprise, hlc, service_record

SETTING = text("SELECT current_setting('plan_cache_mode')")
PREPARED = text(
    "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
    "WHERE statement LIKE 'SELECT i.id, a.s, (SELECT r.data->>''credit_code''%' "
    "OR statement LIKE 'SELECT r.id, r.station_id, r.version, r.deleted, r.data, r.field_hlc, r.field_station FROM unnest%'"
)


def _push(conn: Any, token: str, station: uuid.UUID) -> None:
    found = hq_push.authenticate_and_claim(conn, token, uuid.uuid4())
    assert found is not None
    rows = [enterprise(station, hlc(0)), enterprise(station, hlc(0))]
    rows.append(service_record(station, rows[0]["id"]))
    hq_push.apply_push(conn, station, uuid.uuid4(), rows, claimed=True)


def test_the_claim_turns_generic_plans_on_and_the_prefetch_turns_them_off(hq_engine, enrol) -> None:
    me = enrol("PLAN-A")
    with hq_engine.connect() as conn, conn.begin():
        session = conn.execute(SETTING).scalar_one()
        assert hq_push.authenticate_and_claim(conn, me.token, uuid.uuid4()) is not None
        assert conn.execute(SETTING).scalar_one() == "force_generic_plan"
        hq_push.apply_push(conn, me.station_id, uuid.uuid4(), [enterprise(me.station_id, hlc(0))], claimed=True)
        # the merge's statements and everything after the prefetch: the session's own setting
        assert conn.execute(SETTING).scalar_one() == session
    with hq_engine.connect() as conn:  # SET LOCAL: gone with the transaction
        assert conn.execute(SETTING).scalar_one() == session


def test_the_prefetch_reads_are_not_planned_again_on_every_push(hq_engine, enrol) -> None:
    me = enrol("PLAN-B")
    with hq_engine.connect() as conn:
        for _ in range(12):  # psycopg prepares a statement on its 6th execution on a connection
            with conn.begin():
                _push(conn, me.token, me.station_id)
        plans = conn.execute(PREPARED).all()
    assert len(plans) == 2, plans
    for generic, custom in plans:
        assert generic > 0 and custom == 0, plans  # before: 0 generic, a custom plan every push
