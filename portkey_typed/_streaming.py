"""Server-sent event streams of typed chunks, closed on exit, on `break` and on error."""

from __future__ import annotations

import codecs
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar, cast

import httpx
from typing_extensions import Self

from portkey_generated.types import DecodeError

from ._deadline import apaced_events, idle_timeout, paced_events
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStreamError,
    APITimeoutError,
)
from ._json_parser import parse_json
from ._redaction import scrub

T = TypeVar("T")

DONE = "[DONE]"
TERMINAL_TYPES = frozenset({"message_stop", "response.completed", "response.failed", "response.incomplete"})
SPECIAL_TYPES = TERMINAL_TYPES | {"error"}
"""Event `type`s that the plain path leaves to `_EventDecoder.chunk`."""


class _EventDecoder(Generic[T]):
    """Turns events into chunks; remembers whether the stream reached its end marker.

    The chunk generators decode a plain event themselves (nearly every event of a stream: a `message` event
    carrying a JSON object without an `error` key or a special `type`); `chunk` handles every other event."""

    __slots__ = ("_response", "decode", "finished")

    def __init__(self, response: httpx.Response, decode: Callable[[Any], T]) -> None:
        self._response = response
        self.decode = decode
        self.finished = False

    def invalid(self, error: DecodeError, payload: object) -> APIResponseValidationError:
        where = error.path or "the chunk"
        return APIResponseValidationError(
            f"the stream sent a chunk that does not match its schema: {where}: {error.problem}",
            response=self._response,
            body=payload,
        )

    def chunk(self, name: str, data: str) -> T | None:
        """The chunk an event (type `name`) carries; None for keep-alives and the end marker; raises on an
        error event."""
        if data == DONE:
            self.finished = True
            return None
        if not data:
            return None
        try:
            payload = parse_json(data)
        except ValueError:
            if name == "error":
                raise _stream_error(self._response, data, {}) from None
            raise APIStreamError(
                f"the stream sent data that is not JSON: {data[:200]!r}",
                response=self._response,
                body=data,
                status_code=None,
            ) from None
        fields = _fields(payload)
        if name == "error" or _is_error(fields):
            raise _stream_error(self._response, payload, fields)
        if fields.get("type") in TERMINAL_TYPES:
            self.finished = True
        try:
            return self.decode(payload)
        except DecodeError as error:
            raise self.invalid(error, payload) from None

    def cut_short(self) -> APIConnectionError:
        return APIConnectionError(
            "the stream ended before its end marker: the connection was closed mid-way",
            request=self._response.request,
        )


class _EventParser:
    """Server-sent events from the text of a stream as it arrives, by the SSE rules: lines end at CRLF, CR
    or LF (only those: a U+2028 inside JSON data is not a line break), `data:` lines of one event are
    joined by LF, `event:` names it (`message` when absent), a blank line ends it, `:` lines are comments.
    `id:` and `retry:` are not used. (Measured: httpx-sse's parser alone ran streams at 0.79x the rate of
    httpx's `iter_lines` + `json.loads`; this one keeps the typed stream above 0.7x of that floor.)"""

    __slots__ = ("_data", "_name", "_partial", "_pending")

    def __init__(self) -> None:
        self._pending = ""
        self._partial = b""
        """The start of a UTF-8 character split across pieces (event streams are UTF-8 whatever their
        content type says), decoded with the next piece."""
        self._name = ""
        self._data: list[str] = []

    def feed(self, piece: bytes) -> list[tuple[str, str]]:
        """The (event name, data) of each event that `piece` of the body completes."""
        if self._partial:
            piece = self._partial + piece
        decoded, used = codecs.utf_8_decode(piece, "replace", False)
        self._partial = piece[used:]
        text = self._pending + decoded
        held = ""
        if "\r" in text:
            if text[-1] == "\r":  # the LF of a CRLF may come with the next piece
                text, held = text[:-1], "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        self._pending = lines.pop() + held
        events: list[tuple[str, str]] = []
        for line in lines:
            if line[:6] == "data: ":
                self._data.append(line[6:])
            elif not line:
                if self._data or self._name:
                    events.append((self._name or "message", "\n".join(self._data)))
                    self._name, self._data = "", []
            elif line[0] != ":":
                field, _, value = line.partition(":")
                value = value[1:] if value[:1] == " " else value
                if field == "data":
                    self._data.append(value)
                elif field == "event":
                    self._name = value
        return events


class Stream(Generic[T]):
    """A synchronous stream of chunks (implements `portkey_typed.Stream`)."""

    def __init__(self, response: httpx.Response, decode: Callable[[Any], T]) -> None:
        self._response = response
        self._iterator = _chunks(response, _EventDecoder(response, decode))

    @property
    def response(self) -> httpx.Response:
        return self._response

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return next(self._iterator)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._iterator.close()
        self._response.close()


