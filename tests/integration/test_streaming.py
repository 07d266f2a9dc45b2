"""Streams through the gateway yield what the upstream sent, and stream failures raise typed errors."""

import pytest

from portkey_generated.models.chat_completion_chunk import ChatCompletionChunk
from portkey_generated.models.completion_chunk import CompletionChunk
from portkey_generated.models.completion_usage import CompletionUsage
from portkey_generated.models.message_stream_content_block_delta import MessageStreamContentBlockDelta
from portkey_generated.models.message_stream_stop import MessageStreamStop
from portkey_generated.models.message_text_delta import MessageTextDelta
from portkey_generated.models.response_completed_event import ResponseCompletedEvent
from portkey_generated.models.response_text_delta_event import ResponseTextDeltaEvent
from portkey_typed import APIConnectionError, APIStreamError, AsyncPortkey, Portkey, RateLimitError
from tests.harness import Upstream
from tests.harness.chat_bodies import echo_of
from tests.integration.helpers import ANTHROPIC_MESSAGES, CHAT_MODEL, MESSAGES, PROMPT


def chunk_text(chunks: list[ChatCompletionChunk]) -> str:
    return "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)


def test_chat_stream_yields_the_upstream_content(client: Portkey) -> None:
    with client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, stream=True) as stream:
        chunks = list(stream)
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert chunk_text(chunks) == echo_of(PROMPT)
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_chat_stream_reports_usage_when_asked(client: Portkey) -> None:
    with client.chat.completions.create(
        model=CHAT_MODEL, messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    ) as stream:
        chunks = list(stream)
    assert chunks[-1].choices == []
    assert isinstance(chunks[-1].usage, CompletionUsage)
    assert chunks[-1].usage.completion_tokens > 0


async def test_async_chat_stream(async_client: AsyncPortkey) -> None:
    stream = await async_client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, stream=True)
    async with stream:
        chunks = [chunk async for chunk in stream]
    assert chunk_text(chunks) == echo_of(PROMPT)


def test_text_completion_stream(client: Portkey) -> None:
    with client.completions.create(model="gpt-3.5-turbo-instruct", prompt=PROMPT, stream=True) as stream:
        chunks = list(stream)
    assert isinstance(chunks[0], CompletionChunk)
    assert "".join(chunk.choices[0].text for chunk in chunks) == echo_of(PROMPT)


def test_responses_stream_events(client: Portkey) -> None:
    with client.responses.create(model=CHAT_MODEL, input=PROMPT, stream=True) as stream:
        events = list(stream)
    deltas = "".join(event.delta for event in events if isinstance(event, ResponseTextDeltaEvent))
    assert deltas == echo_of(PROMPT)
    assert isinstance(events[-1], ResponseCompletedEvent)


def test_anthropic_messages_stream(client: Portkey) -> None:
    anthropic = client.with_options(provider="anthropic")
    with anthropic.messages.create(
        model="claude-3-5-haiku", max_tokens=64, messages=ANTHROPIC_MESSAGES, stream=True
    ) as stream:
        events = list(stream)
    text = "".join(
        event.delta.text
        for event in events
        if isinstance(event, MessageStreamContentBlockDelta) and isinstance(event.delta, MessageTextDelta)
    )
    assert text == echo_of(PROMPT)
    assert isinstance(events[-1], MessageStreamStop)


def test_error_event_in_stream_raises(client: Portkey, upstream: Upstream) -> None:
    error_body = {"error": {"message": "model overloaded", "type": "server_error"}}
    upstream.plan(sse_error_event=error_body, sse_error_after=2)
    received: list[ChatCompletionChunk] = []
    with (
        pytest.raises(APIStreamError, match="model overloaded") as raised,
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, stream=True) as stream,
    ):
        received.extend(stream)
    assert len(received) == 2
    assert raised.value.body == error_body["error"]
    assert raised.value.type == "server_error"


def test_stream_cut_short_raises(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(cut_stream_after=2)
    with (
        pytest.raises(APIConnectionError, match="end marker"),
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, stream=True) as stream,
    ):
        list(stream)


def test_stream_refused_before_start_is_a_status_error(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=429)
    with pytest.raises(RateLimitError):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, stream=True)
