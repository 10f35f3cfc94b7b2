from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    report_schedule_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/report-schedules/{report_schedule_id}".format(
            report_schedule_id=quote(str(report_schedule_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
) -> Response[Any | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    report_schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse]:
    """Amazon Cancel Report Schedule

     Cancels a report schedule; the answer has no body. Cancelling a schedule twice answers an error the
    second time, so a retried cancel that fails is checked with Get Report Schedule By Id. Sources: docs
    developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html; Node
    `src/client.js:524-530`.

    Args:
        report_schedule_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        report_schedule_id=report_schedule_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    report_schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Amazon Cancel Report Schedule

     Cancels a report schedule; the answer has no body. Cancelling a schedule twice answers an error the
    second time, so a retried cancel that fails is checked with Get Report Schedule By Id. Sources: docs
    developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html; Node
    `src/client.js:524-530`.

    Args:
        report_schedule_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        report_schedule_id=report_schedule_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    report_schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse]:
    """Amazon Cancel Report Schedule

     Cancels a report schedule; the answer has no body. Cancelling a schedule twice answers an error the
    second time, so a retried cancel that fails is checked with Get Report Schedule By Id. Sources: docs
    developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html; Node
    `src/client.js:524-530`.

    Args:
        report_schedule_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        report_schedule_id=report_schedule_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    report_schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Amazon Cancel Report Schedule

     Cancels a report schedule; the answer has no body. Cancelling a schedule twice answers an error the
    second time, so a retried cancel that fails is checked with Get Report Schedule By Id. Sources: docs
    developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html; Node
    `src/client.js:524-530`.

    Args:
        report_schedule_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            report_schedule_id=report_schedule_id,
            client=client,
        )
    ).parsed
