"""Credentials given for one call (an Authorization in extra_headers, a key in a per-call config) draw the
same InsecureTransportWarning as the client's own, at the caller's line, and only over plain http to
another machine."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from portkey_typed import InsecureTransportWarning

from . import flavors
from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import MESSAGES, MockGateway, chunk_event, sse_reply

REMOTE = "http://gateway.example.com/v1"
SECRET_CALL_OPTIONS: dict[str, dict[str, Any]] = {
    "authorization header": {"extra_headers": {"Authorization": "Bearer sk-per-call"}},
    "api key header": {"extra_headers": {"x-portkey-api-key": "pk-per-call"}},
    "key in a config": {"config": {"provider": "openai", "api_key": "sk-per-call"}},
    "key in a config given as JSON": {"config": '{"provider": "openai", "api_key": "sk-per-call"}'},
}


CALLERS = (__file__, flavors.__file__)
"""Where the call is made (sync) or awaited (async: in `resolve`): the warning points there."""


def insecure(caught: list[warnings.WarningMessage]) -> list[warnings.WarningMessage]:
    return [w for w in caught if issubclass(w.category, InsecureTransportWarning)]


@pytest.mark.parametrize("options", SECRET_CALL_OPTIONS.values(), ids=SECRET_CALL_OPTIONS.keys())
async def test_a_per_call_secret_over_plain_http_to_another_host_warns(
    options: dict[str, Any], make_client: ClientFactory
) -> None:
    client = make_client(base_url=REMOTE, provider="openai")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES, **options))

    [warning] = insecure(caught)
    assert "gateway.example.com" in str(warning.message)
    assert "per-call" not in str(warning.message)
    assert warning.filename in CALLERS


async def test_a_streamed_call_warns_at_the_callers_line(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, _ = sse_reply(chunk_event("Hi"), "data: [DONE]\n\n")
    gateway.script(response)
    client = make_client(base_url=REMOTE, provider="openai")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stream = await resolve(
            client.chat.completions.create(
                model="m", messages=MESSAGES, stream=True, extra_headers={"Authorization": "Bearer sk-x"}
            )
        )
        await collect(stream)

    [warning] = insecure(caught)
    assert warning.filename in CALLERS


@pytest.mark.parametrize("base_url", ["https://gateway.example.com/v1", "http://127.0.0.1:8787/v1"])
async def test_https_or_loopback_draws_no_warning(base_url: str, make_client: ClientFactory) -> None:
    client = make_client(base_url=base_url, provider="openai")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for options in SECRET_CALL_OPTIONS.values():
            await resolve(client.chat.completions.create(model="m", messages=MESSAGES, **options))
    assert not insecure(caught)


async def test_per_call_options_without_secrets_draw_no_warning(make_client: ClientFactory) -> None:
    client = make_client(base_url=REMOTE, provider="openai")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await resolve(
            client.chat.completions.create(
                model="m",
                messages=MESSAGES,
                extra_headers={"x-team": "search"},
                config={"provider": "openai", "retry": {"attempts": 2}},
                trace_id="t-1",
            )
        )
    assert not insecure(caught)
