"""Join the chunks of a streamed chat completion into the `ChatCompletion` a plain call would return."""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable
from typing import Any

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.chat_completion_chunk import ChatCompletionChunk

__all__ = ["accumulate_chat_completion", "async_accumulate_chat_completion"]


def accumulate_chat_completion(chunks: Iterable[ChatCompletionChunk]) -> ChatCompletion:
    """Read a chat stream to its end and return the whole completion: content, tool calls and usage joined."""
    joined = _Joined()
    for chunk in chunks:
        joined.add(chunk.to_dict())
    return joined.completion()


async def async_accumulate_chat_completion(chunks: AsyncIterable[ChatCompletionChunk]) -> ChatCompletion:
    """The async form of `accumulate_chat_completion`."""
    joined = _Joined()
    async for chunk in chunks:
        joined.add(chunk.to_dict())
    return joined.completion()


class _Joined:
    def __init__(self) -> None:
        self.head: dict[str, Any] = {}
        self.choices: dict[int, dict[str, Any]] = {}

    def add(self, chunk: dict[str, Any]) -> None:
        if not self.head:
            self.head = {
                k: chunk[k]
                for k in ("id", "created", "model", "system_fingerprint", "service_tier")
                if k in chunk
            }
        if chunk.get("usage"):
            self.head["usage"] = chunk["usage"]
        choices: list[dict[str, Any]] = chunk.get("choices") or []
        for choice in choices:
            self._add_choice(choice)

    def _add_choice(self, choice: dict[str, Any]) -> None:
        index = choice.get("index", 0)
        joined = self.choices.setdefault(
            index, {"index": index, "message": {"role": "assistant", "content": None}, "finish_reason": None}
        )
        message = joined["message"]
        delta: dict[str, Any] = choice.get("delta") or {}
        if delta.get("role"):
            message["role"] = delta["role"]
        for key in ("content", "refusal"):
            if delta.get(key):
                message[key] = (message.get(key) or "") + delta[key]
        calls: list[dict[str, Any]] = delta.get("tool_calls") or []
        for call in calls:
            self._add_tool_call(message, call)
        if choice.get("finish_reason"):
            joined["finish_reason"] = choice["finish_reason"]
        logprobs = choice.get("logprobs")
        if logprobs:
            mine: dict[str, Any] = joined.setdefault("logprobs", {})
            for key in ("content", "refusal"):
                if logprobs.get(key):
                    mine[key] = (mine.get(key) or []) + logprobs[key]

    @staticmethod
    def _add_tool_call(message: dict[str, Any], delta: dict[str, Any]) -> None:
        calls: list[dict[str, Any]] = message.setdefault("tool_calls", [])
        index: int = delta.get("index", len(calls))
        while len(calls) <= index:
            calls.append({"id": "", "type": "function", "function": {"name": "", "arguments": ""}})
        call = calls[index]
        if delta.get("id"):
            call["id"] = delta["id"]
        if delta.get("type"):
            call["type"] = delta["type"]
        function: dict[str, Any] = delta.get("function") or {}
        if function.get("name"):
            call["function"]["name"] += function["name"]
        if function.get("arguments"):
            call["function"]["arguments"] += function["arguments"]

    def completion(self) -> ChatCompletion:
        if not self.head:
            raise ValueError("the stream carried no chunks, so there is no completion to join")
        choices = [self.choices[i] for i in sorted(self.choices)]
        return ChatCompletion.from_dict({**self.head, "object": "chat.completion", "choices": choices})
