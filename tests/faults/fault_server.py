"""A small HTTP server on 127.0.0.1 that misbehaves on purpose, one scripted answer per request.

Each request takes the next `Answer` of the script (a JSON 200 once the script is empty). The server
counts the connections that are open right now, so a test can check that the client closed them all.
"""

from __future__ import annotations

import json
import select
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[["FaultHandler"], None]


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FaultScript:
    answers: deque[Answer] = field(default_factory=deque)
    received: list[Received] = field(default_factory=list)
    open_connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self) -> Answer | None:
        with self.lock:
            return self.answers.popleft() if self.answers else None


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.script = FaultScript()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def answer(self, *answers: Answer) -> None:
        with self.script.lock:
            self.script.answers.extend(answers)

    @property
    def received(self) -> list[Received]:
        return self.script.received

    @property
    def open_connections(self) -> int:
        with self.script.lock:
            return self.script.open_connections


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def setup(self) -> None:
        super().setup()
        with self.server.script.lock:
            self.server.script.open_connections += 1

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.script.lock:
                self.server.script.open_connections -= 1

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        script = self.server.script
        with script.lock:
            script.received.append(Received(self.command, self.path, dict(self.headers.items()), body))
        answer = script.next_answer() or json_answer({"ok": True})
        try:
            answer(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def client_left_within(self, seconds: float) -> bool:
        """Wait up to `seconds`; True as soon as the client closes its end of the connection."""
        readable, _, _ = select.select([self.connection], [], [], seconds)
        return bool(readable)


def json_answer(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    def answer(handler: FaultHandler) -> None:
        handler.send(
            status, json.dumps(body).encode(), {"content-type": "application/json", **(headers or {})}
        )

    return answer


def raw_answer(body: bytes, status: int, content_type: str) -> Answer:
    def answer(handler: FaultHandler) -> None:
        handler.send(status, body, {"content-type": content_type})

    return answer


def slow_answer(seconds: float, then: Answer) -> Answer:
    """Answer after `seconds`, or not at all if the client gives up first."""

    def answer(handler: FaultHandler) -> None:
        if handler.client_left_within(seconds):
            handler.close_connection = True
            return
        then(handler)

    return answer


def stream_answer(events: list[str], *, cut: bool = False) -> Answer:
    """Server-sent events in chunked encoding; `cut` drops the connection instead of ending the body."""

    def answer(handler: FaultHandler) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "text/event-stream")
        handler.send_header("transfer-encoding", "chunked")
        handler.end_headers()
        for event in events:
            data = event.encode()
            handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            handler.wfile.flush()
        if cut:
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        handler.wfile.write(b"0\r\n\r\n")

    return answer


@contextmanager
def running_server() -> Iterator[FaultServer]:
    server = FaultServer()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-server"
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
