"""The table-driven engine of the per-area tests: a `Case` is one call and the exchange it must produce.

`check` makes the call with a client that carries both the Portkey API key and data-plane options
(provider, provider key, config, trace id, metadata), then checks the request (method, path, query,
headers, body), that the operation it reached belongs to the area under test, and the typed decoding
of the scripted answer. `check_error` checks that an error answer becomes the right exception.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from portkey_typed import APIStatusError, NotFoundError

from . import spec
from .harness import API_KEY, Gateway, call, client, sent_json, sent_query


class _NoBody:
    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY: Any = _NoBody()
"""A request (or an answer) without a body."""

PROVIDER_KEY = "sk-provider-secret"
CLIENT_OPTIONS: dict[str, Any] = {
    "api_key": API_KEY,
    "provider": "openai",
    "authorization": PROVIDER_KEY,
    "config": "pc-routing-1",
    "trace_id": "trace-client-1",
    "metadata": {"team": "ml"},
}
"""Every test client carries the data-plane options too: control-plane calls must leave them out."""


@dataclass(frozen=True)
class Case:
    """One call (`client.<call>(*args, **kwargs)`) and what must happen."""

    call: str
    method: str
    path: str
    """The request's path after the base URL (`/configs/pc-1`), or after its own server's root."""
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    body: Any = NO_BODY
    """The JSON body the request carries; for uploads, the form's text fields and file names."""
    reply: Any = NO_BODY
    """The JSON answer (bytes for a binary one)."""
    returns: str | None = None
    """The class name of the decoded result (None: not an object)."""
    expect: Mapping[str, Any] = field(default_factory=dict)
    """Values read from the result by dotted path (`data.0.name`); UUIDs and datetimes as strings."""

    def __str__(self) -> str:
        return self.call


@dataclass(frozen=True)
class ErrorCase:
    """One call answered with an error status, and the exception it must raise."""

    call: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    status: int = 404
    reply: Any = None
    error: type[APIStatusError] = NotFoundError
    message: str = ""


def management_error(message: str) -> dict[str, Any]:
    """The error body of Portkey's management API."""
    return {"success": False, "data": {"message": message}}


def provider_error(message: str, kind: str = "invalid_request_error") -> dict[str, Any]:
    """The error body of an OpenAI-compatible call, as the gateway passes it on."""
    return {"error": {"message": message, "type": kind, "param": None, "code": None}, "provider": "openai"}


async def check(case: Case, flavor: str, area: str) -> None:
    gateway = Gateway(_reply(case.reply))
    portkey = client(flavor, gateway, **CLIENT_OPTIONS)

    result = await call(portkey, case.call, *case.args, **case.kwargs)

    request = gateway.last
    op = spec.matching(case.method, case.path)
    assert (op.area, f"{op.resource}.{op.sdk_method}") == (area, case.call)
    assert request.method == case.method
    assert request.url.path == ("/v1" if op.server_path is None else op.server_path) + case.path
    assert sent_query(request) == dict(case.query)
    _check_headers(request, op.plane)
    _check_body(request, op, case.body)
    _check_result(result, case)


async def check_error(case: ErrorCase, flavor: str, area: str) -> None:
    gateway = Gateway(httpx.Response(case.status, json=case.reply))
    portkey = client(flavor, gateway, **CLIENT_OPTIONS)

    try:
        await call(portkey, case.call, *case.args, **case.kwargs)
    except APIStatusError as error:
        assert type(error) is case.error
        assert error.status_code == case.status
        assert error.message == case.message
        assert error.body == (
            case.reply["error"] if isinstance(case.reply.get("error"), dict) else case.reply
        )
        assert error.response.json() == case.reply
    else:
        raise AssertionError(f"{case.call} did not raise on HTTP {case.status}")
    request = gateway.last
    op = spec.matching(request.method, request.url.path.removeprefix("/v1"))
    assert (op.area, f"{op.resource}.{op.sdk_method}") == (area, case.call)


def pick(value: Any, dotted: str) -> Any:
    """`result.data[0].name` from `"data.0.name"` (keys for mappings, attributes for models)."""
    for part in dotted.split("."):
        if part.isdigit():
            value = value[int(part)]
        elif isinstance(value, Mapping):
            value = value[part]
        else:
            value = getattr(value, part)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def _reply(body: Any) -> httpx.Response:
    if body is NO_BODY:
        return httpx.Response(204)
    if isinstance(body, bytes):
        return httpx.Response(200, content=body, headers={"content-type": "application/octet-stream"})
    return httpx.Response(200, json=body)


def _check_headers(request: httpx.Request, plane: str) -> None:
    assert request.headers["x-portkey-api-key"] == API_KEY
    portkey_headers = {name for name in request.headers if name.startswith("x-portkey-")}
    if plane == "control":
        assert portkey_headers == {"x-portkey-api-key"}, "a data-plane header reached the management API"
        assert "authorization" not in request.headers
    else:
        assert request.headers["x-portkey-provider"] == "openai"
        assert request.headers["x-portkey-config"] == "pc-routing-1"
        assert request.headers["x-portkey-trace-id"] == "trace-client-1"
        assert request.headers["authorization"] == f"Bearer {PROVIDER_KEY}"


def _check_body(request: httpx.Request, op: spec.SpecOperation, expected: Any) -> None:
    if expected is NO_BODY:
        assert request.content == b""
        return
    content_type = request.headers.get("content-type", "")
    if op.body_kind == "multipart":
        assert content_type.startswith("multipart/form-data")
        assert _form(request) == expected
        return
    assert content_type == "application/json"
    assert sent_json(request) == expected


def _form(request: httpx.Request) -> dict[str, str]:
    """The parts of a multipart body: text fields by value, file fields by file name."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    fields: dict[str, str] = {}
    for part in request.content.split(b"--" + boundary)[1:-1]:
        head, _, value = part.strip(b"\r\n").partition(b"\r\n\r\n")
        disposition = head.split(b"\r\n")[0].decode()
        name = disposition.split('name="')[1].split('"')[0]
        if 'filename="' in disposition:
            fields[name] = "file:" + disposition.split('filename="')[1].split('"')[0]
        else:
            fields[name] = value.decode()
    return fields


def _check_result(result: Any, case: Case) -> None:
    if case.returns is not None:
        assert type(result).__name__ == case.returns
    if isinstance(case.reply, bytes):
        assert result == case.reply
    for dotted, expected in case.expect.items():
        assert pick(result, dotted) == expected, dotted
