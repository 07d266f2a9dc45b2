"""Real sockets, real failures: each fault gives one exact outcome and leaves nothing open behind."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.params import ChatCompletionRequestMessage
from portkey_typed import (
    APIConnectionError,
    APIResponseValidationError,
    APIStreamError,
    APITimeoutError,
    AsyncPortkey,
    InternalServerError,
    Portkey,
)

from .conftest import AnyClient, assert_clean
from .fault_server import (
    FaultServer,
    closed_port,
    json_answer,
    raw_answer,
    slow_answer,
    stream_answer,
)

ClientFactory = Callable[..., AnyClient]
MESSAGES: list[ChatCompletionRequestMessage] = [{"role": "user", "content": "Hi"}]
COMPLETION = {
    "id": "chatcmpl-9",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "gpt-4o-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "fine"}, "finish_reason": "stop"}],
}


def chunk(content: str) -> str:
    body = {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }
    return f"data: {json.dumps(body)}\n\n"


async def call(client: AnyClient, **options: Any) -> Any:
    """One chat call; the client (and its pool) is closed afterwards, whatever happens."""
    try:
        if isinstance(client, Portkey):
            return client.chat.completions.create(model="m", messages=MESSAGES, **options)
        return await client.chat.completions.create(model="m", messages=MESSAGES, **options)
    finally:
        if not options.get("stream"):
            await close(client)


async def close(client: AnyClient) -> None:
    if isinstance(client, AsyncPortkey):
        await client.close()
    else:
        client.close()


async def read_stream(client: AnyClient) -> list[str]:
    """Read a chat stream to its end (or its failure) and close the client; the contents seen so far."""
    seen: list[str] = []
    stream = await call(client, stream=True)
    try:
        if isinstance(client, AsyncPortkey):
            async with stream:
                async for piece in stream:
                    seen.append(piece.choices[0].delta.content)
        else:
            with stream:
                for piece in stream:
                    seen.append(piece.choices[0].delta.content)
    finally:
        assert stream.response.is_closed
        await close(client)
    return seen


async def test_429_with_retry_after_then_200(
    make_client: ClientFactory, server: FaultServer, waits: list[float], threads_before: set[threading.Thread]
) -> None:
    server.answer(
        json_answer({"error": {"message": "slow down"}}, 429, {"retry-after": "1"}), json_answer(COMPLETION)
    )

    completion = await call(make_client(trace_id="t-429"))

    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "fine"
    assert waits == [1.0]
    assert len(server.received) == 2
    assert server.received[0].body == server.received[1].body
    assert server.received[1].headers["x-portkey-trace-id"] == "t-429"
    await assert_clean(server, threads_before)


async def test_500_then_200(
    make_client: ClientFactory, server: FaultServer, waits: list[float], threads_before: set[threading.Thread]
) -> None:
    server.answer(json_answer({"html-message": "Message: fetch failed"}, 500), json_answer(COMPLETION))

    completion = await call(make_client())

    assert isinstance(completion, ChatCompletion)
    assert len(server.received) == 2
    assert len(waits) == 1
    await assert_clean(server, threads_before)


async def test_connection_refused(
    flavor: str, waits: list[float], threads_before: set[threading.Thread]
) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    client: AnyClient = (
        Portkey(base_url=url, max_retries=1)
        if flavor == "sync"
        else AsyncPortkey(base_url=url, max_retries=1)
    )

    with pytest.raises(APIConnectionError) as caught:
        await call(client)

    assert type(caught.value) is APIConnectionError
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert f"POST {url}/chat/completions failed: ConnectError" in caught.value.message
    assert len(waits) == 1
    await assert_clean(None, threads_before)


async def test_a_response_slower_than_the_timeout(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    server.answer(slow_answer(10.0, json_answer(COMPLETION)))
    started = time.monotonic()

    with pytest.raises(APITimeoutError) as caught:
        await call(make_client(timeout=0.3, max_retries=0))

    assert time.monotonic() - started < 3.0
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert len(server.received) == 1
    await assert_clean(server, threads_before)


async def test_a_stream_cut_mid_way(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    server.answer(stream_answer([chunk("one"), chunk("two")], cut=True), json_answer(COMPLETION))

    with pytest.raises(APIConnectionError) as caught:
        await read_stream(make_client())

    assert type(caught.value) is APIConnectionError
    assert len(server.received) == 1
    await assert_clean(server, threads_before)


async def test_a_stream_cut_keeps_the_chunks_before_the_cut(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    server.answer(stream_answer([chunk("one"), chunk("two")], cut=True))
    client = make_client()
    stream = await call(client, stream=True)
    seen: list[str] = []

    with pytest.raises(APIConnectionError):
        if isinstance(client, AsyncPortkey):
            async for piece in stream:
                seen.append(piece.choices[0].delta.content)
        else:
            for piece in stream:
                seen.append(piece.choices[0].delta.content)

    assert seen == ["one", "two"]
    assert stream.response.is_closed
    await close(client)
    await assert_clean(server, threads_before)


async def test_a_stream_with_an_error_event(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    error = {
        "error": {"message": "Rate limit reached for gpt-4o-mini", "type": "rate_limit_error", "status": 429}
    }
    server.answer(
        stream_answer([chunk("one"), f"event: error\ndata: {json.dumps(error)}\n\n", chunk("never")])
    )

    with pytest.raises(APIStreamError) as caught:
        await read_stream(make_client())

    assert str(caught.value) == "the stream sent an error: Rate limit reached for gpt-4o-mini"
    assert caught.value.status_code == 429
    assert caught.value.body == error["error"]
    assert caught.value.type == "rate_limit_error"
    assert len(server.received) == 1
    await assert_clean(server, threads_before)


async def test_a_complete_stream(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    server.answer(stream_answer([": keep-alive\n\n", chunk("one"), chunk("two"), "data: [DONE]\n\n"]))

    assert await read_stream(make_client()) == ["one", "two"]
    await assert_clean(server, threads_before)


async def test_garbage_json(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    server.answer(raw_answer(b'{"id": "chatcmpl-9", "choices": [', 200, "application/json"))

    with pytest.raises(APIResponseValidationError) as caught:
        await call(make_client())

    assert caught.value.message.startswith("createChatCompletion: HTTP 200 with a body that is not JSON: ")
    assert caught.value.body == '{"id": "chatcmpl-9", "choices": ['
    await assert_clean(server, threads_before)


async def test_an_html_page(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"
    server.answer(raw_answer(page, 502, "text/html"))

    with pytest.raises(InternalServerError) as caught:
        await call(make_client(max_retries=0))

    assert caught.value.status_code == 502
    assert caught.value.message.startswith("HTTP 502 with an HTML page instead of JSON: ")
    assert "502 Bad Gateway" in caught.value.message
    await assert_clean(server, threads_before)
