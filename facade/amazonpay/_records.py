"""Value classes that import for free: what ``@dataclass`` gives, driven by ``__slots__``.

``@dataclass`` writes a class's ``__init__``, ``__repr__`` and ``__eq__`` (a frozen one's
``__setattr__``, ``__delattr__`` and ``__hash__`` too) as source text and compiles it when its
module is imported: 0.6 to 0.9 ms a class, paid by every process that imports the client (a
CLI command, a lambda's cold start). The classes every call path loads are written as plain
classes instead: each lists its fields in ``__slots__`` (in its ``__init__``'s order) and
writes its ``__init__``; :class:`Record` and :class:`FrozenRecord` give the rest, as the
dataclass did: the repr lists the fields in order except the ones in ``_unshown``
(credentials, internals), equality compares two instances of the same class field by field,
a mutable record is unhashable, a frozen one hashable and refusing changes. The public ones
stay dataclasses, declared with :func:`frozen_dataclass` (see :class:`FrozenDataclass`).
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from typing_extensions import dataclass_transform

C = TypeVar("C", bound=type)


class _Fields:
    """Repr and equality from the fields' names."""

    # No annotations here: a public subclass's type hints (typing.get_type_hints) stay its own.
    __slots__ = ()
    #: The fields the repr leaves out.
    _unshown = frozenset[str]()

    def _names(self) -> tuple[str, ...]:
        return self.__slots__

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._names())

    def __repr__(self) -> str:
        unshown = self._unshown
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names() if name not in unshown)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Fields)
        return self._values() == other._values()


class Record(_Fields):
    """A mutable value class: repr and equality from its ``__slots__``, unhashable (as a dataclass)."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]


class FrozenRecord(_Fields):
    """An immutable value class: fields set once by ``__init__`` (with ``object.__setattr__``), hashable.

    Assigning or deleting a field raises :class:`dataclasses.FrozenInstanceError`, as a frozen
    dataclass does; copies and pickles are rebuilt through ``__init__`` from the fields.
    """

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), self._values()


class FrozenDataclass(_Fields):
    """What a frozen dataclass generates, for the public ones declared with :func:`frozen_dataclass`.

    ``dataclasses.fields()``, ``replace()`` and ``asdict()`` work on :class:`amazonpay.Endpoint`
    and :class:`amazonpay.RetryPolicy`, so they stay dataclasses, with an ``__init__`` of their
    own (which sets each field with ``object.__setattr__``); their repr, equality, hash and
    frozenness are these, read from the fields when called.
    """

    __slots__ = ()

    def _names(self) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cast("DataclassInstance", self)))

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


if TYPE_CHECKING:

    @dataclass_transform(frozen_default=True)
    def frozen_dataclass(cls: C) -> C:
        """A frozen dataclass to type checkers: its fields are read-only, ``replace()`` takes it."""

else:

    def frozen_dataclass(cls: C) -> C:
        """The dataclass of a :class:`FrozenDataclass` subclass: fields only, nothing compiled at import.

        Not ``frozen=True``: that compiles ``__setattr__`` and ``__delattr__`` from source text
        when the module is imported (1.2 million instructions a class), where FrozenDataclass
        defines them once; to type checkers it is frozen all the same (above).
        """
        return dataclass(init=False, repr=False, eq=False)(cls)
