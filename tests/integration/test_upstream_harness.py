"""The upstream's own contract: prefixes, fault plans and the request record (called directly)."""

import time

import httpx

from tests.harness import Upstream
from tests.harness.chat_bodies import echo_of

CHAT = {"model": "m", "messages": [{"role": "user", "content": "ping"}]}


def test_any_prefix_serves_the_api_and_is_recorded(upstream: Upstream) -> None:
    for prefix in ("", "/a", "/b/c"):
        answer = httpx.post(f"{upstream.url(prefix)}/chat/completions", json=CHAT)
        assert answer.json()["choices"][0]["message"]["content"] == echo_of("ping")
        assert answer.headers["x-upstream-prefix"] == (prefix or "/")
    assert [request.prefix for request in upstream.requests] == ["", "/a", "/b/c"]
    assert upstream.requests[0].json == CHAT


def test_fault_applies_the_planned_number_of_times(upstream: Upstream) -> None:
    upstream.plan(prefix="/a", status=503, times=2, headers={"retry-after": "3"})
    url = f"{upstream.url('/a')}/chat/completions"
    statuses = [httpx.post(url, json=CHAT).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert httpx.post(f"{upstream.url('/b')}/chat/completions", json=CHAT).status_code == 200


def test_fault_overrides_body_and_headers(upstream: Upstream) -> None:
    upstream.plan(route="embeddings", body={"custom": True}, headers={"x-extra": "1"})
    answer = httpx.post(f"{upstream.url()}/embeddings", json={"input": "x"})
    assert (answer.status_code, answer.json(), answer.headers["x-extra"]) == (200, {"custom": True}, "1")


def test_delay_holds_the_answer(upstream: Upstream) -> None:
    upstream.plan(delay_ms=200)
    started = time.monotonic()
    httpx.get(f"{upstream.url()}/models")
    assert time.monotonic() - started >= 0.2


def test_tool_call_when_tools_are_given(upstream: Upstream) -> None:
    tool = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}
    answer = httpx.post(f"{upstream.url()}/chat/completions", json={**CHAT, "tools": [tool]}).json()
    call = answer["choices"][0]["message"]["tool_calls"][0]
    assert (call["function"]["name"], answer["choices"][0]["finish_reason"]) == ("lookup", "tool_calls")


def test_reset_clears_record_and_plan(upstream: Upstream) -> None:
    upstream.plan(status=500, times=None)
    httpx.get(f"{upstream.url()}/models")
    upstream.reset()
    assert upstream.requests == []
    assert httpx.get(f"{upstream.url()}/models").status_code == 200


def test_fault_selected_by_model(upstream: Upstream) -> None:
    upstream.plan(model="missing-model", status=404, times=None)
    url = f"{upstream.url()}/chat/completions"
    assert httpx.post(url, json={**CHAT, "model": "missing-model"}).status_code == 404
    assert httpx.post(url, json=CHAT).status_code == 200
