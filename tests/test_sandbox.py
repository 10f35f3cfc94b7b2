"""amazonpay.testing: the in-memory Amazon Pay sandbox simulator.

Requests are signed with ``amazonpay._signing`` and sent through plain httpx clients; every
response passes through ``check_response``, which validates it against the effective spec.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jsonschema import Draft202012Validator
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from amazonpay._signing import (
    Algorithm,
    authorization_header,
    canonical_request,
    signed_header_names,
    string_to_sign,
)
from amazonpay.testing import AmazonPaySandbox, Fault, SandboxError

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi" / "amazon-pay-api.effective.yml"
STORE_ID = "amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId"
REVIEW_URL = "https://a.example/review"
RESULT_URL = "https://a.example/result"
_MINIMAL = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL}, "storeId": STORE_ID}
#: A monthly billing cycle: what a Recurring checkout sets (else RecurringFrequencyNotSet).
MONTHLY = {"frequency": {"unit": "Month", "value": "1"}}


# --- the spec ----------------------------------------------------------------------------


@functools.cache
def _spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@functools.cache
def _openapi() -> OpenAPI:
    return OpenAPI.from_dict(_spec())


def _error_schema_validator() -> Draft202012Validator:
    return Draft202012Validator(_spec()["components"]["schemas"]["ErrorResponse"])


def _split(path: str) -> tuple[str, str] | None:
    """The server path (``/v2`` or ``/sandbox/v2``) and the operation path of a URL path."""
    segments = path.split("/")
    if "v2" not in segments:
        return None
    index = segments.index("v2")
    environment = "/sandbox" if index > 0 and segments[index - 1] == "sandbox" else ""
    return f"{environment}/v2", "/" + "/".join(segments[index + 1 :])


def _is_operation(method: str, operation_path: str) -> bool:
    for template, item in _spec()["paths"].items():
        if re.match("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$", operation_path) and method.lower() in item:
            return True
    return False


def check_response(response: httpx.Response) -> httpx.Response:
    """Every answer carries a request id and validates against the effective spec."""
    assert response.headers.get("x-amz-pay-request-id"), "every response carries x-amz-pay-request-id"
    assert response.headers["content-type"] == "application/json"
    request = response.request
    host = request.headers.get("x-amz-pay-host", "")
    if host not in ("pay-api.amazon.com", "pay-api.amazon.eu", "pay-api.amazon.jp"):
        host = "pay-api.amazon.com"
    split = _split(request.url.path)
    if split is not None and _is_operation(request.method, split[1]):
        _openapi().validate_response(
            MockRequest(f"https://{host}", request.method, split[0] + split[1]),
            MockResponse(response.content, response.status_code, dict(response.headers)),
        )
    else:
        _error_schema_validator().validate(response.json())
    return response


# --- signing client ------------------------------------------------------------------------


def basic(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class FakeClock:
    """A settable clock shared by the sandbox and the signing helper."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


class Api:
    """Signs requests like the official SDKs and checks every answer against the spec."""

    def __init__(
        self,
        sandbox: AmazonPaySandbox,
        *,
        environment_specific: bool = True,
        base: str | None = None,
        host: str = "pay-api.amazon.com",
        region: str = "na",
        clock: Callable[[], datetime] | None = None,
        algorithm: Algorithm = "AMZN-PAY-RSASSA-PSS-V2",
    ) -> None:
        self.sandbox = sandbox
        self.key_id, pem = sandbox.create_key(environment_specific=environment_specific)
        key = serialization.load_pem_private_key(pem, password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        self.key = key
        self.base = base or (f"https://{host}/v2" if environment_specific else f"https://{host}/sandbox/v2")
        self.host = host
        self.region = region
        self.clock = clock or (lambda: datetime.now(UTC))
        self.algorithm = algorithm
        self.client = httpx.Client(transport=sandbox.transport())

    def build(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        idempotency_key: str | None = None,
        simulation: str | None = None,
        headers: dict[str, str] | None = None,
        drop: tuple[str, ...] = (),
        key: rsa.RSAPrivateKey | None = None,
        key_id: str | None = None,
        base: str | None = None,
    ) -> httpx.Request:
        content = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        url = httpx.URL((base or self.base) + path)
        sent = {
            "accept": "application/json",
            "content-type": "application/json",
            "x-amz-pay-date": basic(self.clock()),
            "x-amz-pay-host": self.host,
            "x-amz-pay-region": self.region,
        }
        if idempotency_key is not None:
            sent["x-amz-pay-idempotency-key"] = idempotency_key
        if simulation is not None:
            sent["x-amz-pay-simulation-code"] = simulation
        sent.update(headers or {})
        for name in drop:
            sent.pop(name, None)
        sent["authorization"] = authorization_header(
            method=method,
            path=url.path,
            query=list(url.params.multi_items()),  # the query is signed too
            headers=sent,
            body=content,
            key=key or self.key,
            public_key_id=key_id or self.key_id,
            algorithm=self.algorithm,
        )
        if "authorization" in drop:
            del sent["authorization"]
        return httpx.Request(method, url, headers=sent, content=content)

    def send(self, request: httpx.Request) -> httpx.Response:
        return check_response(self.client.send(request))

    def call(self, method: str, path: str, body: Any = None, **options: Any) -> httpx.Response:
        if method == "POST" and "idempotency_key" not in options:
            options["idempotency_key"] = uuid.uuid4().hex
        return self.send(self.build(method, path, body, **options))

    # operations
    def create_session(self, **fields: Any) -> httpx.Response:
        body = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL}, "storeId": STORE_ID, **fields}
        return self.call("POST", "/checkoutSessions", body)

    def ready_session(
        self, amount: str = "14.00", intent: str = "Authorize", *, approve: bool = True, **fields: Any
    ) -> str:
        response = self.create_session(
            webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW_URL, "checkoutResultReturnUrl": RESULT_URL},
            paymentDetails={"paymentIntent": intent, "chargeAmount": {"amount": amount, "currencyCode": "USD"}},
            **fields,
        )
        assert response.status_code == 201, response.text
        session_id: str = response.json()["checkoutSessionId"]
        if approve:
            self.sandbox.approve(session_id)
        return session_id

    def complete(self, session_id: str, amount: str = "14.00", **options: Any) -> httpx.Response:
        body = {"chargeAmount": {"amount": amount, "currencyCode": "USD"}}
        return self.call("POST", f"/checkoutSessions/{session_id}/complete", body, **options)

    def completed(self, amount: str = "14.00", intent: str = "Authorize", **fields: Any) -> dict[str, Any]:
        session_id = self.ready_session(amount, intent, **fields)
        response = self.complete(session_id, amount)
        assert response.status_code == 200, response.text
        completed: dict[str, Any] = response.json()
        return completed

    def create_charge(self, permission_id: str, amount: str, **fields: Any) -> httpx.Response:
        options = {k: fields.pop(k) for k in ("simulation", "idempotency_key") if k in fields}
        body = {"chargePermissionId": permission_id, "chargeAmount": {"amount": amount, "currencyCode": "USD"}}
        return self.call("POST", "/charges", {**body, **fields}, **options)

    def capture(self, charge_id: str, amount: str, currency: str = "USD") -> httpx.Response:
        body = {"captureAmount": {"amount": amount, "currencyCode": currency}}
        return self.call("POST", f"/charges/{charge_id}/capture", body)

    def refund(self, charge_id: str, amount: str, **options: Any) -> httpx.Response:
        body = {"chargeId": charge_id, "refundAmount": {"amount": amount, "currencyCode": "USD"}}
        return self.call("POST", "/refunds", body, **options)

    def close(self, permission_id: str, **fields: Any) -> httpx.Response:
        options = {k: fields.pop(k) for k in ("simulation",) if k in fields}
        body = {"closureReason": "No more orders", **fields}
        return self.call("DELETE", f"/chargePermissions/{permission_id}/close", body, **options)


