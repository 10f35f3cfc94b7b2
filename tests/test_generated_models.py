"""The generated classes behave as the attrs classes they replace, without attrs.

openapi-python-client makes every model, ``types.File``, ``types.Response`` and the clients attrs
classes; our templates (scripts/templates/generator/) make them plain classes with ``__slots__``
and an explicit ``__init__`` (attrs builds each class at import time, which a cold start pays).
User code constructs them, compares them, prints, pickles and copies them: that must not change.
"""

from __future__ import annotations

import copy
import pickle
import re
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest

from amazonpay_api.client import AuthenticatedClient, Client
from amazonpay_api.models import Charge, ChargeState, ChargeStatusDetails, Price, ReleaseEnvironment
from amazonpay_api.types import UNSET, File, Response

GENERATED = Path(__file__).resolve().parent.parent / "generated" / "amazonpay_api"

CHARGE: dict[str, Any] = {
    "chargeId": "S02-7331650-8246451-C568833",
    "chargePermissionId": "S02-7331650-8246451",
    "chargeAmount": {"amount": "14.00", "currencyCode": "EUR"},
    "statusDetails": {"state": "Authorized", "lastUpdatedTimestamp": "20261120T101010Z"},
    "providerMetadata": {"providerReferenceId": None},
    "releaseEnvironment": "Sandbox",
    "newerField": {"nested": [1, 2]},  # unknown to this client: kept in additional_properties
}


def charge() -> Charge:
    return Charge.from_dict(CHARGE)


#: What builds a class at run time: an attrs or dataclasses import, exec, attrs' evolve.
CLASS_BUILDING = re.compile(r"^\s*(from|import)\s+(attrs?|dataclasses)\b|\bexec\(|\bevolve\(|make_dataclass", re.M)


def test_the_generated_package_never_uses_attrs_dataclasses_or_exec() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in GENERATED.rglob("*.py")}
    assert len(sources) > 100
    offending = {str(path.relative_to(GENERATED)) for path, text in sources.items() if CLASS_BUILDING.search(text)}
    assert not offending
    assert CLASS_BUILDING.search("from attrs import define as _attrs_define\n")  # the check can fail


def test_models_construct_by_keyword_and_by_position_in_the_attrs_order() -> None:
    # Required fields first, then the optional ones (default UNSET), as attrs ordered them.
    status = ChargeStatusDetails(ChargeState.AUTHORIZED, last_updated_timestamp="20261120T101010Z")
    by_position = Charge("S02-1-C1", "S02-1", status, Price("14.00", "EUR"))
    by_keyword = Charge(
        charge_amount=Price(currency_code="EUR", amount="14.00"),
        status_details=status,
        charge_permission_id="S02-1",
        charge_id="S02-1-C1",
    )
    assert by_position == by_keyword
    assert (by_position.charge_id, by_position.charge_permission_id) == ("S02-1-C1", "S02-1")
    assert by_position.charge_amount == Price(amount="14.00", currency_code="EUR")
    assert by_position.capture_amount is UNSET
    assert status.reason_code is UNSET


def test_additional_properties_start_empty_per_instance_and_are_not_a_parameter() -> None:
    first, second = Price("1.00", "EUR"), Price("1.00", "EUR")
    first["promotion"] = "spring"
    assert first.additional_properties == {"promotion": "spring"}
    assert second.additional_properties == {}
    assert first.additional_keys == ["promotion"]
    with pytest.raises(TypeError, match="additional_properties"):
        Price("1.00", "EUR", additional_properties={})  # type: ignore[call-arg]


def test_equality_is_same_class_and_equal_fields_including_additional_properties() -> None:
    assert charge() == charge()
    assert charge() is not charge()
    changed = charge()
    changed.charge_amount = Price("15.00", "EUR")
    assert changed != charge()
    extra = charge()
    extra.additional_properties["newerField"] = {"nested": [1, 3]}
    assert extra != charge()

    class Subclass(Price):
        __slots__ = ()

    assert Subclass("1.00", "EUR") != Price("1.00", "EUR")
    not_a_number = float("nan")  # one object in both: equal, as attrs compares field tuples
    assert Charge("c", "p", ChargeStatusDetails(ChargeState.CAPTURED), conversion_rate=not_a_number) == Charge(
        "c", "p", ChargeStatusDetails(ChargeState.CAPTURED), conversion_rate=not_a_number
    )
    assert Price("1.00", "EUR") != {"amount": "1.00", "currencyCode": "EUR"}
    assert Price("1.00", "EUR").__eq__(("1.00", "EUR")) is NotImplemented


