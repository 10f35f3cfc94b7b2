"""``pay.notifications.fetch``: get the object a verified notification names.

Notifications carry no state, so handling one means getting its object. Which operation gets
the objects of which ``ObjectType`` is a fact of the spec (``x-amazonpay-notification-object``),
read here from the generated registry: nothing here names an object type or an operation.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeAlias, Unpack, cast

from .._errors import ConfigurationError, NotificationObjectError
from .._options import CallOptions
from .._registry import operation_registry
from ._messages import Notification

if TYPE_CHECKING:
    from amazonpay_api.models.charge import Charge
    from amazonpay_api.models.charge_permission import ChargePermission
    from amazonpay_api.models.dispute import Dispute
    from amazonpay_api.models.refund import Refund

    from .._client import AmazonPay, AsyncAmazonPay

#: What ``fetch`` returns: the object of each GET declaring ``x-amazonpay-notification-object``
#: in the effective spec (tests/test_public_types.py holds this union to the generated registry).
NotificationObject: TypeAlias = "Charge | ChargePermission | Dispute | Refund"


@cache
def _getters() -> dict[str, tuple[str, str]]:
    """Notification object type -> (resource, action) of the GET the spec names for it."""
    return {
        facts["notificationObject"]: (facts["resource"], facts["action"])
        for facts in operation_registry()
        if facts.get("notificationObject")
    }


def getter(notification: Notification) -> tuple[str, str]:
    """The (resource, action) that gets the notification's object, or the typed refusal (no I/O)."""
    if not isinstance(notification, Notification):
        raise ConfigurationError(
            f"fetch takes a Notification returned by NotificationVerifier.verify, not {type(notification).__name__}: "
            "only notifications name an object (subscription messages do not)"
        )
    try:
        return _getters()[str(notification.object_type)]
    except KeyError:
        raise NotificationObjectError(
            object_type=str(notification.object_type),
            object_id=notification.object_id,
            fetchable=tuple(sorted(_getters())),
        ) from None


class ClientNotifications:
    """``pay.notifications``: what a client does with verified notifications."""

    def __init__(self, client: AmazonPay) -> None:
        self._client = client

    def fetch(self, notification: Notification, **options: Unpack[CallOptions]) -> NotificationObject:
        """Get the object the notification names: a Charge, Refund, ChargePermission or Dispute model.

        Narrow it with ``isinstance`` (or ``match``) on the model, as ``notification.object_type`` says.

        Verify the notification first (:class:`NotificationVerifier`): an unverified body can
        name any id. :class:`amazonpay.NotificationObjectError` if this client cannot get that
        type of object (a type newer than this client); any error of the GET as
        it is. The object's state is what the notification is about: notifications carry none.
        """
        resource, action = getter(notification)
        fetched = getattr(getattr(self._client, resource), action)(notification.object_id, **options)
        return cast("NotificationObject", fetched)


class AsyncClientNotifications:
    """``pay.notifications`` of an async client."""

    def __init__(self, client: AsyncAmazonPay) -> None:
        self._client = client

    async def fetch(self, notification: Notification, **options: Unpack[CallOptions]) -> NotificationObject:
        """The async twin of :meth:`ClientNotifications.fetch`."""
        resource, action = getter(notification)
        fetched = await getattr(getattr(self._client, resource), action)(notification.object_id, **options)
        return cast("NotificationObject", fetched)
