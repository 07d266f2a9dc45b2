"""The raw response of a call, with its Portkey headers typed and its body decoded on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx

if TYPE_CHECKING:
    from portkey_generated.response_headers import PortkeyResponseHeaders

T = TypeVar("T")


class APIResponse(Generic[T]):
    """What `with_raw_response` returns (implements `portkey_typed.RawResponse`)."""

    __slots__ = ("_parse", "_parsed", "_portkey", "http_response")

    def __init__(self, http_response: httpx.Response, parse: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parse = parse
        self._parsed: tuple[T] | None = None
        self._portkey: PortkeyResponseHeaders | None = None

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def portkey(self) -> PortkeyResponseHeaders:
        """The `x-portkey-*` response headers, typed."""
        if self._portkey is None:
            from portkey_generated.response_headers import PortkeyResponseHeaders

            self._portkey = PortkeyResponseHeaders.from_headers(self.http_response.headers)
        return self._portkey

    def parse(self) -> T:
        """The typed result (decoded once)."""
        if self._parsed is None:
            self._parsed = (self._parse(),)
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_response.request.method} {self.http_response.request.url.path}>"
