"""Through the real gateway: the client's retries never multiply the gateway's, and its connection pool
keeps connections alive at high concurrency."""

import asyncio
import json

import pytest

from portkey_generated.gateway_config import GatewayConfig
from portkey_typed import AsyncPortkey, InternalServerError, Portkey
from tests.harness import Gateway, Upstream
from tests.harness.counting_proxy import CountingProxy
from tests.integration.helpers import CHAT_MODEL, MESSAGES, key_for, strategy, target

CONCURRENCY = 100
REQUESTS = 300
MOST_CONNECTIONS = 2 * CONCURRENCY
"""One connection per request in flight, and as many again for connections the gateway closes when they
sit idle past its keep-alive timeout on a loaded machine (a request that meets such a close is retried).
httpx's default pool keeps 20 and opens a new connection for most of the 300 requests."""


def failing_upstream(upstream: Upstream, **headers: str) -> None:
    upstream.plan(route="chat/completions", status=500, times=None, headers=headers)


def test_a_gateway_retry_is_not_multiplied_by_the_client(gateway: Gateway, upstream: Upstream) -> None:
    failing_upstream(upstream)
    config: GatewayConfig = {
        "provider": "openai",
        "api_key": key_for("/a"),
        "custom_host": upstream.url("/a"),
        "retry": {"attempts": 2},
    }

    with (
        Portkey(base_url=gateway.base_url, config=config, max_retries=2) as client,
        pytest.raises(InternalServerError) as caught,
    ):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)

    assert caught.value.response.headers["x-portkey-retry-attempt-count"] == "-1"
    assert len(upstream.requests_to(route="chat/completions")) == 3


def test_a_gateway_fallback_is_not_multiplied_by_the_client(gateway: Gateway, upstream: Upstream) -> None:
    failing_upstream(upstream)
    config = strategy("fallback", target(upstream, "/a"), target(upstream, "/b"))

    with (
        Portkey(base_url=gateway.base_url, config=config, max_retries=2) as client,
        pytest.raises(InternalServerError),
    ):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)

    assert [r.prefix for r in upstream.requests_to(route="chat/completions")] == ["/a", "/b"]


def test_an_answer_the_gateway_did_not_retry_is_retried_by_the_client(
    gateway: Gateway, upstream: Upstream
) -> None:
    failing_upstream(upstream, **{"retry-after-ms": "0"})

    with (
        Portkey(
            base_url=gateway.base_url,
            provider="openai",
            custom_host=upstream.url("/a"),
            authorization="sk-test",
            max_retries=2,
        ) as client,
        pytest.raises(InternalServerError) as caught,
    ):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)

    assert caught.value.response.headers["x-portkey-retry-attempt-count"] == "0"
    assert len(upstream.requests_to(route="chat/completions")) == 3


async def test_connections_are_reused_at_concurrency_100(gateway: Gateway, upstream: Upstream) -> None:
    port = int(gateway.base_url.split(":")[-1].split("/")[0])
    with CountingProxy(port) as proxy:
        client = AsyncPortkey(
            base_url=proxy.url("/v1"),
            provider="openai",
            custom_host=upstream.url("/a"),
            authorization="sk-test",
        )
        async with client:

            async def worker() -> int:
                done = 0
                for _ in range(REQUESTS // CONCURRENCY):
                    chat = await client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
                    done += len(chat.choices)
                return done

            answered = await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))

        opened = proxy.accepted

    print(json.dumps({"requests": REQUESTS, "concurrency": CONCURRENCY, "connections_opened": opened}))
    assert sum(answered) == REQUESTS
    assert opened <= MOST_CONNECTIONS