def error_of(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["reasonCode"]


@pytest.fixture
def api(sandbox: AmazonPaySandbox) -> Iterator[Api]:
    client = Api(sandbox)
    yield client
    client.client.close()


# --- flows ---------------------------------------------------------------------------------


def test_one_time_flow(api: Api, sandbox: AmazonPaySandbox) -> None:
    created = api.create_session(paymentDetails={"chargeAmount": {"amount": "14.00", "currencyCode": "USD"}})
    assert created.status_code == 201
    session = created.json()
    session_id = session["checkoutSessionId"]
    assert str(uuid.UUID(session_id)) == session_id
    assert session["statusDetails"]["state"] == "Open"
    assert session["releaseEnvironment"] == "Sandbox"
    assert [c["constraintId"] for c in session["constraints"]] == [
        "BuyerNotAssociated",
        "CheckoutResultReturnUrlNotSet",
        "PaymentIntentNotSet",
    ]
    assert session["webCheckoutDetails"]["amazonPayRedirectUrl"] is None
    created_at = datetime.strptime(session["creationTimestamp"], "%Y%m%dT%H%M%SZ")
    expires_at = datetime.strptime(session["expirationTimestamp"], "%Y%m%dT%H%M%SZ")
    assert expires_at - created_at == timedelta(hours=24)

    # The buyer signs in and returns to the review page; the merchant sets the details.
    approved = sandbox.approve(session_id, buyer={"name": "Jane Doe", "email": "jane@example.com"})
    assert [c["constraintId"] for c in approved["constraints"]] == [
        "CheckoutResultReturnUrlNotSet",
        "PaymentIntentNotSet",
    ]
    updated = api.call(
        "PATCH",
        f"/checkoutSessions/{session_id}",
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": RESULT_URL},
            "paymentDetails": {"paymentIntent": "Authorize"},
        },
    )
    assert updated.status_code == 200
    assert updated.json()["constraints"] == []
    redirect = updated.json()["webCheckoutDetails"]["amazonPayRedirectUrl"]
    assert redirect == f"https://payments.amazon.com/checkout?amazonCheckoutSessionId={session_id}"
    read = api.call("GET", f"/checkoutSessions/{session_id}").json()
    assert read["buyer"]["name"] == "Jane Doe"
    assert read["shippingAddress"]["countryCode"] == "US"

    completed = api.complete(session_id)
    assert completed.status_code == 200
    session = completed.json()
    assert session["statusDetails"]["state"] == "Completed"
    permission_id, charge_id = session["chargePermissionId"], session["chargeId"]
    assert permission_id.startswith("S01-")
    assert charge_id.startswith(permission_id + "-C")

    permission = api.call("GET", f"/chargePermissions/{permission_id}").json()
    assert permission["chargePermissionType"] == "OneTime"
    assert permission["statusDetails"]["state"] == "Chargeable"
    assert permission["buyer"]["email"] == "jane@example.com"
    assert permission["limits"]["amountBalance"] == {"amount": "0.00", "currencyCode": "USD"}
    charge = api.call("GET", f"/charges/{charge_id}").json()
    assert charge["statusDetails"]["state"] == "Authorized"
    assert charge["captureAmount"]["amount"] == "0.00"

    captured = api.capture(charge_id, "14.00")
    assert captured.status_code == 200
    assert captured.json()["statusDetails"]["state"] == "Captured"
    assert captured.json()["captureAmount"] == {"amount": "14.00", "currencyCode": "USD"}
    # The total order amount is captured: the OneTime permission closes.
    assert api.call("GET", f"/chargePermissions/{permission_id}").json()["statusDetails"]["state"] == "Closed"

    refund = api.refund(charge_id, "4")
    assert refund.status_code == 201
    refund_id = refund.json()["refundId"]
    assert refund_id.startswith(permission_id + "-R")
    assert refund.json()["statusDetails"]["state"] == "RefundInitiated"
    assert api.call("GET", f"/refunds/{refund_id}").json()["statusDetails"]["state"] == "Refunded"
    charge = api.call("GET", f"/charges/{charge_id}").json()
    assert charge["refundedAmount"] == {"amount": "4.00", "currencyCode": "USD"}

    # Views for assertions.
    assert sandbox.checkout_sessions[session_id]["chargeId"] == charge_id
    assert sandbox.charges[charge_id]["statusDetails"]["state"] == "Captured"
    assert sandbox.refunds[refund_id]["statusDetails"]["state"] == "Refunded"
    assert sandbox.charge_permissions[permission_id]["statusDetails"]["state"] == "Closed"
    assert all("authorization" not in r.headers for r in sandbox.requests)
    assert sandbox.requests[0].operation_id == "createCheckoutSession"
    assert sandbox.requests[0].json()["storeId"] == STORE_ID


