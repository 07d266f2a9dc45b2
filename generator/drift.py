"""`python -m generator drift --reference FILE`: `openapi/` set against an upstream description.

Operations are matched by HTTP method and path (parameter names blanked). For each operation present on both
sides it compares the parameters (name, place, required-ness, JSON type, enum values) and the request and
success-response bodies: their properties two levels deep (an array's items count as the level of the array),
each property's JSON type, enum values and required-ness. Operations only upstream are differences too;
operations only here are not (this description covers more than upstream does).

Every difference has a stable key (`POST /prompts/{}/render request.hyperparameters: only upstream`).
`openapi/drift.yaml` lists the intended ones, by key or `fnmatch` pattern, each with its reason. The command
prints what is left and exits 1 when anything is, or when an entry there no longer matches any difference.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.bundle import load_file, load_folder
from generator.errors import GenerationError
from generator.spec_walk import Spec, iter_operations, path_shape, resolve

ALLOWANCES_FILE = "drift.yaml"
DEPTH = 2
_BODY_MEDIA = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")


@dataclass(frozen=True)
class Shape:
    """What drift compares of one schema: JSON types (null aside), enum values, and properties."""

    types: frozenset[str]
    enum: frozenset[str]
    properties: dict[str, Shape]
    required: frozenset[str]


@dataclass(frozen=True)
class Allowance:
    pattern: str
    reason: str


def _enum_values(schema: dict[str, Any]) -> set[str]:
    values = {str(value) for value in schema.get("enum") or [] if value is not None}
    if "const" in schema and schema["const"] is not None:
        values.add(str(schema["const"]))
    return values


def _json_types(schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type")
    types = (
        set(declared) if isinstance(declared, list) else {declared} if isinstance(declared, str) else set()
    )
    if not types and ("properties" in schema or "additionalProperties" in schema):
        types.add("object")
    if not types and "items" in schema:
        types.add("array")
    types.discard("null")
    if "integer" in types and "number" in types:
        types.discard("integer")
    return types


def shape(spec: Spec, schema: Any, depth: int = DEPTH, seen: frozenset[int] = frozenset()) -> Shape:
    """The comparable view of `schema`: `$ref`s followed, `allOf` merged, the members of `oneOf`/`anyOf`
    joined (a property is required only when every member requires it), arrays seen through their items."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or id(schema) in seen:
        return Shape(frozenset(), frozenset(), {}, frozenset())
    seen = seen | {id(schema)}
    types = _json_types(schema)
    enum = _enum_values(schema)
    properties: dict[str, Shape] = {}
    required: set[str] = set(schema.get("required") or [])
    if depth > 0:
        for name, child in (schema.get("properties") or {}).items():
            properties[name] = shape(spec, child, depth - 1, seen)
    for member in schema.get("allOf") or []:
        part = shape(spec, member, depth, seen)
        types |= part.types
        enum |= part.enum
        properties.update({k: v for k, v in part.properties.items() if k not in properties})
        required |= part.required
    members = [shape(spec, m, depth, seen) for key in ("oneOf", "anyOf") for m in schema.get(key) or []]
    members = [m for m in members if m.types or m.enum or m.properties]
    if members:
        for member in members:
            types |= member.types
            enum |= member.enum
            for name, child in member.properties.items():
                properties[name] = _join(properties[name], child) if name in properties else child
        object_members = [m for m in members if m.properties]
        if object_members:
            required |= frozenset.intersection(*(m.required for m in object_members))
    discriminator = schema.get("discriminator") or {}
    tag = discriminator.get("propertyName")
    if tag in properties and discriminator.get("mapping"):
        known = properties[tag]
        properties[tag] = Shape(known.types, known.enum | set(discriminator["mapping"]), {}, frozenset())
    items = schema.get("items")
    if isinstance(items, dict) and not properties:
        inner = shape(spec, items, depth, seen)
        properties = inner.properties
        required |= inner.required
        enum |= inner.enum
    return Shape(frozenset(types), frozenset(enum), properties, frozenset(required & set(properties)))


def _join(a: Shape, b: Shape) -> Shape:
    """One property as two members of a union describe it: either's types, values and properties."""
    properties = dict(a.properties)
    for name, child in b.properties.items():
        properties[name] = _join(properties[name], child) if name in properties else child
    return Shape(a.types | b.types, a.enum | b.enum, properties, a.required & b.required)


def _operations(spec: Spec) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """`METHOD /path/{}` -> (path item, operation)."""
    found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for path, method, operation in iter_operations(spec):
        found[f"{method.upper()} {path_shape(path)}"] = (spec["paths"][path], operation)
    return found


