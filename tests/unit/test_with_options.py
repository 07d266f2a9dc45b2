"""`with_options`: a changed copy of a client that shares its connection pool."""

from __future__ import annotations

import json

import pytest

from portkey_typed import AsyncPortkey, InternalServerError, LLMOptions, Portkey

from .conftest import ClientFactory
from .flavors import close, resolve
from .mock_gateway import MESSAGES, MockGateway, json_reply


async def test_a_copy_is_a_new_client_on_the_same_pool(make_client: ClientFactory) -> None:
    client = make_client(provider="openai")

    copy = client.with_options(trace_id="t-1")

    assert copy is not client
    assert type(copy) is type(client)
    assert copy._http is client._http


async def test_the_copy_changes_and_the_original_does_not(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(provider="openai", trace_id="t-0")
    copy = client.with_options(provider="anthropic", trace_id="t-1")

    await resolve(copy.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-provider"] == "anthropic"
    assert gateway.last.headers["x-portkey-trace-id"] == "t-1"

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-provider"] == "openai"
    assert gateway.last.headers["x-portkey-trace-id"] == "t-0"


async def test_false_zero_and_empty_values_override(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    client = make_client(cache_force_refresh=True, request_timeout=5000, authorization="sk-x", max_retries=2)
    copy = client.with_options(cache_force_refresh=False, request_timeout=0, authorization="", max_retries=0)
    gateway.script(json_reply({"message": "down"}, 503))

    with pytest.raises(InternalServerError):
        await resolve(copy.chat.completions.create(model="m", messages=MESSAGES))

    assert len(gateway.requests) == 1
    assert gateway.last.headers["x-portkey-cache-force-refresh"] == "false"
    assert gateway.last.headers["x-portkey-request-timeout"] == "0"
    assert "authorization" not in gateway.last.headers


async def test_none_removes_an_option(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = make_client(provider="openai", trace_id="t-0")
    copy = client.with_options(trace_id=None)  # type: ignore[arg-type]  # ClientChanges does not admit None yet

    await resolve(copy.chat.completions.create(model="m", messages=MESSAGES))

    assert "x-portkey-trace-id" not in gateway.last.headers
    assert gateway.last.headers["x-portkey-provider"] == "openai"


async def test_metadata_is_merged_key_by_key(make_client: ClientFactory, gateway: MockGateway) -> None:
    copy = make_client(metadata={"team": "search", "env": "prod"}).with_options(metadata={"env": "test"})

    await resolve(copy.chat.completions.create(model="m", messages=MESSAGES))

    assert json.loads(gateway.last.headers["x-portkey-metadata"]) == {"team": "search", "env": "test"}


def test_an_unknown_keyword_is_a_type_error(make_client: ClientFactory) -> None:
    with pytest.raises(TypeError, match="tarce_id"):
        make_client().with_options(tarce_id="t")  # type: ignore[call-arg]


def test_the_http_client_cannot_be_changed(make_client: ClientFactory, gateway: MockGateway) -> None:
    with pytest.raises(TypeError, match="http_client"):
        make_client().with_options(http_client=gateway.sync_http())  # type: ignore[call-arg]


async def test_closing_a_copy_leaves_the_shared_pool_open(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client()
    await close(client.with_options(trace_id="t"))

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert not client._http.is_closed


@pytest.mark.parametrize("client_class", [Portkey, AsyncPortkey])
async def test_closing_the_original_closes_the_pool_it_made(
    client_class: type[Portkey] | type[AsyncPortkey],
) -> None:
    client = client_class()
    copy = client.with_options(trace_id="t")

    await close(client)

    assert client._http.is_closed
    assert copy._http.is_closed


async def test_a_legacy_client_copy_keeps_its_config(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(
        mode="fallback", llms=[LLMOptions(provider="openai"), LLMOptions(provider="anthropic")]
    )

    await resolve(client.with_options(trace_id="t-1").chat.completions.create(model="m", messages=MESSAGES))

    assert json.loads(gateway.last.headers["x-portkey-config"])["strategy"] == {"mode": "fallback"}
    assert gateway.last.headers["x-portkey-trace-id"] == "t-1"


async def test_changing_the_legacy_mode_rebuilds_the_config(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(
        mode="fallback", llms=[LLMOptions(provider="openai"), LLMOptions(provider="anthropic")]
    )

    await resolve(
        client.with_options(mode="loadbalance").chat.completions.create(model="m", messages=MESSAGES)
    )

    config = json.loads(gateway.last.headers["x-portkey-config"])
    assert config["strategy"] == {"mode": "loadbalance"}
    assert [t["provider"] for t in config["targets"]] == ["openai", "anthropic"]


async def test_removing_an_option_does_not_read_the_environment_again(
    make_client: ClientFactory, gateway: MockGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client(provider="openai")
    monkeypatch.setenv("PORTKEY_PROVIDER", "anthropic")

    copy = client.with_options(provider=None)  # type: ignore[arg-type]

    await resolve(copy.chat.completions.create(model="m", messages=MESSAGES))
    assert "x-portkey-provider" not in gateway.last.headers


async def test_a_copy_keeps_the_base_url_its_client_read_from_the_environment(
    make_client: ClientFactory, gateway: MockGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTKEY_BASE_URL", "http://127.0.0.1:1111/v1")
    client = make_client(provider="openai")
    monkeypatch.setenv("PORTKEY_BASE_URL", "http://127.0.0.1:2222/v1")

    await resolve(client.with_options(trace_id="t").chat.completions.create(model="m", messages=MESSAGES))

    assert gateway.last.url.port == 1111
