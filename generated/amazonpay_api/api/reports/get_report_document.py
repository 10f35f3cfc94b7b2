from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.report_document import ReportDocument
from ...types import Response


def _get_kwargs(
    report_document_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/report-documents/{report_document_id}".format(
            report_document_id=quote(str(report_document_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ReportDocument | None:
    if response.status_code == 200:
        response_200 = ReportDocument.from_dict(response.json())

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
) -> Response[ErrorResponse | ReportDocument]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    report_document_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ReportDocument]:
    """Amazon Get Report Document

     Where to download a report: a JSON body with a pre-signed URL valid 30 seconds (not an HTTP
    redirect), which must then be fetched at once with a plain, unsigned GET (the amazonpay client's
    download() does both and never sends Amazon Pay headers to the storage host). compressionAlgorithm
    is always "N/A". Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html and
    /docs/amazon-pay-reports/downloading-reports.html; Node `src/client.js:443-449`; .NET
    `Reports/GetReportDocumentResponse.cs:11-24`.

    Args:
        report_document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReportDocument]
    """

    kwargs = _get_kwargs(
        report_document_id=report_document_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    report_document_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ReportDocument | None:
    """Amazon Get Report Document

     Where to download a report: a JSON body with a pre-signed URL valid 30 seconds (not an HTTP
    redirect), which must then be fetched at once with a plain, unsigned GET (the amazonpay client's
    download() does both and never sends Amazon Pay headers to the storage host). compressionAlgorithm
    is always "N/A". Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html and
    /docs/amazon-pay-reports/downloading-reports.html; Node `src/client.js:443-449`; .NET
    `Reports/GetReportDocumentResponse.cs:11-24`.

    Args:
        report_document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReportDocument
    """

    return sync_detailed(
        report_document_id=report_document_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    report_document_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ReportDocument]:
    """Amazon Get Report Document

     Where to download a report: a JSON body with a pre-signed URL valid 30 seconds (not an HTTP
    redirect), which must then be fetched at once with a plain, unsigned GET (the amazonpay client's
    download() does both and never sends Amazon Pay headers to the storage host). compressionAlgorithm
    is always "N/A". Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html and
    /docs/amazon-pay-reports/downloading-reports.html; Node `src/client.js:443-449`; .NET
    `Reports/GetReportDocumentResponse.cs:11-24`.

    Args:
        report_document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReportDocument]
    """

    kwargs = _get_kwargs(
        report_document_id=report_document_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    report_document_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ReportDocument | None:
    """Amazon Get Report Document

     Where to download a report: a JSON body with a pre-signed URL valid 30 seconds (not an HTTP
    redirect), which must then be fetched at once with a plain, unsigned GET (the amazonpay client's
    download() does both and never sends Amazon Pay headers to the storage host). compressionAlgorithm
    is always "N/A". Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/reports.html and
    /docs/amazon-pay-reports/downloading-reports.html; Node `src/client.js:443-449`; .NET
    `Reports/GetReportDocumentResponse.cs:11-24`.

    Args:
        report_document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReportDocument
    """

    return (
        await asyncio_detailed(
            report_document_id=report_document_id,
            client=client,
        )
    ).parsed
