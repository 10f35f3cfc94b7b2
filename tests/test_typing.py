"""User code type-checked with mypy: a misspelt request field, value or state is reported (issue 21).

The request bodies are ``TypedDict``s (``amazonpay_api.params``) and the documented states and
reason codes enumerations, all generated from the effective spec. mypy runs once, as a user
would (``--strict``, against the installed package), over code written the way users write
it: ``docs/typing.md``'s code blocks and the mistakes below. A line ending ``# error: <text>``
must get a mypy error containing that text, and no other line may get one. The same page's
code then runs against the simulator, and an answer with values this client does not know
still parses.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from amazonpay import AmazonPay
from amazonpay.testing import AmazonPaySandbox
from amazonpay_api.models import (
    Charge,
    ChargeReasonCode,
    ChargeState,
    CheckoutSession,
    ProductType,
    Refund,
    RefundState,
)

PAGE = Path(__file__).resolve().parent.parent / "docs" / "typing.md"
STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"
EXPECTED = re.compile(r"# error: (.+)$")
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)

#: What a user meets, each mistake once: the brief's misspelt field in the call and a
#: misspelt state; a wrong type inside a nested object; a value outside an enumeration; a
#: field of a frozen configuration class changed in place.
MISTAKES = """
from amazonpay import AmazonPay
from amazonpay_api.models import ChargeState, Refund, RefundState
from amazonpay_api.params import CaptureChargeParams, PriceParam


def refund(pay: AmazonPay, charge_id: str, amount: PriceParam) -> Refund:
    return pay.refunds.create({"chargeID": charge_id, "refundAmount": amount})  # error: Argument 1 to "create"


def capture(pay: AmazonPay, charge_id: str) -> None:
    body: CaptureChargeParams = {"captureAmount": {"amount": 14, "currencyCode": "EUR"}}  # error: has type "str"
    pay.charges.capture(charge_id, body)


def settled(refund: Refund) -> bool:
    match refund.status_details.state:
        case RefundState.Refuned:  # error: has no attribute "Refuned"
            return True
    return refund.status_details.state is ChargeState.CAPTURED  # error: Non-overlapping identity check


def move(pay: AmazonPay) -> None:
    pay.endpoint.base_url = "https://elsewhere.example/v2"  # error: is read-only
"""

#: The same calls written correctly: mypy finds nothing.
CORRECT = """
import dataclasses

from amazonpay import AmazonPay, RetryPolicy
from amazonpay_api.models import CaptureChargeRequest, ChargeState, PriceInput, Refund, RefundState
from amazonpay_api.params import CaptureChargeParams


def refund(pay: AmazonPay, charge_id: str) -> Refund:
    return pay.refunds.create({"chargeId": charge_id, "refundAmount": {"amount": "1.00", "currencyCode": "EUR"}})


def capture(pay: AmazonPay, charge_id: str) -> ChargeState:
    body: CaptureChargeParams = {"captureAmount": {"amount": "14.00", "currencyCode": "EUR"}, "softDescriptor": "SHOP"}
    pay.charges.capture(charge_id, body)
    model = CaptureChargeRequest(capture_amount=PriceInput(amount="14.00", currency_code="EUR"))
    return pay.charges.capture(charge_id, model).status_details.state


def settled(refund: Refund) -> bool:
    return refund.status_details.state in (RefundState.REFUNDED, RefundState.DECLINED)


def patient() -> RetryPolicy:
    return dataclasses.replace(RetryPolicy(), max_retries=5)
"""


def page_blocks() -> list[str]:
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert blocks, f"no python code block in {PAGE}"
    return blocks


def expected_errors(source: str) -> dict[int, str]:
    """Line number -> the text its mypy error must contain."""
    return {n: m[1] for n, line in enumerate(source.splitlines(), 1) if (m := EXPECTED.search(line))}


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[int, list[str]]]:
    """One mypy run over the page's code, the mistakes and the correct code: file -> line -> messages."""
    folder = tmp_path_factory.mktemp("user-code")
    sources = {"page.py": "\n".join(page_blocks()), "mistakes.py": MISTAKES, "correct.py": CORRECT}
    for name, source in sources.items():
        (folder / name).write_text(source, encoding="utf-8")
    (folder / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")  # none of the repository's settings
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--strict", "--cache-dir", "/dev/null",
         "--no-error-summary", "--show-column-numbers", *sources],
        cwd=folder, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stdout + done.stderr
    found: dict[str, dict[int, list[str]]] = {name: {} for name in sources}
    for line in done.stdout.splitlines():
        hit = re.match(r"(\w+\.py):(\d+):\d+: error: (.*)", line)
        if hit:
            found[hit[1]].setdefault(int(hit[2]), []).append(hit[3])
    return found


