"""Passes: `allOf` and `$ref` combinations openapi-python-client cannot merge."""

from __future__ import annotations

import copy
from typing import Any

from generator.normalize.schema_shapes import is_annotation, resolved, split_annotations, types_of
from generator.spec_walk import Schema, Spec, transform_schemas

_DEPTH = 20


def _only_type(schema: Schema) -> bool:
    _annotations, rest = split_annotations(schema)
    return set(rest) == {"type"}


def _reference(schema: Schema) -> Any:
    """The one reference a schema stands for: its `$ref`, or the only member of its `allOf`."""
    if "$ref" in schema:
        return {"$ref": schema["$ref"]}
    members = schema.get("allOf")
    if (
        isinstance(members, list)
        and len(members) == 1
        and isinstance(members[0], dict)
        and "$ref" in members[0]
    ):
        return members[0]
    return None


def _union_contradicts_type(schema: Schema) -> bool:
    """`{oneOf: [{type: boolean}, {type: string, enum: [auto]}], type: boolean}`: a member's own type
    is not the schema's, so the union, not the `type`, is what its authors meant."""
    types = set(types_of(schema))
    members = [*(schema.get("oneOf") or []), *(schema.get("anyOf") or [])]
    return bool(types) and any(isinstance(m, dict) and set(types_of(m)) - types for m in members)


def drop_restated_types_and_enums(spec: Spec) -> None:
    """What only restates a reference, or contradicts a union, goes: a bare `type` beside a `$ref`
    (`{$ref: Item, type: object}`), an `allOf` member that is only a `type`, an `enum` beside a
    reference to the same enum, and a `type` beside a `oneOf`/`anyOf` one of whose members has
    another type. openapi-python-client read these as more to merge and dropped the schema ("Cannot
    take allOf a non-object"), named a class it never wrote, or typed the union as the bare type."""

    def drop(schema: Schema) -> None:
        reference = _reference(schema)
        if reference is not None:
            rest = {key for key in schema if not is_annotation(key)} - {"$ref", "allOf"}
            target = resolved(spec, reference)
            if "type" in schema and rest <= {"type", "enum"}:
                del schema["type"]
            if isinstance(target, dict) and "enum" in schema and schema["enum"] == target.get("enum"):
                del schema["enum"]
        if _union_contradicts_type(schema):
            del schema["type"]
        members = schema.get("allOf")
        if isinstance(members, list) and len(members) > 1:
            kept = [m for m in members if not (isinstance(m, dict) and _only_type(m))]
            if kept and len(kept) < len(members):
                schema["allOf"] = kept

    transform_schemas(spec, drop)


def splice_nested_all_of(spec: Spec) -> None:
    """An `allOf` member that is nothing but an `allOf` (annotations aside) is replaced by its own
    members: openapi-python-client does not look inside it and leaves its properties out."""

    def splice(schema: Schema) -> None:
        members = schema.get("allOf")
        if not isinstance(members, list):
            return
        spliced: list[Any] = []
        for member in members:
            if isinstance(member, dict) and set(split_annotations(member)[1]) == {"allOf"}:
                spliced.extend(member["allOf"])
            else:
                spliced.append(member)
        schema["allOf"] = spliced

    transform_schemas(spec, splice)


def _admits_null(schema: Any, spec: Spec, depth: int = 0) -> bool:
    schema = resolved(spec, schema)
    if not isinstance(schema, dict) or depth > _DEPTH:
        return False
    enum = schema.get("enum")
    if "null" in types_of(schema) or (isinstance(enum, list) and None in enum):
        return True
    members = [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]
    if any(_admits_null(member, spec, depth + 1) for member in members):
        return True
    all_of = schema.get("allOf") or []
    return bool(all_of) and all(_admits_null(member, spec, depth + 1) for member in all_of)


