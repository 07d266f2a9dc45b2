"""OpenAI Responses API bodies and stream events that echo the input back."""

from collections.abc import Mapping
from typing import Any

from tests.harness.chat_bodies import count_tokens, echo_of, pieces, text_of
from tests.harness.replies import new_id, now


def input_text(request: Mapping[str, Any]) -> str:
    """The text of the last user input (a plain string or a list of input items)."""
    given = request.get("input", "")
    if isinstance(given, str):
        return given
    if isinstance(given, list):
        for item in reversed(given):
            if isinstance(item, Mapping) and item.get("role", "user") == "user":
                return text_of(item.get("content"))
    return ""


def input_items(request: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The request's input as stored message items, the shape `input_items` lists."""
    return [
        {
            "type": "message",
            "id": new_id("msg_"),
            "role": "user",
            "status": "completed",
            "content": [{"type": "input_text", "text": input_text(request)}],
        }
    ]


def output_message(text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": new_id("msg_"),
        "status": "completed",
        "role": "assistant",
        "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}],
    }


def response(request: Mapping[str, Any], status: str = "completed") -> dict[str, Any]:
    prompt = input_text(request)
    answer = echo_of(prompt)
    done = status == "completed"
    return {
        "id": new_id("resp_"),
        "object": "response",
        "created_at": now(),
        "status": status,
        "background": False,
        "error": None,
        "incomplete_details": None,
        "instructions": request.get("instructions"),
        "max_output_tokens": request.get("max_output_tokens"),
        "model": request.get("model", "unknown-model"),
        "output": [output_message(answer)] if done else [],
        "parallel_tool_calls": True,
        "previous_response_id": request.get("previous_response_id"),
        "reasoning": {"effort": None, "summary": None},
        "store": True,
        "temperature": 1.0,
        "text": {"format": {"type": "text"}},
        "tool_choice": "auto",
        "tools": [],
        "top_p": 1.0,
        "truncation": "disabled",
        "usage": {
            "input_tokens": count_tokens(prompt),
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": count_tokens(answer),
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": count_tokens(prompt) + count_tokens(answer),
        }
        if done
        else None,
        "user": None,
        "metadata": request.get("metadata") or {},
    }


def response_events(request: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(event name, data) pairs of a streamed response, numbered in order."""
    final = response(request)
    started = {**final, "status": "in_progress", "output": [], "usage": None}
    message = final["output"][0]
    text = message["content"][0]["text"]
    empty_part = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
    item_ref = {"item_id": message["id"], "output_index": 0}
    events: list[tuple[str, dict[str, Any]]] = [
        ("response.created", {"response": started}),
        ("response.in_progress", {"response": started}),
        (
            "response.output_item.added",
            {"output_index": 0, "item": {**message, "content": [], "status": "in_progress"}},
        ),
        ("response.content_part.added", {**item_ref, "content_index": 0, "part": empty_part}),
    ]
    events += [
        ("response.output_text.delta", {**item_ref, "content_index": 0, "delta": piece, "logprobs": []})
        for piece in pieces(text)
    ]
    events += [
        ("response.output_text.done", {**item_ref, "content_index": 0, "text": text, "logprobs": []}),
        ("response.content_part.done", {**item_ref, "content_index": 0, "part": message["content"][0]}),
        ("response.output_item.done", {"output_index": 0, "item": message}),
        ("response.completed", {"response": final}),
    ]
    return [
        (name, {"type": name, "sequence_number": number, **data})
        for number, (name, data) in enumerate(events)
    ]
