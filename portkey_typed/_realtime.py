"""`client.realtime`: the generated HTTP calls plus `connect`, a realtime WebSocket connection through the
gateway (its `/v1/realtime` route), carrying the client's Portkey headers on the handshake.

The WebSocket side needs the optional `websockets` package: `pip install 'portkey-typed[realtime]'`.
"""
# pyright: reportPrivateUsage=false

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypedDict, cast

import httpx

from portkey_generated.resources._base import AsyncRequester, SyncRequester
from portkey_generated.resources.realtime import AsyncRealtime as _GeneratedAsyncRealtime
from portkey_generated.resources.realtime import Realtime as _GeneratedRealtime

from ._exceptions import APIConnectionError, APITimeoutError, PortkeyError, PortkeyValidationError

if TYPE_CHECKING:
    from typing import TypeAlias

    from websockets.asyncio.client import ClientConnection as AsyncWebSocket
    from websockets.sync.client import ClientConnection as SyncWebSocket

    from ._base_client import ClientCore

__all__ = [
    "AsyncRealtime",
    "AsyncRealtimeConnection",
    "AsyncRealtimeConnectionManager",
    "Realtime",
    "RealtimeConnection",
    "RealtimeConnectionManager",
    "RealtimeConnectionOptions",
    "RealtimeEvent",
]

RealtimeEvent: TypeAlias = Mapping[str, Any]
"""One realtime event: a JSON object whose `type` names it (`response.create`, `response.done`...)."""


class RealtimeConnectionOptions(TypedDict, total=False):
    """Options of the WebSocket itself, passed to `websockets`' `connect` (seconds; bytes; messages)."""

    open_timeout: float | None
    close_timeout: float | None
    ping_interval: float | None
    ping_timeout: float | None
    max_size: int | None
    max_queue: int | None
    compression: str | None


MISSING_EXTRA = (
    "client.realtime.connect needs the websockets package, an optional extra: "
    "pip install 'portkey-typed[realtime]'"
)


