"""What no sequence of documented calls may make the simulator accept (issue 18's flows).

A hypothesis state machine drives one-time, Recurring and Saved Wallet checkouts (a new wallet,
a setup-only one, and returning buyers who check out with their saved wallet) through the public
client: it creates, updates, approves and completes sessions and creates charges, in any order,
with amounts in two currencies. Refusals are fine; what is accepted must keep the ledger whole:

- a Charge Permission holds one currency (its ``presentmentCurrency``): its limits and every
  charge made on it, at checkout or by Create Charge, are in it (Create Charge refuses another
  with CurrencyMismatch, so checkout must not slip one in);
- a Checkout Session's ``presentmentCurrency`` is its chargeAmount's currency (docs
  amazon-pay-checkout/multi-currency-integration.html: setting chargeAmount.currencyCode "will
  also automatically update the presentmentCurrency");
- a completed session's ``chargePermissionType`` is the type of the permission it points at.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from amazonpay import AmazonPay, APIStatusError
from amazonpay.testing import AmazonPaySandbox
from tests.test_sandbox_extensions import Checked, money

STORE_ID = "amzn1.application-oa2-client.invariants"
URLS = {"checkoutReviewReturnUrl": "https://shop.example/review", "checkoutResultReturnUrl": "https://shop.example/r"}
MONTHLY = {"frequency": {"unit": "Month", "value": "1"}}
CURRENCIES = st.sampled_from(["USD", "EUR"])
AMOUNTS = st.sampled_from(["5.00", "20.00"])
KINDS = st.sampled_from(["OneTime", "Recurring", "PaymentMethodOnFile", "setup", "saved"])


class Flows(RuleBasedStateMachine):
    """Checkouts and charges in any order; see the module's docstring for what must hold."""

    sessions = Bundle("sessions")
    permissions = Bundle("permissions")

    def __init__(self) -> None:
        super().__init__()
        self.sandbox = AmazonPaySandbox()
        key_id, pem = self.sandbox.create_key()
        self.pay = AmazonPay(public_key_id=key_id, private_key=pem, region="na", transport=Checked(self.sandbox))
        self.wallets: list[str] = []
        self.charges: dict[str, list[str]] = {}  # permission id -> the ids of the charges made on it

    def teardown(self) -> None:
        self.pay.close()

    @rule(target=sessions, kind=KINDS, currency=CURRENCIES, presentment=st.none() | CURRENCIES, amount=AMOUNTS)
    def create(self, kind: str, currency: str, presentment: str | None, amount: str) -> str:
        details: dict[str, Any] = {"paymentIntent": "Authorize", "chargeAmount": money(amount, currency)}
        if presentment is not None:
            details["presentmentCurrency"] = presentment
        body: dict[str, Any] = {"webCheckoutDetails": URLS, "storeId": STORE_ID, "paymentDetails": details}
        if kind == "Recurring":
            body.update(chargePermissionType="Recurring", recurringMetadata=MONTHLY)
        elif kind == "setup":
            body.update(chargePermissionType="PaymentMethodOnFile", paymentMethodOnFileMetadata={"setupOnly": True})
            body["paymentDetails"] = {
                "paymentIntent": "Confirm",
                **({"presentmentCurrency": presentment} if presentment else {}),
            }
        elif kind in ("PaymentMethodOnFile", "saved"):
            body["chargePermissionType"] = "PaymentMethodOnFile"
            if kind == "saved" and self.wallets:
                body["chargePermissionId"] = self.wallets[-1]
        try:
            session_id: str = self.pay.checkout_sessions.create(body).checkout_session_id
        except APIStatusError:
            return ""
        self.sandbox.approve(session_id)
        return session_id

    @rule(
        session=sessions,
        change=st.sampled_from(["amount", "presentment", "OneTime", "Recurring", "PaymentMethodOnFile"]),
        currency=CURRENCIES,
    )
    def update(self, session: str, change: str, currency: str) -> None:
        if not session:
            return
        body: dict[str, Any]
        if change == "amount":
            body = {"paymentDetails": {"chargeAmount": money("7.00", currency)}}
        elif change == "presentment":
            body = {"paymentDetails": {"presentmentCurrency": currency}}
        else:
            body = {"chargePermissionType": change, **({"recurringMetadata": MONTHLY} if change == "Recurring" else {})}
        with contextlib.suppress(APIStatusError):
            self.pay.checkout_sessions.update(session, body)

    @rule(target=permissions, session=consumes(sessions))
    def complete(self, session: str) -> str:
        if not session:
            return ""
        current = self.pay.checkout_sessions.get(session).to_dict()
        charge_amount = (current.get("paymentDetails") or {}).get("chargeAmount")
        try:
            done = self.pay.checkout_sessions.complete(
                session, {} if charge_amount is None else {"chargeAmount": charge_amount}
            )
        except APIStatusError:
            return ""
        permission_id = done.charge_permission_id
        assert isinstance(permission_id, str)
        if done.charge_id:
            self.charges.setdefault(permission_id, []).append(done.charge_id)
        permission = self.pay.charge_permissions.get(permission_id)
        kinds = (done.charge_permission_type, permission.charge_permission_type)
        assert kinds[0] == kinds[1], f"session {session} completed as {kinds[0]} onto a {kinds[1]} permission"
        if permission.charge_permission_type == "PaymentMethodOnFile" and permission_id not in self.wallets:
            self.wallets.append(permission_id)
        self.charges.setdefault(permission_id, [])
        return permission_id

    @rule(permission=permissions, currency=CURRENCIES, amount=AMOUNTS)
    def charge(self, permission: str, currency: str, amount: str) -> None:
        if not permission:
            return
        body = {"chargePermissionId": permission, "chargeAmount": money(amount, currency), "chargeInitiator": "MITU"}
        with contextlib.suppress(APIStatusError):
            self.charges[permission].append(self.pay.charges.create(body).charge_id)

    @invariant()
    def one_currency_per_permission(self) -> None:
        for permission_id, charge_ids in self.charges.items():
            permission = self.pay.charge_permissions.get(permission_id).to_dict()
            currency = permission["presentmentCurrency"]
            limits = [value["currencyCode"] for value in permission["limits"].values() if value is not None]
            charged = [self.pay.charges.get(charge_id).charge_amount.currency_code for charge_id in charge_ids]
            assert set(limits + charged) <= {currency}, (
                f"{permission_id} in {currency}: limits {limits}, charges {charged}"
            )


def test_no_sequence_of_calls_mixes_currencies_or_types() -> None:
    run = Flows.TestCase
    run.settings = settings(
        max_examples=25, stateful_step_count=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    run().runTest()


@pytest.mark.parametrize("presentment", ["EUR", None])
def test_a_session_presents_its_charge_amount_currency(presentment: str | None) -> None:
    # multi-currency-integration.html: a chargeAmount in another currency updates presentmentCurrency.
    flows = Flows()
    try:
        session = flows.create("OneTime", "EUR", presentment, "5.00")
        flows.pay.checkout_sessions.update(session, {"paymentDetails": {"chargeAmount": money("7.00", "USD")}})
        details = flows.pay.checkout_sessions.get(session).payment_details
        assert (details.presentment_currency, details.charge_amount.currency_code) == ("USD", "USD")
    finally:
        flows.teardown()
