"""Pass: a parameter's description is also its schema's, where opc reads it for docstrings."""

from __future__ import annotations

from typing import Any

from generator.spec_walk import HTTP_METHODS, Spec


def _describe_schema(parameter: Any) -> None:
    if not isinstance(parameter, dict):
        return
    description = parameter.get("description")
    schema = parameter.get("schema")
    if isinstance(description, str) and isinstance(schema, dict) and not schema.get("description"):
        schema["description"] = description


def parameter_descriptions_to_schemas(spec: Spec) -> None:
    """openapi-python-client documents an argument with its schema's `description` and ignores the
    parameter's own; the parameter's description is copied into a schema that has none (beside a
    `$ref` it becomes a sibling, which `wrap_ref_siblings` then handles)."""
    for parameter in ((spec.get("components") or {}).get("parameters") or {}).values():
        _describe_schema(parameter)
    for path_item in (spec.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        for parameter in path_item.get("parameters") or []:
            _describe_schema(parameter)
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                for parameter in operation.get("parameters") or []:
                    _describe_schema(parameter)
