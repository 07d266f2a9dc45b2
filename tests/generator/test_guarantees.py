"""The guarantees (a)-(e) of generator/README.md, checked on the small fixture after normalisation."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openapi_python_client.strings import pascal_case
from small_fixture import SMALL_SPEC

from generator.bundle import load_file
from generator.naming import GENERATED_CODE_NAMES, is_reserved_word, snake_case
from generator.normalize import normalize
from generator.normalize.media import body_kind, is_json, is_success_status
from generator.spec_walk import component_schemas, iter_operations, ref_target_name

CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return normalize(load_file(SMALL_SPEC).spec)


def test_a_operation_ids_are_unique_camel_case_with_one_tag(spec: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in iter_operations(spec)]
    assert all(CAMEL_CASE.match(operation_id) for operation_id in ids), ids
    assert len({snake_case(operation_id) for operation_id in ids}) == len(ids)
    declared = {tag["name"] for tag in spec["tags"]}
    for _, _, operation in iter_operations(spec):
        assert len(operation["tags"]) == 1 and operation["tags"][0] in declared


def test_b_bodies_and_success_json_responses_are_component_refs(spec: dict[str, Any]) -> None:
    schemas = component_schemas(spec)
    checked = 0
    for _, _, operation in iter_operations(spec):
        for content_type, media in (operation.get("requestBody") or {}).get("content", {}).items():
            if body_kind(content_type):
                assert (
                    set(media["schema"]) == {"$ref"} and ref_target_name(media["schema"]["$ref"]) in schemas
                )
                checked += 1
        for status, response in operation["responses"].items():
            for content_type, media in (response.get("content") or {}).items():
                if is_success_status(status) and is_json(content_type):
                    assert (
                        set(media["schema"]) == {"$ref"}
                        and ref_target_name(media["schema"]["$ref"]) in schemas
                    )
                    checked += 1
    assert checked == 10
    assert "ListPetsResponse200" in schemas and "UploadPhotoBody" in schemas and "Response" not in schemas


def test_c_component_names_are_opc_stable(spec: dict[str, Any]) -> None:
    names = list(component_schemas(spec))
    for name in names:
        assert name.isidentifier() and pascal_case(name) == name, name
        assert not is_reserved_word(name) and name not in GENERATED_CODE_NAMES, name
    assert len({snake_case(name) for name in names}) == len(names)
    assert {"ResponseSchema", "FileSchema", "ErrorSchema"} <= set(names)


def test_d_event_streams_leave_the_response(spec: dict[str, Any]) -> None:
    create = spec["paths"]["/pets"]["post"]
    assert create["x-stream-chunk"] == "PetEvent"
    assert list(create["responses"]["200"]["content"]) == ["application/json"]
    for _, _, operation in iter_operations(spec):
        for response in operation["responses"].values():
            assert "text/event-stream" not in (response.get("content") or {})


def test_e_sdk_resource_and_method_are_filled_and_unique(spec: dict[str, Any]) -> None:
    pairs = []
    for _, _, operation in iter_operations(spec):
        resource, method = operation["x-sdk-resource"], operation["x-sdk-method"]
        assert all(SNAKE_CASE.match(part) for part in resource.split(".")), resource
        assert SNAKE_CASE.match(method), method
        pairs.append((resource, method))
    assert len(set(pairs)) == len(pairs)
    assert ("pets", "list") in pairs and ("analytics.feedback", "create") in pairs


def test_normalize_leaves_its_input_alone() -> None:
    loaded = load_file(SMALL_SPEC)
    before = repr(loaded.spec)
    normalize(loaded.spec)
    assert repr(loaded.spec) == before
