"""``python -m amazonpay.testing``: the sandbox simulator as an HTTP(S) server on loopback.

Point any SDK's service-URL override at the address it prints: requests may sign either the
Amazon Pay API host they stand in for or the ``host:port`` they are sent to. ``--tls`` serves
HTTPS (the official SDKs always build ``https://`` URLs) with a certificate made on start,
whose CA it writes to a file to trust.
"""

from __future__ import annotations

import argparse
import gc
import ipaddress
import logging
import os
import shlex
import sys
import tempfile
from pathlib import Path

from ._sandbox import AmazonPaySandbox
from ._server import SandboxServer


def _write_key(pem: bytes, path: str | None) -> Path:
    if path is None:
        handle, name = tempfile.mkstemp(prefix="amazonpay-sandbox-", suffix=".pem")
        with os.fdopen(handle, "wb") as file:
            file.write(pem)
        return Path(name)
    target = Path(path)
    target.write_bytes(pem)
    target.chmod(0o600)
    return target


def _keep_full_collections_short() -> None:
    """Have no garbage collection of this process visit what an earlier one found alive and promoted.

    The simulator keeps every object it makes for as long as it runs (its store forgets
    nothing), so a full collection, which visits every object alive, took longer as a run went
    on: 60 ms at 100 000 objects and 106 ms at 150 000 in a load test (issue 22), every
    connection's answer waiting. The objects alive at start (modules, the spec and its schemas)
    and whatever a collection of the middle or the oldest generation promotes to the oldest are
    frozen (:func:`gc.freeze`): later collections skip them. Freezing only after full collections
    still left those visiting everything promoted since the last (20 to 38 ms over about 40 000
    objects, in one answer's wait in 2 000 at 64 connections: the bench's p99); now the oldest
    generation holds nothing between collections, and a full one costs what a middle one does
    (2 ms). A reference cycle among frozen objects that later becomes garbage is not reclaimed:
    the store's objects are never dropped, what a request has in hand when a collection runs is
    freed by reference counting as usual, and the one such cycle seen under load, asyncio's
    transport of a connection open at a collection (it holds a bound method of itself), is kept
    once per connection, about a kilobyte. Only this process does this: a server started in a
    test's process (``sandbox.serve()``) leaves that process's collector alone.
    """
    gc.freeze()
    gc.callbacks.append(_freeze_survivors)


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] >= 1:  # the collections that promote to the oldest generation
        gc.freeze()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _exports(key_id: str, key_path: Path, base_url: str, *, legacy: bool, ca_file: Path | None) -> list[str]:
    """The shell lines that point ``AmazonPay.from_env()`` and the ``amazonpay`` command at the simulator."""
    variables = {
        "AMAZON_PAY_PUBLIC_KEY_ID": key_id,
        "AMAZON_PAY_PRIVATE_KEY": str(key_path),
        "AMAZON_PAY_REGION": "eu",  # any region: the simulator takes the host it is served on for each
        **({"AMAZON_PAY_SANDBOX": "true"} if legacy else {}),  # a legacy key id does not say its environment
        "AMAZON_PAY_BASE_URL": base_url,
        **({"SSL_CERT_FILE": str(ca_file)} if ca_file is not None else {}),
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in variables.items()]


def main(argv: list[str] | None = None, prog: str = "python -m amazonpay.testing") -> int:
    """Create a throwaway key, print how to use it, serve until interrupted.

    ``prog`` is the command's name in its usage line (``amazonpay simulator serve`` runs it too).
    """
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to bind (default 8765; 0 picks one)")
    parser.add_argument("--key-file", help="where to write the private key (default: a new temporary file)")
    parser.add_argument("--legacy-key", action="store_true", help="a legacy key id (AE...) used with /sandbox/v2")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a certificate made on start")
    parser.add_argument("--ca-file", help="with --tls, where to write the CA certificate (default: a temporary file)")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    parser.add_argument(
        "--notify",
        action="append",
        default=[],
        metavar="URL",
        help="POST every notification to this loopback URL, as SNS does (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.ca_file and not args.tls:
        parser.error("--ca-file needs --tls")

    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    sandbox = AmazonPaySandbox()
    sandbox.max_recorded_requests = 0  # nothing in this process reads the request log
    for url in args.notify:
        try:
            sandbox.subscribe(url)
        except ValueError as error:
            parser.error(f"--notify: {error}")
    key_id, pem = sandbox.create_key(environment_specific=not args.legacy_key)
    key_path = _write_key(pem, args.key_file)
    server = SandboxServer(sandbox, args.host, args.port, verbose=args.verbose, tls=args.tls, ca_file=args.ca_file)
    base = server.url + ("/sandbox/v2" if args.legacy_key else "/v2")
    if not _is_loopback(args.host):
        print(f"warning: listening on {args.host}, not loopback", file=sys.stderr)
    print(f"Amazon Pay sandbox simulator on {server.url}")
    print(f"public key id: {key_id}")
    print(f"private key:   {key_path}")
    print(f"base URL:      {base}")
    print(f"service URL:   {server.authority} (for an SDK's URL override, e.g. Node's overrideServiceUrl)")
    print(f"x-amz-pay-host: {server.authority}, or pay-api.amazon.com|.eu|.jp matching x-amz-pay-region")
    print(f"buyer step:    POST {server.url}/_sandbox/checkoutSessions/<checkoutSessionId>/approve")
    print(f'time:          POST {server.url}/_sandbox/advance  {{"seconds": 3600}}')
    print(f"notifications: {', '.join(args.notify) or 'none subscribed (--notify URL)'}")
    print(f"SNS signing certificate: GET {server.url}/_sandbox/sns/certificate (messages name {sandbox.sns.cert_url})")
    print(f"SNS topic:     {sandbox.sns.topic_arn} (pin it: NotificationVerifier(topic_arns=[...]))")
    if server.ca_file is not None:
        print(f"CA file:       {server.ca_file}")
        print(f"  Node:        NODE_EXTRA_CA_CERTS={server.ca_file}")
        print(f"  Python:      SSL_CERT_FILE={server.ca_file}  (requests: REQUESTS_CA_BUNDLE={server.ca_file})")
    print("to point the amazonpay client (AmazonPay.from_env()) and command at it:")
    for line in _exports(key_id, key_path, base, legacy=args.legacy_key, ca_file=server.ca_file):
        print(f"  {line}")
    sys.stdout.flush()
    _keep_full_collections_short()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
