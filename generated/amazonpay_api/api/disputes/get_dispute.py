from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dispute import Dispute
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    dispute_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/disputes/{dispute_id}".format(
            dispute_id=quote(str(dispute_id), safe=""),
        ),
    }

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
) -> Response[Dispute | ErrorResponse]:
    """Amazon Get Dispute

     A dispute and where it stands (state, reason code, resolution, evidence, deadline); its id is the
    ObjectId of a CHARGEBACK notification. Added May 2025; PHP 2.7.0 says disputes and files serve both
    PSP and standard merchants. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html
    and /docs/amazon-pay-checkout/manage-disputes.html; Java `WebstoreClient.java:773-788`; PHP
    `CHANGES.md` 2.7.0.

    Args:
        dispute_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dispute_id=dispute_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Dispute | ErrorResponse | None:
    """Amazon Get Dispute

     A dispute and where it stands (state, reason code, resolution, evidence, deadline); its id is the
    ObjectId of a CHARGEBACK notification. Added May 2025; PHP 2.7.0 says disputes and files serve both
    PSP and standard merchants. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html
    and /docs/amazon-pay-checkout/manage-disputes.html; Java `WebstoreClient.java:773-788`; PHP
    `CHANGES.md` 2.7.0.

    Args:
        dispute_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dispute | ErrorResponse
    """

    return sync_detailed(
        dispute_id=dispute_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Dispute | ErrorResponse]:
    """Amazon Get Dispute

     A dispute and where it stands (state, reason code, resolution, evidence, deadline); its id is the
    ObjectId of a CHARGEBACK notification. Added May 2025; PHP 2.7.0 says disputes and files serve both
    PSP and standard merchants. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html
    and /docs/amazon-pay-checkout/manage-disputes.html; Java `WebstoreClient.java:773-788`; PHP
    `CHANGES.md` 2.7.0.

    Args:
        dispute_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dispute | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dispute_id=dispute_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dispute_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Dispute | ErrorResponse | None:
    """Amazon Get Dispute

     A dispute and where it stands (state, reason code, resolution, evidence, deadline); its id is the
    ObjectId of a CHARGEBACK notification. Added May 2025; PHP 2.7.0 says disputes and files serve both
    PSP and standard merchants. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/dispute.html
    and /docs/amazon-pay-checkout/manage-disputes.html; Java `WebstoreClient.java:773-788`; PHP
    `CHANGES.md` 2.7.0.

    Args:
        dispute_id (str):

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
        )
    ).parsed
