"""HTTPS for the simulator on loopback: a throwaway certificate authority, a server certificate, the sessions.

The official SDKs build ``https://`` URLs even when their service URL is overridden, so the
simulator speaks TLS when asked. The CA certificate is written to a file a client can trust
(``NODE_EXTRA_CA_CERTS``, ``SSL_CERT_FILE``, ``REQUESTS_CA_BUNDLE``); its private key never
leaves memory, and the server certificate names only loopback addresses. Each connection's
session runs over memory buffers (:class:`ServerSession`), on the server's TCP transport.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_VALIDITY = datetime.timedelta(days=7)
_RECORD = 16 * 1024  # the most application data one TLS record holds


def _names(host: str) -> list[x509.GeneralName]:
    """``localhost``, 127.0.0.1 and ::1, and ``host`` if it is another name or address."""
    names: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        x509.IPAddress(ipaddress.ip_address("::1")),
    ]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host and host != "localhost":
            names.append(x509.DNSName(host))
    else:
        extra = x509.IPAddress(address)
        if extra not in names:
            names.append(extra)
    return names


@dataclass(frozen=True)
class LoopbackTLS:
    """A server TLS context and the PEM of the CA certificate that clients must trust."""

    context: ssl.SSLContext
    ca_pem: bytes

    @classmethod
    def create(cls, host: str = "127.0.0.1") -> LoopbackTLS:
        """A new CA and a server certificate for the loopback names (and ``host``), valid 7 days."""
        now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "amazonpay.testing sandbox CA")])
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + _VALIDITY)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + _VALIDITY)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName(_names(host)), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        pem = serialization.Encoding.PEM
        chain = cert.public_bytes(pem) + ca_cert.public_bytes(pem)
        key_pem = key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2  # as the service (facts 2)
        # No TLS 1.3 session tickets: making the two OpenSSL sends after each handshake was a third of
        # the server's handshake (440 -> 320 us), and a load test opening 64 connections at once had
        # every first answer wait for all of them (issue 22). A client reconnecting does a full
        # handshake instead of resuming, on loopback.
        context.num_tickets = 0
        # load_cert_chain reads files only: a private temporary file, removed at once.
        handle, name = tempfile.mkstemp(prefix="amazonpay-sandbox-tls-", suffix=".pem")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(chain + key_pem)
            context.load_cert_chain(name)
        finally:
            Path(name).unlink()
        return cls(context, ca_cert.public_bytes(pem))

    def write_ca(self, path: str | Path | None = None) -> Path:
        """Write the CA certificate (public) to ``path`` or a new temporary file; return where."""
        if path is None:
            handle, name = tempfile.mkstemp(prefix="amazonpay-sandbox-ca-", suffix=".pem")
            with os.fdopen(handle, "wb") as file:
                file.write(self.ca_pem)
            return Path(name)
        target = Path(path)
        target.write_bytes(self.ca_pem)
        return target


class ServerSession:
    """One client's TLS session on its TCP transport: records decrypted as they come, an answer encrypted in one write.

    The server runs TLS itself, over memory buffers, rather than through asyncio's SSL transport,
    which made a zeroed 256 KiB read buffer for each connection (a tenth of a connection's cost
    besides the handshake) and took several layers of Python a record each way (issue 22).
    """

    def __init__(self, context: ssl.SSLContext, transport: asyncio.Transport) -> None:
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._tls = context.wrap_bio(self._incoming, self._outgoing, server_side=True)
        self._transport = transport
        self.established = False
        """The handshake is done."""

    def receive(self, data: bytes) -> tuple[bytes, bool]:
        """The application data ``data`` completes, and whether the client ended the session (close_notify).

        Handshake messages are answered as they come. Raises :class:`ssl.SSLError` for a failed
        handshake or a broken record (its alert is sent first).
        """
        self._incoming.write(data)
        received: list[bytes] = []
        ended = False
        try:
            if not self.established:
                self._tls.do_handshake()
                self.established = True
            # Read while received bytes wait: OpenSSL takes a record's bytes only as it needs them
            # (no read-ahead), so once none is left every complete record is read, and the read that
            # would say so (SSLWantReadError, made and raised each time) is not made.
            while self._incoming.pending:
                chunk = self._tls.read(_RECORD)
                if not chunk:
                    ended = True  # an empty read: the client's close_notify
                    break
                received.append(chunk)
        except ssl.SSLWantReadError:
            pass  # a record (or the handshake's next message) not yet whole
        except ssl.SSLZeroReturnError:
            ended = True
        finally:
            self._flush()  # the handshake's answers, an alert, a post-handshake message's answer
        return b"".join(received), ended

    def send(self, data: bytes) -> None:
        """Encrypt ``data`` and write its records to the transport, in one write."""
        rest = memoryview(data)
        while rest:
            rest = rest[self._tls.write(rest) :]
        self._flush()

    def close(self) -> None:
        """Tell the client the session ends (close_notify) if it began; the caller then closes the transport."""
        if self.established:
            with contextlib.suppress(ssl.SSLError):  # SSLWantReadError: the client's close_notify is not awaited
                self._tls.unwrap()
            self._flush()

    def _flush(self) -> None:
        if self._outgoing.pending:
            self._transport.write(self._outgoing.read())
