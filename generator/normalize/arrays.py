"""Pass: every array schema says what its items are."""

from __future__ import annotations

from generator.normalize.schema_shapes import types_of
from generator.spec_walk import Schema, Spec, transform_schemas


def _fill_items(schema: Schema) -> None:
    if "array" in types_of(schema) and "items" not in schema and "prefixItems" not in schema:
        schema["items"] = {}


def fill_missing_array_items(spec: Spec) -> None:
    """An array without `items` holds anything: `items: {}` says so explicitly."""
    transform_schemas(spec, _fill_items)