def test_money_is_counted_and_shown_in_the_currencys_minor_units(api: Api) -> None:
    session = api.completed("14", "Confirm")  # a limit written without decimals
    permission_id = session["chargePermissionId"]
    assert session["paymentDetails"]["chargeAmount"] == {"amount": "14.00", "currencyCode": "USD"}
    first = api.create_charge(permission_id, "0.5")
    assert first.status_code == 201, first.text
    assert first.json()["chargeAmount"]["amount"] == "0.50"
    limits = api.call("GET", f"/chargePermissions/{permission_id}").json()["limits"]
    assert limits == {
        "amountLimit": {"amount": "14.00", "currencyCode": "USD"},
        "amountBalance": {"amount": "13.50", "currencyCode": "USD"},
    }
    too_much = api.create_charge(permission_id, "13.75")
    assert error_of(too_much) == (400, "TransactionAmountExceeded")
    assert "exceeds the balance 13.50" in too_much.json()["message"]
    assert api.create_charge(permission_id, "13.5").status_code == 201


def test_authorize_with_capture_and_confirm(api: Api, sandbox: AmazonPaySandbox) -> None:
    session = api.completed(intent="AuthorizeWithCapture")
    assert sandbox.charges[session["chargeId"]]["statusDetails"]["state"] == "Captured"
    confirm = api.completed(intent="Confirm")
    assert confirm["chargeId"] is None
    assert confirm["chargePermissionId"] in sandbox.charge_permissions


def test_recurring_flow(api: Api, sandbox: AmazonPaySandbox) -> None:
    session = api.completed("9.99", "Confirm", chargePermissionType="Recurring", recurringMetadata=MONTHLY)
    permission_id = session["chargePermissionId"]
    permission = api.call("GET", f"/chargePermissions/{permission_id}").json()
    assert permission["chargePermissionType"] == "Recurring"
    assert permission["recurringMetadata"] == {"frequency": {"unit": "Month", "value": "1"}, "amount": None}
    assert permission["expirationTimestamp"] is None
    assert permission["limits"] == {  # monthly-recurring-charge-limits: USD 1,000 a calendar month
        "amountLimit": {"amount": "1000.00", "currencyCode": "USD"},
        "amountBalance": {"amount": "1000.00", "currencyCode": "USD"},
    }
    for _ in range(3):
        charge = api.create_charge(permission_id, "9.99", captureNow=True, softDescriptor="Monthly box")
        assert charge.status_code == 201
        assert charge.json()["statusDetails"]["state"] == "Captured"
    assert len(sandbox.charges) == 3
    assert api.call("GET", f"/chargePermissions/{permission_id}").json()["statusDetails"]["state"] == "Chargeable"
    updated = api.call(
        "PATCH", f"/chargePermissions/{permission_id}", {"merchantMetadata": {"merchantReferenceId": "sub-1"}}
    )
    assert updated.json()["merchantMetadata"]["merchantReferenceId"] == "sub-1"
    closed = api.close(permission_id)
    assert closed.status_code == 200
    assert closed.json()["statusDetails"]["state"] == "Closed"
    assert closed.json()["statusDetails"]["reasons"][0]["reasonCode"] == "MerchantClosed"
    assert error_of(api.create_charge(permission_id, "9.99")) == (422, "InvalidChargePermissionStatus")


def test_close_cancels_pending_charges(api: Api, sandbox: AmazonPaySandbox) -> None:
    session = api.completed("50.00", "Confirm", chargePermissionType="Recurring", recurringMetadata=MONTHLY)
    permission_id = session["chargePermissionId"]
    charge_id = api.create_charge(permission_id, "10.00").json()["chargeId"]
    api.close(permission_id, cancelPendingCharges=True)
    status = sandbox.charges[charge_id]["statusDetails"]
    assert (status["state"], status["reasonCode"]) == ("Canceled", "ChargePermissionCanceled")


def test_cancel_charge(api: Api) -> None:
    charge_id = api.completed()["chargeId"]
    assert error_of(api.call("DELETE", f"/charges/{charge_id}/cancel", {})) == (400, "MissingParameterValue")
    canceled = api.call("DELETE", f"/charges/{charge_id}/cancel", {"cancellationReason": "Out of stock"})
    assert canceled.status_code == 200
    status = canceled.json()["statusDetails"]
    assert (status["state"], status["reasonCode"], status["reasonDescription"]) == (
        "Canceled",
        "MerchantCanceled",
        "Out of stock",
    )


def test_eu_region(sandbox: AmazonPaySandbox) -> None:
    api = Api(sandbox, host="pay-api.amazon.eu", region="eu")
    session = api.create_session().json()
    assert session["paymentDetails"]["presentmentCurrency"] == "EUR"
    approved = sandbox.approve(session["checkoutSessionId"])
    assert approved["paymentPreferences"][0]["billingAddress"]["countryCode"] == "DE"


# --- authentication --------------------------------------------------------------------------


def _tampered(request: httpx.Request, content: bytes) -> httpx.Request:
    headers = {k: v for k, v in request.headers.items() if k != "content-length"}
    return httpx.Request(request.method, request.url, headers=headers, content=content)


def test_tampered_body_is_refused_with_the_expected_string_to_sign(api: Api, sandbox: AmazonPaySandbox) -> None:
    request = api.build("POST", "/checkoutSessions", {"storeId": STORE_ID}, idempotency_key="k1")
    forged = b'{"storeId": "someone-else"}'
    response = api.send(_tampered(request, forged))
    assert error_of(response) == (401, "InvalidRequestSignature")
    headers = {k: v for k, v in request.headers.items() if k != "authorization"}
    names = signed_header_names(headers)
    expected = string_to_sign(
        "AMZN-PAY-RSASSA-PSS-V2",
        canonical_request("POST", "/v2/checkoutSessions", [], headers, forged, names),
    )
    message = response.json()["message"]
    assert message.startswith("The request signature we calculated does not match the signature you provided.")
    assert f"String to sign:\n'{expected}'" in message
    assert sandbox.checkout_sessions == {}


def test_signature_by_another_key(api: Api) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = api.send(api.build("GET", "/charges/S01-1-1-C1", key=other))
    assert error_of(response) == (401, "InvalidRequestSignature")


def test_unknown_key_id(api: Api) -> None:
    response = api.send(api.build("GET", "/charges/S01-1-1-C1", key_id="SANDBOX-AEUNKNOWNKEY0000000000"))
    assert error_of(response) == (401, "UnauthorizedAccess")


