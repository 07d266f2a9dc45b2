"""Pass: a `oneOf`/`anyOf` whose members only constrain which keys are present is not a type."""

from __future__ import annotations

from typing import Any

from generator.normalize.schema_shapes import is_annotation
from generator.spec_walk import Schema, Spec, transform_schemas

# Keywords that say which keys an object must or must not have, and nothing about its shape.
_PRESENCE_KEYWORDS = frozenset({"required", "minProperties", "maxProperties", "dependentRequired", "not"})
MOVED_PREFIX = "x-presence-"


def _is_presence_rule(member: Any) -> bool:
    return (
        isinstance(member, dict)
        and bool(member)
        and all(key in _PRESENCE_KEYWORDS or is_annotation(key) for key in member)
    )


def _move_presence_unions(schema: Schema) -> None:
    for keyword in ("oneOf", "anyOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and members and all(_is_presence_rule(member) for member in members):
            schema[MOVED_PREFIX + keyword] = schema.pop(keyword)


def move_presence_unions(spec: Spec) -> None:
    """`{properties: {a, b}, oneOf: [{required: [a]}, {required: [b]}]}` ("exactly one of a and b")
    is an object with a validation rule, not a union: its members add no shape. openapi-python-client
    made it a union of two empty members, so the object lost its class and was typed `Any`. The
    union moves to `x-presence-oneOf` (or `x-presence-anyOf`), where it stays on record."""
    transform_schemas(spec, _move_presence_unions)
