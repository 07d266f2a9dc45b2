"""Walking an OpenAPI document: its operations, every schema object in it, and its `$ref`s."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

Spec = dict[str, Any]
Schema = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_REF_PREFIX = "#/components/schemas/"

# JSON Schema keywords whose value is a map of name -> subschema, a list of subschemas, or one subschema.
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLES = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
)


def iter_operations(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation, in document order."""
    for path, path_item in (spec.get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation


def path_shape(path: str) -> str:
    """The path with its parameter names blanked (`/users/{}`): opc renames them to Python names."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def count_operations(spec: Spec) -> int:
    return sum(1 for _ in iter_operations(spec))


def child_schemas(schema: Schema) -> Iterator[Schema]:
    """The direct subschemas of `schema` (dicts only; boolean schemas are skipped)."""
    for keyword in _SCHEMA_MAPS:
        value = schema.get(keyword)
        if isinstance(value, dict):
            yield from (child for child in value.values() if isinstance(child, dict))
    for keyword in _SCHEMA_LISTS:
        value = schema.get(keyword)
        if isinstance(value, list):
            yield from (child for child in value if isinstance(child, dict))
    for keyword in _SCHEMA_SINGLES:
        value = schema.get(keyword)
        if isinstance(value, dict):
            yield value
        elif isinstance(value, list):  # draft-04 style tuple `items`
            yield from (child for child in value if isinstance(child, dict))


def iter_schema_tree(schema: Schema) -> Iterator[Schema]:
    """`schema` and all its subschemas, depth first (parents before children)."""
    stack = [schema]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(child_schemas(current))))


def _content_schemas(content: Any) -> Iterator[Schema]:
    if isinstance(content, dict):
        for media in content.values():
            if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                yield media["schema"]


def _parameter_schemas(parameters: Any) -> Iterator[Schema]:
    for parameter in parameters or []:
        if isinstance(parameter, dict):
            if isinstance(parameter.get("schema"), dict):
                yield parameter["schema"]
            yield from _content_schemas(parameter.get("content"))


def _response_schemas(response: Any) -> Iterator[Schema]:
    if isinstance(response, dict):
        yield from _content_schemas(response.get("content"))
        for header in (response.get("headers") or {}).values():
            if isinstance(header, dict) and isinstance(header.get("schema"), dict):
                yield header["schema"]


def iter_root_schemas(spec: Spec) -> Iterator[Schema]:
    """Every schema that is not itself inside another schema: components, parameters, bodies, responses."""
    components = spec.get("components") or {}
    yield from (s for s in (components.get("schemas") or {}).values() if isinstance(s, dict))
    yield from _parameter_schemas((components.get("parameters") or {}).values())
    for body in (components.get("requestBodies") or {}).values():
        if isinstance(body, dict):
            yield from _content_schemas(body.get("content"))
    for response in (components.get("responses") or {}).values():
        yield from _response_schemas(response)
    for header in (components.get("headers") or {}).values():
        if isinstance(header, dict) and isinstance(header.get("schema"), dict):
            yield header["schema"]
    for path_item in (spec.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        yield from _parameter_schemas(path_item.get("parameters"))
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if not isinstance(operation, dict):
                continue
            yield from _parameter_schemas(operation.get("parameters"))
            body = operation.get("requestBody")
            if isinstance(body, dict):
                yield from _content_schemas(body.get("content"))
            for response in (operation.get("responses") or {}).values():
                yield from _response_schemas(response)


def iter_all_schemas(spec: Spec) -> Iterator[Schema]:
    """Every schema object anywhere in the document."""
    for root in list(iter_root_schemas(spec)):
        yield from iter_schema_tree(root)


def transform_schemas(spec: Spec, transform: Callable[[Schema], None]) -> None:
    """Apply `transform` to every schema object, parents first; it may edit the schema in place
    (its new subschemas are visited too)."""
    for root in list(iter_root_schemas(spec)):
        stack = [root]
        while stack:
            current = stack.pop()
            transform(current)
            stack.extend(reversed(list(child_schemas(current))))


def component_schemas(spec: Spec) -> dict[str, Schema]:
    """`components.schemas`, created when absent."""
    components: dict[str, Any] = spec.setdefault("components", {})
    schemas: dict[str, Schema] = components.setdefault("schemas", {})
    return schemas


def schema_ref(name: str) -> str:
    return f"{SCHEMA_REF_PREFIX}{name}"


def ref_target_name(ref: str) -> str | None:
    """`Foo` for `#/components/schemas/Foo`, else None."""
    if ref.startswith(SCHEMA_REF_PREFIX) and "/" not in ref[len(SCHEMA_REF_PREFIX) :]:
        return ref[len(SCHEMA_REF_PREFIX) :]
    return None


def resolve_local_ref(spec: Spec, ref: str) -> Any:
    """The object a local `#/...` reference points at."""
    node: Any = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(spec: Spec, node: Any) -> Any:
    """A node with its local `$ref`s followed (a parameter, a response, a schema...)."""
    while isinstance(node, dict) and "$ref" in node:
        node = resolve_local_ref(spec, node["$ref"])
    return node


def iter_refs(node: Any) -> Iterator[str]:
    """Every `$ref` string anywhere under `node`."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def rename_schema_refs(spec: Spec, renames: dict[str, str]) -> None:
    """Rewrite every reference to a renamed component schema, including discriminator mappings."""
    if not renames:
        return
    old_refs = {schema_ref(old): schema_ref(new) for old, new in renames.items()}
    stack: list[Any] = [spec]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref in old_refs:
                current["$ref"] = old_refs[ref]
            mapping = current.get("mapping")
            if isinstance(mapping, dict) and "propertyName" in current:
                for key, target in mapping.items():
                    if isinstance(target, str):
                        current["mapping"][key] = old_refs.get(target, renames.get(target, target))
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def child_slots(schema: Schema) -> Iterator[tuple[dict[str, Any] | list[Any], str | int, Schema, str]]:
    """(container, key, child, keyword) for each direct subschema, so a pass can replace it:
    `container[key] = new_child`. `keyword` is the JSON Schema keyword the child sits under."""
    for keyword in _SCHEMA_MAPS:
        value = schema.get(keyword)
        if isinstance(value, dict):
            for name, child in value.items():
                if isinstance(child, dict):
                    yield value, name, child, keyword
    for keyword in _SCHEMA_LISTS:
        value = schema.get(keyword)
        if isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, dict):
                    yield value, index, child, keyword
    for keyword in _SCHEMA_SINGLES:
        value = schema.get(keyword)
        if isinstance(value, dict):
            yield schema, keyword, value, keyword
