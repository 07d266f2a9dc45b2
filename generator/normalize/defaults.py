"""Pass: keep only the defaults a generated attribute can take."""

from __future__ import annotations

from typing import Any

from generator.normalize.schema_shapes import resolved, types_of
from generator.spec_walk import Schema, Spec, transform_schemas

_JSON_TYPES: dict[type, tuple[str, ...]] = {
    bool: ("boolean",),
    int: ("integer", "number"),
    float: ("number",),
    str: ("string",),
    list: ("array",),
    dict: ("object",),
    type(None): ("null",),
}
_DEPTH = 20


def _fits(value: Any, schema: Any, spec: Spec, depth: int = 0) -> bool:
    """Whether `value` passes `schema`'s type, `enum` and `const` (through references and
    `allOf`/`anyOf`/`oneOf`); deeper keywords are not looked at."""
    schema = resolved(spec, schema)
    if not isinstance(schema, dict) or depth > _DEPTH:
        return True
    if "const" in schema and value != schema["const"]:
        return False
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return False
    types = types_of(schema)
    if types and not set(_JSON_TYPES.get(type(value), ())).intersection(types):
        return False
    if not all(_fits(value, member, spec, depth + 1) for member in schema.get("allOf") or []):
        return False
    for union in ("anyOf", "oneOf"):
        members = schema.get(union)
        if (
            isinstance(members, list)
            and members
            and not any(_fits(value, m, spec, depth + 1) for m in members)
        ):
            return False
    return True


def _is_object(schema: Any, spec: Spec, depth: int = 0) -> bool:
    """Whether the schema (through references and `allOf`) describes an object with properties."""
    schema = resolved(spec, schema)
    if not isinstance(schema, dict) or depth > _DEPTH:
        return False
    if "properties" in schema or types_of(schema) == ["object"]:
        return True
    return any(_is_object(member, spec, depth + 1) for member in schema.get("allOf") or [])


def drop_unusable_defaults(spec: Spec) -> None:
    """A `default` that is an object, sits on an object schema, or does not fit its own schema (an enum
    value not in the enum, a list on a string) moves to `x-unused-default`: openapi-python-client
    refuses such a default and drops the schema ("ModelProperty cannot have a default value",
    "Cannot convert [] to enum")."""

    def move(schema: Schema) -> None:
        if "default" not in schema:
            return
        value = schema["default"]
        if value is None:
            return
        if isinstance(value, dict) or _is_object(schema, spec) or not _fits(value, schema, spec):
            schema["x-unused-default"] = schema.pop("default")

    transform_schemas(spec, move)