def test_a_subclass_compares_and_shows_the_fields_it_inherits_and_adds() -> None:
    class Annotated(Price):  # a user's subclass: slots of its own
        __slots__ = ("note",)

        def __init__(self, amount: str, currency_code: str, note: str) -> None:
            super().__init__(amount, currency_code)
            self.note = note

    class Plain(Price):  # no slots of its own: the model's fields
        pass

    assert Annotated("1.00", "EUR", "a") != Annotated("2.00", "EUR", "a")
    assert Annotated("1.00", "EUR", "a") != Annotated("1.00", "EUR", "b")
    assert Annotated("1.00", "EUR", "a") == Annotated("1.00", "EUR", "a")
    assert repr(Annotated("1.00", "EUR", "a")).endswith(
        "Annotated(amount='1.00', currency_code='EUR', additional_properties={}, note='a')"
    )
    assert Plain("1.00", "EUR") != Plain("2.00", "EUR")
    assert repr(Plain("1.00", "EUR")).endswith("Plain(amount='1.00', currency_code='EUR', additional_properties={})")


def test_models_are_unhashable_like_mutable_attrs_classes() -> None:
    with pytest.raises(TypeError, match="unhashable"):
        hash(Price("1.00", "EUR"))
    with pytest.raises(TypeError, match="unhashable"):
        {charge()}


def test_repr_names_the_class_and_every_field_in_order() -> None:
    price = Price("14.00", "EUR")
    price["note"] = 1
    assert repr(price) == "Price(amount='14.00', currency_code='EUR', additional_properties={'note': 1})"
    text = repr(charge())
    assert text.startswith(
        "Charge(charge_id='S02-7331650-8246451-C568833', charge_permission_id='S02-7331650-8246451', "
        "status_details=ChargeStatusDetails(state=<ChargeState.AUTHORIZED: 'Authorized'>, "
        "reason_code=<amazonpay_api.types.Unset object at "
    )
    assert "charge_amount=Price(amount='14.00', currency_code='EUR', additional_properties={})" in text
    assert "release_environment=<ReleaseEnvironment.SANDBOX: 'Sandbox'>, " in text
    assert text.endswith("additional_properties={'newerField': {'nested': [1, 2]}})")


@pytest.mark.parametrize(
    "duplicate",
    [
        pytest.param(lambda obj: pickle.loads(pickle.dumps(obj)), id="pickle"),  # noqa: S301 - our own bytes
        pytest.param(lambda obj: pickle.loads(pickle.dumps(obj, protocol=2)), id="pickle-2"),  # noqa: S301
        pytest.param(copy.copy, id="copy"),
        pytest.param(copy.deepcopy, id="deepcopy"),
    ],
)
def test_models_pickle_and_copy_with_unset_still_unset(duplicate: Any) -> None:
    original = charge()
    twin = duplicate(original)
    assert twin == original
    assert twin is not original
    assert twin.capture_amount is UNSET  # `is UNSET` decides what to_dict sends
    assert twin.release_environment is ReleaseEnvironment.SANDBOX
    assert twin.to_dict() == CHARGE


def test_copy_is_shallow_and_deepcopy_is_deep() -> None:
    original = charge()
    assert copy.copy(original).charge_amount is original.charge_amount
    deep = copy.deepcopy(original)
    assert deep.charge_amount is not original.charge_amount
    assert deep.additional_properties is not original.additional_properties


