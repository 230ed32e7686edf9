"""Hot statements in the driver's own parameter style (`conn.exec_driver_sql`).

SQLAlchemy's `text()` costs a construct, a cache-key walk and a compile-cache lookup per
execution: 105 µs a statement against 51 µs for `exec_driver_sql` (benchmarks/README.md,
"Issue 14: 200 stations at once").  With 200 stations syncing at once HQ's CPU is the
bound, and a sync runs ~15 statements.  `driver()` turns a statement written with
`:name` parameters (as `text()` takes them) into psycopg's `%(name)s`, once, at import.
The caller's transaction, connection and retries are unchanged.
"""

from __future__ import annotations

import re

_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def driver(sql: str) -> str:
    """`sql` with each `:name` outside quotes as `%(name)s`; `::` casts stay."""
    parts = sql.split("'")
    if "%" in sql or len(parts) % 2 == 0:
        raise ValueError("a literal % or an unbalanced quote: write this statement by hand")
    return "'".join(_PARAM.sub(r"%(\1)s", p) if i % 2 == 0 else p for i, p in enumerate(parts))
