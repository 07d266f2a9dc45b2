"""Building clients: options, the typed gateway config, with_options, the older mode + llms API."""

from __future__ import annotations

from portkey_typed import LLMOptions, Portkey
from portkey_typed.types import GatewayConfig

FALLBACK: GatewayConfig = {
    "strategy": {"mode": "fallback", "on_status_codes": [429, 500]},
    "targets": [
        {"provider": "openai", "api_key": "sk-one", "retry": {"attempts": 2}},
        {"provider": "anthropic", "api_key": "sk-two", "override_params": {"model": "claude-3-5-haiku"}},
    ],
    "request_timeout": 10_000,
}


def build() -> Portkey:
    client = Portkey(
        base_url="http://127.0.0.1:8787/v1",
        provider="openai",
        authorization="sk-test",
        config=FALLBACK,
        metadata={"_environment": "staging"},
        forward_headers=["x-request-source"],
        cache_force_refresh=False,
        request_timeout=10_000,
        aws_region="us-east-1",
        timeout=30.0,
        max_retries=3,
    )
    return client.with_options(trace_id="t-1", max_retries=0, config="pc-saved-config")


def legacy() -> Portkey:
    return Portkey(
        mode="loadbalance",
        llms=[
            LLMOptions(provider="openai", virtual_key="vk-1", model="gpt-4o-mini", weight=0.7),
            LLMOptions(
                provider="anthropic", virtual_key="vk-2", model="claude-3-5-haiku", weight=0.3, retry=2
            ),
        ],
    )


def rejected() -> None:
    Portkey(config={"strategy": {"mode": "fallback"}, "targetz": []})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Portkey(config={"strategy": {"mode": "roundrobin"}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Portkey(provider=42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Portkey(no_such_option="x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
