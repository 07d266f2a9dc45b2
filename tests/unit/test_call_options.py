"""Options given to one call reach that request, and only that one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from portkey_generated.gateway_config import GatewayConfig
from portkey_typed import InternalServerError

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway, json_reply, sent_json

CALL_CONFIG: GatewayConfig = {"retry": {"attempts": 1}, "cache": {"mode": "simple"}}


def timeouts(extensions: dict[str, Any]) -> dict[str, float | None]:
    return dict(extensions["timeout"])


async def test_every_call_option_reaches_the_request_and_none_leaks(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(
        provider="openai", metadata={"team": "search", "env": "prod"}, trace_id="client-trace"
    )
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    before = gateway.last

    await resolve(
        client.chat.completions.create(
            model="m",
            messages=MESSAGES,
            trace_id="call-trace",
            metadata={"purpose": "eval"},  # chat's own body field, not the Portkey option
            config=CALL_CONFIG,
            cache_force_refresh=True,
            cache_namespace="ns-1",
            extra_headers={"X-Extra": "yes"},
            extra_query={"api-version": "2024-10-01"},
            extra_body={"seed": 7},
            timeout=3.5,
        )
    )
    during = gateway.last
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    after = gateway.last

    assert during.headers["x-portkey-trace-id"] == "call-trace"
    assert json.loads(during.headers["x-portkey-metadata"]) == {"team": "search", "env": "prod"}
    assert during.headers["x-portkey-config"] == '{"retry":{"attempts":1},"cache":{"mode":"simple"}}'
    assert during.headers["x-portkey-cache-force-refresh"] == "true"
    assert during.headers["x-portkey-cache-namespace"] == "ns-1"
    assert during.headers["x-extra"] == "yes"
    assert during.url.params["api-version"] == "2024-10-01"
    assert sent_json(during) == {
        "model": "m",
        "messages": MESSAGES,
        "metadata": {"purpose": "eval"},
        "seed": 7,
    }
    assert timeouts(during.extensions) == {"connect": 3.5, "read": 3.5, "write": 3.5, "pool": 3.5}

    assert after.headers == before.headers
    assert after.url == before.url
    assert after.content == before.content
    assert timeouts(after.extensions) == timeouts(before.extensions)
    assert after.headers["x-portkey-trace-id"] == "client-trace"
    assert json.loads(after.headers["x-portkey-metadata"]) == {"team": "search", "env": "prod"}
    assert "x-portkey-config" not in after.headers
    assert "x-extra" not in after.headers


async def test_with_options_gives_the_options_a_body_field_takes_the_name_of(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(provider="openai", metadata={"team": "search", "env": "prod"})

    scoped = client.with_options(metadata={"env": "test", "user": "ana"}, trace_id="call-trace")
    await resolve(scoped.chat.completions.create(model="m", messages=MESSAGES, metadata={"purpose": "eval"}))

    sent = gateway.last
    assert json.loads(sent.headers["x-portkey-metadata"]) == {"team": "search", "env": "test", "user": "ana"}
    assert sent.headers["x-portkey-trace-id"] == "call-trace"
    assert sent_json(sent)["metadata"] == {"purpose": "eval"}


async def test_a_call_config_slug_replaces_the_client_config(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(config={"retry": {"attempts": 2}})

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES, config="pc-other"))
    assert gateway.last.headers["x-portkey-config"] == "pc-other"

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-config"] == '{"retry":{"attempts":2}}'


async def test_extra_headers_override_client_headers_for_one_call(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(provider="openai", authorization="sk-client")

    await resolve(
        client.chat.completions.create(
            model="m",
            messages=MESSAGES,
            extra_headers={"x-portkey-provider": "anthropic", "Authorization": "Bearer sk-call"},
        )
    )
    assert gateway.last.headers["x-portkey-provider"] == "anthropic"
    assert gateway.last.headers["authorization"] == "Bearer sk-call"

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-provider"] == "openai"
    assert gateway.last.headers["authorization"] == "Bearer sk-client"


async def test_extra_query_is_added_to_the_operation_query(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client()
    gateway.script(json_reply({"object": "list", "data": []}))

    await resolve(client.files.list(purpose="batch", limit=5, extra_query={"after": "file-9"}))

    assert dict(gateway.last.url.params) == {"purpose": "batch", "limit": "5", "after": "file-9"}


@pytest.mark.parametrize("call_retries", [0, 1])
async def test_max_retries_of_one_call(
    call_retries: int, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    failure = {"error": {"message": "upstream down"}}
    client = make_client()
    gateway.script(*[json_reply(failure, 500) for _ in range(call_retries + 1)])

    with pytest.raises(InternalServerError):
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES, max_retries=call_retries))
    assert len(gateway.requests) == call_retries + 1

    gateway.requests.clear()
    gateway.script(json_reply(failure, 500), json_reply(failure, 500))
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert len(gateway.requests) == 3
