"""Which failures are retried, how long the client waits, and that a retry sends the same bytes."""

from __future__ import annotations

import email.utils
import io
import time
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

import portkey_typed._retries as retries_module
from portkey_typed import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncPortkey,
    InternalServerError,
    Portkey,
    RateLimitError,
)

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import CHAT_COMPLETION, MESSAGES, MockGateway, chunk_event, json_reply, sse_reply

FAILURE = {"error": {"message": "try again"}}


def status(code: int, **headers: str) -> httpx.Response:
    return json_reply(FAILURE, code, headers)


async def create(client: Portkey | AsyncPortkey, **options: Any) -> Any:
    return await resolve(client.chat.completions.create(model="m", messages=MESSAGES, **options))


@pytest.fixture
def no_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retries_module, "random", SimpleNamespace(random=lambda: 0.0))


@pytest.mark.parametrize(
    "failure",
    [
        408,
        409,
        429,
        500,
        502,
        503,
        504,
        httpx.ConnectError("connection refused"),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected"),
    ],
    ids=str,
)
async def test_retryable_failures_are_retried_then_succeed(
    failure: int | Exception, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(status(failure) if isinstance(failure, int) else failure, json_reply(CHAT_COMPLETION))

    await create(make_client())

    assert len(gateway.requests) == 2
    assert len(waits) == 1


@pytest.mark.parametrize("code", [400, 401, 403, 404, 422])
async def test_client_errors_are_not_retried(
    code: int, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(status(code))

    with pytest.raises(APIStatusError):
        await create(make_client())

    assert len(gateway.requests) == 1
    assert waits == []


async def test_two_retries_by_default_then_the_last_error(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(status(500), status(502), status(429))

    with pytest.raises(RateLimitError):
        await create(make_client())

    assert len(gateway.requests) == 3
    assert len(waits) == 2


@pytest.mark.parametrize(
    ("failure", "error_class"),
    [(httpx.ConnectError("refused"), APIConnectionError), (httpx.ReadTimeout("slow"), APITimeoutError)],
)
async def test_transport_failures_become_connection_errors(
    failure: Exception,
    error_class: type[APIConnectionError],
    make_client: ClientFactory,
    gateway: MockGateway,
) -> None:
    gateway.script(failure, failure)

    with pytest.raises(error_class) as caught:
        await create(make_client(max_retries=1))

    assert len(gateway.requests) == 2
    assert caught.value.request is gateway.last
    assert "POST http://localhost:8787/v1/chat/completions" in caught.value.message
    assert isinstance(caught.value.__cause__, type(failure))


@pytest.mark.parametrize("max_retries", [0, 1, 4])
async def test_max_retries_of_the_client(
    max_retries: int, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(*[status(503) for _ in range(max_retries + 1)])

    with pytest.raises(InternalServerError):
        await create(make_client(max_retries=max_retries))

    assert len(gateway.requests) == max_retries + 1
    assert len(waits) == max_retries


async def test_max_retries_of_one_call_wins(make_client: ClientFactory, gateway: MockGateway) -> None:
    gateway.script(status(503), status(503), status(503), status(503))

    with pytest.raises(InternalServerError):
        await create(make_client(max_retries=0), max_retries=3)

    assert len(gateway.requests) == 4


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "1200", "retry-after": "9"}, 1.2),
        ({"retry-after": "0"}, 0.0),
    ],
)
async def test_the_server_says_how_long_to_wait(
    headers: dict[str, str], wait: float, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(status(429, **headers), json_reply(CHAT_COMPLETION))

    await create(make_client())

    assert waits == [pytest.approx(wait)]


async def test_retry_after_as_an_http_date(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    gateway.script(status(503, **{"retry-after": later}), json_reply(CHAT_COMPLETION))

    await create(make_client())

    assert 27 < waits[0] <= 30


@pytest.mark.parametrize("value", ["600", "-3", "soon", "Wed, 99 Foo 2020"])
async def test_an_unusable_retry_after_falls_back_to_backoff(
    value: str, make_client: ClientFactory, gateway: MockGateway, waits: list[float], no_jitter: None
) -> None:
    gateway.script(status(429, **{"retry-after": value}), json_reply(CHAT_COMPLETION))

    await create(make_client())

    assert waits == [0.5]


async def test_backoff_doubles_up_to_a_cap(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float], no_jitter: None
) -> None:
    gateway.script(*[status(500) for _ in range(7)])

    with pytest.raises(InternalServerError):
        await create(make_client(max_retries=6))

    assert waits == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


async def test_backoff_has_jitter(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    for _ in range(10):
        gateway.script(status(500), json_reply(CHAT_COMPLETION))
        await create(make_client())

    assert all(0.375 <= wait <= 0.5 for wait in waits)
    assert len(set(waits)) > 1


async def test_x_should_retry_false_stops_a_retry(make_client: ClientFactory, gateway: MockGateway) -> None:
    gateway.script(status(503, **{"x-should-retry": "false"}))

    with pytest.raises(InternalServerError):
        await create(make_client())

    assert len(gateway.requests) == 1


async def test_x_should_retry_true_forces_a_retry(make_client: ClientFactory, gateway: MockGateway) -> None:
    gateway.script(status(400, **{"x-should-retry": "true"}), json_reply(CHAT_COMPLETION))

    await create(make_client())

    assert len(gateway.requests) == 2


async def test_a_retry_sends_the_same_bytes(make_client: ClientFactory, gateway: MockGateway) -> None:
    gateway.script(status(500), json_reply(CHAT_COMPLETION))

    await create(make_client(provider="openai", metadata={"u": "1"}), trace_id="t", extra_body={"seed": 1})

    first, second = gateway.requests
    assert first.content == second.content
    assert first.headers == second.headers
    assert first.url == second.url


def without_boundary(request: httpx.Request) -> bytes:
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    return request.content.replace(boundary, b"BOUNDARY")


@pytest.mark.parametrize("wrap", [False, True])
async def test_an_upload_is_sent_whole_on_every_attempt(
    wrap: bool, make_client: ClientFactory, gateway: MockGateway
) -> None:
    data = b'{"custom_id": "1"}\n' * 2000
    upload = io.BytesIO(data)
    upload.read(100)
    gateway.script(status(500), httpx.ConnectError("refused"), json_reply({"id": "file-1"}))
    client = make_client()

    file = ("batch.jsonl", upload, "application/jsonl") if wrap else upload
    await resolve(client.files.create(file=file, purpose="batch"))

    assert len(gateway.requests) == 3
    bodies = {without_boundary(request) for request in gateway.requests}
    assert len(bodies) == 1
    body = bodies.pop()
    assert data in body
    assert b'name="purpose"\r\n\r\nbatch' in body
    if wrap:
        assert b'filename="batch.jsonl"' in body


async def test_no_retry_once_a_stream_has_started(make_client: ClientFactory, gateway: MockGateway) -> None:
    response, _ = sse_reply(chunk_event("a"), cut=True)
    gateway.script(response, json_reply(CHAT_COMPLETION))
    stream = await create(make_client(), stream=True)

    with pytest.raises(APIConnectionError):
        await collect(stream)

    assert len(gateway.requests) == 1


async def test_a_stream_that_fails_before_starting_is_retried(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, _ = sse_reply(chunk_event("a"), "data: [DONE]\n\n")
    gateway.script(status(429), response)

    chunks = await collect(await create(make_client(), stream=True))

    assert len(chunks) == 1
    assert len(gateway.requests) == 2
