"""Pass: no two properties of a model get the same Python attribute name."""

from __future__ import annotations

from openapi_python_client.strings import PythonIdentifier

from generator.spec_walk import Schema, Spec, transform_schemas

FIELD_PREFIX = "field_"
# Members every opc model defines besides its properties.
MODEL_MEMBERS = frozenset(
    {"additional_properties", "additional_keys", "to_dict", "from_dict", "to_multipart"}
)


def _untype_clashes(schema: Schema) -> None:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    used = set(MODEL_MEMBERS)
    moved = []
    for name in list(properties):
        attribute = str(PythonIdentifier(name, FIELD_PREFIX))
        if attribute in used:
            moved.append(name)
            del properties[name]
        else:
            used.add(attribute)
    if not moved:
        return
    schema["x-untyped-properties"] = moved
    if "required" in schema:
        schema["required"] = [name for name in schema["required"] if name not in moved]
    extra = schema.get("additionalProperties")
    if extra is False:
        del schema["additionalProperties"]
    elif isinstance(extra, dict) and extra:
        schema["additionalProperties"] = {}


def untype_clashing_properties(spec: Spec) -> None:
    """A property whose Python name (as opc derives it: `self-harm` and `self_harm` both give
    `self_harm`) repeats an earlier property's, or a model member's (`additional_properties`,
    `to_dict`...), leaves `properties` and is listed in `x-untyped-properties`; its value still
    travels, as an additional property, since the schema is opened to extra keys."""
    transform_schemas(spec, _untype_clashes)
