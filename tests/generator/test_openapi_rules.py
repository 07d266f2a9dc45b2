"""The rules of openapi/README.md, checked on the bundled description in openapi/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.bundle import bundle_folder
from generator.naming import GENERATED_CODE_NAMES
from generator.normalize.media import body_kind, is_event_stream, is_json
from generator.spec_walk import component_schemas, iter_all_schemas, iter_operations, ref_target_name

OPENAPI_DIR = Path(__file__).resolve().parents[2] / "openapi"
CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
PASCAL_CASE = re.compile(r"^[A-Z][a-zA-Z0-9]*$")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
COMMON_HEADERS = (
    "PortkeyProvider",
    "PortkeyConfig",
    "PortkeyTraceId",
    "PortkeyMetadata",
    "PortkeyCacheNamespace",
    "PortkeyCacheForceRefresh",
)
COMMON_ERRORS = ("BadRequest", "Unauthorized", "NotFound", "RateLimited", "GatewayError")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return bundle_folder(OPENAPI_DIR)


def operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(f"{method.upper()} {path}", operation) for path, method, operation in iter_operations(spec)]


def is_bare_ref(schema: Any) -> bool:
    return isinstance(schema, dict) and set(schema) == {"$ref"}


def is_binary(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "string" and schema.get("format") == "binary"


def test_openapi_3_1(spec: dict[str, Any]) -> None:
    assert str(spec["openapi"]).startswith("3.1")


def test_operations_are_named_tagged_and_described(spec: dict[str, Any]) -> None:
    declared = {tag["name"] for tag in spec.get("tags", [])}
    faults = []
    for name, operation in operations(spec):
        if not CAMEL_CASE.match(operation.get("operationId", "")):
            faults.append(f"{name}: operationId")
        tags = operation.get("tags", [])
        if len(tags) != 1 or tags[0] not in declared:
            faults.append(f"{name}: tags {tags}")
        faults.extend(f"{name}: no {key}" for key in ("summary", "description") if not operation.get(key))
    ids = Counter(operation.get("operationId") for _, operation in operations(spec))
    faults.extend(f"operationId {key} used {count} times" for key, count in ids.items() if count > 1)
    assert faults == []


def test_every_operation_has_a_unique_sdk_place(spec: dict[str, Any]) -> None:
    faults = []
    pairs: Counter[tuple[str, str]] = Counter()
    for name, operation in operations(spec):
        resource, method = operation.get("x-sdk-resource", ""), operation.get("x-sdk-method", "")
        if not all(SNAKE_CASE.match(part) for part in resource.split(".")) or not SNAKE_CASE.match(method):
            faults.append(f"{name}: x-sdk-resource {resource!r} / x-sdk-method {method!r}")
        pairs[(resource, method)] += 1
        if operation.get("x-portkey-plane") not in ("data", "control"):
            faults.append(f"{name}: x-portkey-plane")
    faults.extend(f"{pair} used {count} times" for pair, count in pairs.items() if count > 1)
    assert faults == []


def test_bodies_are_named_schemas(spec: dict[str, Any]) -> None:
    faults = []
    for name, operation in operations(spec):
        for content_type, media in (operation.get("requestBody") or {}).get("content", {}).items():
            if body_kind(content_type) and not is_bare_ref(media.get("schema")):
                faults.append(f"{name}: request {content_type}")
        for status, response in operation.get("responses", {}).items():
            for content_type, media in (response.get("content") or {}).items():
                schema = media.get("schema")
                if (is_json(content_type) or is_event_stream(content_type)) and not is_bare_ref(schema):
                    faults.append(f"{name}: response {status} {content_type}")
                elif not (is_json(content_type) or is_event_stream(content_type)) and not is_binary(schema):
                    faults.append(f"{name}: response {status} {content_type} is not a binary string")
    assert faults == []


def test_schema_names_are_pascal_case_and_free(spec: dict[str, Any]) -> None:
    names = list(component_schemas(spec))
    assert [name for name in names if not PASCAL_CASE.match(name) or name in GENERATED_CODE_NAMES] == []


def test_no_titles_and_everything_described(spec: dict[str, Any]) -> None:
    titled = [schema for schema in iter_all_schemas(spec) if isinstance(schema.get("title"), str)]
    assert titled == []
    undescribed = []
    for name, schema in component_schemas(spec).items():
        if not schema.get("description"):
            undescribed.append(name)
        for key, prop in (schema.get("properties") or {}).items():
            if isinstance(prop, dict) and not prop.get("description"):
                undescribed.append(f"{name}.{key}")
    assert undescribed == []


def test_header_parameters_are_scalars(spec: dict[str, Any]) -> None:
    parameters = list((spec.get("components") or {}).get("parameters", {}).values())
    for _, operation in operations(spec):
        parameters.extend(p for p in operation.get("parameters", []) if "$ref" not in p)
    faults = [
        parameter["name"]
        for parameter in parameters
        if parameter.get("in") == "header"
        and parameter.get("schema", {}).get("type") not in ("string", "integer", "number", "boolean")
        and "$ref" not in parameter.get("schema", {})
    ]
    assert faults == []


def test_data_plane_operations_take_the_common_headers_and_errors(spec: dict[str, Any]) -> None:
    faults = []
    for name, operation in operations(spec):
        if operation.get("x-portkey-plane") != "data":
            continue
        refs = {p.get("$ref", "").rsplit("/", 1)[-1] for p in operation.get("parameters", [])}
        faults.extend(f"{name}: no {header}" for header in COMMON_HEADERS if header not in refs)
        responses = {
            ref_target_name(r.get("$ref", "").replace("/responses/", "/schemas/")) or ""
            for r in operation.get("responses", {}).values()
        }
        faults.extend(f"{name}: no {error}" for error in COMMON_ERRORS if error not in responses)
    assert faults == []