def check(errors: dict[int, list[str]], source: str) -> None:
    expected = expected_errors(source)
    assert set(errors) == set(expected), f"errors on lines {sorted(errors)}, expected on {sorted(expected)}: {errors}"
    for line, text in expected.items():
        assert any(text in message for message in errors[line]), f"line {line}: {errors[line]} lacks {text!r}"


def test_mypy_reports_a_misspelt_request_field_and_a_misspelt_state(
    mypy_errors: dict[str, dict[int, list[str]]],
) -> None:
    assert len(expected_errors(MISTAKES)) == 5
    check(mypy_errors["mistakes.py"], MISTAKES)


def test_correct_user_code_type_checks_clean(mypy_errors: dict[str, dict[int, list[str]]]) -> None:
    assert mypy_errors["correct.py"] == {}


def test_the_typing_page_shows_what_mypy_reports(mypy_errors: dict[str, dict[int, list[str]]]) -> None:
    source = "\n".join(page_blocks())
    assert len(expected_errors(source)) >= 4, "the page shows the mistakes mypy catches"
    check(mypy_errors["page.py"], source)


def page_namespace() -> dict[str, Any]:
    """The page's code blocks that type-check clean, run: the functions they define."""
    namespace: dict[str, Any] = {}
    for block in page_blocks():
        if not expected_errors(block):
            exec(compile(block, str(PAGE), "exec"), namespace)  # noqa: S102 - the documentation's own code
    return namespace


def test_the_typing_page_runs_against_the_simulator(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    page = page_namespace()
    session = amazon_pay.checkout_sessions.create(page["checkout_body"](STORE_ID))
    amazon_pay_sandbox.approve(session.checkout_session_id)
    price = {"amount": "14.00", "currencyCode": "EUR"}
    amazon_pay.checkout_sessions.update(
        session.checkout_session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
            "paymentDetails": {"chargeAmount": price},
        },
    )
    done = amazon_pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": price})
    assert isinstance(done.charge_id, str)
    assert amazon_pay.charges.get(done.charge_id).status_details.state is ChargeState.CAPTURED

    refund = page["refund"](amazon_pay, done.charge_id, {"amount": "4.00", "currencyCode": "EUR"})
    assert refund.status_details.state is RefundState.REFUNDINITIATED
    assert page["describe"](refund) == "pending"
    settled = amazon_pay.refunds.wait(refund.refund_id, sleep=amazon_pay_sandbox.sleep)
    assert page["describe"](settled) == "refunded"


def test_values_amazon_adds_later_are_read() -> None:
    refund = Refund.from_dict(
        {"refundId": "S02-1-R1", "chargeId": "S02-1-C1", "statusDetails": {"state": "Reversed", "reasonCode": "New"}}
    )
    state = refund.status_details.state
    assert state == "Reversed"
    assert isinstance(state, RefundState)
    assert state not in list(RefundState)
    assert page_namespace()["describe"](refund) == "unknown state Reversed"
    assert refund.to_dict()["statusDetails"] == {"state": "Reversed", "reasonCode": "New"}

    body: dict[str, Any] = {
        "chargeId": "S02-1-C1",
        "chargePermissionId": "S02-1",
        "statusDetails": {"state": "Paused", "reasonCode": "BuyerAsked"},
    }
    charge = Charge.from_dict(body)
    assert (charge.status_details.state, charge.status_details.reason_code) == ("Paused", "BuyerAsked")
    assert isinstance(charge.status_details.reason_code, ChargeReasonCode)
    assert charge.to_dict() == body
    session = CheckoutSession.from_dict(
        {"checkoutSessionId": "s", "statusDetails": {"state": "Open"}, "productType": "SignIn"}
    )
    assert session.product_type == "SignIn"
    assert isinstance(session.product_type, ProductType)


def test_the_params_are_not_imported_by_the_client() -> None:
    code = "import sys, amazonpay, amazonpay_api.resources.refunds; print('amazonpay_api.params' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False"
