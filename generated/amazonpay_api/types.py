"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar


class Model:
    """What attrs gave the generated classes, driven by their ``__slots__``

    Each generated class is a plain class with ``__slots__`` and an explicit ``__init__``, so
    importing it builds no class at run time (attrs compiles one per class): equality compares
    two instances of the same class field by field, instances are unhashable (they are
    mutable), the repr lists the fields in order, and they pickle and copy. The repr shows
    ``<secret>`` for the fields the spec marks as credentials (``x-amazonpay-secret``).
    Instances can be weakly referenced (as attrs' are), which is how ``amazonpay.outcome_of``
    finds the outcome of the call that returned one without a field on the model; the weak
    reference is no field (not compared, shown, pickled or copied).
    """

    __slots__ = ("__weakref__",)
    __hash__ = None  # type: ignore[assignment]
    #: The fields holding credentials (set by the model template from ``x-amazonpay-secret``).
    _secret_fields: frozenset[str] = frozenset()

    def _secrets(self) -> frozenset[str]:
        """The fields the repr does not show."""
        return self._secret_fields

    def _field_names(self) -> tuple[str, ...]:
        """The slots of every class from Model down, in order: a subclass's own slots add fields."""
        slots = (
            cls.__dict__.get("__slots__", ())
            for cls in reversed(type(self).__mro__)
            if cls is not Model
        )
        return tuple(
            name
            for names in slots
            for name in ((names,) if isinstance(names, str) else names)
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        # Tuples, as attrs compares: a field holding the same object is equal (even NaN).
        names = self._field_names()
        return tuple(getattr(self, name) for name in names) == tuple(
            getattr(other, name) for name in names
        )

    def __repr__(self) -> str:
        secrets = self._secrets()
        fields = ", ".join(
            f"{name}=<secret>" if name in secrets else f"{name}={getattr(self, name)!r}"
            for name in self._field_names()
        )
        return f"{self.__class__.__qualname__}({fields})"


class Unset:
    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        # Pickled and copied as the module's UNSET, so `is UNSET` still holds afterwards.
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


class File(Model):
    """Contains information for file uploads"""

    __slots__ = ("payload", "file_name", "mime_type")
    __match_args__ = ("payload", "file_name", "mime_type")

    payload: BinaryIO
    file_name: str | None
    mime_type: str | None

    def __init__(
        self,
        payload: BinaryIO,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


class Response(Model, Generic[T]):
    """A response from an endpoint"""

    __slots__ = ("status_code", "content", "headers", "parsed")
    __match_args__ = ("status_code", "content", "headers", "parsed")

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def _secrets(self) -> frozenset[str]:
        # The raw body holds what the parsed model keeps out of its repr.
        parsed = self.parsed
        return (
            frozenset({"content"})
            if isinstance(parsed, Model) and parsed._secrets()
            else frozenset()
        )


__all__ = ["UNSET", "File", "FileTypes", "Model", "RequestFiles", "Response", "Unset"]
