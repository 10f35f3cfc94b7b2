from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_reports_response import GetReportsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    report_types: str | Unset = UNSET,
    processing_statuses: str | Unset = UNSET,
    created_since: str | Unset = UNSET,
    created_until: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reportTypes"] = report_types

    params["processingStatuses"] = processing_statuses

    params["createdSince"] = created_since

    params["createdUntil"] = created_until

    params["pageSize"] = page_size

    params["nextToken"] = next_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/reports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetReportsResponse | None:
    if response.status_code == 200:
        response_200 = GetReportsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetReportsResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
    processing_statuses: str | Unset = UNSET,
    created_since: str | Unset = UNSET,
    created_until: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> Response[ErrorResponse | GetReportsResponse]:
    """Amazon Get Reports

     Lists the reports of the last 90 days (reports are kept 90 days), newest first, a page at a time.
    nextToken must be sent alone: the docs say to call again "with only this nextToken as parameter" and
    .NET drops createdSince, createdUntil and pageSize when it is set; the amazonpay client's list()
    does this for you. Lists are comma-separated (Node calls toString() on arrays). No idempotency key
    (the docs' curl example shows one on this GET; no SDK sends one). Only the sandbox settlement report
    exists in the sandbox. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html (and
    its ja/ page) and /docs/amazon-pay-reports/downloading-reports.html; .NET
    `WebStore/WebStoreClient.cs:288-327` (the strip at 309-315); Node `src/client.js:403-419`.

    Args:
        report_types (str | Unset):
        processing_statuses (str | Unset):
        created_since (str | Unset):
        created_until (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetReportsResponse]
    """

    kwargs = _get_kwargs(
        report_types=report_types,
        processing_statuses=processing_statuses,
        created_since=created_since,
        created_until=created_until,
        page_size=page_size,
        next_token=next_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
    processing_statuses: str | Unset = UNSET,
    created_since: str | Unset = UNSET,
    created_until: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> ErrorResponse | GetReportsResponse | None:
    """Amazon Get Reports

     Lists the reports of the last 90 days (reports are kept 90 days), newest first, a page at a time.
    nextToken must be sent alone: the docs say to call again "with only this nextToken as parameter" and
    .NET drops createdSince, createdUntil and pageSize when it is set; the amazonpay client's list()
    does this for you. Lists are comma-separated (Node calls toString() on arrays). No idempotency key
    (the docs' curl example shows one on this GET; no SDK sends one). Only the sandbox settlement report
    exists in the sandbox. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html (and
    its ja/ page) and /docs/amazon-pay-reports/downloading-reports.html; .NET
    `WebStore/WebStoreClient.cs:288-327` (the strip at 309-315); Node `src/client.js:403-419`.

    Args:
        report_types (str | Unset):
        processing_statuses (str | Unset):
        created_since (str | Unset):
        created_until (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetReportsResponse
    """

    return sync_detailed(
        client=client,
        report_types=report_types,
        processing_statuses=processing_statuses,
        created_since=created_since,
        created_until=created_until,
        page_size=page_size,
        next_token=next_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
    processing_statuses: str | Unset = UNSET,
    created_since: str | Unset = UNSET,
    created_until: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> Response[ErrorResponse | GetReportsResponse]:
    """Amazon Get Reports

     Lists the reports of the last 90 days (reports are kept 90 days), newest first, a page at a time.
    nextToken must be sent alone: the docs say to call again "with only this nextToken as parameter" and
    .NET drops createdSince, createdUntil and pageSize when it is set; the amazonpay client's list()
    does this for you. Lists are comma-separated (Node calls toString() on arrays). No idempotency key
    (the docs' curl example shows one on this GET; no SDK sends one). Only the sandbox settlement report
    exists in the sandbox. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html (and
    its ja/ page) and /docs/amazon-pay-reports/downloading-reports.html; .NET
    `WebStore/WebStoreClient.cs:288-327` (the strip at 309-315); Node `src/client.js:403-419`.

    Args:
        report_types (str | Unset):
        processing_statuses (str | Unset):
        created_since (str | Unset):
        created_until (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetReportsResponse]
    """

    kwargs = _get_kwargs(
        report_types=report_types,
        processing_statuses=processing_statuses,
        created_since=created_since,
        created_until=created_until,
        page_size=page_size,
        next_token=next_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
    processing_statuses: str | Unset = UNSET,
    created_since: str | Unset = UNSET,
    created_until: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> ErrorResponse | GetReportsResponse | None:
    """Amazon Get Reports

     Lists the reports of the last 90 days (reports are kept 90 days), newest first, a page at a time.
    nextToken must be sent alone: the docs say to call again "with only this nextToken as parameter" and
    .NET drops createdSince, createdUntil and pageSize when it is set; the amazonpay client's list()
    does this for you. Lists are comma-separated (Node calls toString() on arrays). No idempotency key
    (the docs' curl example shows one on this GET; no SDK sends one). Only the sandbox settlement report
    exists in the sandbox. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html (and
    its ja/ page) and /docs/amazon-pay-reports/downloading-reports.html; .NET
    `WebStore/WebStoreClient.cs:288-327` (the strip at 309-315); Node `src/client.js:403-419`.

    Args:
        report_types (str | Unset):
        processing_statuses (str | Unset):
        created_since (str | Unset):
        created_until (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetReportsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            report_types=report_types,
            processing_statuses=processing_statuses,
            created_since=created_since,
            created_until=created_until,
            page_size=page_size,
            next_token=next_token,
        )
    ).parsed