def test_response_and_file_are_plain_value_classes() -> None:
    response = Response(HTTPStatus.OK, b"{}", {"content-type": "application/json"}, None)
    assert response == Response(
        status_code=HTTPStatus.OK, content=b"{}", headers={"content-type": "application/json"}, parsed=None
    )
    assert response != Response(HTTPStatus.OK, b"{}", {}, None)
    assert repr(response) == (
        "Response(status_code=<HTTPStatus.OK: 200>, content=b'{}', headers={'content-type': 'application/json'}, "
        "parsed=None)"
    )
    payload = pickle.loads(pickle.dumps(response))  # noqa: S301 - our own bytes
    assert payload == response
    upload = File(b"data", "report.csv")  # type: ignore[arg-type]
    assert upload.to_tuple() == ("report.csv", b"data", None)
    assert upload == File(payload=b"data", file_name="report.csv")  # type: ignore[arg-type]


def test_client_builders_return_a_new_client_with_every_setting_kept() -> None:
    timeout = httpx.Timeout(3.0)
    client = AuthenticatedClient(
        "https://pay.example/v2",
        "not-a-secret",
        headers={"x-one": "1"},
        cookies={"c": "1"},
        raise_on_unexpected_status=True,
        follow_redirects=True,
    )
    derived = client.with_headers({"x-two": "2"}).with_cookies({"d": "2"}).with_timeout(timeout)
    assert type(derived) is AuthenticatedClient
    assert derived is not client
    assert (derived.token, derived.prefix, derived.raise_on_unexpected_status) == ("not-a-secret", "Bearer", True)
    with derived.get_httpx_client() as http:
        assert str(http.base_url) == "https://pay.example/v2/"
        assert http.headers["x-one"] == "1"
        assert http.headers["x-two"] == "2"
        assert http.headers["Authorization"] == "Bearer not-a-secret"
        assert dict(http.cookies) == {"c": "1", "d": "2"}
        assert http.timeout == timeout
        assert http.follow_redirects is True
    # The original keeps its own settings, and no httpx client was made for it.
    assert client.with_headers({}) == AuthenticatedClient(
        "https://pay.example/v2",
        "not-a-secret",
        headers={"x-one": "1"},
        cookies={"c": "1"},
        raise_on_unexpected_status=True,
        follow_redirects=True,
    )


def test_client_defaults_are_the_attrs_ones() -> None:
    client = Client("https://pay.example/v2")
    assert client.raise_on_unexpected_status is False
    other = Client("https://pay.example/v2")
    assert client == other
    with client.get_httpx_client() as first:
        assert first.headers.get("x-one") is None
        assert first.follow_redirects is False
    # Each client has its own headers: adding to one does not reach another made the same way.
    assert client.with_headers({"x-one": "1"}) != other
    assert other.get_httpx_client().headers.get("x-one") is None
    other.get_httpx_client().close()


# --- enums: a value added later is read (issue 18; scripts/templates/generator/str_enum.py.jinja) ---
def test_an_enum_value_added_later_is_a_member_that_its_listed_members_do_not_include() -> None:
    later = ReleaseEnvironment("Staging")
    assert isinstance(later, ReleaseEnvironment)
    assert later == "Staging"
    assert str(later) == "Staging"
    assert later.value == "Staging"
    assert later not in list(ReleaseEnvironment)
    assert later != ReleaseEnvironment.SANDBOX
    assert ReleaseEnvironment("Sandbox") is ReleaseEnvironment.SANDBOX  # listed values stay the members
    assert {later: 1}[ReleaseEnvironment("Staging")] == 1


@pytest.mark.parametrize(
    "duplicate",
    [
        pytest.param(lambda obj: pickle.loads(pickle.dumps(obj)), id="pickle"),  # noqa: S301 - our own bytes
        pytest.param(copy.copy, id="copy"),
        pytest.param(copy.deepcopy, id="deepcopy"),
    ],
)
def test_an_enum_value_added_later_survives_pickling_and_copying(duplicate: Any) -> None:
    charge = Charge.from_dict({**CHARGE, "releaseEnvironment": "Staging"})
    again = duplicate(charge)
    assert again == charge
    assert again.release_environment == "Staging"


def test_an_enum_value_that_is_not_a_string_is_still_refused() -> None:
    with pytest.raises(ValueError, match="3 is not a valid ReleaseEnvironment"):
        ReleaseEnvironment(3)
