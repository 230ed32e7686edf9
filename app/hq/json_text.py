"""JSON text of values HQ built from wire JSON, fast (orjson), for jsonb parameters and the sync
answers.

`json.dumps` of a push's 18 new rows (one jsonb parameter) took 84 µs, orjson 8 µs; a push sends
three such parameters and its answer (benchmarks/README.md, "Session 9").  orjson writes the same
JSON values (insertion order kept, UTF-8 as is, `str` subclasses such as Msg as their text;
only spacing and exponent spelling differ: `1e16` for `1e+16`).  What it refuses, the standard
library writes as before: an integer past 64 bits (JSON allows it), a key that is not a string.
Only for values made of JSON's own types, as wire rows, results and answers are: orjson would
write NaN as null (the wire refuses NaN before anything gets here) and an Enum as its value.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def text(value: Any) -> str:
    """`value` as JSON text (a jsonb parameter)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError: an integer past 64 bits, a key that is not text
        return json.dumps(value, ensure_ascii=False)


def answer(value: Any) -> bytes:
    """`value` as a sync answer's compact UTF-8 JSON (app.hq.http_io.answer_json's bytes, faster)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()
