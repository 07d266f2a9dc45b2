"""`config=` (a slug, a dict or JSON text) and the older `mode=` + `llms=` that turn into a config."""

from __future__ import annotations

import json
from typing import Any

import pytest

from portkey_typed import LLMOptions, PortkeyValidationError

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway

FALLBACK = {
    "strategy": {"mode": "fallback", "on_status_codes": [429, 503]},
    "targets": [{"provider": "openai", "override_params": {"model": "gpt-4o"}}, {"provider": "anthropic"}],
    "retry": {"attempts": 3},
}


async def sent_config(make_client: ClientFactory, gateway: MockGateway, **options: Any) -> str:
    client = make_client(**options)
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    return gateway.last.headers["x-portkey-config"]


async def test_a_slug_passes_through(make_client: ClientFactory, gateway: MockGateway) -> None:
    assert await sent_config(make_client, gateway, config="pc-fallback-1a2b") == "pc-fallback-1a2b"


async def test_a_dict_is_sent_as_compact_json(make_client: ClientFactory, gateway: MockGateway) -> None:
    header = await sent_config(make_client, gateway, config=FALLBACK)

    assert header == json.dumps(FALLBACK, separators=(",", ":"))


async def test_json_text_is_checked_and_sent_compact(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    header = await sent_config(make_client, gateway, config=json.dumps(FALLBACK, indent=4))

    assert header == json.dumps(FALLBACK, separators=(",", ":"))


def test_json_text_is_checked_like_a_dict(make_client: ClientFactory) -> None:
    broken = {**FALLBACK, "targets": [{"provider": "openai"}, {"provider": "anthropic", "weight": -1}]}

    with pytest.raises(PortkeyValidationError, match=r"^config\.targets\[1\]\.weight: "):
        make_client(config=json.dumps(broken))


def sent_legacy_config(headers: Any) -> dict[str, Any]:
    config = json.loads(headers["x-portkey-config"])
    assert isinstance(config, dict)
    return config


async def test_single_mode_becomes_a_single_target(make_client: ClientFactory, gateway: MockGateway) -> None:
    llm = LLMOptions(provider="openai", virtual_key="vk-1", model="gpt-4o", temperature=0.2, max_tokens=50)
    client = make_client(mode="single", llms=[llm])

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_legacy_config(gateway.last.headers) == {
        "strategy": {"mode": "single"},
        "targets": [
            {
                "provider": "openai",
                "virtual_key": "vk-1",
                "override_params": {"model": "gpt-4o", "temperature": 0.2, "max_tokens": 50},
            }
        ],
    }


async def test_fallback_with_retry_and_cache(make_client: ClientFactory, gateway: MockGateway) -> None:
    llms = [
        LLMOptions(provider="openai", api_key="sk-a", retry=3, cache_status="simple", cache_age=60),
        LLMOptions(
            provider="anthropic",
            api_key="sk-b",
            retry={"attempts": 2, "on_status_codes": [429]},
            override_params={"top_k": 5, "max_tokens": 10},
        ),
    ]
    client = make_client(mode="fallback", llms=llms)

    await resolve(client.chat_completions.create(model="m", messages=MESSAGES))

    assert gateway.last.url.path == "/v1/chat/completions"
    assert sent_legacy_config(gateway.last.headers) == {
        "strategy": {"mode": "fallback"},
        "targets": [
            {
                "provider": "openai",
                "api_key": "sk-a",
                "retry": {"attempts": 3},
                "cache": {"mode": "simple", "max_age": 60},
            },
            {
                "provider": "anthropic",
                "api_key": "sk-b",
                "override_params": {"top_k": 5, "max_tokens": 10},
                "retry": {"attempts": 2, "on_status_codes": [429]},
            },
        ],
    }


async def test_loadbalance_weights_trace_id_and_metadata(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    llms = [
        LLMOptions(provider="openai", weight=0.7, trace_id="trace-1", metadata={"team": "a"}),
        LLMOptions(provider="anthropic", weight=0.3, trace_id="trace-1", metadata={"user": "u"}),
    ]
    client = make_client(mode="loadbalance", llms=llms)

    await resolve(client.chat_completions.create(model="m", messages=MESSAGES))

    config = sent_legacy_config(gateway.last.headers)
    assert config["strategy"] == {"mode": "loadbalance"}
    assert [t["weight"] for t in config["targets"]] == [0.7, 0.3]
    assert gateway.last.headers["x-portkey-trace-id"] == "trace-1"
    assert json.loads(gateway.last.headers["x-portkey-metadata"]) == {"team": "a", "user": "u"}


async def test_llms_without_a_mode_are_single(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = make_client(llms=[LLMOptions(provider="openai")])

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_legacy_config(gateway.last.headers)["strategy"] == {"mode": "single"}


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"mode": "roundrobin", "llms": [LLMOptions(provider="openai")]}, "mode"),
        ({"mode": "fallback"}, "llms"),
        ({"mode": "fallback", "llms": []}, "llms"),
        ({"mode": "fallback", "llms": LLMOptions(provider="openai")}, "llms"),
        ({"mode": "single", "llms": [LLMOptions(provider="a"), LLMOptions(provider="b")]}, "llms"),
        ({"mode": "fallback", "llms": [{"provider": "openai"}]}, "llms[0]"),
        ({"mode": "fallback", "llms": [LLMOptions()]}, "llms[0]"),
        ({"mode": "fallback", "llms": [LLMOptions(provider="a", retry=6)]}, "llms[0].retry"),
        ({"mode": "fallback", "llms": [LLMOptions(provider="a", cache_age=60)]}, "llms[0].cache_age"),
        ({"mode": "loadbalance", "llms": [LLMOptions(provider="a", weight=-1)]}, "llms[0].weight"),
        (
            {
                "mode": "fallback",
                "llms": [LLMOptions(provider="a", trace_id="t1"), LLMOptions(provider="b", trace_id="t2")],
            },
            "llms.trace_id",
        ),
        (
            {
                "mode": "fallback",
                "llms": [
                    LLMOptions(provider="a", metadata={"k": "1"}),
                    LLMOptions(provider="b", metadata={"k": "2"}),
                ],
            },
            "llms[1].metadata['k']",
        ),
        ({"mode": "fallback", "llms": [LLMOptions(provider="a")], "config": "pc-slug"}, "config"),
    ],
)
def test_wrong_legacy_options_are_refused(
    options: dict[str, Any], option: str, make_client: ClientFactory
) -> None:
    with pytest.raises(PortkeyValidationError) as caught:
        make_client(**options)

    assert caught.value.option == option


def test_config_and_legacy_mode_together_are_refused_even_with_a_config_variable(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory
) -> None:
    monkeypatch.setenv("PORTKEY_CONFIG", "pc-from-env")

    with pytest.raises(PortkeyValidationError) as caught:
        make_client(config={"retry": {"attempts": 2}}, mode="single", llms=[LLMOptions(provider="openai")])

    assert caught.value.option == "config"


async def test_legacy_mode_wins_over_the_config_variable(
    monkeypatch: pytest.MonkeyPatch, make_client: ClientFactory, gateway: MockGateway
) -> None:
    monkeypatch.setenv("PORTKEY_CONFIG", "pc-from-env")
    client = make_client(mode="single", llms=[LLMOptions(provider="openai")])

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert sent_legacy_config(gateway.last.headers)["strategy"] == {"mode": "single"}
