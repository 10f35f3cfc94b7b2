from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class AuthorizationToken(_Model):
    """A delegated-access token, to send as x-amz-pay-authtoken.

    Attributes:
        authorization_token (str):
    """

    __slots__ = (
        "authorization_token",
        "additional_properties",
    )
    __match_args__ = ("authorization_token",)

    authorization_token: str
    additional_properties: dict[str, Any]
    _secret_fields = frozenset({"authorization_token"})

    def __init__(
        self,
        authorization_token: str,
    ) -> None:
        self.authorization_token = authorization_token
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        authorization_token = self.authorization_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorizationToken": authorization_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        authorization_token = d.pop("authorizationToken")

        authorization_token = cls(
            authorization_token=authorization_token,
        )

        authorization_token.additional_properties = d
        return authorization_token

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
