"""Questions about a single schema object that several passes ask."""

from __future__ import annotations

from typing import Any

from generator.spec_walk import Schema, Spec, resolve

# Keywords that describe a value without constraining it; they can sit beside `$ref` or outside a union.
ANNOTATION_KEYWORDS = frozenset(
    {
        "description",
        "title",
        "summary",
        "default",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "$comment",
    }
)


def is_annotation(keyword: str) -> bool:
    return keyword in ANNOTATION_KEYWORDS or keyword.startswith("x-")


def split_annotations(schema: Schema) -> tuple[Schema, Schema]:
    """(annotations, everything else) of a schema."""
    annotations = {key: value for key, value in schema.items() if is_annotation(key)}
    rest = {key: value for key, value in schema.items() if not is_annotation(key)}
    return annotations, rest


def types_of(schema: Schema) -> list[str]:
    """The `type` keyword as a list (empty when absent)."""
    value: Any = schema.get("type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and types_of(schema) == ["null"] and "enum" not in schema


def is_nullable(schema: Schema) -> bool:
    """Whether the schema's own `type` or `enum` admits null."""
    enum = schema.get("enum")
    return "null" in types_of(schema) or (isinstance(enum, list) and None in enum)


def is_class_shaped(schema: Schema) -> bool:
    """Whether openapi-python-client turns this schema into a class of its own (a model or an enum)."""
    if "$ref" in schema:
        return False
    types = [kind for kind in types_of(schema) if kind != "null"]
    if len(types) > 1:
        return False
    kind = types[0] if types else None
    enum = schema.get("enum")
    if kind == "boolean":
        return False
    if isinstance(enum, list):
        return any(value is not None for value in enum)
    if schema.get("anyOf") or schema.get("oneOf"):
        return False
    all_of = schema.get("allOf") or []
    if len(all_of) == 1 and isinstance(all_of[0], dict) and "$ref" in all_of[0]:
        return False
    return kind == "object" or bool(all_of) or (kind is None and "properties" in schema)


def defines_class(schema: Schema) -> bool:
    """Whether the schema describes a class of its own: it is class-shaped, or it has properties of
    its own beside a single reference or a union (opc then drops them, a loss to be counted)."""
    return is_class_shaped(schema) or bool(schema.get("properties"))


def resolved(spec: Spec, node: Any) -> Any:
    """`node` with its local references followed; None when one points nowhere."""
    try:
        return resolve(spec, node)
    except (KeyError, IndexError, TypeError):
        return None
