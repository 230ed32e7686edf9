"""app.hq.json_text writes the JSON values the standard library wrote (jsonb parameters, the push
answer): the same values after parsing for what HQ sends, and the standard library's text where
orjson refuses (an integer past 64 bits, a key that is not text)."""

from __future__ import annotations

import json
import uuid

import orjson

from app.domain.messages import Msg
from app.hq import json_text
from app.hq.http_io import answer_json

VALUES = [
    {"name": "广州示例科技有限公司", "n": 3, "x": 1.5, "big": 1e16, "tiny": 1e-7, "flag": True, "none": None,
     "list": [1, "二", {"k": [None]}], "ctl": "a\n\t\"b\\\u0001\u2028"},
    [{"t": "service_record", "i": str(uuid.uuid4()), "d": False, "j": {"summary": "咨询"}, "e": True}],
    {"rejected": [{"message": Msg("报告不能从“%1”改为“%2”。", "草稿", "已通过"), "reason": "report_transition"}]},
    {"huge": 10**30, "neg": -(10**25)},  # past 64 bits: the standard library's text
    {1: "key not text", "ok": 2},
    "",
    [],
]


def test_the_same_values_as_the_standard_library() -> None:
    for value in VALUES:
        assert json.loads(json_text.text(value)) == json.loads(json.dumps(value, ensure_ascii=False))
        assert json.loads(json_text.answer(value)) == json.loads(answer_json(value))


def test_a_message_is_written_as_its_text_and_orjson_does_the_common_case() -> None:
    message = Msg("报告不能从“%1”改为“%2”。", "草稿", "已通过")
    assert json_text.answer({"m": message}) == json.dumps({"m": str.__str__(message)}, ensure_ascii=False,
                                                         separators=(",", ":")).encode()
    assert json_text.text(VALUES[1]) == orjson.dumps(VALUES[1]).decode()  # no fallback for wire-made values
    assert json_text.text({"huge": 10**30}) == '{"huge":1000000000000000000000000000000}'
