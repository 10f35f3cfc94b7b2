from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checkout_session import CheckoutSession
from ...models.error_response import ErrorResponse
from ...models.finalize_checkout_session_request import FinalizeCheckoutSessionRequest
from ...types import Response


def _get_kwargs(
    checkout_session_id: str,
    *,
    body: FinalizeCheckoutSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/checkoutSessions/{checkout_session_id}/finalize".format(
            checkout_session_id=quote(str(checkout_session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheckoutSession | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CheckoutSession.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = CheckoutSession.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CheckoutSession | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    checkout_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FinalizeCheckoutSessionRequest,
) -> Response[CheckoutSession | ErrorResponse]:
    """Amazon Finalize Checkout Session

     Confirms the checkout of a Buy Now, Amazon Pay button (APB) or mobile-app flow, in place of Complete
    Checkout Session: chargeAmount must equal the session's paymentDetails.chargeAmount,
    totalOrderAmount and supplementaryData are required if the session has them, and shippingAddress
    (PayAndShip) or billingAddress (PayOnly) must match the address Amazon shared. Only a success
    response means paid; a session not finalized within 24 hours is canceled, with its authorization.
    Idempotency: the key is optional (the docs' request shows none and hyperswitch sends none for
    /finalize; the Node and PHP READMEs send one, .NET sends one on every POST). The amazonpay client
    sends one on every finalize, the same on each retry of a call, so a retry after a lost response is
    recognisably the same request. Sources: docs developer.amazon.com/docs/amazon-pay-buy-now-
    checkout/verify-and-complete-checkout.html and /docs/mobile-app/finalize-checkout-session.html; Node
    `src/client.js:229-236` and README "SPC - Finalize Checkout Session API"; PHP `Client.php:767-770`;
    Java `WebstoreClient.java:646-650`; Ruby `lib/amazon_pay/client.rb:170-171`; .NET
    `WebStore/CheckoutSession/FinalizeCheckoutSessionRequest.cs`; hyperswitch
    `crates/hyperswitch_connectors/src/connectors/amazonpay.rs`.

    Args:
        checkout_session_id (str):
        body (FinalizeCheckoutSessionRequest): What the merchant confirms: amounts and addresses
            must equal Amazon's copy of the Checkout Session (docs, Buy Now "Verify & complete
            checkout").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutSession | ErrorResponse]
    """

    kwargs = _get_kwargs(
        checkout_session_id=checkout_session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    checkout_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FinalizeCheckoutSessionRequest,
) -> CheckoutSession | ErrorResponse | None:
    """Amazon Finalize Checkout Session

     Confirms the checkout of a Buy Now, Amazon Pay button (APB) or mobile-app flow, in place of Complete
    Checkout Session: chargeAmount must equal the session's paymentDetails.chargeAmount,
    totalOrderAmount and supplementaryData are required if the session has them, and shippingAddress
    (PayAndShip) or billingAddress (PayOnly) must match the address Amazon shared. Only a success
    response means paid; a session not finalized within 24 hours is canceled, with its authorization.
    Idempotency: the key is optional (the docs' request shows none and hyperswitch sends none for
    /finalize; the Node and PHP READMEs send one, .NET sends one on every POST). The amazonpay client
    sends one on every finalize, the same on each retry of a call, so a retry after a lost response is
    recognisably the same request. Sources: docs developer.amazon.com/docs/amazon-pay-buy-now-
    checkout/verify-and-complete-checkout.html and /docs/mobile-app/finalize-checkout-session.html; Node
    `src/client.js:229-236` and README "SPC - Finalize Checkout Session API"; PHP `Client.php:767-770`;
    Java `WebstoreClient.java:646-650`; Ruby `lib/amazon_pay/client.rb:170-171`; .NET
    `WebStore/CheckoutSession/FinalizeCheckoutSessionRequest.cs`; hyperswitch
    `crates/hyperswitch_connectors/src/connectors/amazonpay.rs`.

    Args:
        checkout_session_id (str):
        body (FinalizeCheckoutSessionRequest): What the merchant confirms: amounts and addresses
            must equal Amazon's copy of the Checkout Session (docs, Buy Now "Verify & complete
            checkout").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutSession | ErrorResponse
    """

    return sync_detailed(
        checkout_session_id=checkout_session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    checkout_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FinalizeCheckoutSessionRequest,
) -> Response[CheckoutSession | ErrorResponse]:
    """Amazon Finalize Checkout Session

     Confirms the checkout of a Buy Now, Amazon Pay button (APB) or mobile-app flow, in place of Complete
    Checkout Session: chargeAmount must equal the session's paymentDetails.chargeAmount,
    totalOrderAmount and supplementaryData are required if the session has them, and shippingAddress
    (PayAndShip) or billingAddress (PayOnly) must match the address Amazon shared. Only a success
    response means paid; a session not finalized within 24 hours is canceled, with its authorization.
    Idempotency: the key is optional (the docs' request shows none and hyperswitch sends none for
    /finalize; the Node and PHP READMEs send one, .NET sends one on every POST). The amazonpay client
    sends one on every finalize, the same on each retry of a call, so a retry after a lost response is
    recognisably the same request. Sources: docs developer.amazon.com/docs/amazon-pay-buy-now-
    checkout/verify-and-complete-checkout.html and /docs/mobile-app/finalize-checkout-session.html; Node
    `src/client.js:229-236` and README "SPC - Finalize Checkout Session API"; PHP `Client.php:767-770`;
    Java `WebstoreClient.java:646-650`; Ruby `lib/amazon_pay/client.rb:170-171`; .NET
    `WebStore/CheckoutSession/FinalizeCheckoutSessionRequest.cs`; hyperswitch
    `crates/hyperswitch_connectors/src/connectors/amazonpay.rs`.

    Args:
        checkout_session_id (str):
        body (FinalizeCheckoutSessionRequest): What the merchant confirms: amounts and addresses
            must equal Amazon's copy of the Checkout Session (docs, Buy Now "Verify & complete
            checkout").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutSession | ErrorResponse]
    """

    kwargs = _get_kwargs(
        checkout_session_id=checkout_session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    checkout_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FinalizeCheckoutSessionRequest,
) -> CheckoutSession | ErrorResponse | None:
    """Amazon Finalize Checkout Session

     Confirms the checkout of a Buy Now, Amazon Pay button (APB) or mobile-app flow, in place of Complete
    Checkout Session: chargeAmount must equal the session's paymentDetails.chargeAmount,
    totalOrderAmount and supplementaryData are required if the session has them, and shippingAddress
    (PayAndShip) or billingAddress (PayOnly) must match the address Amazon shared. Only a success
    response means paid; a session not finalized within 24 hours is canceled, with its authorization.
    Idempotency: the key is optional (the docs' request shows none and hyperswitch sends none for
    /finalize; the Node and PHP READMEs send one, .NET sends one on every POST). The amazonpay client
    sends one on every finalize, the same on each retry of a call, so a retry after a lost response is
    recognisably the same request. Sources: docs developer.amazon.com/docs/amazon-pay-buy-now-
    checkout/verify-and-complete-checkout.html and /docs/mobile-app/finalize-checkout-session.html; Node
    `src/client.js:229-236` and README "SPC - Finalize Checkout Session API"; PHP `Client.php:767-770`;
    Java `WebstoreClient.java:646-650`; Ruby `lib/amazon_pay/client.rb:170-171`; .NET
    `WebStore/CheckoutSession/FinalizeCheckoutSessionRequest.cs`; hyperswitch
    `crates/hyperswitch_connectors/src/connectors/amazonpay.rs`.

    Args:
        checkout_session_id (str):
        body (FinalizeCheckoutSessionRequest): What the merchant confirms: amounts and addresses
            must equal Amazon's copy of the Checkout Session (docs, Buy Now "Verify & complete
            checkout").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutSession | ErrorResponse
    """

    return (
        await asyncio_detailed(
            checkout_session_id=checkout_session_id,
            client=client,
            body=body,
        )
    ).parsed
