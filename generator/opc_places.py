"""The classes openapi-python-client typed each place with (see `places.py` for what a place is)."""

from __future__ import annotations

from typing import Any

from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.literal_enum_property import LiteralEnumProperty
from openapi_python_client.parser.properties.model_property import ModelProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.schema.untrusted_string import UntrustedString

from generator.places import (
    ITEMS,
    Place,
    body_slot,
    operation_owner,
    property_slot,
    response_slot,
)
from generator.spec_walk import path_shape


def _text(value: Any) -> str:
    return value.get_untrusted_value() if isinstance(value, UntrustedString) else str(value)


def _alternatives(prop: Any) -> list[Any]:
    """A union's members (opc has already flattened nested unions), or the property itself."""
    return list(prop.inner_properties) if isinstance(prop, UnionProperty) else [prop]


class UsedClasses:
    """The classes of every place of opc's output, gathered place by place."""

    def __init__(self, paths: dict[tuple[str, str], str]) -> None:
        self.paths = paths  # (method, path shape) -> the description's path
        self.places: dict[Place, set[str]] = {}

    def add(self, place: Place, prop: Any) -> None:
        """Record the classes of `prop` at `place`, and of its list items at `place` + `[]`."""
        names = self.places.setdefault(place, set())
        for alternative in _alternatives(prop):
            if isinstance(alternative, ModelProperty | EnumProperty | LiteralEnumProperty):
                names.add(alternative.class_info.name)
            elif isinstance(alternative, ListProperty):
                owner, slot = place
                self.add((owner, slot + ITEMS), alternative.inner_property)

    def add_endpoints(self, data: GeneratorData) -> None:
        for collection in data.endpoint_collections_by_tag.values():
            for endpoint in collection.endpoints:
                path = _text(endpoint.path)
                owner = operation_owner(
                    endpoint.method, self.paths.get((endpoint.method, path_shape(path)), path)
                )
                for body in endpoint.bodies:
                    self.add((owner, body_slot(_text(body.content_type))), body.prop)
                responses = [*endpoint.responses.patterns, endpoint.responses.default]
                for response in responses:
                    if response is not None:
                        self.add((owner, response_slot(response.status_code.pattern)), response.prop)

    def add_models(self, data: GeneratorData) -> None:
        for model in data.models:
            properties = [*(model.required_properties or []), *(model.optional_properties or [])]
            for prop in properties:
                self.add((model.class_info.name, property_slot(_text(prop.name))), prop)


def used_classes(data: GeneratorData, paths: dict[tuple[str, str], str]) -> dict[Place, frozenset[str]]:
    """Every place opc typed, and the classes it allows there; `paths` maps (method, path shape) to the
    description's path, so places are named as the description names them."""
    used = UsedClasses(paths)
    used.add_endpoints(data)
    used.add_models(data)
    return {place: frozenset(names) for place, names in used.places.items()}
