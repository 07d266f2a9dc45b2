"""A scripted stand-in for the gateway: an `httpx.MockTransport` handler that records what it is sent."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any

import httpx

from portkey_generated.params import ChatCompletionRequestMessage

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]

CHAT_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hello there"},
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
}
MESSAGES: list[ChatCompletionRequestMessage] = [{"role": "user", "content": "Hi"}]


class MockGateway:
    """Answers each request with the next scripted reply (a chat completion once the script runs out)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: deque[Reply] = deque()

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply: Reply = self.replies.popleft() if self.replies else json_reply(CHAT_COMPLETION)
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request reached the gateway"
        return self.requests[-1]

    def sync_http(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))


def never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request should be sent, but {request.method} {request.url} was")


def json_reply(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def text_reply(text: str, status: int, content_type: str = "text/plain") -> httpx.Response:
    return httpx.Response(status, content=text.encode(), headers={"content-type": content_type})


class ChunkedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered piece by piece; `cut` raises a read error after the last piece."""

    def __init__(self, pieces: Iterable[bytes], *, cut: bool = False) -> None:
        self.pieces = list(pieces)
        self.cut = cut
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces
        if self.cut:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece
        if self.cut:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def sse_reply(*pieces: str | bytes, cut: bool = False) -> tuple[httpx.Response, ChunkedBody]:
    """A `text/event-stream` response made of raw pieces, and its body (to check that it was closed)."""
    body = ChunkedBody([p.encode() if isinstance(p, str) else p for p in pieces], cut=cut)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=body), body


def chunk_event(content: str = "", **delta: Any) -> str:
    """One `data:` event carrying a chat completion chunk."""
    if content:
        delta["content"] = content
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
    }
    return f"data: {json.dumps(chunk)}\n\n"


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)
