"""A wrong option raises `PortkeyValidationError` naming it, before any request leaves the client."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from portkey_generated.header_options import HEADER_OPTIONS
from portkey_typed import AsyncPortkey, LLMOptions, Portkey, PortkeyValidationError

from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway, never_called

STRING_OPTIONS = sorted(name for name, option in HEADER_OPTIONS.items() if option.encoding == "string")
LINE_BREAKS = ["a\r\nx-injected: 1", "a\nb", "a\rb", "a\x00b"]
TWO_TARGETS = [{"provider": "openai"}, {"provider": "anthropic"}]


@pytest.fixture(params=["sync", "async"])
def silent_client(request: pytest.FixtureRequest) -> Portkey | AsyncPortkey:
    """A client whose transport fails the test if any request reaches it."""
    transport = httpx.MockTransport(never_called)
    if request.param == "sync":
        return Portkey(http_client=httpx.Client(transport=transport))
    return AsyncPortkey(http_client=httpx.AsyncClient(transport=transport))


def refuse(option: str, **options: Any) -> PortkeyValidationError:
    """Build a client with `options` (its transport refuses to be used) and return the error it raises."""
    with pytest.raises(PortkeyValidationError) as caught:
        Portkey(http_client=httpx.Client(transport=httpx.MockTransport(never_called)), **options)
    assert caught.value.option == option
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{option}: ")
    return caught.value


@pytest.mark.parametrize("name", STRING_OPTIONS)
@pytest.mark.parametrize("value", LINE_BREAKS)
def test_line_breaks_in_any_string_option_are_refused(name: str, value: str) -> None:
    refuse(name, **{name: value})


@pytest.mark.parametrize("value", LINE_BREAKS)
def test_line_breaks_in_authorization_default_headers_and_config_slug_are_refused(value: str) -> None:
    refuse("authorization", authorization=value)
    refuse("default_headers['x-team']", default_headers={"x-team": value})
    refuse("config", config="pc-slug" + value)


def test_non_ascii_text_in_a_plain_header_is_refused() -> None:
    error = refuse("trace_id", trace_id="tração")
    assert "ASCII" in error.problem


@pytest.mark.parametrize("value", [1, 2.5, None, True, ["a"], {"b": "c"}])
def test_metadata_values_must_be_strings(value: object) -> None:
    error = refuse("metadata['user']", metadata={"user": value})
    assert type(value).__name__ in error.problem


def test_metadata_must_be_a_mapping_with_string_keys() -> None:
    refuse("metadata", metadata=["user", "ana"])
    refuse("metadata", metadata={1: "one"})


def test_metadata_values_with_line_breaks_are_refused() -> None:
    refuse("metadata['user']", metadata={"user": "ana\r\nx-injected: 1"})


@pytest.mark.parametrize(
    ("config", "where"),
    [
        (
            {"strategy": {"mode": "loadbalance"}, "targets": [{"provider": "openai"}, {"weight": "heavy"}]},
            "config.targets[1].weight",
        ),
        (
            {"strategy": {"mode": "loadbalance"}, "targets": [{"provider": "openai"}, {"weight": -1}]},
            "config.targets[1].weight",
        ),
        ({"strategy": {"mode": "roundrobin"}, "targets": TWO_TARGETS}, "config.strategy.mode"),
        ({"strategy": {"mode": "fallback"}, "targets": TWO_TARGETS, "colour": "red"}, "config"),
    ],
)
def test_a_config_that_fails_the_schema_names_the_wrong_place(config: dict[str, Any], where: str) -> None:
    refuse(where, config=config)
    refuse(where, config=json.dumps(config))


def test_unknown_strategy_mode_lists_the_known_ones() -> None:
    error = refuse(
        "config.strategy.mode", config={"strategy": {"mode": "roundrobin"}, "targets": TWO_TARGETS}
    )
    for mode in ("single", "loadbalance", "fallback", "conditional"):
        assert mode in error.problem


@pytest.mark.parametrize("config", ["", "   ", "{not json", 42, ["pc-slug"]])
def test_a_config_that_is_neither_slug_nor_object_is_refused(config: object) -> None:
    refuse("config", config=config)


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"cache_force_refresh": "yes"}, "cache_force_refresh"),
        ({"request_timeout": "5000"}, "request_timeout"),
        ({"request_timeout": -1}, "request_timeout"),
        ({"request_timeout": True}, "request_timeout"),
        ({"forward_headers": "x-a,x-b"}, "forward_headers"),
        ({"forward_headers": ["x a"]}, "forward_headers"),
        ({"provider": ""}, "provider"),
        ({"provider": 3}, "provider"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": "10"}, "timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"base_url": "ftp://gateway.test"}, "base_url"),
        ({"base_url": "localhost:8787"}, "base_url"),
    ],
)
def test_wrongly_typed_options_are_refused(options: dict[str, Any], option: str) -> None:
    refuse(option, **options)


def test_a_negative_legacy_weight_is_refused() -> None:
    llms = [LLMOptions(provider="openai", weight=1), LLMOptions(provider="anthropic", weight=-0.5)]
    error = refuse("llms[1].weight", mode="loadbalance", llms=llms)
    assert "-0.5" in error.problem


def test_an_unknown_legacy_mode_is_refused() -> None:
    error = refuse("mode", mode="roundrobin", llms=[LLMOptions(provider="openai")])
    assert "'fallback'" in error.problem


@pytest.mark.parametrize(
    ("call_options", "option"),
    [
        ({"trace_id": "t\r\nx-injected: 1"}, "trace_id"),
        ({"cache_namespace": "ns\nb"}, "cache_namespace"),
        (
            {
                "config": {
                    "strategy": {"mode": "fallback"},
                    "targets": [{"provider": "openai"}, {"weight": -2}],
                }
            },
            "config.targets[1].weight",
        ),
        ({"config": {"strategy": {"mode": "roundrobin"}, "targets": TWO_TARGETS}}, "config.strategy.mode"),
        ({"cache_force_refresh": "true"}, "cache_force_refresh"),
        ({"extra_headers": {"x-team": "a\r\nb"}}, "extra_headers['x-team']"),
        ({"timeout": 0}, "timeout"),
        ({"max_retries": -3}, "max_retries"),
    ],
)
async def test_wrong_call_options_are_refused_before_sending(
    call_options: dict[str, Any], option: str, silent_client: Portkey | AsyncPortkey
) -> None:
    with pytest.raises(PortkeyValidationError) as caught:
        await resolve(silent_client.chat.completions.create(model="m", messages=MESSAGES, **call_options))
    assert caught.value.option == option


async def test_a_wrong_metadata_option_is_refused_before_sending(
    silent_client: Portkey | AsyncPortkey,
) -> None:
    with pytest.raises(PortkeyValidationError) as caught:
        await resolve(silent_client.embeddings.create(model="m", input="x", metadata={"user": 7}))  # type: ignore[dict-item]
    assert caught.value.option == "metadata['user']"


def test_non_ascii_metadata_goes_out_as_escaped_json(gateway: MockGateway) -> None:
    client = Portkey(http_client=gateway.sync_http(), metadata={"user": "José"})

    client.with_options(metadata={"city": "Zürich"}).chat.completions.create(model="m", messages=MESSAGES)

    header = gateway.last.headers["x-portkey-metadata"]
    assert header.isascii()
    assert json.loads(header) == {"user": "José", "city": "Zürich"}
