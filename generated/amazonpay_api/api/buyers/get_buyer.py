from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.buyer import Buyer
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    buyer_token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/buyers/{buyer_token}".format(
            buyer_token=quote(str(buyer_token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Buyer | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = Buyer.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[Buyer | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    buyer_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Buyer | ErrorResponse]:
    """Amazon Get Buyer

     The buyer's profile after Amazon Sign-in, before checkout starts: buyerToken arrives as a query
    parameter on the signInReturnUrl; the fields returned follow the signInScopes of the button. Once
    checkout has started, use Get Checkout Session or Get Charge Permission instead. Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/buyer.html and /docs/amazon-pay-checkout/amazon-sign-
    in.html; Node `src/client.js:146-152` (the Node README's `buyer/{token}` is wrong, the code calls
    `buyers/`); PHP `Client.php:619-621`; .NET `WebStore/Buyer/BuyerResponse.cs`.

    Args:
        buyer_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Buyer | ErrorResponse]
    """

    kwargs = _get_kwargs(
        buyer_token=buyer_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    buyer_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Buyer | ErrorResponse | None:
    """Amazon Get Buyer

     The buyer's profile after Amazon Sign-in, before checkout starts: buyerToken arrives as a query
    parameter on the signInReturnUrl; the fields returned follow the signInScopes of the button. Once
    checkout has started, use Get Checkout Session or Get Charge Permission instead. Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/buyer.html and /docs/amazon-pay-checkout/amazon-sign-
    in.html; Node `src/client.js:146-152` (the Node README's `buyer/{token}` is wrong, the code calls
    `buyers/`); PHP `Client.php:619-621`; .NET `WebStore/Buyer/BuyerResponse.cs`.

    Args:
        buyer_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Buyer | ErrorResponse
    """

    return sync_detailed(
        buyer_token=buyer_token,
        client=client,
    ).parsed


async def asyncio_detailed(
    buyer_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Buyer | ErrorResponse]:
    """Amazon Get Buyer

     The buyer's profile after Amazon Sign-in, before checkout starts: buyerToken arrives as a query
    parameter on the signInReturnUrl; the fields returned follow the signInScopes of the button. Once
    checkout has started, use Get Checkout Session or Get Charge Permission instead. Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/buyer.html and /docs/amazon-pay-checkout/amazon-sign-
    in.html; Node `src/client.js:146-152` (the Node README's `buyer/{token}` is wrong, the code calls
    `buyers/`); PHP `Client.php:619-621`; .NET `WebStore/Buyer/BuyerResponse.cs`.

    Args:
        buyer_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Buyer | ErrorResponse]
    """

    kwargs = _get_kwargs(
        buyer_token=buyer_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    buyer_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Buyer | ErrorResponse | None:
    """Amazon Get Buyer

     The buyer's profile after Amazon Sign-in, before checkout starts: buyerToken arrives as a query
    parameter on the signInReturnUrl; the fields returned follow the signInScopes of the button. Once
    checkout has started, use Get Checkout Session or Get Charge Permission instead. Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/buyer.html and /docs/amazon-pay-checkout/amazon-sign-
    in.html; Node `src/client.js:146-152` (the Node README's `buyer/{token}` is wrong, the code calls
    `buyers/`); PHP `Client.php:619-621`; .NET `WebStore/Buyer/BuyerResponse.cs`.

    Args:
        buyer_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Buyer | ErrorResponse
    """

    return (
        await asyncio_detailed(
            buyer_token=buyer_token,
            client=client,
        )
    ).parsed
