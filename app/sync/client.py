"""A thin HTTP client for the HQ sync service: one method per endpoint, Chinese errors.

Accepts an injected `httpx.Client` (tests pass starlette's TestClient, which is one);
otherwise it owns a client with its own base URL and timeouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

import json
import re
import time
from functools import cache
from pathlib import Path
from typing import Any, Self

from app.domain.messages import Msg, from_wire
from app.sync import protocol

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class SyncError(Exception):
    """A sync that could not finish; `message` is shown to the user as is."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.message = message


class OfflineError(SyncError):
    pass


class AuthError(SyncError):
    pass


class UpgradeRequired(SyncError):
    pass


class ResyncRequired(SyncError):
    pass


class ServerError(SyncError):
    pass


class RequestRefused(SyncError):
    """HQ refused this request (a 4xx other than 401/410/426): the request, not the sync, is wrong."""

    def __init__(self, message: str, detail: str = "", status: int = 400, error: str = "") -> None:
        super().__init__(message, detail)
        self.status, self.error = status, error


class CertificateError(SyncError):
    """HQ's TLS certificate failed verification (self-signed, a private CA, a wrong name)."""


class InsecureTransportError(SyncError):
    """Plain http:// to a host outside this machine, without --insecure-http."""


# OpenSSL verify codes (X509_V_ERR_*) with their own advice.  A name check against a host
# typed as an IP address fails with IP_ADDRESS_MISMATCH, not HOSTNAME_MISMATCH.
_CERT_EXPIRED = 10
_NAME_MISMATCH = frozenset({62, 64})  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH


