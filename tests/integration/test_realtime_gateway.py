"""client.realtime.connect through the real gateway's `/v1/realtime` route, as far as it goes offline.

The gateway dials the provider's own realtime host (api.openai.com for openai; `custom_host` does not
apply there), so no local upstream can answer; tests/unit/test_realtime_connect.py checks the connection
against a WebSocket server of the tests' own. Here: the handshake reaches the route and a provider that
has no realtime API comes back as a typed status error, not a hang or a raw WebSocket exception."""

from __future__ import annotations

import pytest

from portkey_typed import AsyncPortkey, InternalServerError, Portkey
from tests.harness import Gateway, Upstream


def test_a_provider_without_realtime_is_a_typed_error(gateway: Gateway, upstream: Upstream) -> None:
    client = Portkey(base_url=gateway.base_url, provider="ollama", custom_host=upstream.url("/a"))
    with pytest.raises(InternalServerError) as caught:
        client.realtime.connect(model="llama3", websocket_connection_options={"open_timeout": 10}).enter()
    assert caught.value.status_code == 500


async def test_the_async_client_gets_the_same_error(gateway: Gateway, upstream: Upstream) -> None:
    client = AsyncPortkey(base_url=gateway.base_url, provider="ollama", custom_host=upstream.url("/a"))
    with pytest.raises(InternalServerError):
        await client.realtime.connect(
            model="llama3", websocket_connection_options={"open_timeout": 10}
        ).enter()
