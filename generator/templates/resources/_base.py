"""The contract between the generated resources and the client that runs them.

The generated resource classes describe each operation (`Operation`) and hand it, with the caller's
arguments, to a requester: the handwritten `portkey_typed` client implements `SyncRequester` /
`AsyncRequester`. The stream and raw-response types below are protocols for the same reason.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    NamedTuple,
    Protocol,
    TypeVar,
    cast,
    runtime_checkable,
)

import httpx
from typing_extensions import Self

from ..types import Unset

if TYPE_CHECKING:
    from ..response_headers import PortkeyResponseHeaders

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
P = TypeVar("P")


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out, as opposed to one set to None.

    It has one instance (`NotGiven()` returns `NOT_GIVEN`), so code can test it with `is`."""

    __slots__ = ()
    _instance: ClassVar[NotGiven | None] = None

    def __new__(cls) -> NotGiven:
        if NotGiven._instance is None:
            NotGiven._instance = super().__new__(cls)
        return NotGiven._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout = float | httpx.Timeout | None
"""Seconds for the whole request, an `httpx.Timeout`, or None for no timeout."""
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]


class Operation(NamedTuple):
    """What the client needs to know about one API operation."""

    operation_id: str
    method: str
    path: str
    plane: Literal["data", "control"]
    body: Literal["json", "multipart", "none"]
    response: Literal["json", "binary", "text", "none"]
    base_suffix_dropped: str = ""
    """The end of the client's base URL (`/v1`) that this operation's own server does not have:
    the client leaves it out of the URL when the base URL ends with it."""


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
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> T: ...

    def _request_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> Stream[T]: ...

    def _request_raw(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> RawResponse[T]: ...

    def _request_raw_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> RawResponse[Stream[T]]: ...


class AsyncRequester(Protocol):
    """What an asynchronous client offers the generated resources."""

    async def _request(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> T: ...

    async def _request_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> AsyncStream[T]: ...

    async def _request_raw(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
    ) -> RawResponse[T]: ...

    async def _request_raw_stream(
        self,
        op: Operation,
        decode: Callable[[Any], T],
        path: str,
        query: Query | None,
        body: object,
        options: CallOptions,
        /,
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


def body_fields(fields: dict[str, object]) -> dict[str, object]:
    """The body fields the caller gave: NOT_GIVEN left out, None kept (it is sent as JSON null)."""
    return {k: v for k, v in fields.items() if v is not NOT_GIVEN}


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


# ----------------------------------------------------------------------------------------------
# Pages: the `list_all` iterators call a list method again and again, one page at a time.


def cursor_items(
    fetch: Callable[[str | NotGiven], P],
    items: Callable[[P], Sequence[T] | Unset],
    start: str | NotGiven,
    *,
    backwards: bool = False,
) -> Iterator[T]:
    """The items of every page of a cursor-paged list, fetched as the iteration reaches them.

    Each page after the first is asked for with the cursor of the page before (its `last_id`, else
    its last item's `id`; `first_id` / first item going `backwards`). It stops after an empty page,
    a page with `has_more: false`, or a page that gives no new cursor."""
    cursor = start
    while True:
        page = fetch(cursor)
        found = _items(items(page))
        yield from found
        following = _next_cursor(page, found, backwards)
        if not found or _field(page, "has_more") is False or following is None or following == cursor:
            return
        cursor = following


async def async_cursor_items(
    fetch: Callable[[str | NotGiven], Awaitable[P]],
    items: Callable[[P], Sequence[T] | Unset],
    start: str | NotGiven,
    *,
    backwards: bool = False,
) -> AsyncIterator[T]:
    """The async form of `cursor_items`."""
    cursor = start
    while True:
        page = await fetch(cursor)
        found = _items(items(page))
        for item in found:
            yield item
        following = _next_cursor(page, found, backwards)
        if not found or _field(page, "has_more") is False or following is None or following == cursor:
            return
        cursor = following


def numbered_items(
    fetch: Callable[[int | NotGiven], P],
    items: Callable[[P], Sequence[T] | Unset],
    start: int | NotGiven,
    page_size: int | NotGiven,
    *,
    first: int,
) -> Iterator[T]:
    """The items of every page of a list paged by number, fetched as the iteration reaches them.

    The first request sends the caller's page number (or none: the server's first page, numbered
    `first`); each next one asks for the number after. It stops after an empty page, a page shorter
    than the page size (the caller's, else the length of the first page), `has_more: false`, once
    the pages so far hold the list's `total`, or when a page repeats the one before."""
    walk = _PageWalk(start, page_size, first)
    number = start
    while True:
        page = fetch(number)
        found = _items(items(page))
        if walk.repeats(found):
            return
        yield from found
        if walk.is_last(page, found):
            return
        number = walk.advance()


async def async_numbered_items(
    fetch: Callable[[int | NotGiven], Awaitable[P]],
    items: Callable[[P], Sequence[T] | Unset],
    start: int | NotGiven,
    page_size: int | NotGiven,
    *,
    first: int,
) -> AsyncIterator[T]:
    """The async form of `numbered_items`."""
    walk = _PageWalk(start, page_size, first)
    number = start
    while True:
        page = await fetch(number)
        found = _items(items(page))
        if walk.repeats(found):
            return
        for item in found:
            yield item
        if walk.is_last(page, found):
            return
        number = walk.advance()


class _PageWalk:
    """Where a walk over numbered pages is, and whether the page just read was the last one."""

    __slots__ = ("first", "number", "previous", "size")

    def __init__(self, start: int | NotGiven, page_size: int | NotGiven, first: int) -> None:
        self.first = first
        self.number = first if isinstance(start, NotGiven) else start
        self.size = None if isinstance(page_size, NotGiven) else page_size
        self.previous: Sequence[object] = ()

    def repeats(self, found: Sequence[object]) -> bool:
        """Whether the server answered this number with the page before (it ignores the number)."""
        return bool(found) and list(found) == list(self.previous)

    def is_last(self, page: object, found: Sequence[object]) -> bool:
        self.previous = found
        if self.size is None:
            self.size = len(found)
        total = _field(page, "total")
        read = (self.number - self.first) * self.size + len(found)
        return (
            not found
            or len(found) < self.size
            or _field(page, "has_more") is False
            or (isinstance(total, int) and read >= total)
        )

    def advance(self) -> int:
        self.number += 1
        return self.number


def _items(data: Sequence[T] | Unset) -> Sequence[T]:
    return () if isinstance(data, Unset) else data


def _field(page: object, name: str) -> object:
    """A page's optional field; None when the answer left it out."""
    value: object = getattr(page, name, None)
    return None if isinstance(value, Unset) else value


def _next_cursor(page: object, found: Sequence[object], backwards: bool) -> str | None:
    edge = _field(page, "first_id" if backwards else "last_id")
    if not isinstance(edge, str) and found:
        edge = _field(found[0] if backwards else found[-1], "id")
    return edge if isinstance(edge, str) and edge else None
