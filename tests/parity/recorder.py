"""A recording reverse proxy between a client and the gateway: the gateway never forwards `x-portkey-*`
headers upstream, so what a client sent is recorded here, on its way in, with the answer it got back."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from tests.harness.ports import LOOPBACK

HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "content-length", "host"})


@dataclass(frozen=True)
class Exchange:
    """One request as the client sent it (header names lower-cased) and the answer it received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)
    status: int
    response_body: bytes = field(repr=False)


class Recorder:
    """The running proxy: point a client's `base_url` at `url`; it forwards everything to `target`."""

    def __init__(self, target: str) -> None:
        self.target = target.rstrip("/")
        self.exchanges: list[Exchange] = []
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=30.0)
        self._server = _Server((LOOPBACK, 0), _Handler, self)
        self._thread = threading.Thread(target=self._server.serve_forever, name="recorder", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The base URL clients use: the proxy's origin with the gateway's `/v1`."""
        return f"http://{LOOPBACK}:{self._server.server_address[1]}/v1"

    def take(self) -> list[Exchange]:
        """The exchanges recorded since the last call, in order."""
        with self._lock:
            taken, self.exchanges = self.exchanges, []
        return taken

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> httpx.Response:
        sent = {k: v for k, v in headers.items() if k not in HOP_BY_HOP}
        origin = httpx.URL(self.target).copy_with(path="", query=None)
        response = self._http.request(method, f"{str(origin).rstrip('/')}{path}", headers=sent, content=body)
        with self._lock:
            self.exchanges.append(
                Exchange(method, path.split("?")[0], headers, body, response.status_code, response.content)
            )
        return response

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()
        self._thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], owner: Recorder
    ) -> None:
        super().__init__(address, handler)
        self.owner = owner


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._relay()

    def do_POST(self) -> None:
        self._relay()

    def do_DELETE(self) -> None:
        self._relay()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def _relay(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        response = self.server.owner.forward(self.command, self.path, headers, body)
        self.send_response(response.status_code)
        for name, value in response.headers.multi_items():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-encoding":
                self.send_header(name, value)
        self.send_header("content-length", str(len(response.content)))
        self.end_headers()
        self.wfile.write(response.content)
