"""Pass: a `$ref` with sibling keywords becomes an `allOf` around the reference."""

from __future__ import annotations

from generator.normalize.schema_shapes import split_annotations
from generator.spec_walk import Schema, Spec, transform_schemas


def _wrap(schema: Schema) -> None:
    if "$ref" not in schema or len(schema) == 1:
        return
    annotations, rest = split_annotations(schema)
    reference = {"$ref": rest.pop("$ref")}
    schema.clear()
    schema.update(annotations)
    schema["allOf"] = [reference, rest] if rest else [reference]


def wrap_ref_siblings(spec: Spec) -> None:
    """`{$ref: X, description: d}` becomes `{allOf: [{$ref: X}], description: d}`, which
    openapi-python-client reads as "the class X, described by d"; constraining siblings become a
    second `allOf` member. (OpenAPI 3.0 ignores `$ref` siblings, 3.1 applies them; both keep X.)"""
    transform_schemas(spec, _wrap)
