"""Pass: every component schema name is one that openapi-python-client and datamodel-code-generator
both use unchanged as the class name (guarantee c)."""

from __future__ import annotations

from generator.naming import is_stable_class_name, snake_case, stable_class_name, unique_name
from generator.spec_walk import Spec, component_schemas, rename_schema_refs


def stabilize_component_names(spec: Spec) -> None:
    """Names that are already stable and unique (compared by snake_case, as module names are) stay;
    others are rewritten (`chat.completion` -> `ChatCompletion`, `Response` -> `ResponseSchema`,
    a second `ApiKey` next to `APIKey` -> `ApiKey2`), keeping the old name as `x-original-name`,
    and every `$ref` and discriminator mapping follows."""
    schemas = component_schemas(spec)
    taken: set[str] = set()
    kept: set[str] = set()
    for name in schemas:
        if is_stable_class_name(name) and snake_case(name) not in taken:
            taken.add(snake_case(name))
            kept.add(name)
    renames: dict[str, str] = {}
    for name in schemas:
        if name not in kept:
            new_name = unique_name(stable_class_name(name), taken)
            taken.add(snake_case(new_name))
            renames[name] = new_name
    if not renames:
        return
    renamed = {}
    for name, schema in schemas.items():
        if name in renames:
            schema.setdefault("x-original-name", name)
        renamed[renames.get(name, name)] = schema
    spec["components"]["schemas"] = renamed
    rename_schema_refs(spec, renames)
