"""HqDeskClient: the HQ-mode window's one way to HQ, over the same HTTPS service as the
stations (`/v1/admin/...`, docs/admin-api.md).  PostgreSQL stays private.

Every failure becomes HqDeskError with a Chinese message: no network, a certificate that
does not match, the server's own 4xx message (it names the field), a reply that is not JSON.
Replies are capped (MAX_REPLY_BYTES; files have their own cap) and never trusted blindly:
callers turn them into dataclasses and treat a missing key as a broken server.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from app.domain.messages import Msg, from_wire
from app.sync import protocol
from app.sync.client import _certificate_failure, _certificate_message, require_secure_transport, tls_context

if TYPE_CHECKING:
    import httpx

ADMIN = "/v1/admin"
MAX_REPLY_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = 64 * 1024 * 1024


class HqDeskError(Exception):
    """`message` is Chinese, for the user; `status` the HTTP status when HQ answered."""

    def __init__(self, message: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.message, self.status, self.detail = message, status, detail


class HqDeskClient:
    def __init__(self, server: str, token: str, *, http: httpx.Client | None = None, timeout: float = 60.0,
                 ca_file: str | Path | None = None, insecure_http: bool = False) -> None:
        """`http`: an injected transport (tests pass starlette's TestClient)."""
        self.server = server.rstrip("/")
        self.token = token
        self._owned = http is None
        if http is None:
            try:
                require_secure_transport(self.server, insecure_http)
            except Exception as exc:  # SyncError: plain http to another machine
                raise HqDeskError(getattr(exc, "message", str(exc))) from exc
            import httpx

            http = httpx.Client(base_url=self.server, timeout=httpx.Timeout(timeout, connect=10.0),
                                verify=tls_context(ca_file))
        self.http = http

    def close(self) -> None:
        if self._owned:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- calls ---------------------------------------------------------------------------
    def get_json(self, path: str, **params: Any) -> Any:
        return self._json(self._send("GET", path, params=params))

    def post_json(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self._json(self._send("POST", path, body=body if body is not None else {}))

    def get_bytes(self, path: str, **params: Any) -> bytes:
        return self._send("GET", path, params=params, cap=MAX_FILE_BYTES)

    # --- transport -----------------------------------------------------------------------
    def _send(self, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = None,
              cap: int = MAX_REPLY_BYTES) -> bytes:
        import httpx

        headers = {protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION), "Authorization": f"Bearer {self.token}",
                   "Accept": "application/json"}
        content = None
        if body is not None:
            try:
                content = json.dumps(body, ensure_ascii=False, allow_nan=False).encode()
            except (TypeError, ValueError, RecursionError) as exc:  # UnicodeEncodeError: a lone surrogate
                raise HqDeskError("要发送的内容包含无法保存的字符或数值，请删除特殊字符后重试。", detail=repr(exc)[:200]) from exc
            headers["Content-Type"] = "application/json"
        query = {k: v for k, v in (params or {}).items() if v is not None}
        url = f"{ADMIN}{path}" if str(self.http.base_url) else f"{self.server}{ADMIN}{path}"
        try:
            with self.http.stream(method, url, params=query, content=content, headers=headers) as response:
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > cap:
                        raise HqDeskError("服务总站的回复太大，已停止接收。请缩小查询范围或联系服务总站。", response.status_code)
        except httpx.TimeoutException as exc:
            raise HqDeskError("连接服务总站超时，请稍后再试。", detail=repr(exc)) from exc
        except httpx.TransportError as exc:
            failure = _certificate_failure(exc)
            if failure is not None:
                raise HqDeskError(_certificate_message(self.server, failure), detail=repr(failure)) from exc
            raise HqDeskError(Msg("无法连接服务总站（%1）：网络不通或服务器未启动。", self.server), detail=repr(exc)) from exc
        if response.status_code >= 400:
            raise HqDeskError(self._message(response.status_code, bytes(data)), response.status_code, bytes(data[:500]).decode(
                "utf-8", "replace"))
        return bytes(data)

    @staticmethod
    def _message(status: int, data: bytes) -> str:
        try:
            body = json.loads(data)
        except ValueError:
            body = None
        message = from_wire(body.get("message_form"), str(body.get("message", ""))) if isinstance(body, dict) else ""
        if status == 401:
            return message or "服务总站不认可本机的令牌（已撤销、过期或无效），请向服务总站管理员索取新的登记码后重新登记。"
        if status == 403:
            return message or "你的角色不能执行这项操作。"
        if status >= 500:
            return Msg("服务总站服务出错（HTTP %1），请稍后再试或联系服务总站。", status)
        return message or Msg("服务总站拒绝了请求（HTTP %1）。", status)

    @staticmethod
    def _json(data: bytes) -> Any:
        try:
            return json.loads(data)
        except ValueError as exc:
            raise HqDeskError("服务总站的回复无法识别，请稍后再试或联系服务总站。", detail=data[:200].decode("utf-8", "replace")) from exc
