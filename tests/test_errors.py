"""Error responses become typed exceptions; odd bodies never crash the client."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import (
    AmazonPayError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DeclinedError,
    IdempotencyError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    ReasonCode,
    ServerError,
    UnexpectedResponseError,
    UnprocessableError,
    request_options,
)
from amazonpay.testing._errors import Reason
from amazonpay_api.api.charges import create_charge, get_charge
from amazonpay_api.models import Charge, CreateChargeRequest, ReleaseEnvironment
from tests.support.operations import CHARGE, CREATE_CHARGE_BODY
from tests.test_faults import Harness, h

__all__ = ["h"]  # the sandbox harness fixture, shared with test_faults

if TYPE_CHECKING:
    from amazonpay import AmazonPay, AsyncAmazonPay
    from tests.conftest import Recorder

REQUEST_ID = "req-err-1"


def error_reply(status: int, reason_code: str = "SomeReason", message: str = "what went wrong") -> httpx.Response:
    return httpx.Response(
        status, json={"reasonCode": reason_code, "message": message}, headers={"x-amz-pay-request-id": REQUEST_ID}
    )


STATUSES = [
    (400, BadRequestError, "InvalidParameterValue"),
    (401, AuthenticationError, "UnauthorizedAccess"),
    (403, AuthenticationError, "UnauthorizedAccess"),
    (404, NotFoundError, "ResourceNotFound"),
    (409, APIStatusError, "Conflict"),
    (422, UnprocessableError, "InvalidChargeStatus"),
    (429, RateLimitError, "TooManyRequests"),
    (500, ServerError, "InternalServerError"),
    (503, ServerError, "ServiceUnavailable"),
    (520, ServerError, "UnknownError"),
    (599, ServerError, "NetworkTimeout"),
]


@pytest.mark.parametrize(("status", "error_class", "reason_code"), STATUSES, ids=[str(s[0]) for s in STATUSES])
def test_each_status_maps_to_its_class(
    status: int, error_class: type[APIStatusError], reason_code: str, pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = lambda request: error_reply(status, reason_code, "the message")
    with pytest.raises(APIStatusError) as raised:
        pay.charges.get("S02-1-C1", max_retries=0)
    error = raised.value
    assert type(error) is error_class
    assert isinstance(error, AmazonPayError)
    assert error.status == status
    assert error.reason_code == reason_code
    assert error.message == "the message"
    assert error.request_id == REQUEST_ID
    assert error.attempts == 1
    assert error.method == "GET"
    assert error.url == "https://pay-api.amazon.eu/v2/charges/S02-1-C1"
    assert error.string_to_sign is None
    text = str(error)
    assert str(status) in text
    assert reason_code in text
    assert REQUEST_ID in text
    assert "the message" in text


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "error_class", "reason_code"), STATUSES, ids=[str(s[0]) for s in STATUSES])
async def test_each_status_maps_to_its_class_async(
    status: int, error_class: type[APIStatusError], reason_code: str, async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    transport.default = lambda request: error_reply(status, reason_code)
    with pytest.raises(APIStatusError) as raised:
        await async_pay.charges.create(CREATE_CHARGE_BODY, max_retries=0)
    assert type(raised.value) is error_class
    assert raised.value.status == status
    assert raised.value.request_id == REQUEST_ID


def test_a_call_through_pay_api_raises_the_typed_error_too(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(404, "ResourceNotFound")
    with pytest.raises(NotFoundError) as raised:
        get_charge.sync_detailed(client=pay.api, charge_id="S02-1-C9")
    assert raised.value.reason_code == "ResourceNotFound"


# --- bodies that are not Amazon's JSON --------------------------------------------------------
HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
ODD_BODIES = [
    pytest.param(502, HTML, ServerError, id="HTML proxy page"),
    pytest.param(404, "<html>Not Found</html>", NotFoundError, id="HTML 404"),
    pytest.param(400, '{"reasonCode": "InvalidParameterVal', BadRequestError, id="truncated JSON"),
    pytest.param(500, "", ServerError, id="empty body"),
    pytest.param(422, '["a", "list"]', UnprocessableError, id="JSON but not an object"),
    pytest.param(401, '{"message": "no reason code"}', AuthenticationError, id="JSON without reasonCode"),
    pytest.param(503, b"\xff\xfe\x00garbage", ServerError, id="not UTF-8"),
]


@pytest.mark.parametrize(("status", "body", "error_class"), ODD_BODIES)
def test_a_body_that_is_not_amazons_json_still_gives_the_typed_error(
    status: int, body: Any, error_class: type[APIStatusError], pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = lambda request: httpx.Response(
        status, content=body, headers={"x-amz-pay-request-id": REQUEST_ID, "content-type": "text/html"}
    )
    with pytest.raises(APIStatusError) as raised:
        pay.charges.get("S02-1-C1", max_retries=0)
    error = raised.value
    assert type(error) is error_class
    assert error.status == status
    assert error.reason_code is None
    assert error.request_id == REQUEST_ID
    assert error.message
    assert str(status) in str(error)
    text = body if isinstance(body, str) else body.decode("utf-8", errors="replace")
    assert error.body == text
    if "<html>" in text.lower():
        assert "not JSON" in error.message


# --- InvalidRequestSignature echoes the service's string to sign ---------------------------
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param(
            "The request signature we calculated does not match the signature you provided. "
            "String to sign: 'AMZN-PAY-RSASSA-PSS-V2\nabc123def'",
            "AMZN-PAY-RSASSA-PSS-V2\nabc123def",
            id="String to sign:",
        ),
        pytest.param(
            "The request signature we calculated does not match the signature you provided. Check your Secret "
            "Access Key and signing method. The String-to-Sign should have been "
            "'AMZN-PAY-RSASSA-PSS\n885ced931e2840596c11e2429c0e32f5e2521b95cf90f886374d4171788e9c81'",
            "AMZN-PAY-RSASSA-PSS\n885ced931e2840596c11e2429c0e32f5e2521b95cf90f886374d4171788e9c81",
            id="should have been",
        ),
    ],
)
def test_invalid_request_signature_exposes_the_string_to_sign(
    message: str, expected: str, pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = lambda request: error_reply(401, "InvalidRequestSignature", message)
    with pytest.raises(AuthenticationError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    assert raised.value.reason_code == "InvalidRequestSignature"
    assert raised.value.string_to_sign == expected
    assert raised.value.message == message


def test_invalid_request_signature_without_an_echo(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(401, "InvalidRequestSignature", "Signature mismatch.")
    with pytest.raises(AuthenticationError) as raised:
        pay.charges.get("S02-1-C1")
    assert raised.value.string_to_sign is None


# --- success bodies -----------------------------------------------------------------------------
def test_an_enum_value_added_later_is_read_as_a_member_that_is_not_listed(pay: AmazonPay, transport: Recorder) -> None:
    # issue 18: Amazon adds values (PaymentMethodOnFile came after OneTime and Recurring); an answer
    # with one must parse, not fail a call that succeeded at Amazon.
    body = {**CHARGE, "releaseEnvironment": "Staging"}
    transport.default = lambda request: httpx.Response(200, json=body, headers={"x-amz-pay-request-id": "req-enum"})
    charge = pay.charges.get("S02-1-C1")
    assert isinstance(charge.release_environment, ReleaseEnvironment)
    assert charge.release_environment == "Staging"
    assert charge.release_environment not in list(ReleaseEnvironment)
    assert charge.to_dict()["releaseEnvironment"] == "Staging"
    assert "releaseEnvironment" not in charge.additional_properties


@pytest.mark.anyio
async def test_an_enum_value_added_later_is_read_async(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    body = {**CHARGE, "releaseEnvironment": "Staging"}
    transport.default = lambda request: httpx.Response(201, json=body, headers={"x-amz-pay-request-id": "req-enum"})
    charge = await async_pay.charges.create(CREATE_CHARGE_BODY)
    assert charge.release_environment == "Staging"
    assert isinstance(charge.release_environment, ReleaseEnvironment)


def test_an_enum_value_added_later_is_refused_in_a_request_before_sending(pay: AmazonPay, transport: Recorder) -> None:
    # Reading is lenient, sending is not: the spec's values are checked before anything is sent.
    with pytest.raises(ConfigurationError, match=r'body\.chargePermissionType is "Weekly"; allowed: "OneTime"'):
        pay.checkout_sessions.update("CS1", {"chargePermissionType": "Weekly"})
    assert transport.sent == []


def test_an_undocumented_success_status_raises_unexpected_response_error(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(
        202, json={"chargeId": "S02-1-C1"}, headers={"x-amz-pay-request-id": "req-202"}
    )
    with pytest.raises(UnexpectedResponseError) as raised:
        pay.charges.get("S02-1-C1")
    assert raised.value.status == 202
    assert raised.value.request_id == "req-202"
    assert raised.value.body == '{"chargeId":"S02-1-C1"}'


def test_a_success_body_that_is_not_json_raises_unexpected_response_error(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(200, text="<html>maintenance</html>")
    with pytest.raises(UnexpectedResponseError) as raised:
        pay.charges.get("S02-1-C1")
    assert raised.value.status == 200
    assert raised.value.body == "<html>maintenance</html>"


def test_unknown_extra_fields_in_a_success_body_parse_fine(pay: AmazonPay, transport: Recorder) -> None:
    body = {**CHARGE, "newField": {"nested": [1, 2]}, "statusDetails": {"state": "Authorized", "futureField": "x"}}
    transport.default = lambda request: httpx.Response(200, json=body)
    charge = pay.charges.get("S02-1-C1")
    assert isinstance(charge, Charge)
    assert charge.charge_id == "S02-1-C1"
    assert charge["newField"] == {"nested": [1, 2]}


def test_a_create_answered_200_on_an_idempotent_replay_parses(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(200, json=CHARGE)
    charge = pay.charges.create(CREATE_CHARGE_BODY)
    assert isinstance(charge, Charge)
    assert charge.to_dict() == CHARGE


# --- typed declines and reason codes ------------------------------------------------------------
DECLINES = ["SoftDeclined", "HardDeclined", "AmazonRejected", "TransactionTimedOut"]


@pytest.mark.parametrize("code", DECLINES)
def test_a_decline_is_a_declined_error_with_a_typed_reason(code: str, pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(422, code)
    with pytest.raises(UnprocessableError) as raised:  # what callers catch today keeps working
        pay.charges.create(CREATE_CHARGE_BODY)
    error = raised.value
    assert type(error) is DeclinedError
    assert error.reason_code is ReasonCode[code]
    assert error.reason_code == code  # still compares to the wire string


def test_a_state_error_is_not_a_decline(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(422, "InvalidChargeStatus")
    with pytest.raises(UnprocessableError) as raised:
        pay.charges.capture("S02-1-C1", {"captureAmount": CHARGE["chargeAmount"]})
    assert type(raised.value) is UnprocessableError
    assert raised.value.reason_code is ReasonCode.InvalidChargeStatus


def test_a_duplicate_idempotency_key_is_an_idempotency_error(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(400, "DuplicateIdempotencyKey")
    with pytest.raises(BadRequestError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY, idempotency_key="order-42")
    assert type(raised.value) is IdempotencyError
    assert raised.value.idempotency_key == "order-42"


def test_an_unknown_reason_code_stays_a_plain_str(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: error_reply(422, "SomethingNewer")
    with pytest.raises(UnprocessableError) as raised:
        pay.charges.get("S02-1-C1")
    assert type(raised.value.reason_code) is str
    assert raised.value.reason_code == "SomethingNewer"


@pytest.mark.anyio
@pytest.mark.parametrize("code", ["SoftDeclined", "HardDeclined"])
async def test_the_sandboxs_simulated_decline_is_a_declined_error(code: str, h: Harness) -> None:
    error = await h.failure(DeclinedError, "charges", "create", h.charge_body(), simulation_code=code)
    assert error.reason_code is ReasonCode[code]


def test_every_simulator_reason_is_a_reason_code() -> None:
    """The simulator answers only codes the client knows; member names are the wire codes."""
    assert [reason.code for reason in Reason] == [ReasonCode[reason.name] for reason in Reason]
    assert all(member.name == member.value for member in ReasonCode)


# --- every error survives pickle (finding 11) ------------------------------------------------------
def raised_by(run: Callable[[], object]) -> AmazonPayError:
    try:
        run()
    except AmazonPayError as error:
        return error
    raise AssertionError("nothing was raised")


def test_every_error_pickles_with_its_class_message_and_fields(
    pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    def answer(status: int, code: str) -> Callable[[], object]:
        def run() -> object:
            transport.default = lambda request: error_reply(status, code, "line one\nline two")
            return pay.charges.create(CREATE_CHARGE_BODY)

        return run

    def failing(exception: Exception) -> Callable[[], object]:
        def run() -> object:
            transport.default = lambda request: (_ for _ in ()).throw(exception)
            return pay.charges.create(CREATE_CHARGE_BODY)

        return run

    def unreadable() -> object:
        transport.default = lambda request: httpx.Response(200, text="<html>")
        return pay.charges.get("S02-1-C1")

    errors = [raised_by(answer(status, code)) for status, _, code in STATUSES]
    errors += [raised_by(answer(422, "SoftDeclined")), raised_by(answer(400, "DuplicateIdempotencyKey"))]
    errors += [raised_by(failing(httpx.ReadTimeout("lost"))), raised_by(failing(httpx.ConnectError("refused")))]
    errors += [raised_by(unreadable), raised_by(lambda: pay.charges.get(""))]
    errors += [OutcomeUnknownError("unknown", method="DELETE", url="u", attempts=2, idempotency_key=None)]
    assert {type(error) for error in errors} >= {
        BadRequestError,
        IdempotencyError,
        AuthenticationError,
        NotFoundError,
        UnprocessableError,
        DeclinedError,
        RateLimitError,
        ServerError,
        APIStatusError,
        APITimeoutError,
        APIConnectionError,
        UnexpectedResponseError,
        ConfigurationError,
        OutcomeUnknownError,
    }
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own object
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert copy.args == error.args
        assert vars(copy) == vars(error)


# --- a success body without the object's id or state (finding 7) ------------------------------------
@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({}, "'chargeId'"),
        ({"chargeId": "S02-1-C1", "chargePermissionId": "S02-1"}, "'statusDetails'"),
        ({"chargeId": "S02-1-C1", "chargePermissionId": "S02-1", "statusDetails": {}}, "'state'"),
    ],
    ids=["empty", "no statusDetails", "no state"],
)
@pytest.mark.parametrize("through", ["method", "pay.api"])
def test_a_success_body_without_id_or_state_names_what_is_missing(
    body: dict[str, Any], missing: str, through: str, pay: AmazonPay, transport: Recorder
) -> None:
    """The resource method and the generated operation through pay.api raise the same typed error."""
    transport.default = lambda request: httpx.Response(201, json=body, headers={"x-amz-pay-request-id": "req-7"})

    def create() -> object:
        if through == "method":
            return pay.charges.create(CREATE_CHARGE_BODY, idempotency_key="order-7")
        with request_options(idempotency_key="order-7"):
            return create_charge.sync_detailed(client=pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY))

    with pytest.raises(UnexpectedResponseError) as raised:
        create()
    error = raised.value
    assert f"the createCharge answer lacks the required field {missing}" in str(error)
    assert "retry with idempotency_key='order-7' to get its result" in str(error)
    assert (error.status, error.request_id, error.idempotency_key) == (201, "req-7", "order-7")
    assert error.body == json.dumps(body, separators=(",", ":"))


@pytest.mark.anyio
async def test_pay_api_reads_answers_as_the_methods_do_async(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(200, json={"statusDetails": None})
    with pytest.raises(UnexpectedResponseError, match="the getCharge answer lacks the required field 'chargeId'"):
        await get_charge.asyncio_detailed(client=async_pay.api, charge_id="S02-1-C1")


def test_pay_api_types_a_success_status_the_spec_does_not_document(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(202, json=CHARGE)
    with pytest.raises(UnexpectedResponseError, match="has the status 202, which the spec does not document"):
        get_charge.sync_detailed(client=pay.api, charge_id="S02-1-C1")
