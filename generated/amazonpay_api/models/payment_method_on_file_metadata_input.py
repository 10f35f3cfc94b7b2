from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class PaymentMethodOnFileMetadataInput(_Model):
    """Saved Wallet set-up: setupOnly true saves the payment method without charging (the session is then completed with an
    empty body).

        Attributes:
            setup_only (bool | Unset):
    """

    __slots__ = ("setup_only",)
    __match_args__ = ("setup_only",)

    setup_only: bool | Unset

    def __init__(
        self,
        setup_only: bool | Unset = UNSET,
    ) -> None:
        self.setup_only = setup_only

    def to_dict(self) -> dict[str, Any]:
        setup_only = self.setup_only

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if setup_only is not UNSET:
            field_dict["setupOnly"] = setup_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        setup_only = d.pop("setupOnly", UNSET)

        payment_method_on_file_metadata_input = cls(
            setup_only=setup_only,
        )

        return payment_method_on_file_metadata_input
