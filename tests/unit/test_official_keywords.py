"""Every keyword of portkey-ai's constructor is a keyword of ours, with its meaning, and editors see them all.

`OFFICIAL_KEYWORDS` is `inspect.signature(portkey_ai.Portkey.__init__)` of portkey-ai 2.3.4 (the same for
`AsyncPortkey`), less `self` and `**kwargs`; `tests/parity` checks it against the installed package.
portkey-ai also takes the provider key as `Authorization=` through its `**kwargs`.
"""

from __future__ import annotations

import inspect
import warnings
from pathlib import Path
from typing import Any

import httpx
import jedi
import pytest

from portkey_typed import (
    AsyncPortkey,
    ClientChanges,
    Portkey,
    PortkeyValidationError,
    UnsupportedOptionWarning,
)

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway

OFFICIAL_KEYWORDS = (
    "api_key",
    "base_url",
    "virtual_key",
    "websocket_base_url",
    "webhook_secret",
    "config",
    "provider",
    "trace_id",
    "metadata",
    "cache_namespace",
    "debug",
    "cache_force_refresh",
    "custom_host",
    "forward_headers",
    "instrumentation",
    "openai_project",
    "openai_organization",
    "aws_secret_access_key",
    "aws_access_key_id",
    "aws_session_token",
    "aws_region",
    "vertex_project_id",
    "vertex_region",
    "workers_ai_account_id",
    "azure_resource_name",
    "azure_deployment_id",
    "azure_api_version",
    "azure_endpoint_name",
    "huggingface_base_url",
    "http_client",
    "request_timeout",
    "strict_open_ai_compliance",
    "anthropic_beta",
    "anthropic_version",
    "mistral_fim_completion",
    "vertex_storage_bucket_name",
    "provider_file_name",
    "provider_model",
    "aws_s3_bucket",
    "aws_s3_object_key",
    "aws_bedrock_model",
    "fireworks_account_id",
    "calculate_audio_duration",
)
OFFICIAL_KWARGS_KEYWORDS = ("Authorization",)
ROOT = Path(__file__).resolve().parents[2]
CLIENTS = [Portkey, AsyncPortkey]


@pytest.mark.parametrize("client_class", CLIENTS)
def test_every_official_keyword_is_a_named_keyword(client_class: type[Portkey | AsyncPortkey]) -> None:
    parameters = inspect.signature(client_class).parameters

    missing = [k for k in (*OFFICIAL_KEYWORDS, *OFFICIAL_KWARGS_KEYWORDS) if k not in parameters]

    assert missing == []
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())


def sample(name: str, annotation: str) -> Any:
    """A valid value for a keyword, from its annotation."""
    special: dict[str, Any] = {
        "base_url": "http://127.0.0.1:8787/v1",
        "websocket_base_url": "ws://127.0.0.1:8787/v1",
        "config": "pc-config",
        "metadata": {"_user": "u-1"},
        "forward_headers": ["x-custom"],
        "instrumentation": False,
        "calculate_audio_duration": False,
    }
    if name in special:
        return special[name]
    if annotation.startswith("bool"):
        return True
    if annotation.startswith("int"):
        return 1000
    return f"{name}-value"


