"""Idempotency keys: one per logical POST, the caller's when given, none on GET/PATCH/DELETE."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from amazonpay import ConfigurationError, request_options
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY, IDEMPOTENT, NOT_POSTS, OPERATIONS, Operation

if TYPE_CHECKING:
    from amazonpay import AmazonPay, AsyncAmazonPay
    from tests.conftest import Recorder

KEY = "x-amz-pay-idempotency-key"
INVALID_KEYS = [
    pytest.param("k" * 33, id="33 characters"),
    pytest.param("order 1", id="a space"),
    pytest.param("order/1", id="a slash"),
    pytest.param("", id="empty"),
    pytest.param("ordér", id="non-ascii"),
]


@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.name for o in OPERATIONS])
def test_posts_carry_a_fresh_32_hex_key_and_the_others_none(
    operation: Operation, pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = operation.answer()
    operation.call(pay)
    operation.call(pay)
    first, second = (sent.headers.get(KEY) for sent in transport.sent)
    if operation.is_post:
        assert first is not None
        assert second is not None
        assert re.fullmatch(r"[0-9a-f]{32}", first)
        assert re.fullmatch(r"[0-9a-f]{32}", second)
        assert first != second  # one key per logical call
    else:
        assert first is None
        assert second is None


@pytest.mark.parametrize("operation", IDEMPOTENT, ids=[o.name for o in IDEMPOTENT])
@pytest.mark.parametrize("key", ["order-42_A", "a" * 32, "7"])
def test_a_caller_key_is_sent_as_given(key: str, operation: Operation, pay: AmazonPay, transport: Recorder) -> None:
    transport.default = operation.answer()
    operation.call(pay, idempotency_key=key)
    assert transport.sent[0].headers[KEY] == key


@pytest.mark.anyio
async def test_a_caller_key_is_sent_as_given_async(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    transport.default = BY_NAME["refunds.create"].answer()
    await BY_NAME["refunds.create"].call(async_pay, idempotency_key="refund-9")
    assert transport.sent[0].headers[KEY] == "refund-9"


def test_a_key_from_request_options_applies_to_a_call_through_pay_api(pay: AmazonPay, transport: Recorder) -> None:
    operation = BY_NAME["charges.create"]
    transport.default = operation.answer()
    with request_options(idempotency_key="api-call-1") as call:
        operation.module.sync_detailed(client=pay.api, **operation.api_kwargs())
    assert transport.sent[0].headers[KEY] == "api-call-1"
    assert call.request_id == "req-ok-1"


@pytest.mark.parametrize("key", INVALID_KEYS)
def test_an_invalid_caller_key_is_refused_before_sending(key: str, pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match=r"idempotency_key .* is invalid: use 1 to 32 characters"):
        pay.charges.create(CREATE_CHARGE_BODY, idempotency_key=key)
    assert transport.sent == []


@pytest.mark.anyio
@pytest.mark.parametrize("key", INVALID_KEYS)
async def test_an_invalid_caller_key_is_refused_before_sending_async(
    key: str, async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match="is invalid"):
        await async_pay.charges.create(CREATE_CHARGE_BODY, idempotency_key=key)
    assert transport.sent == []


@pytest.mark.parametrize("key", INVALID_KEYS)
def test_an_invalid_key_in_request_options_is_refused(key: str) -> None:
    with pytest.raises(ConfigurationError, match="is invalid"), request_options(idempotency_key=key):
        pass


@pytest.mark.parametrize("operation", NOT_POSTS, ids=[o.name for o in NOT_POSTS])
def test_a_get_patch_or_delete_in_a_block_with_a_key_is_sent_without_it(
    operation: Operation, pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = operation.answer()
    with request_options(idempotency_key="k1"):
        operation.check_result(operation.call(pay))
        operation.module.sync_detailed(client=pay.api, **operation.api_kwargs())
    assert [KEY in sent.headers for sent in transport.sent] == [False, False]


@pytest.mark.anyio
async def test_an_async_get_in_a_block_with_a_key_is_sent_without_it(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with request_options(idempotency_key="k1"):
        await async_pay.charges.get("S02-1-C1")
    assert KEY not in transport.sent[0].headers


def test_idempotency_key_passed_to_a_get_method_is_refused(pay: AmazonPay, transport: Recorder) -> None:
    """Not in its typed signature (CallOptions), and refused at run time too."""
    with pytest.raises(ConfigurationError, match="not GET /v2/charges/S02-1-C1"):
        pay.charges.get("S02-1-C1", idempotency_key="k1")  # type: ignore[call-arg]
    assert transport.sent == []


@pytest.mark.parametrize("where", ["client", "request"])
def test_an_idempotency_key_header_set_on_httpx_is_refused_before_sending(
    pay: AmazonPay, transport: Recorder, where: str
) -> None:
    """Replaced by a fresh key, it would not make a re-run idempotent: refused, pointing at the option."""
    http = pay.api.get_httpx_client()
    header = {"x-amz-pay-idempotency-key": "MYKEY-1"}
    if where == "client":
        http.headers.update(header)
    with pytest.raises(ConfigurationError, match=r"request_options\(idempotency_key=\.\.\.\).*nothing was sent"):
        http.post("/charges", json=CREATE_CHARGE_BODY, headers=header if where == "request" else None)
    assert transport.sent == []
