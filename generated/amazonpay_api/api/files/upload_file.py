from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file import File
from ...models.upload_file_request import UploadFileRequest
from ...types import Response


def _get_kwargs(
    *,
    body: UploadFileRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | File | None:
    if response.status_code == 200:
        response_200 = File.from_dict(response.json())

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
) -> Response[ErrorResponse | File]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> Response[ErrorResponse | File]:
    """Amazon Upload File

     Creates a file (dispute evidence) and answers a pre-signed URL to upload its bytes to, outside the
    signed API, before urlExpirationTimestamp: two steps, which the amazonpay client's files.upload()
    makes one call (the upload is a plain PUT without Amazon Pay headers; the verb is not documented).
    Requires an idempotency key (the docs and the SDK interfaces). Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/file.html; Node `src/client.js:665-672`; Java
    `WebstoreClient.java:802` and `types/EvidenceDocumentFileType.java`.

    Args:
        body (UploadFileRequest): The file to create; its bytes go to the returned url afterwards.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
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
    body: UploadFileRequest,
) -> ErrorResponse | File | None:
    """Amazon Upload File

     Creates a file (dispute evidence) and answers a pre-signed URL to upload its bytes to, outside the
    signed API, before urlExpirationTimestamp: two steps, which the amazonpay client's files.upload()
    makes one call (the upload is a plain PUT without Amazon Pay headers; the verb is not documented).
    Requires an idempotency key (the docs and the SDK interfaces). Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/file.html; Node `src/client.js:665-672`; Java
    `WebstoreClient.java:802` and `types/EvidenceDocumentFileType.java`.

    Args:
        body (UploadFileRequest): The file to create; its bytes go to the returned url afterwards.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> Response[ErrorResponse | File]:
    """Amazon Upload File

     Creates a file (dispute evidence) and answers a pre-signed URL to upload its bytes to, outside the
    signed API, before urlExpirationTimestamp: two steps, which the amazonpay client's files.upload()
    makes one call (the upload is a plain PUT without Amazon Pay headers; the verb is not documented).
    Requires an idempotency key (the docs and the SDK interfaces). Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/file.html; Node `src/client.js:665-672`; Java
    `WebstoreClient.java:802` and `types/EvidenceDocumentFileType.java`.

    Args:
        body (UploadFileRequest): The file to create; its bytes go to the returned url afterwards.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> ErrorResponse | File | None:
    """Amazon Upload File

     Creates a file (dispute evidence) and answers a pre-signed URL to upload its bytes to, outside the
    signed API, before urlExpirationTimestamp: two steps, which the amazonpay client's files.upload()
    makes one call (the upload is a plain PUT without Amazon Pay headers; the verb is not documented).
    Requires an idempotency key (the docs and the SDK interfaces). Sources: docs
    developer.amazon.com/docs/amazon-pay-api-v2/file.html; Node `src/client.js:665-672`; Java
    `WebstoreClient.java:802` and `types/EvidenceDocumentFileType.java`.

    Args:
        body (UploadFileRequest): The file to create; its bytes go to the returned url afterwards.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
