"""Undo for the simulator's objects: what an operation changed is rolled back if it fails unexpectedly.

Handlers validate their whole input before they change anything, so a refusal (a
:class:`SandboxError`) never leaves a half-applied request. This is the safety net for what
validation did not foresee: every attribute assignment on a :class:`Journaled` object and every
insertion into or deletion from a :class:`JournaledDict` made inside :func:`transaction` is
recorded, and an exception other than ``SandboxError`` undoes them all, newest first.
Container attributes are replaced, never changed in place, so assignments are the whole story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from ._errors import SandboxError

_UNDO: ContextVar[list[Callable[[], None]] | None] = ContextVar("amazonpay_testing_undo", default=None)
K = TypeVar("K")
V = TypeVar("V")
_ABSENT: Any = object()


class Journaled:
    """Base of the stored objects: assignments to existing attributes are recorded for undo."""

    def __setattr__(self, name: str, value: Any) -> None:
        undo = _UNDO.get()
        if undo is not None and name in self.__dict__:
            old = self.__dict__[name]
            undo.append(lambda: object.__setattr__(self, name, old))
        object.__setattr__(self, name, value)


class JournaledDict(dict[K, V]):
    """The objects by id: ``d[key] = value`` and ``del d[key]`` are recorded for undo."""

    def __setitem__(self, key: K, value: V) -> None:
        self._record(key)
        super().__setitem__(key, value)

    def __delitem__(self, key: K) -> None:
        self._record(key)
        super().__delitem__(key)

    def _record(self, key: K) -> None:
        undo = _UNDO.get()
        if undo is None:
            return
        old = self.get(key, _ABSENT)
        if old is _ABSENT:
            undo.append(lambda: dict.__delitem__(self, key))
        else:
            undo.append(lambda: dict.__setitem__(self, key, old))


@contextmanager
def transaction() -> Iterator[None]:
    """Record changes; undo them if the block raises anything but a :class:`SandboxError`.

    A ``SandboxError`` is the service's answer and keeps what the operation meant to change
    (an ``AmazonRejected`` decline closes the charge permission, and says so).
    """
    undo: list[Callable[[], None]] = []
    token = _UNDO.set(undo)
    try:
        yield
    except SandboxError:
        raise
    except BaseException:
        for step in reversed(undo):
            step()
        raise
    finally:
        _UNDO.reset(token)
