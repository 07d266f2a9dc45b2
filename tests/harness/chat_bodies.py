"""OpenAI chat and text completion bodies that echo the prompt back."""

import json
import re
from collections.abc import Mapping
from typing import Any

from tests.harness.replies import new_id, now

ECHO_PREFIX = "echo: "


def echo_of(text: str) -> str:
    """The answer the upstream gives for a prompt."""
    return f"{ECHO_PREFIX}{text}"


def text_of(content: Any) -> str:
    """The text of a message content (a string or a list of typed parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, Mapping))
    return ""


def last_user_text(messages: Any) -> str:
    if not isinstance(messages, list):
        return ""
    for message in reversed(messages):
        if isinstance(message, Mapping) and message.get("role") == "user":
            return text_of(message.get("content"))
    return ""


def tool_result(messages: Any) -> str | None:
    """The tool's output when the conversation ends with a tool message (the model's turn to reply)."""
    if isinstance(messages, list) and messages:
        last = messages[-1]
        if isinstance(last, Mapping) and last.get("role") == "tool":
            return text_of(last.get("content"))
    return None


def answer_to(messages: Any) -> str:
    """What the model says: the echo of a tool's result that just came back, else of the user's prompt."""
    result = tool_result(messages)
    return echo_of(last_user_text(messages) if result is None else result)


def pieces(text: str) -> list[str]:
    """Split text into stream deltas (word plus its trailing space); joining them gives it back."""
    return re.findall(r"\s*\S+\s*", text) or [text]


def count_tokens(text: str) -> int:
    return max(1, len(text.split()))


def prompt_tokens(messages: Any) -> int:
    if not isinstance(messages, list):
        return 1
    return sum(count_tokens(text_of(m.get("content"))) for m in messages if isinstance(m, Mapping))


def usage(prompt: int, completion: int) -> dict[str, Any]:
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


def requested_tool(request: Mapping[str, Any]) -> str | None:
    """The function the model should call: the one tool_choice names, else the first tool; none once
    a tool's result came back (the model answers with it then, unless tool_choice forces a call)."""
    tools = request.get("tools")
    choice = request.get("tool_choice")
    if not tools or choice == "none":
        return None
    if choice in (None, "auto") and tool_result(request.get("messages")) is not None:
        return None
    if isinstance(choice, Mapping):
        name = choice.get("function", {}).get("name")
        if isinstance(name, str):
            return name
    first = tools[0]
    name = first.get("function", {}).get("name") if isinstance(first, Mapping) else None
    return name if isinstance(name, str) else None


def tool_arguments(request: Mapping[str, Any], name: str, text: str) -> dict[str, Any]:
    """The arguments of a call: the prompt in each required string parameter the tool declares,
    else `{"text": prompt}`."""
    for tool in request.get("tools") or []:
        function = tool.get("function", {}) if isinstance(tool, Mapping) else {}
        if function.get("name") != name:
            continue
        schema = function.get("parameters") or {}
        properties = schema.get("properties") or {}
        required = [
            key for key in schema.get("required") or [] if properties.get(key, {}).get("type") == "string"
        ]
        if required:
            return dict.fromkeys(required, text)
    return {"text": text}


def tool_call(name: str, arguments: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": new_id("call_"),
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(arguments)},
    }


def chat_completion(request: Mapping[str, Any]) -> dict[str, Any]:
    messages = request.get("messages")
    prompt = last_user_text(messages)
    answer = answer_to(messages)
    tool = requested_tool(request)
    message: dict[str, Any] = {"role": "assistant", "content": answer, "refusal": None, "annotations": []}
    if tool is not None:
        message["content"] = None
        message["tool_calls"] = [tool_call(tool, tool_arguments(request, tool, prompt))]
    return {
        "id": new_id("chatcmpl-"),
        "object": "chat.completion",
        "created": now(),
        "model": request.get("model", "unknown-model"),
        "system_fingerprint": "fp_upstream",
        "service_tier": "default",
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": "stop" if tool is None else "tool_calls",
            }
        ],
        "usage": usage(prompt_tokens(messages), count_tokens(answer)),
    }


def chat_chunks(request: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The chunk objects of a streamed chat completion (without the final `[DONE]`)."""
    messages = request.get("messages")
    prompt = last_user_text(messages)
    answer = answer_to(messages)
    tool = requested_tool(request)
    base = {
        "id": new_id("chatcmpl-"),
        "object": "chat.completion.chunk",
        "created": now(),
        "model": request.get("model", "unknown-model"),
        "system_fingerprint": "fp_upstream",
        "service_tier": "default",
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}

    chunks = [chunk({"role": "assistant", "content": "" if tool is None else None, "refusal": None})]
    if tool is None:
        chunks += [chunk({"content": piece}) for piece in pieces(answer)]
        chunks.append(chunk({}, "stop"))
    else:
        call = tool_call(tool, tool_arguments(request, tool, prompt))
        head = {"index": 0, "id": call["id"], "type": "function", "function": {"name": tool, "arguments": ""}}
        chunks.append(chunk({"tool_calls": [head]}))
        for part in pieces(call["function"]["arguments"]):
            chunks.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": part}}]}))
        chunks.append(chunk({}, "tool_calls"))
    options = request.get("stream_options")
    if isinstance(options, Mapping) and options.get("include_usage"):
        chunks.append({**base, "choices": [], "usage": usage(prompt_tokens(messages), count_tokens(answer))})
    return chunks


def text_completion(request: Mapping[str, Any]) -> dict[str, Any]:
    prompt = request.get("prompt", "")
    text = prompt if isinstance(prompt, str) else " ".join(str(p) for p in prompt)
    answer = echo_of(text)
    return {
        "id": new_id("cmpl-"),
        "object": "text_completion",
        "created": now(),
        "model": request.get("model", "unknown-model"),
        "system_fingerprint": "fp_upstream",
        "choices": [{"index": 0, "text": answer, "logprobs": None, "finish_reason": "stop"}],
        "usage": {
            "prompt_tokens": count_tokens(text),
            "completion_tokens": count_tokens(answer),
            "total_tokens": count_tokens(text) + count_tokens(answer),
        },
    }


def text_completion_chunks(request: Mapping[str, Any]) -> list[dict[str, Any]]:
    whole = text_completion(request)
    answer = whole["choices"][0]["text"]
    base = {key: whole[key] for key in ("id", "object", "created", "model", "system_fingerprint")}
    chunks = [
        {**base, "choices": [{"index": 0, "text": piece, "logprobs": None, "finish_reason": None}]}
        for piece in pieces(answer)
    ]
    chunks.append({**base, "choices": [{"index": 0, "text": "", "logprobs": None, "finish_reason": "stop"}]})
    return chunks
