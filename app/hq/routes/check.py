"""POST /v1/check: live-row counts and hashes per table, compared with the station's (the
two-request sync gets HQ's figures with its last pull page instead, app/hq/routes/pull.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.hq import pull as hq_pull
from app.hq import table_hashes
from app.hq.apply_context import now_ms
from app.hq.gate import authenticated
from app.hq.http_io import SMALL_LIMITS, RawBody, answer_json, body_reader, parse, respond
from app.hq.routes.context import Service, ServiceContext, Token
from app.hq.wire import CheckRequest

router = APIRouter()
LIMITS = SMALL_LIMITS
Body = Annotated[RawBody, Depends(body_reader(LIMITS))]


def answer(hq: ServiceContext, token: str, _version: int, body: RawBody) -> bytes:
    req = parse(CheckRequest, body.json())
    figures = {t: (f.count, f.hash) for t, f in req.tables.items()}

    due: list[Any] = []

    def work(conn: Any) -> dict[str, hq_pull.TableCheck]:
        station = authenticated(conn, token).station_id
        kept, due[:] = table_hashes.kept_figures(conn, station, figures)  # O(changes), not O(rows)
        return hq_pull.check(conn, station, figures, kept)

    result = hq.in_transaction(work, read_only=True)
    if due:  # now and then: the deltas since the last fold go into the base figures
        hq.in_transaction(lambda conn: table_hashes.fold(conn, due))
    tables = {t: {"count": c.count, "hash": c.hash, "match": c.match} for t, c in result.items()}
    mismatched = sorted(t for t, c in result.items() if not c.match)
    return answer_json({"tables": tables, "mismatched": mismatched, "server_time_ms": now_ms()})


@router.post("/v1/check")
def check(request: Request, hq: Service, token: Token, body: Body) -> Response:
    return respond(request, raw_json=answer(hq, token, request.state.protocol, body))
