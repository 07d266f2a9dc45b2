"""Every Portkey option travels as its own `x-portkey-*` header, encoded as the gateway reads it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from portkey_generated.header_options import HEADER_OPTIONS, HeaderOption

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway

DEFAULT_HEADERS = {"x-portkey-strict-open-ai-compliance": "false"}
"""What a client sends with no options, as portkey-ai does: the gateway reads a missing header as strict."""
SECRET_OPTION_SAMPLES = {"vertex_service_account_json": {"type": "service_account", "private_key": "k"}}
JSON_SAMPLES: dict[str, tuple[Any, str]] = {
    "config": (
        {"retry": {"attempts": 2}, "cache": {"mode": "simple"}},
        '{"retry":{"attempts":2},"cache":{"mode":"simple"}}',
    ),
    "metadata": ({"user": "ana", "team": "search ml"}, '{"user":"ana","team":"search ml"}'),
}


def sample(option: HeaderOption) -> tuple[Any, str]:
    """A value of the option and the exact header value it must become."""
    if option.encoding == "boolean":
        return True, "true"
    if option.encoding == "integer":
        return 1500, "1500"
    if option.encoding == "csv":
        return ["X-Custom-Header", "x-Trace"], "x-custom-header,x-trace"
    if option.encoding == "json":
        if option.name in JSON_SAMPLES:
            return JSON_SAMPLES[option.name]
        value = SECRET_OPTION_SAMPLES.get(option.name, {"ids": ["g-1", "g 2"], "on": None})
        return value, json.dumps(value, separators=(",", ":"))
    return f"{option.name}-value", f"{option.name}-value"


@pytest.mark.parametrize("name", sorted(HEADER_OPTIONS))
async def test_option_goes_out_as_its_header(
    name: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    option = HEADER_OPTIONS[name]
    value, expected = sample(option)
    client = make_client(base_url="https://gateway.test/v1", **{name: value})

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    portkey_headers = {k: v for k, v in gateway.last.headers.items() if k.startswith("x-portkey-")}
    assert portkey_headers == {**DEFAULT_HEADERS, option.header: expected}


def test_every_header_is_an_x_portkey_header_named_after_its_option() -> None:
    for name, option in HEADER_OPTIONS.items():
        assert option.name == name
        assert option.header == "x-portkey-" + name.replace("_", "-")


@pytest.mark.parametrize(("value", "expected"), [(True, "true"), (False, "false")])
async def test_boolean_options_are_lower_case_words(
    value: bool, expected: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(strict_open_ai_compliance=value, cache_force_refresh=value)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert gateway.last.headers["x-portkey-strict-open-ai-compliance"] == expected
    assert gateway.last.headers["x-portkey-cache-force-refresh"] == expected


async def test_unset_and_none_options_send_nothing(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = make_client(provider=None, trace_id=None)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert {k: v for k, v in gateway.last.headers.items() if k.startswith("x-portkey-")} == DEFAULT_HEADERS


async def test_strict_compliance_is_false_unless_set_and_with_options_can_drop_it(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client()

    await resolve(
        client.with_options(strict_open_ai_compliance=None).chat.completions.create(
            model="m", messages=MESSAGES
        )
    )
    assert "x-portkey-strict-open-ai-compliance" not in gateway.last.headers
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-strict-open-ai-compliance"] == "false"


async def test_no_authorization_header_unless_one_is_given(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(provider="openai")

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert "authorization" not in gateway.last.headers


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("sk-x", "Bearer sk-x"),
        ("  sk-x ", "Bearer sk-x"),
        ("Bearer sk-x", "Bearer sk-x"),
        ("Basic abc", "Basic abc"),
    ],
)
async def test_authorization_gets_a_bearer_scheme_when_it_has_none(
    given: str, sent: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(authorization=given)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert gateway.last.headers["authorization"] == sent


async def test_default_headers_are_sent_with_lower_case_names(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(default_headers={"X-Team": "search"})

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert gateway.last.headers["x-team"] == "search"
    assert gateway.last.headers["user-agent"].startswith("portkey-typed/")


def test_unknown_option_is_a_type_error() -> None:
    from portkey_typed import Portkey

    with pytest.raises(TypeError, match="provder"):
        Portkey(provder="openai")  # type: ignore[call-arg]
