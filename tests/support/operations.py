"""The 13 operations as data: how to call each through the facade and through ``pay.api``,
what request it makes and what the server double answers."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx

from amazonpay_api.api.charge_permissions import (
    close_charge_permission,
    get_charge_permission,
    update_charge_permission,
)
from amazonpay_api.api.charges import cancel_charge, capture_charge, create_charge, get_charge
from amazonpay_api.api.checkout_sessions import (
    complete_checkout_session,
    create_checkout_session,
    get_checkout_session,
    update_checkout_session,
)
from amazonpay_api.api.refunds import create_refund, get_refund
from amazonpay_api.models import (
    CancelChargeRequest,
    CaptureChargeRequest,
    Charge,
    ChargePermission,
    CheckoutSession,
    CloseChargePermissionRequest,
    CompleteCheckoutSessionRequest,
    CreateChargeRequest,
    CreateCheckoutSessionRequest,
    CreateRefundRequest,
    Refund,
    UpdateChargePermissionRequest,
    UpdateCheckoutSessionRequest,
)

STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"


def money(amount: str) -> dict[str, str]:
    """An amount in euros, as the API writes it."""
    return {"amount": amount, "currencyCode": "EUR"}


def recurring_checkout(amount: str) -> dict[str, Any]:
    """The body creating a Checkout Session for a Recurring permission of ``amount`` euros."""
    return {
        "webCheckoutDetails": {
            "checkoutReviewReturnUrl": "https://shop.example/review",
            "checkoutResultReturnUrl": "https://shop.example/result",
        },
        "storeId": STORE_ID,
        "chargePermissionType": "Recurring",
        "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": money(amount)},
    }


MONEY = money("10.00")
CHECKOUT_SESSION = {"checkoutSessionId": "CS-1", "statusDetails": {"state": "Open"}, "releaseEnvironment": "Sandbox"}
CHARGE = {
    "chargeId": "S02-1-C1",
    "chargePermissionId": "S02-1",
    "chargeAmount": MONEY,
    "statusDetails": {"state": "Authorized"},
    "releaseEnvironment": "Sandbox",
}
CHARGE_PERMISSION = {
    "chargePermissionId": "S02-1",
    "chargePermissionType": "OneTime",
    "statusDetails": {"state": "Chargeable"},
}
REFUND = {"refundId": "S02-1-R1", "chargeId": "S02-1-C1", "refundAmount": MONEY, "statusDetails": {"state": "Pending"}}

CREATE_CHARGE_BODY = {"chargePermissionId": "S02-1", "chargeAmount": MONEY}


@dataclass(frozen=True)
class Operation:
    """One API operation, called with minimal valid arguments."""

    resource: str  # attribute of the client: "charges"
    action: str  # its method: "create"
    module: ModuleType  # the generated operation
    method: str
    path: str  # below the base path
    status: int  # what the server double answers
    reply: dict[str, Any]
    model: type[Any]  # the parsed result's class
    ids: dict[str, str] = field(default_factory=dict)  # path ids, in call order
    body: dict[str, Any] | None = None
    body_model: type[Any] | None = None

    @property
    def name(self) -> str:
        return f"{self.resource}.{self.action}"

    @property
    def operation_id(self) -> str:
        """The spec's operationId, from the generated module's name (create_charge -> createCharge)."""
        first, *rest = self.module.__name__.rsplit(".", 1)[-1].split("_")
        return first + "".join(word.title() for word in rest)

    @property
    def is_post(self) -> bool:
        return self.method == "POST"

    def call(self, client: Any, **options: Any) -> Any:
        """Call the resource method (returns a coroutine on an async client)."""
        arguments = [*self.ids.values()] + ([self.body] if self.body is not None else [])
        return getattr(getattr(client, self.resource), self.action)(*arguments, **options)

    def api_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the generated function (``client=`` aside)."""
        kwargs: dict[str, Any] = dict(self.ids)
        if self.body is not None:
            assert self.body_model is not None
            kwargs["body"] = self.body_model.from_dict(self.body)
        return kwargs

    def answer(self, request_id: str = "req-ok-1") -> Callable[[httpx.Request], httpx.Response]:
        """A handler giving this operation's canned success response."""
        return lambda request: httpx.Response(
            self.status, json=self.reply, headers={"x-amz-pay-request-id": request_id}
        )

    def check_result(self, result: Any) -> None:
        assert isinstance(result, self.model), f"{self.name} returned {type(result).__name__}"
        assert result.to_dict() == json.loads(json.dumps(self.reply))