def test_salt_length_must_match_the_algorithm(api: Api, sandbox: AmazonPaySandbox) -> None:
    legacy = Api(sandbox, algorithm="AMZN-PAY-RSASSA-PSS")
    assert legacy.call("GET", "/checkoutSessions/none").status_code == 404  # salt 20 accepted
    request = legacy.build("GET", "/checkoutSessions/none")
    # Same signature (salt 20) labelled V2 (salt 32): does not verify.
    mislabelled = request.headers["authorization"].replace("AMZN-PAY-RSASSA-PSS ", "AMZN-PAY-RSASSA-PSS-V2 ")
    headers = {**request.headers, "authorization": mislabelled}
    response = legacy.send(httpx.Request("GET", request.url, headers=headers))
    assert error_of(response) == (401, "InvalidRequestSignature")


def test_future_date(api: Api) -> None:
    future = basic(datetime.now(UTC) + timedelta(minutes=10))
    response = api.send(api.build("GET", "/charges/x", headers={"x-amz-pay-date": future}))
    assert error_of(response) == (400, "InvalidHeaderValue")
    assert "should not be in future" in response.json()["message"]


def test_date_in_extended_format(api: Api) -> None:
    # The Node SDK's form (facts 8): accepted; the request gets as far as the lookup.
    extended = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    response = api.send(api.build("GET", "/charges/x", headers={"x-amz-pay-date": extended}))
    assert error_of(response) == (404, "ResourceNotFound")


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"x-amz-pay-region": "us"}, "InvalidHeaderValue"),
        ({"x-amz-pay-region": "eu"}, "InvalidHeaderValue"),
        ({"x-amz-pay-host": "pay-api.amazon.eu"}, "InvalidHeaderValue"),
    ],
)
def test_wrong_host_or_region(api: Api, headers: dict[str, str], reason: str) -> None:
    assert error_of(api.send(api.build("GET", "/charges/x", headers=headers))) == (400, reason)


@pytest.mark.parametrize("header", ["x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"])
def test_missing_required_header(api: Api, header: str) -> None:
    response = api.send(api.build("GET", "/charges/x", drop=(header,)))
    assert error_of(response) == (400, "MissingHeader")
    assert header in response.json()["message"]


@pytest.mark.parametrize("value", [None, " "])
def test_no_credentials_is_401(api: Api, value: str | None) -> None:
    # The spec's security scheme: a request without credentials is unauthorized, not malformed.
    request = api.build("GET", "/charges/x", drop=("authorization",))
    if value is not None:
        request.headers["authorization"] = value
    response = api.send(request)
    assert error_of(response) == (401, "UnauthorizedAccess")
    assert "no authorization header" in response.json()["message"]


def test_always_signed_headers_must_be_signed(api: Api) -> None:
    request = api.build("GET", "/charges/x")
    authorization = request.headers["authorization"].replace("content-type;", "")
    response = api.send(httpx.Request("GET", request.url, headers={**request.headers, "authorization": authorization}))
    assert error_of(response) == (401, "InvalidRequestSignature")
    assert "content-type" in response.json()["message"]


def test_environment_specific_key_needs_the_bare_v2_path(api: Api) -> None:
    response = api.send(api.build("GET", "/charges/x", base="https://pay-api.amazon.com/sandbox/v2"))
    assert error_of(response) == (401, "UnauthorizedAccess")


def test_legacy_key_needs_the_environment_in_the_path(sandbox: AmazonPaySandbox) -> None:
    legacy = Api(sandbox, environment_specific=False)
    assert not legacy.key_id.upper().startswith("SANDBOX")
    assert legacy.call("GET", "/checkoutSessions/none").status_code == 404  # /sandbox/v2 accepted
    response = legacy.send(legacy.build("GET", "/charges/x", base="https://pay-api.amazon.com/v2"))
    assert error_of(response) == (401, "UnauthorizedAccess")


def test_live_requests_are_refused(sandbox: AmazonPaySandbox) -> None:
    legacy = Api(sandbox, environment_specific=False)
    response = legacy.send(legacy.build("GET", "/charges/x", base="https://pay-api.amazon.com/live/v2"))
    assert error_of(response) == (401, "UnauthorizedAccess")
    assert "sandbox keys only" in response.json()["message"]
    live = legacy.send(legacy.build("GET", "/charges/x", key_id="LIVE-AEXXXXXXXXXXXXXXXXXXXXXX"))
    assert error_of(live) == (401, "UnauthorizedAccess")
    assert "sandbox keys only" in live.json()["message"]
    with pytest.raises(ValueError, match="sandbox keys only"):
        sandbox.register_key("live-AE123", legacy.key.public_key())


def test_unknown_path(api: Api) -> None:
    assert error_of(api.call("GET", "/orders/1")) == (404, "ResourceNotFound")
    assert error_of(api.call("GET", "/checkoutSessions/a/b")) == (404, "ResourceNotFound")
    # A path of the API with a method it does not have: 405 and the methods it does.
    wrong_method = api.call("GET", "/checkoutSessions/")
    assert error_of(wrong_method) == (405, "MethodNotAllowed")
    assert wrong_method.headers["allow"] == "POST"


def test_register_key_from_pem(sandbox: AmazonPaySandbox) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    sandbox.register_key("SANDBOX-AEMINE", pem)
    api = Api(sandbox)
    api.key, api.key_id = key, "SANDBOX-AEMINE"
    assert api.create_session().status_code == 201


# --- idempotency ---------------------------------------------------------------------------


def test_idempotency_key_required_and_validated(api: Api, sandbox: AmazonPaySandbox) -> None:
    body = _MINIMAL
    missing = api.send(api.build("POST", "/checkoutSessions", body))
    assert error_of(missing) == (400, "MissingHeader")
    assert "x-amz-pay-idempotency-key" in missing.json()["message"]
    too_long = api.send(api.build("POST", "/checkoutSessions", body, idempotency_key="x" * 33))
    assert error_of(too_long) == (400, "InvalidHeaderValue")
    assert len(sandbox.checkout_sessions) == 0


def test_replay_with_the_same_body(api: Api, sandbox: AmazonPaySandbox) -> None:
    body = _MINIMAL
    first = api.call("POST", "/checkoutSessions", body, idempotency_key="same-key")
    again = api.call("POST", "/checkoutSessions", body, idempotency_key="same-key")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert len(sandbox.checkout_sessions) == 1
    assert sandbox.requests[-1].replayed
    assert again.headers["x-amz-pay-request-id"] != first.headers["x-amz-pay-request-id"]


