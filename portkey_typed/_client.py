"""`Portkey` and `AsyncPortkey`: the clients users build, and how they send a call."""

from __future__ import annotations

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
from ._exceptions import APIConnectionError, APITimeoutError
from ._response import APIResponse
from ._retries import retry_delay, should_retry

if TYPE_CHECKING:
    from portkey_generated.resources.chat import AsyncChatCompletions, ChatCompletions

    from ._realtime import AsyncRealtime, Realtime
    from ._streaming import AsyncStream, Stream
    from ._webhooks import AsyncWebhooks, Webhooks

T = TypeVar("T")

__all__ = ["AsyncPortkey", "ClientChanges", "Portkey"]


class Portkey(SyncResources, ClientCore[httpx.Client]):
    """A synchronous client of the Portkey gateway.

    Every keyword of `PortkeyHeaderOptions` (provider, config, trace_id, metadata, virtual_key,
    custom_host, the aws_*, azure_*, vertex_* keys...) becomes its `x-portkey-*` header. `base_url`
    defaults to `PORTKEY_BASE_URL`, then to hosted Portkey when a Portkey API key is set, then to a
    gateway on this machine (`http://localhost:8787/v1`). `authorization` is the provider's key.
    """

    _http_class = httpx.Client

    @property
    def chat_completions(self) -> ChatCompletions:
        """The older spelling of `chat.completions`."""
        return self.chat.completions

    @cached_property
    def realtime(self) -> Realtime:
        """Realtime sessions: `connect(model=...)` opens the WebSocket; `client_secrets`, `calls`."""
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
        return self._decode(op, decode, response)

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
        return APIResponse(response, lambda: self._decode(op, decode, response))

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
        retries = 0
        while True:
            request = self._http.build_request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                params=prepared.params,
                content=prepared.content,
                data=prepared.data,
                files=prepared.files,
                timeout=prepared.timeout,
            )
            self._log_attempt(prepared, retries)
            try:
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                if retries < prepared.max_retries:
                    _sleep(_wait(retries, None, exc))
                    retries += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            response.read()
            if retries < prepared.max_retries and should_retry(response):
                response.close()
                _sleep(_wait(retries, response, None))
                retries += 1
                continue
            raise self._status_error(response)


class AsyncPortkey(AsyncResources, ClientCore[httpx.AsyncClient]):
    """An asynchronous client of the Portkey gateway; it takes the same options as `Portkey`."""

    _http_class = httpx.AsyncClient

    @property
    def chat_completions(self) -> AsyncChatCompletions:
        """The older spelling of `chat.completions`."""
        return self.chat.completions

    @cached_property
    def realtime(self) -> AsyncRealtime:
        """Realtime sessions: `connect(model=...)` opens the WebSocket; `client_secrets`, `calls`."""
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
        return self._decode(op, decode, response)

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
        return APIResponse(response, lambda: self._decode(op, decode, response))

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
        retries = 0
        while True:
            request = self._http.build_request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                params=prepared.params,
                content=prepared.content,
                data=prepared.data,
                files=prepared.files,
                timeout=prepared.timeout,
            )
            self._log_attempt(prepared, retries)
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                if retries < prepared.max_retries:
                    await _async_sleep(_wait(retries, None, exc))
                    retries += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            await response.aread()
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


def _transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    where = f"{request.method} {request.url.copy_with(query=None)}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{where} timed out ({type(exc).__name__})", request=request)
    return APIConnectionError(f"{where} failed: {type(exc).__name__}: {exc}", request=request)
