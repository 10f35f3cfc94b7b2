"""AWS's own SNS validator (npm ``sns-validator`` 0.3.5, unpatched) against amazonpay.notifications.

Both read the same messages from ``amazonpay.testing.SnsSigner``: every signature version and
message type, each signed field tampered, and the hostile certificate URLs. They must agree,
except where this library is stricter on purpose (certificate URLs) and where the validator
leaves ``Token`` out of an ``UnsubscribeConfirmation``'s canonical string (AWS's documentation
and its PHP validator sign it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from amazonpay.notifications import NotificationVerificationError, NotificationVerifier
from amazonpay.testing import SnsSigner
from tests.test_notifications_urls import HOSTILE

pytestmark = pytest.mark.interop

NODE_PROJECT = Path(__file__).resolve().parent / "node"
KINDS = ["notification", "subscription_confirmation", "unsubscribe_confirmation"]
UNSIGNED = {"UnsubscribeURL"}


def messages(sns: SnsSigner) -> dict[str, str]:
    """Name -> body: genuine messages, tampered ones, and ones with a hostile certificate URL."""
    bodies: dict[str, str] = {}
    for version in ("1", "2"):
        for kind in KINDS:
            body = getattr(sns, kind)(signature_version=version)
            bodies[f"{kind} v{version}"] = body
            for key, value in json.loads(body).items():
                if key in {"Type", "SignatureVersion", "SigningCertURL", *UNSIGNED}:
                    continue
                forged = {**json.loads(body), key: value[:-2] + ("xy" if value[-2:] != "xy" else "yx")}
                bodies[f"{kind} v{version} {key} tampered"] = json.dumps(forged)
        with_subject = sns.notification(subject="Amazon Pay €", signature_version=version)
        bodies[f"notification v{version} with a subject"] = with_subject
        bodies[f"notification v{version} non-ASCII"] = sns.notification(
            message={"ObjectType": "CHARGE", "ObjectId": "S01-é-€-😀"}, signature_version=version
        )
    for name, url in HOSTILE.items():
        bodies[f"hostile URL: {name}"] = sns.sign(json.loads(sns.notification()), cert_url=url)
    return bodies


def test_aws_validator_and_ours_agree() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: this test runs AWS's sns-validator; install Node.js 20 or later")
    if not (NODE_PROJECT / "node_modules" / "sns-validator").is_dir():
        pytest.fail(f"sns-validator is not installed: run `npm ci` in {NODE_PROJECT} (nox -s interop does)")
    sns = SnsSigner()
    bodies = messages(sns)
    verifier = NotificationVerifier(fetcher=sns.fetch)
    ours: dict[str, bool] = {}
    for name, body in bodies.items():
        try:
            verifier.verify(body)
            ours[name] = True
        except NotificationVerificationError:
            ours[name] = False
    payload = {
        "certUrl": sns.cert_url,
        "pem": sns.certificate_pem.decode(),
        "messages": [{"name": name, "body": body} for name, body in bodies.items()],
    }
    run = subprocess.run(
        [node, "sns.js"], cwd=NODE_PROJECT, input=json.dumps(payload), capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    theirs = {line["name"]: line for line in map(json.loads, run.stdout.splitlines())}
    assert theirs.keys() == bodies.keys()

    differences = {name for name in bodies if ours[name] != theirs[name]["ok"]}
    unsubscribe = {"unsubscribe_confirmation v1", "unsubscribe_confirmation v2"}
    assert differences == unsubscribe, {name: theirs[name] for name in differences - unsubscribe}
    for name in unsubscribe:
        assert (ours[name], theirs[name]["error"]) == (True, "The message signature is invalid.")
    genuine = [name for name in bodies if " v" in name and "tampered" not in name and "hostile" not in name]
    assert all(ours[name] for name in genuine)
    assert not any(ours[name] for name in bodies if "tampered" in name or "hostile" in name)

    # Stricter on purpose: URLs whose host AWS's pattern admits, that only this library refuses
    # by the URL alone (the validator got as far as fetching them, and found no certificate).
    admitted = sorted(
        name.removeprefix("hostile URL: ")
        for name in bodies
        if name.startswith("hostile URL")
        and theirs[name]["error"] != "The certificate is located on an invalid domain."
        and not theirs[name]["error"].startswith("threw")
    )
    print("certificate URLs AWS's validator would have fetched:", admitted)
    assert "S3 bucket named sns (legacy dash-region endpoint)" in admitted