def test_same_key_with_a_different_body(api: Api, sandbox: AmazonPaySandbox) -> None:
    body = _MINIMAL
    assert api.call("POST", "/checkoutSessions", body, idempotency_key="k").status_code == 201
    other = {**body, "storeId": "amzn1.application-oa2-client.other"}
    assert error_of(api.call("POST", "/checkoutSessions", other, idempotency_key="k")) == (
        400,
        "DuplicateIdempotencyKey",
    )
    assert len(sandbox.checkout_sessions) == 1


def test_keys_are_per_public_key_id(api: Api, sandbox: AmazonPaySandbox) -> None:
    other = Api(sandbox)
    body = _MINIMAL
    assert api.call("POST", "/checkoutSessions", body, idempotency_key="shared").status_code == 201
    assert other.call("POST", "/checkoutSessions", body, idempotency_key="shared").status_code == 201


def test_complete_replays_but_a_new_complete_is_refused(api: Api) -> None:
    session_id = api.ready_session()
    first = api.complete(session_id, idempotency_key="complete-1")
    replay = api.complete(session_id, idempotency_key="complete-1")
    assert (first.status_code, replay.status_code) == (200, 200)
    assert replay.json() == first.json()
    assert error_of(api.complete(session_id)) == (422, "InvalidCheckoutSessionStatus")


def test_processed_errors_are_replayed(api: Api, sandbox: AmazonPaySandbox) -> None:
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    declined = api.create_charge(permission_id, "10.00", simulation="SoftDeclined", idempotency_key="d1")
    assert error_of(declined) == (422, "SoftDeclined")
    replay = api.create_charge(permission_id, "10.00", idempotency_key="d1")
    assert error_of(replay) == (422, "SoftDeclined")
    assert replay.json() == declined.json()
    assert sandbox.charges == {}
    # A request refused before processing stores nothing: the key stays usable.
    bad = api.create_charge(permission_id, "10,00", idempotency_key="d2")
    assert error_of(bad) == (400, "InvalidParameterValue")
    assert api.create_charge(permission_id, "10.00", idempotency_key="d2").status_code == 201


# --- request bodies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"storeId": STORE_ID}, "MissingParameterValue"),
        ({"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL}}, "MissingParameterValue"),
        (
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL},
                "storeId": STORE_ID,
                "webCheckoutDetail": {},
            },
            "UnrecognizedField",
        ),
        (
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL},
                "storeId": STORE_ID,
                "paymentDetails": {"chargeAmount": {"amount": "1.0.0", "currencyCode": "USD"}},
            },
            "InvalidParameterValue",
        ),
        (
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL},
                "storeId": STORE_ID,
                "paymentDetails": {"chargeAmount": {"amount": "1.00", "currencyCode": "usd"}},
            },
            "InvalidParameterValue",
        ),
        (
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW_URL},
                "storeId": STORE_ID,
                "paymentDetails": {"chargeAmount": {"amount": 1, "currencyCode": "USD"}},
            },
            "InvalidParameterValue",
        ),
        (
            {"webCheckoutDetails": {"checkoutReviewReturnUrl": "not a url"}, "storeId": STORE_ID},
            "InvalidParameterValue",
        ),
        (b"{not json", "InvalidRequestFormat"),
        (b"[]", "InvalidRequestFormat"),
    ],
)
def test_invalid_create_checkout_session_bodies(api: Api, body: Any, reason: str) -> None:
    assert error_of(api.call("POST", "/checkoutSessions", body)) == (400, reason)


def test_soft_descriptor_longer_than_16(api: Api) -> None:
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    response = api.create_charge(permission_id, "10.00", captureNow=True, softDescriptor="X" * 17)
    assert error_of(response) == (400, "InvalidParameterValue")


def test_unknown_ids(api: Api) -> None:
    assert error_of(api.call("GET", "/checkoutSessions/00000000-0000-0000-0000-000000000000")) == (
        404,
        "ResourceNotFound",
    )
    assert error_of(api.call("GET", "/chargePermissions/S01-0000000-0000000")) == (404, "ResourceNotFound")
    assert error_of(api.call("GET", "/charges/S01-0000000-0000000-C000000")) == (404, "ResourceNotFound")
    assert error_of(api.call("GET", "/refunds/S01-0000000-0000000-R000000")) == (404, "ResourceNotFound")
    assert error_of(api.create_charge("S01-0000000-0000000", "1.00")) == (404, "ResourceNotFound")


# --- illegal transitions -----------------------------------------------------------------------


def test_update_a_completed_session(api: Api) -> None:
    session_id = api.completed()["checkoutSessionId"]
    response = api.call("PATCH", f"/checkoutSessions/{session_id}", {"merchantMetadata": {"noteToBuyer": "hi"}})
    assert error_of(response) == (422, "InvalidCheckoutSessionStatus")


def test_complete_without_approval(api: Api) -> None:
    session_id = api.ready_session(approve=False)
    response = api.complete(session_id)
    assert error_of(response) == (422, "InvalidCheckoutSessionStatus")
    assert "BuyerNotAssociated" in response.json()["message"]


def test_complete_with_another_amount(api: Api) -> None:
    session_id = api.ready_session("14.00")
    assert error_of(api.complete(session_id, "15.00")) == (400, "InvalidParameterValue")
    euros = api.call(
        "POST",
        f"/checkoutSessions/{session_id}/complete",
        {"chargeAmount": {"amount": "14.00", "currencyCode": "EUR"}},
    )
    assert error_of(euros) == (400, "CurrencyMismatch")
    assert api.complete(session_id, "14.0").status_code == 200  # equal as decimals


