"""The simulator's store: every object by id, the settings of the simulation, one operation call.

The rules that move the objects live in a module per object (:mod:`._checkout_sessions`,
:mod:`._charge_permissions`, :mod:`._charges`, :mod:`._refunds`, ...): each handler there takes
the :class:`State` and a validated :class:`Call` and returns ``(status, body)``, or raises
:class:`SandboxError` with the documented reason. Every store is journaled, so a request that
fails or is refused leaves no trace (:mod:`._journal`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import Reason, SandboxError
from ._journal import JournaledDict

if TYPE_CHECKING:
    from ._charge_permissions import ChargePermission
    from ._charges import Charge
    from ._checkout_sessions import CheckoutSession
    from ._disputes import Dispute
    from ._files import StoredFile
    from ._listings import Listing
    from ._refunds import Refund
    from ._reports import Report, ReportSchedule
    from ._storage import Link

Result = tuple[int, dict[str, Any] | None]  # None: an answer without a body
V = TypeVar("V")


class OwnedDict(JournaledDict[str, V]):
    """Objects by id that also finds the objects of one owner (a permission's charges) without a scan.

    A scan of every object made each Create Charge and Create Refund cost as much as the
    simulator's whole history: a long test run, or a load test, slowed down as it went. The
    owner's ids are kept in insertion order, as the objects themselves (they are never deleted);
    an insertion the journal undoes goes round :meth:`__setitem__`, so each id is checked again.
    """

    def __init__(self, owner: Callable[[V], str]) -> None:
        super().__init__()
        self._owner = owner
        self._ids: dict[str, dict[str, None]] = {}

    def __setitem__(self, key: str, value: V) -> None:
        super().__setitem__(key, value)
        self._ids.setdefault(self._owner(value), {})[key] = None

    def of(self, owner: str) -> list[V]:
        """The objects of ``owner``, oldest first."""
        found = (self.get(key) for key in self._ids.get(owner, ()))
        return [value for value in found if value is not None and self._owner(value) == owner]


@dataclass
class Settings:
    """Knobs of the simulation that tests may change at any time."""

    settle_after_reads: int = 1
    settle_after: timedelta = timedelta(0)
    future_date_tolerance: timedelta = timedelta(seconds=60)
    past_date_tolerance: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class Call:
    """One validated operation call: the time, the region, the path id, the body, the simulation."""

    now: datetime
    region: str
    resource_id: str = ""
    body: Mapping[str, Any] = field(default_factory=dict)
    simulation: str | None = None
    query: Mapping[str, str] = field(default_factory=dict)
    origin: str = ""  # scheme://host[:port] the request was sent to: where the simulator's URLs point

    def parameter(self, name: str) -> str | None:
        """The query parameter ``name`` (None if absent); sent empty, the service's 400 answer."""
        value = self.query.get(name)
        if value is not None and not value:
            raise SandboxError(Reason.InvalidParameterValue, f"Invalid value for parameter {name}: it is empty.")
        return value


class State:
    """Every object of the simulation, by id."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.checkout_sessions: dict[str, CheckoutSession] = JournaledDict()
        self.charge_permissions: dict[str, ChargePermission] = JournaledDict()
        self.charges: OwnedDict[Charge] = OwnedDict(lambda charge: charge.permission_id)
        self.refunds: OwnedDict[Refund] = OwnedDict(lambda refund: refund.charge_id)
        # Get Buyer, Create Delivery Tracker, Get Authorization Token
        self.buyers: dict[str, dict[str, Any]] = JournaledDict()  # buyer token -> Buyer
        self.buyer_tokens: dict[str, str] = JournaledDict()  # checkout session id -> buyer token
        self.tracking_numbers: dict[str, dict[str, Any]] = JournaledDict()  # -> the tracker that used it
        self.authorization_tokens: dict[tuple[str, str], str] = JournaledDict()  # (MWS token, merchant) -> token
        self.issued_tokens: dict[str, str] = JournaledDict()  # authorization token -> merchant
        # the back office
        self.reports: dict[str, Report] = JournaledDict()
        self.report_documents: dict[str, bytes] = JournaledDict()  # report document id -> CSV
        self.report_schedules: dict[str, ReportSchedule] = JournaledDict()
        self.disputes: dict[str, Dispute] = JournaledDict()
        self.files: dict[str, StoredFile] = JournaledDict()
        self.links: dict[str, Link] = JournaledDict()  # pre-signed URL credential -> what it opens
        self.listings: dict[str, Listing] = JournaledDict()  # nextToken -> the rest of a listing

    def charges_of(self, permission_id: str) -> list[Charge]:
        """The charges made on a charge permission."""
        return self.charges.of(permission_id)

    def refunds_of(self, charge_id: str) -> list[Refund]:
        """The refunds made of a charge."""
        return self.refunds.of(charge_id)
