from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_dispute_request import CreateDisputeRequest
from ...models.dispute import Dispute
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateDisputeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/disputes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Dispute | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = Dispute.from_dict(response.json())

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
) -> Response[Dispute | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDisputeRequest,
) -> Response[Dispute | ErrorResponse]:
    """Amazon Create Dispute

     Payment service providers report a dispute (a chargeback) filed against a charge. Requires an
    idempotency key (PHP `DisputeClientInterface.php`: "requires x-amz-pay-Idempotency-Key"). Sources:
    docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html; Node `src/client.js:590-597`; PHP
    `DisputeClientInterface.php`; Java `WebstoreClient.java:698`.

    Args:
        body (CreateDisputeRequest): A dispute a payment service provider reports against a
            charge.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDisputeRequest,
) -> Dispute | ErrorResponse | None:
    """Amazon Create Dispute

     Payment service providers report a dispute (a chargeback) filed against a charge. Requires an
    idempotency key (PHP `DisputeClientInterface.php`: "requires x-amz-pay-Idempotency-Key"). Sources:
    docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html; Node `src/client.js:590-597`; PHP
    `DisputeClientInterface.php`; Java `WebstoreClient.java:698`.

    Args:
        body (CreateDisputeRequest): A dispute a payment service provider reports against a
            charge.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dispute | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDisputeRequest,
) -> Response[Dispute | ErrorResponse]:
    """Amazon Create Dispute

     Payment service providers report a dispute (a chargeback) filed against a charge. Requires an
    idempotency key (PHP `DisputeClientInterface.php`: "requires x-amz-pay-Idempotency-Key"). Sources:
    docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html; Node `src/client.js:590-597`; PHP
    `DisputeClientInterface.php`; Java `WebstoreClient.java:698`.

    Args:
        body (CreateDisputeRequest): A dispute a payment service provider reports against a
            charge.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDisputeRequest,
) -> Dispute | ErrorResponse | None:
    """Amazon Create Dispute

     Payment service providers report a dispute (a chargeback) filed against a charge. Requires an
    idempotency key (PHP `DisputeClientInterface.php`: "requires x-amz-pay-Idempotency-Key"). Sources:
    docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html; Node `src/client.js:590-597`; PHP
    `DisputeClientInterface.php`; Java `WebstoreClient.java:698`.

    Args:
        body (CreateDisputeRequest): A dispute a payment service provider reports against a
            charge.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dispute | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
