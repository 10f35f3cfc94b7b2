"""The signer: canonicalisation against the published vectors, PSS salts, the button payload.

Signatures are randomised (PSS): they are verified with the public key, never compared.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.exceptions import InvalidSignature

from amazonpay import AmazonPay
from amazonpay._signing import (
    authorization_header,
    canonical_request,
    signed_header_names,
    string_to_sign,
)
from tests.support.independent_signing import canonical, pss_verify, to_sign, verify_request

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import Recorder

ALGORITHMS = ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"]
OTHER_SALT = {"AMZN-PAY-RSASSA-PSS": 32, "AMZN-PAY-RSASSA-PSS-V2": 20}
# The Java SDK's published canonicalisation vectors, copied byte for byte from the facts sheet's folder
# so that they run on any clone; the first test below keeps the copy identical to the shared one.
VECTORS_FILE = Path(__file__).parent / "support" / "signing-vectors.json"
SHARED_VECTORS_FILE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "signing-vectors.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
CASES = [pytest.param(case, id=case["name"]) for case in VECTORS["cases"]]
VECTOR_HEADERS: dict[str, str] = VECTORS["signed_headers"]

# The official documentation's example (facts sheet, section 1); its body is not shown.
DOCS_CANONICAL = """POST
/live/v2/checkoutSessions

accept:application/json
content-type:application/json
x-amz-pay-date:20190923T231908Z
x-amz-pay-host:pay-api.amazon.com
x-amz-pay-idempotency-key:cllHyiNvS8cJ8Zas
x-amz-pay-region:na

accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region
0b6c19dc5bc1883ebd68d3c77ee929922c6b4a59e0a506d96c45e0c024c3295b"""
DOCS_HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20190923T231908Z",
    "x-amz-pay-host": "pay-api.amazon.com",
    "x-amz-pay-idempotency-key": "cllHyiNvS8cJ8Zas",
    "x-amz-pay-region": "na",
}
DOCS_STRING_TO_SIGN_HASH = "885ced931e2840596c11e2429c0e32f5e2521b95cf90f886374d4171788e9c81"

BUTTON_PAYLOAD = (
    '{"storeId":"amzn1.application-oa2-client.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","webCheckoutDetails":'
    '{"checkoutReviewReturnUrl":"https://localhost/test/CheckoutReview.php",'
    '"checkoutResultReturnUrl":"https://localhost/test/CheckoutResult.php"}}'
)
BUTTON_STRING_TO_SIGN = "AMZN-PAY-RSASSA-PSS\n8dec52d799607be40f82d5c8e7ecb6c171e6591c41b1111a576b16076c89381c"


def _library_canonical(case: dict[str, Any]) -> str:
    headers = {name.lower(): value for name, value in VECTOR_HEADERS.items()}
    return canonical_request(
        case["method"],
        case["path"],
        [tuple(pair) for pair in case["query"]],
        headers,
        case["payload"].encode("utf-8"),
        signed_header_names(headers),
    )


def test_the_vectors_are_the_shared_reference_copy() -> None:
    if not SHARED_VECTORS_FILE.exists():
        pytest.skip(f"the shared reference copy is absent ({SHARED_VECTORS_FILE}); nothing to compare with")
    assert VECTORS_FILE.read_bytes() == SHARED_VECTORS_FILE.read_bytes(), (
        "copy ../shared/reference/signing-vectors.json"
    )


# --- the library's canonicaliser against the published vectors ----------------------------
@pytest.mark.parametrize("case", CASES)
def test_canonical_request_matches_the_vector(case: dict[str, Any]) -> None:
    assert _library_canonical(case) == case["canonical_request"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("case", CASES)
def test_string_to_sign_matches_the_vector(case: dict[str, Any], algorithm: Any) -> None:
    assert string_to_sign(algorithm, _library_canonical(case)) == case["string_to_sign"][algorithm]


def test_the_docs_example_string_to_sign() -> None:
    assert string_to_sign("AMZN-PAY-RSASSA-PSS", DOCS_CANONICAL) == f"AMZN-PAY-RSASSA-PSS\n{DOCS_STRING_TO_SIGN_HASH}"


def test_the_docs_example_canonical_request() -> None:
    """All but the payload hash (the docs do not show the body) is rebuilt from the headers."""
    body = b'{"storeId":"amzn1.application-oa2-client.example"}'
    built = canonical_request(
        "post", "/live/v2/checkoutSessions", [], DOCS_HEADERS, body, signed_header_names(DOCS_HEADERS)
    )
    expected_head, _docs_hash = DOCS_CANONICAL.rsplit("\n", 1)
    assert built == f"{expected_head}\n{hashlib.sha256(body).hexdigest()}"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("", "/"),
        ("charges", "/charges"),
        ("//v2///charges//C1", "/v2/charges/C1"),
        ("/v2/./charges/../C1", "/v2/./charges/../C1"),  # no dot-segment removal
        ("/v2/charges/S02 1+ü", "/v2/charges/S02%201%2B%C3%BC"),
    ],
)
def test_canonical_uri_rules(path: str, uri: str) -> None:
    headers = {"accept": "application/json"}
    for implementation in (canonical_request, canonical):
        assert implementation("GET", path, [], headers, b"", ["accept"]).split("\n")[1] == uri


def test_header_values_are_trimmed_and_inner_whitespace_collapsed() -> None:
    headers = {"accept": "  application/json  ", "x-amz-pay-simulation-code": "Soft \t  Declined"}
    text = canonical_request("GET", "/", [], headers, b"", sorted(headers))
    assert "accept:application/json\nx-amz-pay-simulation-code:Soft Declined\n" in text


def test_an_empty_body_hashes_the_empty_string() -> None:
    text = canonical_request("GET", "/", [], {"accept": "a"}, b"", ["accept"])
    assert text.endswith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


def test_signed_header_names_add_every_x_amz_pay_header_but_never_user_agent() -> None:
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "User-Agent": "amazonpay-python",
        "X-Amz-Pay-Date": "20190923T231908Z",
        "x-amz-pay-host": "pay-api.amazon.com",
        "x-amz-pay-region": "na",
        "x-amz-pay-simulation-code": "SoftDeclined",
        "x-amz-pay-authtoken": "token",
        "x-other": "1",
    }
    assert signed_header_names(headers) == [
        "accept",
        "content-type",
        "x-amz-pay-authtoken",
        "x-amz-pay-date",
        "x-amz-pay-host",
        "x-amz-pay-region",
        "x-amz-pay-simulation-code",
    ]


# --- the independent canonicaliser the other tests verify with: held to the same vectors ---
@pytest.mark.parametrize("case", CASES)
def test_the_independent_canonicaliser_matches_the_vectors(case: dict[str, Any]) -> None:
    headers = {name.lower(): value for name, value in VECTOR_HEADERS.items()}
    text = canonical(
        case["method"],
        case["path"],
        [tuple(p) for p in case["query"]],
        headers,
        case["payload"].encode(),
        sorted(headers),
    )
    assert text == case["canonical_request"]
    for algorithm in ALGORITHMS:
        assert to_sign(algorithm, text) == case["string_to_sign"][algorithm]
    assert to_sign("AMZN-PAY-RSASSA-PSS", DOCS_CANONICAL).endswith(DOCS_STRING_TO_SIGN_HASH)


# --- the authorization header --------------------------------------------------------------
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_authorization_header_verifies_with_the_algorithms_salt(
    rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey, algorithm: Any
) -> None:
    headers = {**DOCS_HEADERS, "user-agent": "amazonpay-python/0.1.0"}
    body = b'{"storeId":"amzn1.application-oa2-client.example"}'
    value = authorization_header(
        method="POST",
        path="/live/v2/checkoutSessions",
        query=[],
        headers=headers,
        body=body,
        key=rsa_key,
        public_key_id="AHEXAMPLE",
        algorithm=algorithm,
    )
    assert value.startswith(
        f"{algorithm} PublicKeyId=AHEXAMPLE, SignedHeaders="
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region, Signature="
    )
    verified = verify_request(
        public_key,
        "POST",
        "https://pay-api.amazon.com/live/v2/checkoutSessions",
        headers | {"authorization": value},
        body,
    )
    assert verified.algorithm == algorithm
    with pytest.raises(InvalidSignature):  # the other algorithm's salt length does not verify
        pss_verify(public_key, OTHER_SALT[algorithm], verified.string_to_sign, verified.signature)
    with pytest.raises(InvalidSignature):  # nor does a different body
        verify_request(
            public_key,
            "POST",
            "https://pay-api.amazon.com/live/v2/checkoutSessions",
            headers | {"authorization": value},
            body + b" ",
        )


# --- the button payload ---------------------------------------------------------------------
def test_the_button_vector_string_to_sign() -> None:
    assert string_to_sign("AMZN-PAY-RSASSA-PSS", BUTTON_PAYLOAD) == BUTTON_STRING_TO_SIGN


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_dict_payload_is_signed_as_compact_json_with_non_ascii_kept(
    rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey, transport: Recorder, algorithm: Any
) -> None:
    payload = {
        "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review?a=1&b=/x"},
        "storeId": "amzn1.application-oa2-client.0123456789abcdef",
        "merchantMetadata": {"merchantStoreName": "Café Zürich", "noteToBuyer": "Danke schön"},
    }
    with AmazonPay(
        public_key_id="SANDBOX-AE1", private_key=rsa_key, region="eu", algorithm=algorithm, transport=transport
    ) as pay:
        text, signature = pay.sign_button_payload(payload)
    assert pay.algorithm == algorithm
    assert text == json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    assert "Café Zürich" in text
    assert "\\u" not in text
    assert "\\/" not in text
    assert ", " not in text
    assert ": " not in text
    pss_verify(public_key, 20 if algorithm == "AMZN-PAY-RSASSA-PSS" else 32, to_sign(algorithm, text), signature)
    assert transport.sent == []


def test_a_str_payload_is_signed_byte_for_byte(rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey) -> None:
    payload = BUTTON_PAYLOAD.replace('"storeId":', '"storeId" :  ').replace("/test/", "\\/test\\/")
    with AmazonPay(public_key_id="AHLEGACY", private_key=rsa_key, region="us", sandbox=True) as pay:
        text, signature = pay.sign_button_payload(payload)
    assert text == payload
    pss_verify(public_key, 32, to_sign("AMZN-PAY-RSASSA-PSS-V2", payload), signature)
    with pytest.raises(InvalidSignature):  # what was signed is the str as given, not a re-encoding
        pss_verify(public_key, 32, to_sign("AMZN-PAY-RSASSA-PSS-V2", json.dumps(json.loads(payload))), signature)


def test_the_button_vector_payload_verifies_with_salt_20(
    rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey
) -> None:
    with AmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", algorithm="AMZN-PAY-RSASSA-PSS") as pay:
        text, signature = pay.sign_button_payload(BUTTON_PAYLOAD)
    assert text == BUTTON_PAYLOAD
    pss_verify(public_key, 20, BUTTON_STRING_TO_SIGN, signature)
