"""Both clients behind an `httpx.MockTransport`: what they send is recorded, what they get is scripted."""

from __future__ import annotations

import inspect
import json
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx

from portkey_typed import AsyncPortkey, Portkey

AnyClient = Portkey | AsyncPortkey
Reply = httpx.Response | Callable[[httpx.Request], httpx.Response]

API_KEY = "pk-test-key"
BASE_URL = "https://gateway.test/v1"


class Gateway:
    """Records every request and answers each with the next scripted reply (200 `{}` once they run out)."""

    def __init__(self, *replies: Reply) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: deque[Reply] = deque(replies)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.popleft() if self.replies else httpx.Response(200, json={})
        return reply(request) if callable(reply) else reply

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request was sent"
        return self.requests[-1]


def client(flavor: str, gateway: Callable[[httpx.Request], httpx.Response], **options: Any) -> AnyClient:
    """A `Portkey` ("sync") or `AsyncPortkey` ("async") whose requests go to `gateway`."""
    options.setdefault("base_url", BASE_URL)
    options.setdefault("max_retries", 0)
    if flavor == "sync":
        return Portkey(http_client=httpx.Client(transport=httpx.MockTransport(gateway)), **options)
    return AsyncPortkey(http_client=httpx.AsyncClient(transport=httpx.MockTransport(gateway)), **options)


def attribute(root: object, dotted: str) -> Any:
    """`client.a.b.c` from `"a.b.c"`."""
    target: Any = root
    for name in dotted.split("."):
        target = getattr(target, name)
    return target


async def resolve(value: Any) -> Any:
    """The result of a call of either client."""
    return await value if inspect.isawaitable(value) else value


async def call(client: AnyClient, dotted: str, *args: Any, **kwargs: Any) -> Any:
    """Call `client.<dotted>(*args, **kwargs)` and return its result, awaited for the async client."""
    return await resolve(attribute(client, dotted)(*args, **kwargs))


def json_reply(body: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body)


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def sent_query(request: httpx.Request) -> dict[str, str | list[str]]:
    """The query of a request: one string per name, or the list when a name repeats."""
    query: dict[str, str | list[str]] = {}
    for name in request.url.params:
        values = request.url.params.get_list(name)
        query[name] = values[0] if len(values) == 1 else values
    return query
