"""Undo for the simulator's objects: what an operation changed is rolled back if it fails unexpectedly.

Handlers validate their whole input before they change anything, so a refusal (a
:class:`SandboxError`) never leaves a half-applied request. This is the safety net for what
validation did not foresee: every attribute assignment on a :class:`Journaled` object and every
insertion into or deletion from a :class:`JournaledDict` made inside :func:`transaction` is
recorded, and an exception other than ``SandboxError`` undoes them all, newest first.
Container attributes are replaced, never changed in place, so assignments are the whole story.

The same record says what a transaction changed (:meth:`Journal.changed`): the simulator reads
the state changes it publishes notifications for there, so none is missed and none is made up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from ._errors import SandboxError

K = TypeVar("K")
V = TypeVar("V")
_ABSENT: Any = object()


class Journal:
    """What one transaction did: the steps that undo it, and what it changed."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []
        # id(object) -> (object, its attributes' values before their first assignment)
        self._before: dict[int, tuple[Journaled, dict[str, Any]]] = {}
        self._created: set[int] = set()  # ids of the objects first stored in this transaction

    def assigned(self, target: Journaled, name: str, old: Any) -> None:
        """``target.name`` is about to change from ``old``."""
        self._undo.append(lambda: object.__setattr__(target, name, old))
        _, before = self._before.setdefault(id(target), (target, {}))
        before.setdefault(name, old)

    def stored(self, mapping: dict[Any, Any], key: Any, old: Any, new: Any) -> None:
        """``mapping[key]`` changes from ``old`` (``_ABSENT``: a new key) to ``new`` (``_ABSENT``: deleted)."""
        if old is _ABSENT:
            self._undo.append(lambda: dict.__delitem__(mapping, key))
            if new is not _ABSENT:
                self._created.add(id(new))
        else:
            self._undo.append(lambda: dict.__setitem__(mapping, key, old))

    def changed(self) -> Iterator[tuple[Journaled, Mapping[str, Any]]]:
        """Each object that existed before the transaction and had attributes assigned, with their old values."""
        for key, (target, before) in self._before.items():
            if key not in self._created:
                yield target, before

    def undo(self) -> None:
        """Undo every recorded step, newest first."""
        for step in reversed(self._undo):
            step()


_JOURNAL: ContextVar[Journal | None] = ContextVar("amazonpay_testing_journal", default=None)


class Journaled:
    """Base of the stored objects: assignments to existing attributes are recorded for undo."""

    def __setattr__(self, name: str, value: Any) -> None:
        journal = _JOURNAL.get()
        if journal is not None and name in self.__dict__:
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
def transaction() -> Iterator[Journal]:
    """Record changes; undo them if the block raises anything but a :class:`SandboxError`.

    A ``SandboxError`` is the service's answer and keeps what the operation meant to change
    (an ``AmazonRejected`` decline closes the charge permission, and says so). The journal
    yielded says what changed.
    """
    journal = Journal()
    token = _JOURNAL.set(journal)
    try:
        yield journal
    except SandboxError:
        raise
    except BaseException:
        journal.undo()
        raise
    finally:
        _JOURNAL.reset(token)
