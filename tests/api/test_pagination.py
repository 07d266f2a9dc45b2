"""Paged list calls can be iterated across pages: `list_all` (or `<method>_all`) next to every list
operation the rule picks, walking cursors or page numbers lazily, typed with the item model."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from portkey_generated.models import AdminUser, FileObject, McpServerCapability
from portkey_typed import NotFoundError

from . import spec
from .harness import API_KEY, Gateway, attribute, client, json_reply

CURSORS = ("after", "starting_after", "before")
PAGE_NUMBERS = ("page", "current_page")
PAGE_SIZES = ("limit", "page_size", "per_page")


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def is_paged(op: spec.SpecOperation) -> bool:
    """The rule: an optional cursor or page-number query parameter, a page-size parameter, and a JSON
    answer whose `data` property is an array."""
    query = {snake(p["name"]): p for p in op.query_params}
    pager = next((query[n] for n in (*CURSORS, *PAGE_NUMBERS) if n in query), None)
    if pager is None or pager.get("required") or not any(n in query for n in PAGE_SIZES):
        return False
    page = spec.document()["paths"][op.path][op.method.lower()]["responses"].get("200", {})
    schema = ((page.get("content") or {}).get("application/json") or {}).get("schema")
    data = spec.resolve(schema).get("properties", {}).get("data") if schema else None
    return data is not None and spec.resolve(data).get("type") == "array"


def iterator_name(op: spec.SpecOperation) -> str:
    return "list_all" if op.sdk_method == "list" else f"{op.sdk_method}_all"


async def take(items: Any, count: int | None = None, into: list[Any] | None = None) -> list[Any]:
    """The first `count` items (all without a count) of an `Iterator` or an `AsyncIterator`, appended
    to `into` as they arrive (so that they are there when a later page fails)."""
    taken: list[Any] = [] if into is None else into
    if hasattr(items, "__anext__"):
        async for item in items:
            taken.append(item)
            if len(taken) == count:
                break
    else:
        for item in items:
            taken.append(item)
            if len(taken) == count:
                break
    return taken


def file_page(ids: list[str], **fields: Any) -> httpx.Response:
    data = [
        {
            "id": i,
            "object": "file",
            "bytes": 120,
            "created_at": 1714000000,
            "filename": f"{i}.jsonl",
            "purpose": "batch",
        }
        for i in ids
    ]
    return json_reply({"object": "list", "data": data, **fields})


def user_page(ids: list[str], **fields: Any) -> httpx.Response:
    data = [
        {
            "object": "user",
            "id": f"5c0e9a4e-8d1f-4c2b-9a7e-{int(i[1:]):012d}",
            "first_name": "Ada",
            "last_name": i,
            "role": "member",
            "email": f"{i}@example.com",
            "created_at": "2024-05-01T10:00:00.000Z",
            "last_updated_at": "2024-05-02T10:00:00.000Z",
        }
        for i in ids
    ]
    return json_reply({"object": "list", "data": data, **fields})


def params(gateway: Gateway, name: str) -> list[str | None]:
    return [request.url.params.get(name) for request in gateway.requests]


def test_exactly_the_lists_the_rule_picks_have_an_iterator(flavor: str) -> None:
    portkey = client(flavor, Gateway(), api_key=API_KEY)
    paged = []
    for op in spec.operations():
        if op.transport != "http":
            continue
        resource = attribute(portkey, op.resource)
        assert hasattr(resource, iterator_name(op)) == is_paged(op), op.operation_id
        if is_paged(op):
            paged.append(f"{op.resource}.{iterator_name(op)}")
            assert not hasattr(resource.with_raw_response, iterator_name(op))
    assert {
        "files.list_all",
        "admin.users.list_all",
        "analytics.groups.users_all",
        "evals.runs.list_all",
    } <= set(paged)
    assert len(paged) == 53


async def test_cursor_pages_follow_last_id_then_the_last_item(flavor: str) -> None:
    gateway = Gateway(
        file_page(["file-1", "file-2"], has_more=True, first_id="file-1", last_id="file-2"),
        file_page(["file-3", "file-4"], has_more=True),
        file_page(["file-5"], has_more=False),
    )
    portkey = client(flavor, gateway, api_key=API_KEY)

    files = await take(portkey.files.list_all(limit=2, purpose="batch"))

    assert [f.id for f in files] == ["file-1", "file-2", "file-3", "file-4", "file-5"]
    assert all(isinstance(f, FileObject) for f in files)
    assert params(gateway, "after") == [None, "file-2", "file-4"]
    assert params(gateway, "limit") == ["2", "2", "2"]
    assert params(gateway, "purpose") == ["batch", "batch", "batch"]


async def test_pages_are_fetched_only_when_the_iteration_reaches_them(flavor: str) -> None:
    gateway = Gateway(file_page(["file-1", "file-2"], has_more=True), file_page(["file-3"], has_more=False))
    portkey = client(flavor, gateway, api_key=API_KEY)

    items = portkey.files.list_all()
    assert gateway.requests == []
    assert [f.id for f in await take(items, 2)] == ["file-1", "file-2"]
    assert len(gateway.requests) == 1


async def test_a_cursor_walk_starts_at_the_callers_cursor_and_stops_on_an_empty_page(flavor: str) -> None:
    gateway = Gateway(file_page(["file-8", "file-9"]), file_page([]))
    portkey = client(flavor, gateway, api_key=API_KEY)

    files = await take(portkey.files.list_all(after="file-7"))

    assert [f.id for f in files] == ["file-8", "file-9"]
    assert params(gateway, "after") == ["file-7", "file-9"]


async def test_numbered_pages_stop_at_a_short_page(flavor: str) -> None:
    gateway = Gateway(user_page(["u1", "u2"]), user_page(["u3", "u4"]), user_page(["u5"]))
    portkey = client(flavor, gateway, api_key=API_KEY)

    users = await take(portkey.admin.users.list_all(page_size=2, role="member"))

    assert [u.last_name for u in users] == ["u1", "u2", "u3", "u4", "u5"]
    assert all(isinstance(u, AdminUser) for u in users)
    assert params(gateway, "currentPage") == [None, "1", "2"]
    assert params(gateway, "pageSize") == ["2", "2", "2"]
    assert params(gateway, "role") == ["member", "member", "member"]


async def test_numbered_pages_stop_once_the_total_is_read(flavor: str) -> None:
    gateway = Gateway(user_page(["u1", "u2"], total=4), user_page(["u3", "u4"], total=4))
    portkey = client(flavor, gateway, api_key=API_KEY)

    users = await take(portkey.admin.users.list_all())

    assert [u.last_name for u in users] == ["u1", "u2", "u3", "u4"]
    assert len(gateway.requests) == 2


async def test_a_numbered_walk_starts_at_the_callers_page(flavor: str) -> None:
    gateway = Gateway(user_page(["u7", "u8"], total=9), user_page(["u9"], total=9))
    portkey = client(flavor, gateway, api_key=API_KEY)

    users = await take(portkey.admin.users.list_all(current_page=3, page_size=2))

    assert [u.last_name for u in users] == ["u7", "u8", "u9"]
    assert params(gateway, "currentPage") == ["3", "4"]


async def test_one_based_pages_count_from_the_parameters_default(flavor: str) -> None:
    def capabilities(names: list[str], has_more: bool) -> httpx.Response:
        data = [{"name": n, "type": "tool", "enabled": True} for n in names]
        return json_reply({"data": data, "total": 3, "has_more": has_more, "counts": {}})

    gateway = Gateway(capabilities(["search", "fetch"], True), capabilities(["summarise"], False))
    portkey = client(flavor, gateway, api_key=API_KEY)

    tools = await take(portkey.mcp_servers.capabilities.list_all("srv-1"))

    assert [t.name for t in tools] == ["search", "fetch", "summarise"]
    assert all(isinstance(t, McpServerCapability) for t in tools)
    assert params(gateway, "page") == [None, "2"]
    assert {r.url.path for r in gateway.requests} == {"/v1/mcp-servers/srv-1/capabilities"}


async def test_a_server_that_ignores_the_page_number_does_not_loop(flavor: str) -> None:
    gateway = Gateway(user_page(["u1", "u2"]), user_page(["u1", "u2"]))
    portkey = client(flavor, gateway, api_key=API_KEY)

    users = await take(portkey.admin.users.list_all())

    assert [u.last_name for u in users] == ["u1", "u2"]
    assert len(gateway.requests) == 2


async def test_every_page_carries_the_callers_options(flavor: str) -> None:
    gateway = Gateway(file_page(["file-1"], has_more=True), file_page(["file-2"], has_more=False))
    portkey = client(flavor, gateway, api_key=API_KEY)

    await take(
        portkey.files.list_all(trace_id="walk-1", extra_headers={"x-team": "ml"}, extra_query={"x": "1"})
    )

    assert [r.headers["x-portkey-trace-id"] for r in gateway.requests] == ["walk-1", "walk-1"]
    assert [r.headers["x-team"] for r in gateway.requests] == ["ml", "ml"]
    assert params(gateway, "x") == ["1", "1"]


async def test_an_error_on_a_later_page_reaches_the_caller(flavor: str) -> None:
    missing = json_reply(
        {"error": {"message": "No such cursor: file-2", "type": "invalid_request_error"}}, 404
    )
    gateway = Gateway(file_page(["file-1", "file-2"], has_more=True), missing)
    portkey = client(flavor, gateway, api_key=API_KEY)
    seen: list[Any] = []

    with pytest.raises(NotFoundError, match="No such cursor: file-2"):
        await take(portkey.files.list_all(), into=seen)

    assert [f.id for f in seen] == ["file-1", "file-2"]
