"""Undo for the simulator's objects: a request that fails or is refused leaves nothing it changed.

Every attribute assignment on a :class:`Journaled` object and every insertion into or deletion
from a :class:`JournaledDict` made inside :func:`transaction` is recorded. Container attributes
are replaced, never changed in place, so assignments are the whole story.

- An exception escaping :func:`transaction` (a bug) undoes every change, newest first.
- A refusal (:class:`SandboxError`, which the sandbox catches inside the transaction to answer
  it) undoes, through :meth:`Journal.refused`, every change the request made, newest first,
  keeping only what the passage of time had made due before the request changed anything (a
  session found expired, a refund found settled: changes made under :func:`time_passing`),
  which would have happened without the request. A handler that refuses after changing
  something therefore changes nothing. A refusal that must keep a change (an
  ``AmazonRejected`` decline closes the charge permission) is not raised but returned as the
  handler's answer (:func:`._errors.refusal`).

The same record says what a transaction changed (:meth:`Journal.changed`): the simulator reads
the state changes it publishes notifications for there, so none is missed and none is made up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")
_ABSENT: Any = object()


class _Step:
    """One recorded change: an assignment (``target.key`` was ``old``) or a store (``mapping[key]`` was ``old``).

    A plain class with slots, undone by its fields rather than by a closure: a request records a
    few, and a frozen dataclass holding a lambda was several times dearer to make (issue 22).
    """

    __slots__ = ("created", "key", "mapping", "old", "target")

    def __init__(
        self, target: Journaled | None, mapping: dict[Any, Any] | None, key: Any, old: Any, created: Any = _ABSENT
    ) -> None:
        self.target = target
        self.mapping = mapping
        self.key = key
        self.old = old  # _ABSENT: the store inserted the key
        self.created = created  # an insertion: the object first stored

    def undo(self) -> None:
        """Put back what was there before."""
        mapping = self.mapping
        if mapping is None:
            object.__setattr__(self.target, self.key, self.old)
        elif self.old is _ABSENT:
            dict.__delitem__(mapping, self.key)
        else:
            dict.__setitem__(mapping, self.key, self.old)


class Journal:
    """What one transaction did: its changes in order, and which of them time alone made."""

    def __init__(self) -> None:
        self._steps: list[_Step] = []
        self._time_depth = 0  # > 0 inside time_passing()
        self._kept = 0  # the first steps, all made by time passing, that a refusal keeps

    def assigned(self, target: Journaled, name: str, old: Any) -> None:
        """``target.name`` is about to change from ``old``."""
        self._add(_Step(target, None, name, old))

    def stored(self, mapping: dict[Any, Any], key: Any, old: Any, new: Any) -> None:
        """``mapping[key]`` changes from ``old`` (``_ABSENT``: a new key) to ``new`` (``_ABSENT``: deleted)."""
        self._add(_Step(None, mapping, key, old, new if old is _ABSENT else _ABSENT))

    def _add(self, step: _Step) -> None:
        if self._time_depth and self._kept == len(self._steps):
            self._kept += 1
        self._steps.append(step)

    def changed(self) -> Iterator[tuple[Journaled, Mapping[str, Any]]]:
        """Each object that existed before the transaction and had attributes assigned, with their old values."""
        created = {id(obj) for obj in self.created()}
        before: dict[int, tuple[Journaled, dict[str, Any]]] = {}
        for step in self._steps:
            if step.target is not None and id(step.target) not in created:
                before.setdefault(id(step.target), (step.target, {}))[1].setdefault(step.key, step.old)
        yield from before.values()

    def created(self) -> Iterator[Any]:
        """Each object first stored in this transaction."""
        seen: set[int] = set()
        for step in self._steps:
            if step.created is not _ABSENT and id(step.created) not in seen:
                seen.add(id(step.created))
                yield step.created

    def undo(self, *, keep: int = 0) -> None:
        """Undo every recorded step after the first ``keep``, newest first."""
        while len(self._steps) > keep:
            self._steps.pop().undo()

    def refused(self) -> None:
        """Undo what the request changed, keeping what time alone had made due before it."""
        self.undo(keep=self._kept)


_JOURNAL: ContextVar[Journal | None] = ContextVar("amazonpay_testing_journal", default=None)


class Journaled:
    """Base of the stored objects: assignments to existing attributes are recorded for undo."""

    def __setattr__(self, name: str, value: Any) -> None:
        # A new attribute (a constructor's, most of a request's assignments) has nothing to undo.
        if name in self.__dict__ and (journal := _JOURNAL.get()) is not None:
            journal.assigned(self, name, self.__dict__[name])
        object.__setattr__(self, name, value)


class JournaledDict(dict[K, V]):
    """The objects by id: ``d[key] = value`` and ``del d[key]`` are recorded for undo."""

    def __setitem__(self, key: K, value: V) -> None:
        self._record(key, value)
        super().__setitem__(key, value)

    def __delitem__(self, key: K) -> None:
        self._record(key, _ABSENT)
        super().__delitem__(key)

    def _record(self, key: K, new: Any) -> None:
        journal = _JOURNAL.get()
        if journal is not None:
            journal.stored(self, key, self.get(key, _ABSENT), new)


@contextmanager
def time_passing() -> Iterator[None]:
    """Mark the changes made inside as due to the passage of time (expiry, settling), not to the request."""
    journal = _JOURNAL.get()
    if journal is None:
        yield
        return
    journal._time_depth += 1
    try:
        yield
    finally:
        journal._time_depth -= 1


@contextmanager
def transaction() -> Iterator[Journal]:
    """Record changes; undo all of them if the block raises. The journal yielded says what changed."""
    journal = Journal()
    token = _JOURNAL.set(journal)
    try:
        yield journal
    except BaseException:
        journal.undo()
        raise
    finally:
        _JOURNAL.reset(token)
