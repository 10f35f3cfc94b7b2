"""The call path's value classes behave as the dataclasses they were, without compiling at import.

``amazonpay._records`` gives them what ``@dataclass`` generated (issue 22: 0.6 to 0.9 ms of
import a class). Each is compared here with its former declaration, a real dataclass: the
repr (which leaves the credentials out), equality, hashing, frozenness, copies and pickles.
The public ones (``Endpoint``, ``RetryPolicy``) are still dataclasses: ``fields()`` and
``replace()`` work on them.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from amazonpay import ConfigurationError, Endpoint, RetryPolicy
from amazonpay._endpoints import Region
from amazonpay._options import CallState
from amazonpay._outcome import FinishedCall
from amazonpay._retry import RETRY_STATUSES, checked_max_retries
from amazonpay._signing import Credentials


# --- the former declarations ---------------------------------------------------------------
@dataclass(frozen=True)
class EndpointWas:
    region: Region
    host: str
    base_url: str
    sandbox: bool
    environment_specific_key: bool


@dataclass(frozen=True)
class RetryPolicyWas:
    max_retries: int = 3
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = field(default=RETRY_STATUSES)

    def __post_init__(self) -> None:
        checked_max_retries(self.max_retries)


@dataclass(frozen=True)
class FinishedCallWas:
    status: int | None
    request_id: str | None
    attempts: int
    sent: bool
    idempotency_key: str | None
    replayed: bool | None


@dataclass(frozen=True)
class CredentialsWas:
    public_key_id: str
    private_key: object = field(repr=False)
    algorithm: str = "AMZN-PAY-RSASSA-PSS-V2"


@dataclass
class CallStateWas:
    simulation_code: str | None = None
    headers: dict[str, str] = field(default_factory=dict, repr=False)
    timeout: httpx.Timeout | None = None
    max_retries: int | None = None
    auth_token: str | None = field(default=None, repr=False)
    retrying: bool = False
    status: int | None = None
    request_id: str | None = None
    attempts: int = 0
    sent: bool = False
    idempotency_key: str | None = None
    response: object = field(default=None, repr=False)
    outer: object = field(default=None, repr=False)
    explicit_key: object = field(default=None, repr=False)
    refuses_key_off_post: bool = field(default=False, repr=False)
    owner: object = field(default=None, repr=False)
    is_open: bool = field(default=True, repr=False)


KEY = object()  # stands for the parsed private key
STATE = {
    "simulation_code": "SoftDeclined",
    "headers": {"x-partner": "partner-secret"},
    "timeout": httpx.Timeout(5.0),
    "auth_token": "delegated-token",
    "status": 201,
    "request_id": "req-1",
    "attempts": 2,
    "sent": True,
    "idempotency_key": "key-1",
    "owner": ("thread", 1),
}
#: (ours, what it was, the same arguments for both, a field to change)
PAIRS: list[tuple[Callable[..., Any], Callable[..., Any], dict[str, Any], str]] = [
    (Endpoint, EndpointWas, {"region": "eu", "host": "h", "base_url": "https://h/v2", "sandbox": True,
                             "environment_specific_key": False}, "base_url"),
    (RetryPolicy, RetryPolicyWas, {"max_retries": 2, "initial_delay": 0.1}, "max_delay"),
    (RetryPolicy, RetryPolicyWas, {}, "max_retries"),
    (FinishedCall, FinishedCallWas, {"status": 200, "request_id": "r", "attempts": 1, "sent": True,
                                     "idempotency_key": "k", "replayed": True}, "request_id"),
    (Credentials, CredentialsWas, {"public_key_id": "SANDBOX-A", "private_key": KEY}, "public_key_id"),
    (CallState, CallStateWas, STATE, "status"),
]  # fmt: skip
IDS = ["endpoint", "retry-policy", "retry-policy-defaults", "finished-call", "credentials", "call-state"]


@pytest.mark.parametrize(("ours", "was", "arguments", "changed"), PAIRS, ids=IDS)
def test_repr_equality_and_hashing_are_the_dataclass_s(
    ours: Callable[..., Any], was: Callable[..., Any], arguments: dict[str, Any], changed: str
) -> None:
    mine, theirs = ours(**arguments), was(**arguments)
    assert repr(mine) == repr(theirs).replace(type(theirs).__qualname__, type(mine).__qualname__, 1)
    assert mine == ours(**arguments)
    other = 1 if changed in ("max_retries", "status") else "other"
    assert mine != ours(**{**arguments, changed: other})
    assert mine != theirs  # another class is never equal
    assert theirs != mine
    if dataclasses.fields(theirs) and type(theirs).__hash__ is None:
        with pytest.raises(TypeError, match="unhashable"):
            hash(mine)
    else:
        assert hash(mine) == hash(theirs)


@pytest.mark.parametrize(("ours", "was", "arguments", "changed"), PAIRS[:-1], ids=IDS[:-1])
def test_the_frozen_ones_refuse_changes_and_copy_whole(
    ours: Callable[..., Any], was: Callable[..., Any], arguments: dict[str, Any], changed: str
) -> None:
    mine = ours(**arguments)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(mine, changed, "other")
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(mine, changed)
    assert copy.copy(mine) == mine
    if ours is not Credentials:  # a parsed key does not pickle
        assert pickle.loads(pickle.dumps(mine)) == mine  # noqa: S301  # our own object


def test_a_call_state_repr_leaves_out_the_credentials() -> None:
    shown = repr(CallState(**STATE))
    assert "partner-secret" not in shown
    assert "delegated-token" not in shown
    assert "SoftDeclined" in shown


@pytest.mark.parametrize(("cls", "was"), [(Endpoint, EndpointWas), (RetryPolicy, RetryPolicyWas)])
def test_the_public_ones_are_still_dataclasses_with_their_fields(cls: type[Any], was: type[Any]) -> None:
    # Frozen by FrozenDataclass, not by @dataclass(frozen=True) (see _records.frozen_dataclass):
    # refusing changes is tested above, type checkers' view in tests/test_typing.py.
    assert dataclasses.is_dataclass(cls)
    assert [(f.name, f.type, f.default) for f in dataclasses.fields(cls)] == [
        (f.name, f.type, f.default) for f in dataclasses.fields(was)
    ]


def test_a_retry_policy_s_defaults_are_its_fields_defaults() -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(RetryPolicy)}
    assert RetryPolicy() == RetryPolicy(**defaults)
    assert dataclasses.asdict(RetryPolicy()) == dataclasses.asdict(RetryPolicyWas())


def test_replace_checks_a_retry_policy_as_its_constructor_does() -> None:
    assert dataclasses.replace(RetryPolicy(), max_retries=5).max_retries == 5
    with pytest.raises(ConfigurationError, match="max_retries"):
        dataclasses.replace(RetryPolicy(), max_retries=11)
    with pytest.raises(ConfigurationError, match="max_retries"):
        RetryPolicy(max_retries=-1)