class Realtime(_GeneratedRealtime):
    """`client.realtime`: `connect(model=...)` for the WebSocket connection, `client_secrets` and `calls`."""

    def __init__(self, client: ClientCore[Any]) -> None:
        super().__init__(cast("SyncRequester", client))
        self._core = client

    def connect(
        self,
        *,
        model: str,
        extra_query: Mapping[str, str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        websocket_connection_options: RealtimeConnectionOptions | None = None,
    ) -> RealtimeConnectionManager:
        """A context manager that opens the connection on entry and closes it on exit:
        `with client.realtime.connect(model="gpt-realtime") as connection: ...`."""
        return RealtimeConnectionManager(
            self._core,
            _Handshake(self._core, model, extra_query, extra_headers, websocket_connection_options),
        )


class AsyncRealtime(_GeneratedAsyncRealtime):
    """`client.realtime` of `AsyncPortkey`: `async with client.realtime.connect(model=...) as connection`."""

    def __init__(self, client: ClientCore[Any]) -> None:
        super().__init__(cast("AsyncRequester", client))
        self._core = client

    def connect(
        self,
        *,
        model: str,
        extra_query: Mapping[str, str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        websocket_connection_options: RealtimeConnectionOptions | None = None,
    ) -> AsyncRealtimeConnectionManager:
        """An async context manager that opens the connection on entry and closes it on exit."""
        return AsyncRealtimeConnectionManager(
            self._core,
            _Handshake(self._core, model, extra_query, extra_headers, websocket_connection_options),
        )


class _Handshake:
    """The URL, headers and options of the WebSocket handshake, checked before anything is sent."""

    def __init__(
        self,
        client: ClientCore[Any],
        model: str,
        extra_query: Mapping[str, str] | None,
        extra_headers: Mapping[str, str] | None,
        options: RealtimeConnectionOptions | None,
    ) -> None:
        if not model:
            raise PortkeyValidationError("model", "name the realtime model, for example model='gpt-realtime'")
        base = httpx.URL(client.websocket_base_url)  # ws:// or wss://, checked by the client
        path = base.raw_path.split(b"?", 1)[0].rstrip(b"/") + b"/realtime"
        self.url = str(
            base.copy_with(raw_path=path).copy_merge_params({"model": model, **(extra_query or {})})
        )
        headers = {**client._headers, **{k.lower(): v for k, v in (extra_headers or {}).items()}}
        self.user_agent = headers.pop("user-agent", None)
        self.headers = headers
        self.options: RealtimeConnectionOptions = {**(options or {})}

    def failed(self, client: ClientCore[Any], error: BaseException) -> PortkeyError:
        """The typed error for a handshake that did not open the connection."""
        from websockets.exceptions import InvalidStatus

        request = httpx.Request("GET", self.url.replace("ws", "http", 1))
        if isinstance(error, InvalidStatus):
            answer = error.response
            headers = [(k, v) for k, v in answer.headers.raw_items() if k.lower() not in _UNREAD_HEADERS]
            response = httpx.Response(
                answer.status_code, headers=headers, content=bytes(answer.body or b""), request=request
            )
            response.read()
            return client._status_error(response)
        if isinstance(error, TimeoutError):
            return APITimeoutError(f"Opening the realtime connection timed out: {error}", request=request)
        return APIConnectionError(f"Could not open the realtime connection: {error}", request=request)


class RealtimeConnection:
    """An open realtime connection: `send` events, `recv` them (or iterate), `close`."""

    def __init__(self, connection: SyncWebSocket) -> None:
        self._connection = connection

    def send(self, event: Mapping[str, object]) -> None:
        """Send one client event (a JSON object with its `type`)."""
        self._connection.send(json.dumps(event))

    def recv(self) -> RealtimeEvent:
        """The next server event; raises `APIConnectionError` when the connection ended abnormally."""
        return parse_event(self.recv_bytes())

    def recv_bytes(self) -> bytes:
        """The next message as it arrived, undecoded."""
        from websockets.exceptions import ConnectionClosedError

        try:
            return self._connection.recv(decode=False)
        except ConnectionClosedError as closed:
            raise _closed(closed) from None

    def __iter__(self) -> Iterator[RealtimeEvent]:
        """Every server event until the connection is closed normally."""
        from websockets.exceptions import ConnectionClosedOK

        try:
            while True:
                yield self.recv()
        except ConnectionClosedOK:
            return

    def close(self, *, code: int = 1000, reason: str = "") -> None:
        self._connection.close(code=code, reason=reason)


class AsyncRealtimeConnection:
    """An open realtime connection of `AsyncPortkey`."""

    def __init__(self, connection: AsyncWebSocket) -> None:
        self._connection = connection

    async def send(self, event: Mapping[str, object]) -> None:
        """Send one client event (a JSON object with its `type`)."""
        await self._connection.send(json.dumps(event))

    async def recv(self) -> RealtimeEvent:
        """The next server event; raises `APIConnectionError` when the connection ended abnormally."""
        return parse_event(await self.recv_bytes())

    async def recv_bytes(self) -> bytes:
        """The next message as it arrived, undecoded."""
        from websockets.exceptions import ConnectionClosedError

        try:
            return await self._connection.recv(decode=False)
        except ConnectionClosedError as closed:
            raise _closed(closed) from None

    async def __aiter__(self) -> AsyncIterator[RealtimeEvent]:
        """Every server event until the connection is closed normally."""
        from websockets.exceptions import ConnectionClosedOK

        try:
            while True:
                yield await self.recv()
        except ConnectionClosedOK:
            return

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        await self._connection.close(code=code, reason=reason)


class RealtimeConnectionManager:
    """Returned by `client.realtime.connect(...)`: `with` it, or call `enter()` and later `close()`."""

    def __init__(self, client: ClientCore[Any], handshake: _Handshake) -> None:
        self._client = client
        self._handshake = handshake
        self._connection: RealtimeConnection | None = None

    def enter(self) -> RealtimeConnection:
        """Open the connection (the WebSocket handshake through the gateway)."""
        try:
            from websockets.sync.client import connect
        except ImportError:
            raise PortkeyError(MISSING_EXTRA) from None
        shake = self._handshake
        try:
            opened = connect(
                shake.url,
                additional_headers=shake.headers,
                user_agent_header=shake.user_agent,
                **shake.options,
            )
            socket = opened.__enter__()  # the one use of connect() every websockets version documents
        except (OSError, TimeoutError, _handshake_errors()) as error:
            raise shake.failed(self._client, error) from None
        self._connection = RealtimeConnection(socket)
        return self._connection

    __enter__ = enter

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._connection is not None:
            self._connection.close()


class AsyncRealtimeConnectionManager:
    """Returned by `AsyncPortkey().realtime.connect(...)`: `async with` it, or `await enter()`."""

    def __init__(self, client: ClientCore[Any], handshake: _Handshake) -> None:
        self._client = client
        self._handshake = handshake
        self._connection: AsyncRealtimeConnection | None = None

    async def enter(self) -> AsyncRealtimeConnection:
        """Open the connection (the WebSocket handshake through the gateway)."""
        try:
            from websockets.asyncio.client import connect
        except ImportError:
            raise PortkeyError(MISSING_EXTRA) from None
        shake = self._handshake
        try:
            socket = await connect(
                shake.url,
                additional_headers=shake.headers,
                user_agent_header=shake.user_agent,
                **shake.options,
            )
        except (OSError, TimeoutError, _handshake_errors()) as error:
            raise shake.failed(self._client, error) from None
        self._connection = AsyncRealtimeConnection(socket)
        return self._connection

    __aenter__ = enter

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._connection is not None:
            await self._connection.close()


def parse_event(data: str | bytes) -> RealtimeEvent:
    """A server event out of one message; raises `APIConnectionError` when it is not a JSON object."""
    try:
        event: object = json.loads(data)
    except ValueError as error:
        raise APIConnectionError(
            f"The realtime connection sent a message that is not JSON: {error}"
        ) from None
    if not isinstance(event, dict):
        raise APIConnectionError(
            f"The realtime connection sent a JSON {type(event).__name__}, not an event object"
        )
    return cast("dict[str, Any]", event)


_UNREAD_HEADERS = frozenset({"content-encoding", "transfer-encoding"})
"""The handshake answer's body arrives decoded: these headers no longer describe it."""


def _handshake_errors() -> type[Exception]:
    from websockets.exceptions import InvalidHandshake

    return InvalidHandshake


def _closed(closed: Exception) -> APIConnectionError:
    return APIConnectionError(f"The realtime connection closed abnormally: {closed}")
