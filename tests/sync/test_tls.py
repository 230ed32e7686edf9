"""HTTPS to a real `station-desk-hq serve --certfile --keyfile` whose certificate is signed
by a private CA: refused with a clear Chinese message until the station enrols with
`--ca-file`; afterwards every request (a whole `station-desk sync`) trusts that CA."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import Engine

from app.sync.client import AuthError, CertificateError, SyncClient
from app.sync.protocol import PROTOCOL_HEADER

from .conftest import new_enrol_code

REPO = Path(__file__).resolve().parents[2]


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "测试总部"), x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def make_private_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 / localhost signed by it:
    (ca.pem, server.pem, server.key)."""
    now = datetime.now(UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder().subject_name(_name("测试总部 CA")).issuer_name(_name("测试总部 CA"))
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server = (
        x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1")), x509.DNSName("localhost")]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(_pem(key))
    paths[2].chmod(0o600)
    return paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tls_server(hq_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(https URL, CA file) of a real HTTPS `station-desk-hq serve`."""
    ca, cert, key = make_private_ca(tmp_path_factory.mktemp("pki"))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.hq.cli", "serve", "--db", hq_url, "--host", "127.0.0.1", "--port", str(port),
         "--certfile", str(cert), "--keyfile", str(key)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"https://127.0.0.1:{port}"
    try:
        trust = ssl.create_default_context(cafile=str(ca))
        for _ in range(200):
            try:
                if httpx.get(f"{url}/v1/hello", headers={PROTOCOL_HEADER: "1"}, timeout=1, verify=trust).status_code == 401:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("station-desk-hq serve (TLS) did not start")
        yield url, ca
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _desk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STATION_DESK_HOME=str(home), PYTHONIOENCODING="utf-8",
               PYTHON_KEYRING_BACKEND="tests.sync.file_keyring.FileKeyring", STATION_DESK_TEST_KEYRING=str(home / "test-keyring.json"))
    return subprocess.run([sys.executable, "-m", "app.main", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)


def test_a_private_ca_is_refused_clearly_until_enrolled_with_it(tls_server: tuple[str, Path], hq_engine: Engine,
                                                                tmp_path: Path) -> None:
    url, ca = tls_server
    home = tmp_path / "desk"
    home.mkdir()
    done = _desk(home, "setup", "--code", "GZ-TLS", "--name", "加密测试站", "--district", "天河区", "--manager", "陈晓明")
    assert done.returncode == 0, done.stderr
    code = new_enrol_code(hq_engine, "GZ-TLS")

    untrusted = _desk(home, "enroll", "--server", url, "--code", code)
    assert untrusted.returncode != 0 and "Traceback" not in untrusted.stderr
    assert "服务器证书不受信任" in untrusted.stderr and "--ca-file" in untrusted.stderr, untrusted.stderr
    assert "网络不通" not in untrusted.stderr

    not_pem = tmp_path / "ca.txt"
    not_pem.write_text("这不是证书", encoding="utf-8")
    wrong = _desk(home, "enroll", "--server", url, "--code", code, "--ca-file", str(not_pem))
    assert wrong.returncode != 0 and "PEM" in wrong.stderr and "Traceback" not in wrong.stderr, wrong.stderr

    given = tmp_path / "总部CA.pem"  # handed over on a USB stick, say; removed after enrolment
    given.write_bytes(ca.read_bytes())
    enrolled = _desk(home, "enroll", "--server", url, "--code", code, "--ca-file", str(given))
    assert enrolled.returncode == 0, enrolled.stderr
    assert "已登记到服务总站" in enrolled.stdout and "证书颁发机构" in enrolled.stdout
    kept = home / "profiles" / "default" / "hq-ca.pem"
    assert kept.read_bytes() == ca.read_bytes()
    given.unlink()

    synced = _desk(home, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "pushed=" in synced.stdout and "rejected=0" in synced.stdout

    kept.unlink()  # the profile's copy lost: said plainly, not as a network failure
    lost = _desk(home, "sync")
    assert lost.returncode != 0 and "CA" in lost.stderr and "--ca-file" in lost.stderr, lost.stderr


def test_the_client_raises_a_certificate_error_not_offline(tls_server: tuple[str, Path]) -> None:
    url, ca = tls_server
    with SyncClient(url) as client, pytest.raises(CertificateError) as refused:
        client.hello()
    assert refused.value.message.startswith("服务器证书不受信任")
    with SyncClient(url.replace("127.0.0.1", "localhost"), ca_file=ca) as client, pytest.raises(AuthError):
        client.hello()  # TLS accepted; HQ then asks for a token


def _certificate_for(folder: Path, ca_pem: Path, names: list[x509.GeneralName], ca_key: ec.EllipticCurvePrivateKey) -> tuple[Path, Path]:
    now, key = datetime.now(UTC), ec.generate_private_key(ec.SECP256R1())
    ca = x509.load_pem_x509_certificate(ca_pem.read_bytes())
    cert = (
        x509.CertificateBuilder().subject_name(_name("hq.other.example")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "other.pem", folder / "other.key"
    paths[0].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(_pem(key))
    return paths


@pytest.fixture(scope="module")
def other_name_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """(port, CA file) of a TLS listener on 127.0.0.1 whose certificate, signed by a CA the
    client trusts, names only hq.other.example.  The handshake is all the tests need."""
    import threading

    folder = tmp_path_factory.mktemp("pki-other")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    ca = (
        x509.CertificateBuilder().subject_name(_name("另一个 CA")).issuer_name(_name("另一个 CA"))
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert, key = _certificate_for(folder, ca_pem, [x509.DNSName("hq.other.example")], ca_key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass  # the client refused our certificate: that is the point

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], ca_pem
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_certificate_for_another_name_says_wrong_address(other_name_server: tuple[int, Path], host: str) -> None:
    """Trusted CA, wrong name: 网址不符 (finding 6), whether the address is an IP or a name."""
    port, ca = other_name_server
    with SyncClient(f"https://{host}:{port}", ca_file=ca) as client, pytest.raises(CertificateError) as refused:
        client.hello()
    assert refused.value.message.startswith("服务器证书与网址不符"), refused.value.message
    assert "不受信任" not in refused.value.message


def test_an_untrusted_certificate_for_another_name_says_untrusted_first(other_name_server: tuple[int, Path]) -> None:
    port, _ = other_name_server
    with SyncClient(f"https://127.0.0.1:{port}") as client, pytest.raises(CertificateError) as refused:
        client.hello()
    assert refused.value.message.startswith("服务器证书不受信任")
