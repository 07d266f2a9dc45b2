"""Pass: server-sent-event responses leave the response content and are recorded on the operation."""

from __future__ import annotations

from generator.naming import pascal_case
from generator.normalize.hoisting import hoist, inline_component_ref, plain_ref
from generator.normalize.media import is_event_stream, is_success_status
from generator.spec_walk import Spec, iter_operations, ref_target_name


def extract_event_streams(spec: Spec) -> None:
    """For each 2xx response with `text/event-stream` content: drop that content (openapi-python-client
    would buffer the whole stream as text) and record the chunk schema as `x-stream-chunk: <Name>` on
    the operation, hoisting it to `<OperationId>StreamChunk` when inline. A response left with no
    content loses its `content` key. Needs operationIds (run after `ensure_operation_ids`)."""
    for _path, _method, operation in iter_operations(spec):
        responses = operation.get("responses") or {}
        for status in list(responses):
            if not is_success_status(status) or not isinstance(responses[status], dict):
                continue
            response = responses[status]
            if "$ref" in response:
                response = inline_component_ref(spec, response)
            content = response.get("content") or {}
            streams = [content_type for content_type in content if is_event_stream(content_type)]
            if not streams:
                continue
            responses[status] = response
            for content_type in streams:
                media = content.pop(content_type)
                schema = media.get("schema") if isinstance(media, dict) else None
                if not isinstance(schema, dict) or "x-stream-chunk" in operation:
                    continue
                target = plain_ref(schema)
                name = ref_target_name(target) if target else None
                if name is None:
                    name = hoist(spec, schema, pascal_case(operation["operationId"]) + "StreamChunk")
                operation["x-stream-chunk"] = name
            if not content:
                response.pop("content", None)
