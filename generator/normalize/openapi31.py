"""Pass: express OpenAPI 3.0 idioms the 3.1 way, so every later stage reads one dialect."""

from __future__ import annotations

from generator.normalize.schema_shapes import is_annotation, split_annotations, types_of
from generator.spec_walk import Schema, Spec, transform_schemas

NULL_SCHEMA: Schema = {"type": "null"}


def _make_nullable(schema: Schema) -> None:
    """Let `schema` also accept null, keeping its meaning otherwise."""
    if "$ref" in schema or "allOf" in schema:
        annotations, rest = split_annotations(schema)
        all_of = rest.get("allOf")
        if set(rest) == {"allOf"} and isinstance(all_of, list) and len(all_of) == 1:
            rest = all_of[0]
        schema.clear()
        schema.update(annotations)
        schema["anyOf"] = [rest, dict(NULL_SCHEMA)]
        return
    for union in ("anyOf", "oneOf"):
        members = schema.get(union)
        if isinstance(members, list):
            if not any(types_of(member) == ["null"] for member in members if isinstance(member, dict)):
                members.append(dict(NULL_SCHEMA))
            return
    types = types_of(schema)
    if not types:
        return  # no type: already accepts anything, null included
    if "null" not in types:
        schema["type"] = [*types, "null"]
    enum = schema.get("enum")
    if isinstance(enum, list) and None not in enum:
        enum.append(None)


def _upgrade_schema(schema: Schema) -> None:
    if "$ref" in schema:
        # OpenAPI 3.0 ignores every sibling of `$ref`; annotations are kept for the docs.
        for key in [key for key in schema if key not in ("$ref", "nullable") and not is_annotation(key)]:
            del schema[key]
    _nullable_keyword(schema)
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        flag = schema.get(exclusive)
        if isinstance(flag, bool):
            del schema[exclusive]
            if flag and bound in schema:
                schema[exclusive] = schema.pop(bound)


def _nullable_keyword(schema: Schema) -> None:
    members = schema.get("allOf")
    if isinstance(members, list):
        # `allOf: [{$ref: X}, {nullable: true}]`: the member only says the whole may be null
        flags = [m for m in members if isinstance(m, dict) and set(split_annotations(m)[1]) == {"nullable"}]
        if flags and len(flags) < len(members):
            schema["allOf"] = [m for m in members if not any(m is flag for flag in flags)]
            if any(flag["nullable"] is True for flag in flags):
                schema["nullable"] = True
    if "nullable" in schema and schema.pop("nullable") is True:
        _make_nullable(schema)


def upgrade_to_openapi_3_1(spec: Spec) -> None:
    """Siblings of `$ref` other than annotations are dropped (3.0 ignores them), `nullable: true` becomes
    a `null` type (or a `null` member of a union), boolean `exclusiveMinimum`/`exclusiveMaximum` become
    numbers, and the document says `openapi: 3.1.0`. A 3.1 document that still writes the 3.0 keyword
    `nullable` (3.1 would ignore it; its authors meant null) gets that part only."""
    if not str(spec.get("openapi", "")).startswith("3.0"):
        transform_schemas(spec, _nullable_keyword)
        return
    transform_schemas(spec, _upgrade_schema)
    spec["openapi"] = "3.1.0"