def test_one_time_captures_up_to_its_limit_in_at_most_25_charges(api: Api, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/one-time-payment-scenarios.html: "you can call Create Charge up to
    # 25 times using chargePermissionId as long as the total amount captured does not exceed the
    # Charge Permission amountLimit".
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    first = api.create_charge(permission_id, "6.00").json()["chargeId"]
    second = api.create_charge(permission_id, "4.00").json()["chargeId"]
    assert error_of(api.create_charge(permission_id, "0.01")) == (400, "TransactionAmountExceeded")
    assert api.capture(first, "6.00").status_code == 200
    assert error_of(api.capture(first, "6.00")) == (422, "InvalidChargeStatus")
    assert api.capture(second, "4.00").status_code == 200
    permission = sandbox.charge_permissions[permission_id]
    assert permission["limits"]["amountBalance"]["amount"] == "0.00"
    assert permission["statusDetails"]["reasons"][0]["reasonCode"] == "AmazonClosed"  # the order total captured

    many = api.completed("100.00", "Confirm")["chargePermissionId"]
    for _ in range(25):
        charge_id = api.create_charge(many, "1.00").json()["chargeId"]
        assert api.call("DELETE", f"/charges/{charge_id}/cancel", {"cancellationReason": "retry"}).status_code == 200
    assert error_of(api.create_charge(many, "1.00")) == (422, "TransactionCountExceeded")


def test_capture_more_than_authorized(api: Api) -> None:
    charge_id = api.completed("10.00")["chargeId"]
    assert error_of(api.capture(charge_id, "10.01")) == (400, "TransactionAmountExceeded")
    assert error_of(api.capture(charge_id, "10.00", currency="EUR")) == (400, "CurrencyMismatch")
    assert api.capture(charge_id, "7.5").json()["captureAmount"]["amount"] == "7.50"


def test_refund_more_than_captured(api: Api) -> None:
    charge_id = api.completed("10.00", "AuthorizeWithCapture")["chargeId"]
    assert api.refund(charge_id, "6.00").status_code == 201
    assert error_of(api.refund(charge_id, "4.01")) == (400, "TransactionAmountExceeded")
    assert api.refund(charge_id, "4.00").status_code == 201


def test_refund_needs_a_captured_charge(api: Api) -> None:
    charge_id = api.completed("10.00")["chargeId"]
    assert error_of(api.refund(charge_id, "1.00")) == (422, "InvalidChargeStatus")


def test_cancel_a_captured_charge(api: Api) -> None:
    charge_id = api.completed(intent="AuthorizeWithCapture")["chargeId"]
    response = api.call("DELETE", f"/charges/{charge_id}/cancel", {"cancellationReason": "Too late"})
    assert error_of(response) == (422, "InvalidChargeStatus")


def test_close_twice(api: Api) -> None:
    permission_id = api.completed(intent="Confirm")["chargePermissionId"]
    assert api.close(permission_id).status_code == 200
    assert error_of(api.close(permission_id)) == (422, "InvalidChargePermissionStatus")
    # docs amazon-pay-checkout/update-info-post-checkout.html: a Closed OneTime permission takes
    # only the merchantMetadata fields still null or empty.
    late = {"merchantMetadata": {"merchantReferenceId": "order-1"}}
    assert api.call("PATCH", f"/chargePermissions/{permission_id}", late).status_code == 200
    response = api.call("PATCH", f"/chargePermissions/{permission_id}", late)
    assert error_of(response) == (422, "InvalidChargePermissionStatus")
    assert "merchantReferenceId already set" in response.json()["message"]


def test_approve_errors(sandbox: AmazonPaySandbox, api: Api) -> None:
    with pytest.raises(SandboxError) as missing:
        sandbox.approve("nope")
    assert missing.value.reason.code == "ResourceNotFound"
    session_id = api.completed()["checkoutSessionId"]
    with pytest.raises(SandboxError) as done:
        sandbox.approve(session_id)
    assert (done.value.status, done.value.reason.code) == (422, "InvalidCheckoutSessionStatus")


# --- simulation codes ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["BuyerCanceled", "AmazonCanceled", "Declined"])
def test_complete_simulations(api: Api, sandbox: AmazonPaySandbox, code: str) -> None:
    session_id = api.ready_session()
    response = api.complete(session_id, simulation=code)
    assert error_of(response) == (422, "CheckoutSessionCanceled")
    session = api.call("GET", f"/checkoutSessions/{session_id}").json()
    assert (session["statusDetails"]["state"], session["statusDetails"]["reasonCode"]) == ("Canceled", code)
    assert sandbox.charge_permissions == {}


@pytest.mark.parametrize("code", ["SoftDeclined", "HardDeclined", "TransactionTimedOut", "AmazonRejected"])
def test_create_charge_simulations(api: Api, code: str) -> None:
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    assert error_of(api.create_charge(permission_id, "10.00", simulation=code)) == (422, code)
    state = api.call("GET", f"/chargePermissions/{permission_id}").json()["statusDetails"]["state"]
    assert state == ("Closed" if code == "AmazonRejected" else "Chargeable")


def test_pending_authorization_declines_later(api: Api) -> None:
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    created = api.create_charge(permission_id, "10.00", canHandlePendingAuthorization=True, simulation="HardDeclined")
    assert created.status_code == 201
    assert created.json()["statusDetails"]["state"] == "AuthorizationInitiated"
    status = api.call("GET", f"/charges/{created.json()['chargeId']}").json()["statusDetails"]
    assert (status["state"], status["reasonCode"]) == ("Declined", "HardDeclined")


def test_close_simulation(api: Api) -> None:
    permission_id = api.completed(intent="Confirm")["chargePermissionId"]
    closed = api.close(permission_id, simulation="AmazonClosed").json()["statusDetails"]
    assert (closed["state"], closed["reasons"][0]["reasonCode"]) == ("Closed", "AmazonClosed")


def test_invalid_simulation_codes(api: Api, sandbox: AmazonPaySandbox) -> None:
    session_id = api.ready_session()
    assert error_of(api.complete(session_id, simulation="SoftDeclined")) == (400, "InvalidSandboxSimulationSpecified")
    assert error_of(api.complete(session_id, simulation="Nonsense")) == (400, "InvalidSandboxSimulationSpecified")
    get = api.call("GET", f"/checkoutSessions/{session_id}", simulation="BuyerCanceled")
    assert error_of(get) == (400, "InvalidSandboxSimulationSpecified")
    assert sandbox.checkout_sessions[session_id]["statusDetails"]["state"] == "Open"


# --- asynchronous outcomes and time ----------------------------------------------------------------


def test_refund_settles_after_n_reads(api: Api, sandbox: AmazonPaySandbox) -> None:
    sandbox.settle_after_reads = 3
    charge_id = api.completed("10.00", "AuthorizeWithCapture")["chargeId"]
    refund_id = api.refund(charge_id, "2.50").json()["refundId"]
    states = [api.call("GET", f"/refunds/{refund_id}").json()["statusDetails"]["state"] for _ in range(3)]
    assert states == ["RefundInitiated", "RefundInitiated", "Refunded"]
    assert sandbox.charges[charge_id]["refundedAmount"]["amount"] == "2.50"


def test_views_do_not_count_as_reads(api: Api, sandbox: AmazonPaySandbox) -> None:
    charge_id = api.completed("10.00", "AuthorizeWithCapture")["chargeId"]
    refund_id = api.refund(charge_id, "1.00").json()["refundId"]
    for _ in range(3):
        assert sandbox.refunds[refund_id]["statusDetails"]["state"] == "RefundInitiated"
    assert sandbox.charges[charge_id]["refundedAmount"]["amount"] == "0.00"


def test_settle_after_clock_time() -> None:
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=clock)
    api = Api(sandbox, clock=clock)
    sandbox.settle_after_reads = 0
    sandbox.settle_after = timedelta(minutes=5)
    charge_id = api.completed("10.00", "AuthorizeWithCapture")["chargeId"]
    refund_id = api.refund(charge_id, "1.00").json()["refundId"]
    assert api.call("GET", f"/refunds/{refund_id}").json()["statusDetails"]["state"] == "RefundInitiated"
    clock.advance(timedelta(minutes=5))
    assert api.call("GET", f"/refunds/{refund_id}").json()["statusDetails"]["state"] == "Refunded"


