r"""The Amazon Pay button's click: its options checked, its payload's signature verified.

The button sends what ``amazon.Pay.renderButton`` / ``initCheckout`` were given (docs
amazon-pay-checkout/amazon-pay-script.html): merchantId, ledgerCurrency, productType, placement,
buttonColor, checkoutLanguage, estimatedOrderAmount, sandbox and createCheckoutSessionConfig
(payloadJSON, signature, publicKeyId, algorithm). The signature is checked before anything is
made from the payload: RSASSA-PSS over ``ALGORITHM + "\n" + hex(SHA-256(payloadJSON))``, the
exact string the browser received (facts sheet, "Button signature"), with the public key
registered for publicKeyId. ``algorithm`` defaults to ``AMZN-PAY-RSASSA-PSS``: the button config
must name the V2 algorithm to use it (facts sheet, "Button signature").

A refusal is what the live button shows on Amazon's error page: an error code and message
(``Error Code: InvalidSignatureError`` / ``Error Message: Signature ... does not match
signedString AMZN-PAY-RSASSA-PSS <hex> for merchant ...``, as quoted in amzn/amazon-pay-api-sdk-dotnet
issue 12; the signature itself is not echoed here: it is a secret of the merchant's page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from cryptography.hazmat.primitives.asymmetric import rsa

from ._canonical import string_to_sign
from ._errors import PageError, Reason
from ._verify import SALT_LENGTHS, is_environment_specific, verifies

#: ledgerCurrency's supported values and the region each belongs to (docs amazon-pay-script.html:
#: US merchants USD, EU merchants EUR, UK merchants GBP, JP merchants JPY).
LEDGER_REGIONS: Final[Mapping[str, str]] = {"USD": "na", "EUR": "eu", "GBP": "eu", "JPY": "jp"}
#: productType values that start a checkout (docs amazon-pay-script.html; SignIn is Amazon Sign-in,
#: which the simulator does not play).
PRODUCT_TYPES: Final = ("PayAndShip", "PayOnly")
PLACEMENTS: Final = ("Home", "Product", "Cart", "Checkout", "Other")  # docs amazon-pay-script.html
DEFAULT_ALGORITHM: Final = "AMZN-PAY-RSASSA-PSS"
REQUIRED: Final = ("merchantId", "ledgerCurrency", "placement", "payloadJSON", "signature", "publicKeyId")
#: A page a browser can be sent back to: an http(s) URL as ``window.location.href`` serializes it
#: (printable ASCII, no space). buttonPage is not signed: a click may carry anything, and it
#: becomes a Location header (a CRLF in it would add headers of the sender's choosing).
_PAGE: Final = re.compile(r"https?://[!-~]{1,2048}", re.IGNORECASE)


@dataclass(frozen=True)
class ButtonClick:
    """A click whose options hold together and whose payload is signed by the merchant's key."""

    merchant_id: str
    region: str
    product_type: str
    payload: str  # payloadJSON, as signed (its JSON is read by the Create Checkout Session rules)
    button_page: str | None  # where the button was: a cancel without checkoutCancelUrl returns there


def read_click(form: Mapping[str, str], public_key: Callable[[str], rsa.RSAPublicKey | None]) -> ButtonClick:
    """Check the button's options and signature, in the order a misconfigured button fails."""
    missing = [name for name in REQUIRED if not form.get(name)]
    if missing:
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"Missing field {missing[0]} in the options of amazon.Pay.renderButton / initCheckout "
            "(createCheckoutSessionConfig holds payloadJSON, signature and publicKeyId).",
        )
    currency = form["ledgerCurrency"]
    if currency not in LEDGER_REGIONS:
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"ledgerCurrency {currency[:16]!r} is not one of {', '.join(LEDGER_REGIONS)}.",
        )
    product_type = form.get("productType") or "PayAndShip"  # the documented default
    if product_type not in PRODUCT_TYPES:
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"productType {product_type[:16]!r} does not start a checkout; use one of {', '.join(PRODUCT_TYPES)}.",
        )
    if form["placement"] not in PLACEMENTS:
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"placement {form['placement'][:16]!r} is not one of {', '.join(PLACEMENTS)}.",
        )
    key_id = form["publicKeyId"]
    if not is_environment_specific(key_id) and form.get("sandbox") != "true":
        # A legacy key id (no SANDBOX-/LIVE- prefix) names no environment: the button's sandbox option does.
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"publicKeyId {key_id[:40]} has no SANDBOX- prefix and the button is not set to sandbox: true, so it "
            "would start a live checkout; the simulator plays the sandbox only.",
        )
    algorithm = form.get("algorithm") or DEFAULT_ALGORITHM
    if algorithm not in SALT_LENGTHS:
        raise PageError(
            400,
            Reason.InvalidParameterValue.code,
            f"algorithm {algorithm[:32]!r} is not one of {', '.join(SALT_LENGTHS)}.",
        )
    key = public_key(key_id)
    if key is None:
        raise PageError(400, Reason.InvalidParameterValue.code, f"Unknown publicKeyId {key_id[:40]}.")
    signed = string_to_sign(algorithm, form["payloadJSON"])
    if not verifies(key, algorithm, signed, form["signature"]):
        raise PageError(
            400,
            "InvalidSignatureError",
            f"Signature does not match signedString {signed.replace(chr(10), ' ')} for merchant "
            f"{form['merchantId'][:40]}. Sign the exact payloadJSON string the button is given, with the "
            f"private key of {key_id[:40]}, and name the algorithm you signed with ({algorithm}).",
        )
    return ButtonClick(
        merchant_id=form["merchantId"],
        region=LEDGER_REGIONS[currency],
        product_type=product_type,
        payload=form["payloadJSON"],
        # about:blank (a test's page.set_content) or a forged value: no page to return to.
        button_page=page if _PAGE.fullmatch(page := form.get("buttonPage", "")) else None,
    )
