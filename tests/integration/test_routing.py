"""How the gateway picks and calls the upstream: headers, configs, strategies, retries, timeouts."""

import asyncio
import json

import pytest

from portkey_typed import AsyncPortkey, InternalServerError, Portkey, RequestTimeoutError
from tests.harness import Gateway, Upstream
from tests.harness.chat_bodies import echo_of
from tests.integration.helpers import (
    CHAT_MODEL,
    MESSAGES,
    PROMPT,
    group,
    key_for,
    prefixes,
    single,
    strategy,
    target,
)

LOADBALANCE_CALLS = 300
LOADBALANCE_CONCURRENCY = 20
# 300 draws at p=0.7: the standard deviation is about 7.9 calls (2.6 points); 8 points is about 3 sigma.
LOADBALANCE_TOLERANCE = 0.08


def test_provider_by_header_and_custom_host(client: Portkey, upstream: Upstream) -> None:
    raw = client.chat.completions.with_raw_response.create(model=CHAT_MODEL, messages=MESSAGES)
    assert raw.status_code == 200
    assert raw.portkey.provider == "openai"
    assert raw.portkey.last_used_option_index == "config"
    assert raw.portkey.trace_id is None  # the gateway echoes an empty header when none was sent
    assert raw.parse().choices[0].message.content == echo_of(PROMPT)
    assert (upstream.last.prefix, upstream.last.headers["authorization"]) == ("/a", "Bearer sk-test")
    assert not any(name.startswith("x-portkey-") for name in upstream.last.headers)


def test_provider_by_config(gateway: Gateway, upstream: Upstream) -> None:
    with Portkey(base_url=gateway.base_url, config=single(upstream, "/b"), max_retries=0) as portkey:
        chat = portkey.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert chat.choices[0].message.content == echo_of(PROMPT)
    assert (upstream.last.prefix, upstream.last.headers["authorization"]) == ("/b", f"Bearer {key_for('/b')}")


def test_custom_host_header_overrides_the_config(client: Portkey, upstream: Upstream) -> None:
    """A gateway rule worth knowing: `custom_host` on the client beats every target's `custom_host`."""
    client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, config=single(upstream, "/c"))
    assert (upstream.last.prefix, upstream.last.headers["authorization"]) == ("/a", f"Bearer {key_for('/c')}")


def test_forward_headers_pass_only_the_named_header(client: Portkey, upstream: Upstream) -> None:
    forwarding = client.with_options(forward_headers=["x-custom-header"])
    forwarding.chat.completions.create(
        model=CHAT_MODEL,
        messages=MESSAGES,
        extra_headers={"x-custom-header": "kept", "x-other-header": "dropped"},
    )
    assert upstream.last.headers.get("x-custom-header") == "kept"
    assert "x-other-header" not in upstream.last.headers


def test_trace_id_is_echoed_and_readable(client: Portkey) -> None:
    raw = client.with_options(trace_id="trace-client").embeddings.with_raw_response.create(
        model="text-embedding-3-small", input=["a"]
    )
    assert raw.portkey.trace_id == "trace-client"
    per_call = client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, trace_id="trace-call"
    )
    assert per_call.headers["x-portkey-trace-id"] == "trace-call"
    assert per_call.portkey.trace_id == "trace-call"


def test_metadata_is_accepted(client: Portkey, upstream: Upstream) -> None:
    scoped = client.with_options(metadata={"_user": "user-1", "team": "search"})
    chat = scoped.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert chat.choices[0].message.content == echo_of(PROMPT)
    assert "x-portkey-metadata" not in upstream.last.headers


def test_fallback_moves_to_the_second_target(config_client: Portkey, upstream: Upstream) -> None:
    upstream.plan(prefix="/a", status=500)
    config = strategy("fallback", target(upstream, "/a"), target(upstream, "/b"))
    raw = config_client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config=config
    )
    assert raw.portkey.last_used_option_index == "config.targets[1]"
    assert raw.parse().choices[0].message.content == echo_of(PROMPT)
    assert prefixes(upstream) == ["/a", "/b"]
    assert upstream.last.headers["authorization"] == f"Bearer {key_for('/b')}"


def test_fallback_only_on_listed_status_codes(config_client: Portkey, upstream: Upstream) -> None:
    config = strategy("fallback", target(upstream, "/a"), target(upstream, "/b"), on_status_codes=[429])
    upstream.plan(prefix="/a", status=429)
    raw = config_client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config=config
    )
    assert raw.portkey.last_used_option_index == "config.targets[1]"
    upstream.reset()
    upstream.plan(prefix="/a", status=500)
    with pytest.raises(InternalServerError) as raised:
        config_client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, config=config)
    assert raised.value.status_code == 500
    assert prefixes(upstream) == ["/a"]


def test_nested_strategies(config_client: Portkey, upstream: Upstream) -> None:
    config = strategy(
        "fallback", group("fallback", target(upstream, "/a"), target(upstream, "/b")), target(upstream, "/c")
    )
    upstream.plan(prefix="/a", status=500)
    raw = config_client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config=config
    )
    assert raw.portkey.last_used_option_index == "config.targets[0].targets[1]"
    upstream.reset()
    upstream.plan(prefix="/a", status=500)
    upstream.plan(prefix="/b", status=503)
    raw = config_client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config=config
    )
    assert raw.portkey.last_used_option_index == "config.targets[1]"
    assert prefixes(upstream) == ["/a", "/b", "/c"]


async def test_loadbalance_follows_the_weights(async_config_client: AsyncPortkey, upstream: Upstream) -> None:
    config = strategy("loadbalance", target(upstream, "/a", weight=0.7), target(upstream, "/b", weight=0.3))
    weighted = async_config_client.with_options(config=config)
    gate = asyncio.Semaphore(LOADBALANCE_CONCURRENCY)

    async def one_call() -> None:
        async with gate:
            await weighted.embeddings.create(model="text-embedding-3-small", input="x")

    await asyncio.gather(*(one_call() for _ in range(LOADBALANCE_CALLS)))
    answered = prefixes(upstream)
    assert len(answered) == LOADBALANCE_CALLS
    share_a = answered.count("/a") / LOADBALANCE_CALLS
    assert abs(share_a - 0.7) <= LOADBALANCE_TOLERANCE, f"/a answered {share_a:.0%} of the calls"


def test_gateway_retry_count_is_readable(config_client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=503)
    config = single(upstream, "/a")
    config["retry"] = {"attempts": 2, "on_status_codes": [503]}
    raw = config_client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config=config
    )
    assert raw.status_code == 200
    assert raw.portkey.retry_attempt_count == 1
    assert len(upstream.requests) == 2


def test_request_timeout_is_a_408(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(delay_ms=1500)
    with pytest.raises(RequestTimeoutError) as raised:
        client.with_options(request_timeout=300).chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert raised.value.status_code == 408
    assert "timeout" in raised.value.message


def test_config_as_json_string(config_client: Portkey, upstream: Upstream) -> None:
    config_client.chat.completions.create(
        model=CHAT_MODEL, messages=MESSAGES, config=json.dumps(single(upstream, "/c"))
    )
    assert upstream.last.prefix == "/c"


def test_cache_status_header_is_read(client: Portkey) -> None:
    raw = client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=MESSAGES, config={"cache": {"mode": "simple", "max_age": 60}}
    )
    assert raw.portkey.cache_status == "DISABLED"
