from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dispute import Dispute
from ...models.error_response import ErrorResponse
from ...models.update_dispute_request import UpdateDisputeRequest
from ...types import Response


def _get_kwargs(
    dispute_id: str,
    *,
    body: UpdateDisputeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/disputes/{dispute_id}".format(
            dispute_id=quote(str(dispute_id), safe=""),
        ),
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
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDisputeRequest,
) -> Response[Dispute | ErrorResponse]:
    """Amazon Update Dispute

     Payment service providers report a dispute's new status (state, resolution, reason) and its closure.
    An idempotency key is optional in the SDKs, but the amazonpay client sends keys on POSTs only, so
    none is declared on this PATCH. Sources: docs developer.amazon.com/docs/amazon-pay-
    api-v2/dispute.html; Node `src/client.js:624-631`; Java `WebstoreClient.java:714`.

    Args:
        dispute_id (str):
        body (UpdateDisputeRequest): The new status of a dispute, reported by a payment service
            provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dispute_id=dispute_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDisputeRequest,
) -> Dispute | ErrorResponse | None:
    """Amazon Update Dispute

     Payment service providers report a dispute's new status (state, resolution, reason) and its closure.
    An idempotency key is optional in the SDKs, but the amazonpay client sends keys on POSTs only, so
    none is declared on this PATCH. Sources: docs developer.amazon.com/docs/amazon-pay-
    api-v2/dispute.html; Node `src/client.js:624-631`; Java `WebstoreClient.java:714`.

    Args:
        dispute_id (str):
        body (UpdateDisputeRequest): The new status of a dispute, reported by a payment service
            provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dispute | ErrorResponse
    """

    return sync_detailed(
        dispute_id=dispute_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDisputeRequest,
) -> Response[Dispute | ErrorResponse]:
    """Amazon Update Dispute

     Payment service providers report a dispute's new status (state, resolution, reason) and its closure.
    An idempotency key is optional in the SDKs, but the amazonpay client sends keys on POSTs only, so
    none is declared on this PATCH. Sources: docs developer.amazon.com/docs/amazon-pay-
    api-v2/dispute.html; Node `src/client.js:624-631`; Java `WebstoreClient.java:714`.

    Args:
        dispute_id (str):
        body (UpdateDisputeRequest): The new status of a dispute, reported by a payment service
            provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dispute_id=dispute_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDisputeRequest,
) -> Dispute | ErrorResponse | None:
    """Amazon Update Dispute

     Payment service providers report a dispute's new status (state, resolution, reason) and its closure.
    An idempotency key is optional in the SDKs, but the amazonpay client sends keys on POSTs only, so
    none is declared on this PATCH. Sources: docs developer.amazon.com/docs/amazon-pay-
    api-v2/dispute.html; Node `src/client.js:624-631`; Java `WebstoreClient.java:714`.

    Args:
        dispute_id (str):
        body (UpdateDisputeRequest): The new status of a dispute, reported by a payment service
            provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dispute | ErrorResponse
    """

    return (
        await asyncio_detailed(
            dispute_id=dispute_id,
            client=client,
            body=body,
        )
    ).parsed