OPERATIONS = [
    Operation(
        "checkout_sessions",
        "create",
        create_checkout_session,
        "POST",
        "/checkoutSessions",
        201,
        CHECKOUT_SESSION,
        CheckoutSession,
        body={
            "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
            "storeId": STORE_ID,
        },
        body_model=CreateCheckoutSessionRequest,
    ),
    Operation(
        "checkout_sessions",
        "get",
        get_checkout_session,
        "GET",
        "/checkoutSessions/CS-1",
        200,
        CHECKOUT_SESSION,
        CheckoutSession,
        ids={"checkout_session_id": "CS-1"},
    ),
    Operation(
        "checkout_sessions",
        "update",
        update_checkout_session,
        "PATCH",
        "/checkoutSessions/CS-1",
        200,
        CHECKOUT_SESSION,
        CheckoutSession,
        ids={"checkout_session_id": "CS-1"},
        body={"webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"}},
        body_model=UpdateCheckoutSessionRequest,
    ),
    Operation(
        "checkout_sessions",
        "complete",
        complete_checkout_session,
        "POST",
        "/checkoutSessions/CS-1/complete",
        200,
        CHECKOUT_SESSION,
        CheckoutSession,
        ids={"checkout_session_id": "CS-1"},
        body={"chargeAmount": MONEY},
        body_model=CompleteCheckoutSessionRequest,
    ),
    Operation(
        "charges",
        "create",
        create_charge,
        "POST",
        "/charges",
        201,
        CHARGE,
        Charge,
        body=CREATE_CHARGE_BODY,
        body_model=CreateChargeRequest,
    ),
    Operation(
        "charges", "get", get_charge, "GET", "/charges/S02-1-C1", 200, CHARGE, Charge, ids={"charge_id": "S02-1-C1"}
    ),
    Operation(
        "charges",
        "capture",
        capture_charge,
        "POST",
        "/charges/S02-1-C1/capture",
        200,
        CHARGE,
        Charge,
        ids={"charge_id": "S02-1-C1"},
        body={"captureAmount": MONEY},
        body_model=CaptureChargeRequest,
    ),
    Operation(
        "charges",
        "cancel",
        cancel_charge,
        "DELETE",
        "/charges/S02-1-C1/cancel",
        200,
        CHARGE,
        Charge,
        ids={"charge_id": "S02-1-C1"},
        body={"cancellationReason": "Out of stock"},
        body_model=CancelChargeRequest,
    ),
    Operation(
        "charge_permissions",
        "get",
        get_charge_permission,
        "GET",
        "/chargePermissions/S02-1",
        200,
        CHARGE_PERMISSION,
        ChargePermission,
        ids={"charge_permission_id": "S02-1"},
    ),
    Operation(
        "charge_permissions",
        "update",
        update_charge_permission,
        "PATCH",
        "/chargePermissions/S02-1",
        200,
        CHARGE_PERMISSION,
        ChargePermission,
        ids={"charge_permission_id": "S02-1"},
        body={"merchantMetadata": {"merchantReferenceId": "order-1"}},
        body_model=UpdateChargePermissionRequest,
    ),
    Operation(
        "charge_permissions",
        "close",
        close_charge_permission,
        "DELETE",
        "/chargePermissions/S02-1/close",
        200,
        CHARGE_PERMISSION,
        ChargePermission,
        ids={"charge_permission_id": "S02-1"},
        body={"closureReason": "Subscription ended"},
        body_model=CloseChargePermissionRequest,
    ),
    Operation(
        "refunds",
        "create",
        create_refund,
        "POST",
        "/refunds",
        201,
        REFUND,
        Refund,
        body={"chargeId": "S02-1-C1", "refundAmount": MONEY},
        body_model=CreateRefundRequest,
    ),
    Operation(
        "refunds", "get", get_refund, "GET", "/refunds/S02-1-R1", 200, REFUND, Refund, ids={"refund_id": "S02-1-R1"}
    ),
]
BY_NAME = {operation.name: operation for operation in OPERATIONS}
BY_OPERATION_ID = {operation.operation_id: operation for operation in OPERATIONS}
POSTS = [operation for operation in OPERATIONS if operation.is_post]
NOT_POSTS = [operation for operation in OPERATIONS if not operation.is_post]
