"""Fixtures of the fault tests: the misbehaving server, both client flavours, and recorded retry waits."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import portkey_typed._client as client_module
from portkey_typed import AsyncPortkey, Portkey

from .fault_server import FaultServer, running_server

SETTLE_SECONDS = 3.0
AnyClient = Portkey | AsyncPortkey


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def async_sleep(delay: float) -> None:
        recorded.append(delay)

    monkeypatch.setattr(client_module, "_sleep", recorded.append)
    monkeypatch.setattr(client_module, "_async_sleep", async_sleep)
    return recorded


@pytest.fixture
def threads_before() -> set[threading.Thread]:
    return set(threading.enumerate())


@pytest.fixture
def server(threads_before: set[threading.Thread]) -> Iterator[FaultServer]:
    with running_server() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_client(flavor: str, server: FaultServer) -> Callable[..., AnyClient]:
    """A client of `flavor` that owns its connection pool and talks to the fault server."""

    def build(**options: Any) -> AnyClient:
        options = {"base_url": server.url, "provider": "openai", **options}
        return Portkey(**options) if flavor == "sync" else AsyncPortkey(**options)

    return build


async def assert_clean(server: FaultServer | None, threads_before: set[threading.Thread]) -> None:
    """No connection left open on the server, no thread left running, no task left pending."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        open_connections = server.open_connections if server is not None else 0
        extra = {
            t
            for t in threading.enumerate()
            if t not in threads_before and t.is_alive() and t.name != "fault-server"
        }
        if (open_connections == 0 and not extra) or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    assert open_connections == 0
    assert extra == set()
    assert asyncio.all_tasks() == {asyncio.current_task()}
