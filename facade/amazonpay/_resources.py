"""The resource methods: thin, typed calls of the generated operations.

Each method converts its body to the generated model, checks path ids, opens the per-call
options and runs the operation; everything else happens in the transport below.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, Unpack

import httpx

from amazonpay_api.api.charge_permissions import (
    close_charge_permission,
    get_charge_permission,
    update_charge_permission,
)
from amazonpay_api.api.charges import cancel_charge, capture_charge, create_charge, get_charge
from amazonpay_api.api.checkout_sessions import (
    complete_checkout_session,
    create_checkout_session,
    get_checkout_session,
    update_checkout_session,
)
from amazonpay_api.api.refunds import create_refund, get_refund
from amazonpay_api.errors import UnexpectedStatus
from amazonpay_api.models import (
    CancelChargeRequest,
    CaptureChargeRequest,
    Charge,
    ChargePermission,
    CheckoutSession,
    CloseChargePermissionRequest,
    CompleteCheckoutSessionRequest,
    CreateChargeRequest,
    CreateCheckoutSessionRequest,
    CreateRefundRequest,
    Refund,
    UpdateChargePermissionRequest,
    UpdateCheckoutSessionRequest,
)

from ._errors import AmazonPayError, ConfigurationError, UnexpectedResponseError, printable
from ._options import CallOptions, CallState, MoneyCallOptions, call_options
from ._validation import json_ready

if TYPE_CHECKING:
    from amazonpay_api import Client

T = TypeVar("T")


class _Model(Protocol):
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...


M = TypeVar("M", bound=_Model)


def as_model(model: type[M], body: M | Mapping[str, Any]) -> M:
    """The generated request model for ``body`` (a model instance or a dict in API field names).

    ``Decimal`` amounts become their exact decimal strings; NaN and infinities are refused.
    """
    if isinstance(body, model):
        body = body.to_dict()  # type: ignore[attr-defined]  # every generated model has to_dict
    if not isinstance(body, Mapping):
        raise ConfigurationError(f"body must be a dict or {model.__name__}, not {type(body).__name__}")
    try:
        return model.from_dict(json_ready(body))
    except KeyError as missing:
        raise ConfigurationError(
            f"{model.__name__} is missing the required field {missing}; see the spec or the model's docstring"
        ) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ConfigurationError(f"body does not fit {model.__name__}: {error}") from None


def path_id(name: str, value: str) -> str:
    """``value`` checked for a path segment; an id can never change the path.

    The generated operation percent-encodes it; encoding it here as well would double-encode it.
    """
    if not isinstance(value, str) or not value.strip() or value in (".", "..") or "/" in value:
        raise ConfigurationError(
            f"{name} {value!r} is not a valid id: pass the non-empty id Amazon Pay returned (no '/')"
        )
    return value


def parsed(expected: type[T], response: Any, call: CallState) -> T:
    """The parsed body, or :class:`UnexpectedResponseError` if it is not the expected model."""
    if isinstance(response.parsed, expected):
        return response.parsed
    raise UnexpectedResponseError(
        f"expected a {expected.__name__} body; the call may have succeeded at Amazon: {_recovery(call)}",
        status=response.status_code,
        request_id=call.request_id,
        body=response.content.decode("utf-8", errors="replace"),
        idempotency_key=call.idempotency_key,
    )


def unreadable(expected: type[Any], error: Exception, call: CallState) -> AmazonPayError:
    """The typed error for ``error``, raised by a generated operation around the transport.

    Before the first attempt (the request could not even be built) nothing was sent: a
    :class:`ConfigurationError`. After it, a success body this client version cannot parse
    (a required field missing, an enum value added later): :class:`UnexpectedResponseError`.
    """
    if call.attempts == 0:
        return ConfigurationError(
            f"the request for a {expected.__name__} could not be built ({type(error).__name__}: "
            f"{printable(str(error), 200)}); nothing was sent"
        )
    try:
        content = call.response.content if call.response is not None else b""
    except httpx.ResponseNotRead:
        content = b""
    if isinstance(error, KeyError):
        problem = f"the {expected.__name__} in the answer lacks the required field {printable(str(error), 100)}"
    else:
        problem = f"cannot read the answer as {expected.__name__} ({type(error).__name__}: {printable(str(error))})"
    return UnexpectedResponseError(
        f"{problem}; the call may have succeeded at Amazon: {_recovery(call)}, or regenerate the client "
        "from a newer spec",
        status=call.status or 0,
        request_id=call.request_id,
        body=content.decode("utf-8", errors="replace"),
        idempotency_key=call.idempotency_key,
    )


def _recovery(call: CallState) -> str:
    key = call.idempotency_key
    return f"retry with idempotency_key={key!r} to get its result" if key else "get the object again"


class _SyncResource:
    def __init__(self, api: Client) -> None:
        self._api = api

    def _call(self, operation: ModuleType, expected: type[T], options: Mapping[str, Any], **kwargs: Any) -> T:
        with call_options(options) as call:
            try:
                response = operation.sync_detailed(client=self._api, **kwargs)
            except AmazonPayError:
                raise
            except (KeyError, TypeError, ValueError, UnexpectedStatus) as error:
                raise unreadable(expected, error, call) from error
        return parsed(expected, response, call)


class _AsyncResource:
    def __init__(self, api: Client) -> None:
        self._api = api

    async def _call(self, operation: ModuleType, expected: type[T], options: Mapping[str, Any], **kwargs: Any) -> T:
        with call_options(options) as call:
            try:
                response = await operation.asyncio_detailed(client=self._api, **kwargs)
            except AmazonPayError:
                raise
            except (KeyError, TypeError, ValueError, UnexpectedStatus) as error:
                raise unreadable(expected, error, call) from error
        return parsed(expected, response, call)


Body = Mapping[str, Any]


class CheckoutSessions(_SyncResource):
    """Checkout Sessions: the buyer's checkout, from button click to completion."""

    def create(self, body: CreateCheckoutSessionRequest | Body, **options: Unpack[MoneyCallOptions]) -> CheckoutSession:
        """Create a Checkout Session (POST, idempotent)."""
        return self._call(
            create_checkout_session,
            CheckoutSession,
            options,
            body=as_model(CreateCheckoutSessionRequest, body),
        )

    def get(self, checkout_session_id: str, **options: Unpack[CallOptions]) -> CheckoutSession:
        """Get a Checkout Session."""
        return self._call(
            get_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
        )

    def update(
        self,
        checkout_session_id: str,
        body: UpdateCheckoutSessionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> CheckoutSession:
        """Update an Open Checkout Session (amount, return URL, metadata)."""
        return self._call(
            update_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
            body=as_model(UpdateCheckoutSessionRequest, body),
        )

    def complete(
        self,
        checkout_session_id: str,
        body: CompleteCheckoutSessionRequest | Body,
        **options: Unpack[MoneyCallOptions],
    ) -> CheckoutSession:
        """Complete a Checkout Session after the buyer returned (POST, idempotent)."""
        return self._call(
            complete_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
            body=as_model(CompleteCheckoutSessionRequest, body),
        )


class Charges(_SyncResource):
    """Charges: authorize, capture, cancel."""

    def create(self, body: CreateChargeRequest | Body, **options: Unpack[MoneyCallOptions]) -> Charge:
        """Create a Charge on a Chargeable permission (POST, idempotent)."""
        return self._call(create_charge, Charge, options, body=as_model(CreateChargeRequest, body))

    def get(self, charge_id: str, **options: Unpack[CallOptions]) -> Charge:
        """Get a Charge."""
        return self._call(get_charge, Charge, options, charge_id=path_id("charge_id", charge_id))

    def capture(self, charge_id: str, body: CaptureChargeRequest | Body, **options: Unpack[MoneyCallOptions]) -> Charge:
        """Capture an Authorized Charge (POST, idempotent)."""
        return self._call(
            capture_charge,
            Charge,
            options,
            charge_id=path_id("charge_id", charge_id),
            body=as_model(CaptureChargeRequest, body),
        )

    def cancel(self, charge_id: str, body: CancelChargeRequest | Body, **options: Unpack[CallOptions]) -> Charge:
        """Cancel a Charge before capture (DELETE with a body)."""
        return self._call(
            cancel_charge,
            Charge,
            options,
            charge_id=path_id("charge_id", charge_id),
            body=as_model(CancelChargeRequest, body),
        )


class ChargePermissions(_SyncResource):
    """Charge Permissions: the buyer's consent to be charged, one-time or recurring."""

    def get(self, charge_permission_id: str, **options: Unpack[CallOptions]) -> ChargePermission:
        """Get a Charge Permission."""
        return self._call(
            get_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
        )

    def update(
        self,
        charge_permission_id: str,
        body: UpdateChargePermissionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> ChargePermission:
        """Update a Charge Permission's merchant metadata."""
        return self._call(
            update_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
            body=as_model(UpdateChargePermissionRequest, body),
        )

    def close(
        self,
        charge_permission_id: str,
        body: CloseChargePermissionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> ChargePermission:
        """Close a Charge Permission (DELETE with a body)."""
        return self._call(
            close_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
            body=as_model(CloseChargePermissionRequest, body),
        )


class Refunds(_SyncResource):
    """Refunds: asynchronous, poll with get until the state settles."""

    def create(self, body: CreateRefundRequest | Body, **options: Unpack[MoneyCallOptions]) -> Refund:
        """Refund part or all of a Captured Charge (POST, idempotent)."""
        return self._call(create_refund, Refund, options, body=as_model(CreateRefundRequest, body))

    def get(self, refund_id: str, **options: Unpack[CallOptions]) -> Refund:
        """Get a Refund."""
        return self._call(get_refund, Refund, options, refund_id=path_id("refund_id", refund_id))


class AsyncCheckoutSessions(_AsyncResource):
    """Async: Checkout Sessions: the buyer's checkout, from button click to completion."""

    async def create(
        self, body: CreateCheckoutSessionRequest | Body, **options: Unpack[MoneyCallOptions]
    ) -> CheckoutSession:
        """Create a Checkout Session (POST, idempotent)."""
        return await self._call(
            create_checkout_session,
            CheckoutSession,
            options,
            body=as_model(CreateCheckoutSessionRequest, body),
        )

    async def get(self, checkout_session_id: str, **options: Unpack[CallOptions]) -> CheckoutSession:
        """Get a Checkout Session."""
        return await self._call(
            get_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
        )

    async def update(
        self,
        checkout_session_id: str,
        body: UpdateCheckoutSessionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> CheckoutSession:
        """Update an Open Checkout Session (amount, return URL, metadata)."""
        return await self._call(
            update_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
            body=as_model(UpdateCheckoutSessionRequest, body),
        )

    async def complete(
        self,
        checkout_session_id: str,
        body: CompleteCheckoutSessionRequest | Body,
        **options: Unpack[MoneyCallOptions],
    ) -> CheckoutSession:
        """Complete a Checkout Session after the buyer returned (POST, idempotent)."""
        return await self._call(
            complete_checkout_session,
            CheckoutSession,
            options,
            checkout_session_id=path_id("checkout_session_id", checkout_session_id),
            body=as_model(CompleteCheckoutSessionRequest, body),
        )


class AsyncCharges(_AsyncResource):
    """Async: Charges: authorize, capture, cancel."""

    async def create(self, body: CreateChargeRequest | Body, **options: Unpack[MoneyCallOptions]) -> Charge:
        """Create a Charge on a Chargeable permission (POST, idempotent)."""
        return await self._call(create_charge, Charge, options, body=as_model(CreateChargeRequest, body))

    async def get(self, charge_id: str, **options: Unpack[CallOptions]) -> Charge:
        """Get a Charge."""
        return await self._call(get_charge, Charge, options, charge_id=path_id("charge_id", charge_id))

    async def capture(
        self, charge_id: str, body: CaptureChargeRequest | Body, **options: Unpack[MoneyCallOptions]
    ) -> Charge:
        """Capture an Authorized Charge (POST, idempotent)."""
        return await self._call(
            capture_charge,
            Charge,
            options,
            charge_id=path_id("charge_id", charge_id),
            body=as_model(CaptureChargeRequest, body),
        )

    async def cancel(self, charge_id: str, body: CancelChargeRequest | Body, **options: Unpack[CallOptions]) -> Charge:
        """Cancel a Charge before capture (DELETE with a body)."""
        return await self._call(
            cancel_charge,
            Charge,
            options,
            charge_id=path_id("charge_id", charge_id),
            body=as_model(CancelChargeRequest, body),
        )


class AsyncChargePermissions(_AsyncResource):
    """Async: Charge Permissions: the buyer's consent to be charged, one-time or recurring."""

    async def get(self, charge_permission_id: str, **options: Unpack[CallOptions]) -> ChargePermission:
        """Get a Charge Permission."""
        return await self._call(
            get_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
        )

    async def update(
        self,
        charge_permission_id: str,
        body: UpdateChargePermissionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> ChargePermission:
        """Update a Charge Permission's merchant metadata."""
        return await self._call(
            update_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
            body=as_model(UpdateChargePermissionRequest, body),
        )

    async def close(
        self,
        charge_permission_id: str,
        body: CloseChargePermissionRequest | Body,
        **options: Unpack[CallOptions],
    ) -> ChargePermission:
        """Close a Charge Permission (DELETE with a body)."""
        return await self._call(
            close_charge_permission,
            ChargePermission,
            options,
            charge_permission_id=path_id("charge_permission_id", charge_permission_id),
            body=as_model(CloseChargePermissionRequest, body),
        )


class AsyncRefunds(_AsyncResource):
    """Async: Refunds: asynchronous, poll with get until the state settles."""

    async def create(self, body: CreateRefundRequest | Body, **options: Unpack[MoneyCallOptions]) -> Refund:
        """Refund part or all of a Captured Charge (POST, idempotent)."""
        return await self._call(create_refund, Refund, options, body=as_model(CreateRefundRequest, body))

    async def get(self, refund_id: str, **options: Unpack[CallOptions]) -> Refund:
        """Get a Refund."""
        return await self._call(get_refund, Refund, options, refund_id=path_id("refund_id", refund_id))