def test_settle_at_once(api: Api, sandbox: AmazonPaySandbox) -> None:
    sandbox.settle_after_reads = 0
    charge_id = api.completed("10.00", "AuthorizeWithCapture")["chargeId"]
    assert api.refund(charge_id, "1.00").json()["statusDetails"]["state"] == "Refunded"


def test_pending_authorization_from_checkout(api: Api, sandbox: AmazonPaySandbox) -> None:
    session_id = api.ready_session("10.00", "AuthorizeWithCapture")
    api.call("PATCH", f"/checkoutSessions/{session_id}", {"paymentDetails": {"canHandlePendingAuthorization": True}})
    charge_id = api.complete(session_id, "10.00").json()["chargeId"]
    assert sandbox.charges[charge_id]["statusDetails"]["state"] == "AuthorizationInitiated"
    assert error_of(api.capture(charge_id, "10.00")) == (422, "InvalidChargeStatus")
    assert api.call("GET", f"/charges/{charge_id}").json()["statusDetails"]["state"] == "Captured"


def test_expiry() -> None:
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=clock)
    api = Api(sandbox, clock=clock)
    open_session = api.create_session().json()["checkoutSessionId"]
    charge_id = api.completed("10.00")["chargeId"]
    clock.advance(timedelta(hours=24))
    status = api.call("GET", f"/checkoutSessions/{open_session}").json()["statusDetails"]
    assert (status["state"], status["reasonCode"]) == ("Canceled", "Expired")
    clock.advance(timedelta(days=30))
    status = api.call("GET", f"/charges/{charge_id}").json()["statusDetails"]
    assert (status["state"], status["reasonCode"]) == ("Canceled", "ExpiredUnused")
    assert error_of(api.call("GET", f"/checkoutSessions/{open_session}")) == (404, "ResourceNotFound")


def test_sandbox_clock_judges_the_date_header() -> None:
    clock = FakeClock()
    signed_at = clock.now + timedelta(seconds=59)
    sandbox = AmazonPaySandbox(clock=clock)
    api = Api(sandbox, clock=lambda: signed_at)
    assert api.create_session().status_code == 201  # within the tolerance
    clock.advance(timedelta(minutes=-2))  # the service's clock runs behind the client's
    assert error_of(api.create_session()) == (400, "InvalidHeaderValue")


# --- faults ---------------------------------------------------------------------------------------


def test_fail_next_with_a_status(api: Api, sandbox: AmazonPaySandbox) -> None:
    fault = sandbox.fail_next(status=429, headers={"Retry-After": "1"})
    assert isinstance(fault, Fault)
    throttled = api.call("POST", "/checkoutSessions", _MINIMAL, idempotency_key="t1")
    assert error_of(throttled) == (429, "TooManyRequests")
    assert throttled.headers["retry-after"] == "1"
    assert sandbox.checkout_sessions == {}
    assert sandbox.faults == []
    retried = api.call("POST", "/checkoutSessions", _MINIMAL, idempotency_key="t1")
    assert retried.status_code == 201


def test_fail_next_after_processing(api: Api, sandbox: AmazonPaySandbox) -> None:
    body = _MINIMAL
    sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True)
    with pytest.raises(httpx.ReadTimeout) as timeout:
        api.call("POST", "/checkoutSessions", body, idempotency_key="lost-answer")
    assert timeout.value.request.url.path == "/v2/checkoutSessions"
    assert len(sandbox.checkout_sessions) == 1  # processed, then the connection dropped
    retried = api.call("POST", "/checkoutSessions", body, idempotency_key="lost-answer")
    assert retried.status_code == 200
    assert retried.json()["checkoutSessionId"] in sandbox.checkout_sessions
    assert len(sandbox.checkout_sessions) == 1


def test_fail_next_only_one_operation_and_several_times(api: Api, sandbox: AmazonPaySandbox) -> None:
    sandbox.fail_next(status=503, times=2, operation_id="createCharge")
    permission_id = api.completed("10.00", "Confirm")["chargePermissionId"]
    assert error_of(api.create_charge(permission_id, "1.00")) == (503, "ServiceUnavailable")
    assert error_of(api.create_charge(permission_id, "1.00")) == (503, "ServiceUnavailable")
    assert api.create_charge(permission_id, "1.00").status_code == 201


def test_connect_error_before_processing(api: Api, sandbox: AmazonPaySandbox) -> None:
    sandbox.fail_next(exception=httpx.ConnectError)
    with pytest.raises(httpx.ConnectError):
        api.create_session()
    assert sandbox.checkout_sessions == {}
    assert sandbox.requests[-1].status is None


def test_custom_fault_rule(api: Api, sandbox: AmazonPaySandbox) -> None:
    sandbox.faults.append(lambda request: Fault(status=500) if request.method == "GET" else None)
    assert api.create_session().status_code == 201
    assert error_of(api.call("GET", "/charges/x")) == (500, "InternalServerError")


