from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_report_schedules_response import GetReportSchedulesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    report_types: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reportTypes"] = report_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/report-schedules",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetReportSchedulesResponse | None:
    if response.status_code == 200:
        response_200 = GetReportSchedulesResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetReportSchedulesResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
) -> Response[ErrorResponse | GetReportSchedulesResponse]:
    """Amazon Get Report Schedules

     The report schedules, optionally of some report types (comma-separated), all in one answer (no SDK
    sends or reads a token). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html and /docs/amazon-pay-api-v2/reports.html; Node `src/client.js:458-468`; .NET
    `Types/ReportSchedule.cs`.

    Args:
        report_types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetReportSchedulesResponse]
    """

    kwargs = _get_kwargs(
        report_types=report_types,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
) -> ErrorResponse | GetReportSchedulesResponse | None:
    """Amazon Get Report Schedules

     The report schedules, optionally of some report types (comma-separated), all in one answer (no SDK
    sends or reads a token). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html and /docs/amazon-pay-api-v2/reports.html; Node `src/client.js:458-468`; .NET
    `Types/ReportSchedule.cs`.

    Args:
        report_types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetReportSchedulesResponse
    """

    return sync_detailed(
        client=client,
        report_types=report_types,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
) -> Response[ErrorResponse | GetReportSchedulesResponse]:
    """Amazon Get Report Schedules

     The report schedules, optionally of some report types (comma-separated), all in one answer (no SDK
    sends or reads a token). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html and /docs/amazon-pay-api-v2/reports.html; Node `src/client.js:458-468`; .NET
    `Types/ReportSchedule.cs`.

    Args:
        report_types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetReportSchedulesResponse]
    """

    kwargs = _get_kwargs(
        report_types=report_types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    report_types: str | Unset = UNSET,
) -> ErrorResponse | GetReportSchedulesResponse | None:
    """Amazon Get Report Schedules

     The report schedules, optionally of some report types (comma-separated), all in one answer (no SDK
    sends or reads a token). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html and /docs/amazon-pay-api-v2/reports.html; Node `src/client.js:458-468`; .NET
    `Types/ReportSchedule.cs`.

    Args:
        report_types (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetReportSchedulesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            report_types=report_types,
        )
    ).parsed
