from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_token import AuthorizationToken
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response


def _get_kwargs(
    mws_auth_token: str,
    *,
    merchant_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["merchantId"] = merchant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/authorizationTokens/{mws_auth_token}".format(
            mws_auth_token=quote(str(mws_auth_token), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuthorizationToken | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AuthorizationToken.from_dict(response.json())

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
) -> Response[AuthorizationToken | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    mws_auth_token: str,
    *,
    client: AuthenticatedClient | Client,
    merchant_id: str,
) -> Response[AuthorizationToken | ErrorResponse]:
    """Amazon Get Authorization Token

     For solution providers: exchanges the MWS authorization token of a merchant who delegated access
    (v1) for the token to send as x-amz-pay-authtoken on any call made for that merchant (the per-call
    option auth_token= of this client). Sources: docs developer.amazon.com/docs/amazon-pay-
    checkout/delegated-authorization.html and /docs/amazon-pay-registration/token-exchange.html; Node
    `src/client.js:45-54`; PHP `Client.php:587-592`; .NET
    `AuthorizationToken/AuthorizationTokenResponse.cs:11-12`.

    Args:
        mws_auth_token (str):
        merchant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationToken | ErrorResponse]
    """

    kwargs = _get_kwargs(
        mws_auth_token=mws_auth_token,
        merchant_id=merchant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    mws_auth_token: str,
    *,
    client: AuthenticatedClient | Client,
    merchant_id: str,
) -> AuthorizationToken | ErrorResponse | None:
    """Amazon Get Authorization Token

     For solution providers: exchanges the MWS authorization token of a merchant who delegated access
    (v1) for the token to send as x-amz-pay-authtoken on any call made for that merchant (the per-call
    option auth_token= of this client). Sources: docs developer.amazon.com/docs/amazon-pay-
    checkout/delegated-authorization.html and /docs/amazon-pay-registration/token-exchange.html; Node
    `src/client.js:45-54`; PHP `Client.php:587-592`; .NET
    `AuthorizationToken/AuthorizationTokenResponse.cs:11-12`.

    Args:
        mws_auth_token (str):
        merchant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationToken | ErrorResponse
    """

    return sync_detailed(
        mws_auth_token=mws_auth_token,
        client=client,
        merchant_id=merchant_id,
    ).parsed


async def asyncio_detailed(
    mws_auth_token: str,
    *,
    client: AuthenticatedClient | Client,
    merchant_id: str,
) -> Response[AuthorizationToken | ErrorResponse]:
    """Amazon Get Authorization Token

     For solution providers: exchanges the MWS authorization token of a merchant who delegated access
    (v1) for the token to send as x-amz-pay-authtoken on any call made for that merchant (the per-call
    option auth_token= of this client). Sources: docs developer.amazon.com/docs/amazon-pay-
    checkout/delegated-authorization.html and /docs/amazon-pay-registration/token-exchange.html; Node
    `src/client.js:45-54`; PHP `Client.php:587-592`; .NET
    `AuthorizationToken/AuthorizationTokenResponse.cs:11-12`.

    Args:
        mws_auth_token (str):
        merchant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationToken | ErrorResponse]
    """

    kwargs = _get_kwargs(
        mws_auth_token=mws_auth_token,
        merchant_id=merchant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mws_auth_token: str,
    *,
    client: AuthenticatedClient | Client,
    merchant_id: str,
) -> AuthorizationToken | ErrorResponse | None:
    """Amazon Get Authorization Token

     For solution providers: exchanges the MWS authorization token of a merchant who delegated access
    (v1) for the token to send as x-amz-pay-authtoken on any call made for that merchant (the per-call
    option auth_token= of this client). Sources: docs developer.amazon.com/docs/amazon-pay-
    checkout/delegated-authorization.html and /docs/amazon-pay-registration/token-exchange.html; Node
    `src/client.js:45-54`; PHP `Client.php:587-592`; .NET
    `AuthorizationToken/AuthorizationTokenResponse.cs:11-12`.

    Args:
        mws_auth_token (str):
        merchant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationToken | ErrorResponse
    """

    return (
        await asyncio_detailed(
            mws_auth_token=mws_auth_token,
            client=client,
            merchant_id=merchant_id,
        )
    ).parsed
