"""`with_raw_response`: the HTTP response with its Portkey headers typed, and `.parse()` for the result."""

from __future__ import annotations

import httpx

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.chat_completion_chunk import ChatCompletionChunk
from portkey_typed import APIResponse, PortkeyResponseHeaders, RawResponse

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import CHAT_COMPLETION, MESSAGES, MockGateway, chunk_event, json_reply, sse_reply

PORTKEY_RESPONSE_HEADERS = {
    "x-portkey-trace-id": "trace-7",
    "x-portkey-cache-status": "MISS",
    "x-portkey-retry-attempt-count": "2",
    "x-portkey-last-used-option-index": "config.targets[1]",
    "x-portkey-provider": "anthropic",
    "x-request-id": "req-1",
}


async def test_parse_gives_the_typed_result_and_portkey_the_typed_headers(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(json_reply(CHAT_COMPLETION, headers=PORTKEY_RESPONSE_HEADERS))
    client = make_client()

    raw = await resolve(client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES))

    assert isinstance(raw, APIResponse)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req-1"
    assert isinstance(raw.http_response, httpx.Response)
    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "Hello there"
    assert raw.parse() is completion
    assert raw.portkey == PortkeyResponseHeaders(
        cache_status="MISS",
        last_used_option_index="config.targets[1]",
        provider="anthropic",
        retry_attempt_count=2,
        trace_id="trace-7",
    )


async def test_missing_and_empty_portkey_headers_are_none(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(
        json_reply(CHAT_COMPLETION, headers={"x-portkey-trace-id": "", "x-portkey-retry-attempt-count": "x"})
    )
    client = make_client()

    raw = await resolve(client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES))

    assert raw.portkey == PortkeyResponseHeaders()


async def test_a_raw_stream_parses_to_a_stream(make_client: ClientFactory, gateway: MockGateway) -> None:
    response, _ = sse_reply(chunk_event("Hel"), chunk_event("lo"), "data: [DONE]\n\n")
    response.headers["x-portkey-trace-id"] = "trace-s"
    gateway.script(response)
    client = make_client()

    raw = await resolve(
        client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES, stream=True)
    )

    assert raw.portkey.trace_id == "trace-s"
    chunks = await collect(raw.parse())
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert [c.choices[0].delta.content for c in chunks] == ["Hel", "lo"]


async def test_a_raw_binary_response_parses_to_bytes(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(httpx.Response(200, content=b"\x00\x01audio", headers={"content-type": "audio/mpeg"}))
    client = make_client()

    raw = await resolve(
        client.audio.speech.with_raw_response.create(model="tts-1", input="hi", voice="alloy")
    )

    assert raw.parse() == b"\x00\x01audio"
    assert raw.headers["content-type"] == "audio/mpeg"
