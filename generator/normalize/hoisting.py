"""Moving an inline schema into `components.schemas` under a fresh, opc-stable name."""

from __future__ import annotations

import copy
from typing import Any

from generator.naming import snake_case, stable_class_name, unique_name
from generator.normalize.schema_shapes import is_annotation
from generator.spec_walk import Schema, Spec, component_schemas, resolve_local_ref, schema_ref


def hoist(spec: Spec, schema: Schema, wanted_name: str) -> str:
    """Add `schema` as a component named after `wanted_name` (made stable and unique); return the name."""
    schemas = component_schemas(spec)
    name = unique_name(stable_class_name(wanted_name), {snake_case(existing) for existing in schemas})
    schemas[name] = schema
    return name


def plain_ref(schema: Any) -> str | None:
    """The target of a schema that is only a reference (annotations beside it are ignored)."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("$ref"), str) and all(is_annotation(key) for key in schema if key != "$ref"):
        return str(schema["$ref"])
    all_of = schema.get("allOf")
    if (
        isinstance(all_of, list)
        and len(all_of) == 1
        and all(is_annotation(key) for key in schema if key != "allOf")
    ):
        return plain_ref(all_of[0])
    return None


def media_schema_as_ref(spec: Spec, media: dict[str, Any], wanted_name: str, reuse: dict[str, str]) -> None:
    """Make `media["schema"]` a bare `$ref` to a component, hoisting it when inline.
    `reuse` maps a JSON dump of an already hoisted schema to its name, so equal schemas share one."""
    schema = media.get("schema")
    if not isinstance(schema, dict):
        return
    target = plain_ref(schema)
    if target is not None:
        media["schema"] = {"$ref": target}
        return
    key = repr(sorted(_flatten(schema)))
    name = reuse.get(key)
    if name is None:
        name = hoist(spec, schema, wanted_name)
        reuse[key] = name
    media["schema"] = {"$ref": schema_ref(name)}


def _flatten(node: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [item for key, value in node.items() for item in _flatten(value, f"{prefix}/{key}")]
    if isinstance(node, list):
        return [item for index, value in enumerate(node) for item in _flatten(value, f"{prefix}/{index}")]
    return [(prefix, repr(node))]


def inline_component_ref(spec: Spec, node: dict[str, Any]) -> dict[str, Any]:
    """A copy of the object a `#/components/...` reference points at (following chains), or `node`."""
    seen: set[str] = set()
    while isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and node["$ref"] not in seen:
        seen.add(node["$ref"])
        node = resolve_local_ref(spec, node["$ref"])
    return copy.deepcopy(node)
