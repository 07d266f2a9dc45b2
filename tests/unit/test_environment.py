"""What the client reads from the environment, and how it picks the gateway's base URL."""

from __future__ import annotations

import json

import pytest

from portkey_typed import HOSTED_BASE_URL, LOCAL_BASE_URL, PortkeyValidationError

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway


async def send(make_client: ClientFactory, gateway: MockGateway, **options: object) -> None:
    client = make_client(**options)
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))


@pytest.mark.parametrize(
    ("variable", "header"),
    [
        ("PORTKEY_API_KEY", "x-portkey-api-key"),
        ("PORTKEY_VIRTUAL_KEY", "x-portkey-virtual-key"),
        ("PORTKEY_PROVIDER", "x-portkey-provider"),
        ("PORTKEY_CONFIG", "x-portkey-config"),
    ],
)
async def test_a_variable_becomes_its_header(
    variable: str,
    header: str,
    monkeypatch: pytest.MonkeyPatch,
    make_client: ClientFactory,
    gateway: MockGateway,
) -> None:
    monkeypatch.setenv(variable, "from-env")

    await send(make_client, gateway, base_url="https://gateway.test/v1")

    assert gateway.last.headers[header] == "from-env"


@pytest.mark.parametrize(
    ("variable", "option"),
    [
        ("PORTKEY_API_KEY", "api_key"),
        ("PORTKEY_VIRTUAL_KEY", "virtual_key"),
        ("PORTKEY_PROVIDER", "provider"),
        ("PORTKEY_CONFIG", "config"),
    ],
)
async def test_an_explicit_option_wins_over_its_variable(
    variable: str,
    option: str,
    monkeypatch: pytest.MonkeyPatch,
    make_client: ClientFactory,
    gateway: MockGateway,
) -> None:
    monkeypatch.setenv(variable, "from-env")

    await send(make_client, gateway, base_url="https://gateway.test/v1", **{option: "explicit"})

    assert gateway.last.headers["x-portkey-" + option.replace("_", "-")] == "explicit"


async def test_an_empty_variable_is_ignored(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    monkeypatch.setenv("PORTKEY_PROVIDER", "")
    monkeypatch.setenv("PORTKEY_BASE_URL", "")

    await send(make_client, gateway)

    assert "x-portkey-provider" not in gateway.last.headers
    assert str(gateway.last.url) == LOCAL_BASE_URL + "/chat/completions"


async def test_a_json_config_variable_is_checked_and_sent_compact(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    config = {
        "strategy": {"mode": "fallback"},
        "targets": [{"provider": "openai"}, {"provider": "anthropic"}],
    }
    monkeypatch.setenv("PORTKEY_CONFIG", json.dumps(config, indent=2))

    await send(make_client, gateway)

    assert gateway.last.headers["x-portkey-config"] == json.dumps(config, separators=(",", ":"))


def test_a_config_variable_that_fails_the_schema_is_refused(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory
) -> None:
    monkeypatch.setenv(
        "PORTKEY_CONFIG", '{"strategy": {"mode": "roundrobin"}, "targets": [{"provider": "openai"}]}'
    )

    with pytest.raises(PortkeyValidationError, match=r"^config\.strategy\.mode: "):
        make_client()


async def test_an_explicit_base_url_wins_over_everything(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    monkeypatch.setenv("PORTKEY_BASE_URL", "https://from-env.test/v1")
    monkeypatch.setenv("PORTKEY_API_KEY", "pk-x")

    await send(make_client, gateway, base_url="https://explicit.test/v1/")

    assert str(gateway.last.url) == "https://explicit.test/v1/chat/completions"


async def test_the_base_url_variable_comes_next(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    monkeypatch.setenv("PORTKEY_BASE_URL", "https://from-env.test/v1")
    monkeypatch.setenv("PORTKEY_API_KEY", "pk-x")

    await send(make_client, gateway)

    assert str(gateway.last.url) == "https://from-env.test/v1/chat/completions"


@pytest.mark.parametrize("from_env", [True, False])
async def test_a_portkey_key_means_the_hosted_gateway(
    from_env: bool, monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    if from_env:
        monkeypatch.setenv("PORTKEY_API_KEY", "pk-x")
        await send(make_client, gateway)
    else:
        await send(make_client, gateway, api_key="pk-x")

    assert HOSTED_BASE_URL == "https://api.portkey.ai/v1"
    assert str(gateway.last.url) == HOSTED_BASE_URL + "/chat/completions"


async def test_without_a_portkey_key_the_gateway_on_this_machine(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    await send(make_client, gateway, provider="openai", authorization="sk-x")

    assert LOCAL_BASE_URL == "http://localhost:8787/v1"
    assert str(gateway.last.url) == LOCAL_BASE_URL + "/chat/completions"
    assert "x-portkey-api-key" not in gateway.last.headers


async def test_a_virtual_key_alone_does_not_choose_the_hosted_gateway(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    monkeypatch.setenv("PORTKEY_VIRTUAL_KEY", "vk-x")

    await send(make_client, gateway)

    assert str(gateway.last.url) == LOCAL_BASE_URL + "/chat/completions"
