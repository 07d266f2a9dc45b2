"""Pass: drop `title` from every schema, so class names come from component names alone."""

from __future__ import annotations

from generator.spec_walk import Schema, Spec, transform_schemas


def _drop_title(schema: Schema) -> None:
    if isinstance(schema.get("title"), str):
        del schema["title"]


def drop_schema_titles(spec: Spec) -> None:
    """openapi-python-client names a class after its schema's `title` when there is one, so two
    schemas sharing a title collide and both are dropped. Without titles, a component is named after
    its key and an inline schema after the place it sits in."""
    transform_schemas(spec, _drop_title)
