"""Fixtures of the unit suite: a scripted gateway behind `httpx.MockTransport`, both client flavours,
a clean environment and recorded (never slept) retry waits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import portkey_typed._client as client_module
from portkey_typed import AsyncPortkey, Portkey

from .mock_gateway import MockGateway

PORTKEY_VARIABLES = (
    "PORTKEY_API_KEY",
    "PORTKEY_BASE_URL",
    "PORTKEY_VIRTUAL_KEY",
    "PORTKEY_CONFIG",
    "PORTKEY_PROVIDER",
)

AnyClient = Portkey | AsyncPortkey
ClientFactory = Callable[..., AnyClient]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PORTKEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds each retry would have slept, in order; nothing really sleeps."""
    recorded: list[float] = []

    async def async_sleep(delay: float) -> None:
        recorded.append(delay)

    monkeypatch.setattr(client_module, "_sleep", recorded.append)
    monkeypatch.setattr(client_module, "_async_sleep", async_sleep)
    return recorded


@pytest.fixture
def gateway() -> MockGateway:
    return MockGateway()


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_client(flavor: str, gateway: MockGateway) -> ClientFactory:
    """Builds a `Portkey` or an `AsyncPortkey` (by `flavor`) whose requests reach `gateway`."""

    def build(**options: Any) -> AnyClient:
        if flavor == "sync":
            return Portkey(http_client=gateway.sync_http(), **options)
        return AsyncPortkey(http_client=gateway.async_http(), **options)

    return build
