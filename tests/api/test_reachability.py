"""Every operation of `openapi/` is a method of `Portkey` and of `AsyncPortkey` (and of their
`with_raw_response` twins), found by walking its `x-sdk-resource` / `x-sdk-method`, and calling it
sends that operation's method and path. The WebSocket operations are not generated (README rule): the
handwritten facade serves them (`client.realtime.connect`, tests/unit/test_realtime_connect.py)."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest

from . import spec
from .harness import API_KEY, attribute, client, resolve

WEBSOCKET_OPERATIONS = {"connectRealtime"}
"""Operations marked `x-portkey-transport: websocket`: described, not generated, served by the facade."""

HTTP_OPERATIONS = [op for op in spec.operations() if op.transport == "http"]


class Sent(Exception):
    """Raised by the transport instead of answering: the request is all the test needs."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(f"{request.method} {request.url}")
        self.request = request


def stop(request: httpx.Request) -> httpx.Response:
    raise Sent(request)


def required_keywords(function: Any, op: spec.SpecOperation) -> dict[str, Any]:
    """A value for every keyword the method cannot be called without: required query parameters,
    `body` (a body that is not an object) and the required fields of the body."""
    queries = {param["name"]: param for param in op.query_params}
    fields = spec.required_body(op)
    keywords: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty:
            if name == "body":
                keywords[name] = spec.sample({"$ref": f"#/components/schemas/{op.body_value}"})
            elif name in fields:
                keywords[name] = fields[name]
            else:
                keywords[name] = spec.sample(queries[name].get("schema", {}))
    return keywords


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_only_the_websocket_operations_are_left_to_the_facade(flavor: str) -> None:
    left_out = {op.operation_id for op in spec.operations() if op.transport != "http"}
    assert left_out == WEBSOCKET_OPERATIONS
    portkey = client(flavor, stop, api_key=API_KEY)
    for op in spec.operations():
        if op.operation_id in WEBSOCKET_OPERATIONS:
            method = getattr(attribute(portkey, op.resource), op.sdk_method)
            assert method.__module__.startswith("portkey_typed."), op.operation_id
    assert len(HTTP_OPERATIONS) == len(spec.operations()) - len(WEBSOCKET_OPERATIONS)


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
@pytest.mark.parametrize("op", HTTP_OPERATIONS, ids=lambda op: op.operation_id)
async def test_every_operation_is_reachable_and_sends_itself(
    op: spec.SpecOperation, raw: bool, flavor: str
) -> None:
    portkey = client(flavor, stop, api_key=API_KEY)
    resource = attribute(portkey, op.resource)
    method = getattr(resource.with_raw_response if raw else resource, op.sdk_method)
    values = {name: f"{name}-1" for name in op.path_params}

    with pytest.raises(Sent) as sent:
        await resolve(method(*values.values(), **required_keywords(method, op)))

    request = sent.value.request
    assert request.method == op.method
    assert request.url.path == op.url_path(values)
    for param in op.query_params:
        if param.get("required"):
            assert param["name"] in request.url.params, param["name"]
