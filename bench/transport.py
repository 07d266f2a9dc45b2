"""In-process `httpx.MockTransport`s that answer every request with one prepared body."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

JSON_HEADERS = {"content-type": "application/json"}
SSE_HEADERS = {"content-type": "text/event-stream", "cache-control": "no-cache"}


def json_transport(body: bytes) -> httpx.MockTransport:
    """Answers 200 with `body` as JSON, for sync and async clients alike."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=JSON_HEADERS, content=body)

    return httpx.MockTransport(answer)


def sse_transport(frames: list[bytes]) -> httpx.MockTransport:
    """Answers a sync client with a server-sent event stream, one frame per network read."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=SSE_HEADERS, content=_frames(frames))

    return httpx.MockTransport(answer)


def async_sse_transport(frames: list[bytes]) -> httpx.MockTransport:
    """`sse_transport` for an async client."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=SSE_HEADERS, content=_async_frames(frames))

    return httpx.MockTransport(answer)


def _frames(frames: list[bytes]) -> Iterator[bytes]:
    yield from frames


async def _async_frames(frames: list[bytes]) -> AsyncIterator[bytes]:
    for frame in frames:
        yield frame