def is_loopback(host: str | None) -> bool:
    """localhost, 127.0.0.0/8 or ::1: traffic that never leaves this machine."""
    import ipaddress

    if not host:
        return False
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_over_network(url: str) -> bool:
    """An http:// address of a host outside this machine: token and data travel in clear."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    return parts.scheme.lower() == "http" and not is_loopback(parts.hostname)


def require_secure_transport(url: str, insecure_http: bool = False) -> None:
    """Refuse plain http:// outside loopback unless the user insisted (--insecure-http).
    Raises InsecureTransportError with the fix in Chinese."""
    if plain_http_over_network(url) and not insecure_http:
        raise InsecureTransportError(
            Msg("服务总站网址 %1 使用不加密的 http://，同步令牌和本站数据会以明文在网络上传输。请改用 https:// 网址；只有在受控的测试网络中，才可在登记时加 --insecure-http 强制使用 http://。", url)
        )


def tls_context(ca_file: str | Path | None = None) -> Any:
    """What HTTPS to HQ trusts: the system's certificate store (Windows' and macOS' own,
    OpenSSL's on Linux, which honours SSL_CERT_FILE), certifi's bundle (httpx's default),
    and, when given, the CA file HQ handed out at enrolment (docs/hq-deployment.md)."""
    import ssl

    import certifi

    context = ssl.create_default_context()
    context.load_verify_locations(cafile=certifi.where())
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except FileNotFoundError as exc:
            raise SyncError(Msg("找不到证书颁发机构(CA)文件：%1。请确认文件路径，或重新向服务总站索取。", ca_file), repr(exc)) from exc
        except OSError as exc:  # ssl.SSLError too: not a PEM certificate
            raise SyncError(Msg("无法使用证书颁发机构(CA)文件 %1：它不可读或不是 PEM 格式的证书（.pem/.crt），请向服务总站索取正确的 CA 文件。", ca_file), repr(exc)) from exc
    return context


def _certificate_failure(exc: BaseException) -> Any:
    """The ssl.SSLCertVerificationError behind an httpx error, if that is what it was."""
    import ssl

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _certificate_message(base_url: str, failure: Any) -> str:
    code = getattr(failure, "verify_code", None)
    if code in _NAME_MISMATCH:
        return (Msg("服务器证书与网址不符：%1 出示的证书不是为这个地址签发的。请使用证书上的域名访问服务总站，或请服务总站为这个地址重新签发证书。", base_url))
    if code == _CERT_EXPIRED:
        return Msg("服务器证书已过期：%1 的证书已超过有效期，请联系服务总站更换证书；数据已保存在本机。", base_url)
    return (Msg("服务器证书不受信任：%1 的证书不是由本机信任的证书颁发机构签发的（例如自签名或单位内部证书）。请向服务总站索取证书颁发机构(CA)文件，并在登记时用 --ca-file 指定，或把它加入系统信任。", base_url))


def _server_message(response: httpx.Response) -> str:
    try:
        body = _decode(response.content)
    except ValueError:
        return ""
    return from_wire(body.get("message_form"), str(body.get("message", ""))) if isinstance(body, dict) else ""


def _server_error(response: httpx.Response) -> str:
    try:
        body = _decode(response.content)
    except ValueError:
        return ""
    return str(body.get("error", "")) if isinstance(body, dict) else ""


def _decode(body: bytes) -> Any:
    # httpx has already undone Content-Encoding: zstd; a body still compressed is decoded here
    if body[:4] == ZSTD_MAGIC:
        return protocol.decode(body, protocol.CONTENT_ENCODING)
    return protocol.decode(body, None)


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        http: httpx.Client | None = None,
        timeout: float = 60.0,
        protocol_version: int = protocol.PROTOCOL_VERSION,
        ca_file: str | Path | None = None,
        insecure_http: bool = False,
    ) -> None:
        """`insecure_http`: allow plain http:// to a host outside loopback (checked when
        this client opens its own connection; an injected `http` is the caller's transport)."""
        self.base_url = base_url.rstrip("/")
        self.insecure_http = insecure_http
        self.token = token
        self.protocol_version = protocol_version
        # the newest version falls back to 1 once when an older HQ answers 426
        self._may_downgrade = protocol_version == protocol.PROTOCOL_VERSION != 1
        self._owned = http is None
        if http is None:
            require_secure_transport(self.base_url, insecure_http)
            import httpx  # ~0.15 s: loaded when a sync starts, not with the window

            http = httpx.Client(base_url=self.base_url, timeout=httpx.Timeout(timeout, connect=10.0), verify=tls_context(ca_file))
        self.http = http
        self.round_trips = 0
        # (round trip ms, offset ms) of the quickest answer that named HQ's time: every
        # answer does, so a sync needs no hello of its own to set the clock (`clock_offset`)
        self._clock: tuple[float, int] | None = None

    def close(self) -> None:
        if self._owned:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- endpoints ---------------------------------------------------------------
    def hello(self) -> dict[str, Any]:
        return _object(self._call("GET", "/v1/hello"))

    def enroll(self, code: str) -> dict[str, Any]:
        return _object(self._call("POST", "/v1/enroll", {"code": code}, auth=False))

    def push(self, batch_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        return _object(self._call("POST", "/v1/push", {"batch_id": batch_id, "rows": rows}))

    def pull(self, cursor: Any, limit: int, table: str | None = None) -> dict[str, Any]:
        return self.pull_page(cursor, limit, table).decode()

    def pull_page(self, cursor: Any, limit: int, table: str | None = None,
                  figures: tuple[str, ...] | None = None) -> PulledPage:
        """The page still encoded, with its cursor read from the tail when possible, so the
        next request can leave before this page is decoded.

        Pages bigger than the default (a bootstrap, a repair, a long catch-up) ask for
        array rows (protocol 2): ~3x faster to decode here, ~1.4x dearer for PostgreSQL to
        build.  Small catch-up pages stay objects: with 200 stations syncing, HQ's time is
        the scarce one, and 400 rows decode in a few milliseconds either way.

        `figures`: tables whose sanity-check figures HQ puts in the last page's "check"
        (an HQ that predates it ignores the key and sends none; the caller then asks /v1/check)."""
        payload: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if table is not None:
            payload["table"] = table
        if figures:
            payload["figures"] = list(figures)
        if self.protocol_version >= protocol.ROW_ARRAYS_SINCE and limit > protocol.DEFAULT_PULL_LIMIT:
            payload["columns"] = _wire_columns()
        return PulledPage(self._call("POST", "/v1/pull", payload))

    def check(self, tables: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return _object(self._call("POST", "/v1/check", {"tables": tables}))

    def file_start(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Start or resume an upload (docs/sync-protocol.md, "Files"): upload_id, offset, complete, version."""
        return _object(self._call("POST", "/v1/files/uploads", meta))

    def file_chunk(self, upload_id: str, offset: int, data: bytes) -> dict[str, Any]:
        """Send `data` as the bytes of the upload from `offset` on (raw, not compressed)."""
        headers = {"X-Upload-Id": upload_id, "X-Upload-Offset": str(offset), "Content-Type": "application/octet-stream"}
        return _object(self._send("POST", "/v1/files/chunk", None, auth=True, raw=data, extra=headers))

    # --- transport ---------------------------------------------------------------
    def _call(self, method: str, path: str, payload: Any = None, *, auth: bool = True) -> bytes:
        """The answer's body as received (zstd or plain JSON); `_object` decodes it."""
        try:
            return self._send(method, path, payload, auth=auth)
        except UpgradeRequired:
            if not self._may_downgrade:
                raise
            self._may_downgrade = False
            self.protocol_version = 1  # an HQ older than this client: version 1 is a subset
            return self._send(method, path, payload, auth=auth)

    def _send(self, method: str, path: str, payload: Any, *, auth: bool, raw: bytes | None = None,
              extra: dict[str, str] | None = None) -> bytes:
        headers = {protocol.PROTOCOL_HEADER: str(self.protocol_version), "Accept": "application/json", **(extra or {})}
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        content = raw
        if payload is not None:
            content = protocol.encode(payload)
            headers["Content-Encoding"] = protocol.CONTENT_ENCODING
            headers["Content-Type"] = "application/json"
        url = path if str(self.http.base_url) else f"{self.base_url}{path}"
        import httpx

        sent = time.time() * 1000
        try:
            response = self.http.request(method, url, content=content, headers=headers)
        except httpx.TimeoutException as exc:
            raise OfflineError("连接服务总站同步服务超时，数据已保存在本机，稍后再试。", repr(exc)) from exc
        except httpx.TransportError as exc:
            failure = _certificate_failure(exc)
            if failure is not None:
                raise CertificateError(_certificate_message(self.base_url, failure), repr(failure)) from exc
            raise OfflineError(
                Msg("无法连接服务总站同步服务（%1）：网络不通或服务器未启动。数据已保存在本机，稍后再试。", self.base_url),
                repr(exc),
            ) from exc
        self.round_trips += 1
        _raise_for_status(response)
        self._sample_clock(sent, time.time() * 1000, response.content)
        return response.content

    def _sample_clock(self, sent: float, received: float, content: bytes) -> None:
        server = _server_time(content)
        if server is None:
            return
        trip = received - sent
        if self._clock is None or trip < self._clock[0]:
            self._clock = (trip, int(server + trip / 2 - received))

    def clock_offset(self) -> int | None:
        """HQ's clock minus ours (ms), from the quickest answer so far (its error is at most
        half that round trip), or None before any answer named HQ's time."""
        return None if self._clock is None else self._clock[1]


@cache
def _wire_columns() -> dict[str, list[str]]:
    from app.sync.codec import wire_columns  # the models: loaded when a pull starts

    return wire_columns(protocol.SYNCED_TABLES)


_SERVER_TIME = re.compile(rb'"server_time_ms":\s*(\d{1,16})')


def _server_time(content: bytes) -> int | None:
    """`server_time_ms` of a plain JSON answer, read without decoding it.  The last match is
    HQ's own key: HQ writes it after a pull page's rows, and a quote inside a string is escaped."""
    at = content.rfind(b'"server_time_ms":')
    if at < 0 or content[:4] == ZSTD_MAGIC:
        return None
    found = _SERVER_TIME.match(content, at)
    return int(found.group(1)) if found else None


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if status == 401:
        raise AuthError(
            _server_message(response) or "服务总站拒绝了本站的同步令牌（已被吊销、过期或无效），请联系服务总站后重新登记。",
            f"HTTP 401 {response.text[:200]}",
        )
    if status == 426:
        raise UpgradeRequired(_server_message(response) or protocol.UPGRADE_MESSAGE, "HTTP 426")
    if status == 410:
        raise ResyncRequired("本站太久没有同步，需要从服务总站重新下载全部数据。", "HTTP 410")
    if status >= 500:
        raise ServerError(Msg("服务总站同步服务出错（HTTP %1），请稍后再试或联系服务总站。", status), response.text[:500])
    if status >= 400:
        message = _server_message(response)
        raise RequestRefused(Msg("服务总站拒绝了同步请求（HTTP %1）：%2", status, message or '请求无效'), response.text[:500], status,
                             _server_error(response))


def _object(content: bytes) -> dict[str, Any]:
    try:
        body = _decode(content)
    except ValueError as exc:
        raise ServerError("服务总站同步服务的回复无法识别，请稍后再试或联系服务总站。", str(exc)) from exc
    if not isinstance(body, dict):
        raise ServerError("服务总站同步服务的回复无法识别，请稍后再试或联系服务总站。", f"not an object: {body!r:.200}")
    return body


class PulledPage:
    """A pull answer as received.  `peek()` reads `cursor`/`done` from the tail HQ writes
    after the rows (`…],"cursor":{…},"done":…}`) without decoding the rows; None when the
    body is not laid out that way (the caller then decodes, and always checks the peek
    against the decoded answer)."""

    def __init__(self, content: bytes) -> None:
        self.content = content

    def peek(self) -> tuple[Any, bool] | None:
        at = self.content.rfind(b'],"cursor":')
        if at < 0 or self.content[:4] == ZSTD_MAGIC:
            return None
        try:
            tail = json.loads(b"{" + self.content[at + 2 :])
        except ValueError:
            return None
        if not isinstance(tail, dict) or "cursor" not in tail or "done" not in tail:
            return None
        return tail["cursor"], bool(tail["done"])

    def decode(self) -> dict[str, Any]:
        return _object(self.content)
