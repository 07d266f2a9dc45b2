"""Stage 4: TypedDicts for what a caller sends: request bodies (`params.py`) and the gateway config."""

from __future__ import annotations

import pprint
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.normalize.hoisting import plain_ref
from generator.normalize.media import body_kind
from generator.normalize.schema_shapes import is_class_shaped
from generator.spec_walk import (
    SCHEMA_REF_PREFIX,
    Schema,
    Spec,
    component_schemas,
    iter_operations,
    iter_refs,
    ref_target_name,
)
from generator.typed_dicts import referenced_names, write_typed_dicts

TEMPLATES = Path(__file__).parent / "templates" / "package"
CONFIG_ROOT = "GatewayConfig"


@dataclass(frozen=True)
class TypedDictOutput:
    """The class-shaped schemas a module should define, the names it does define, and one line per
    union member its union type aliases leave out."""

    expected: frozenset[str]
    defined: frozenset[str]
    missing_members: frozenset[str] = frozenset()


def request_roots(spec: Spec) -> list[str]:
    """Component schemas a caller sends: request bodies and the resources' keyword-argument schemas."""
    roots: list[str] = []
    for _path, _method, operation in iter_operations(spec):
        body = operation.get("requestBody") or {}
        for content_type, media in (body.get("content") or {}).items():
            if body_kind(content_type) and isinstance(media, dict):
                roots.extend(ref_target_name(ref) or "" for ref in iter_refs(media.get("schema")))
        if isinstance(operation.get("x-sdk-params"), str):
            roots.append(operation["x-sdk-params"])
    return [root for root in roots if root]


def form_bodies(spec: Spec) -> frozenset[str]:
    """The schemas of multipart and form bodies, and the keyword-argument schemas made of them."""
    names: set[str] = set()
    for _path, _method, operation in iter_operations(spec):
        body = operation.get("requestBody") or {}
        for content_type, media in (body.get("content") or {}).items():
            if body_kind(content_type) in ("Multipart", "Form") and isinstance(media, dict):
                names.update(ref_target_name(ref) or "" for ref in iter_refs(media.get("schema")))
                names.add(operation.get("x-sdk-params") or "")
    return frozenset(name for name in names if name)


def keyword_schemas(spec: Spec) -> frozenset[str]:
    """The object bodies whose fields are the resources' keyword parameters (`x-sdk-params`)."""
    names = {operation.get("x-sdk-params") for _path, _method, operation in iter_operations(spec)}
    return frozenset(name for name in names if isinstance(name, str))


def reachable(schemas: dict[str, Schema], roots: list[str]) -> dict[str, Schema]:
    """`roots` and every component they refer to, transitively, in component order."""
    seen: set[str] = set()
    stack = [root for root in roots if root in schemas]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        for ref in iter_refs(schemas[name]):
            target = ref_target_name(ref)
            if target in schemas and target not in seen:
                stack.append(target)
    return {name: schema for name, schema in schemas.items() if name in seen}


def missing_union_members(schemas: dict[str, Schema], module: Path) -> set[str]:
    """Members of each union schema (its referenced components) that its type alias in `module` does
    not name."""
    references = referenced_names(module)
    missing: set[str] = set()
    for name, schema in schemas.items():
        members = [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]
        if is_class_shaped(schema) or not members or name not in references:
            continue
        for member in members:
            target = ref_target_name(plain_ref(member) or "")
            if target is not None and target not in references[name]:
                missing.add(f"{target}: missing from the union {name} in {module.name}")
    return missing


def write_file_types(package_dir: Path) -> None:
    """`_file_types.py`: the `FileInput` type that binary fields of the TypedDicts use."""
    template = (TEMPLATES / "_file_types.py.jinja").read_text(encoding="utf-8")
    (package_dir / "_file_types.py").write_text(template, encoding="utf-8")


def write_request_params(spec: Spec, package_dir: Path) -> TypedDictOutput:
    """`params.py`: one TypedDict per component schema reachable from a request body."""
    schemas = reachable(component_schemas(spec), request_roots(spec))
    write_file_types(package_dir)
    # Callers build these, so arrays and maps are `Sequence`/`Mapping` (they accept a caller's narrower
    # list, and tuples, which go out as JSON arrays). The top-level fields of multipart and form bodies
    # keep `list`: the facade sends a list there as one part per item, and takes a tuple for a file.
    # Configs keep `list`/`dict`: the facade validates them with jsonschema, whose `array` is a list.
    defined = write_typed_dicts(
        schemas,
        package_dir / "params.py",
        keyword_schemas(spec),
        abstract_containers=True,
        concrete_roots=form_bodies(spec),
    )
    expected = {name for name, schema in schemas.items() if is_class_shaped(schema)}
    return TypedDictOutput(
        expected=frozenset(expected),
        defined=frozenset(defined),
        missing_members=frozenset(missing_union_members(schemas, package_dir / "params.py")),
    )


def _config_schemas(config_schema: dict[str, Any]) -> dict[str, Schema]:
    """The config schema's `$defs`, with `#/$defs/` references pointing at components instead."""
    return {name: _retarget(schema) for name, schema in (config_schema.get("$defs") or {}).items()}


def _retarget(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: value.replace("#/$defs/", SCHEMA_REF_PREFIX)
            if key == "$ref" and isinstance(value, str)
            else _retarget(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_retarget(value) for value in node]
    return node


def write_gateway_config(config_schema: dict[str, Any], package_dir: Path) -> TypedDictOutput:
    """`gateway_config.py` (TypedDicts, root `GatewayConfig`) and `gateway_config_schema.py`
    (the JSON Schema as a Python literal, so validating a config reads no file)."""
    schemas = _config_schemas(config_schema)
    defined = write_typed_dicts(schemas, package_dir / "gateway_config.py")
    literal = pprint.pformat(config_schema, sort_dicts=False, width=110)
    (package_dir / "gateway_config_schema.py").write_text(
        '"""The gateway config JSON Schema (openapi/gateway-config.schema.json) as a Python value."""\n\n'
        "from typing import Any, Final\n\n"
        f"SCHEMA: Final[dict[str, Any]] = {literal}\n",
        encoding="utf-8",
    )
    expected = {name for name, schema in schemas.items() if is_class_shaped(schema)} | {CONFIG_ROOT}
    return TypedDictOutput(
        expected=frozenset(expected),
        defined=frozenset(defined),
        missing_members=frozenset(missing_union_members(schemas, package_dir / "gateway_config.py")),
    )
