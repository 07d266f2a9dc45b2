"""The harness itself, checked with plain httpx through the real gateway (no facade involved)."""

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.harness import Gateway, Upstream
from tests.harness.chat_bodies import echo_of

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello gateway"}]}


@pytest.fixture
def http(gateway: Gateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.base_url, timeout=10) as client:
        yield client


def provider_headers(upstream: Upstream, prefix: str = "/a") -> dict[str, str]:
    return {
        "x-portkey-provider": "openai",
        "x-portkey-custom-host": upstream.url(prefix),
        "authorization": "Bearer sk-test",
    }


def test_gateway_is_ready_on_loopback(gateway: Gateway) -> None:
    answer = httpx.get(f"{gateway.origin}/")
    assert answer.status_code == 200
    assert "AI Gateway says hey!" in answer.text
    assert 0 < gateway.ready_seconds < 30


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as the kernel lists them) of the sockets listening on `port`."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc/net socket tables")
def test_gateway_listens_on_loopback_only(gateway: Gateway) -> None:
    assert listening_addresses(gateway.port) == {"0100007F"}


def test_provider_header_and_custom_host_reach_the_upstream(http: httpx.Client, upstream: Upstream) -> None:
    answer = http.post("/chat/completions", json=CHAT, headers=provider_headers(upstream))
    assert answer.status_code == 200
    assert answer.json()["choices"][0]["message"]["content"] == echo_of("hello gateway")
    assert answer.headers["x-portkey-provider"] == "openai"
    received = upstream.last
    assert (received.method, received.prefix, received.route) == ("POST", "/a", "chat/completions")
    assert received.headers["authorization"] == "Bearer sk-test"
    assert not any(name.startswith("x-portkey-") for name in received.headers)


def test_streamed_chat_passes_every_chunk(http: httpx.Client, upstream: Upstream) -> None:
    body = {**CHAT, "stream": True}
    with http.stream("POST", "/chat/completions", json=body, headers=provider_headers(upstream)) as answer:
        assert answer.headers["content-type"].startswith("text/event-stream")
        data = [line[len("data: ") :] for line in answer.iter_lines() if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    chunks = [json.loads(item) for item in data[:-1]]
    text = "".join(chunk["choices"][0]["delta"].get("content") or "" for chunk in chunks if chunk["choices"])
    assert text == echo_of("hello gateway")


def test_fallback_config_moves_to_the_second_target(http: httpx.Client, upstream: Upstream) -> None:
    upstream.plan(prefix="/a", status=500)
    config = {
        "strategy": {"mode": "fallback"},
        "targets": [
            {"provider": "openai", "api_key": "sk-a", "custom_host": upstream.url("/a")},
            {"provider": "openai", "api_key": "sk-b", "custom_host": upstream.url("/b")},
        ],
    }
    answer = http.post("/chat/completions", json=CHAT, headers={"x-portkey-config": json.dumps(config)})
    assert answer.status_code == 200
    assert answer.headers["x-portkey-last-used-option-index"] == "config.targets[1]"
    assert [request.prefix for request in upstream.requests] == ["/a", "/b"]
    assert upstream.requests[1].headers["authorization"] == "Bearer sk-b"


def test_missing_provider_is_a_gateway_400(http: httpx.Client, upstream: Upstream) -> None:
    answer = http.post("/chat/completions", json=CHAT)
    assert answer.status_code == 400
    assert answer.json()["status"] == "failure"
    assert "x-portkey-provider" in answer.json()["message"]
    assert upstream.requests == []


def test_forwarded_header_arrives_and_others_do_not(http: httpx.Client, upstream: Upstream) -> None:
    headers = {
        **provider_headers(upstream),
        "x-portkey-forward-headers": "x-custom-header",
        "x-custom-header": "passed",
        "x-other-header": "dropped",
    }
    assert http.post("/chat/completions", json=CHAT, headers=headers).status_code == 200
    assert upstream.last.headers.get("x-custom-header") == "passed"
    assert "x-other-header" not in upstream.last.headers


def test_cut_stream_ends_early_without_done(http: httpx.Client, upstream: Upstream) -> None:
    upstream.plan(cut_stream_after=2)
    body = {**CHAT, "stream": True}
    with http.stream("POST", "/chat/completions", json=body, headers=provider_headers(upstream)) as answer:
        data = [line for line in answer.iter_lines() if line.startswith("data: ")]
    # The gateway reads the upstream through a web stream, and a stream that errors drops the chunks still queued
    # in it: when the cut arrives before the gateway has read the second event, only the first comes through.
    assert 1 <= len(data) <= 2
    assert all(line.startswith('data: {"id"') for line in data)
    assert "data: [DONE]" not in data


def test_sse_error_event_passes_through(http: httpx.Client, upstream: Upstream) -> None:
    upstream.plan(sse_error_event={"error": {"message": "boom", "type": "server_error"}}, sse_error_after=1)
    body = {**CHAT, "stream": True}
    with http.stream("POST", "/chat/completions", json=body, headers=provider_headers(upstream)) as answer:
        lines = [line for line in answer.iter_lines() if line]
    assert "event: error" in lines
    assert json.loads(lines[-1][len("data: ") :])["error"]["message"] == "boom"