async def test_every_official_keyword_is_accepted_at_once(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    parameters = inspect.signature(Portkey).parameters
    given = {
        name: sample(name, str(parameters[name].annotation))
        for name in (*OFFICIAL_KEYWORDS, *OFFICIAL_KWARGS_KEYWORDS)
        if name != "http_client"
    }

    client = make_client(**given)
    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    sent = gateway.last.headers
    assert sent["authorization"] == "Bearer Authorization-value"
    assert sent["x-portkey-debug"] == "true"
    assert sent["x-portkey-metadata"] == '{"_user":"u-1"}'
    assert client.websocket_base_url == "ws://127.0.0.1:8787/v1"
    assert client.webhook_secret == "webhook_secret-value"


async def test_authorization_in_either_spelling_is_the_provider_key(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    clients = (
        make_client(Authorization="sk-1"),
        make_client(authorization="Bearer sk-1"),
        make_client(authorization="sk-0").with_options(Authorization="sk-1"),
    )
    for client in clients:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
        assert gateway.last.headers["authorization"] == "Bearer sk-1"
    assert "sk-1" not in repr(make_client(Authorization="sk-1"))


@pytest.mark.parametrize(("value", "header"), [(True, "true"), (False, "false")])
async def test_debug_sends_its_header(
    value: bool, header: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    await resolve(make_client(debug=value).chat.completions.create(model="m", messages=MESSAGES))

    assert gateway.last.headers["x-portkey-debug"] == header


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://api.portkey.ai/v1", "wss://api.portkey.ai/v1"),
        ("http://localhost:8787/v1/", "ws://localhost:8787/v1"),
    ],
)
def test_websocket_base_url_follows_base_url_unless_given(base_url: str, expected: str) -> None:
    client = Portkey(base_url=base_url)

    assert client.websocket_base_url == expected
    assert client.with_options(base_url="https://gw.test/v1").websocket_base_url == "wss://gw.test/v1"
    given = client.with_options(websocket_base_url="wss://rt.test/v1")
    assert given.websocket_base_url == "wss://rt.test/v1"
    with pytest.raises(AttributeError):
        client.websocket_base_url = "ws://elsewhere"  # type: ignore[misc]


async def test_webhook_secret_is_kept_but_never_shown(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(webhook_secret="whsec_topsecret", base_url="https://gateway.test/v1")
    gateway.script(httpx.Response(400, json={"error": {"message": "echo whsec_topsecret"}}))

    with pytest.raises(Exception) as caught:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert client.webhook_secret == "whsec_topsecret"
    assert "whsec_topsecret" not in repr(client)
    assert "webhook_secret='***'" in repr(client)
    assert "whsec_topsecret" not in str(caught.value)
    assert not any("whsec" in v for v in gateway.last.headers.values())


@pytest.mark.parametrize("name", ["instrumentation", "calculate_audio_duration"])
def test_options_with_no_counterpart_warn_and_say_what_to_use(name: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client = Portkey(**{name: True})
        Portkey(**{name: False})
        client.with_options(**{name: True})

    assert len(caught) == 2
    for warning in caught:
        assert warning.category is UnsupportedOptionWarning
        assert str(warning.message).startswith(f"{name}=True: ")
        assert warning.filename == __file__


@pytest.mark.parametrize(
    ("keywords", "named"),
    [
        ({"debug": "yes"}, "debug"),
        ({"websocket_base_url": "https://gw.test/v1"}, "websocket_base_url"),
        ({"websocket_base_url": 8080}, "websocket_base_url"),
        ({"webhook_secret": ""}, "webhook_secret"),
        ({"webhook_secret": b"whsec"}, "webhook_secret"),
        ({"instrumentation": "on"}, "instrumentation"),
        ({"calculate_audio_duration": 1}, "calculate_audio_duration"),
        ({"Authorization": "sk-1", "authorization": "sk-2"}, "Authorization"),
        ({"Authorization": "sk-1\r\nx-evil: 1"}, "Authorization"),
        ({"Authorization": 42}, "Authorization"),
        ({"metadata": "not json"}, "metadata"),
        ({"metadata": '["a list"]'}, "metadata"),
        ({"metadata": '{"n": 1}'}, "metadata['n']"),
    ],
)
async def test_bad_values_of_the_new_keywords_name_the_keyword_and_send_nothing(
    keywords: dict[str, Any], named: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    changes = keywords if set(keywords) <= ClientChanges.__optional_keys__ else {}

    with pytest.raises(PortkeyValidationError) as caught:
        make_client(**keywords)
    if changes:
        with pytest.raises(PortkeyValidationError):
            make_client().with_options(**changes)

    assert caught.value.option == named
    assert gateway.requests == []


@pytest.mark.parametrize(
    ("metadata", "header"),
    [
        ('{"_user": "u-1"}', '{"_user": "u-1"}'),
        ('{\n  "_user": "u-1"\n}', '{"_user":"u-1"}'),
        ('{"city": "Zürich"}', '{"city":"Z\\u00fcrich"}'),
    ],
)
async def test_metadata_as_a_json_string_is_sent_as_given_when_a_header_can_carry_it(
    metadata: str, header: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    client = make_client(metadata=metadata)

    await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert gateway.last.headers["x-portkey-metadata"] == header
    await resolve(
        client.with_options(metadata={"team": "t"}).chat.completions.create(model="m", messages=MESSAGES)
    )
    assert gateway.last.headers["x-portkey-metadata"].endswith(',"team":"t"}')


@pytest.mark.parametrize("class_name", ["Portkey", "AsyncPortkey"])
def test_jedi_lists_the_constructor_keywords(class_name: str) -> None:
    code = f"from portkey_typed import {class_name}\n{class_name}("
    project = jedi.Project(ROOT, sys_path=[str(ROOT), str(ROOT / "generated")])
    script = jedi.Script(code, path=ROOT / "completion_probe.py", project=project)

    signatures = script.get_signatures(2, len(class_name) + 1)
    completions = {c.name.rstrip("=") for c in script.complete(2, len(class_name) + 1)}

    assert len(signatures) == 1
    parameters = {p.name for p in signatures[0].params}
    for keyword in ("api_key", "provider", "config", "base_url", "Authorization", "virtual_key", "trace_id"):
        assert keyword in parameters
        assert keyword in completions
    assert set(OFFICIAL_KEYWORDS) <= parameters
