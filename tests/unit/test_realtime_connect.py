"""client.realtime.connect: the WebSocket connection, against the tests' own WebSocket server on 127.0.0.1
(the real gateway's realtime route always dials the provider's public host, so it cannot reach a local
upstream; tests/integration/test_realtime_gateway.py drives that route as far as it goes offline)."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from websockets.http11 import Response
from websockets.sync.server import Server, ServerConnection, serve

from portkey_typed import (
    APIConnectionError,
    AsyncPortkey,
    AuthenticationError,
    Portkey,
    PortkeyError,
    PortkeyValidationError,
)
from portkey_typed._realtime import parse_event

PROVIDER_KEY = "sk-provider-secret"


class RealtimeServer:
    """Answers `session.created`, then echoes every event back; refuses handshakes without a provider key."""

    def __init__(self) -> None:
        self.handshakes: list[dict[str, Any]] = []
        self._server: Server = serve(self._serve_connection, "127.0.0.1", 0, process_request=self._check)
        self.port = self._server.socket.getsockname()[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _check(self, connection: ServerConnection, request: Any) -> Response | None:
        self.handshakes.append({"path": request.path, "headers": dict(request.headers.raw_items())})
        if request.headers.get("authorization") != f"Bearer {PROVIDER_KEY}":
            body = json.dumps(
                {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error"}}
            )
            response = connection.respond(401, body)
            response.headers["Content-Type"] = "application/json"
            return response
        return None

    def _serve_connection(self, socket: ServerConnection) -> None:
        socket.send(
            json.dumps({"type": "session.created", "event_id": "event_1", "session": {"id": "sess_1"}})
        )
        for message in socket:
            event = json.loads(message)
            if event["type"] == "close.abnormally":
                socket.close(code=1011, reason="upstream failed")
                return
            socket.send(json.dumps({"type": "echo", "received": event}))
            if event["type"] == "goodbye":
                socket.close()
                return

    def close(self) -> None:
        self._server.shutdown()


@pytest.fixture(scope="module")
def server() -> Iterator[RealtimeServer]:
    running = RealtimeServer()
    yield running
    running.close()


def options(server: RealtimeServer, **extra: Any) -> dict[str, Any]:
    return {
        "base_url": f"http://127.0.0.1:{server.port}/v1",
        "provider": "openai",
        "authorization": PROVIDER_KEY,
        "trace_id": "trace-rt-1",
        "metadata": {"team": "voice"},
        **extra,
    }


def test_a_connection_opens_with_the_clients_headers_and_relays_events(server: RealtimeServer) -> None:
    client = Portkey(**options(server))
    with client.realtime.connect(
        model="gpt-realtime", extra_query={"intent": "demo"}, extra_headers={"X-Extra": "1"}
    ) as connection:
        assert connection.recv()["type"] == "session.created"
        connection.send({"type": "session.update", "session": {"instructions": "Be brief."}})
        echoed = connection.recv()
        assert echoed == {
            "type": "echo",
            "received": {"type": "session.update", "session": {"instructions": "Be brief."}},
        }
        connection.send({"type": "goodbye"})
        assert [event["type"] for event in connection] == ["echo"]

    handshake = server.handshakes[-1]
    assert handshake["path"] == "/v1/realtime?model=gpt-realtime&intent=demo"
    headers = {name.lower(): value for name, value in handshake["headers"].items()}
    assert headers["x-portkey-provider"] == "openai"
    assert headers["x-portkey-trace-id"] == "trace-rt-1"
    assert json.loads(headers["x-portkey-metadata"]) == {"team": "voice"}
    assert headers["authorization"] == f"Bearer {PROVIDER_KEY}"
    assert headers["x-extra"] == "1"
    assert headers["user-agent"].startswith("portkey-typed/")
    assert (
        list(handshake["headers"]).count("User-Agent") + list(handshake["headers"]).count("user-agent") == 1
    )


async def test_the_async_client_opens_the_same_connection(server: RealtimeServer) -> None:
    client = AsyncPortkey(**options(server))
    async with client.realtime.connect(model="gpt-realtime") as connection:
        assert (await connection.recv())["type"] == "session.created"
        await connection.send({"type": "goodbye"})
        assert [event["type"] async for event in connection] == ["echo"]
    assert server.handshakes[-1]["path"] == "/v1/realtime?model=gpt-realtime"


def test_websocket_base_url_wins_over_the_base_url(server: RealtimeServer) -> None:
    client = Portkey(
        **options(server, base_url="https://gateway.invalid/v1"),
        websocket_base_url=f"ws://127.0.0.1:{server.port}/gateway/v1/",
    )
    connection = client.realtime.connect(model="gpt-realtime").enter()
    try:
        assert connection.recv()["type"] == "session.created"
    finally:
        connection.close()
    assert server.handshakes[-1]["path"] == "/gateway/v1/realtime?model=gpt-realtime"


async def test_a_refused_handshake_is_the_status_error_of_its_answer(server: RealtimeServer) -> None:
    for client in (
        Portkey(**options(server, authorization="sk-wrong")),
        AsyncPortkey(**options(server, authorization="sk-wrong")),
    ):
        manager = client.realtime.connect(model="gpt-realtime")
        with pytest.raises(AuthenticationError) as caught:
            if isinstance(client, AsyncPortkey):
                await manager.enter()
            else:
                manager.enter()
        assert caught.value.status_code == 401
        assert caught.value.message == "Incorrect API key provided."
        assert "sk-wrong" not in str(caught.value)


def test_an_abnormal_close_is_a_connection_error(server: RealtimeServer) -> None:
    with Portkey(**options(server)).realtime.connect(model="gpt-realtime") as connection:
        connection.recv()
        connection.send({"type": "close.abnormally"})
        with pytest.raises(APIConnectionError, match="closed abnormally"):
            connection.recv()


def test_nothing_listening_is_a_connection_error() -> None:
    client = Portkey(base_url="http://127.0.0.1:9/v1", authorization=PROVIDER_KEY)
    with pytest.raises(APIConnectionError, match="Could not open the realtime connection"):
        client.realtime.connect(model="gpt-realtime").enter()


def test_bad_arguments_are_refused_before_connecting() -> None:
    client = Portkey(base_url="http://127.0.0.1:9/v1")
    with pytest.raises(PortkeyValidationError, match="model"):
        client.realtime.connect(model="")
    with pytest.raises(PortkeyValidationError, match="websocket_base_url"):
        Portkey(base_url="http://127.0.0.1:9/v1", websocket_base_url="ftp://127.0.0.1/v1")


def test_a_message_that_is_not_an_event_is_a_connection_error() -> None:
    with pytest.raises(APIConnectionError, match="not JSON"):
        parse_event(b"\x00binary")
    with pytest.raises(APIConnectionError, match="JSON list"):
        parse_event("[1, 2]")


async def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("websockets.sync.client", "websockets.asyncio.client"):
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(PortkeyError, match=r"portkey-typed\[realtime\]"):
        Portkey(base_url="http://127.0.0.1:9/v1").realtime.connect(model="gpt-realtime").enter()
    with pytest.raises(PortkeyError, match=r"portkey-typed\[realtime\]"):
        await AsyncPortkey(base_url="http://127.0.0.1:9/v1").realtime.connect(model="gpt-realtime").enter()


def test_the_http_calls_stay_on_the_resource() -> None:
    realtime = Portkey(base_url="http://127.0.0.1:9/v1").realtime
    assert callable(realtime.client_secrets.create)
    assert callable(realtime.calls.accept)