def _enum_source(schema: Any, spec: Spec, depth: int = 0) -> tuple[Any, ...] | None:
    """Where a schema's enum comes from: the component it references (through `allOf` wrappers and a
    union with null) or its own values; None when it is no enum."""
    if not isinstance(schema, dict) or depth > _DEPTH:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return ("ref", ref) if _enum_source(resolved(spec, schema), spec, depth + 1) else None
    enum = schema.get("enum")
    if isinstance(enum, list):
        return ("values", *sorted(repr(value) for value in enum if value is not None))
    for keyword in ("allOf", "anyOf", "oneOf"):
        members = [
            m for m in schema.get(keyword) or [] if not (isinstance(m, dict) and types_of(m) == ["null"])
        ]
        if len(members) == 1:
            return _enum_source(members[0], spec, depth + 1)
    return None


def _conflict(earlier: Any, later: Any, spec: Spec) -> bool:
    """Whether two definitions of one property disagree in a way openapi-python-client cannot
    express: one admits null and the other not, or both are enums from different components or with
    different values (opc refuses two enums when neither's values contain the other's, else keeps one
    enum's class and drops the other's)."""
    if _admits_null(earlier, spec) != _admits_null(later, spec):
        return True
    first, second = _enum_source(earlier, spec), _enum_source(later, spec)
    return first is not None and second is not None and first != second


def _object_parts(schema: Any, spec: Spec, depth: int = 0) -> list[Schema] | None:
    """The object schemas an `allOf` chain is made of, references followed, in order; None when a
    part is not a plain object (a union, a scalar)."""
    schema = resolved(spec, schema)
    if not isinstance(schema, dict) or depth > _DEPTH or schema.get("anyOf") or schema.get("oneOf"):
        return None
    types = [kind for kind in types_of(schema) if kind != "null"]
    if types and types != ["object"]:
        return None
    parts: list[Schema] = []
    for member in schema.get("allOf") or []:
        inner = _object_parts(member, spec, depth + 1)
        if inner is None:
            return None
        parts.extend(inner)
    if "properties" in schema or "additionalProperties" in schema or "required" in schema:
        parts.append(schema)
    return parts


def _flatten(schema: Schema, parts: list[Schema], spec: Spec) -> None:
    properties: dict[str, Any] = {}
    required: list[str] = []
    extra: dict[str, Any] = {}
    for part in parts:
        for name, definition in (part.get("properties") or {}).items():
            earlier = properties.get(name)
            if (
                isinstance(earlier, dict)
                and isinstance(definition, dict)
                and not split_annotations(definition)[1]
            ):
                definition = {**earlier, **definition}  # a redefinition that only describes
            elif earlier is not None and _admits_null(earlier, spec) and not _admits_null(definition, spec):
                annotations, rest = split_annotations(definition)
                definition = {**annotations, "anyOf": [rest, {"type": "null"}]}
            properties[name] = copy.deepcopy(definition)  # parts may be other components
        required.extend(name for name in part.get("required") or [] if name not in required)
        if "additionalProperties" in part:
            extra["additionalProperties"] = part["additionalProperties"]
    annotations, _rest = split_annotations(schema)
    schema.clear()
    schema.update(annotations)
    schema["type"] = "object"
    schema["properties"] = properties
    if required:
        schema["required"] = required
    schema.update(extra)


def flatten_conflicting_all_of(spec: Spec) -> None:
    """An object `allOf` whose parts define one property in ways openapi-python-client cannot merge
    ("int | None can't be merged with int", "can't redefine a literal enum property with
    incompatible lists of values") becomes one object: each property as its last part defines it,
    admitting null when an earlier part did. opc copies the parts' properties into one class anyway,
    so only the conflicting properties change; the others keep their last definition."""

    def flatten(schema: Schema) -> None:
        if not isinstance(schema.get("allOf"), list) or len(schema["allOf"]) < 2:
            return
        parts = _object_parts(schema, spec)
        if parts is None:
            return
        seen: dict[str, Any] = {}
        conflicts = False
        for part in parts:
            for name, definition in (part.get("properties") or {}).items():
                if name in seen and _conflict(seen[name], definition, spec):
                    conflicts = True
                seen[name] = definition
        if conflicts:
            _flatten(schema, parts, spec)

    transform_schemas(spec, flatten)
