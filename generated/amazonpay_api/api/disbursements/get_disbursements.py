from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_disbursements_response import GetDisbursementsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start_time: str | Unset = UNSET,
    end_time: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["startTime"] = start_time

    params["endTime"] = end_time

    params["pageSize"] = page_size

    params["nextToken"] = next_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/disbursements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetDisbursementsResponse | None:
    if response.status_code == 200:
        response_200 = GetDisbursementsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetDisbursementsResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_time: str | Unset = UNSET,
    end_time: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> Response[ErrorResponse | GetDisbursementsResponse]:
    """Amazon Get Disbursements

     The disbursements (payouts of settled funds) of a period, a page at a time; nextToken is sent alone,
    as on Get Reports. The docs' example dates read "2022-08-04T00-00-00Z" (sic); the PHP sample sends
    the basic form 20240301T224539Z. The PHP README sends an idempotency key even on this GET; none is
    declared. Only PHP, Java and Ruby implement it. Sources: docs developer.amazon.com/docs/amazon-pay-
    reports/request-disbursement-details.html; PHP `Client.php:759-762` and README "GetDisbursements";
    Java `WebstoreClient.java:633-637`.

    Args:
        start_time (str | Unset):
        end_time (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetDisbursementsResponse]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
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
    start_time: str | Unset = UNSET,
    end_time: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> ErrorResponse | GetDisbursementsResponse | None:
    """Amazon Get Disbursements

     The disbursements (payouts of settled funds) of a period, a page at a time; nextToken is sent alone,
    as on Get Reports. The docs' example dates read "2022-08-04T00-00-00Z" (sic); the PHP sample sends
    the basic form 20240301T224539Z. The PHP README sends an idempotency key even on this GET; none is
    declared. Only PHP, Java and Ruby implement it. Sources: docs developer.amazon.com/docs/amazon-pay-
    reports/request-disbursement-details.html; PHP `Client.php:759-762` and README "GetDisbursements";
    Java `WebstoreClient.java:633-637`.

    Args:
        start_time (str | Unset):
        end_time (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetDisbursementsResponse
    """

    return sync_detailed(
        client=client,
        start_time=start_time,
        end_time=end_time,
        page_size=page_size,
        next_token=next_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_time: str | Unset = UNSET,
    end_time: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> Response[ErrorResponse | GetDisbursementsResponse]:
    """Amazon Get Disbursements

     The disbursements (payouts of settled funds) of a period, a page at a time; nextToken is sent alone,
    as on Get Reports. The docs' example dates read "2022-08-04T00-00-00Z" (sic); the PHP sample sends
    the basic form 20240301T224539Z. The PHP README sends an idempotency key even on this GET; none is
    declared. Only PHP, Java and Ruby implement it. Sources: docs developer.amazon.com/docs/amazon-pay-
    reports/request-disbursement-details.html; PHP `Client.php:759-762` and README "GetDisbursements";
    Java `WebstoreClient.java:633-637`.

    Args:
        start_time (str | Unset):
        end_time (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetDisbursementsResponse]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
        page_size=page_size,
        next_token=next_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start_time: str | Unset = UNSET,
    end_time: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    next_token: str | Unset = UNSET,
) -> ErrorResponse | GetDisbursementsResponse | None:
    """Amazon Get Disbursements

     The disbursements (payouts of settled funds) of a period, a page at a time; nextToken is sent alone,
    as on Get Reports. The docs' example dates read "2022-08-04T00-00-00Z" (sic); the PHP sample sends
    the basic form 20240301T224539Z. The PHP README sends an idempotency key even on this GET; none is
    declared. Only PHP, Java and Ruby implement it. Sources: docs developer.amazon.com/docs/amazon-pay-
    reports/request-disbursement-details.html; PHP `Client.php:759-762` and README "GetDisbursements";
    Java `WebstoreClient.java:633-637`.

    Args:
        start_time (str | Unset):
        end_time (str | Unset):
        page_size (int | Unset):
        next_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetDisbursementsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            start_time=start_time,
            end_time=end_time,
            page_size=page_size,
            next_token=next_token,
        )
    ).parsed
