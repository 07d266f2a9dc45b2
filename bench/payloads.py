"""The response bodies every SDK decodes, built once per process from a fixed seed.

Every subject receives byte-for-byte the same answers, so only the client's own work differs.
"""

from __future__ import annotations

import json
import random
from typing import Any

MODEL = "gpt-4o-mini"
CREATED = 1_700_000_000
MESSAGES: list[dict[str, str]] = [{"role": "user", "content": "Say hello in five words."}]

LARGE_CHOICES = 64
"""Choices in the large chat completion."""
TOOL_CALLS_PER_CHOICE = 4
EMBEDDING_COUNT = 256
EMBEDDING_SIZE = 1536
STREAM_CHUNKS = 10_000
"""Content chunks of the long stream (one role chunk and one finish chunk come on top)."""


def _usage(prompt: int, completion: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def _completion(choices: list[dict[str, Any]], completion_tokens: int) -> bytes:
    body = {
        "id": "chatcmpl-Bx7kQ2mZt9LwR4vN8cYp3Hd6sJf",  # shaped like OpenAI's ids: base62, no long digit runs
        "object": "chat.completion",
        "created": CREATED,
        "model": MODEL,
        "system_fingerprint": "fp_bench",
        "service_tier": "default",
        "choices": choices,
        "usage": _usage(12, completion_tokens),
    }
    return json.dumps(body).encode()


def small_chat() -> bytes:
    """One short assistant answer: the typical small request."""
    message: dict[str, Any] = {
        "role": "assistant",
        "content": "Hello there, how are you?",
        "refusal": None,
        "annotations": [],
    }
    return _completion([{"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}], 6)


def _tool_call(choice: int, call: int) -> dict[str, Any]:
    arguments = {"city": f"City {choice}-{call}", "unit": "celsius", "days": call + 1, "detail": "x" * 40}
    return {
        "id": f"call_{choice:03d}_{call:02d}_benchmark00000",
        "type": "function",
        "function": {"name": "get_weather_forecast", "arguments": json.dumps(arguments)},
    }


def large_chat() -> bytes:
    """Many choices, each answering with several tool calls."""
    choices = [
        {
            "index": index,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "annotations": [],
                "tool_calls": [_tool_call(index, call) for call in range(TOOL_CALLS_PER_CHOICE)],
            },
            "logprobs": None,
            "finish_reason": "tool_calls",
        }
        for index in range(LARGE_CHOICES)
    ]
    return _completion(choices, LARGE_CHOICES * TOOL_CALLS_PER_CHOICE * 30)


def embeddings() -> bytes:
    """`EMBEDDING_COUNT` vectors of `EMBEDDING_SIZE` floats, as the float encoding sends them."""
    rng = random.Random(1536)
    data = [
        {
            "object": "embedding",
            "index": index,
            "embedding": [round(rng.uniform(-0.1, 0.1), 9) for _ in range(EMBEDDING_SIZE)],
        }
        for index in range(EMBEDDING_COUNT)
    ]
    body = {
        "object": "list",
        "data": data,
        "model": "text-embedding-3-small",
        "usage": {"prompt_tokens": EMBEDDING_COUNT * 8, "total_tokens": EMBEDDING_COUNT * 8},
    }
    return json.dumps(body).encode()


def stream_frames() -> list[bytes]:
    """The SSE frames of a long chat stream, one `data:` event each, ending with `[DONE]`."""
    base = {
        "id": "chatcmpl-Cq4TfW8nLs2ZxK7vB1mRj9Ye5Gh",
        "object": "chat.completion.chunk",
        "created": CREATED,
        "model": MODEL,
        "system_fingerprint": "fp_bench",
        "service_tier": "default",
    }

    def frame(delta: dict[str, Any], finish: str | None = None) -> bytes:
        chunk = {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
        return b"data: " + json.dumps(chunk).encode() + b"\n\n"

    frames = [frame({"role": "assistant", "content": "", "refusal": None})]
    frames += [frame({"content": f"word{index} "}) for index in range(STREAM_CHUNKS)]
    frames.append(frame({}, "stop"))
    frames.append(b"data: [DONE]\n\n")
    return frames


RESOURCE_STREAMS = ("completions", "responses", "messages", "threads/runs")
"""The streaming resources besides chat that `bench.paired` measures against the floor."""


def resource_stream_frames(resource: str) -> list[bytes]:
    """The SSE frames of a long stream of `resource` (one of `RESOURCE_STREAMS`), `STREAM_CHUNKS` events
    of text and the resource's end marker."""
    if resource == "completions":
        base = {"id": "cmpl-Bx7kQ2mZt9LwR4vN8cYp3Hd6sJf", "object": "text_completion", "created": CREATED}
        events = [
            {
                **base,
                "model": MODEL,
                "choices": [{"text": f"word{i} ", "index": 0, "logprobs": None, "finish_reason": None}],
            }
            for i in range(STREAM_CHUNKS)
        ]
        return [b"data: " + json.dumps(event).encode() + b"\n\n" for event in events] + [b"data: [DONE]\n\n"]
    if resource == "responses":
        events = [
            {
                "type": "response.output_text.delta",
                "item_id": "msg_68af3c2b9e0c8190a1b2c3d4e5f6a7b8",
                "output_index": 0,
                "content_index": 0,
                "delta": f"word{i} ",
                "sequence_number": i,
                "logprobs": [],
            }
            for i in range(STREAM_CHUNKS)
        ]
        end = b"data: [DONE]\n\n"
    elif resource == "messages":
        events = [
            {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": f"word{i} "}}
            for i in range(STREAM_CHUNKS)
        ]
        end = b"event: message_stop\ndata: " + json.dumps({"type": "message_stop"}).encode() + b"\n\n"
    elif resource == "threads/runs":
        events = [
            {
                "id": "msg_Bx7kQ2mZt9LwR4vN8cYp3Hd6",
                "object": "thread.message.delta",
                "delta": {"content": [{"index": 0, "type": "text", "text": {"value": f"word{i} "}}]},
            }
            for i in range(STREAM_CHUNKS)
        ]
        named = [
            b"event: thread.message.delta\ndata: " + json.dumps(event).encode() + b"\n\n" for event in events
        ]
        return [*named, b"event: done\ndata: [DONE]\n\n"]
    else:
        raise ValueError(f"no stream payload for {resource!r}")
    named = [
        f"event: {event['type']}\ndata: ".encode() + json.dumps(event).encode() + b"\n\n" for event in events
    ]
    return [*named, end]


def stream_chunk_count() -> int:
    """Typed chunks a client yields for `stream_frames()` (every frame but `[DONE]`)."""
    return STREAM_CHUNKS + 2
