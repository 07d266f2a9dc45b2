"""Retries that do not multiply: an answer the gateway already retried, fell back on, or failed itself is
final; and a request the HTTP layer refused to send is never retried."""

from __future__ import annotations

import httpx
import pytest

from portkey_typed import APIConnectionError, InternalServerError, RateLimitError

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway, json_reply

FAILURE = {"error": {"message": "upstream failed"}}


@pytest.mark.parametrize(
    "headers",
    [
        {"x-portkey-retry-attempt-count": "-1", "x-portkey-last-used-option-index": "config"},
        {"x-portkey-retry-attempt-count": "2"},
        {"x-portkey-retry-attempt-count": "0", "x-portkey-last-used-option-index": "config.targets[1]"},
        {"x-portkey-last-used-option-index": "config.targets[0].targets[2]"},
        {"x-portkey-gateway-exception": "true"},
        {"x-portkey-retry-attempt-count": "-1", "x-should-retry": "true"},
    ],
    ids=[
        "retries-ran-out",
        "retried",
        "fell-back",
        "nested-fallback",
        "gateway-exception",
        "over-should-retry",
    ],
)
@pytest.mark.parametrize("code", [429, 500, 503])
async def test_an_answer_the_gateway_already_handled_is_not_retried(
    code: int, headers: dict[str, str], make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(json_reply(FAILURE, code, headers))

    with pytest.raises((RateLimitError, InternalServerError)) as caught:
        await resolve(make_client(max_retries=2).chat.completions.create(model="m", messages=MESSAGES))

    assert caught.value.status_code == code
    assert len(gateway.requests) == 1
    assert waits == []


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-portkey-retry-attempt-count": "0", "x-portkey-last-used-option-index": "config"},
        {"x-portkey-retry-attempt-count": "0", "x-portkey-last-used-option-index": "config.targets[0]"},
        {"x-portkey-trace-id": "req-1", "x-portkey-retry-attempt-count": "0"},
    ],
    ids=["no-gateway-headers", "plain-provider", "first-target", "trace-id-echoed"],
)
async def test_an_answer_the_gateway_did_not_retry_is_retried(
    headers: dict[str, str], make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(json_reply(FAILURE, 503, headers), json_reply(FAILURE, 503, headers))

    await resolve(make_client(max_retries=2).chat.completions.create(model="m", messages=MESSAGES))

    assert len(gateway.requests) == 3
    assert len(waits) == 2


@pytest.mark.parametrize(
    "refusal",
    [httpx.LocalProtocolError("Illegal header value b' x'"), httpx.UnsupportedProtocol("no scheme")],
    ids=["local-protocol-error", "unsupported-protocol"],
)
async def test_a_request_the_http_layer_refused_is_not_retried(
    refusal: Exception, make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    gateway.script(refusal)

    with pytest.raises(APIConnectionError) as caught:
        await resolve(make_client(max_retries=2).chat.completions.create(model="m", messages=MESSAGES))

    assert "was not sent: the HTTP layer refused it" in caught.value.message
    assert len(gateway.requests) == 1
    assert waits == []


async def test_a_body_that_cannot_be_decoded_is_a_connection_error(
    make_client: ClientFactory, gateway: MockGateway, waits: list[float]
) -> None:
    broken = httpx.Response(200, stream=httpx.ByteStream(b"not gzip"), headers={"content-encoding": "gzip"})
    gateway.script(broken)

    with pytest.raises(APIConnectionError) as caught:
        await resolve(make_client(max_retries=2).chat.completions.create(model="m", messages=MESSAGES))

    assert "DecodingError" in caught.value.message
    assert waits == []