def _parameters(spec: Spec, item: dict[str, Any], operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`<in>.<name>` (header names lower-cased) -> the parameter, operation-level ones winning."""
    found: dict[str, dict[str, Any]] = {}
    for source in (item.get("parameters") or [], operation.get("parameters") or []):
        for raw in source:
            parameter = resolve(spec, raw)
            if not isinstance(parameter, dict) or "name" not in parameter:
                continue
            place = parameter.get("in", "query")
            name = parameter["name"].lower() if place == "header" else parameter["name"]
            found[f"{place}.{name}"] = parameter
    return found


def _body_schema(spec: Spec, operation: dict[str, Any]) -> Any:
    content = (resolve(spec, operation.get("requestBody")) or {}).get("content") or {}
    for media in _BODY_MEDIA:
        if isinstance(content.get(media), dict) and "schema" in content[media]:
            return content[media]["schema"]
    return None


def _success_schema(spec: Spec, operation: dict[str, Any]) -> Any:
    responses = operation.get("responses") or {}
    for code in sorted(str(code) for code in responses):
        if code.startswith("2"):
            content = (resolve(spec, responses.get(code, responses.get(int(code)))) or {}).get(
                "content"
            ) or {}
            media = content.get("application/json")
            if isinstance(media, dict) and "schema" in media:
                return media["schema"]
    return None


def _compare_shapes(prefix: str, ours: Shape, theirs: Shape) -> Iterator[str]:
    if ours.types and theirs.types and ours.types != theirs.types:
        yield f"{prefix}: type {_set(ours.types)} here, {_set(theirs.types)} upstream"
    if ours.enum != theirs.enum and ours.enum and theirs.enum:
        if theirs.enum - ours.enum:
            yield f"{prefix}: enum values only upstream {_set(theirs.enum - ours.enum)}"
        if ours.enum - theirs.enum:
            yield f"{prefix}: enum values only here {_set(ours.enum - theirs.enum)}"
    for name in sorted(theirs.properties.keys() - ours.properties.keys()):
        yield f"{prefix}.{name}: only upstream"
    for name in sorted(ours.properties.keys() - theirs.properties.keys()):
        yield f"{prefix}.{name}: only here"
    for name in sorted(ours.properties.keys() & theirs.properties.keys()):
        mine, upstream = name in ours.required, name in theirs.required
        if mine != upstream:
            yield f"{prefix}.{name}: {'required' if mine else 'optional'} here, {'required' if upstream else 'optional'} upstream"
        yield from _compare_shapes(f"{prefix}.{name}", ours.properties[name], theirs.properties[name])


def _set(values: frozenset[str]) -> str:
    return "[" + ", ".join(sorted(values)) + "]"


def _compare_parameters(
    ours: Spec, theirs: Spec, key: str, mine: dict[str, Any], upstream: dict[str, Any]
) -> Iterator[str]:
    for name in sorted(upstream.keys() - mine.keys()):
        yield f"{key} parameter {name}: only upstream"
    for name in sorted(mine.keys() - upstream.keys()):
        yield f"{key} parameter {name}: only here"
    for name in sorted(mine.keys() & upstream.keys()):
        a, b = bool(mine[name].get("required")), bool(upstream[name].get("required"))
        if a != b:
            yield f"{key} parameter {name}: {'required' if a else 'optional'} here, {'required' if b else 'optional'} upstream"
        yield from _compare_shapes(
            f"{key} parameter {name}",
            shape(ours, mine[name].get("schema"), 0),
            shape(theirs, upstream[name].get("schema"), 0),
        )


def differences(ours: Spec, theirs: Spec) -> list[str]:
    """Every difference, one line each, sorted."""
    mine, upstream = _operations(ours), _operations(theirs)
    found = [f"{key}: operation only upstream" for key in upstream.keys() - mine.keys()]
    for key in mine.keys() & upstream.keys():
        (my_item, my_op), (their_item, their_op) = mine[key], upstream[key]
        found.extend(
            _compare_parameters(
                ours,
                theirs,
                key,
                _parameters(ours, my_item, my_op),
                _parameters(theirs, their_item, their_op),
            )
        )
        for label, pick in (("request", _body_schema), ("response", _success_schema)):
            a, b = pick(ours, my_op), pick(theirs, their_op)
            if a is None and b is None:
                continue
            if a is None or b is None:
                found.append(f"{key} {label}: {'only upstream' if a is None else 'only here'}")
                continue
            found.extend(_compare_shapes(f"{key} {label}", shape(ours, a), shape(theirs, b)))
    return sorted(found)


def load_allowances(path: Path) -> list[Allowance]:
    try:
        document = yaml.safe_load(path.read_text()) if path.exists() else None
    except yaml.YAMLError as error:
        raise GenerationError(f"{path} is not valid YAML: {error}") from None
    entries = (document or {}).get("allowed") or []
    allowances: list[Allowance] = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("match") or not str(entry.get("reason", "")).strip():
            raise GenerationError(f"{path}: every entry needs `match` and a non-empty `reason`: {entry!r}")
        allowances.append(Allowance(str(entry["match"]), str(entry["reason"])))
    return allowances


def unexplained(found: list[str], allowances: list[Allowance]) -> tuple[list[str], list[Allowance]]:
    """(differences no allowance matches, allowances that match no difference)."""
    used: set[int] = set()
    left: list[str] = []
    for line in found:
        hits = [
            index
            for index, allowance in enumerate(allowances)
            if fnmatch.fnmatchcase(line, allowance.pattern)
        ]
        used.update(hits)
        if not hits:
            left.append(line)
    return left, [allowance for index, allowance in enumerate(allowances) if index not in used]


def main(argv: list[str], spec_dir: Path) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator drift", description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="the upstream OpenAPI file")
    parser.add_argument("--all", action="store_true", help="also print the differences drift.yaml explains")
    arguments = parser.parse_args(argv)
    try:
        found = differences(load_folder(spec_dir).spec, load_file(arguments.reference).spec)
        allowances = load_allowances(spec_dir / ALLOWANCES_FILE)
    except GenerationError as error:
        print(f"generator drift: {error}", file=sys.stderr)
        return 1
    left, stale = unexplained(found, allowances)
    if arguments.all:
        for line in found:
            print(line)
    for line in left:
        print(f"unexplained: {line}")
    for allowance in stale:
        print(f"stale entry in openapi/{ALLOWANCES_FILE}: {allowance.pattern!r} matches no difference")
    print(
        f"drift: {len(found)} difference(s) against {arguments.reference.name}, "
        f"{len(found) - len(left)} explained, {len(left)} unexplained, {len(stale)} stale entr(y/ies)"
    )
    return 1 if left or stale else 0
