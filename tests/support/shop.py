"""A shop integrated through the public client against the simulator, for tests of what settles later."""

from __future__ import annotations

from typing import Any

from amazonpay import AmazonPay, AsyncAmazonPay
from amazonpay.pytest_plugin import client_options
from amazonpay.testing import AmazonPaySandbox
from tests.support.operations import MONTHLY, STORE_ID, money


class Shop:
    """A sandbox, a key it knows, and clients (sync, async) whose signing clock is the sandbox's."""

    def __init__(self, sandbox: AmazonPaySandbox | None = None) -> None:
        self.sandbox = sandbox or AmazonPaySandbox()
        self._options = client_options(self.sandbox)  # wired as the pytest plugin's amazon_pay
        self.pay = AmazonPay(**self._options)

    def async_client(self) -> AsyncAmazonPay:
        """A new async client of the same shop (use it in ``async with``)."""
        return AsyncAmazonPay(**self._options)

    def checkout(
        self,
        amount: str = "10.00",
        intent: str = "Authorize",
        *,
        pending: bool = False,
        permission_type: str = "OneTime",
    ) -> Any:
        """A completed Checkout Session (with its charge unless ``intent`` is Confirm)."""
        session = self.pay.checkout_sessions.create(
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
                "storeId": STORE_ID,
                "chargePermissionType": permission_type,
                **({"recurringMetadata": MONTHLY} if permission_type == "Recurring" else {}),
            }
        )
        session_id = session.checkout_session_id
        self.sandbox.approve(session_id)
        self.pay.checkout_sessions.update(
            session_id,
            {
                "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
                "paymentDetails": {
                    "paymentIntent": intent,
                    "chargeAmount": money(amount),
                    "canHandlePendingAuthorization": pending,
                },
            },
        )
        return self.pay.checkout_sessions.complete(session_id, {"chargeAmount": money(amount)})

    def captured_charge(self, amount: str = "10.00") -> Any:
        """A Captured charge of ``amount`` euros."""
        charge_id = self.checkout(amount, "AuthorizeWithCapture").charge_id
        charge = self.pay.charges.get(charge_id)
        assert charge.status_details.state == "Captured"
        return charge

    def refund(self, amount: str = "1.00", *, simulation_code: str | None = None) -> Any:
        """A refund of ``amount`` euros on a new captured charge, as created (RefundInitiated)."""
        charge = self.captured_charge("10.00")
        options = {"simulation_code": simulation_code} if simulation_code else {}
        return self.pay.refunds.create({"chargeId": charge.charge_id, "refundAmount": money(amount)}, **options)
