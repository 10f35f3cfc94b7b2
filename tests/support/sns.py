"""Shared helpers of the notification tests: one signer, a spying fetcher, secrets to scan for."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from amazonpay.testing import SnsSigner
from tests.conftest import SECRETS

#: The time every message of the shared signer is stamped with, and the verifiers' clock.
NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


@functools.cache
def signer() -> SnsSigner:
    """One signer for the session (two RSA keys are slow to make); its clock is fixed at NOW."""
    return SnsSigner(clock=lambda: NOW)


class Spy:
    """A fetcher that records each URL and answers through ``answer`` (the signer's by default)."""

    def __init__(self, answer: Callable[[str], bytes] | None = None) -> None:
        self.calls: list[str] = []
        self.answer = answer or signer().fetch

    def __call__(self, url: str, /) -> bytes:
        self.calls.append(url)
        return self.answer(url)


class AsyncSpy(Spy):
    """The async twin of :class:`Spy`."""

    async def __call__(self, url: str, /) -> bytes:  # type: ignore[override]
        self.calls.append(url)
        return self.answer(url)


def envelope_secrets(body: str) -> list[str]:
    """What must never show: the signature, the token and the SubscribeURL that carries it."""
    fields = json.loads(body)
    return [fields[key] for key in ("Signature", "Token", "SubscribeURL") if isinstance(fields.get(key), str)]


def watch_sns_secrets(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Add each signed message's secrets to the ones conftest scans logs and failure reports for."""
    sign = SnsSigner.sign
    secrets = request.node.stash[SECRETS]

    def sign_and_note(self: SnsSigner, *args: object, **kwargs: object) -> str:
        body = sign(self, *args, **kwargs)  # type: ignore[arg-type]
        secrets.update(envelope_secrets(body))
        return body

    monkeypatch.setattr(SnsSigner, "sign", sign_and_note)
