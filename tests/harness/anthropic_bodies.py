"""Anthropic Messages API bodies and stream events that echo the prompt back."""

from collections.abc import Mapping
from typing import Any

from tests.harness.chat_bodies import count_tokens, echo_of, last_user_text, pieces, prompt_tokens
from tests.harness.replies import new_id


def message(request: Mapping[str, Any]) -> dict[str, Any]:
    answer = echo_of(last_user_text(request.get("messages")))
    return {
        "id": new_id("msg_"),
        "type": "message",
        "role": "assistant",
        "model": request.get("model", "unknown-model"),
        "content": [{"type": "text", "text": answer}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {
            "input_tokens": prompt_tokens(request.get("messages")),
            "output_tokens": count_tokens(answer),
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
        },
    }


def message_events(request: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(event name, data) pairs of a streamed message."""
    final = message(request)
    text = final["content"][0]["text"]
    start = {**final, "content": [], "stop_reason": None, "usage": {**final["usage"], "output_tokens": 1}}
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"message": start}),
        ("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}),
        ("ping", {}),
    ]
    events += [
        ("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": piece}})
        for piece in pieces(text)
    ]
    events += [
        ("content_block_stop", {"index": 0}),
        (
            "message_delta",
            {
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": final["usage"]["output_tokens"]},
            },
        ),
        ("message_stop", {}),
    ]
    return [(name, {"type": name, **data}) for name, data in events]


def count_tokens_reply(request: Mapping[str, Any]) -> dict[str, Any]:
    return {"input_tokens": prompt_tokens(request.get("messages"))}
