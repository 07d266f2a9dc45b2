"""Pass: every schema that becomes a class is a named component, named the way opc would name it."""

from __future__ import annotations

from generator.naming import pascal_case
from generator.normalize.hoisting import hoist
from generator.normalize.schema_shapes import is_class_shaped, is_null_schema, split_annotations, types_of
from generator.spec_walk import Schema, Spec, child_slots, component_schemas, schema_ref

# Where opc's own name for an inline class comes from: the property name, or one of these words.
_SLOT_WORDS = {"items": "item", "additionalProperties": "additional_property"}
_HOISTED_SLOTS = frozenset({"properties", "items", "additionalProperties", "anyOf", "oneOf"})


def _visit(spec: Spec, schema: Schema, owner: str, words: list[str], queue: list[tuple[str, Schema]]) -> None:
    """Hoist the class-shaped inline schemas under `schema`; `words` name the path from `owner`."""
    for container, key, child, keyword in list(child_slots(schema)):
        if keyword == "properties":
            child_words = [*words, str(key)]
        elif keyword in ("anyOf", "oneOf"):
            assert isinstance(container, list)
            members = [member for member in container if not is_null_schema(member)]
            union_words = [] if len(members) == 1 else [f"type_{_union_index(schema, keyword, int(key))}"]
            child_words = [*words, *union_words]
        elif keyword in _SLOT_WORDS:
            child_words = [*words, _SLOT_WORDS[keyword]]
        else:
            child_words = words
        if keyword in _HOISTED_SLOTS and _names_a_type(keyword, child) and child_words:
            wanted = owner + pascal_case("_".join(child_words))
            name = hoist(spec, child, wanted)
            annotations, _ = split_annotations(child)
            description = {"description": annotations["description"]} if "description" in annotations else {}
            container[key] = {"$ref": schema_ref(name), **description}  # type: ignore[index]
            queue.append((name, child))
        else:
            _visit(spec, child, owner, child_words, queue)


def _names_a_type(keyword: str, child: Schema) -> bool:
    """A class, or an array directly inside an array: datamodel-code-generator names the inner one
    after the field (`input` -> `InputItem`), which can be a component's name it then overwrites."""
    return is_class_shaped(child) or (keyword == "items" and types_of(child) == ["array"])


def _union_index(schema: Schema, keyword: str, index: int) -> int:
    """opc numbers union members across `anyOf` then `oneOf`."""
    return index + (len(schema.get("anyOf") or []) if keyword == "oneOf" else 0)


def hoist_inline_models(spec: Spec) -> None:
    """An inline object or enum under a component becomes a component named as openapi-python-client
    would have named its class: parent + property (`ChatCompletion` + `usage` -> `ChatCompletionUsage`),
    `Item` for array items, `AdditionalProperty` for map values, `Type<i>` for union members (but not
    for the only non-null member). Names clashing with existing components get `2`, `3`... With every
    class a component, no two inline schemas can claim one class name. `allOf` members are merged by opc,
    so they stay inline; their properties are named after the enclosing schema."""
    queue = list(component_schemas(spec).items())
    while queue:
        name, schema = queue.pop(0)
        _visit(spec, schema, name, [], queue)
