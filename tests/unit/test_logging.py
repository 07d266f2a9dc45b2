"""DEBUG logging: one line per attempt and per retry, with every secret redacted."""

from __future__ import annotations

import logging

import httpx
import pytest

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import CHAT_COMPLETION, MESSAGES, MockGateway, json_reply

SECRETS = (
    "sk-auth-1",
    "pk-portkey-2",
    "vk-virtual-3",
    "aws-secret-4",
    "sk-config-5",
    "sk-call-6",
    "tok-7",
    "key-8",
)


async def test_each_attempt_is_logged_with_secrets_redacted(
    make_client: ClientFactory, gateway: MockGateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="portkey_typed")
    gateway.script(json_reply({"message": "busy"}, 503), json_reply(CHAT_COMPLETION))
    client = make_client(
        base_url="https://gateway.test/v1",
        provider="openai",
        authorization="sk-auth-1",
        api_key="pk-portkey-2",
        virtual_key="vk-virtual-3",
        aws_secret_access_key="aws-secret-4",
        config={
            "strategy": {"mode": "fallback"},
            "targets": [{"provider": "openai", "api_key": "sk-config-5"}],
        },
        default_headers={"x-api-key": "key-8"},
    )

    await resolve(
        client.chat.completions.create(
            model="m",
            messages=MESSAGES,
            config={
                "targets": [{"provider": "openai", "api_key": "sk-call-6"}],
                "strategy": {"mode": "single"},
            },
            extra_headers={"X-Session-Token": "tok-7"},
        )
    )

    records = [r for r in caplog.records if r.name == "portkey_typed"]
    messages = [r.getMessage() for r in records]
    assert all(r.levelno == logging.DEBUG for r in records)
    assert [m.split(" headers=")[0] for m in messages if " attempt " in m] == [
        "POST https://gateway.test/v1/chat/completions attempt 1 of 3",
        "POST https://gateway.test/v1/chat/completions attempt 2 of 3",
    ]
    assert any(m.startswith("retrying after HTTP 503 in ") for m in messages)
    assert "'x-portkey-provider': 'openai'" in messages[0]
    assert "'authorization': '***'" in messages[0]
    for secret in SECRETS:
        assert secret not in caplog.text


async def test_a_transport_failure_is_logged_by_its_type(
    make_client: ClientFactory, gateway: MockGateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="portkey_typed")
    gateway.script(httpx.ConnectError("refused"), json_reply(CHAT_COMPLETION))

    await resolve(make_client().chat.completions.create(model="m", messages=MESSAGES))

    assert any(r.getMessage().startswith("retrying after ConnectError in ") for r in caplog.records)


async def test_nothing_is_logged_above_debug(
    make_client: ClientFactory, gateway: MockGateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="portkey_typed")
    gateway.script(json_reply({"message": "busy"}, 503), json_reply(CHAT_COMPLETION))

    await resolve(make_client(authorization="sk-x").chat.completions.create(model="m", messages=MESSAGES))

    assert [r for r in caplog.records if r.name == "portkey_typed"] == []
