"""Passes: keep `null` out of schemas that become classes, so a model or enum keeps its own name.

openapi-python-client turns a nullable object or enum into a union whose class is named `<Name>Type0`
or `<Name>Type1`. These passes move the `null` outward: into the places that refer to a component,
or into an `anyOf` around an inline schema.
"""

from __future__ import annotations

from typing import Any

from generator.normalize.schema_shapes import is_class_shaped, is_nullable, split_annotations, types_of
from generator.spec_walk import (
    Schema,
    Spec,
    child_slots,
    component_schemas,
    ref_target_name,
    transform_schemas,
)

NULL_SCHEMA: Schema = {"type": "null"}


def _strip_null(schema: Schema) -> None:
    """Remove `null` from the schema's own `type` and `enum`."""
    types = types_of(schema)
    if "null" in types:
        remaining = [kind for kind in types if kind != "null"]
        if len(remaining) == 1:
            schema["type"] = remaining[0]
        elif remaining:
            schema["type"] = remaining
        else:
            del schema["type"]
    enum = schema.get("enum")
    if isinstance(enum, list):
        schema["enum"] = [value for value in enum if value is not None]


def _has_null_member(members: list[Any]) -> bool:
    return any(isinstance(member, dict) and types_of(member) == ["null"] for member in members)


def _nullable_ref_sites(spec: Spec, names: set[str]) -> None:
    """Make every reference to one of `names` (inside another schema) accept null too."""

    def visit(schema: Schema) -> None:
        for container, key, child, keyword in list(child_slots(schema)):
            if ref_target_name(str(child.get("$ref", ""))) not in names:
                continue
            if keyword in ("anyOf", "oneOf"):
                assert isinstance(container, list)
                if not _has_null_member(container):
                    container.append(dict(NULL_SCHEMA))
                continue
            annotations, rest = split_annotations(child)
            container[key] = {**annotations, "anyOf": [rest, dict(NULL_SCHEMA)]}  # type: ignore[index]

    transform_schemas(spec, visit)


def nullable_components_to_ref_sites(spec: Spec) -> None:
    """A component object or enum that admits null loses the `null`; every `$ref` to it gains it."""
    names = {
        name
        for name, schema in component_schemas(spec).items()
        if is_nullable(schema) and is_class_shaped(schema)
    }
    if not names:
        return
    for name in sorted(names):
        _strip_null(component_schemas(spec)[name])
    _nullable_ref_sites(spec, names)


def nullable_inline_models_to_unions(spec: Spec) -> None:
    """An inline object or enum that admits null becomes `anyOf: [<it without null>, {type: null}]`."""
    roots = {id(schema) for schema in component_schemas(spec).values()}

    def visit(schema: Schema) -> None:
        if id(schema) in roots or not is_nullable(schema) or not is_class_shaped(schema):
            return
        annotations, rest = split_annotations(schema)
        _strip_null(rest)
        schema.clear()
        schema.update(annotations)
        schema["anyOf"] = [rest, dict(NULL_SCHEMA)]

    transform_schemas(spec, visit)
