"""Each failure the gateway reports arrives as the right typed error, with the gateway's message."""

import json

import pytest

from portkey_typed import (
    APIConnectionError,
    APITimeoutError,
    AsyncPortkey,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    Portkey,
    PortkeyValidationError,
    RateLimitError,
)
from tests.harness import Gateway, Upstream
from tests.harness.ports import free_port
from tests.integration.helpers import CHAT_MODEL, MESSAGES


def test_missing_provider(gateway: Gateway, upstream: Upstream) -> None:
    with (
        Portkey(base_url=gateway.base_url, max_retries=0) as portkey,
        pytest.raises(BadRequestError) as raised,
    ):
        portkey.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    error = raised.value
    assert error.status_code == 400
    assert error.message == "Either x-portkey-config or x-portkey-provider header is required"
    assert error.body == {"status": "failure", "message": error.message}
    assert upstream.requests == []


# As JSON text: as a dict, the type checker would already refuse the unknown mode.
INVALID_CONFIG = json.dumps(
    {"strategy": {"mode": "round-robin"}, "targets": [{"provider": "openai", "api_key": "k"}]}
)


def test_invalid_config_is_refused_before_sending(client: Portkey, upstream: Upstream) -> None:
    with pytest.raises(PortkeyValidationError, match=r"config\.strategy\.mode"):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, config=INVALID_CONFIG)
    assert upstream.requests == []


def test_invalid_config_sent_anyway_is_the_gateway_400(client: Portkey) -> None:
    raw_header = {"x-portkey-config": INVALID_CONFIG}
    with pytest.raises(BadRequestError) as raised:
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, extra_headers=raw_header)
    assert raised.value.message == "Invalid config passed"
    assert isinstance(raised.value.body, dict)
    assert any("mode" in problem for problem in raised.value.body["errors"])


def test_config_slug_without_hosted_portkey(client: Portkey) -> None:
    with pytest.raises(BadRequestError, match="valid json"):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, config="pc-not-local")


def test_invalid_custom_host(client: Portkey) -> None:
    metadata_service = client.with_options(custom_host="http://169.254.169.254/v1")
    with pytest.raises(BadRequestError) as raised:
        metadata_service.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert raised.value.message == "Invalid custom host"


def test_unreachable_upstream(client: Portkey) -> None:
    nowhere = client.with_options(custom_host=f"http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(InternalServerError) as raised:
        nowhere.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert raised.value.status_code == 500
    assert "fetch failed" in raised.value.message


def test_upstream_429(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=429, headers={"retry-after": "7"})
    with pytest.raises(RateLimitError) as raised:
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, trace_id="t-429")
    error = raised.value
    assert (error.status_code, error.trace_id) == (429, "t-429")
    assert "rate_limit_exceeded" in error.message
    assert error.response.headers["retry-after"] == "7"


def test_upstream_500(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=500)
    with pytest.raises(InternalServerError) as raised:
        client.embeddings.create(model="text-embedding-3-small", input="x")
    assert raised.value.status_code == 500
    assert "server_error" in raised.value.message


def test_upstream_401_and_404(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=401)
    with pytest.raises(AuthenticationError):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    with pytest.raises(NotFoundError):
        client.files.retrieve("file-missing")


def test_upstream_body_not_json(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(status=502, body="<html>bad gateway</html>")
    with pytest.raises(InternalServerError) as raised:
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert "bad gateway" in raised.value.message


def test_gateway_unreachable_is_a_connection_error(upstream: Upstream) -> None:
    closed = f"http://127.0.0.1:{free_port()}/v1"
    with (
        Portkey(base_url=closed, provider="openai", max_retries=0) as portkey,
        pytest.raises(APIConnectionError),
    ):
        portkey.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)


def test_client_timeout(client: Portkey, upstream: Upstream) -> None:
    upstream.plan(delay_ms=1000)
    with pytest.raises(APITimeoutError):
        client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES, timeout=0.2)


async def test_async_errors(async_client: AsyncPortkey, upstream: Upstream) -> None:
    upstream.plan(status=429)
    with pytest.raises(RateLimitError):
        await async_client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    with pytest.raises(BadRequestError, match="Invalid custom host"):
        await async_client.with_options(custom_host="ftp://127.0.0.1/v1").embeddings.create(
            model="text-embedding-3-small", input="x"
        )
