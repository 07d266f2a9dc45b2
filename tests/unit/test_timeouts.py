"""Timeouts: a default on every endpoint, one per call, and never shorter than the gateway's own."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest

from portkey_generated.resources import AsyncResources, SyncResources
from portkey_typed import APIError, Portkey
from portkey_typed._base_client import DEFAULT_TIMEOUT

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway
from .test_sync_async_parity import is_pager, methods, tree

DEFAULT = {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}


def sent_timeout(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions["timeout"])


def dummy_arguments(function: Any) -> tuple[list[str], dict[str, str]]:
    """A value for every parameter a method requires."""
    args: list[str] = []
    kwargs: dict[str, str] = {}
    for name, parameter in list(inspect.signature(function).parameters.items())[1:]:
        if parameter.default is not inspect.Parameter.empty or parameter.kind is parameter.VAR_KEYWORD:
            continue
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[name] = "x"
        else:
            args.append("x")
    return args, kwargs


async def first_item(pages: Any) -> None:
    """Start a `list_all` walk: its first page is fetched when the first item is asked for."""
    if hasattr(pages, "__anext__"):
        await anext(pages, None)
    else:
        next(pages, None)


def test_the_default_timeout() -> None:
    assert dict(DEFAULT_TIMEOUT.as_dict()) == DEFAULT


async def test_the_default_timeout_applies_to_every_endpoint(
    make_client: ClientFactory, gateway: MockGateway, flavor: str
) -> None:
    client = make_client(api_key="pk-x", base_url="https://gateway.test/v1", max_retries=0)
    root = SyncResources if flavor == "sync" else AsyncResources
    called = 0

    for path, resource in tree(client, root).items():
        if path.endswith(".with_raw_response"):
            continue
        for name, function in methods(type(resource)).items():
            args, kwargs = dummy_arguments(function)
            before = len(gateway.requests)
            try:
                result = await resolve(getattr(resource, name)(*args, **kwargs))
                if is_pager(function):
                    await first_item(result)
            except APIError:
                result = None
            if hasattr(result, "close"):
                await resolve(result.close())
            assert len(gateway.requests) == before + 1, f"{path}.{name}"
            assert sent_timeout(gateway.last) == DEFAULT, f"{path}.{name}"
            called += 1

    paths = {request.url.path for request in gateway.requests}
    assert called >= 200
    assert {"/v1/chat/completions", "/v1/configs", "/v1/api-keys", "/v1/feedback"} <= paths


async def test_a_client_timeout_in_seconds_covers_every_phase(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(timeout=12.5)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_timeout(gateway.last) == {"connect": 12.5, "read": 12.5, "write": 12.5, "pool": 12.5}


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (2, {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}),
        (httpx.Timeout(30.0, connect=1.0), {"connect": 1.0, "read": 30.0, "write": 30.0, "pool": 30.0}),
        (None, {"connect": None, "read": None, "write": None, "pool": None}),
    ],
)
async def test_a_call_timeout_applies_to_that_call_only(
    timeout: Any, expected: dict[str, float | None], make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client()

    await resolve(client.configs.list(timeout=timeout))
    assert sent_timeout(gateway.last) == expected

    await resolve(client.configs.list())
    assert sent_timeout(gateway.last) == DEFAULT


@pytest.mark.parametrize(
    "options",
    [
        {"request_timeout": 5000},
        {"config": {"request_timeout": 5000}},
        {"config": '{"request_timeout": 5000}'},
        {
            "config": {
                "strategy": {"mode": "fallback"},
                "targets": [{"provider": "a"}, {"provider": "b", "request_timeout": 5000}],
            }
        },
    ],
    ids=["header", "config", "config-json-text", "nested-target"],
)
async def test_the_read_timeout_is_never_shorter_than_the_gateways(
    options: dict[str, Any], make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(timeout=2.0, **options)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert sent_timeout(gateway.last)["read"] == 6.0
    assert sent_timeout(gateway.last)["connect"] == 2.0

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES, timeout=1.0))
    assert sent_timeout(gateway.last)["read"] == 6.0


async def test_a_longer_read_timeout_is_kept(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = make_client(timeout=100.0, request_timeout=5000)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_timeout(gateway.last)["read"] == 100.0


async def test_no_timeout_stays_no_timeout(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = make_client(timeout=None, request_timeout=5000)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_timeout(gateway.last)["read"] is None


async def test_a_call_config_with_request_timeout_raises_the_read_timeout(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(timeout=2.0)

    await resolve(
        client.chat.completions.create(model="m", messages=MESSAGES, config={"request_timeout": 9000})
    )
    assert sent_timeout(gateway.last)["read"] == 10.0

    await resolve(
        client.chat.completions.create(model="m", messages=MESSAGES, config='{"request_timeout": 7000}')
    )
    assert sent_timeout(gateway.last)["read"] == 8.0

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert sent_timeout(gateway.last)["read"] == 2.0


def test_a_client_made_pool_uses_the_client_timeout() -> None:
    client = Portkey(timeout=7.0)

    assert client._http.timeout == httpx.Timeout(7.0)
    client.close()
