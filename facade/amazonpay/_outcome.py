"""What a call's answer said beside its body: request id, attempts, key, whether Amazon replayed it.

One type, :class:`Outcome`, two ways in: a ``request_options()`` block yields one that follows
the block's calls as they run (for a call cut off mid-request), and :func:`outcome_of` gives
the finished outcome of the call that returned a result. The second is a side table keyed by
the result's identity, held weakly (the models can be weakly referenced): nothing is added to
the model, so its equality, repr, ``to_dict()`` and pickling stay the API's, and the table
forgets an outcome when its result is collected. Each entry is written by the thread or task
whose call returned that result, so concurrent calls never see each other's outcome.
"""

from __future__ import annotations

import threading
import weakref
from typing import Final, Protocol

from ._records import FrozenRecord
from ._registry import operation_at

#: The statuses of a create whose repeat Amazon answers from its idempotency store: "Returns
#: HTTP 201 (Created) status if the operation was successful. Subsequent retry attempts using
#: the same Idempotency Key may return a HTTP 200 (OK) status if a new resource is not created."
#: (docs charge.html, checkout-session.html, refund.html: Create Charge, Create Checkout
#: Session, Create Refund; manually-requesting-reports.html for Create Report).
_CREATED: Final = 201
_REPLAYED: Final = 200


class Outcome(Protocol):
    """What amazonpay knows of a call: its last answer's status and request id, its attempts and key.

    ``request_options() as outcome`` yields one for the block's calls (filled as they run, see
    :func:`amazonpay.request_options`); :func:`amazonpay.outcome_of` returns the one of the call
    that returned a result.
    """

    @property
    def status(self) -> int | None:
        """The HTTP status of the last answer (None until one comes, or when the last attempt got none)."""

    @property
    def request_id(self) -> str | None:
        """Amazon's ``x-amz-pay-request-id`` of the last answer: quote it to Amazon Pay's support."""

    @property
    def attempts(self) -> int:
        """The attempts started (1 without retries), the one in flight included."""

    @property
    def sent(self) -> bool:
        """Whether a request may have left this process (False only when nothing was sent)."""

    @property
    def idempotency_key(self) -> str | None:
        """The ``x-amz-pay-idempotency-key`` of the last POST (None for GET, PATCH and DELETE)."""

    @property
    def replayed(self) -> bool | None:
        """Whether Amazon answered the POST from its idempotency store rather than doing it again.

        True when a create the spec answers with 201 answered 200 (a repeat of a call Amazon had
        already done, with the same key); False when it answered 201; None when the answer
        cannot tell (an operation that answers 200 either way, such as Capture Charge, no key,
        or no answer).
        """


def replayed(method: str, path: str, status: int | None, idempotency_key: str | None) -> bool | None:
    """The rule of :attr:`Outcome.replayed`, read from the operation's declared success statuses."""
    if idempotency_key is None or status not in (_CREATED, _REPLAYED):
        return None
    entry = operation_at(method, path)
    if entry is None or not {_CREATED, _REPLAYED} <= set(entry["successStatuses"]):
        return None
    return status == _REPLAYED


class FinishedCall(FrozenRecord):
    """The :class:`Outcome` of a call that has returned (``outcome_of``); it no longer changes."""

    __slots__ = ("status", "request_id", "attempts", "sent", "idempotency_key", "replayed")  # noqa: RUF023  # field order
    status: int | None
    request_id: str | None
    attempts: int
    sent: bool
    idempotency_key: str | None
    replayed: bool | None

    def __init__(
        self,
        status: int | None,
        request_id: str | None,
        attempts: int,
        sent: bool,
        idempotency_key: str | None,
        replayed: bool | None,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "status", status)
        setattr_(self, "request_id", request_id)
        setattr_(self, "attempts", attempts)
        setattr_(self, "sent", sent)
        setattr_(self, "idempotency_key", idempotency_key)
        setattr_(self, "replayed", replayed)


class _Outcomes:
    """Result identity -> the outcome of the call that returned it, for as long as the result lives."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[object], FinishedCall]] = {}
        # Reentrant: a collection may run a weak reference's callback in a thread that holds it.
        self._lock = threading.RLock()

    def remember(self, result: object, outcome: FinishedCall) -> None:
        key = id(result)
        try:
            ref = weakref.ref(result, lambda dead: self._forget(key, dead))
        except TypeError:
            return  # None or bytes (a download): nothing to look an outcome up by
        with self._lock:
            self._entries[key] = (ref, outcome)

    def _forget(self, key: int, dead: weakref.ref[object]) -> None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] is dead:  # not a newer result that took the same id
                del self._entries[key]

    def find(self, result: object) -> FinishedCall | None:
        with self._lock:
            entry = self._entries.get(id(result))
        return entry[1] if entry is not None and entry[0]() is result else None


_outcomes: Final = _Outcomes()
remember: Final = _outcomes.remember


def outcome_of(result: object) -> Outcome | None:
    """The outcome of the call that returned ``result`` (a model a resource method returned).

    ``amazonpay.outcome_of(refund).request_id`` is the request id of the answer that carried
    ``refund``; ``.replayed`` says whether Amazon answered a repeated create from its
    idempotency store. None for an object no call returned (one built by hand, a copy, an item
    of a listing: ask the page it came on), and for results that are not objects (a download's
    bytes). A ``wait()``'s result has the outcome of its last GET.
    """
    return _outcomes.find(result)
