"""Issue 13: HQ answers in Chinese; an answer whose message was made from a template also says how
(`message_form`), so the station and the HQ desk show it in their user's language.  The text stays
exactly what it was; a plain message has no form."""

from __future__ import annotations

from app.domain.messages import Msg, from_wire
from app.sync import protocol
from tests.hq.test_body_limits import json_bomb

V1 = {protocol.PROTOCOL_HEADER: "1"}


def test_a_refusal_made_from_a_template_carries_its_form(app_client) -> None:  # type: ignore[no-untyped-def]
    answer = app_client.post("/v1/enroll", content=json_bomb(1024 * 1024), headers={**V1, "Content-Encoding": "zstd"})
    body = answer.json()
    assert answer.status_code == 413 and body["message"] == "请求数据解压后太大（超过 64 KB），请分批上传或升级服务站工作台。"
    assert body["message_form"] == {"template": "请求数据解压后太大（超过 %1），请分批上传或升级服务站工作台。", "args": ["64 KB"]}
    received = from_wire(body["message_form"], body["message"])
    assert isinstance(received, Msg) and received == body["message"]


def test_a_plain_refusal_has_no_form(app_client) -> None:  # type: ignore[no-untyped-def]
    answer = app_client.post("/v1/pull", json={}, headers=V1)  # no token
    assert answer.status_code == 401 and set(answer.json()) == {"error", "message"}
