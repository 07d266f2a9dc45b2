"""Where a value is typed (a request body, a response, a model property, their list items), and the
classes the description says the value can be. `accounting.py` compares them with the classes
openapi-python-client used at the same places (`opc_places.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.normalize.hoisting import inline_component_ref, plain_ref
from generator.normalize.schema_shapes import defines_class, is_class_shaped, is_null_schema, types_of
from generator.spec_walk import Schema, Spec, component_schemas, iter_operations, ref_target_name

# (owner, slot): the owner is an operation (`POST /batches`) or a model class; the slot says where
# in it (`body application/json`, `response 200`, `property input_file_id`); `[]` marks list items.
Place = tuple[str, str]
ITEMS = "[]"


def operation_owner(method: str, path: str) -> str:
    return f"{method.upper()} {path}"


def body_slot(content_type: str) -> str:
    return f"body {content_type}"


def response_slot(status: str) -> str:
    return f"response {status}"


def property_slot(key: str) -> str:
    return f"property {key}"


def describe(place: Place) -> str:
    owner, slot = place
    return f"{slot} of {owner}"


def _members(schemas: dict[str, Schema], schema: Schema, seen: frozenset[str]) -> Iterator[Schema]:
    """The alternatives a value of `schema` can take: a reference that is not a class followed, union
    members opened (nested unions too), `null` left out."""
    target = plain_ref(schema)
    name = ref_target_name(target) if target is not None else None
    if name is not None:
        component = schemas.get(name)
        if component is None or name in seen:
            return
        if defines_class(component):
            yield {"$ref": target}
        else:
            yield from _members(schemas, component, seen | {name})
        return
    union = [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]
    if union and not defines_class(schema):
        for member in union:
            if isinstance(member, dict) and not is_null_schema(member):
                yield from _members(schemas, member, seen)
        return
    yield schema


class ExpectedClasses:
    """The classes each place of a description can hold, gathered place by place."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.schemas = component_schemas(spec)
        self.places: dict[Place, set[str]] = {}

    def add(self, place: Place, schema: Schema) -> None:
        """Record the classes of `schema` at `place`, and of its list items at `place` + `[]`."""
        names = self.places.setdefault(place, set())
        for member in _members(self.schemas, schema, frozenset()):
            name = ref_target_name(str(member.get("$ref", "")))
            if name is not None:
                names.add(name)
            elif "array" in types_of(member) and isinstance(member.get("items"), dict):
                owner, slot = place
                self.add((owner, slot + ITEMS), member["items"])

    def add_operations(self) -> None:
        for path, method, operation in iter_operations(self.spec):
            owner = operation_owner(method, path)
            body = operation.get("requestBody") or {}
            for content_type, media in (body.get("content") or {}).items():
                if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                    self.add((owner, body_slot(content_type)), media["schema"])
            for status, response in (operation.get("responses") or {}).items():
                schema = _first_content_schema(inline_component_ref(self.spec, response))
                if schema is not None:
                    self.add((owner, response_slot(str(status))), schema)

    def add_models(self) -> None:
        for name, schema in self.schemas.items():
            if is_class_shaped(schema):
                for key, value in _model_properties(self.schemas, schema, frozenset({name})).items():
                    self.add((name, property_slot(key)), value)


def _first_content_schema(response: Any) -> Schema | None:
    """The schema of a response's first content type: the one openapi-python-client reads."""
    content = response.get("content") if isinstance(response, dict) else None
    for media in (content or {}).values():
        schema = media.get("schema") if isinstance(media, dict) else None
        return schema if isinstance(schema, dict) else None
    return None


def _model_properties(schemas: dict[str, Schema], schema: Schema, seen: frozenset[str]) -> dict[str, Schema]:
    """A model's properties, those of its `allOf` parts first (references followed), its own last."""
    properties: dict[str, Schema] = {}
    for part in schema.get("allOf") or []:
        if not isinstance(part, dict):
            continue
        name = ref_target_name(str(part.get("$ref", "")))
        if name is not None:
            if name in schemas and name not in seen:
                properties.update(_model_properties(schemas, schemas[name], seen | {name}))
        else:
            properties.update(_model_properties(schemas, part, seen))
    own = schema.get("properties") or {}
    properties.update({key: value for key, value in own.items() if isinstance(value, dict)})
    return properties


def expected_classes(spec: Spec) -> dict[Place, frozenset[str]]:
    """Every typed place of the description and the classes a value there can be an instance of."""
    expected = ExpectedClasses(spec)
    expected.add_operations()
    expected.add_models()
    return {place: frozenset(names) for place, names in expected.places.items()}
