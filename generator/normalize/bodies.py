"""Pass: request bodies and JSON responses refer to named component schemas."""

from __future__ import annotations

from typing import Any

from generator.naming import pascal_case
from generator.normalize.hoisting import inline_component_ref, media_schema_as_ref
from generator.normalize.media import body_kind, is_json, is_success_status
from generator.spec_walk import Spec, iter_operations


def _status_word(status: str) -> str:
    return "Default" if status == "default" else status.upper()


def _hoist_request_body(spec: Spec, operation: dict[str, Any], operation_name: str) -> None:
    body = operation.get("requestBody")
    if not isinstance(body, dict):
        return
    if "$ref" in body:
        body = operation["requestBody"] = inline_component_ref(spec, body)
    reuse: dict[str, str] = {}
    for content_type, media in (body.get("content") or {}).items():
        kind = body_kind(content_type)
        if kind is None or not isinstance(media, dict):
            continue
        wanted = f"{operation_name}Body" if not reuse else f"{operation_name}{kind}Body"
        media_schema_as_ref(spec, media, wanted, reuse)


def _hoist_response(spec: Spec, response: Any, wanted_name: str) -> None:
    if not isinstance(response, dict) or "$ref" in response:
        return
    reuse: dict[str, str] = {}
    for content_type, media in (response.get("content") or {}).items():
        if is_json(content_type) and isinstance(media, dict):
            media_schema_as_ref(spec, media, wanted_name, reuse)


def hoist_body_schemas(spec: Spec) -> None:
    """Inline request body (json, multipart, form) and JSON response schemas move to components:
    `<OperationId>Body` (a second body type: `<OperationId><Json|Multipart|Form>Body`) and
    `<OperationId>Response<status>`. A `$ref` to `components/requestBodies` or (for 2xx) to
    `components/responses` is replaced by a copy first, so each operation's bodies are read in place;
    inline schemas in the remaining shared responses become `<ResponseKey>Body`. Bodies that are
    already a reference keep it, without sibling keywords."""
    shared = (spec.get("components") or {}).get("responses") or {}
    for key, response in shared.items():
        _hoist_response(spec, response, f"{pascal_case(key)}Body")
    for _path, _method, operation in iter_operations(spec):
        name = pascal_case(operation["operationId"])
        _hoist_request_body(spec, operation, name)
        responses = operation.get("responses") or {}
        for status, response in responses.items():
            if is_success_status(str(status)) and isinstance(response, dict) and "$ref" in response:
                responses[status] = inline_component_ref(spec, response)
        for status, response in responses.items():
            _hoist_response(spec, response, f"{name}Response{_status_word(str(status))}")
