"""What fails before sending says so: amounts, ECMA-262 patterns, requests that cannot be built.

Finding 4 (a Decimal, NaN or an unencodable value ended in "the call may have succeeded") and
the spec's ECMA-262 patterns (``$`` does not accept a trailing newline).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import ConfigurationError, NotFoundError
from amazonpay._validation import ecma_pattern, problems
from amazonpay_api.models import CreateChargeRequest
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY, MONEY

if TYPE_CHECKING:
    from amazonpay import AmazonPay, AsyncAmazonPay
    from tests.conftest import Recorder

CREATE = BY_NAME["charges.create"]
NOT_SENT = "nothing was sent"


def charge_of(amount: Any) -> dict[str, Any]:
    return {**CREATE_CHARGE_BODY, "chargeAmount": {"amount": amount, "currencyCode": "EUR"}}


@pytest.mark.parametrize(
    ("amount", "sent"),
    [
        (Decimal("14.00"), "14.00"),
        (Decimal("0.10"), "0.10"),
        (Decimal("1E+2"), "100"),
        (Decimal("999999999.99"), "999999999.99"),  # the largest amount the spec allows
    ],
)
def test_a_decimal_amount_is_sent_exactly(amount: Decimal, sent: str, pay: AmazonPay, transport: Recorder) -> None:
    transport.default = CREATE.answer()
    pay.charges.create(charge_of(amount))
    assert json.loads(transport.sent[0].content)["chargeAmount"]["amount"] == sent


@pytest.mark.anyio
async def test_a_decimal_amount_in_a_model_is_sent_exactly(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    transport.queue(BY_NAME["charges.capture"].answer())
    transport.default = CREATE.answer()
    await async_pay.charges.capture("S02-1-C1", {"captureAmount": {"amount": Decimal("9.99"), "currencyCode": "EUR"}})
    await async_pay.charges.create(CreateChargeRequest.from_dict(charge_of(Decimal("7.50"))))
    amounts = [json.loads(sent.content) for sent in transport.sent]
    assert [amounts[0]["captureAmount"]["amount"], amounts[1]["chargeAmount"]["amount"]] == ["9.99", "7.50"]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("NaN"), "body.chargeAmount.amount is Decimal('NaN'); amounts must be finite"),
        (Decimal("-Infinity"), "body.chargeAmount.amount is Decimal('-Infinity')"),
        (Decimal("sNaN"), "is Decimal('sNaN')"),
        (float("nan"), "body.chargeAmount.amount is nan; JSON has no such number"),
        (float("inf"), "body.chargeAmount.amount is inf"),
    ],
)
def test_nan_and_infinities_are_refused_before_sending(
    amount: Any, message: str, pay: AmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        pay.charges.create(charge_of(amount))
    assert transport.sent == []


def test_a_negative_decimal_breaks_the_specs_pattern_before_sending(pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match=r'body.chargeAmount.amount is "-1.00"; it must match'):
        pay.charges.create(charge_of(Decimal("-1.00")))
    assert transport.sent == []


def test_a_field_the_model_does_not_have_is_refused_not_dropped(pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(
        ConfigurationError, match=r"has no field body\.chargeAmount\.cents, body\.merchantNote:"
    ) as raised:
        pay.charges.create({**CREATE_CHARGE_BODY, "merchantNote": "x", "chargeAmount": {**MONEY, "cents": 1}})
    assert NOT_SENT in str(raised.value)
    assert transport.sent == []


def test_a_request_that_cannot_be_built_says_nothing_was_sent(pay: AmazonPay, transport: Recorder) -> None:
    """The generated code fails to encode the body: a ConfigurationError, not "may have succeeded"."""
    with pytest.raises(ConfigurationError) as raised:
        pay.charges.create({**CREATE_CHARGE_BODY, "softDescriptor": object()})
    assert NOT_SENT in str(raised.value)
    assert "may have" not in str(raised.value)
    assert transport.sent == []


@pytest.mark.parametrize("length", [4097, 70_000])
def test_an_id_too_long_for_a_url_is_refused_naming_the_parameter_and_the_limit(
    pay: AmazonPay, transport: Recorder, length: int
) -> None:
    # Issue 19, finding 14: it raised httpx.InvalidURL ("URL too long") at 70 000 characters.
    with pytest.raises(ConfigurationError) as raised:
        pay.charges.get("C" * length)
    message = str(raised.value)
    assert f"charge_id has {length} characters, more than the 4096 an id may have" in message
    assert NOT_SENT in message
    assert len(message) < 200  # the id itself is not echoed
    assert transport.sent == []


def test_an_id_at_the_limit_is_sent(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(404, json={"reasonCode": "ResourceNotFound", "message": "no"})
    with pytest.raises(NotFoundError):
        pay.charges.get("C" * 4096)
    assert len(transport.sent) == 1


@pytest.mark.anyio
async def test_the_async_client_refuses_an_id_too_long_the_same_way(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match="refund_id has 70000 characters"):
        await async_pay.refunds.get("R" * 70_000)
    assert transport.sent == []


def test_a_query_value_too_long_for_a_url_is_refused_before_sending(pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError) as raised:
        list(pay.reports.list(report_types="x" * 70_000))
    assert "could not be built (InvalidURL" in str(raised.value)
    assert NOT_SENT in str(raised.value)
    assert transport.sent == []


# --- ECMA-262 patterns ----------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["14.00\n", "14.00\r", "14.00\u2028", "14\n.00", "١٤.00"])
def test_an_amount_the_specs_pattern_refuses_is_refused(amount: str, pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match="it must match"):
        pay.charges.create(charge_of(amount))
    assert transport.sent == []


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"^[0-9]+(\.[0-9]+)?$", "14.00", True),
        (r"^[0-9]+(\.[0-9]+)?$", "14.00\n", False),  # Python's $ accepts this; ECMA-262's does not
        (r"^[A-Z]{3}$", "EUR\n", False),
        (r"^a.c$", "a\nc", False),
        (r"^a.c$", "a\u2028c", False),  # a line terminator in ECMA-262
        (r"^a.c$", "abc", True),
        (r"^\d+$", "١٤", False),  # \d is ASCII in ECMA-262
        (r"^[$]+$", "$$", True),  # $ in a class is a character
        (r"^a\$$", "a$", True),  # an escaped $ too
        (r"^[^.]+$", "a\nb", True),  # . in a class is a character
    ],
)
def test_spec_patterns_follow_ecma_262(pattern: str, text: str, matches: bool) -> None:
    assert (ecma_pattern(pattern).search(text) is not None) is matches
    assert (problems({"type": "string", "pattern": pattern}, text, "body") == []) is matches


#: One schema with every keyword the pre-send check reads (the spec's request schemas use them).
EVERY_KEYWORD: dict[str, Any] = {
    "type": "object",
    "required": ["id", "amount"],
    "properties": {
        "id": {"type": "string", "minLength": 2, "maxLength": 5},
        "amount": {
            "type": "object",
            "required": ["value"],
            "properties": {"value": {"type": "string", "pattern": "^[0-9]+$", "examples": ["14"]}},
        },
        "count": {"type": "integer"},
        "ratio": {"type": ["number", "null"]},
        "flag": {"type": "boolean"},
        "kind": {"enum": ["a", "b"]},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 2}},
        "either": {"anyOf": [{"type": "string", "maxLength": 1}, {"type": "object", "required": ["x", "y"]}]},
        "map": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ({"id": "ab", "amount": {"value": "14"}, "ratio": None, "kind": "a", "tags": ["ab"], "either": "x"}, []),
        ({}, ["body.id is required", "body.amount is required"]),
        ([], ["body must be object, not []"]),
        (True, ["body must be object, not true"]),
        (
            {
                "id": "a",
                "amount": {"value": "1.5"},
                "count": True,
                "flag": 1,
                "tags": ["ab", "abc", 3],
                "either": {"x": 1},
                "map": {"a": 1, "b": "2", "c": False},
            },
            [
                "body.id has 1 characters; at least 2 are needed",
                'body.amount.value is "1.5"; it must match ^[0-9]+$ such as "14"',
                "body.count must be integer, not true",  # a bool is never a JSON number
                "body.flag must be boolean, not 1",
                "body.tags[1] has 3 characters; at most 2 are allowed",
                "body.tags[2] must be string, not 3",
                'body.either must be string, not {"x": 1}',  # the anyOf option with the fewest problems
                'body.map.b must be integer, not "2"',
                "body.map.c must be integer, not false",
            ],
        ),
        (
            {"id": "abcdef", "amount": {}, "count": 1.0, "ratio": "1", "kind": "c", "either": "ab", "tags": "x"},
            [
                "body.id has 6 characters; at most 5 are allowed",
                "body.amount.value is required",
                "body.count must be integer, not 1.0",
                'body.ratio must be number or null, not "1"',
                'body.kind is "c"; allowed: "a", "b"',
                "body.either has 2 characters; at most 1 are allowed",
                'body.tags must be array, not "x"',
            ],
        ),
    ],
)
def test_the_pre_send_check_names_each_place_and_rule(value: Any, found: list[str]) -> None:
    assert problems(EVERY_KEYWORD, value, "body") == found
