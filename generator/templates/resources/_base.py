"""The contract between the generated resources and the client that runs them.

The generated resource classes describe each operation (`Operation`) and hand it, with the caller's
arguments, to a requester: the handwritten `portkey_typed` client implements `SyncRequester` /
`AsyncRequester`. The stream and raw-response types below are protocols for the same reason.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Literal, NamedTuple, Protocol, TypeVar, Union, cast, runtime_checkable

import httpx
from typing_extensions import Self

from ..response_headers import PortkeyResponseHeaders

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out, as opposed to one set to None."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout = Union[float, httpx.Timeout, None]
"""Seconds for the whole request, an `httpx.Timeout`, or None for no timeout."""
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
JSONValue = Any


class Operation(NamedTuple):
    """What the client needs to know about one API operation."""

    operation_id: str
    method: str
    path: str
    plane: Literal["data", "control"]
    body: Literal["json", "multipart", "none"]
    response: Literal["json", "binary", "text", "none"]


class CallOptions(NamedTuple):
    """Options of one call; NOT_GIVEN (or None for the extra_* mappings) means "the client's own"."""

    trace_id: str | NotGiven = NOT_GIVEN
    metadata: Mapping[str, str] | NotGiven = NOT_GIVEN
    config: str | Mapping[str, Any] | NotGiven = NOT_GIVEN
    cache_force_refresh: bool | NotGiven = NOT_GIVEN
    cache_namespace: str | NotGiven = NOT_GIVEN
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN


DEFAULT_CALL_OPTIONS = CallOptions()


@runtime_checkable
class Stream(Protocol[T_co]):
    """A server-sent event stream of typed chunks; close it (or use `with`) to free the connection."""

    @property
    def response(self) -> httpx.Response: ...

    def __iter__(self) -> Iterator[T_co]: ...

    def __next__(self) -> T_co: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class AsyncStream(Protocol[T_co]):
    """The async form of `Stream`."""

    @property
    def response(self) -> httpx.Response: ...

    def __aiter__(self) -> AsyncIterator[T_co]: ...

    async def __anext__(self) -> T_co: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, *exc_info: object) -> None: ...

    async def close(self) -> None: ...


@runtime_checkable
class RawResponse(Protocol[T_co]):
    """The HTTP response of a call, its Portkey headers, and its typed result (`parse()`)."""

    @property
    def http_response(self) -> httpx.Response: ...

    @property
    def headers(self) -> httpx.Headers: ...

    @property
    def status_code(self) -> int: ...

    @property
    def portkey(self) -> PortkeyResponseHeaders: ...

    def parse(self) -> T_co: ...


class SyncRequester(Protocol):
    """What a synchronous client offers the generated resources."""

    def _request(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> T: ...

    def _request_stream(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> Stream[T]: ...

    def _request_raw(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> RawResponse[T]: ...

    def _request_raw_stream(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> RawResponse[Stream[T]]: ...


class AsyncRequester(Protocol):
    """What an asynchronous client offers the generated resources."""

    async def _request(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> T: ...

    async def _request_stream(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> AsyncStream[T]: ...

    async def _request_raw(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> RawResponse[T]: ...

    async def _request_raw_stream(
        self, op: Operation, decode: Callable[[Any], T], path: str, query: Query | None, body: object, options: CallOptions, /
    ) -> RawResponse[AsyncStream[T]]: ...


class SyncResource:
    """Base of the generated synchronous resources."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncRequester) -> None:
        self._client = client


class AsyncResource:
    """Base of the generated asynchronous resources."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncRequester) -> None:
        self._client = client


def query_params(params: Mapping[str, object]) -> dict[str, object] | None:
    """The query parameters the caller gave (NOT_GIVEN and None left out), or None for none."""
    given = {k: v for k, v in params.items() if v is not None and not isinstance(v, NotGiven)}
    return given or None


def as_bytes(data: Any) -> bytes:
    """Decoder of binary bodies: the client hands them over as bytes already."""
    return cast(bytes, data)


def as_text(data: Any) -> str:
    """Decoder of text bodies."""
    return cast(str, data)


def as_json(data: Any) -> Any:
    """Decoder of JSON bodies the description does not type."""
    return data


def as_none(data: Any) -> None:
    """Decoder of empty bodies."""
    return None
