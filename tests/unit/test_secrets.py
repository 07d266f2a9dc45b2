"""Keys never show: not in `repr`, not in error messages, and a warning when one would cross plain http."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from portkey_generated.gateway_config import GatewayConfig
from portkey_generated.header_options import HEADER_OPTIONS
from portkey_typed import AsyncPortkey, AuthenticationError, InsecureTransportWarning, LLMOptions, Portkey

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway, json_reply

SECRET_OPTIONS = sorted(name for name, option in HEADER_OPTIONS.items() if option.secret)


def secret_value(name: str) -> Any:
    if HEADER_OPTIONS[name].encoding == "json":
        return {"private_key": f"secret-of-{name}"}
    return f"secret-of-{name}"


def every_secret() -> dict[str, Any]:
    return {name: secret_value(name) for name in SECRET_OPTIONS}


def test_the_credential_options_are_marked_secret() -> None:
    for name in ("api_key", "virtual_key", "aws_secret_access_key", "aws_session_token", "azure_ad_token"):
        assert name in SECRET_OPTIONS


def test_repr_of_a_client_hides_every_secret_option_and_the_authorization(make_client: ClientFactory) -> None:
    client = make_client(
        base_url="https://gateway.test/v1", authorization="sk-auth", provider="openai", **every_secret()
    )

    text = repr(client)

    assert "secret-of-" not in text
    assert "sk-auth" not in text
    assert "provider='openai'" in text
    for name in [*SECRET_OPTIONS, "authorization"]:
        assert f"{name}='***'" in text


def test_repr_of_a_client_hides_keys_inside_its_config(make_client: ClientFactory) -> None:
    config: GatewayConfig = {
        "strategy": {"mode": "fallback"},
        "targets": [
            {"provider": "openai", "api_key": "sk-in-config"},
            {"provider": "bedrock", "aws_secret_access_key": "aws-in-config", "virtual_key": "vk-in-config"},
        ],
    }
    text = repr(make_client(config=config))

    for secret in ("sk-in-config", "aws-in-config", "vk-in-config"):
        assert secret not in text
    assert "'provider': 'bedrock'" in text


def test_repr_of_a_legacy_client_hides_the_keys_of_its_llms(make_client: ClientFactory) -> None:
    llms = [LLMOptions(provider="openai", api_key="sk-legacy"), LLMOptions(virtual_key="vk-legacy")]

    text = repr(make_client(mode="fallback", llms=llms))

    assert "sk-legacy" not in text
    assert "vk-legacy" not in text


def test_repr_of_llm_options_hides_its_keys() -> None:
    text = repr(LLMOptions(provider="openai", api_key="sk-legacy", virtual_key="vk-legacy", model="gpt-4o"))

    assert "sk-legacy" not in text
    assert "vk-legacy" not in text
    assert "gpt-4o" in text


@pytest.mark.parametrize("name", SECRET_OPTIONS)
async def test_a_secret_over_plain_http_to_another_host_warns_once(
    name: str, gateway: MockGateway, flavor: str
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if flavor == "sync":
            client: Portkey | AsyncPortkey = Portkey(
                base_url="http://gateway.example.com/v1",
                http_client=gateway.sync_http(),
                **{name: secret_value(name)},
            )
        else:
            client = AsyncPortkey(
                base_url="http://gateway.example.com/v1",
                http_client=gateway.async_http(),
                **{name: secret_value(name)},
            )
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    insecure = [w for w in caught if issubclass(w.category, InsecureTransportWarning)]
    assert len(insecure) == 1
    assert "gateway.example.com" in str(insecure[0].message)
    assert "secret-of-" not in str(insecure[0].message)
    assert insecure[0].filename == __file__


def test_an_authorization_over_plain_http_to_another_host_warns() -> None:
    with pytest.warns(InsecureTransportWarning):
        Portkey(base_url="http://10.1.2.3:8787/v1", authorization="sk-x")


@pytest.mark.parametrize(
    "base_url",
    [
        "https://gateway.example.com/v1",
        "http://127.0.0.1:8787/v1",
        "http://localhost:8787/v1",
        "http://[::1]:8787/v1",
        "http://127.8.9.10/v1",
    ],
)
def test_https_and_loopback_do_not_warn(base_url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Portkey(base_url=base_url, authorization="sk-x", api_key="pk-x")


def test_plain_http_without_a_secret_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Portkey(base_url="http://gateway.example.com/v1", provider="openai")


ECHOED = "sk-auth-123 pk-portkey-456 vk-virtual-789 sk-in-config-000 aws-secret-111"


@pytest.mark.parametrize(
    "body",
    [
        {"error": {"message": f"Incorrect API key provided: {ECHOED}", "type": "invalid_request_error"}},
        {"status": "failure", "message": f"bad keys {ECHOED}"},
        {"html-message": f"Message: fetch failed {ECHOED}"},
    ],
)
async def test_an_error_message_never_shows_a_secret_the_server_echoes(
    body: dict[str, Any], make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(json_reply(body, 401))
    client = make_client(
        authorization="sk-auth-123",
        api_key="pk-portkey-456",
        virtual_key="vk-virtual-789",
        aws_secret_access_key="aws-secret-111",
        config={
            "targets": [{"provider": "openai", "api_key": "sk-in-config-000"}],
            "strategy": {"mode": "fallback"},
        },
        base_url="https://gateway.test/v1",
        max_retries=0,
    )

    with pytest.raises(AuthenticationError) as caught:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    for secret in ECHOED.split():
        assert secret not in str(caught.value)
        assert secret not in caught.value.message
        assert secret not in repr(caught.value)
