"""JSON as this library hands it out: the simulator's views, a notification's message, a request's body.

What comes out as JSON is typed :data:`JsonValue` (or :data:`JsonObject`), not ``Any``:
narrow it with ``isinstance``, or read a generated model from it
(``Charge.from_dict(sandbox.charges[charge_id])``) for typed attributes. What goes in as JSON
(a button payload, a fault's body) is a ``Mapping[str, object]``, checked when it is used.
"""

from __future__ import annotations

from typing import TypeAlias, Union

#: Any JSON value, as ``json.loads`` returns it.
JsonValue: TypeAlias = Union[str, int, float, bool, list["JsonValue"], dict[str, "JsonValue"], None]  # noqa: UP007
#: A JSON object, as ``json.loads`` returns it.
JsonObject: TypeAlias = dict[str, JsonValue]
