"""Bounded calls: a deadline that every socket operation of an attempt respects.

httpx's timeouts bound each connect, read and write, not their sum, so a server that trickles a byte
every half second holds a call forever. While a deadline is set (`bounded`), each socket operation of
the connection pool gets at most the time left before it, so the attempt ends with httpx's own timeout
error at the deadline. Outside `bounded` the pool behaves as httpx made it.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar, Token
from typing import Any, TypeVar

import httpcore
import httpx

_DEADLINE: ContextVar[float | None] = ContextVar("portkey_typed_deadline", default=None)
_LEAST = 0.001
"""A socket timeout of 0 would mean "do not block"; a spent deadline becomes this instead, so the
operation fails with httpx's timeout error."""

SocketOptions = Iterable[Any] | None
T = TypeVar("T")


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


def paced(events: Iterator[T], seconds: float | None) -> Iterator[T]:
    """The items of `events`, each due within `seconds` of the one before (bytes between items, such as
    an event stream's comments, do not count)."""
    while True:
        with bounded(seconds):
            item = next(events, _END)
        if item is _END:
            return
        yield item


async def apaced(events: AsyncIterator[T], seconds: float | None) -> AsyncIterator[T]:
    """`paced` for an asynchronous iterator."""
    while True:
        with bounded(seconds):
            try:
                item = await events.__anext__()
            except StopAsyncIteration:
                return
        yield item


_END: Any = object()


def _left(timeout: float | None) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = max(deadline - time.monotonic(), _LEAST)
    return left if timeout is None else min(timeout, left)


def install(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make the connection pools of `http` respect `bounded` (a pool of another kind is left alone)."""
    transports: list[object] = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
            vars(pool)["_network_backend"] = _Backend(backend)
        elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _AsyncBackend):
            vars(pool)["_network_backend"] = _AsyncBackend(backend)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: SocketOptions = None,
    ) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_tcp(host, port, _left(timeout), local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: SocketOptions = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _left(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _left(timeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: SocketOptions = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_tcp(host, port, _left(timeout), local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: SocketOptions = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._backend.connect_unix_socket(path, _left(timeout), socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)
