"""Everything the HTTP layer would refuse is refused first, as a `PortkeyValidationError` naming the option:
header names and values, URLs, JSON that is not JSON, timeouts that are not durations. Nothing is sent,
so nothing is retried."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from portkey_typed import AsyncPortkey, Portkey, PortkeyValidationError

from .flavors import resolve
from .mock_gateway import MESSAGES, never_called

NAN, INF = math.nan, math.inf
BAD_VALUES = [" lead", "trail ", "a\tb", "a\x0bb", "a\x0cb", "a\x7fb", "\tx"]
BAD_NAMES: list[object] = ["bad name", "x:y", "", "x\tteam", "é", 5]


def refuse(option: str, **options: Any) -> PortkeyValidationError:
    with pytest.raises(PortkeyValidationError) as caught:
        Portkey(http_client=httpx.Client(transport=httpx.MockTransport(never_called)), **options)
    assert caught.value.option == option
    return caught.value


@pytest.fixture(params=["sync", "async"])
def silent_client(request: pytest.FixtureRequest) -> Portkey | AsyncPortkey:
    transport = httpx.MockTransport(never_called)
    if request.param == "sync":
        return Portkey(http_client=httpx.Client(transport=transport), max_retries=2)
    return AsyncPortkey(http_client=httpx.AsyncClient(transport=transport), max_retries=2)


@pytest.mark.parametrize("value", BAD_VALUES, ids=repr)
def test_header_values_http_cannot_carry_are_refused(value: str) -> None:
    refuse("default_headers['x-team']", default_headers={"x-team": value})
    refuse("provider", provider=value)
    refuse("trace_id", trace_id=value)


def test_blanks_at_the_ends_say_to_strip_them() -> None:
    assert refuse("provider", provider="openai ").problem == "has blanks at the start or the end; strip them"


def test_a_control_character_is_named() -> None:
    problem = refuse("trace_id", trace_id="a\x0bb").problem
    assert problem == "header values cannot contain control characters ('\\x0b' at position 1); remove it"


def test_authorization_is_trimmed_of_spaces_but_not_of_control_characters() -> None:
    refuse("authorization", authorization="Bearer sk-x\t")
    refuse("authorization", authorization=5)


@pytest.mark.parametrize("name", BAD_NAMES, ids=repr)
def test_header_names_that_are_not_http_tokens_are_refused(name: object) -> None:
    error = refuse(f"default_headers[{name!r}]", default_headers={name: "v"})
    assert "is not a valid header name" in error.problem


def test_default_headers_must_be_a_mapping_of_strings() -> None:
    refuse("default_headers", default_headers=["x-team"])
    refuse("default_headers['x-team']", default_headers={"x-team": 5})


@pytest.mark.parametrize(
    "url",
    [
        "http://gate\tway/v1",
        "http://gateway/v1 ",
        "http://gate way/v1",
        "http://gateway/v1\x7f",
        "http://[::1/v1",
        "http://gateway:99999/v1",
        "ftp://gateway/v1",
        5,
    ],
    ids=repr,
)
def test_a_base_url_httpx_would_refuse_is_refused(url: object) -> None:
    refuse("base_url", base_url=url)


@pytest.mark.parametrize(
    "timeout",
    [NAN, INF, -INF, 0, -1, "5", True, httpx.Timeout(NAN), httpx.Timeout(5.0, read=INF), (5, 5, 5, 5)],
    ids=repr,
)
async def test_a_timeout_that_is_not_a_duration_is_refused(
    timeout: object, silent_client: Portkey | AsyncPortkey
) -> None:
    refuse("timeout", timeout=timeout)
    with pytest.raises(PortkeyValidationError) as caught:
        await resolve(silent_client.chat.completions.create(model="m", messages=MESSAGES, timeout=timeout))
    assert caught.value.option == "timeout"


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"config": {"override_params": {"temperature": NAN}}}, "config['override_params']['temperature']"),
        ({"vertex_service_account_json": {"quota": INF}}, "vertex_service_account_json['quota']"),
        ({"default_input_guardrails": [-INF]}, "default_input_guardrails[0]"),
    ],
)
def test_json_options_that_are_not_json_are_refused(options: dict[str, Any], option: str) -> None:
    assert "is not JSON" in refuse(option, **options).problem


@pytest.mark.parametrize(
    ("call_options", "option"),
    [
        ({"extra_headers": {"x-team": " v"}}, "extra_headers['x-team']"),
        ({"extra_headers": {"bad name": "v"}}, "extra_headers['bad name']"),
        ({"extra_headers": {"x-team": 5}}, "extra_headers['x-team']"),
        ({"extra_headers": ["x-team"]}, "extra_headers"),
        ({"extra_body": {"temperature": NAN}}, "extra_body['temperature']"),
        ({"extra_body": {"logit_bias": {"50256": -INF}}}, "extra_body['logit_bias']['50256']"),
        ({"extra_body": {"when": object()}}, "extra_body['when']"),
        ({"extra_body": ["x"]}, "extra_body"),
        ({"temperature": NAN}, "temperature"),
        ({"messages": [{"role": "user", "content": "lone \ud800"}]}, "messages[0]['content']"),
        ({"extra_query": {"filter": {"a": 1}}}, "extra_query['filter']"),
        ({"extra_query": "a=1"}, "extra_query"),
        ({"config": {"override_params": {"top_p": INF}}}, "config['override_params']['top_p']"),
        ({"trace_id": "a\nb"}, "trace_id"),
    ],
)
async def test_call_options_http_would_refuse_are_refused_before_sending(
    call_options: dict[str, Any], option: str, silent_client: Portkey | AsyncPortkey
) -> None:
    arguments: dict[str, Any] = {"model": "m", "messages": MESSAGES, **call_options}
    with pytest.raises(PortkeyValidationError) as caught:
        await resolve(silent_client.chat.completions.create(**arguments))
    assert caught.value.option == option


async def test_a_url_httpx_cannot_parse_is_refused_each_time(silent_client: Portkey | AsyncPortkey) -> None:
    # The parsed URLs of requests are kept for reuse; one that fails to parse must fail every time.
    for _ in range(2):
        with pytest.raises(PortkeyValidationError) as caught:
            await resolve(silent_client.files.retrieve("x" * 70_000))
        assert caught.value.option == "request"
        assert "URL too long" in caught.value.problem
