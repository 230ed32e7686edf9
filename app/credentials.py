"""Secrets (sync tokens) only through the operating system's secure store, via `keyring`.

Backends that keep secrets in plain files or nowhere are refused: the fail and
null backends, anything from `keyrings.alt`, a chainer with no usable member,
and any backend whose priority is below 1.  Then the secret lives in this
process's memory only, and the caller gets a Chinese message saying so.

A secret is never written to disk by this module and never logged: log lines
name the secret (`name`) and the backend, never the value.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "station-desk"

INSECURE_MESSAGE_ZH = (
    "系统没有可用的安全凭据存储（如 GNOME 密钥环或 Windows 凭据管理器），"
    "令牌只保存在本次运行的内存中，重启后需要重新登记。"
)

_log = logging.getLogger(__name__)
_memory: dict[str, str] = {}
_lock = threading.Lock()

# Module prefixes of backends that store nothing or store plaintext.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

_FRIENDLY_NAMES = {
    "keyring.backends.SecretService": "GNOME 密钥环 / Secret Service",
    "keyring.backends.libsecret": "GNOME 密钥环 / libsecret",
    "keyring.backends.kwallet": "KDE 钱包",
    "keyring.backends.Windows": "Windows 凭据管理器",
    "keyring.backends.macOS": "macOS 钥匙串",
}


@dataclass(frozen=True)
class BackendStatus:
    secure: bool
    name: str
    message_zh: str


@dataclass(frozen=True)
class StoreResult:
    persisted: bool
    message_zh: str


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _friendly(backend: KeyringBackend) -> str:
    module = type(backend).__module__
    for prefix, label in _FRIENDLY_NAMES.items():
        if module.startswith(prefix):
            return label
    return _backend_name(backend)


def _is_secure(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_REFUSED_MODULES):
        return False
    if module.startswith("keyring.backends.chainer"):
        # The chainer writes to the first member that accepts, so every member
        # must be acceptable, and there must be at least one.
        members = list(getattr(backend, "backends", []))
        return bool(members) and all(_is_secure(member) for member in members)
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 — some backends raise when they are not viable
        return False
    return priority >= 1


def backend_status() -> BackendStatus:
    """Whether the active keyring backend is one we trust with secrets."""
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    if _is_secure(backend):
        return BackendStatus(True, name, f"令牌保存在系统安全凭据存储（{_friendly(backend)}）中。")
    return BackendStatus(False, name, INSECURE_MESSAGE_ZH)


def _keep_in_memory(name: str, value: str, reason: str) -> StoreResult:
    with _lock:
        _memory[name] = value
    _log.warning("secret %r kept in memory only for this run: %s", name, reason)
    return StoreResult(persisted=False, message_zh=INSECURE_MESSAGE_ZH)


def store_secret(name: str, value: str) -> StoreResult:
    """Save `value` under `name` in the secure store, or in memory when there is none."""
    status = backend_status()
    if not status.secure:
        return _keep_in_memory(name, value, f"insecure keyring backend {status.name}")
    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        return _keep_in_memory(name, value, f"{status.name} refused the write ({type(exc).__name__})")
    with _lock:
        _memory.pop(name, None)
    return StoreResult(persisted=True, message_zh=status.message_zh)


def load_secret(name: str) -> str | None:
    """The secret saved under `name`, or None.  An in-memory copy from this run wins."""
    with _lock:
        if name in _memory:
            return _memory[name]
    status = backend_status()
    if not status.secure:
        return None  # never read back what a plaintext backend may hold
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        _log.warning("could not read secret %r from %s (%s)", name, status.name, type(exc).__name__)
        return None


def delete_secret(name: str) -> None:
    """Forget the secret everywhere we might have put it.  Missing is not an error."""
    with _lock:
        _memory.pop(name, None)
    status = backend_status()
    if not status.secure:
        return
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        _log.warning("could not delete secret %r from %s (%s)", name, status.name, type(exc).__name__)
