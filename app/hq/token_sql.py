"""The token check as SQL and what it finds (`StationInfo`), for the statements that fold it in
(app.hq.accounts.authenticate, the push's claim in app.hq.push, the pull's preamble in
app.hq.pull): one definition, in a module that imports nothing of HQ's, so each of them can
take it without an import cycle (accounts imports push, through hq_edits)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

COLUMNS = "code, name, district, station_id, status, enrolled_at, cursor_txid, last_seen_at"  # a StationInfo's
STATION_COLUMNS = len(COLUMNS.split(","))
# In the driver's own parameter style (%(t)s: the token's digest), run straight on psycopg (app/hq/fast_sql.py).
AUTHENTICATE = (
    f"SELECT {COLUMNS} FROM station_account WHERE token_hash = %(t)s AND status = 'active' "
    "AND (token_expires_at IS NULL OR token_expires_at > now())"
)
AUTHENTICATE_LOCKED = AUTHENTICATE + " FOR SHARE"  # the account row held until the transaction ends


def digest(secret: str) -> str:
    """What HQ stores of a token or an enrolment code: its sha256, never the secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    district: str
    station_id: uuid.UUID
    status: str
    enrolled_at: datetime | None = None
    cursor_txid: int | None = None
    last_seen_at: datetime | None = None

    def to_json(self) -> dict[str, str]:
        return {"id": str(self.station_id), "station_id": str(self.station_id), "code": self.code, "name": self.name,
                "district": self.district, "status": self.status}
