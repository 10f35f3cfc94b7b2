from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_report_schedule_request import CreateReportScheduleRequest
from ...models.create_report_schedule_response import CreateReportScheduleResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateReportScheduleRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/report-schedules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateReportScheduleResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CreateReportScheduleResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateReportScheduleResponse.from_dict(response.json())

        return response_201

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
) -> Response[CreateReportScheduleResponse | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReportScheduleRequest,
) -> Response[CreateReportScheduleResponse | ErrorResponse]:
    """Amazon Create Report Schedule

     Schedules a report type (one schedule per type: deleteExistingSchedule replaces the existing one;
    the multi-currency report cannot be scheduled). The idempotency key is optional (.NET sends one on
    every POST). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html; Node `src/client.js:508-515`; .NET `Types/ScheduleFrequency.cs`.

    Args:
        body (CreateReportScheduleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateReportScheduleResponse | ErrorResponse]
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
    body: CreateReportScheduleRequest,
) -> CreateReportScheduleResponse | ErrorResponse | None:
    """Amazon Create Report Schedule

     Schedules a report type (one schedule per type: deleteExistingSchedule replaces the existing one;
    the multi-currency report cannot be scheduled). The idempotency key is optional (.NET sends one on
    every POST). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html; Node `src/client.js:508-515`; .NET `Types/ScheduleFrequency.cs`.

    Args:
        body (CreateReportScheduleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateReportScheduleResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReportScheduleRequest,
) -> Response[CreateReportScheduleResponse | ErrorResponse]:
    """Amazon Create Report Schedule

     Schedules a report type (one schedule per type: deleteExistingSchedule replaces the existing one;
    the multi-currency report cannot be scheduled). The idempotency key is optional (.NET sends one on
    every POST). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html; Node `src/client.js:508-515`; .NET `Types/ScheduleFrequency.cs`.

    Args:
        body (CreateReportScheduleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateReportScheduleResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateReportScheduleRequest,
) -> CreateReportScheduleResponse | ErrorResponse | None:
    """Amazon Create Report Schedule

     Schedules a report type (one schedule per type: deleteExistingSchedule replaces the existing one;
    the multi-currency report cannot be scheduled). The idempotency key is optional (.NET sends one on
    every POST). Sources: docs developer.amazon.com/docs/amazon-pay-reports/managing-report-
    schedules.html; Node `src/client.js:508-515`; .NET `Types/ScheduleFrequency.cs`.

    Args:
        body (CreateReportScheduleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateReportScheduleResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
