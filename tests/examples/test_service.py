"""examples/service driven over HTTP: uvicorn on 127.0.0.1 (a real server and a real streaming
response), httpx as its client, the real gateway and the tests' upstream behind it."""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from httpx_sse import ServerSentEvent, connect_sse

from tests.harness import Upstream
from tests.harness.chat_bodies import echo_of
from tests.harness.examples import MISSING_MODEL, missing_model
from tests.harness.replies import openai_error

from .conftest import Service

PROMPT = "Tell me about lighthouses"


def chat_body(**fields: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": PROMPT}], **fields}


@pytest.fixture
def http(service: Service) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.url, timeout=30.0) as client:
        yield client


def stream_events(
    http: httpx.Client, headers: dict[str, str]
) -> tuple[httpx.Response, list[ServerSentEvent]]:
    with connect_sse(http, "POST", "/chat", json=chat_body(), headers=headers) as source:
        events = list(source.iter_sse())
        return source.response, events


def test_chat_streams_with_the_callers_request_id_as_trace_id(http: httpx.Client, upstream: Upstream) -> None:
    response, events = stream_events(http, {"x-request-id": "req-service-1"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["x-request-id"] == "req-service-1"
    assert response.headers["x-portkey-trace-id"] == "req-service-1"  # as the gateway echoed it
    pieces = [json.loads(event.data)["content"] for event in events if event.event == "message"]
    assert len(pieces) > 1
    assert "".join(pieces) == echo_of(PROMPT)
    assert events[-1].event == "done"
    done = json.loads(events[-1].data)
    assert done["finish_reason"] == "stop"
    assert isinstance(done["total_tokens"], int)
    assert upstream.last.json["stream"] is True


def test_a_traceparent_gives_its_trace_id(http: httpx.Client) -> None:
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    response, _ = stream_events(http, {"traceparent": f"00-{trace}-00f067aa0ba902b7-01"})
    assert response.headers["x-portkey-trace-id"] == trace


def test_without_an_id_the_service_makes_one(http: httpx.Client) -> None:
    response = http.post("/chat", json=chat_body(stream=False), headers={"x-request-id": "bad id\twith tab"})
    assert response.status_code == 200
    assert response.json() == {"content": echo_of(PROMPT), "model": "gpt-4o-mini"}
    made = response.headers["x-request-id"]
    assert len(made) == 32 and made == response.headers["x-portkey-trace-id"]


def test_rate_limits_become_429_with_retry_after(http: httpx.Client, upstream: Upstream) -> None:
    upstream.plan(
        route="chat/completions", status=429, times=None, headers={"retry-after-ms": "5", "retry-after": "7"}
    )
    response = http.post("/chat", json=chat_body(), headers={"x-request-id": "req-busy"})
    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert response.json() == {
        "error": {"message": "The model is busy; retry later.", "request_id": "req-busy"}
    }
    assert len(upstream.requests) == 3  # the service's client retried twice first


def test_an_unknown_model_is_404(http: httpx.Client, upstream: Upstream) -> None:
    missing_model(upstream)
    response = http.post("/chat", json=chat_body(model=MISSING_MODEL))
    assert response.status_code == 404
    assert MISSING_MODEL in response.json()["error"]["message"]


def test_refused_credentials_are_502_without_the_providers_words(
    http: httpx.Client, upstream: Upstream
) -> None:
    upstream.plan(status=401, times=None, body=openai_error(401, "Incorrect API key provided: sk-loc***"))
    response = http.post("/chat", json=chat_body(stream=False))
    assert response.status_code == 502
    assert "sk-" not in response.text
    assert response.json()["error"]["message"] == "The service's model credentials were refused."


def test_an_error_in_the_middle_of_the_stream_is_an_error_event(
    http: httpx.Client, upstream: Upstream
) -> None:
    upstream.plan(
        sse_error_event={"error": {"message": "model overloaded", "type": "server_error"}}, sse_error_after=2
    )
    response, events = stream_events(http, {})
    assert response.status_code == 200
    assert [event.event for event in events][-1] == "error"
    assert json.loads(events[-1].data) == {"error": "The model gateway failed."}


def test_a_malformed_request_is_422(http: httpx.Client, upstream: Upstream) -> None:
    response = http.post("/chat", json={"messages": []})
    assert response.status_code == 422
    assert upstream.requests == []
