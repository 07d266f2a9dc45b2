"""Pass: header parameters are scalars; structured ones travel as JSON or comma-separated text."""

from __future__ import annotations

from typing import Any

from generator.normalize.schema_shapes import types_of
from generator.spec_walk import HTTP_METHODS, Schema, Spec, resolve_local_ref

SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})


def _resolved(spec: Spec, schema: Schema) -> Schema:
    seen: set[str] = set()
    while (
        isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/") and schema["$ref"] not in seen
    ):
        seen.add(schema["$ref"])
        schema = resolve_local_ref(spec, schema["$ref"])
    return schema


def _is_scalar(spec: Spec, schema: Schema) -> bool:
    schema = _resolved(spec, schema)
    for union in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema.get(union), list):
            return all(isinstance(member, dict) and _is_scalar(spec, member) for member in schema[union])
    types = [kind for kind in types_of(schema) if kind != "null"]
    if not types:
        return "enum" in schema or "const" in schema
    return len(types) == 1 and types[0] in SCALAR_TYPES


def _is_scalar_list(spec: Spec, schema: Schema) -> bool:
    schema = _resolved(spec, schema)
    items = schema.get("items")
    return (
        types_of(schema) in (["array"], ["array", "null"])
        and isinstance(items, dict)
        and _is_scalar(spec, items)
    )


def _scalarize(spec: Spec, parameter: dict[str, Any]) -> None:
    if parameter.get("in") != "header":
        return
    schema = parameter.get("schema")
    if "content" in parameter and schema is None:
        del parameter["content"]
        parameter["schema"] = {"type": "string", "contentMediaType": "application/json"}
        parameter.setdefault("x-sdk-encoding", "json")
        return
    if not isinstance(schema, dict) or _is_scalar(spec, schema):
        return
    if _is_scalar_list(spec, schema):
        parameter["schema"] = {"type": "string"}
        parameter.setdefault("x-sdk-encoding", "csv")
    else:
        parameter["schema"] = {"type": "string", "contentMediaType": "application/json"}
        parameter.setdefault("x-sdk-encoding", "json")
    parameter["x-original-schema"] = schema


def scalar_header_parameters(spec: Spec) -> None:
    """A header parameter whose schema is an object or a union with one becomes a JSON string
    (`contentMediaType: application/json`, `x-sdk-encoding: json`); a list of scalars becomes a
    comma-separated string (`x-sdk-encoding: csv`). The old schema is kept as `x-original-schema`."""
    parameter_lists: list[Any] = [list(((spec.get("components") or {}).get("parameters") or {}).values())]
    for path_item in (spec.get("paths") or {}).values():
        if isinstance(path_item, dict):
            parameter_lists.append(path_item.get("parameters") or [])
            parameter_lists.extend(
                (path_item[method].get("parameters") or [])
                for method in HTTP_METHODS
                if isinstance(path_item.get(method), dict)
            )
    for parameters in parameter_lists:
        for parameter in parameters:
            if isinstance(parameter, dict):
                _scalarize(spec, parameter)