# --- transports -----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_transport(sandbox: AmazonPaySandbox) -> None:
    api = Api(sandbox)
    body = _MINIMAL
    async with httpx.AsyncClient(transport=sandbox.transport()) as client:

        async def create(index: int) -> None:
            request = api.build("POST", "/checkoutSessions", body, idempotency_key=f"async-{index}")
            response = check_response(await client.send(request))
            assert response.status_code == 201

        async with anyio.create_task_group() as group:
            for index in range(10):
                group.start_soon(create, index)
        sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True)
        with pytest.raises(httpx.ReadTimeout):
            await client.send(api.build("POST", "/checkoutSessions", body, idempotency_key="async-x"))
    assert len(sandbox.checkout_sessions) == 11


def test_any_base_url_host_is_accepted(sandbox: AmazonPaySandbox) -> None:
    api = Api(sandbox, base="http://testserver/sandbox/v2", environment_specific=False)
    assert api.create_session().status_code == 201
    mounted = Api(sandbox, base="http://testserver/proxy/v2")
    assert mounted.create_session().status_code == 201
    # Signing the host it was sent to (an SDK's URL override) is accepted too; any other is not.
    addressed = mounted.send(mounted.build("GET", "/charges/x", headers={"x-amz-pay-host": "testserver"}))
    assert error_of(addressed) == (404, "ResourceNotFound")
    bad_host = mounted.send(mounted.build("GET", "/charges/x", headers={"x-amz-pay-host": "127.0.0.1:9"}))
    assert error_of(bad_host) == (400, "InvalidHeaderValue")
    assert "neither the host this request was sent to (testserver)" in bad_host.json()["message"]


def test_the_request_log_keeps_the_newest_requests_within_a_count_and_a_size(sandbox: AmazonPaySandbox) -> None:
    assert (sandbox.max_recorded_requests, sandbox.max_recorded_bytes) == (10_000, 64 * 1024 * 1024)
    sandbox.max_recorded_bytes = 100_000
    with httpx.Client(transport=sandbox.transport(), base_url="https://pay-api.amazon.com/v2") as http:
        # Unauthenticated requests are recorded too: 40 bodies of 10 kB keep the newest that fit 100 kB.
        for number in range(40):
            answered = http.post("/checkoutSessions", content=b"%02d" % number + b"x" * 9_998)
            assert answered.status_code == 401
        kept = sandbox.requests
        assert 5 <= len(kept) <= 9
        assert [r.body[:2] for r in kept] == [b"%02d" % n for n in range(40 - len(kept), 40)]
        assert sum(len(r.body) for r in kept) <= 100_000
        sandbox.max_recorded_requests = 2
        assert [r.body[:2] for r in sandbox.requests] == [b"38", b"39"]
        huge = http.post("/checkoutSessions", content=b"h" * 200_000)  # over the size: kept, as the newest
        assert [len(r.body) for r in sandbox.requests] == [200_000]
        assert huge.status_code == 401
        sandbox.max_recorded_requests = 0
        http.get("/charges/x")
        assert sandbox.requests == []
    sandbox.max_recorded_requests = sandbox.max_recorded_bytes = None  # no bound, for a test that reads every one
    with pytest.raises(ValueError, match="max_recorded_requests takes a whole number"):
        sandbox.max_recorded_requests = -1


def test_http_server(sandbox: AmazonPaySandbox) -> None:
    with sandbox.serve("127.0.0.1", 0) as server:
        api = Api(sandbox, base=server.url + "/v2")
        with httpx.Client() as client:
            response = check_response(
                client.send(api.build("POST", "/checkoutSessions", _MINIMAL, idempotency_key="h1"))
            )
            assert response.status_code == 201
            session_id = response.json()["checkoutSessionId"]
            approved = client.post(
                f"{server.url}/_sandbox/checkoutSessions/{session_id}/approve", json={"buyer": {"name": "Ana"}}
            )
            assert approved.status_code == 200
            assert approved.json()["buyer"]["name"] == "Ana"
            assert approved.headers["x-amz-pay-request-id"]
            missing = client.post(f"{server.url}/_sandbox/checkoutSessions/nope/approve")
            assert error_of(missing) == (404, "ResourceNotFound")
            sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True)
            with pytest.raises(httpx.TransportError):
                client.send(api.build("POST", "/checkoutSessions", _MINIMAL, idempotency_key="h2"))
            replay = check_response(client.send(api.build("POST", "/checkoutSessions", _MINIMAL, idempotency_key="h2")))
            assert replay.status_code == 200
    assert len(sandbox.checkout_sessions) == 2


def test_command_line_server(tmp_path: Path) -> None:
    key_file = tmp_path / "key.pem"
    env = {"PYTHONPATH": f"{ROOT / 'facade'}:{ROOT / 'generated'}", "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(
        [sys.executable, "-m", "amazonpay.testing", "--port", "0", "--key-file", str(key_file)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines: dict[str, str] = {}
        while "base URL" not in lines:
            line = process.stdout.readline()
            assert line, "the server exited early"
            name, _, value = line.partition(":")
            lines[name.strip()] = value.strip()
        key_id = lines["public key id"]
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        probe = Api(AmazonPaySandbox(), base=lines["base URL"])
        probe.key, probe.key_id = key, key_id
        with httpx.Client() as client:
            response = check_response(
                client.send(probe.build("POST", "/checkoutSessions", _MINIMAL, idempotency_key="c"))
            )
        assert response.status_code == 201
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_thread_safety(sandbox: AmazonPaySandbox) -> None:
    api = Api(sandbox)
    permission_id = api.completed("100.00", "Confirm", chargePermissionType="Recurring", recurringMetadata=MONTHLY)[
        "chargePermissionId"
    ]
    errors: list[BaseException] = []

    def charge() -> None:
        try:
            for _ in range(5):
                assert api.create_charge(permission_id, "1.00", captureNow=True).status_code == 201
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=charge) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(sandbox.charges) == 20


def test_ids_are_never_reused_even_when_their_random_digits_collide() -> None:
    """Six random digits collide after about a thousand charges on one permission (the birthday
    bound); the simulator draws again rather than overwrite a stored object."""
    from amazonpay.testing._values import unused_id

    drawn = iter(["S01-1-C000001", "S01-1-C000001", "S01-1-C000002"])
    assert unused_id(lambda: next(drawn), {"S01-1-C000001": object()}) == "S01-1-C000002"
