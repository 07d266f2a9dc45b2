"""Pass: a schema that adds properties to one referenced schema keeps them in an `allOf` member."""

from __future__ import annotations

from generator.spec_walk import Schema, Spec, transform_schemas

_COMBINATORS = ("allOf", "anyOf", "oneOf")
_OWN_KEYWORDS = ("properties", "required")


def _separate(schema: Schema) -> None:
    members = [member for keyword in _COMBINATORS for member in schema.get(keyword) or []]
    if len(members) != 1 or not isinstance(members[0], dict) or "$ref" not in members[0]:
        return
    own = {keyword: schema.pop(keyword) for keyword in _OWN_KEYWORDS if schema.get(keyword)}
    if not own:
        return
    for keyword in _COMBINATORS:
        schema.pop(keyword, None)
    schema["allOf"] = [members[0], {"type": "object", **own}]


def separate_reference_extensions(spec: Spec) -> None:
    """`{allOf: [{$ref: Base}], properties: {...}, required: [...]}` (or the one reference under
    `anyOf`/`oneOf`) becomes `{allOf: [{$ref: Base}, {type: object, properties, required}]}`.
    openapi-python-client reads a schema whose `allOf`, `anyOf` and `oneOf` hold a single reference as
    that reference: the schema's own properties and its class vanished, and in a union of `Base` and
    its extensions every member became `Base`. With two `allOf` members it merges them into a class."""
    transform_schemas(spec, _separate)
