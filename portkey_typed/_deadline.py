"""Bounded calls: a deadline that every socket operation of an attempt respects.

httpx's timeouts bound each connect, read and write, not their sum, so a server that trickles a byte
every half second holds a call forever. While a deadline is set (`bounded`), each socket operation of
the connection pool gets at most the time left before it, so the attempt ends with httpx's own timeout
error at the deadline. Outside `bounded` the pool behaves as httpx made it.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar, Token
from typing import TypeVar

import httpx

_DEADLINE: ContextVar[float | None] = ContextVar("portkey_typed_deadline", default=None)
_LEAST = 0.001
"""A socket timeout of 0 would mean "do not block"; a spent deadline becomes this instead, so the
operation fails with httpx's timeout error."""

E = TypeVar("E")


def attempt_limit(timeout: httpx.Timeout) -> float | None:
    """Seconds one attempt may take: the largest of its timeout's values (None, no limit, if one is None)."""
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    if connect is None or read is None or write is None or pool is None:
        return None
    return max(connect, read, write, pool)


class bounded:
    """Socket operations in this block end within `seconds` of its start, all together."""

    __slots__ = ("_seconds", "_token")
    _token: Token[float | None]

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        seconds = self._seconds
        self._token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)

    def __exit__(self, *exc_info: object) -> None:
        _DEADLINE.reset(self._token)


def idle_timeout(response: httpx.Response) -> float | None:
    """How long a stream waits for its next event: the read timeout of its request."""
    timeout: dict[str, float | None] = response.request.extensions.get("timeout", {})
    return timeout.get("read")


def paced_events(
    pieces: Iterator[bytes], parse: Callable[[bytes], list[E]], seconds: float | None
) -> Iterator[E]:
    """The events `parse` finds in `pieces` (a stream's body as it arrives), each due within `seconds` of
    being asked for: the deadline starts when the consumer asks for an event and holds over pieces that
    complete none (comments, keep-alives, an event split across pieces)."""
    now, start, stop = time.monotonic, _DEADLINE.set, _DEADLINE.reset
    due = None
    while True:
        if due is None and seconds is not None:
            due = now() + seconds
        token = start(due)
        try:
            piece = next(pieces, None)
        finally:
            stop(token)
        if piece is None:
            return
        events = parse(piece)
        if events:
            due = None
            yield from events


async def apaced_events(
    pieces: AsyncIterator[bytes], parse: Callable[[bytes], list[E]], seconds: float | None
) -> AsyncIterator[E]:
    """`paced_events` for a body read asynchronously."""
    now, start, stop = time.monotonic, _DEADLINE.set, _DEADLINE.reset
    due = None
    while True:
        if due is None and seconds is not None:
            due = now() + seconds
        token = start(due)
        try:
            piece = await pieces.__anext__()
        except StopAsyncIteration:
            return
        finally:
            stop(token)
        events = parse(piece)
        if events:
            due = None
            for event in events:
                yield event


def left(timeout: float | None) -> float | None:
    """A socket operation's timeout, cut to the time left before the current deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = max(deadline - time.monotonic(), _LEAST)
    return left if timeout is None else min(timeout, left)


def install(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make the connection pools of `http` respect `bounded` (a pool of another kind is left alone).

    The wrappers live in `_bounded_sockets`, imported here: they subclass httpcore's network backends,
    and neither `import portkey_typed` nor a client on a transport without a pool (a `MockTransport`)
    should load httpcore."""
    transports: list[object] = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    pools = [getattr(transport, "_pool", None) for transport in transports]
    backends = [(pool, getattr(pool, "_network_backend", None)) for pool in pools]
    if all(backend is None for _, backend in backends):
        return
    from ._bounded_sockets import wrap_backend

    for pool, backend in backends:
        wrapped = wrap_backend(backend)
        if wrapped is not None:
            vars(pool)["_network_backend"] = wrapped
