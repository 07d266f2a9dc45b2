"""Write a test once for both clients: await what the async client returns, pass the rest through."""

from __future__ import annotations

import inspect
from typing import Any


async def resolve(value: Any) -> Any:
    """The result of a call of either client."""
    if inspect.isawaitable(value):
        return await value
    return value


async def collect(stream: Any) -> list[Any]:
    """Every chunk of a `Stream` or an `AsyncStream`."""
    if hasattr(stream, "__aiter__"):
        return [chunk async for chunk in stream]
    return list(stream)


async def close(client: Any) -> None:
    await resolve(client.close())
