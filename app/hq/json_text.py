"""JSON text of values HQ built from wire JSON, fast, for jsonb parameters and the sync answers.

`json.dumps` of a push's 18 new rows (one jsonb parameter) took 84 µs, orjson 8 µs; a push sends
three such parameters and its answer (benchmarks/README.md, "Session 9").  One writer for both
sides of the wire: app.sync.protocol.dumps (orjson, compact, UTF-8 as is, `str` subclasses such as
Msg as their text; the standard library where orjson refuses: an integer past 64 bits, a key that
is not a string).  Only for values made of JSON's own types, as wire rows, results and answers
are: orjson would write NaN as null (the wire refuses NaN before anything gets here).
"""

from __future__ import annotations

from typing import Any

from app.sync.protocol import dumps


def text(value: Any) -> str:
    """`value` as JSON text (a jsonb parameter)."""
    return dumps(value).decode()


def answer(value: Any) -> bytes:
    """`value` as a sync answer's compact UTF-8 JSON (app.hq.http_io.answer_json's bytes, faster)."""
    return dumps(value)
