"""`Portkey` and `AsyncPortkey`: the clients users build, and how they send a call."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from typing_extensions import Self

from portkey_generated.resources import AsyncResources, SyncResources
from portkey_generated.resources._base import (
    CallOptions,
    Operation,
    Query,
)

from ._base_client import ClientChanges, ClientCore, Prepared, log
from ._deadline import bounded
from ._exceptions import APIConnectionError, APITimeoutError
from ._redaction import scrub, shown_url
from ._response import APIResponse
from ._retries import retry_delay, retryable_error, should_retry

if TYPE_CHECKING:
    from portkey_generated.resources.chat import AsyncChatCompletions, ChatCompletions

    from ._realtime import AsyncRealtime, Realtime
    from ._streaming import AsyncStream, Stream
    from ._webhooks import AsyncWebhooks, Webhooks

T = TypeVar("T")

__all__ = ["AsyncPortkey", "ClientChanges", "Portkey"]


class _Pool(httpx.Client):
    """The connection pool a client makes for itself, closed when the last client sharing it is dropped
    (no `ResourceWarning: unclosed socket` from a client nobody closed)."""

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


class Portkey(ClientCore[httpx.Client], SyncResources):
    """A synchronous client of the Portkey gateway: `client.chat.completions.create(...)` and every other
    resource, sent through the gateway with this client's options.

    Options: `api_key` (hosted Portkey), `virtual_key` or `provider` with `authorization` (the provider's
    key), `config` (a saved config's slug or a `GatewayConfig`), `trace_id`, `metadata`, `custom_host`,
    the provider-specific keys (aws_*, azure_*, vertex_*...): each becomes its `x-portkey-*` header.
    The base URL is `base_url=`, else `PORTKEY_BASE_URL`, else `https://api.portkey.ai/v1` when a
    Portkey API key is set, else `http://localhost:8787/v1` (a gateway on this machine); the PORTKEY_*
    variables are read once, here. `timeout` and `max_retries` apply to every call; `with_options(...)`
    makes a copy with some options changed. A key about to go over plain http to another machine draws
    an `InsecureTransportWarning`.
    """

    _http_class = _Pool

    @property
    def chat_completions(self) -> ChatCompletions:
        """The older spelling of `chat.completions`."""
        return self.chat.completions

    @cached_property
    def realtime(self) -> Realtime:
        """Realtime: `connect(model=...)` opens a WebSocket conversation; `client_secrets`, `calls`."""
        from ._realtime import Realtime

        return Realtime(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Check and decode webhook deliveries locally (`unwrap`, `verify_signature`)."""
        from ._webhooks import Webhooks

        return Webhooks(lambda: self.webhook_secret)

    def close(self) -> None:
        """Close the connection pool (unless it is an `http_client` you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _request(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> T:
        response = self._send(self._prepare(op, path, query, body, options), stream=False)
        return self._parse(op, decode, response)

    def _request_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> Stream[T]:
        from ._streaming import Stream

        response = self._send(self._prepare(op, path, query, body, options), stream=True)
        if not _is_event_stream(response):
            response.read()
            response.close()
            raise self._not_a_stream(op, response)
        return Stream(response, decode)

    def _request_raw(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> APIResponse[T]:
        response = self._send(self._prepare(op, path, query, body, options), stream=False)
        return APIResponse(response, lambda: self._parse(op, decode, response))

    def _request_raw_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> APIResponse[Stream[T]]:
        stream = self._request_stream(op, decode, path, query, body, options)
        return APIResponse(stream.response, lambda: stream)

    def _send(self, prepared: Prepared, *, stream: bool) -> httpx.Response:
        """Send with retries; each attempt ends within `prepared.limit`, its body read unless it is an
        event stream (whose events `Stream` paces instead)."""
        retries = 0
        while True:
            request = self._build(prepared)
            self._log_attempt(prepared, request, retries)
            try:
                with bounded(prepared.limit):
                    response = self._http.send(request, stream=stream)
                    if response.status_code >= 400 or not (stream and _is_event_stream(response)):
                        try:
                            response.read()
                        except BaseException:
                            response.close()
                            raise
            except httpx.RequestError as exc:
                if retries < prepared.max_retries and retryable_error(exc):
                    _sleep(_wait(retries, None, exc))
                    retries += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            if retries < prepared.max_retries and should_retry(response):
                response.close()
                _sleep(_wait(retries, response, None))
                retries += 1
                continue
            raise self._status_error(response)


class AsyncPortkey(ClientCore[httpx.AsyncClient], AsyncResources):
    """An asynchronous client of the Portkey gateway: `await client.chat.completions.create(...)`.

    It takes the same options as `Portkey`: `api_key` (hosted Portkey), `virtual_key` or `provider` with
    `authorization` (the provider's key), `config`, `trace_id`, `metadata`, `custom_host`, the
    provider-specific keys (each becomes its `x-portkey-*` header), `base_url`, `timeout`, `max_retries`.
    """

    _http_class = httpx.AsyncClient

    @property
    def chat_completions(self) -> AsyncChatCompletions:
        """The older spelling of `chat.completions`."""
        return self.chat.completions

    @cached_property
    def realtime(self) -> AsyncRealtime:
        """Realtime: `connect(model=...)` opens a WebSocket conversation; `client_secrets`, `calls`."""
        from ._realtime import AsyncRealtime

        return AsyncRealtime(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Check and decode webhook deliveries locally (`unwrap`, `verify_signature`)."""
        from ._webhooks import AsyncWebhooks

        return AsyncWebhooks(lambda: self.webhook_secret)

    async def close(self) -> None:
        """Close the connection pool (unless it is an `http_client` you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _request(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> T:
        response = await self._send(self._prepare(op, path, query, body, options), stream=False)
        return self._parse(op, decode, response)

    async def _request_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> AsyncStream[T]:
        from ._streaming import AsyncStream

        response = await self._send(self._prepare(op, path, query, body, options), stream=True)
        if not _is_event_stream(response):
            await response.aread()
            await response.aclose()
            raise self._not_a_stream(op, response)
        return AsyncStream(response, decode)

    async def _request_raw(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> APIResponse[T]:
        response = await self._send(self._prepare(op, path, query, body, options), stream=False)
        return APIResponse(response, lambda: self._parse(op, decode, response))

    async def _request_raw_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> APIResponse[AsyncStream[T]]:
        stream = await self._request_stream(op, decode, path, query, body, options)
        return APIResponse(stream.response, lambda: stream)

    async def _send(self, prepared: Prepared, *, stream: bool) -> httpx.Response:
        """Send with retries; each attempt ends within `prepared.limit`, its body read unless it is an
        event stream (whose events `Stream` paces instead)."""
        retries = 0
        while True:
            request = self._build(prepared)
            self._log_attempt(prepared, request, retries)
            try:
                with bounded(prepared.limit):
                    response = await self._http.send(request, stream=stream)
                    if response.status_code >= 400 or not (stream and _is_event_stream(response)):
                        try:
                            await response.aread()
                        except BaseException:
                            await response.aclose()
                            raise
            except httpx.RequestError as exc:
                if retries < prepared.max_retries and retryable_error(exc):
                    await _async_sleep(_wait(retries, None, exc))
                    retries += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            if retries < prepared.max_retries and should_retry(response):
                await response.aclose()
                await _async_sleep(_wait(retries, response, None))
                retries += 1
                continue
            raise self._status_error(response)


_sleep = time.sleep


async def _async_sleep(seconds: float) -> None:
    import asyncio  # not at import time: `import portkey_typed` stays as light as httpx

    await asyncio.sleep(seconds)


def _is_event_stream(response: httpx.Response) -> bool:
    return str(response.headers.get("content-type", "")).startswith("text/event-stream")


def _wait(retries: int, response: httpx.Response | None, error: Exception | None) -> float:
    delay = retry_delay(retries, response)
    if log.isEnabledFor(logging.DEBUG):
        cause = f"HTTP {response.status_code}" if response is not None else type(error).__name__
        log.debug("retrying after %s in %.2f s", cause, delay)
    return delay


def _transport_error(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
    """The error to raise from `exc`, its secrets (and those in `exc`'s own message) masked."""
    where = f"{request.method} {shown_url(request.url)}"
    error: APIConnectionError
    if isinstance(exc, httpx.TimeoutException):
        error = APITimeoutError(f"{where} timed out ({type(exc).__name__})", request=request)
    elif isinstance(exc, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)):
        error = APIConnectionError(
            f"{where} was not sent: the HTTP layer refused it ({type(exc).__name__}: {exc})", request=request
        )
    else:
        error = APIConnectionError(f"{where} failed: {type(exc).__name__}: {exc}", request=request)
    error.__cause__ = exc
    return scrub(error)