class AsyncStream(Generic[T]):
    """An asynchronous stream of chunks (implements `portkey_typed.AsyncStream`)."""

    def __init__(self, response: httpx.Response, decode: Callable[[Any], T]) -> None:
        self._response = response
        self._iterator = _async_chunks(response, _EventDecoder(response, decode))

    @property
    def response(self) -> httpx.Response:
        return self._response

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self._iterator.aclose()
        await self._response.aclose()


def _events(response: httpx.Response) -> Iterator[tuple[str, str]]:
    """The (name, data) of each event of a response's event stream as it arrives, each within the
    request's read timeout."""
    pieces = response.iter_raw() if _unencoded(response) else response.iter_bytes()
    return paced_events(pieces, _EventParser().feed, idle_timeout(response))


def _async_events(response: httpx.Response) -> AsyncIterator[tuple[str, str]]:
    pieces = response.aiter_raw() if _unencoded(response) else response.aiter_bytes()
    return apaced_events(pieces, _EventParser().feed, idle_timeout(response))


def _unencoded(response: httpx.Response) -> bool:
    """Whether the body comes without a content encoding (as event streams do), so the raw bytes are the
    body and httpx's decoding layer can be skipped."""
    encoding: str = response.headers.get("content-encoding", "identity")
    return encoding.strip().lower() == "identity"


# The chunk generators are functions, not methods: a generator that held its stream object would make
# a reference cycle, and a `break` out of `for chunk in client...create(stream=True)` would then leave
# the response open until the garbage collector ran.


def _chunks(response: httpx.Response, decoder: _EventDecoder[T]) -> Generator[T, None, None]:
    decode, loads = decoder.decode, parse_json
    try:
        for name, data in _events(response):
            if data[:1] == "{" and name != "error":
                try:
                    payload = loads(data)
                except ValueError:
                    payload = None
                if (
                    payload is not None
                    and "error" not in payload
                    and payload.get("type") not in SPECIAL_TYPES
                ):
                    try:
                        chunk = decode(payload)
                    except DecodeError as error:
                        raise decoder.invalid(error, payload) from None
                    yield chunk
                    continue
            other = decoder.chunk(name, data)
            if other is not None:
                yield other
            if decoder.finished:
                return
        raise decoder.cut_short()
    except httpx.TimeoutException as exc:
        raise _idle_error(response) from exc
    except httpx.RequestError as exc:
        raise APIConnectionError(f"the stream broke: {type(exc).__name__}", request=response.request) from exc
    except APIError as exc:
        scrub(exc)
        raise
    finally:
        response.close()


async def _async_chunks(response: httpx.Response, decoder: _EventDecoder[T]) -> AsyncGenerator[T, None]:
    decode, loads = decoder.decode, parse_json
    try:
        async for name, data in _async_events(response):
            if data[:1] == "{" and name != "error":
                try:
                    payload = loads(data)
                except ValueError:
                    payload = None
                if (
                    payload is not None
                    and "error" not in payload
                    and payload.get("type") not in SPECIAL_TYPES
                ):
                    try:
                        chunk = decode(payload)
                    except DecodeError as error:
                        raise decoder.invalid(error, payload) from None
                    yield chunk
                    continue
            other = decoder.chunk(name, data)
            if other is not None:
                yield other
            if decoder.finished:
                return
        raise decoder.cut_short()
    except httpx.TimeoutException as exc:
        raise _idle_error(response) from exc
    except httpx.RequestError as exc:
        raise APIConnectionError(f"the stream broke: {type(exc).__name__}", request=response.request) from exc
    except APIError as exc:
        scrub(exc)
        raise
    finally:
        await response.aclose()


def _idle_error(response: httpx.Response) -> APITimeoutError:
    return APITimeoutError(
        f"the stream timed out: no event arrived within {idle_timeout(response)} s (its read timeout)",
        request=response.request,
    )


def _fields(payload: object) -> dict[str, Any]:
    """The top-level fields of an event's JSON (none when it is not an object)."""
    return cast("dict[str, Any]", payload) if isinstance(payload, dict) else {}


def _is_error(fields: dict[str, Any]) -> bool:
    return fields.get("type") == "error" or (
        isinstance(fields.get("error"), dict) and "choices" not in fields
    )


def _stream_error(response: httpx.Response, payload: object, fields: dict[str, Any]) -> APIStreamError:
    detail = _fields(fields.get("error")) or fields
    message = str(detail.get("message") or payload)
    status = detail.get("status") or detail.get("status_code") or fields.get("status")
    code = status if isinstance(status, int) else None
    return APIStreamError(
        f"the stream sent an error: {message}", response=response, body=payload, status_code=code
    )
