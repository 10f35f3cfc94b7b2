"""``pay.notifications.fetch``: a notification the simulator published, verified by the library's
verifier through the simulator's certificate fetcher, then its object fetched; the dispatch is
the spec's ``x-amazonpay-notification-object``, read here from the effective spec."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from amazonpay import ConfigurationError, NotificationObjectError
from amazonpay.notifications import Notification, NotificationVerifier
from amazonpay.testing import PublishedNotification
from amazonpay_api.models import Charge, ChargePermission, Dispute, Refund
from tests.support.operations import money
from tests.support.shop import Shop
from tests.support.spec import operations_by_id

# The model each fetched object must be, and its id attribute (what the test expects, by type).
MODELS: dict[str, tuple[type[Any], str]] = {
    "CHARGE": (Charge, "charge_id"),
    "REFUND": (Refund, "refund_id"),
    "CHARGE_PERMISSION": (ChargePermission, "charge_permission_id"),
    "CHARGEBACK": (Dispute, "dispute_id"),  # fetched in tests/test_sandbox_backoffice.py
}


def fetchable_in_spec() -> set[str]:
    return {
        operation["x-amazonpay-notification-object"]
        for _, _, operation in operations_by_id().values()
        if "x-amazonpay-notification-object" in operation
    }


def verified(shop: Shop, published: PublishedNotification | str) -> Notification:
    body = published if isinstance(published, str) else published.body
    message = NotificationVerifier(fetcher=shop.sandbox.sns.fetch).verify(body)
    assert isinstance(message, Notification)
    return message


def one_of_each(shop: Shop) -> list[PublishedNotification]:
    """Notifications of a capture that closes its OneTime permission, then of a refund settling."""
    session = shop.checkout("10.00", "Authorize")
    shop.pay.charges.capture(session.charge_id, {"captureAmount": money("10.00")})
    refund = shop.pay.refunds.create({"chargeId": session.charge_id, "refundAmount": money("4.00")})
    shop.pay.refunds.get(refund.refund_id)
    return shop.sandbox.notifications


def test_the_spec_says_which_objects_can_be_fetched() -> None:
    assert fetchable_in_spec() == set(MODELS)


def test_a_notification_from_the_simulator_is_verified_and_its_object_fetched() -> None:
    shop = Shop()
    published = one_of_each(shop)
    assert [(n.object_type, n.state) for n in published] == [
        ("CHARGE", "Captured"),
        ("CHARGE_PERMISSION", "Closed"),
        ("REFUND", "Refunded"),
    ]
    for notification in published:
        message = verified(shop, notification)
        fetched = shop.pay.notifications.fetch(message)
        model, id_attribute = MODELS[notification.object_type]
        assert isinstance(fetched, model)
        assert getattr(fetched, id_attribute) == message.object_id == notification.object_id
        assert fetched.status_details.state == notification.state


@pytest.mark.anyio
async def test_async_clients_fetch_the_same_way() -> None:
    shop = Shop()
    published = one_of_each(shop)
    async with shop.async_client() as pay:
        for notification in published:
            fetched = await pay.notifications.fetch(verified(shop, notification), timeout=5)
            model, id_attribute = MODELS[notification.object_type]
            assert isinstance(fetched, model)
            assert getattr(fetched, id_attribute) == notification.object_id


@pytest.mark.parametrize("object_type", ["BILLING_AGREEMENT", "WIDGET", ""])  # v1 only, unknown, empty
def test_an_object_type_without_a_get_is_a_typed_error_before_any_request(object_type: str) -> None:
    shop = Shop()
    message = verified(shop, one_of_each(shop)[-1])
    unknown = dataclasses.replace(message, object_type=object_type)
    before = len(shop.sandbox.requests)
    with pytest.raises(NotificationObjectError) as refused:
        shop.pay.notifications.fetch(unknown)
    assert (refused.value.object_type, refused.value.object_id) == (object_type, message.object_id)
    assert set(refused.value.fetchable) == fetchable_in_spec()
    assert repr(object_type) in str(refused.value)
    assert isinstance(refused.value, LookupError)
    assert len(shop.sandbox.requests) == before


def test_an_unfetchable_notification_shows_its_type_and_id_bounded() -> None:
    # A topic nobody pinned can publish any text: the message stays short, the fields stay whole.
    shop = Shop()
    message = verified(shop, one_of_each(shop)[-1])
    hostile = dataclasses.replace(message, object_type="X\n" * 100_000, object_id="S01\u2028" * 100_000)
    with pytest.raises(NotificationObjectError) as refused:
        shop.pay.notifications.fetch(hostile)
    assert len(str(refused.value)) < 1000
    assert "\n" not in str(refused.value)
    assert "\u2028" not in str(refused.value)
    assert (refused.value.object_type, refused.value.object_id) == (hostile.object_type, hostile.object_id)


def test_only_notifications_name_an_object() -> None:
    shop = Shop()
    for not_a_notification in ({"ObjectType": "CHARGE", "ObjectId": "S01-1"}, shop.sandbox.notifications, None):
        with pytest.raises(ConfigurationError, match="fetch takes a Notification"):
            shop.pay.notifications.fetch(not_a_notification)  # type: ignore[arg-type]
    assert shop.sandbox.requests == []


def test_a_redelivered_notification_has_the_same_deduplication_key_and_fetches_the_same_object() -> None:
    shop = Shop()
    first = one_of_each(shop)[-1]
    deliveries: list[str] = []
    shop.sandbox.subscribe(lambda body: deliveries.append(body) and None)
    shop.sandbox.redeliver(first)
    again = verified(shop, deliveries[0])
    original = verified(shop, first)
    assert again.deduplication_key == original.deduplication_key
    assert shop.pay.notifications.fetch(again).refund_id == shop.pay.notifications.fetch(original).refund_id
