from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_delivery_tracker_request import CreateDeliveryTrackerRequest
from ...models.delivery_tracker import DeliveryTracker
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateDeliveryTrackerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/deliveryTrackers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryTracker | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DeliveryTracker.from_dict(response.json())

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
) -> Response[DeliveryTracker | ErrorResponse]:
    return client.read_response(response, _parse_response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDeliveryTrackerRequest,
) -> Response[DeliveryTracker | ErrorResponse]:
    """Amazon Create Delivery Tracker

     Gives Amazon Pay the tracking number of a shipment so that Alexa can notify the buyer when it is
    delivered. The merchant must be allow-listed; a tracking number can be used once; in Japan only
    chargePermissionId is accepted. No SDK sample sends an idempotency key, so none is declared. Node
    documents the call for solution providers with their auth token, while a comment in PHP
    `Client.php:580` says the API does not support one; x-amz-pay-authtoken stays declared, as on every
    operation. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html (and its
    ja/ page); Node `src/client.js:74-81` and README "Alexa Delivery Notifications"; PHP
    `Client.php:578-582`; .NET `DeliveryTracker/DeliveryTrackerRequest.cs`,
    `DeliveryTrackerResponse.cs`.

    Args:
        body (CreateDeliveryTrackerRequest): The order to track, by amazonOrderReferenceId (v1) or
            chargePermissionId (v2, the only one accepted in Japan): exactly one of the two.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryTracker | ErrorResponse]
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
    body: CreateDeliveryTrackerRequest,
) -> DeliveryTracker | ErrorResponse | None:
    """Amazon Create Delivery Tracker

     Gives Amazon Pay the tracking number of a shipment so that Alexa can notify the buyer when it is
    delivered. The merchant must be allow-listed; a tracking number can be used once; in Japan only
    chargePermissionId is accepted. No SDK sample sends an idempotency key, so none is declared. Node
    documents the call for solution providers with their auth token, while a comment in PHP
    `Client.php:580` says the API does not support one; x-amz-pay-authtoken stays declared, as on every
    operation. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html (and its
    ja/ page); Node `src/client.js:74-81` and README "Alexa Delivery Notifications"; PHP
    `Client.php:578-582`; .NET `DeliveryTracker/DeliveryTrackerRequest.cs`,
    `DeliveryTrackerResponse.cs`.

    Args:
        body (CreateDeliveryTrackerRequest): The order to track, by amazonOrderReferenceId (v1) or
            chargePermissionId (v2, the only one accepted in Japan): exactly one of the two.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryTracker | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDeliveryTrackerRequest,
) -> Response[DeliveryTracker | ErrorResponse]:
    """Amazon Create Delivery Tracker

     Gives Amazon Pay the tracking number of a shipment so that Alexa can notify the buyer when it is
    delivered. The merchant must be allow-listed; a tracking number can be used once; in Japan only
    chargePermissionId is accepted. No SDK sample sends an idempotency key, so none is declared. Node
    documents the call for solution providers with their auth token, while a comment in PHP
    `Client.php:580` says the API does not support one; x-amz-pay-authtoken stays declared, as on every
    operation. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html (and its
    ja/ page); Node `src/client.js:74-81` and README "Alexa Delivery Notifications"; PHP
    `Client.php:578-582`; .NET `DeliveryTracker/DeliveryTrackerRequest.cs`,
    `DeliveryTrackerResponse.cs`.

    Args:
        body (CreateDeliveryTrackerRequest): The order to track, by amazonOrderReferenceId (v1) or
            chargePermissionId (v2, the only one accepted in Japan): exactly one of the two.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryTracker | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDeliveryTrackerRequest,
) -> DeliveryTracker | ErrorResponse | None:
    """Amazon Create Delivery Tracker

     Gives Amazon Pay the tracking number of a shipment so that Alexa can notify the buyer when it is
    delivered. The merchant must be allow-listed; a tracking number can be used once; in Japan only
    chargePermissionId is accepted. No SDK sample sends an idempotency key, so none is declared. Node
    documents the call for solution providers with their auth token, while a comment in PHP
    `Client.php:580` says the API does not support one; x-amz-pay-authtoken stays declared, as on every
    operation. Sources: docs developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html (and its
    ja/ page); Node `src/client.js:74-81` and README "Alexa Delivery Notifications"; PHP
    `Client.php:578-582`; .NET `DeliveryTracker/DeliveryTrackerRequest.cs`,
    `DeliveryTrackerResponse.cs`.

    Args:
        body (CreateDeliveryTrackerRequest): The order to track, by amazonOrderReferenceId (v1) or
            chargePermissionId (v2, the only one accepted in Japan): exactly one of the two.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryTracker | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
