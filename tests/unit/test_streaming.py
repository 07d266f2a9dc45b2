"""Server-sent event streams: parsing, errors inside a stream, cuts, and closing the response."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from typing import Any

import httpx
import pytest

import portkey_typed
from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.chat_completion_chunk import ChatCompletionChunk
from portkey_generated.models.completion_usage import CompletionUsage
from portkey_typed import APIConnectionError, APIStreamError, AsyncPortkey, Portkey
from portkey_typed._streaming import AsyncStream, Stream

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import MESSAGES, MockGateway, chunk_event, sse_reply

DONE = "data: [DONE]\n\n"


async def stream_of(client: Portkey | AsyncPortkey) -> Any:
    return await resolve(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))


async def contents(
    make_client: ClientFactory, gateway: MockGateway, *pieces: str | bytes
) -> list[str | None]:
    response, body = sse_reply(*pieces)
    gateway.script(response)
    chunks = await collect(await stream_of(make_client()))
    assert response.is_closed
    assert body.closed
    return [chunk.choices[0].delta.content for chunk in chunks]


async def test_chunks_are_typed_and_the_stream_ends_at_done(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, _ = sse_reply(chunk_event("Hel"), chunk_event("lo"), DONE, "data: {not even json}\n\n")
    gateway.script(response)

    chunks = await collect(await stream_of(make_client()))

    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert [chunk.choices[0].delta.content for chunk in chunks] == ["Hel", "lo"]
    assert json.loads(gateway.last.content)["stream"] is True
    assert response.is_closed


async def test_comments_and_keep_alives_are_skipped(make_client: ClientFactory, gateway: MockGateway) -> None:
    pieces = [": connected\n\n", chunk_event("a"), ":\n\n", "data:\n\n", ": ping\n\n", chunk_event("b"), DONE]

    assert await contents(make_client, gateway, *pieces) == ["a", "b"]


async def test_multi_line_data_is_joined(make_client: ClientFactory, gateway: MockGateway) -> None:
    chunk = json.dumps(json.loads(chunk_event("joined")[len("data: ") :]), indent=1)
    event = "".join(f"data: {line}\n" for line in chunk.splitlines()) + "\n"

    assert await contents(make_client, gateway, event, DONE) == ["joined"]


async def test_named_events_carry_their_data(make_client: ClientFactory, gateway: MockGateway) -> None:
    assert await contents(make_client, gateway, "event: message\n" + chunk_event("a"), DONE) == ["a"]


async def test_crlf_line_endings(make_client: ClientFactory, gateway: MockGateway) -> None:
    pieces = [
        ": hi\r\n\r\n",
        chunk_event("a").replace("\n", "\r\n"),
        chunk_event("b").replace("\n", "\r\n"),
        "data: [DONE]\r\n\r\n",
    ]

    assert await contents(make_client, gateway, *pieces) == ["a", "b"]


async def test_events_split_anywhere_even_inside_a_character(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    raw = (chunk_event("café") + chunk_event("ü") + DONE).encode()
    pieces = [raw[i : i + 7] for i in range(0, len(raw), 7)]

    assert await contents(make_client, gateway, *pieces) == ["café", "ü"]


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "identity"])
async def test_a_compressed_event_stream_is_decompressed(
    encoding: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    raw = (chunk_event("zip") + chunk_event("ped") + DONE).encode()
    packed = {
        "gzip": lambda data: gzip.compress(data),
        "deflate": lambda data: zlib.compress(data),
        "identity": lambda data: data,
    }[encoding](raw)
    response, _ = sse_reply(*[packed[i : i + 9] for i in range(0, len(packed), 9)])
    response.headers["content-encoding"] = encoding
    gateway.script(response)

    chunks = await collect(await stream_of(make_client()))

    assert [chunk.choices[0].delta.content for chunk in chunks] == ["zip", "ped"]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            'event: error\ndata: {"error": {"message": "quota exceeded", "type": "rate_limit"}}\n\n',
            "quota exceeded",
        ),
        ('data: {"error": {"message": "provider failed", "code": 502}}\n\n', "provider failed"),
        (
            'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n',
            "Overloaded",
        ),
        ('event: error\ndata: {"message": "gateway gave up", "status": 504}\n\n', "gateway gave up"),
        ("event: error\ndata: upstream reset the stream\n\n", "upstream reset the stream"),
    ],
)
async def test_an_error_in_the_stream_raises_with_its_message(
    event: str, message: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, body = sse_reply(chunk_event("a"), event, chunk_event("never"), DONE)
    gateway.script(response)
    stream = await stream_of(make_client())
    received: list[Any] = []

    with pytest.raises(APIStreamError) as caught:
        if isinstance(stream, AsyncStream):
            async for chunk in stream:
                received.append(chunk)
        else:
            for chunk in stream:
                received.append(chunk)

    assert len(received) == 1
    assert str(caught.value).startswith("the stream sent an error: ")
    assert message in str(caught.value)
    assert caught.value.response is response
    assert caught.value.body is not None
    assert response.is_closed
    assert body.closed


async def test_an_error_event_keeps_its_status(make_client: ClientFactory, gateway: MockGateway) -> None:
    response, _ = sse_reply('event: error\ndata: {"error": {"message": "slow down", "status": 429}}\n\n')
    gateway.script(response)

    with pytest.raises(APIStreamError) as caught:
        await collect(await stream_of(make_client()))

    assert caught.value.status_code == 429
    assert caught.value.body == {"message": "slow down", "status": 429}


@pytest.mark.parametrize("cut", [False, True])
async def test_a_stream_cut_before_done_raises_a_connection_error(
    cut: bool, make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, body = sse_reply(chunk_event("a"), chunk_event("b"), cut=cut)
    gateway.script(response)
    stream = await stream_of(make_client())

    with pytest.raises(APIConnectionError) as caught:
        await collect(stream)

    assert not isinstance(caught.value, APIStreamError)
    assert caught.value.request is gateway.last
    assert response.is_closed
    assert body.closed


async def test_an_anthropic_stream_ends_at_message_stop(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    events = [
        'event: message_start\ndata: {"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "content": [], "model": "claude", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 3, "output_tokens": 0}}}\n\n',
        'event: ping\ndata: {"type": "ping"}\n\n',
        'event: message_stop\ndata: {"type": "message_stop"}\n\n',
    ]
    response, body = sse_reply(*events)
    gateway.script(response)
    client = make_client()

    stream = await resolve(
        client.messages.create(
            model="claude", max_tokens=10, messages=[{"role": "user", "content": "Hi"}], stream=True
        )
    )
    chunks = await collect(stream)

    assert [type(chunk).__name__ for chunk in chunks] == [
        "MessageStreamStart",
        "MessageStreamPing",
        "MessageStreamStop",
    ]
    assert body.closed


async def test_the_response_closes_on_exit_of_with(make_client: ClientFactory, gateway: MockGateway) -> None:
    response, body = sse_reply(chunk_event("a"), chunk_event("b"), DONE)
    gateway.script(response)
    stream = await stream_of(make_client())

    if isinstance(stream, AsyncStream):
        async with stream:
            async for _ in stream:
                break
    else:
        with stream:
            for _ in stream:
                break

    assert response.is_closed
    assert body.closed


async def test_the_response_closes_on_error_inside_with(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, body = sse_reply(chunk_event("a"), chunk_event("b"), DONE)
    gateway.script(response)
    stream = await stream_of(make_client())

    with pytest.raises(KeyError):
        if isinstance(stream, AsyncStream):
            async with stream:
                async for _ in stream:
                    raise KeyError("the caller failed")
        else:
            with stream:
                for _ in stream:
                    raise KeyError("the caller failed")

    assert response.is_closed
    assert body.closed


def test_the_response_closes_on_break_out_of_a_for(gateway: MockGateway) -> None:
    response, body = sse_reply(chunk_event("a"), chunk_event("b"), DONE)
    gateway.script(response)
    client = Portkey(http_client=gateway.sync_http())

    for _ in client.chat.completions.create(model="m", messages=MESSAGES, stream=True):
        break

    assert response.is_closed
    assert body.closed


async def test_the_async_response_closes_on_break_out_of_an_async_for(gateway: MockGateway) -> None:
    response, body = sse_reply(chunk_event("a"), chunk_event("b"), DONE)
    gateway.script(response)
    client = AsyncPortkey(http_client=gateway.async_http())

    async for _ in await client.chat.completions.create(model="m", messages=MESSAGES, stream=True):
        break
    for _ in range(3):
        await asyncio.sleep(0)

    assert response.is_closed
    assert body.closed


async def test_closing_a_stream_before_reading_closes_the_response(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, body = sse_reply(chunk_event("a"), DONE)
    gateway.script(response)
    stream = await stream_of(make_client())

    await resolve(stream.close())

    assert response.is_closed
    assert body.closed


async def test_the_return_type_follows_stream(
    make_client: ClientFactory, gateway: MockGateway, flavor: str
) -> None:
    response, _ = sse_reply(chunk_event("a"), DONE)
    gateway.script(response)
    client = make_client()

    streamed = await resolve(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    whole = await resolve(client.chat.completions.create(model="m", messages=MESSAGES, stream=False))
    plain = await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    expected_stream = Stream if flavor == "sync" else AsyncStream
    expected_protocol = portkey_typed.Stream if flavor == "sync" else portkey_typed.AsyncStream
    assert isinstance(streamed, expected_stream)
    assert isinstance(streamed, expected_protocol)
    assert isinstance(streamed.response, httpx.Response)
    assert isinstance(whole, ChatCompletion)
    assert isinstance(plain, ChatCompletion)
    assert json.loads(gateway.requests[1].content)["stream"] is False
    assert "stream" not in json.loads(gateway.requests[2].content)
    await collect(streamed)


def tool_call_event(index: int, *, call_id: str = "", name: str = "", arguments: str = "") -> str:
    function = {k: v for k, v in (("name", name), ("arguments", arguments)) if v}
    call: dict[str, Any] = {"index": index, "function": function}
    if call_id:
        call.update(id=call_id, type="function")
    return chunk_event(tool_calls=[call])


async def test_accumulate_joins_content_tool_calls_and_usage(
    make_client: ClientFactory, gateway: MockGateway, flavor: str
) -> None:
    usage = {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}
    finish = json.loads(chunk_event()[len("data: ") :])
    finish["choices"][0]["finish_reason"] = "tool_calls"
    usage_chunk = {**finish, "choices": [], "usage": usage}
    response, _ = sse_reply(
        chunk_event(role="assistant"),
        chunk_event("Let me "),
        chunk_event("check."),
        tool_call_event(0, call_id="call_a", name="get_weather", arguments='{"city":'),
        tool_call_event(1, call_id="call_b", name="get_time", arguments="{}"),
        tool_call_event(0, arguments=' "Oslo"}'),
        f"data: {json.dumps(finish)}\n\n",
        f"data: {json.dumps(usage_chunk)}\n\n",
        DONE,
    )
    gateway.script(response)
    stream = await stream_of(make_client())

    if flavor == "sync":
        completion = portkey_typed.accumulate_chat_completion(stream)
    else:
        completion = await portkey_typed.async_accumulate_chat_completion(stream)

    assert isinstance(completion, ChatCompletion)
    message = completion.choices[0].message
    assert message.content == "Let me check."
    assert message.role == "assistant"
    assert isinstance(message.tool_calls, list)
    assert [(c.id, c.function.name, c.function.arguments) for c in message.tool_calls] == [
        ("call_a", "get_weather", '{"city": "Oslo"}'),
        ("call_b", "get_time", "{}"),
    ]
    assert completion.choices[0].finish_reason == "tool_calls"
    assert isinstance(completion.usage, CompletionUsage)
    assert completion.usage.to_dict() == usage
    assert completion.id == "chatcmpl-1"


def test_accumulating_an_empty_stream_says_so() -> None:
    with pytest.raises(ValueError, match="no chunks"):
        portkey_typed.accumulate_chat_completion([])


async def test_events_follow_the_sse_line_rules(make_client: ClientFactory, gateway: MockGateway) -> None:
    """CRLF split across reads, a lone CR, comments, multi-line data, and a U+2028 inside JSON (not a line
    break for SSE)."""
    first = chunk_event("a\u2028b").replace("\n\n", "\r")
    assert await contents(
        make_client,
        gateway,
        ": keep-alive\r\n\r\n",
        first,
        "\r",
        chunk_event("c").replace("\n\n", "\r\n"),
        "\n",
        'data: {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m",\n',
        'data: "choices": [{"index": 0, "delta": {"content": "d"}, "finish_reason": null}]}\n\n',
        DONE,
    ) == ["a\u2028b", "c", "d"]
